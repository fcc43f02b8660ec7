#pragma once

#include "date.hpp"
#include "error.hpp"
#include "vocabulary.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

struct Entry {
    std::string id;   // file name without .toml
    std::string path; // relative to the workspace root; set when loaded
    Date date;
    Kind kind = Kind::action;
    std::string title;
    std::vector<std::string> people;
    std::vector<std::string> tags;
    std::string effect;
    std::string body;

    // Where each reference to a person stands in the file: check names the position, and
    // people merge/forget swap the id in place there to keep hand formatting.
    std::vector<SourcePos> people_pos;
    bool operator==(const Entry& other) const;
};

struct Meeting {
    std::string id;
    std::string path;
    Date date;
    std::string title;
    // Only what the user gave (--setting, or a file that has it); otherwise it follows from
    // the attendees' groups when it is read: see setting_of.
    std::optional<Setting> setting;
    std::string place;
    std::vector<std::string> attendees;
    std::vector<std::string> questions;
    std::vector<std::string> dilemmas;
    std::vector<std::string> outcomes;
    std::vector<std::string> followups;
    std::string body;

    std::vector<SourcePos> attendees_pos;
    bool operator==(const Meeting& other) const;
};

struct Person {
    std::string id;
    std::string path;
    std::string name;
    std::optional<Group> group;
    std::vector<Role> roles;
    std::string department;
    std::string invited_by;
    Date since;
    bool is_public = false;
    std::string note;
    // A forgotten person's pseudonym only: hashes of the forgotten name's forms, so reports
    // keep hiding the name where text still holds it (see name_forms.hpp).
    std::vector<std::string> name_hashes;

    SourcePos invited_by_pos;
    bool has_role(Role role) const;
    // The stand-in `spark people forget` leaves: "forgotten-<hash>".
    bool is_forgotten() const;
    bool operator==(const Person& other) const;
};

// internal when everyone with a group is from inside, external when all are from outside,
// mixed otherwise.
Setting setting_for_groups(const std::vector<std::optional<Group>>& groups);

// A meeting's setting: the one given, or else the one its attendees' groups make now, so
// that giving someone a group later (`people set --group`) corrects the meeting without
// touching its file. `people` sorted by id, as the loader gives them; an unknown id counts
// as someone without a group.
Setting setting_of(const Meeting& meeting, const std::vector<Person>& people);

} // namespace spark
