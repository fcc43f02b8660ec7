#include "record_edit.hpp"

#include "arguments.hpp"
#include "check.hpp"
#include "people.hpp"
#include "record_reader.hpp"
#include "text.hpp"
#include "vocabulary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

namespace spark {

namespace {

std::string list_text(const std::vector<std::string>& values) {
    return values.empty() ? "(none)" : join(values, ", ");
}

std::string or_none(const std::string& text) {
    return text.empty() ? "(none)" : text;
}

void record_change(std::vector<FieldChange>& changes, std::string field, std::string before,
                   std::string after) {
    if (before != after) {
        changes.push_back({std::move(field), std::move(before), std::move(after)});
    }
}

// A fix that names a field the record does not have: a usage error naming the option.
void refuse(bool given, std::string_view option, std::string_view applies_to, std::string_view id,
            std::string_view type) {
    if (given) {
        throw UsageError(fmt::format("{} applies to {}; '{}' is {}", option, applies_to, id, type));
    }
}

std::vector<std::string> validated(const std::vector<std::string>& values,
                                   std::string_view option) {
    for (const auto& value : values) {
        validate_text(value, option, true);
    }
    return values;
}

// Optional text that '' clears.
std::string cleared_or(const std::string& text, std::string_view option) {
    validate_text(text, option, false);
    return is_blank(text) ? std::string() : text;
}

// The people list of a record (`key`: "people" or "attendees") with --add-with and
// --remove-with applied. Removing names a person as the record does (its id, which may be
// one no longer in people/) or as --with does.
std::vector<std::string> changed_people(std::vector<std::string> ids,
                                        const std::vector<Person>& people, const RecordFixes& fixes,
                                        std::string_view key, std::string_view what) {
    if (fixes.add_people.empty() && fixes.remove_people.empty()) {
        return ids;
    }
    const PeopleIndex index(people);
    for (const auto& query : validated(fixes.remove_people, "--remove-with")) {
        auto at = std::find(ids.begin(), ids.end(), query);
        std::string id = query;
        if (at == ids.end()) {
            id = index.resolve(query).id;
            at = std::find(ids.begin(), ids.end(), id);
        }
        if (at == ids.end()) {
            throw Error(fmt::format("--remove-with '{}': {} is not in the {}'s '{}'; nothing was "
                                    "changed",
                                    query, id, what, key));
        }
        ids.erase(at);
    }
    for (const auto& query : validated(fixes.add_people, "--add-with")) {
        const std::string& id = index.resolve(query).id;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    }
    return ids;
}

void append(std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const auto& item : more) {
        if (std::find(list.begin(), list.end(), item) == list.end()) {
            list.push_back(item);
        }
    }
}

void apply_date(Date& date, std::vector<FieldChange>& changes, const RecordFixes& fixes,
                const Date& today) {
    if (fixes.date) {
        validate_text(*fixes.date, "--date", true);
        const Date changed = parse_date_argument(*fixes.date, today, "--date");
        record_change(changes, "date", date.iso(), changed.iso());
        date = changed;
    }
}

void apply_title(std::string& title, std::vector<FieldChange>& changes, const RecordFixes& fixes) {
    if (fixes.title) {
        validate_text(*fixes.title, "--title", true);
        record_change(changes, "title", title, *fixes.title);
        title = *fixes.title;
    }
}

// Each record type with the parts that differ, so that the steps below are written once.
std::vector<Entry>& list_of(Records& records, const Entry*) {
    return records.entries;
}
std::vector<Meeting>& list_of(Records& records, const Meeting*) {
    return records.meetings;
}
std::vector<Person>& list_of(Records& records, const Person*) {
    return records.people;
}
template <typename Record>
EditedText<Record> read_edited_text(std::string_view text, const Record& before) {
    EditedText<Record> out;
    auto record = read_record(text, before, out.problems);
    if (record && !has_errors(out.problems)) {
        record->path = before.path; // the reader leaves the path to the loader
        out.record = named_by_date(std::move(*record));
    }
    return out;
}

template <typename Record>
std::vector<Diagnostic> problems_added(const Records& records, const Record& before,
                                       const Record& after) {
    Records changed = records;
    auto& list = list_of(changed, &before);
    auto at = std::find_if(list.begin(), list.end(), [&](const Record& r) {
        return r.id == before.id && r.path == before.path;
    });
    if (at == list.end()) {
        list.push_back(after);
    } else {
        *at = after;
    }
    using Key = std::tuple<std::string, Severity, std::string>;
    std::set<Key> known;
    for (auto& d : check_records(records)) {
        known.emplace(d.path == before.path ? after.path : d.path, d.severity, d.message);
    }
    std::vector<Diagnostic> added;
    for (auto& d : check_records(changed)) {
        if (!known.count({d.path, d.severity, d.message})) {
            added.push_back(std::move(d));
        }
    }
    return added;
}

} // namespace

bool RecordFixes::empty() const {
    return !date && !title && !kind && !effect && !setting && !place && add_people.empty() &&
           remove_people.empty() && add_tags.empty() && remove_tags.empty() &&
           add_questions.empty() && add_dilemmas.empty() && add_outcomes.empty() &&
           add_followups.empty();
}

FixedRecord<Entry> apply_fixes(const Entry& entry, const std::vector<Person>& people,
                               const RecordFixes& fixes, const Date& today) {
    const std::string_view type = "an entry";
    const std::string_view meetings = "meetings";
    refuse(fixes.setting.has_value(), "--setting", meetings, entry.id, type);
    refuse(fixes.place.has_value(), "--place", meetings, entry.id, type);
    refuse(!fixes.add_questions.empty(), "--add-question", meetings, entry.id, type);
    refuse(!fixes.add_dilemmas.empty(), "--add-dilemma", meetings, entry.id, type);
    refuse(!fixes.add_outcomes.empty(), "--add-outcome", meetings, entry.id, type);
    refuse(!fixes.add_followups.empty(), "--add-followup", meetings, entry.id, type);

    FixedRecord<Entry> out{entry, {}};
    Entry& after = out.after;
    // In the order of the file's keys, so the changes read like the record.
    apply_date(after.date, out.changes, fixes, today);
    if (fixes.kind) {
        validate_text(*fixes.kind, "--kind", true);
        const auto kind = kind_from_input(*fixes.kind);
        if (!kind && names_a_meeting(*fixes.kind)) {
            throw UsageError(fmt::format("--kind: '{}' is not a kind of entry; an entry cannot "
                                         "become a meeting: record it with spark meet, then "
                                         "spark rm {}",
                                         *fixes.kind, entry.id));
        }
        if (!kind) {
            throw UsageError(fmt::format("--kind: unknown kind '{}' (expected one of: {})",
                                         *fixes.kind, join(kind_input_names(), ", ")));
        }
        record_change(out.changes, "kind", std::string(name_of(entry.kind)),
                      std::string(name_of(*kind)));
        after.kind = *kind;
    }
    apply_title(after.title, out.changes, fixes);
    after.people = changed_people(after.people, people, fixes, "people", "entry");
    record_change(out.changes, "people", list_text(entry.people), list_text(after.people));
    for (const auto& tag : validated(fixes.remove_tags, "--untag")) {
        auto at = std::find(after.tags.begin(), after.tags.end(), tag);
        if (at == after.tags.end()) {
            throw Error(fmt::format("--untag '{}': the entry has no such tag (its tags: {}); "
                                    "nothing was changed",
                                    tag, list_text(after.tags)));
        }
        after.tags.erase(at);
    }
    append(after.tags, validated(fixes.add_tags, "--tag"));
    record_change(out.changes, "tags", list_text(entry.tags), list_text(after.tags));
    if (fixes.effect) {
        after.effect = cleared_or(*fixes.effect, "--effect");
        record_change(out.changes, "effect", or_none(entry.effect), or_none(after.effect));
    }
    out.after = named_by_date(std::move(out.after));
    return out;
}

FixedRecord<Meeting> apply_fixes(const Meeting& meeting, const std::vector<Person>& people,
                                 const RecordFixes& fixes, const Date& today) {
    const std::string_view type = "a meeting";
    const std::string_view entries = "entries";
    refuse(fixes.kind.has_value(), "--kind", entries, meeting.id, type);
    refuse(fixes.effect.has_value(), "--effect", entries, meeting.id, type);
    refuse(!fixes.add_tags.empty(), "--tag", entries, meeting.id, type);
    refuse(!fixes.remove_tags.empty(), "--untag", entries, meeting.id, type);

    FixedRecord<Meeting> out{meeting, {}};
    Meeting& after = out.after;
    apply_date(after.date, out.changes, fixes, today);
    apply_title(after.title, out.changes, fixes);
    if (fixes.setting) {
        validate_text(*fixes.setting, "--setting", false);
        // '' gives the setting back to the attendees' groups (setting_of).
        std::optional<Setting> setting;
        if (!fixes.setting->empty()) {
            setting = setting_from_name(*fixes.setting);
            if (!setting) {
                throw UsageError(fmt::format("--setting: unknown setting '{}' (expected "
                                             "internal, external, mixed, or '' for the one the "
                                             "attendees' groups make)",
                                             *fixes.setting));
            }
        }
        const auto shown = [](const std::optional<Setting>& s) {
            return s ? std::string(name_of(*s)) : std::string("(from the attendees' groups)");
        };
        record_change(out.changes, "setting", shown(meeting.setting), shown(setting));
        after.setting = setting;
    }
    if (fixes.place) {
        after.place = cleared_or(*fixes.place, "--place");
        record_change(out.changes, "place", or_none(meeting.place), or_none(after.place));
    }
    after.attendees = changed_people(after.attendees, people, fixes, "attendees", "meeting");
    record_change(out.changes, "attendees", list_text(meeting.attendees),
                  list_text(after.attendees));
    const struct {
        const char* field;
        const char* option;
        const std::vector<std::string>& added;
        std::vector<std::string>& list;
    } lists[] = {{"questions", "--add-question", fixes.add_questions, after.questions},
                 {"dilemmas", "--add-dilemma", fixes.add_dilemmas, after.dilemmas},
                 {"outcomes", "--add-outcome", fixes.add_outcomes, after.outcomes},
                 {"followups", "--add-followup", fixes.add_followups, after.followups}};
    for (const auto& each : lists) {
        const std::vector<std::string> before = each.list;
        append(each.list, validated(each.added, each.option));
        record_change(out.changes, each.field, list_text(before), list_text(each.list));
    }
    out.after = named_by_date(std::move(out.after));
    return out;
}

RecordName name_for_date(const std::string& path, const std::string& id, const Date& date) {
    std::string rest = id;
    if (id.size() > 11 && id[10] == '-' && parse_iso_date(std::string_view(id).substr(0, 10))) {
        rest = id.substr(11);
    }
    RecordName name;
    name.id = date.iso() + "-" + rest;
    const std::string top = path.substr(0, path.find('/'));
    name.path = fmt::format("{}/{:04}/{}.toml", top, date.year, name.id);
    return name;
}

std::optional<std::string> with_date_replaced(std::string_view bytes, const Date& from,
                                              const Date& to) {
    const std::string old_date = from.iso();
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) {
            end = bytes.size();
        }
        const std::string_view line = bytes.substr(start, end - start);
        if (line.starts_with("[")) {
            return std::nullopt; // past the top-level keys
        }
        std::size_t at = line.starts_with("date") ? 4 : std::string_view::npos;
        if (at != std::string_view::npos) {
            at = line.find_first_not_of(" \t", at);
            if (at != std::string_view::npos && line[at] == '=') {
                at = line.find_first_not_of(" \t", at + 1);
                if (at != std::string_view::npos && line.substr(at, 10) == old_date) {
                    std::string out(bytes);
                    out.replace(start + at, old_date.size(), to.iso());
                    return out;
                }
            }
        }
        start = end + 1;
    }
    return std::nullopt;
}

namespace {

// The beginning of a broken file's id, its short id or words of its title: each word's slug
// is in the id, which is all that is left of the title when the file does not read.
bool names_by_words(std::string_view id, std::string_view query) {
    if (query.empty()) {
        return false;
    }
    if (id.starts_with(query)) {
        return true;
    }
    const std::string words = slugify(query); // "Moestuin school" -> "moestuin-school"
    std::size_t start = 0;
    while (start < words.size()) {
        const std::size_t end = std::min(words.find('-', start), words.size());
        if (id.find(std::string_view(words).substr(start, end - start)) == std::string_view::npos) {
            return false;
        }
        start = end + 1;
    }
    return !words.empty();
}

} // namespace

std::optional<BrokenRecordFile> broken_record_file(const Records& records, std::string_view query,
                                                   bool exact) {
    std::vector<BrokenRecordFile> found;
    for (const auto& d : records.diagnostics) {
        if (d.severity != Severity::error || !d.path.ends_with(".toml")) {
            continue;
        }
        BrokenRecordFile file;
        if (d.path.starts_with("people/")) {
            file.type = RecordType::person;
        } else if (d.path.starts_with("log/")) {
            file.type = RecordType::entry;
        } else if (d.path.starts_with("meetings/")) {
            file.type = RecordType::meeting;
        } else {
            continue;
        }
        file.path = d.path;
        const auto slash = d.path.rfind('/');
        file.id = d.path.substr(slash + 1, d.path.size() - slash - 1 - 5);
        const bool matches =
            file.id == query || file.path == query || (!exact && names_by_words(file.id, query));
        if (!matches) {
            continue;
        }
        if (!found.empty() && found.back().path == file.path) {
            found.back().problems.push_back(d);
            continue;
        }
        file.problems.push_back(d);
        found.push_back(std::move(file));
    }
    // A file read with a problem but still loaded is not broken: edit it as a record.
    auto loaded = [&](const std::string& path) {
        auto has = [&](const auto& list) {
            return std::any_of(list.begin(), list.end(),
                               [&](const auto& record) { return record.path == path; });
        };
        return has(records.people) || has(records.entries) || has(records.meetings);
    };
    std::erase_if(found, [&](const BrokenRecordFile& file) { return loaded(file.path); });
    if (found.size() != 1) {
        return std::nullopt;
    }
    return found.front();
}

Entry named_by_date(Entry entry) {
    auto name = name_for_date(entry.path, entry.id, entry.date);
    entry.id = std::move(name.id);
    entry.path = std::move(name.path);
    return entry;
}

Meeting named_by_date(Meeting meeting) {
    auto name = name_for_date(meeting.path, meeting.id, meeting.date);
    meeting.id = std::move(name.id);
    meeting.path = std::move(name.path);
    return meeting;
}

Person named_by_date(Person person) {
    return person;
}

EditedText<Entry> read_edited(std::string_view text, const Entry& before) {
    return read_edited_text(text, before);
}
EditedText<Meeting> read_edited(std::string_view text, const Meeting& before) {
    return read_edited_text(text, before);
}
EditedText<Person> read_edited(std::string_view text, const Person& before) {
    return read_edited_text(text, before);
}

std::vector<Diagnostic> problems_of_edit(const Records& records, const Entry& before,
                                         const Entry& after) {
    return problems_added(records, before, after);
}
std::vector<Diagnostic> problems_of_edit(const Records& records, const Meeting& before,
                                         const Meeting& after) {
    return problems_added(records, before, after);
}
std::vector<Diagnostic> problems_of_edit(const Records& records, const Person& before,
                                         const Person& after) {
    return problems_added(records, before, after);
}

} // namespace spark
