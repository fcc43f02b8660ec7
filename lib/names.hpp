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
    // name replaced by their label: the full name always, the first name or the surname
    // alone when no one else in the workspace has the same. Case-sensitive, whole words
    // only. Best effort: a nickname or a misspelling is not found.
    std::string redact(std::string_view text) const;

  private:
    std::unordered_map<std::string, std::string> labels_;
    // A hidden name as folded words ("jose", "alvarez") with its label, found in free text
    // by its first word; the longest names are tried first.
    struct HiddenName {
        std::vector<std::string> words;
        std::string label;
    };
    std::unordered_map<std::string, std::vector<HiddenName>> hidden_;
    std::string unknown_;
};

} // namespace spark
