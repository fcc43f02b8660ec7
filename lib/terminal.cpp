#include "terminal.hpp"

#include <cstdint>
#include <fmt/format.h>

namespace spark {

namespace {

// The code point at `at` and its length in bytes; length 0 for a byte that does not start
// valid UTF-8 (overlong forms, surrogates and truncated sequences included).
std::pair<std::uint32_t, std::size_t> decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t k) {
        return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
    };
    const unsigned c = byte(at);
    if (c < 0x80) {
        return {c, 1};
    }
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        cp = c & 0x07;
    } else {
        return {0, 0};
    }
    if (at + length > text.size()) {
        return {0, 0};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(at + k) & 0xC0) != 0x80) {
            return {0, 0};
        }
        cp = (cp << 6) | (byte(at + k) & 0x3F);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        return {0, 0};
    }
    return {cp, length};
}

bool is_bidi_control(std::uint32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string escape(std::string_view text, bool one_line) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto [cp, length] = decode(text, at);
        if (length == 0) {
            out += "\uFFFD";
            ++at;
            continue;
        }
        const bool line_break = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
        if (one_line && (line_break || cp == '\t')) {
            out += ' ';
        } else if (cp == '\n' || cp == '\t') {
            out += static_cast<char>(cp);
        } else if (cp == 0x1B) {
            out += "\\e";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            out += fmt::format("\\x{:02x}", cp);
        } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
            out += fmt::format("\\u{:04x}", cp);
        } else {
            out.append(text.substr(at, length));
        }
        at += length;
    }
    return out;
}

} // namespace

std::string terminal_text(std::string_view text) {
    return escape(text, false);
}

std::string terminal_line(std::string_view text) {
    return escape(text, true);
}

} // namespace spark
