#include "json.hpp"

#include <sstream>

namespace spark {

toml::array string_array(const std::vector<std::string>& values) {
    toml::array array;
    for (const auto& value : values) {
        array.push_back(value);
    }
    return array;
}

namespace {

toml::date toml_date(const Date& d) {
    return toml::date{static_cast<std::uint16_t>(d.year), static_cast<std::uint8_t>(d.month),
                      static_cast<std::uint8_t>(d.day)};
}

} // namespace

toml::table person_table(const Person& person) {
    toml::array roles;
    for (Role role : person.roles) {
        roles.push_back(std::string(name_of(role)));
    }
    return toml::table{
        {"id", person.id},
        {"path", person.path},
        {"name", person.name},
        {"group", person.group ? std::string(name_of(*person.group)) : std::string()},
        {"roles", roles},
        {"department", person.department},
        {"invited_by", person.invited_by},
        {"since", toml_date(person.since)},
        {"public", person.is_public},
        {"note", person.note},
    };
}

toml::table entry_table(const Entry& entry) {
    return toml::table{
        {"id", entry.id},
        {"path", entry.path},
        {"date", toml_date(entry.date)},
        {"kind", std::string(name_of(entry.kind))},
        {"title", entry.title},
        {"people", string_array(entry.people)},
        {"tags", string_array(entry.tags)},
        {"effect", entry.effect},
        {"body", entry.body},
    };
}

toml::table meeting_table(const Meeting& meeting) {
    return toml::table{
        {"id", meeting.id},
        {"path", meeting.path},
        {"date", toml_date(meeting.date)},
        {"kind", "meeting"},
        {"title", meeting.title},
        {"setting", std::string(name_of(meeting.setting))},
        {"place", meeting.place},
        {"attendees", string_array(meeting.attendees)},
        {"questions", string_array(meeting.questions)},
        {"dilemmas", string_array(meeting.dilemmas)},
        {"outcomes", string_array(meeting.outcomes)},
        {"followups", string_array(meeting.followups)},
        {"body", meeting.body},
    };
}

std::string to_json(const toml::table& table) {
    std::ostringstream out;
    out << toml::json_formatter{table};
    return out.str();
}

std::string to_json(const toml::array& array) {
    std::ostringstream out;
    out << toml::json_formatter{array};
    return out.str();
}

std::string people_json(const std::vector<Person>& people) {
    toml::array array;
    for (const auto& person : people) {
        array.push_back(person_table(person));
    }
    return to_json(array);
}

std::string person_json(const Person& person) {
    return to_json(person_table(person));
}

} // namespace spark
