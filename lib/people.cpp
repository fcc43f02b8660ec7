#include "people.hpp"

#include "error.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

namespace {

void sort_keys(auto& keys) {
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return std::tie(a.text, a.person) < std::tie(b.text, b.person);
    });
}

} // namespace

PeopleIndex::PeopleIndex(const std::vector<Person>& people) : people_(people) {
    folded_.reserve(people.size()); // keys point into these strings: no reallocation
    for (std::size_t i = 0; i < people.size(); ++i) {
        folded_.push_back(fold_name(people[i].name));
        const std::string_view name = folded_.back();
        ids_.push_back({people[i].id, i});
        names_.push_back({name, i});
        for (std::size_t at = 0; at < name.size();) {
            word_starts_.push_back({name.substr(at), i});
            at = name.find_first_of(" -", at);
            if (at == std::string_view::npos) {
                break;
            }
            ++at;
        }
    }
    sort_keys(ids_);
    sort_keys(names_);
    sort_keys(word_starts_);
}

// The people (indexes, ascending, once each) with a key equal to `prefix` (whole) or
// starting with it: a binary search, then only the matches.
std::vector<std::size_t> PeopleIndex::starting_with(const std::vector<Key>& keys,
                                                    const std::string& prefix, bool whole) const {
    auto at = std::lower_bound(keys.begin(), keys.end(), std::string_view(prefix),
                               [this](const Key& key, std::string_view wanted) {
                                   ++comparisons_;
                                   return key.text < wanted;
                               });
    std::vector<std::size_t> out;
    for (; at != keys.end(); ++at) {
        ++comparisons_;
        if (whole ? at->text != prefix : !at->text.starts_with(prefix)) {
            break;
        }
        out.push_back(at->person);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

PersonLookup PeopleIndex::lookup(std::string_view query) const {
    const std::string q = fold_name(query);
    PersonLookup result;
    if (q.empty()) {
        return result;
    }
    auto id_or_name_prefix = [&] {
        auto found = starting_with(ids_, q, false);
        auto by_name = starting_with(names_, q, false);
        found.insert(found.end(), by_name.begin(), by_name.end());
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    };
    // Exact id, exact name, a prefix of either, a prefix of a word of the name.
    for (int rule = 0; rule < 4; ++rule) {
        const std::vector<std::size_t> found = rule == 0   ? starting_with(ids_, q, true)
                                               : rule == 1 ? starting_with(names_, q, true)
                                               : rule == 2 ? id_or_name_prefix()
                                                           : starting_with(word_starts_, q, false);
        if (found.size() == 1) {
            result.person = &people_[found.front()];
            return result;
        }
        if (found.size() > 1) {
            for (std::size_t i : found) {
                result.candidates.push_back(&people_[i]);
            }
            return result;
        }
    }
    return close_spellings(q);
}

// Nothing matched: offer close spellings of the whole name, the id or any word of the name,
// so a typo in a first name ("anuk") still finds Anouk Verbeek. This one pass over everyone
// is only taken for a name nobody has.
PersonLookup PeopleIndex::close_spellings(const std::string& q) const {
    PersonLookup result;
    result.close_spellings = true;
    const std::size_t allowed = q.size() <= 5 ? 1 : 2;
    auto close = [&](std::string_view text) {
        ++comparisons_;
        const std::size_t longer = std::max(text.size(), q.size());
        const std::size_t shorter = std::min(text.size(), q.size());
        return longer - shorter <= allowed ? edit_distance(q, text) : allowed + 1;
    };
    std::vector<std::pair<std::size_t, const Person*>> scored;
    for (std::size_t i = 0; i < people_.size(); ++i) {
        const std::string& name = folded_[i];
        std::size_t best = std::min(close(name), close(people_[i].id));
        for (std::size_t at = 0; at < name.size();) {
            const auto end = std::min(name.find_first_of(" -", at), name.size());
            best = std::min(best, close(std::string_view(name).substr(at, end - at)));
            at = end + 1;
        }
        if (best <= allowed) {
            scored.emplace_back(best, &people_[i]);
        }
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < scored.size() && i < 5; ++i) {
        result.candidates.push_back(scored[i].second);
    }
    return result;
}

std::vector<const Person*> people_starting_with(const std::vector<Person>& people,
                                                std::string_view typed) {
    std::string q = fold_name(typed);
    if (!q.empty() && typed.find_last_not_of(" \t") != typed.size() - 1) {
        q += ' ';
    }
    std::vector<const Person*> out;
    for (const auto& person : people) {
        const std::string name = fold_name(person.name);
        bool starts = person.id.starts_with(q);
        for (std::size_t at = 0; !starts && at < name.size();) {
            starts = name.compare(at, q.size(), q) == 0;
            at = name.find_first_of(" -", at);
            at = at == std::string::npos ? name.size() : at + 1;
        }
        if (starts) {
            out.push_back(&person);
        }
    }
    return out;
}

std::string describe_candidates(const std::vector<const Person*>& candidates) {
    std::string out;
    for (const auto* person : candidates) {
        out += fmt::format("\n  {} ({})", person->id, person->name);
    }
    return out;
}

const Person& PeopleIndex::resolve(std::string_view query) const {
    if (fold_name(query).empty()) {
        throw UsageError("empty person name");
    }
    auto found = lookup(query);
    if (found.person != nullptr) {
        return *found.person;
    }
    if (found.ambiguous()) {
        throw Error(fmt::format("person '{}' is ambiguous; candidates:{}", query,
                                describe_candidates(found.candidates)));
    }
    if (!found.candidates.empty()) {
        throw Error(fmt::format("unknown person '{}'; did you mean:{}", query,
                                describe_candidates(found.candidates)));
    }
    throw Error(
        fmt::format("unknown person '{}'; add them with: spark people add \"{}\"", query, query));
}

PersonLookup lookup_person(const std::vector<Person>& people, std::string_view query) {
    return PeopleIndex(people).lookup(query);
}

const Person& resolve_person(const std::vector<Person>& people, std::string_view query) {
    return PeopleIndex(people).resolve(query);
}

} // namespace spark
