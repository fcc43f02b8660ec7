#include "names.hpp"

#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace spark {

namespace {

// "Jeroen de Graaf" → {"jeroen", "de", "graaf"}.
std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < name.size()) {
        const auto start = name.find_first_not_of(" \t", i);
        if (start == std::string_view::npos) {
            break;
        }
        auto end = name.find_first_of(" \t", start);
        if (end == std::string_view::npos) {
            end = name.size();
        }
        words.push_back(fold_for_matching(name.substr(start, end - start)));
        i = end;
    }
    return words;
}

} // namespace

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
    for (const auto& [name, shown] : hidden) {
        HiddenName entry{words_of(name), shown};
        if (!entry.words.empty()) {
            hidden_[entry.words.front()].push_back(std::move(entry));
        }
    }
    for (auto& [first, names] : hidden_) {
        std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
            return a.words.size() > b.words.size();
        });
    }
}

namespace {

// Letters (any non-ASCII byte counts), digits and the connectors inside names.
bool word_character(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || c == '_' || c == '-' || c == '\'' || (c >= '0' && c <= '9') ||
           (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

std::string DisplayNames::redact(std::string_view text) const {
    if (hidden_.empty()) {
        return std::string(text);
    }
    // Words and the gaps between them; names match word by word, ignoring case and accents
    // ("Jose" and "JOSÉ" hide José), across single runs of spaces.
    struct Token {
        std::string_view text;
        bool word;
    };
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size();) {
        const bool word = word_character(text[i]);
        std::size_t j = i;
        while (j < text.size() && word_character(text[j]) == word) {
            ++j;
        }
        tokens.push_back({text.substr(i, j - i), word});
        i = j;
    }
    auto is_space = [](std::string_view gap) {
        return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const Token& token = tokens[t];
        const HiddenName* match = nullptr;
        if (token.word) {
            auto found = hidden_.find(fold_for_matching(token.text));
            if (found != hidden_.end()) {
                for (const auto& candidate : found->second) {
                    bool all = true;
                    for (std::size_t w = 1; all && w < candidate.words.size(); ++w) {
                        const std::size_t at = t + 2 * w;
                        all = at < tokens.size() && is_space(tokens[at - 1].text) &&
                              fold_for_matching(tokens[at].text) == candidate.words[w];
                    }
                    if (all) {
                        match = &candidate;
                        break;
                    }
                }
            }
        }
        if (match == nullptr) {
            out += token.text;
            continue;
        }
        std::string label = match->label;
        // A label opening a sentence starts with a capital, as the name did.
        const auto before = out.find_last_not_of(' ');
        if ((before == std::string::npos || out[before] == '.' || out[before] == '!' ||
             out[before] == '?') &&
            !label.empty() && label[0] >= 'a' && label[0] <= 'z') {
            label[0] = static_cast<char>(label[0] - 'a' + 'A');
        }
        out += label;
        t += 2 * (match->words.size() - 1);
    }
    return out;
}

std::string DisplayNames::operator()(const std::string& id) const {
    auto found = labels_.find(id);
    return found == labels_.end() ? unknown_ : found->second;
}

} // namespace spark
