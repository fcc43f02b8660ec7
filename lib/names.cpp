#include "names.hpp"

#include <fmt/format.h>
#include <map>

namespace spark {

std::optional<NamesMode> names_mode_from_name(std::string_view name) {
    if (name == "all") {
        return NamesMode::all;
    }
    if (name == "inside") {
        return NamesMode::inside;
    }
    if (name == "none") {
        return NamesMode::none;
    }
    return std::nullopt;
}

namespace {

bool shown_by_name(const Person& person, NamesMode mode) {
    switch (mode) {
    case NamesMode::all:
        return true;
    case NamesMode::none:
        return false;
    case NamesMode::inside:
        return person.is_public || (person.group && !is_outside(*person.group));
    }
    return false;
}

} // namespace

DisplayNames::DisplayNames(const Records& records, const Figures& figures, Language language,
                           NamesMode mode)
    : unknown_(words(language).unknown_person) {
    std::map<std::string, int> counters;
    auto label = [&](const Person& person) {
        if (labels_.count(person.id) != 0) {
            return;
        }
        if (shown_by_name(person, mode)) {
            labels_[person.id] = person.name;
            return;
        }
        const std::string group =
            person.group ? group_name(language, *person.group) : words(language).person;
        labels_[person.id] = fmt::format("{} {}", group, ++counters[group]);
    };
    for (const auto& facts : figures.involved) {
        label(*facts.person);
    }
    for (const auto& person : records.people) {
        label(person);
    }
}

std::string DisplayNames::operator()(const std::string& id) const {
    auto found = labels_.find(id);
    return found == labels_.end() ? unknown_ : found->second;
}

} // namespace spark
