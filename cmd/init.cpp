#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "storage.hpp"
#include "validate.hpp"
#include "workspace.hpp"

#include <filesystem>
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

void ensure_git_ignores_cache(const std::filesystem::path& root,
                              std::vector<std::string>& written) {
    const auto path = root / ".gitignore";
    if (!std::filesystem::exists(path)) {
        write_new_file(root, ".gitignore",
                       "# spark's derived cache; rebuilt when missing\n.spark/\n");
        written.push_back(".gitignore");
        return;
    }
    std::string existing = read_file(path);
    if (existing.find(".spark/") == std::string::npos) {
        if (!existing.empty() && existing.back() != '\n') {
            existing += '\n';
        }
        replace_file(path, existing + ".spark/\n");
        written.push_back(".gitignore");
    }
}

void run_init(const InitOptions& options, const Context& context) {
    validate_text(options.name, "--name", true);
    validate_text(options.organisation, "--org", false);
    const std::filesystem::path root =
        std::filesystem::absolute(options.directory).lexically_normal();
    if (std::filesystem::exists(root / config_file_name)) {
        throw Error(fmt::format("'{}' is already a spark workspace", root.string()));
    }
    make_directories(root);

    const bool in_repository = inside_git_repository(root);
    bool use_git = false;
    if (!options.no_git) {
        if (in_repository) {
            use_git = true;
        } else if (auto warning = git_init(root)) {
            context.warn(*warning);
        } else {
            use_git = true;
        }
    }

    Workspace workspace;
    workspace.root = root;
    workspace.config.name = options.name;
    workspace.config.organisation = options.organisation;
    workspace.config.language = options.language;
    workspace.config.started = context.today();
    if (use_git) {
        workspace.config.git_autocommit = true;
    } else if (options.no_git) {
        workspace.config.git_autocommit = false;
    }
    if (!write_new_file(root, config_file_name, emit_config(workspace.config))) {
        throw Error(fmt::format("'{}' is already a spark workspace", root.string()));
    }
    for (const char* folder : {people_dir, log_dir, meetings_dir}) {
        make_directories(root / folder);
    }
    std::vector<std::string> written = {config_file_name};
    if (use_git) {
        ensure_git_ignores_cache(root, written);
        if (auto warning = commit_files(workspace, written, "init: " + options.name)) {
            context.warn(*warning);
        }
    }
    context.info(
        fmt::format("Initialized spark workspace '{}' in {}", options.name, root.string()));
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
