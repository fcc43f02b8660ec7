#pragma once

// Rows and columns as `list` and `people list` print them: aligned for a person at a
// terminal, tab-separated for a pipe, CSV for a spreadsheet. Pure text in, text out.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

struct TextTable {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows; // each as long as headers
    // The column that gives way (cut with "…") when a row is wider than the terminal;
    // npos: none.
    std::size_t flexible = static_cast<std::size_t>(-1);
};

// Columns on a terminal: how many cells wide the text is (a CJK character takes two, an
// accent none).
std::size_t display_width(std::string_view text);

// Headers, then rows, columns padded to line up, two spaces apart, no trailing blanks;
// cells as terminal_line makes them (one line, control characters made visible). When `max_width`
// is not 0 and a line would be wider, the flexible column is cut to fit (to no fewer than 12
// columns).
std::string aligned(const TextTable& table, std::size_t max_width);

// One line per row, cells separated by a tab, each cell as terminal_line makes it (tabs
// and line breaks become spaces, control characters visible escapes); no header line (the columns
// are documented), as scripts have read spark's lists so far.
std::string tab_separated(const TextTable& table);

// RFC 4180: a header line, then the rows; a cell holding the separator, a double quote,
// CR or LF is quoted and its quotes doubled; lines end in CRLF. `bom` puts a UTF-8 byte
// order mark first, which Excel needs to read UTF-8.
std::string comma_separated(const TextTable& table, char separator, bool bom);

} // namespace spark
