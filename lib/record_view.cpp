#include "record_view.hpp"

#include "text.hpp"
#include "timeline.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

namespace {

void field(std::string& out, std::string_view label, const std::string& value) {
    if (!value.empty()) {
        out += fmt::format("{:<13}{}\n", std::string(label) + ":", value);
    }
}

void bullets(std::string& out, std::string_view heading, const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    out += fmt::format("\n{}:\n", heading);
    for (const auto& item : items) {
        out += fmt::format("  - {}\n", item);
    }
}

std::string names(const Records& records, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
        out.push_back(display_name(records, id));
    }
    return join(out, ", ");
}

void body(std::string& out, const std::string& text) {
    if (!text.empty()) {
        out += "\n" + text + "\n";
    }
}

} // namespace

std::string display_name(const Records& records, const std::string& id) {
    auto found =
        std::lower_bound(records.people.begin(), records.people.end(), id,
                         [](const Person& p, const std::string& key) { return p.id < key; });
    return found != records.people.end() && found->id == id ? found->name : id;
}

std::string view_entry(const Entry& entry, const Records& records) {
    std::string out =
        fmt::format("{}  {}  {}\n\n", entry.date.iso(), name_of(entry.kind), entry.title);
    field(out, "id", entry.id);
    field(out, "file", entry.path);
    field(out, "people", names(records, entry.people));
    field(out, "tags", join(entry.tags, ", "));
    field(out, "effect", entry.effect);
    body(out, entry.body);
    return out;
}

std::string view_meeting(const Meeting& meeting, const Records& records,
                         const InvolvementMap& involvement) {
    std::string out = fmt::format("{}  meeting  {}\n\n", meeting.date.iso(), meeting.title);
    field(out, "id", meeting.id);
    field(out, "file", meeting.path);
    field(out, "setting",
          std::string(name_of(setting_of(meeting, records.people))) +
              (meeting.setting ? "" : " (from the attendees' groups)"));
    field(out, "place", meeting.place);
    field(out, "attendees", names(records, meeting.attendees));
    field(out, "newcomers", names(records, newcomers(meeting, involvement)));
    bullets(out, "Questions", meeting.questions);
    bullets(out, "Dilemmas", meeting.dilemmas);
    bullets(out, "Outcomes", meeting.outcomes);
    bullets(out, "Follow-ups", meeting.followups);
    body(out, meeting.body);
    return out;
}

std::string view_person(const Person& person, const Records& records,
                        const InvolvementMap& involvement) {
    std::string out = fmt::format("{}\n\n", person.name);
    field(out, "id", person.id);
    field(out, "group", person.group ? std::string(name_of(*person.group)) : "");
    std::vector<std::string> roles;
    for (Role role : person.roles) {
        roles.emplace_back(name_of(role));
    }
    field(out, "roles", join(roles, ", "));
    field(out, "department", person.department);
    if (!person.invited_by.empty()) {
        field(out, "invited by",
              fmt::format("{} ({})", display_name(records, person.invited_by), person.invited_by));
    }
    field(out, "since", iso_or_empty(person.since));
    if (auto found = involvement.find(person.id);
        found != involvement.end() && found->second.first.valid()) {
        field(out, "first seen",
              found->second.first.iso() + (found->second.before_since ? " (before 'since')" : ""));
    }
    field(out, "public", person.is_public ? "yes" : "no");
    if (!person.note.empty()) {
        out += "\n" + person.note + "\n";
    }
    std::vector<std::string> invited;
    for (const auto& other : records.people) {
        if (other.invited_by == person.id) {
            invited.push_back(fmt::format("{} ({})", other.name, other.id));
        }
    }
    bullets(out, "Invited", invited);
    TimelineFilter filter;
    filter.person = person.id;
    std::vector<std::string> taken_part;
    for (const auto& item : timeline(records, filter)) {
        taken_part.push_back(fmt::format("{}  {:<8} {}  ({})", item.date().iso(), item.kind_name(),
                                         item.title(), item.id()));
    }
    bullets(out, "Took part in", taken_part);
    return out;
}

} // namespace spark
