#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace spark {

// Help texts without CLI11's "TEXT REQUIRED" labels and double blank lines, wrapped to 80
// columns. Call before adding commands: they inherit the root's format.
void use_spark_help_format(CLI::App& app);

// `spark help [COMMAND...]`: the overview, or the --help text of the command named by
// `words` ("people", "add"). Throws UsageError with a "did you mean" for an unknown word.
std::string help_for(const CLI::App& app, const std::vector<std::string>& words);

// What `spark` without a command prints: usage, the commands with their purpose, where to
// read more. Built from the registered commands.
std::string overview(const CLI::App& app);

// Prints a CLI11 parse error in git's style — "spark: error: unknown command 'lgo'", a
// "did you mean" line when a close spelling exists, and where to get help — and returns
// the exit status for a usage error (2).
// `args` are the words after "spark", to tell which command a stray word was meant for.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error,
                       const std::vector<std::string>& args);

} // namespace spark
