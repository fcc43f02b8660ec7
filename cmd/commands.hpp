#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>

namespace spark {

// One line per subcommand: the whole tool at a glance.
void register_commands(CLI::App& app, Context& context);

void register_init(CLI::App& app, Context& context);
void register_log(CLI::App& app, Context& context);
void register_people(CLI::App& app, Context& context);
// merge and forget, under `people` (cmd/people_edit.cpp).
void register_people_edit(CLI::App& people, Context& context);
void register_meet(CLI::App& app, Context& context);
void register_list(CLI::App& app, Context& context);
void register_show(CLI::App& app, Context& context);
void register_check(CLI::App& app, Context& context);
void register_status(CLI::App& app, Context& context);
void register_report(CLI::App& app, Context& context);
// `completion` and the hidden `__complete` it calls at TAB time.
void register_completion(CLI::App& app, Context& context);

} // namespace spark
