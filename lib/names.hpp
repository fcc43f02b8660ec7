#pragma once

#include "figures.hpp"
#include "i18n.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace spark {

// Who is named in a report. inside (the default): people of the organisation by name,
// people from outside (and people without a group) by group and number unless public;
// all: everyone by name; none: everyone by group and number.
enum class NamesMode { all, inside, none };

std::optional<NamesMode> names_mode_from_name(std::string_view name);

// The label a report shows for each person id: "Anna de Vries" or "inwoner 2". Numbers
// follow the order of first involvement within a group, counting the people shown by name
// too, so they stay stable as the workspace grows and across --names modes.
class DisplayNames {
  public:
    DisplayNames(const Records& records, const Figures& figures, Language language, NamesMode mode);
    std::string operator()(const std::string& id) const;

    // Free text (titles, effects, questions…) with the names of people who are not shown by
    // name replaced by their label. Forgotten people are never shown by name, whatever the
    // mode: their pseudonym keeps hashes of their name's forms (see name_forms.hpp).
    //
    // Every form of a name is looked for (name_forms: full name, each first name and surname
    // part, the surname with its particles, the name written together, the id), ignoring
    // case, accents, Unicode compatibility forms and invisible characters, across spaces of
    // any kind, line breaks, '-', '_', '.' and apostrophes, and with a possessive -s
    // ("Jeroens" → "initiatiefnemer 1's"). The longest form wins; a form that belongs to
    // several people, at least one of them hidden, becomes a label that names no one
    // ("inwoner" when they share a group). Forms of people shown by name stay as written.
    // Best effort: a nickname or a misspelling is not found.
    std::string redact(std::string_view text) const;

  private:
    // Someone whose name can stand in text.
    struct Holder {
        std::string label;   // "inwoner 2", or the name when shown
        std::string generic; // "inwoner": the group, or "persoon" without one
        bool hidden = false;
    };
    // A form of a holder's name: folded words, or, for a forgotten person, word hashes
    // salted with the pseudonym's id (salt_index into salts_; npos for plain words).
    struct Form {
        std::vector<std::string> words;
        std::size_t holder = 0;
        std::size_t salt_index = static_cast<std::size_t>(-1);
    };
    void add_forms(const Person& person, std::size_t holder);

    std::unordered_map<std::string, std::string> labels_;
    std::vector<Holder> holders_;
    std::vector<Form> forms_;
    std::vector<std::string> salts_;
    // Each form by its first word: the folded word, or "<salt index>#<hash>".
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
    bool anyone_hidden_ = false;
    std::string unknown_;
    std::string someone_;
};

} // namespace spark
