#pragma once

#include "error.hpp"

#include <string>
#include <string_view>
#include <vector>

// A record reopened in the editor after a failed save, the way `crontab -e` and `visudo`
// do it: the problems as TOML comments at the top, every line starting with "# spark: ",
// removed again before the text is read.

namespace spark {

// `text` headed by one comment line per problem, positions counted in the text the editor
// shows (so "line 7" is the seventh line on the screen), between a line saying the record
// was not saved and one saying how to cancel.
std::string with_problem_comments(std::string_view text, const std::vector<Diagnostic>& problems);

// `text` without the comment lines at its top that with_problem_comments added (all of
// them, some, or none if the user removed them); nothing else is touched.
std::string without_problem_comments(std::string_view text);

} // namespace spark
