#include "commands.hpp"

namespace spark {

void register_commands(CLI::App& app, Context& context) {
    register_init(app, context);
    register_people(app, context);
    register_log(app, context);
    register_meet(app, context);
    register_list(app, context);
    register_show(app, context);
    register_check(app, context);
    register_status(app, context);
    register_report(app, context);
    register_completion(app, context);
}

} // namespace spark
