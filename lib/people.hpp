#pragma once

#include "model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace spark {

struct PersonLookup {
    const Person* person = nullptr;        // set when exactly one person matches
    std::vector<const Person*> candidates; // several matches, or close spellings when none
    bool close_spellings = false;          // candidates are only similar names, not matches
    bool ambiguous() const {
        return person == nullptr && !close_spellings && candidates.size() > 1;
    }
};

// Finds a person by id, full name or unambiguous prefix of either (or of a word of the
// name), ignoring case and accents: "jose" finds "José Álvarez".
PersonLookup lookup_person(const std::vector<Person>& people, std::string_view query);

// Everyone whose id, name or a word of the name begins with `typed`, compared as
// lookup_person compares (fold_name); a trailing space in `typed` counts, so "jan " offers
// Jan de Vries but not Bart Jansen. For completion, which offers every candidate.
std::vector<const Person*> people_starting_with(const std::vector<Person>& people,
                                                std::string_view typed);

// lookup_person, throwing an Error that lists the candidates unless exactly one matches.
const Person& resolve_person(const std::vector<Person>& people, std::string_view query);

// "anna-de-vries-k3m9 (Anna de Vries)" lines for messages.
std::string describe_candidates(const std::vector<const Person*>& candidates);

} // namespace spark
