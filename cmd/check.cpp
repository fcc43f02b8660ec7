#include "check.hpp"

#include "commands.hpp"
#include "dangling.hpp"
#include "error.hpp"
#include "git.hpp"
#include "records.hpp"
#include "storage.hpp"
#include "workspace.hpp"
#include "workspace_edit.hpp"

#include <algorithm>
#include <fmt/color.h>
#include <fmt/format.h>
#include <memory>
#include <optional>

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

struct CheckOptions {
    bool fix = false;
};

std::optional<Removal> removal_of(const Workspace& workspace, const std::string& id) {
    return removal_in_history(workspace, "people/" + id + ".toml");
}

// --fix: the safe repairs of references left dangling by a pull, each in a commit of its
// own; what has no safe repair stays for the check that follows to explain.
void fix_dangling_references(const Context& context) {
    const Workspace workspace = context.open_workspace();
    context.lock_workspace_exclusively(workspace); // it rewrites references, as merge does
    const FileSource source = [&](const std::string& path) {
        return read_file(workspace.root / path);
    };
    auto lookup = [&](const std::string& id) {
        return removal_of(workspace, id);
    };
    std::vector<std::string> unsafe;
    for (int round = 0; round < 100; ++round) {
        const Records records = load_valid_records(workspace);
        std::optional<DanglingPerson> next;
        unsafe.clear();
        for (auto& person : dangling_people(records, lookup)) {
            if (!person.safe()) {
                unsafe.push_back(person.id);
            } else if (!next) {
                next = std::move(person);
            }
        }
        if (!next) {
            break;
        }
        const PeopleEdit plan = plan_dangling_repair(records, *next, source);
        verify_unchanged(workspace, plan.edit);
        apply_writes(workspace, plan.edit);
        for (const auto& path : plan.edit.paths()) {
            fmt::print("updated {}\n", context.display_path(workspace, path));
        }
        const bool forgotten = next->repair == DanglingPerson::Repair::forgotten;
        context.info(fmt::format("{} reference{} to '{}' now name '{}'", plan.references,
                                 plan.references == 1 ? "" : "s",
                                 forgotten ? "a forgotten person" : next->id, next->target));
        // No old id of a forgotten person in the history's messages.
        const std::string message =
            forgotten ? "check --fix: references to a forgotten person now name " + next->target
                      : fmt::format("check --fix: references to {} now name {} (merged)", next->id,
                                    next->target);
        if (auto warning = commit_files(workspace, plan.edit.paths(), message)) {
            context.warn(*warning);
        }
    }
    for (const auto& id : unsafe) {
        context.warn(
            fmt::format("no safe repair for references to '{}': see the advice below", id));
    }
}

// `spark check [--fix]`: the repairs first, then the check of what is left.
void run_check_command(const CheckOptions& options, const Context& context) {
    if (options.fix) {
        fix_dangling_references(context);
    }
    run_check(context);
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
        // A person named but gone (after a pull, mostly): what happened, and the repair.
        for (const auto& person : dangling_people(
                 records, [&](const std::string& id) { return removal_of(workspace, id); })) {
            diagnostics.push_back(dangling_advice(person));
        }
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
                    "A person named in records but without a record (merged or forgotten in\n"
                    "another clone, then pulled) gets a warning with the repair; --fix applies\n"
                    "the safe ones (the person it was merged into, the pseudonym of a forgotten\n"
                    "person), one commit each, and changes nothing else.\n"
                    "Examples:\n"
                    "  spark check\n"
                    "  spark check -q      # only the problems: in a git pre-commit hook\n"
                    "  spark check --fix   # after a pull: people merged or forgotten elsewhere\n"
                    "  vim \"$(spark check -q | head -1 | cut -d: -f1)\"   # open the first broken "
                    "file");
    auto options = std::make_shared<CheckOptions>();
    command->add_flag("--fix", options->fix,
                      "Repair references to people merged or forgotten in another clone");
    run_when_chosen(*command, context, options, run_check_command);
}

} // namespace spark
