#pragma once

#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

// `spark people set P …`: the fields of one person changed as the user asked, worked out in
// memory from the words typed (groups and roles in Dutch or English, dates as people type
// them, the inviter by id, name or prefix) and refused before anything is written when a
// word is unknown or the change would make an invited_by cycle.

namespace spark {

// What the user asked for; a field left unset stays as it is. An empty text clears a field
// that may be empty (group, invited_by, since, department).
struct PersonChanges {
    std::optional<std::string> name;
    std::optional<std::string> group;
    std::optional<std::vector<std::string>> roles; // --role: the roles become exactly these
    std::vector<std::string> add_roles;
    std::vector<std::string> remove_roles;
    std::optional<std::string> invited_by;
    std::optional<std::string> since;
    std::optional<std::string> department;
    bool make_public = false;
    bool make_private = false;

    bool empty() const;
};

// One changed field, for the message: "group: staff -> director".
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};

struct PersonSet {
    Person after;
    std::vector<FieldChange> changes; // empty when every field already had the value asked
};

// `person` (one of `people`) with `changes` applied. Throws UsageError for a request that
// cannot be understood (no change asked, an unknown group or role, a bad date, --role with
// --add-role or --remove-role, --public with --private, an empty name), Error for one that
// would make the data wrong (an unknown or ambiguous inviter, inviting oneself, a cycle).
PersonSet plan_person_set(const std::vector<Person>& people, const Person& person,
                          const PersonChanges& changes, const Date& today);

// The invitation chain from `inviter` back to `person` when `person` invited_by `inviter`
// would close a cycle (person, inviter, …, person), else empty.
std::vector<std::string> invitation_cycle(const std::vector<Person>& people,
                                          const std::string& person, const std::string& inviter);

} // namespace spark
