#include "json.hpp"

namespace spark {

namespace {

void write_person_fields(JsonWriter& out, const Person& person, const Involvement* involvement,
                         const std::vector<std::string>* invited) {
    // In byte order of the keys; first_involvement and invited only where asked for.
    out.field("department", person.department);
    if (involvement != nullptr) {
        out.field("first_involvement", iso_or_empty(involvement->first));
    }
    out.field("group", person.group ? name_of(*person.group) : std::string_view());
    out.field("id", person.id);
    if (invited != nullptr) {
        out.field("invited", *invited);
    }
    out.field("invited_by", person.invited_by);
    out.field("name", person.name);
    out.field("note", person.note);
    out.field("path", person.path);
    out.field("public", person.is_public);
    out.key("roles");
    out.begin_array();
    for (Role role : person.roles) {
        out.value(name_of(role));
    }
    out.end_array();
    out.field("since", iso_or_empty(person.since));
}

} // namespace

void write_entry(JsonWriter& out, const Entry& entry) {
    out.begin_object();
    out.field("body", entry.body);
    out.field("date", entry.date.iso());
    out.field("effect", entry.effect);
    out.field("id", entry.id);
    out.field("kind", name_of(entry.kind));
    out.field("path", entry.path);
    out.field("people", entry.people);
    out.field("tags", entry.tags);
    out.field("title", entry.title);
    out.end_object();
}

void write_meeting(JsonWriter& out, const Meeting& meeting, const std::vector<Person>& people,
                   const InvolvementMap& involvement) {
    out.begin_object();
    out.field("attendees", meeting.attendees);
    out.field("body", meeting.body);
    out.field("date", meeting.date.iso());
    out.field("dilemmas", meeting.dilemmas);
    out.field("followups", meeting.followups);
    out.field("id", meeting.id);
    out.field("kind", "meeting");
    out.field("newcomers", newcomers(meeting, involvement));
    out.field("outcomes", meeting.outcomes);
    out.field("path", meeting.path);
    out.field("place", meeting.place);
    out.field("questions", meeting.questions);
    out.field("setting", name_of(setting_of(meeting, people)));
    out.field("title", meeting.title);
    out.end_object();
}

void write_timeline(JsonWriter& out, const std::vector<TimelineItem>& items,
                    const std::vector<Person>& people, const InvolvementMap& involvement) {
    out.begin_array();
    for (const auto& item : items) {
        if (item.entry != nullptr) {
            write_entry(out, *item.entry);
        } else {
            write_meeting(out, *item.meeting, people, involvement);
        }
    }
    out.end_array();
}

void write_people(JsonWriter& out, const Records& records, const InvolvementMap& involvement) {
    out.begin_array();
    for (const auto& person : records.people) {
        // Someone not involved yet counts from their `since`, as the terminal list shows.
        Involvement first;
        first.first = person.since;
        auto found = involvement.find(person.id);
        out.begin_object();
        write_person_fields(out, person, found == involvement.end() ? &first : &found->second,
                            nullptr);
        out.end_object();
    }
    out.end_array();
}

void write_person_details(JsonWriter& out, const Person& person, const Records& records,
                          const InvolvementMap& involvement) {
    std::vector<std::string> invited;
    for (const auto& other : records.people) {
        if (other.invited_by == person.id) {
            invited.push_back(other.id);
        }
    }
    TimelineFilter filter;
    filter.person = person.id;
    std::vector<std::string> took_part;
    for (const auto& item : timeline(records, filter)) {
        took_part.push_back(item.id());
    }
    auto found = involvement.find(person.id);
    out.begin_object();
    write_person_fields(out, person, found == involvement.end() ? nullptr : &found->second,
                        &invited);
    out.field("took_part_in", took_part);
    out.end_object();
}

} // namespace spark
