#pragma once

#include "date.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace spark {

// What `spark init` asks for.
struct NewWorkspace {
    std::string name;
    std::string organisation;
    std::string language = "nl";
    Date started;        // today, from the caller
    bool use_git = true; // false: --no-git (no git init, autocommit off)
};

// What was done, for the command to report.
struct CreatedWorkspace {
    std::filesystem::path root;
    std::vector<std::string> warnings; // git missing or failing: the workspace works without
};

// Creates spark.toml and the record folders in `directory` (made when missing); inside a
// git repository or after `git init` (unless --no-git) autocommit is on, `.spark/` (the
// derived cache) is added to .gitignore and both files are committed. Throws Error when
// `directory` is a workspace already, leaving it untouched.
CreatedWorkspace create_workspace(const std::filesystem::path& directory,
                                  const NewWorkspace& settings);

} // namespace spark
