#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace spark {

// -m TEXT (repeatable paragraphs), -F FILE|-, -e ($EDITOR): the shared way to give a body.
struct BodyInput {
    std::vector<std::string> paragraphs;
    std::string file;
    bool edit = false;
};

void add_body_options(CLI::App& command, BodyInput& input);

// The body text; never waits for input unless -e or -F - asked for it. `editor_hint` heads
// the text in $EDITOR, written in the workspace's `language` (nl or en) like the lines
// spark adds below it.
std::string read_body(const BodyInput& input, const std::string& editor_hint,
                      const std::string& language);

} // namespace spark
