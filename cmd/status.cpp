#include "analysis.hpp"
#include "commands.hpp"
#include "git.hpp"
#include "records.hpp"
#include "report_input.hpp"
#include "status_view.hpp"
#include "terminal.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct StatusOptions {
    bool force = false;
};

void run_status(const StatusOptions& options, const Context& context) {
    const Date today = context.today();
    const Workspace workspace = context.open_workspace();
    // Data `spark check` calls wrong is refused, or with --force shown under a warning (on
    // standard error: the first line stays the state line scripts read).
    const ReportInput input = load_report_input(workspace, options.force, "status", Texts::skipped);
    if (!input.problems.empty()) {
        const std::size_t n = input.problems.size();
        context.warn(fmt::format("{} problem{} in the data (see 'spark check'): the figures "
                                 "below may be wrong",
                                 n, n == 1 ? "" : "s"));
    }
    const Records& records = input.records;
    // The whole history up to today, as the report's default period.
    const Period period =
        resolve_period("", "", "", history_start(records, workspace.config, today), today);
    const Analysis analysis = analyse(records, workspace.config, period, today);
    const Language language = *language_from_name(workspace.config.language);
    const DisplayNames names(records, analysis.figures, language, NamesMode::inside);
    fmt::print("{}", render_status(workspace.config, analysis, names, language,
                                   context.color_enabled(stdout)));
    // Records that never reached git, and a lock a killed git left behind.
    for (const auto& problem : git_out_of_step(workspace)) {
        fmt::print("  ! {}: {}\n", terminal_line(problem.path), terminal_line(problem.message));
    }
    context.exit_after_output();
}

} // namespace

void register_status(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("status", "Show the fire state and what needs attention");
    command->footer("The same figures as 'spark report', from the first record up to today.\n"
                    "Data that 'spark check' calls an error is refused, as by 'spark report',\n"
                    "unless --force (the warning then goes to standard error).\n"
                    "Examples:\n"
                    "  spark status\n"
                    "  spark -C ~/wijkkracht status | head -1   # the state line, for a login "
                    "script");
    auto options = std::make_shared<StatusOptions>();
    command->add_flag("--force", options->force,
                      "Show the status even when 'spark check' finds errors, under a warning");
    run_when_chosen(*command, context, options, run_status);
}

} // namespace spark
