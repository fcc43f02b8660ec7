#include "names.hpp"

#include <algorithm>
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
        // Everyone of a group has a number, also those shown by name: making one person
        // public, or another --names, does not renumber the others.
        const std::string group =
            person.group ? group_name(language, *person.group) : words(language).person;
        const int number = ++counters[group];
        labels_[person.id] =
            shown_by_name(person, mode) ? person.name : fmt::format("{} {}", group, number);
    };
    for (const auto& facts : figures.involved) {
        label(*facts.person);
    }
    for (const auto& person : records.people) {
        label(person);
    }

    // Names to look for in free text: hidden people's full names, and their first names and
    // surnames where no one else in the workspace has the same.
    auto first_name = [](const std::string& name) {
        return name.substr(0, name.find(' '));
    };
    auto surname = [](const std::string& name) {
        const auto space = name.find(' ');
        return space == std::string::npos ? std::string() : name.substr(space + 1);
    };
    std::map<std::string, int> uses;
    for (const auto& person : records.people) {
        ++uses[first_name(person.name)];
        ++uses[surname(person.name)];
    }
    std::map<std::string, std::string> hidden;
    for (const auto& person : records.people) {
        if (person.name.empty() || shown_by_name(person, mode)) {
            continue;
        }
        const std::string& shown = labels_[person.id];
        hidden.emplace(person.name, shown);
        for (const std::string& part : {first_name(person.name), surname(person.name)}) {
            if (part.size() >= 2 && uses[part] == 1) {
                hidden.emplace(part, shown);
            }
        }
    }
    hidden_.assign(hidden.begin(), hidden.end());
    std::stable_sort(hidden_.begin(), hidden_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

namespace {

bool word_character(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

} // namespace

std::string DisplayNames::redact(std::string_view text) const {
    if (hidden_.empty()) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (i == 0 || !word_character(text[i - 1])) {
            for (const auto& [name, shown] : hidden_) {
                const std::size_t end = i + name.size();
                if (text.compare(i, name.size(), name) == 0 &&
                    (end == text.size() || !word_character(text[end]))) {
                    out += shown;
                    i = end;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            out += text[i++];
        }
    }
    return out;
}

std::string DisplayNames::operator()(const std::string& id) const {
    auto found = labels_.find(id);
    return found == labels_.end() ? unknown_ : found->second;
}

} // namespace spark
