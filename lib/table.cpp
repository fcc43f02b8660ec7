#include "table.hpp"

#include "terminal.hpp"

#include <algorithm>
#include <cstdint>
#include <utf8proc.h>

namespace spark {

namespace {

// Cuts `text` to at most `width` columns, ending in "…" when anything was cut.
std::string cut_to_width(const std::string& text, std::size_t width) {
    if (display_width(text) <= width) {
        return text;
    }
    std::string out;
    std::size_t used = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t at = 0; at < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto length =
            utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
        if (length <= 0) {
            break;
        }
        const auto w = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
        if (used + w + 1 > width) {
            break;
        }
        out.append(text, at, static_cast<std::size_t>(length));
        used += w;
        at += static_cast<std::size_t>(length);
    }
    return out + "…";
}

std::string csv_cell(const std::string& cell, char separator) {
    if (cell.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) {
        return cell;
    }
    std::string out = "\"";
    for (char c : cell) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

} // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t at = 0; at < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto length =
            utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
        if (length <= 0) {
            ++width; // a broken byte still takes a column
            ++at;
            continue;
        }
        width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
        at += static_cast<std::size_t>(length);
    }
    return width;
}

std::string aligned(const TextTable& table, std::size_t max_width) {
    std::vector<std::vector<std::string>> lines;
    lines.push_back(table.headers);
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) {
            cells.push_back(terminal_line(cell));
        }
        lines.push_back(std::move(cells));
    }
    const std::size_t columns = table.headers.size();
    std::vector<std::size_t> widths(columns, 0);
    for (const auto& line : lines) {
        for (std::size_t c = 0; c < columns; ++c) {
            widths[c] = std::max(widths[c], display_width(line[c]));
        }
    }
    if (max_width > 0 && table.flexible < columns) {
        std::size_t total = 2 * (columns - 1);
        for (std::size_t w : widths) {
            total += w;
        }
        if (total > max_width) {
            const std::size_t others = total - widths[table.flexible];
            const std::size_t room = max_width > others ? max_width - others : 0;
            widths[table.flexible] =
                std::max<std::size_t>(std::min(room, widths[table.flexible]),
                                      std::min<std::size_t>(12, widths[table.flexible]));
            for (auto& line : lines) {
                line[table.flexible] = cut_to_width(line[table.flexible], widths[table.flexible]);
            }
        }
    }
    std::string out;
    for (const auto& line : lines) {
        std::string text;
        for (std::size_t c = 0; c < columns; ++c) {
            text += line[c];
            if (c + 1 < columns) {
                text.append(widths[c] - display_width(line[c]) + 2, ' ');
            }
        }
        text.erase(text.find_last_not_of(' ') + 1);
        out += text + "\n";
    }
    return out;
}

std::string tab_separated(const TextTable& table) {
    std::string out;
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            out += (c == 0 ? "" : "\t") + terminal_line(row[c]);
        }
        out += '\n';
    }
    return out;
}

std::string comma_separated(const TextTable& table, char separator, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) {
                out += separator;
            }
            out += csv_cell(cells[c], separator);
        }
        out += "\r\n";
    };
    line(table.headers);
    for (const auto& row : table.rows) {
        line(row);
    }
    return out;
}

} // namespace spark
