#include "vocabulary.hpp"

#include "text.hpp"

#include <algorithm>

namespace spark {

std::optional<Language> language_from_name(std::string_view name) {
    if (name == "nl") {
        return Language::nl;
    }
    if (name == "en") {
        return Language::en;
    }
    return std::nullopt;
}

std::string_view id_of(Language language) {
    return language == Language::nl ? "nl" : "en";
}

namespace {

template <typename Row, std::size_t N>
auto find_id(const Row (&rows)[N], std::string_view id) -> std::optional<decltype(rows[0].value)> {
    for (const auto& row : rows) {
        if (row.id == id) {
            return row.value;
        }
    }
    return std::nullopt;
}

// Ids and aliases compare folded, so "Lucifer", "INWONER" and "oppor-actie" all work.
template <typename Row, std::size_t N>
auto find_input(const Row (&rows)[N], std::string_view text)
    -> std::optional<decltype(rows[0].value)> {
    const std::string folded = fold_for_matching(text);
    if (folded.empty()) { // would match the unused alias slots
        return std::nullopt;
    }
    for (const auto& row : rows) {
        if (row.id == folded ||
            std::find(row.aliases.begin(), row.aliases.end(), folded) != row.aliases.end()) {
            return row.value;
        }
    }
    return std::nullopt;
}

std::string without_hyphens(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != '-') {
            out += c;
        }
    }
    return out;
}

// Ids first, then the aliases that are not an id already; a spelling that only drops the
// hyphen of another ("opporactie") is accepted but not advertised.
template <typename Row, std::size_t N>
std::vector<std::string> input_names(const Row (&rows)[N]) {
    std::vector<std::string> names;
    for (const auto& row : rows) {
        names.emplace_back(row.id);
    }
    auto listed = [&](std::string_view word) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
            return name == word || (name != word && without_hyphens(name) == word);
        });
    };
    for (const auto& row : rows) {
        for (std::string_view alias : row.aliases) {
            if (!alias.empty() && !listed(alias)) {
                names.emplace_back(alias);
            }
        }
    }
    return names;
}

// "a, b or c"
std::string or_list(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    }
    return out;
}

template <typename Row, std::size_t N>
std::vector<std::string> ids(const Row (&rows)[N]) {
    std::vector<std::string> names;
    for (const auto& row : rows) {
        names.emplace_back(row.id);
    }
    return names;
}

} // namespace

std::optional<Kind> kind_from_name(std::string_view name) {
    return find_id(kind_terms, name);
}
std::optional<Kind> kind_from_input(std::string_view text) {
    return find_input(kind_terms, text);
}
std::optional<Group> group_from_name(std::string_view text) {
    return find_input(group_terms, text);
}
std::optional<Role> role_from_name(std::string_view text) {
    return find_input(role_terms, text);
}
std::optional<Setting> setting_from_name(std::string_view text) {
    return find_input(setting_terms, text);
}
bool names_a_meeting(std::string_view text) {
    const std::string folded = fold_for_matching(text);
    for (const char* word : {"meeting", "meetings", "ontmoeting", "ontmoetingen"}) {
        if (folded == word) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> kind_input_names() {
    return input_names(kind_terms);
}
std::vector<std::string> group_input_names() {
    return input_names(group_terms);
}
std::vector<std::string> role_input_names() {
    return input_names(role_terms);
}
std::vector<std::string> setting_input_names() {
    return input_names(setting_terms);
}

std::string kind_spellings() {
    const auto advertised = kind_input_names();
    std::string out;
    for (const auto& row : kind_terms) {
        out += (out.empty() ? "" : ", ") + std::string(row.id);
        for (std::string_view alias : row.aliases) {
            if (!alias.empty() && alias != row.id &&
                std::find(advertised.begin(), advertised.end(), alias) != advertised.end()) {
                out += "|" + std::string(alias);
            }
        }
    }
    return out;
}

std::string group_choices() {
    std::vector<std::string> inside;
    std::vector<std::string> outside;
    for (const auto& row : group_terms) {
        (row.outside ? outside : inside).emplace_back(row.id);
    }
    auto list = [](const std::vector<std::string>& words) {
        std::string out;
        for (const auto& word : words) {
            out += (out.empty() ? "" : ", ") + word;
        }
        return out;
    };
    return list(inside) + " (inside); " + list(outside) + " (outside)";
}

std::string role_choices() {
    return or_list(ids(role_terms));
}

std::string kind_choices() {
    return or_list(ids(kind_terms));
}

std::vector<std::string> kind_ids() {
    return ids(kind_terms);
}
std::vector<std::string> group_ids() {
    return ids(group_terms);
}
std::vector<std::string> role_ids() {
    return ids(role_terms);
}
std::vector<std::string> setting_ids() {
    return ids(setting_terms);
}

} // namespace spark
