#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

namespace spark {

// How every command is wired (parse, then run): when CLI11 chooses `command`, `run` becomes
// the action that main calls once every option is parsed, inside its one error handler.
void run_when_chosen(CLI::App& command, Context& context, std::function<void(const Context&)> run);

// The same for the usual `run_x(const XOptions&, const Context&)` over options that CLI11
// fills while parsing.
template <typename Options>
void run_when_chosen(CLI::App& command, Context& context, std::shared_ptr<Options> options,
                     void (*run)(const Options&, const Context&)) {
    run_when_chosen(command, context, [options, run](const Context& c) { run(*options, c); });
}

// One line per subcommand: the whole tool at a glance.
void register_commands(CLI::App& app, Context& context);

void register_init(CLI::App& app, Context& context);
void register_log(CLI::App& app, Context& context);
void register_people(CLI::App& app, Context& context);
// merge and forget, under `people` (cmd/people_edit.cpp).
void register_people_edit(CLI::App& people, Context& context);
// set, under `people` (cmd/people_set.cpp).
void register_people_set(CLI::App& people, Context& context);
void register_meet(CLI::App& app, Context& context);
// `done`: follow-ups of a meeting marked done (cmd/done.cpp).
void register_done(CLI::App& app, Context& context);
void register_list(CLI::App& app, Context& context);
void register_show(CLI::App& app, Context& context);
// `edit ID`: fixes from flags, or the record in $EDITOR (cmd/edit.cpp).
void register_edit(CLI::App& app, Context& context);
void register_rm(CLI::App& app, Context& context);
void register_undo(CLI::App& app, Context& context);
void register_check(CLI::App& app, Context& context);
// What `spark check` does (also the last step of `spark sync`): prints every problem and
// exits, 1 when there are errors.
[[noreturn]] void run_check(const Context& context);
// `sync`: pull --rebase and push through git, then check.
void register_sync(CLI::App& app, Context& context);
void register_status(CLI::App& app, Context& context);
void register_report(CLI::App& app, Context& context);
// `completion` and the hidden `__complete` it calls at TAB time.
void register_completion(CLI::App& app, Context& context);
// `help [COMMAND...]`, the --help text of a command.
void register_help(CLI::App& app, Context& context);

} // namespace spark
