#pragma once

#include "workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace spark {

// True when `dir` or a parent holds .git (a folder, or a file for worktrees).
bool inside_git_repository(const std::filesystem::path& dir);

// `git init` in dir; returns a warning when git is missing or fails.
std::optional<std::string> git_init(const std::filesystem::path& dir);

bool autocommit_enabled(const Workspace& workspace);

// Commits exactly `files` (relative to the root) with `message`, leaving anything else the
// user staged alone; a listed file that no longer exists is committed as removed. Never
// throws: the files are already safely written, so a failure (git missing, no identity, a
// hook refusing) comes back as a warning to print.
std::optional<std::string> commit_files(const Workspace& workspace,
                                        const std::vector<std::string>& files,
                                        const std::string& message);

} // namespace spark
