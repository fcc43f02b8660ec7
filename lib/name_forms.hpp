#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spark {

// How names are found in free text: the text is cut into words (letters, marks and digits),
// each word folded, and a name matches a run of words whose gaps only join words (spaces of
// any width, line breaks, '-', '_', '.', apostrophes). Invisible characters (soft hyphen,
// zero-width space and joiner) join the pieces they separate into one word: "Fa\u00ADtima"
// is one word, and so is "Fatima\u00ADOuali" (matched by the name written together).

// One word as spark compares names in text: Unicode NFKC (full-width letters, ligatures),
// case folded, accents and invisible characters removed ("Ｆａ\u00ADtimà" → "fatima").
std::string fold_word(std::string_view word);

// A word found in text: its bytes (invisible characters inside included), folded, and
// whether the gap to the next word only joins words.
struct TextWord {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string folded;
    bool joined_to_next = false;
};
std::vector<TextWord> text_words(std::string_view text);

// A name as the folded words it is written with: "Jeroen de Vries" → {jeroen, de, vries}.
using NameForm = std::vector<std::string>;

// The words of a name or an id ("fatima-ouali-x7k2" → {fatima, ouali, x7k2}).
NameForm name_words(std::string_view text);

// Every form of a person's name worth looking for in text: the full name, the name written
// together ("fatimaouali"), each word of two letters or more that is not a surname particle
// (a first or middle name, a surname or part of one: "idrissi" of "Karim El Idrissi"), the
// surname with its particles ("de vries"), and the words of the id. Unique, in that order.
std::vector<NameForm> name_forms(std::string_view name, std::string_view id);

// A word of a forgotten name as it is kept in the pseudonym's record: the first 16 hex
// digits of SHA-256("<salt>:<folded word>"). The salt is the pseudonym's id, which is the
// same in every clone, so two clones that forget the same person write the same file.
std::string name_word_hash(std::string_view salt, std::string_view folded_word);

// name_forms, each written as its word hashes separated by spaces: what a pseudonym keeps
// (`name_hashes`) so that reports keep hiding the name wherever text still holds it.
std::vector<std::string> hashed_name_forms(std::string_view name, std::string_view id,
                                           std::string_view salt);

// True for a valid `name_hashes` item: 16-hex-digit words separated by single spaces.
bool is_hashed_name_form(std::string_view text);

} // namespace spark
