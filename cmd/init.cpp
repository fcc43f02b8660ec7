#include "arguments.hpp"
#include "commands.hpp"
#include "workspace_create.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct InitOptions {
    std::string directory = ".";
    std::string name;
    std::string organisation;
    std::string language = "nl";
    bool no_git = false;
};

void run_init(const InitOptions& options, const Context& context) {
    validate_text(options.name, "--name", true);
    validate_text(options.organisation, "--org", false);
    const CreatedWorkspace created =
        create_workspace(options.directory, {options.name, options.organisation, options.language,
                                             context.today(), !options.no_git});
    for (const auto& warning : created.warnings) {
        context.warn(warning);
    }
    context.info(
        fmt::format("Initialized spark workspace '{}' in {}", options.name, created.root.string()));
}

} // namespace

void register_init(CLI::App& app, Context& context) {
    auto options = std::make_shared<InitOptions>();
    auto* command = app.add_subcommand("init", "Create a workspace for a new initiative");
    command->add_option("DIR", options->directory, "Folder for the workspace (default: here)");
    command->add_option("--name", options->name, "Name of the initiative")->required();
    command->add_option("--org", options->organisation, "Organisation, e.g. 'Gemeente Zaanstad'");
    command->add_option("--lang", options->language, "Language of reports: nl or en")
        ->check(CLI::IsMember({"nl", "en"}));
    command->add_flag("--no-git", options->no_git, "Do not run git init or commit");
    command->footer("Examples:\n"
                    "  spark init wijkkracht --name 'Wijkkracht' --org 'Gemeente Zaanstad'\n"
                    "  spark init --name 'Ruimte voor initiatief' --lang en --no-git");
    run_when_chosen(*command, context, options, run_init);
}

} // namespace spark
