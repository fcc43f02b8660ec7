#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace spark {

// What `spark` without a command prints: usage, the commands with their purpose, where to
// read more. Built from the registered commands.
std::string overview(const CLI::App& app);

// Prints a CLI11 parse error in git's style — "spark: error: unknown command 'lgo'", a
// "did you mean" line when a close spelling exists, and where to get help — and returns
// the exit status for a usage error (2).
int report_parse_error(const CLI::App& app, const CLI::ParseError& error);

} // namespace spark
