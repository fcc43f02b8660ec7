#include "record_writer.hpp"

#include "toml_writer.hpp"

namespace spark {

std::string emit_entry(const Entry& entry) {
    TomlWriter w;
    w.date("date", entry.date);
    w.string("kind", name_of(entry.kind));
    w.string("title", entry.title);
    w.inline_array("people", entry.people);
    w.inline_array("tags", entry.tags);
    if (!entry.effect.empty()) {
        w.string("effect", entry.effect);
    }
    if (!entry.body.empty()) {
        w.text("body", entry.body);
    }
    return w.str();
}

std::string emit_meeting(const Meeting& meeting) {
    TomlWriter w;
    w.date("date", meeting.date);
    w.string("title", meeting.title);
    if (meeting.setting) { // only when given; otherwise read from the attendees' groups
        w.string("setting", name_of(*meeting.setting));
    }
    if (!meeting.place.empty()) {
        w.string("place", meeting.place);
    }
    w.inline_array("attendees", meeting.attendees);
    w.list("questions", meeting.questions);
    w.list("dilemmas", meeting.dilemmas);
    w.list("outcomes", meeting.outcomes);
    w.list("followups", meeting.followups);
    if (!meeting.body.empty()) {
        w.text("body", meeting.body);
    }
    return w.str();
}

std::string emit_person(const Person& person) {
    TomlWriter w;
    w.string("name", person.name);
    if (person.group) {
        w.string("group", name_of(*person.group));
    }
    std::vector<std::string> roles;
    for (Role role : person.roles) {
        roles.emplace_back(name_of(role));
    }
    w.inline_array("roles", roles);
    if (!person.department.empty()) {
        w.string("department", person.department);
    }
    if (!person.invited_by.empty()) {
        w.string("invited_by", person.invited_by);
    }
    if (person.since.valid()) { // optional in hand-written files; never write 0000-00-00
        w.date("since", person.since);
    }
    w.boolean("public", person.is_public);
    if (!person.name_hashes.empty()) {
        w.list("name_hashes", person.name_hashes);
    }
    if (!person.note.empty()) {
        w.text("note", person.note);
    }
    return w.str();
}

} // namespace spark
