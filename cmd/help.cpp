// `spark help [COMMAND...]`: the same text as `spark COMMAND --help`, for people who type
// help first (as with git help).

#include "commands.hpp"
#include "usage.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

void register_help(CLI::App& app, Context& context) {
    auto words = std::make_shared<std::vector<std::string>>();
    auto* command = app.add_subcommand("help", "Show the help of a command");
    command->add_option("COMMAND", *words, "The command, e.g. log or people add");
    command->footer("The same text as 'spark COMMAND --help'; 'man spark-COMMAND' has more.\n"
                    "Examples:\n"
                    "  spark help log\n"
                    "  spark help people add");
    run_when_chosen(*command, context,
                    [words, &app](const Context&) { fmt::print("{}", help_for(app, *words)); });
}

} // namespace spark
