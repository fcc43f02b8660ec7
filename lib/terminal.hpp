#pragma once

#include <string>
#include <string_view>

namespace spark {

// User text made safe to print on a terminal, so that a title or a file name cannot move
// the cursor, change colours, retitle the window or reorder what is shown: control
// characters become visible escapes (ESC as \e, CR as \r, others as \xNN; C1 controls as
// \u0080-style), as do the Unicode bidirectional overrides and isolates (\u202e), and
// bytes that are not UTF-8 become U+FFFD (�). Newlines and tabs are kept; everything else
// is unchanged.
std::string terminal_text(std::string_view text);

// The same for one line of output: newlines, tabs and carriage returns become spaces first
// (as in tab-separated output), and Unicode line separators too.
std::string terminal_line(std::string_view text);

} // namespace spark
