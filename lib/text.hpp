#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// Byte offset of the first byte that is not valid UTF-8, or nullopt if all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Text as spark compares it, with utf8proc: case folded, accents stripped, letters that do
// not decompose spelled in Latin (é→e, ș→s, ı→i, ł→l, ø→o, ß→ss, ĳ→ij, Greek δ→d),
// typographic quotes and dashes made ASCII. What has no Latin spelling (Cyrillic, CJK,
// emoji) is kept, case folded. Invalid UTF-8 is only lowered in its ASCII letters.
std::string fold_for_matching(std::string_view text);

// A name as spark compares names: folded, runs of white space made one space, ends trimmed
// ("  José   Álvarez" and "jose alvarez" are the same).
std::string fold_name(std::string_view text);

// The one rule for "the same name", used wherever spark asks whether two names are one
// person's: lookup, check's duplicate warning, meet --new and people add.
bool same_person_name(std::string_view a, std::string_view b);

// File-name-safe id part: lowercase ASCII letters, digits and single hyphens, at most
// max_length bytes, cut at a word boundary; letters folded as by fold_for_matching ("Trần
// Thị Nguyễn" → tran-thi-nguyen). Empty when the text has no letters or digits.
std::string slugify(std::string_view text, std::size_t max_length = 50);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Strings that differ from `word` by a small typo, closest first.
std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& pool,
                                       std::size_t limit = 5);

// Tabs, newlines and carriage returns become spaces, for one-line, tab-separated output.
std::string single_line(std::string_view text);

// Without the white space at its end: a line of a program's output or a small file.
std::string trimmed_end(std::string text);

// User text as one line for a page or a chart label: every run of white space, control
// characters (C0, DEL, C1 — NEL among them) and Unicode line or paragraph separators becomes
// one space, and both ends are trimmed. JavaScript ends a line at C1 and U+2028/2029, so
// Markdown renderers built on it (marked) and Mermaid would otherwise break a table row.
std::string one_line(std::string_view text);

std::string join(const std::vector<std::string>& items, std::string_view separator);

} // namespace spark
