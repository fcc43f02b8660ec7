#pragma once

#include "date.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// The six things a fire needs ("Ga vonken!"); each entry records one of them.
enum class Kind { spark, oxygen, match, fuel, action, poker };
inline constexpr Kind all_kinds[] = {Kind::spark, Kind::oxygen, Kind::match,
                                     Kind::fuel,  Kind::action, Kind::poker};

enum class Group { staff, teamlead, director, executive, council, resident, initiator, partner };
inline constexpr Group all_groups[] = {Group::staff,     Group::teamlead, Group::director,
                                       Group::executive, Group::council,  Group::resident,
                                       Group::initiator, Group::partner};

enum class Role { spark, poker, critic, innovator };
inline constexpr Role all_roles[] = {Role::spark, Role::poker, Role::critic, Role::innovator};

enum class Setting { internal, external, mixed };
inline constexpr Setting all_settings[] = {Setting::internal, Setting::external, Setting::mixed};

std::string_view name_of(Kind kind);
std::string_view name_of(Group group);
std::string_view name_of(Role role);
std::string_view name_of(Setting setting);

// Stored names only ("match"); for data read from files.
std::optional<Kind> kind_from_name(std::string_view name);
// Stored names and the Dutch aliases (vonk, zuurstof, lucifer, brandstof, actie,
// oppor-actie, pook), case-insensitive; for command-line input.
std::optional<Kind> kind_from_input(std::string_view text);
// English names and Dutch words (medewerker, inwoner, criticus, gemengd, …), any case.
std::optional<Group> group_from_name(std::string_view name);
std::optional<Role> role_from_name(std::string_view name);
std::optional<Setting> setting_from_name(std::string_view name);

bool is_outside(Group group); // resident, initiator, partner

// Accepted spellings for messages and completion ("spark, vonk, oxygen, zuurstof, …").
std::vector<std::string> kind_input_names();

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

    // Where each reference to a person stands in the file, for check's messages.
    std::vector<SourcePos> people_pos;
    bool operator==(const Entry& other) const;
};

struct Meeting {
    std::string id;
    std::string path;
    Date date;
    std::string title;
    Setting setting = Setting::internal;
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

    SourcePos invited_by_pos;
    bool has_role(Role role) const;
    bool operator==(const Person& other) const;
};

// internal when everyone with a group is from inside, external when all are from outside,
// mixed otherwise.
Setting setting_for_groups(const std::vector<std::optional<Group>>& groups);

} // namespace spark
