#include "text.hpp"

#include <algorithm>
#include <cstdint>

namespace spark {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (overlong || surrogate || cp > 0x10FFFF) {
            return i;
        }
        i += len;
    }
    return std::nullopt;
}

namespace {

// Decodes one code point from valid UTF-8; advances i.
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > text.size()) {
        len = text.size() - i;
    }
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += len;
    return cp;
}

// ASCII spelling of accented Latin letters (Latin-1 Supplement and Latin Extended-A), so
// that "José" matches "jose" and "Eén" becomes the slug "een".
std::string_view ascii_for(std::uint32_t cp) {
    // U+00C0..U+00FF; '_' marks characters that are not letters.
    static constexpr std::string_view latin1 = "aaaaaa_ceeeeiiiidnooooo_ouuuuy__"
                                               "aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";
    // U+0100..U+017F; '_' marks the ligatures handled below.
    static constexpr std::string_view extended_a = "aaaaaaccccccccddddeeeeeeeeeegggggggg"
                                                   "hhhhiiiiiiiiii__jjkkklllllllllln"
                                                   "nnnnnnnnoooooo__rrrrrrsssssssstttttt"
                                                   "uuuuuuuuuuuuwwyyyzzzzzzs";
    static_assert(latin1.size() == 64 && extended_a.size() == 128);
    switch (cp) {
    case 0xC6:
    case 0xE6:
        return "ae";
    case 0xDE:
    case 0xFE:
        return "th";
    case 0xDF:
        return "ss";
    case 0x132:
    case 0x133:
        return "ij";
    case 0x152:
    case 0x153:
        return "oe";
    default:
        break;
    }
    if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0] != '_') {
        return latin1.substr(cp - 0xC0, 1);
    }
    if (cp >= 0x100 && cp <= 0x17F && extended_a[cp - 0x100] != '_') {
        return extended_a.substr(cp - 0x100, 1);
    }
    return {};
}

bool is_combining_mark(std::uint32_t cp) {
    return cp >= 0x300 && cp <= 0x36F;
}

bool is_apostrophe(std::uint32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018;
}

} // namespace

std::string fold_for_matching(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(text, i);
        if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        } else if (is_combining_mark(cp)) {
            continue;
        } else if (auto ascii = ascii_for(cp); !ascii.empty()) {
            out += ascii;
        } else {
            out += text.substr(start, i - start);
        }
    }
    return out;
}

std::string fold_name(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : fold_for_matching(text)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

std::string slugify(std::string_view text, std::size_t max_length) {
    std::string slug;
    bool pending_hyphen = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::uint32_t cp = next_code_point(text, i);
        std::string_view piece;
        char ascii_char = 0;
        if (cp < 0x80) {
            ascii_char = static_cast<char>(cp);
            if (ascii_char >= 'A' && ascii_char <= 'Z') {
                ascii_char = static_cast<char>(ascii_char - 'A' + 'a');
            }
            piece = std::string_view(&ascii_char, 1);
        } else {
            piece = ascii_for(cp);
        }
        if (is_combining_mark(cp) || is_apostrophe(cp)) {
            continue; // "José" in decomposed form, "Jan's" → jans
        }
        const bool alnum = !piece.empty() && std::all_of(piece.begin(), piece.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        });
        if (!alnum) {
            pending_hyphen = !slug.empty();
            continue;
        }
        if (pending_hyphen) {
            slug += '-';
            pending_hyphen = false;
        }
        slug += piece;
    }
    if (slug.size() > max_length) {
        auto cut = slug.rfind('-', max_length);
        slug.resize(cut == std::string::npos || cut == 0 ? max_length : cut);
    }
    while (!slug.empty() && slug.back() == '-') {
        slug.pop_back();
    }
    return slug;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: like Levenshtein, but swapping two neighbouring letters
    // ("ruebn" for "ruben") is one typo, not two.
    std::vector<std::size_t> before(b.size() + 1);
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        previous[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min(
                {previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[b.size()];
}

std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& pool,
                                       std::size_t limit) {
    const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& candidate : pool) {
        const auto distance = edit_distance(word, candidate);
        if (distance <= allowed) {
            scored.emplace_back(distance, candidate);
        }
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (std::size_t k = 0; k < scored.size() && k < limit; ++k) {
        out.push_back(scored[k].second);
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += items[i];
    }
    return out;
}

std::string single_line(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return out;
}

} // namespace spark
