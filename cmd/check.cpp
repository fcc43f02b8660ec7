#include "check.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "records.hpp"
#include "storage.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <fmt/color.h>
#include <fmt/format.h>

namespace spark {

namespace {

void print_diagnostic(const Diagnostic& d, bool color) {
    std::string line = format_diagnostic(d);
    if (color) {
        const bool is_error = d.severity == Severity::error;
        const std::string label = is_error ? "error:" : "warning:";
        const auto at = line.find(" " + label);
        if (at != std::string::npos) {
            const auto styled = fmt::format(
                fmt::fg(is_error ? fmt::terminal_color::red : fmt::terminal_color::yellow) |
                    fmt::emphasis::bold,
                "{}", label);
            line.replace(at + 1, label.size(), styled);
        }
    }
    fmt::print("{}\n", line);
}

} // namespace

void run_check(const Context& context) {
    std::vector<Diagnostic> diagnostics;
    std::size_t files = 0;
    Records records; // kept to the end: exit_after_output skips freeing it
    try {
        const Workspace workspace = context.open_workspace();
        records = load_records(workspace, Texts::skipped); // check reads no body or note
        files = records.people.size() + records.entries.size() + records.meetings.size();
        auto semantic = check_records(records);
        diagnostics = std::move(records.diagnostics);
        diagnostics.insert(diagnostics.end(), semantic.begin(), semantic.end());
        const auto git = git_out_of_step(workspace);
        diagnostics.insert(diagnostics.end(), git.begin(), git.end());
    } catch (const DataError& e) {
        diagnostics = e.diagnostics(); // spark.toml itself is broken
    }
    // Errors first, so the problems that must be fixed are never buried under warnings.
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.severity, a.path, a.pos.line, a.pos.column) <
               std::tie(b.severity, b.path, b.pos.line, b.pos.column);
    });
    const bool color = context.color_enabled(stdout);
    std::size_t errors = 0;
    for (const auto& d : diagnostics) {
        print_diagnostic(d, color);
        errors += d.severity == Severity::error;
    }
    const std::size_t warnings = diagnostics.size() - errors;
    if (!context.quiet) {
        fmt::print(stderr, "{} records checked: {} error{}, {} warning{}\n", files, errors,
                   errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
    if (errors > 0) {
        fmt::print(stderr, "spark: error: {} problem{} found\n", errors, errors == 1 ? "" : "s");
    }
    context.exit_after_output(errors > 0 ? 1 : 0);
}

void register_check(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("check", "Validate every file in the workspace");
    command->footer("Each problem is printed as path:line:col: error|warning: message.\n"
                    "Exit status 1 when any error is found; warnings alone pass.\n"
                    "Examples:\n"
                    "  spark check\n"
                    "  spark check -q      # only the problems: in a git pre-commit hook\n"
                    "  vim \"$(spark check -q | head -1 | cut -d: -f1)\"   # open the first broken "
                    "file");
    run_when_chosen(*command, context, run_check);
}

} // namespace spark
