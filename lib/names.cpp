#include "names.hpp"

#include "name_forms.hpp"

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

constexpr std::size_t no_salt = static_cast<std::size_t>(-1);

} // namespace

DisplayNames::DisplayNames(const Records& records, const Figures& figures, Language language,
                           NamesMode mode)
    : unknown_(words(language).unknown_person), someone_(words(language).person) {
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

    // Everyone's name forms, the shown people's too: a shown full name stays as written
    // instead of losing a first name it shares with someone hidden.
    for (const auto& person : records.people) {
        Holder holder;
        holder.label = labels_[person.id];
        holder.generic =
            person.group ? group_name(language, *person.group) : words(language).person;
        holder.hidden = person.is_forgotten() || !shown_by_name(person, mode);
        holders_.push_back(std::move(holder));
        add_forms(person, holders_.size() - 1);
    }
}

void DisplayNames::add_forms(const Person& person, std::size_t holder) {
    auto add = [&](std::vector<std::string> words, std::size_t salt_index, std::string key) {
        if (words.empty()) {
            return;
        }
        anyone_hidden_ = anyone_hidden_ || holders_[holder].hidden;
        by_first_word_[std::move(key)].push_back(forms_.size());
        forms_.push_back({std::move(words), holder, salt_index});
    };
    if (!person.is_forgotten()) {
        for (auto& form : name_forms(person.name, person.id)) {
            std::string first = form.front();
            add(std::move(form), no_salt, std::move(first));
        }
        return;
    }
    // A pseudonym: its own name ("(forgotten 3f2a9c)") is no one's; the forgotten name is
    // known only by the hashes of its forms, salted with the pseudonym's id.
    if (person.name_hashes.empty()) {
        return;
    }
    salts_.push_back(person.id);
    const std::size_t salt_index = salts_.size() - 1;
    for (const auto& hashed : person.name_hashes) {
        std::vector<std::string> words;
        for (std::size_t at = 0; at + 16 <= hashed.size(); at += 17) {
            words.push_back(hashed.substr(at, 16));
        }
        if (!words.empty()) {
            std::string first = std::to_string(salt_index) + "#" + words.front();
            add(std::move(words), salt_index, std::move(first));
        }
    }
}

namespace {

// "jeroens" → "jeroen": the possessive -s written without an apostrophe (Dutch), for
// words of three letters or more that do not end in an s sound themselves; "" otherwise.
std::string without_possessive_s(const std::string& word) {
    if (word.size() < 4 || word.back() != 's') {
        return {};
    }
    const char before = word[word.size() - 2];
    if (before == 's' || before == 'x' || before == 'z') {
        return {};
    }
    return word.substr(0, word.size() - 1);
}

bool opens_sentence(const std::string& out) {
    const auto before = out.find_last_not_of(" \t\n");
    return before == std::string::npos || out[before] == '.' || out[before] == '!' ||
           out[before] == '?';
}

} // namespace

std::string DisplayNames::redact(std::string_view text) const {
    if (!anyone_hidden_) {
        return std::string(text);
    }
    const std::vector<TextWord> words = text_words(text);
    // What a text word is compared with: its folded spelling, or its hash under a salt;
    // `stem`: the word without a possessive -s. Hashes are computed once per word.
    std::vector<std::string> stems(words.size());
    for (std::size_t w = 0; w < words.size(); ++w) {
        stems[w] = without_possessive_s(words[w].folded);
    }
    std::vector<std::vector<std::string>> hashes(words.size() * 2);
    auto spelled = [&](std::size_t w, bool stem) -> const std::string& {
        return stem ? stems[w] : words[w].folded;
    };
    auto key = [&](std::size_t w, std::size_t salt_index, bool stem) -> const std::string& {
        if (salt_index == no_salt) {
            return spelled(w, stem);
        }
        auto& cache = hashes[2 * w + (stem ? 1 : 0)];
        if (cache.empty()) {
            for (const auto& salt : salts_) {
                cache.push_back(name_word_hash(salt, spelled(w, stem)));
            }
        }
        return cache[salt_index];
    };

    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // Every form that matches at word i; the longest wins, and at equal length an exact
        // match wins over one with a possessive -s.
        std::size_t best_length = 0;
        bool best_possessive = false;
        std::vector<std::size_t> holders;
        auto consider = [&](std::size_t form_index, bool possessive) {
            const Form& form = forms_[form_index];
            const std::size_t n = form.words.size();
            if (i + n > words.size() || (possessive && n != 1)) {
                return;
            }
            for (std::size_t j = 1; j < n; ++j) {
                if (!words[i + j - 1].joined_to_next) {
                    return;
                }
                if (key(i + j, form.salt_index, false) == form.words[j]) {
                    continue;
                }
                if (j + 1 == n && !stems[i + j].empty() &&
                    key(i + j, form.salt_index, true) == form.words[j]) {
                    possessive = true;
                    continue;
                }
                return;
            }
            if (n > best_length || (n == best_length && best_possessive && !possessive)) {
                best_length = n;
                best_possessive = possessive;
                holders.clear();
            } else if (n < best_length || possessive != best_possessive) {
                return;
            }
            if (std::find(holders.begin(), holders.end(), form.holder) == holders.end()) {
                holders.push_back(form.holder);
            }
        };
        for (bool stem : {false, true}) {
            if (stem && stems[i].empty()) {
                continue;
            }
            if (auto found = by_first_word_.find(spelled(i, stem)); found != by_first_word_.end()) {
                for (std::size_t f : found->second) {
                    consider(f, stem);
                }
            }
            for (std::size_t s = 0; s < salts_.size(); ++s) {
                auto found = by_first_word_.find(std::to_string(s) + "#" + key(i, s, stem));
                if (found != by_first_word_.end()) {
                    for (std::size_t f : found->second) {
                        consider(f, stem);
                    }
                }
            }
        }
        if (holders.empty()) {
            continue;
        }
        const std::size_t last = i + best_length - 1;
        const bool hidden = std::any_of(holders.begin(), holders.end(),
                                        [&](std::size_t h) { return holders_[h].hidden; });
        if (hidden) {
            std::string label = holders_[holders.front()].label;
            if (holders.size() > 1) { // a form several people share: name none of them
                label = holders_[holders.front()].generic;
                for (std::size_t h : holders) {
                    if (holders_[h].generic != label) {
                        label = someone_;
                    }
                }
            }
            out.append(text.substr(copied, words[i].begin - copied));
            // A label opening a sentence starts with a capital, as the name did.
            if (opens_sentence(out) && !label.empty() && label[0] >= 'a' && label[0] <= 'z') {
                label[0] = static_cast<char>(label[0] - 'a' + 'A');
            }
            out += label;
            if (best_possessive) {
                out += "'s";
            }
            copied = words[last].end;
        }
        i = last; // a name kept as written is not searched again for shorter forms
    }
    out.append(text.substr(copied));
    return out;
}

std::string DisplayNames::operator()(const std::string& id) const {
    auto found = labels_.find(id);
    return found == labels_.end() ? unknown_ : found->second;
}

} // namespace spark
