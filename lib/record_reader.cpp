#include "record_reader.hpp"

#include "followups.hpp"
#include "name_forms.hpp"
#include "text.hpp"
#include "toml_reader.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

std::string allowed_names(std::vector<std::string> names) {
    return join(names, ", ");
}

// Reads a list of person ids, keeping where each one stands.
void read_ids(FieldReader& fields, std::string_view key, std::vector<std::string>& ids,
              std::vector<SourcePos>& positions) {
    for (auto& [id, pos] : fields.string_array(key)) {
        if (id.empty()) {
            fields.error(pos, fmt::format("empty person id in '{}'", key));
            continue;
        }
        ids.push_back(std::move(id));
        positions.push_back(pos);
    }
}

std::vector<std::string> strings(FieldReader& fields, std::string_view key) {
    std::vector<std::string> out;
    for (auto& [value, pos] : fields.string_array(key)) {
        out.push_back(std::move(value));
    }
    return out;
}

// followups_done = [{ followup = "…", date = 2026-12-01 }, …]: each names one of
// `followups` by its text. Returns false when an item is damaged (reported at its position).
bool read_followups_done(FieldReader& fields, const std::string& path,
                         std::vector<Diagnostic>& diagnostics, Meeting& meeting) {
    constexpr std::string_view key = "followups_done";
    const toml::array* array = fields.array(key);
    if (array == nullptr) {
        return true;
    }
    bool ok = true;
    std::vector<SourcePos> positions;
    for (const auto& element : *array) {
        const SourcePos pos = position_of(element.source());
        const auto* table = element.as_table();
        if (table == nullptr) {
            fields.error(pos, "each item of 'followups_done' must be a table like "
                              "{ followup = \"the follow-up's text\", date = 2026-11-29 }");
            continue;
        }
        FieldReader item(*table, path, diagnostics);
        auto text = item.string("followup");
        auto date = item.date("date");
        item.reject_unknown_keys();
        if (!item.ok()) {
            ok = false;
            continue;
        }
        if (!text || !date) {
            fields.error(pos, fmt::format("this item of 'followups_done' has no '{}'",
                                          text ? "date" : "followup"));
            continue;
        }
        meeting.followups_done.push_back({std::move(*text), *date});
        positions.push_back(pos);
    }
    for (std::size_t index : unmatched_done(meeting.followups, meeting.followups_done)) {
        fields.error(positions[index],
                     fmt::format("'followups_done' names '{}', which is not one of the "
                                 "'followups' (or names it twice); write the follow-up's text "
                                 "exactly as in 'followups', or remove this item",
                                 meeting.followups_done[index].followup));
    }
    return ok;
}

void require_title(FieldReader& fields, const std::string& title) {
    if (title.find_first_not_of(" \t\n\r") == std::string::npos) {
        fields.error(fields.position("title"), "'title' must not be empty");
    }
}

} // namespace

std::optional<Entry> read_entry(std::string_view bytes, const std::string& path, std::string id,
                                std::vector<Diagnostic>& diagnostics) {
    auto table = parse_toml_document(bytes, path, diagnostics);
    if (!table) {
        return std::nullopt;
    }
    FieldReader fields(*table, path, diagnostics);
    Entry entry;
    entry.id = std::move(id);
    if (auto date = fields.date("date", true)) {
        entry.date = *date;
    }
    if (auto kind = fields.string("kind", true)) {
        if (auto parsed = kind_from_input(*kind)) {
            entry.kind = *parsed;
        } else {
            fields.error(fields.position("kind"),
                         fmt::format("unknown kind '{}' (expected one of: {})", *kind,
                                     allowed_names(kind_ids())));
        }
    }
    if (auto title = fields.string("title", true)) {
        entry.title = std::move(*title);
        require_title(fields, entry.title);
    }
    read_ids(fields, "people", entry.people, entry.people_pos);
    entry.tags = strings(fields, "tags");
    entry.effect = fields.string("effect").value_or("");
    entry.body = fields.string("body").value_or("");
    fields.reject_unknown_keys();
    if (!fields.ok()) {
        return std::nullopt;
    }
    return entry;
}

std::optional<Meeting> read_meeting(std::string_view bytes, const std::string& path, std::string id,
                                    std::vector<Diagnostic>& diagnostics) {
    auto table = parse_toml_document(bytes, path, diagnostics);
    if (!table) {
        return std::nullopt;
    }
    FieldReader fields(*table, path, diagnostics);
    Meeting meeting;
    meeting.id = std::move(id);
    if (auto date = fields.date("date", true)) {
        meeting.date = *date;
    }
    if (auto title = fields.string("title", true)) {
        meeting.title = std::move(*title);
        require_title(fields, meeting.title);
    }
    if (auto setting = fields.string("setting")) {
        if (auto parsed = setting_from_name(*setting)) {
            meeting.setting = *parsed;
        } else {
            fields.error(fields.position("setting"),
                         fmt::format("unknown setting '{}' (expected one of: {})", *setting,
                                     allowed_names(setting_ids())));
        }
    }
    meeting.place = fields.string("place").value_or("");
    read_ids(fields, "attendees", meeting.attendees, meeting.attendees_pos);
    meeting.questions = strings(fields, "questions");
    meeting.dilemmas = strings(fields, "dilemmas");
    meeting.outcomes = strings(fields, "outcomes");
    meeting.followups = strings(fields, "followups");
    const bool done_ok = read_followups_done(fields, path, diagnostics, meeting);
    meeting.body = fields.string("body").value_or("");
    fields.reject_unknown_keys();
    if (!fields.ok() || !done_ok) {
        return std::nullopt;
    }
    return meeting;
}

std::optional<Person> read_person(std::string_view bytes, const std::string& path, std::string id,
                                  std::vector<Diagnostic>& diagnostics) {
    auto table = parse_toml_document(bytes, path, diagnostics);
    if (!table) {
        return std::nullopt;
    }
    FieldReader fields(*table, path, diagnostics);
    Person person;
    person.id = std::move(id);
    if (auto name = fields.string("name", true)) {
        person.name = std::move(*name);
        if (person.name.find_first_not_of(" \t\n\r") == std::string::npos) {
            fields.error(fields.position("name"), "'name' must not be empty");
        }
    }
    if (auto group = fields.string("group")) {
        if (auto parsed = group_from_name(*group)) {
            person.group = *parsed;
        } else if (!group->empty()) {
            fields.error(fields.position("group"),
                         fmt::format("unknown group '{}' (expected one of: {})", *group,
                                     allowed_names(group_ids())));
        }
    }
    for (const auto& [role, pos] : fields.string_array("roles")) {
        if (auto parsed = role_from_name(role)) {
            if (!person.has_role(*parsed)) {
                person.roles.push_back(*parsed);
            }
        } else {
            fields.error(pos, fmt::format("unknown role '{}' (expected one of: {})", role,
                                          allowed_names(role_ids())));
        }
    }
    person.department = fields.string("department").value_or("");
    if (auto invited_by = fields.string("invited_by")) {
        person.invited_by = std::move(*invited_by);
        person.invited_by_pos = fields.position("invited_by");
    }
    if (auto since = fields.date("since")) {
        person.since = *since;
    }
    person.is_public = fields.boolean("public").value_or(false);
    person.note = fields.string("note").value_or("");
    for (auto& [hashed, pos] : fields.string_array("name_hashes")) {
        if (!is_hashed_name_form(hashed)) {
            fields.error(pos, "'name_hashes' holds words of 16 hex digits separated by spaces; "
                              "this item is damaged, restore it from git");
            continue;
        }
        person.name_hashes.push_back(std::move(hashed));
    }
    fields.reject_unknown_keys();
    if (!fields.ok()) {
        return std::nullopt;
    }
    return person;
}

std::optional<Entry> read_record(std::string_view bytes, const Entry& like,
                                 std::vector<Diagnostic>& diagnostics) {
    return read_entry(bytes, like.path, like.id, diagnostics);
}
std::optional<Meeting> read_record(std::string_view bytes, const Meeting& like,
                                   std::vector<Diagnostic>& diagnostics) {
    return read_meeting(bytes, like.path, like.id, diagnostics);
}
std::optional<Person> read_record(std::string_view bytes, const Person& like,
                                  std::vector<Diagnostic>& diagnostics) {
    return read_person(bytes, like.path, like.id, diagnostics);
}

} // namespace spark
