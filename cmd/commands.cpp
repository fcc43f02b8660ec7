#include "commands.hpp"

namespace spark {

void run_when_chosen(CLI::App& command, Context& context, std::function<void(const Context&)> run) {
    command.callback([&context, run = std::move(run)] {
        context.action = [&context, run] {
            run(context);
        };
    });
}

void register_commands(CLI::App& app, Context& context) {
    register_init(app, context);
    register_people(app, context);
    register_log(app, context);
    register_meet(app, context);
    register_done(app, context);
    register_list(app, context);
    register_show(app, context);
    register_edit(app, context);
    register_rm(app, context);
    register_undo(app, context);
    register_check(app, context);
    register_sync(app, context);
    register_status(app, context);
    register_report(app, context);
    register_completion(app, context);
    register_help(app, context);
}

} // namespace spark
