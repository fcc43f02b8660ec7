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
        {"since", iso_or_empty(person.since)},
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

toml::table meeting_table(const Meeting& meeting, const InvolvementMap& involvement) {
    auto table = meeting_table(meeting);
    table.insert("newcomers", string_array(newcomers(meeting, involvement)));
    return table;
}

std::string person_json(const Person& person, const Records& records,
                        const InvolvementMap& involvement) {
    auto table = person_table(person);
    if (auto found = involvement.find(person.id); found != involvement.end()) {
        table.insert("first_involvement", iso_or_empty(found->second.first));
    }
    std::vector<std::string> invited;
    for (const auto& other : records.people) {
        if (other.invited_by == person.id) {
            invited.push_back(other.id);
        }
    }
    table.insert("invited", string_array(invited));
    TimelineFilter filter;
    filter.person = person.id;
    std::vector<std::string> took_part;
    for (const auto& item : timeline(records, filter)) {
        took_part.push_back(item.id());
    }
    table.insert("took_part_in", string_array(took_part));
    return to_json(table);
}

std::string timeline_json(const std::vector<TimelineItem>& items,
                          const InvolvementMap& involvement) {
    toml::array array;
    for (const auto& item : items) {
        if (item.entry != nullptr) {
            array.push_back(entry_table(*item.entry));
        } else {
            array.push_back(meeting_table(*item.meeting, involvement));
        }
    }
    return to_json(array);
}

} // namespace spark
