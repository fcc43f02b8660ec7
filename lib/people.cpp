#include "people.hpp"

#include "error.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

namespace {

bool some_word_starts_with(const std::string& name, const std::string& prefix) {
    for (std::size_t at = 0; at < name.size();) {
        if (name.compare(at, prefix.size(), prefix) == 0) {
            return true;
        }
        at = name.find_first_of(" -", at);
        if (at == std::string::npos) {
            break;
        }
        ++at;
    }
    return false;
}

template <typename Predicate>
std::vector<const Person*> matching(const std::vector<Person>& people, Predicate predicate) {
    std::vector<const Person*> out;
    for (const auto& person : people) {
        if (predicate(person, fold_name(person.name))) {
            out.push_back(&person);
        }
    }
    return out;
}

} // namespace

PersonLookup lookup_person(const std::vector<Person>& people, std::string_view query) {
    const std::string q = fold_name(query);
    PersonLookup result;
    if (q.empty()) {
        return result;
    }
    using Rule = bool (*)(const Person&, const std::string&, const std::string&);
    const Rule rules[] = {
        [](const Person& p, const std::string&, const std::string& q) { return p.id == q; },
        [](const Person&, const std::string& name, const std::string& q) { return name == q; },
        [](const Person& p, const std::string& name, const std::string& q) {
            return p.id.starts_with(q) || name.starts_with(q);
        },
        [](const Person&, const std::string& name, const std::string& q) {
            return some_word_starts_with(name, q);
        },
    };
    for (Rule rule : rules) {
        auto found = matching(
            people, [&](const Person& p, const std::string& name) { return rule(p, name, q); });
        if (found.size() == 1) {
            result.person = found.front();
            return result;
        }
        if (found.size() > 1) {
            result.candidates = std::move(found);
            return result;
        }
    }
    // Nothing matched: offer close spellings of the whole name, the id or any word of the
    // name, so a typo in a first name ("anuk") still finds Anouk Verbeek.
    result.close_spellings = true;
    const std::size_t allowed = q.size() <= 5 ? 1 : 2;
    std::vector<std::pair<std::size_t, const Person*>> scored;
    for (const auto& person : people) {
        const std::string name = fold_name(person.name);
        std::size_t best = std::min(edit_distance(q, name), edit_distance(q, person.id));
        for (std::size_t at = 0; at < name.size();) {
            const auto end = std::min(name.find_first_of(" -", at), name.size());
            best = std::min(best, edit_distance(q, std::string_view(name).substr(at, end - at)));
            at = end + 1;
        }
        if (best <= allowed) {
            scored.emplace_back(best, &person);
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
    return matching(people, [&](const Person& p, const std::string& name) {
        return p.id.starts_with(q) || some_word_starts_with(name, q);
    });
}

std::string describe_candidates(const std::vector<const Person*>& candidates) {
    std::string out;
    for (const auto* person : candidates) {
        out += fmt::format("\n  {} ({})", person->id, person->name);
    }
    return out;
}

const Person& resolve_person(const std::vector<Person>& people, std::string_view query) {
    if (fold_name(query).empty()) {
        throw UsageError("empty person name");
    }
    auto found = lookup_person(people, query);
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

} // namespace spark
