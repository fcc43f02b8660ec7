#pragma once

#include "vocabulary.hpp"

#include <string>
#include <string_view>
#include <vector>

// Checks on text given on the command line, before a command uses it. (`spark check` and
// lib/check.* validate the records already stored.)

namespace spark {

// Checks text that came from the command line or a file before it is stored: valid UTF-8,
// and not blank when `required`. Throws UsageError naming `what` (an option or argument).
void validate_text(std::string_view value, std::string_view what, bool required);

// Keeps the first of each repeated value, in order: "--tag a --tag a" stores "a" once.
std::vector<std::string> without_repeats(const std::vector<std::string>& values);

bool is_blank(std::string_view text);

// A group as typed after `option` (`--group`, `--new-group`): its id or a Dutch or English
// word. Throws UsageError naming the value and listing the groups.
Group group_argument(std::string_view text, std::string_view option);

} // namespace spark
