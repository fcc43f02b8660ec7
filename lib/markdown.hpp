#pragma once

#include <string>
#include <string_view>

namespace spark {

// User text made inert for a Markdown page: one line (control characters and Unicode line
// separators become spaces), HTML special characters as entities,
// every Markdown punctuation character backslash-escaped (so no emphasis, link, image,
// heading, list, table cell or code span can be formed), and URL schemes and e-mail
// addresses broken (an escape before "://" and "www.", a word joiner U+2060 before '@') so
// nothing is auto-linked.
std::string markdown_text(std::string_view text);

// User text inside a quoted Mermaid label: letters, digits, spaces and a few safe marks
// kept; everything else written as a Mermaid entity code (#35;), so a label can neither end
// the string, the statement nor the code block.
std::string mermaid_label(std::string_view text);

} // namespace spark
