#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace spark {

struct ProcessResult {
    bool started = false; // false when the program is not installed
    int exit_code = -1;
    std::string output; // stdout and stderr together
};

// Runs argv[0] (looked up in PATH) in `cwd` without a shell, stdin from /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd);

// Runs a command line through /bin/sh with the terminal attached ($EDITOR); returns the
// exit status, or -1 when it could not start.
int run_interactive(const std::string& command_line);

} // namespace spark
