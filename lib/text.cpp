#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <utf8proc.h>

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

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// Latin letters that are not a base letter plus accents, so decomposition leaves them
// alone, spelled as a Dutch reader would type them; and the Greek alphabet, transliterated
// as on Greek passports (ELOT 743), so that "Παπαδόπουλος" is found as "papadopoulos".
// Keys are case-folded: the table is consulted after utf8proc's case folding.
std::string_view transliteration(std::uint32_t cp) {
    switch (cp) {
    case 0xE6:
        return "ae"; // æ
    case 0xF0:
        return "d"; // ð
    case 0xF8:
        return "o"; // ø
    case 0xFE:
        return "th"; // þ
    case 0x111:
        return "d"; // đ
    case 0x127:
        return "h"; // ħ
    case 0x131:
        return "i"; // ı, Turkish dotless i
    case 0x133:
        return "ij"; // ĳ
    case 0x138:
        return "k"; // ĸ
    case 0x140:
        return "l"; // ŀ
    case 0x142:
        return "l"; // ł
    case 0x149:
        return "n"; // ŉ
    case 0x14B:
        return "n"; // ŋ
    case 0x153:
        return "oe"; // œ
    case 0x167:
        return "t"; // ŧ
    case 0x3B1:
        return "a";
    case 0x3B2:
        return "v";
    case 0x3B3:
        return "g";
    case 0x3B4:
        return "d";
    case 0x3B5:
        return "e";
    case 0x3B6:
        return "z";
    case 0x3B7:
        return "i";
    case 0x3B8:
        return "th";
    case 0x3B9:
        return "i";
    case 0x3BA:
        return "k";
    case 0x3BB:
        return "l";
    case 0x3BC:
        return "m";
    case 0x3BD:
        return "n";
    case 0x3BE:
        return "x";
    case 0x3BF:
        return "o";
    case 0x3C0:
        return "p";
    case 0x3C1:
        return "r";
    case 0x3C2:
        return "s"; // final sigma
    case 0x3C3:
        return "s";
    case 0x3C4:
        return "t";
    case 0x3C5:
        return "y";
    case 0x3C6:
        return "f";
    case 0x3C7:
        return "ch";
    case 0x3C8:
        return "ps";
    case 0x3C9:
        return "o";
    default:
        return {};
    }
}

// Case-folded, decomposed, without combining marks and default-ignorable characters,
// typographic quotes and dashes lumped to ASCII: "Ștefan Pușcaș" → "stefan puscas",
// "TRẦN" → "tran", "İstanbul" → "istanbul", "Jan’s" → "jan's". nullopt for invalid UTF-8.
std::optional<std::string> decomposed_fold(std::string_view text) {
    utf8proc_uint8_t* mapped = nullptr;
    const auto length = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
        static_cast<utf8proc_ssize_t>(text.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                       UTF8PROC_IGNORE | UTF8PROC_LUMP));
    if (length < 0) {
        return std::nullopt;
    }
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return out;
}

bool is_apostrophe(std::uint32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC;
}

} // namespace

std::string fold_for_matching(std::string_view text) {
    if (is_ascii(text)) {
        return ascii_lower(text); // the common case, without a round trip through utf8proc
    }
    const auto folded = decomposed_fold(text);
    if (!folded) {
        return ascii_lower(text);
    }
    std::string out;
    out.reserve(folded->size());
    std::size_t i = 0;
    while (i < folded->size()) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(*folded, i);
        // Greek "ου" is one sound, written "ou".
        if (cp == 0x3BF && i + 1 < folded->size()) {
            std::size_t after = i;
            if (next_code_point(*folded, after) == 0x3C5) {
                out += "ou";
                i = after;
                continue;
            }
        }
        if (auto latin = transliteration(cp); !latin.empty()) {
            out += latin;
        } else {
            out.append(*folded, start, i - start);
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

bool same_person_name(std::string_view a, std::string_view b) {
    return fold_name(a) == fold_name(b);
}

std::string slugify(std::string_view text, std::size_t max_length) {
    const std::string folded = fold_for_matching(text);
    std::string slug;
    bool pending_hyphen = false;
    std::size_t i = 0;
    while (i < folded.size()) {
        const std::uint32_t cp = next_code_point(folded, i);
        if (is_apostrophe(cp)) {
            continue; // "Jan's" → jans
        }
        const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
        if (!alnum) {
            pending_hyphen = !slug.empty();
            continue;
        }
        if (pending_hyphen) {
            slug += '-';
            pending_hyphen = false;
        }
        slug += static_cast<char>(cp);
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

std::string trimmed_end(std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.pop_back();
    }
    return text;
}

std::string one_line(std::string_view text) {
    const auto byte = [&](std::size_t k) {
        return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
    };
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = byte(i);
        std::size_t breaking = c <= 0x20 || c == 0x7F ? 1 : 0;
        if (c == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) {
            breaking = 2;
        } else if (c == 0xE2 && byte(i + 1) == 0x80 &&
                   (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) {
            breaking = 3;
        }
        if (breaking > 0) {
            pending_space = !out.empty();
            i += breaking - 1;
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += text[i];
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
