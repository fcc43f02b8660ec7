#include "analysis.hpp"
#include "commands.hpp"
#include "git.hpp"
#include "records.hpp"
#include "status_view.hpp"
#include "terminal.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

void run_status(const Context& context) {
    const Date today = context.today();
    const Workspace workspace = context.open_workspace();
    const Records records = load_valid_records(workspace, Texts::skipped);
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
                    "Examples:\n"
                    "  spark status\n"
                    "  spark -C ~/wijkkracht status | head -1   # the state line, for a login "
                    "script");
    run_when_chosen(*command, context, run_status);
}

} // namespace spark
