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

// The people of a workspace, indexed once so that each lookup costs a few binary searches
// instead of a pass over everyone: `meet` with thousands of attendees stays linear. Refers
// to `people`, which must outlive it and not change.
class PeopleIndex {
  public:
    explicit PeopleIndex(const std::vector<Person>& people);

    // Finds a person by id, full name or unambiguous prefix of either (or of a word of the
    // name), ignoring case and accents: "jose" finds "José Álvarez". The rules are tried in
    // that order; the first that matches anyone decides. When none does, candidates are
    // close spellings of the name, the id or a word of the name.
    PersonLookup lookup(std::string_view query) const;

    // lookup, throwing an Error that lists the candidates unless exactly one matches.
    const Person& resolve(std::string_view query) const;

    // Index keys compared so far: lets a test prove that lookups do not scan everyone.
    std::size_t comparisons() const { return comparisons_; }

  private:
    struct Key {
        std::string_view text; // folded: into folded_ or a person's id
        std::size_t person;    // index into people_
    };
    std::vector<std::size_t> starting_with(const std::vector<Key>& keys, const std::string& prefix,
                                           bool whole) const;
    PersonLookup close_spellings(const std::string& query) const;

    const std::vector<Person>& people_;
    std::vector<std::string> folded_; // fold_name of each person's name
    std::vector<Key> ids_;            // sorted
    std::vector<Key> names_;          // sorted
    std::vector<Key> word_starts_;    // the name from each word on ("de vries", "vries")
    mutable std::size_t comparisons_ = 0;
};

// One lookup without keeping an index (a command that names one or two people).
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
