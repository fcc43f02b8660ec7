#include "name_forms.hpp"

#include "sha256.hpp"
#include "text.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <utf8proc.h>

namespace spark {

namespace {

enum class CharClass { word, invisible, joiner, other };

CharClass class_of(utf8proc_int32_t cp) {
    switch (cp) {
    case '-':
    case '_':
    case '.':
    case '\'':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x02BC: // ʼ (a modifier letter, written as an apostrophe)
        return CharClass::joiner;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CharClass::word;
    case UTF8PROC_CATEGORY_CF: // soft hyphen, zero-width space and joiners, BOM
        return CharClass::invisible;
    case UTF8PROC_CATEGORY_ZS: // spaces of every width, no-break ones included
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_PD: // dashes
    case UTF8PROC_CATEGORY_PC: // connectors (_ and its look-alikes)
        return CharClass::joiner;
    default:
        return CharClass::other;
    }
}

// Particles of surnames (tussenvoegsels and their kin): part of a surname, never a name
// on their own.
bool is_particle(std::string_view word) {
    static const std::set<std::string_view> particles = {
        "aan", "al",  "bij", "d",  "da",  "dal", "das", "de",  "del", "della", "den",
        "der", "des", "di",  "do", "dos", "du",  "el",  "het", "in",  "l",     "la",
        "le",  "op",  "s",   "t",  "te",  "ten", "ter", "uit", "van", "von",   "vom",
        "zu",  "zum", "zur", "y",  "e",   "bin", "ben", "ibn", "abu", "mac",   "mc"};
    return particles.count(word) != 0;
}

} // namespace

std::string fold_word(std::string_view word) {
    utf8proc_uint8_t* mapped = nullptr;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                       UTF8PROC_IGNORE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                     static_cast<utf8proc_ssize_t>(word.size()), &mapped, options);
    if (length < 0) { // not valid UTF-8: fold what can be folded
        return fold_for_matching(word);
    }
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    // Letters NFKC keeps whole (æ, ø, ł) get their ASCII spelling as in slugs.
    return fold_for_matching(
        std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length)));
}

std::vector<TextWord> text_words(std::string_view text) {
    std::vector<TextWord> words;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    // The word being read (continued across invisible characters) and the gap after it.
    bool have_word = false;
    std::size_t word_begin = 0;
    std::size_t word_end = 0;
    std::string pieces; // the word's bytes without invisible characters
    bool gap_invisible = true;
    bool gap_joins = true;
    auto finish_word = [&](bool joined) {
        words.push_back({word_begin, word_end, fold_word(pieces), joined});
        pieces.clear();
    };
    for (utf8proc_ssize_t at = 0; at < size;) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &cp);
        CharClass kind = CharClass::other;
        if (length <= 0) { // an invalid byte breaks words
            length = 1;
        } else {
            kind = class_of(cp);
        }
        const auto begin = static_cast<std::size_t>(at);
        const auto end = static_cast<std::size_t>(at + length);
        at += length;
        if (kind != CharClass::word) {
            gap_invisible = gap_invisible && kind == CharClass::invisible;
            gap_joins = gap_joins && kind != CharClass::other;
            continue;
        }
        const bool continues = have_word && (word_end == begin || gap_invisible);
        if (!continues) {
            if (have_word) {
                finish_word(gap_joins);
            }
            have_word = true;
            word_begin = begin;
        }
        pieces.append(text.substr(begin, end - begin));
        word_end = end;
        gap_invisible = true;
        gap_joins = true;
    }
    if (have_word) {
        finish_word(false);
    }
    return words;
}

NameForm name_words(std::string_view text) {
    NameForm out;
    for (auto& word : text_words(text)) {
        if (!word.folded.empty()) {
            out.push_back(std::move(word.folded));
        }
    }
    return out;
}

std::vector<NameForm> name_forms(std::string_view name, std::string_view id) {
    std::vector<NameForm> forms;
    auto add = [&](NameForm form) {
        if (!form.empty() && std::find(forms.begin(), forms.end(), form) == forms.end()) {
            forms.push_back(std::move(form));
        }
    };
    const NameForm words = name_words(name);
    add(words);
    if (words.size() > 1) {
        add({join(words, "")});
    }
    for (const auto& word : words) {
        if (word.size() >= 2 && !is_particle(word)) {
            add({word});
        }
    }
    for (std::size_t p = 1; p < words.size(); ++p) {
        if (is_particle(words[p])) {
            add(NameForm(words.begin() + static_cast<std::ptrdiff_t>(p), words.end()));
            break;
        }
    }
    add(name_words(id));
    return forms;
}

std::string name_word_hash(std::string_view salt, std::string_view folded_word) {
    std::string input(salt);
    input += ':';
    input += folded_word;
    return sha256_hex(input).substr(0, 16);
}

std::vector<std::string> hashed_name_forms(std::string_view name, std::string_view id,
                                           std::string_view salt) {
    std::vector<std::string> out;
    for (const auto& form : name_forms(name, id)) {
        std::vector<std::string> hashes;
        for (const auto& word : form) {
            hashes.push_back(name_word_hash(salt, word));
        }
        out.push_back(join(hashes, " "));
    }
    return out;
}

bool is_hashed_name_form(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    std::size_t at = 0;
    for (;;) {
        if (at + 16 > text.size()) {
            return false;
        }
        for (std::size_t i = at; i < at + 16; ++i) {
            const char c = text[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        at += 16;
        if (at == text.size()) {
            return true;
        }
        if (text[at] != ' ') {
            return false;
        }
        ++at;
    }
}

} // namespace spark
