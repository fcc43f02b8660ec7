#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// Byte offset of the first byte that is not valid UTF-8, or nullopt if all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Lowercase ASCII with accents folded (é→e, ĳ→ij, ß→ss); other characters are kept.
std::string fold_for_matching(std::string_view text);

// A name as spark compares names: folded, runs of white space made one space, ends trimmed
// ("  José   Álvarez" and "jose alvarez" are the same).
std::string fold_name(std::string_view text);

// File-name-safe id part: lowercase ASCII letters, digits and single hyphens, at most
// max_length bytes, cut at a word boundary. Empty when the text has no letters or digits.
std::string slugify(std::string_view text, std::size_t max_length = 50);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Strings that differ from `word` by a small typo, closest first.
std::vector<std::string> close_matches(std::string_view word, const std::vector<std::string>& pool,
                                       std::size_t limit = 5);

// Tabs, newlines and carriage returns become spaces, for one-line, tab-separated output.
std::string single_line(std::string_view text);

std::string join(const std::vector<std::string>& items, std::string_view separator);

} // namespace spark
