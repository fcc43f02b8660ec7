#include "workspace_create.hpp"

#include "error.hpp"
#include "git.hpp"
#include "storage.hpp"
#include "workspace.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

// The cache is derived and rebuilt when missing: never committed.
void ensure_git_ignores_cache(const fs::path& root, std::vector<std::string>& written) {
    const auto path = root / ".gitignore";
    if (!fs::exists(path)) {
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

} // namespace

CreatedWorkspace create_workspace(const fs::path& directory, const NewWorkspace& settings) {
    CreatedWorkspace created;
    const fs::path root = fs::absolute(directory).lexically_normal();
    created.root = root;
    if (fs::exists(root / config_file_name)) {
        throw Error(fmt::format("'{}' is already a spark workspace", root.string()));
    }
    make_directories(root);

    bool use_git = false;
    if (settings.use_git) {
        if (inside_git_repository(root)) {
            use_git = true;
        } else if (auto warning = git_init(root)) {
            created.warnings.push_back(*warning);
        } else {
            use_git = true;
        }
    }

    Workspace workspace;
    workspace.root = root;
    workspace.config.name = settings.name;
    workspace.config.organisation = settings.organisation;
    workspace.config.language = settings.language;
    workspace.config.started = settings.started;
    if (use_git) {
        workspace.config.git_autocommit = true;
    } else if (!settings.use_git) {
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
        if (auto warning = commit_files(workspace, written, "init: " + settings.name)) {
            created.warnings.push_back(*warning);
        }
    }
    return created;
}

} // namespace spark
