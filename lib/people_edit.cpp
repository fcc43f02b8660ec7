#include "people_edit.hpp"

#include "check.hpp"
#include "error.hpp"
#include "name_forms.hpp"
#include "record_rewrite.hpp"
#include "sha256.hpp"
#include "text.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace spark {

namespace {

// `ids` with `from` replaced by `to`, and `to` listed once.
std::vector<std::string> substitute(const std::vector<std::string>& ids, const std::string& from,
                                    const std::string& to) {
    std::vector<std::string> out;
    bool have_to = false;
    for (const auto& id : ids) {
        const std::string& value = id == from ? to : id;
        if (value == to) {
            if (have_to) {
                continue;
            }
            have_to = true;
        }
        out.push_back(value);
    }
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<SourcePos> positions_of(const std::vector<std::string>& ids,
                                    const std::vector<SourcePos>& positions,
                                    const std::string& id) {
    std::vector<SourcePos> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] == id) {
            if (i >= positions.size()) {
                return {};
            }
            out.push_back(positions[i]);
        }
    }
    return out;
}

// KEEP's own fields, with the empty ones filled from `other` (not name, public or
// invited_by: the caller decides those).
Person absorb(Person keep, const Person& other) {
    if (!keep.group) {
        keep.group = other.group;
    }
    for (Role role : other.roles) {
        if (!keep.has_role(role)) {
            keep.roles.push_back(role);
        }
    }
    if (keep.department.empty()) {
        keep.department = other.department;
    }
    if (keep.note.empty()) {
        keep.note = other.note;
    }
    if (other.since.valid() && (!keep.since.valid() || other.since < keep.since)) {
        keep.since = other.since;
    }
    // A forgotten name stays hidden whoever carries its hashes on.
    for (const auto& hashed : other.name_hashes) {
        if (std::find(keep.name_hashes.begin(), keep.name_hashes.end(), hashed) ==
            keep.name_hashes.end()) {
            keep.name_hashes.push_back(hashed);
        }
    }
    return keep;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) {
        return text;
    }
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

class Planner {
  public:
    Planner(const Records& records, const FileSource& source)
        : records_(records), source_(source) {}

    // Rewrites every reference to `from` as `to.id`, stores `to` (new or changed), removes
    // `from`'s file. `to_is_new`: `to` has no file yet.
    PeopleEdit plan(const Person& from, Person to, bool to_is_new) {
        PeopleEdit result;
        result.from_id = from.id;
        result.to_id = to.id;
        Records after = records_;

        if (to.invited_by == from.id || to.invited_by == to.id) {
            to.invited_by.clear();
        }
        const Person* old_to = nullptr;
        std::erase_if(after.people, [&](const Person& p) { return p.id == from.id; });
        for (auto& person : after.people) {
            if (person.id == to.id) {
                old_to = find_person(to.id);
                person = to;
            }
        }
        if (to_is_new) {
            to.path = std::string(people_dir) + "/" + to.id + ".toml";
            after.people.push_back(to);
            FileWrite write;
            write.path = to.path;
            write.bytes = verified_bytes(to);
            result.edit.writes.push_back(std::move(write));
        } else if (!(*old_to == to)) {
            result.edit.writes.push_back(rewrite(*old_to, to, {}, from.id));
        }

        for (auto& entry : after.entries) {
            if (contains(entry.people, from.id)) {
                const Entry before = entry;
                entry.people = substitute(before.people, from.id, to.id);
                result.references += 1;
                result.edit.writes.push_back(rewrite(
                    before, entry,
                    surgical_positions(before.people, entry.people, before.people_pos, from.id),
                    from.id, to.id));
            }
        }
        for (auto& meeting : after.meetings) {
            if (contains(meeting.attendees, from.id)) {
                const Meeting before = meeting;
                meeting.attendees = substitute(before.attendees, from.id, to.id);
                result.references += 1;
                result.edit.writes.push_back(
                    rewrite(before, meeting,
                            surgical_positions(before.attendees, meeting.attendees,
                                               before.attendees_pos, from.id),
                            from.id, to.id));
            }
        }
        for (auto& person : after.people) {
            if (person.id != to.id && person.invited_by == from.id) {
                const Person before = person;
                person.invited_by = to.id;
                result.references += 1;
                result.edit.writes.push_back(
                    rewrite(before, person, {before.invited_by_pos}, from.id, to.id));
            }
        }
        result.edit.removals.push_back(from.path);

        refuse_new_problems(after, from, to);
        return result;
    }

    const Person* find_person(const std::string& id) const {
        for (const auto& person : records_.people) {
            if (person.id == id) {
                return &person;
            }
        }
        return nullptr;
    }

    // Would `person.invited_by = inviter` close a cycle, with `from` gone and named `to`?
    bool would_cycle(const std::string& person, std::string inviter, const std::string& from,
                     const std::string& to) const {
        std::set<std::string> seen;
        while (!inviter.empty() && seen.insert(inviter).second) {
            if (inviter == from) {
                inviter = to;
            }
            if (inviter == person) {
                return true;
            }
            const Person* next = find_person(inviter);
            inviter = next == nullptr ? "" : next->invited_by;
        }
        return false;
    }

  private:
    // Positions of the tokens to replace in place, or none when the list also loses an
    // element (then the record is rendered anew).
    static std::vector<SourcePos> surgical_positions(const std::vector<std::string>& before,
                                                     const std::vector<std::string>& after,
                                                     const std::vector<SourcePos>& positions,
                                                     const std::string& from) {
        if (before.size() != after.size()) {
            return {};
        }
        return positions_of(before, positions, from);
    }

    // The new bytes of one record: the old file with the id tokens swapped when that reads
    // back right (hand formatting and comments survive), else the record rendered anew.
    template <typename Record>
    FileWrite rewrite(const Record& before, const Record& after,
                      const std::vector<SourcePos>& positions, const std::string& from,
                      const std::string& to = {}) const {
        std::string old_bytes = source_(before.path);
        std::optional<std::string> swapped;
        if (!to.empty()) {
            swapped = swap_id_tokens(old_bytes, positions, from, to);
        }
        return rewrite_record(before, after, std::move(old_bytes), swapped);
    }

    // The edit must not add a problem: an error `spark check` would report afterwards that
    // it does not report now (with the old id read as the new one).
    void refuse_new_problems(const Records& after, const Person& from, const Person& to) const {
        std::set<std::pair<std::string, std::string>> known;
        for (const auto& d : check_records(records_)) {
            if (d.severity == Severity::error) {
                const std::string path = d.path == from.path ? to.path : d.path;
                known.emplace(path, replace_all(d.message, from.id, to.id));
            }
        }
        std::vector<std::string> added;
        for (const auto& d : check_records(after)) {
            if (d.severity == Severity::error && known.count({d.path, d.message}) == 0) {
                added.push_back(fmt::format("\n  {}: {}", d.path, d.message));
            }
        }
        if (!added.empty()) {
            std::string list;
            for (const auto& line : added) {
                list += line;
            }
            throw Error(fmt::format("this would leave the workspace with a problem; nothing "
                                    "was changed:{}",
                                    list));
        }
    }

    const Records& records_;
    const FileSource& source_;
};

const Person& person_by_id(const Planner& planner, const std::string& id) {
    const Person* person = planner.find_person(id);
    if (person == nullptr) {
        throw Error(fmt::format("unknown person '{}'", id));
    }
    return *person;
}

} // namespace

std::string pseudonym_id(std::string_view id) {
    return "forgotten-" + sha256_hex(id).substr(0, 12);
}

PeopleEdit plan_merge(const Records& records, const std::string& keep_id,
                      const std::string& drop_id, const FileSource& source) {
    if (keep_id == drop_id) {
        throw UsageError(
            fmt::format("cannot merge '{}' into itself; name two different people", keep_id));
    }
    Planner planner(records, source);
    const Person& keep = person_by_id(planner, keep_id);
    const Person& drop = person_by_id(planner, drop_id);
    Person merged = absorb(keep, drop);
    if (merged.invited_by == drop.id) { // invited by their own duplicate: no inviter at all
        merged.invited_by.clear();
    }
    // DROP's inviter fills an empty invited_by unless that would close a cycle.
    if (merged.invited_by.empty() && !drop.invited_by.empty() &&
        !planner.would_cycle(keep.id, drop.invited_by, drop.id, keep.id)) {
        merged.invited_by = drop.invited_by;
    }
    return planner.plan(drop, merged, false);
}

PeopleEdit plan_forget(const Records& records, const std::string& id, const FileSource& source) {
    Planner planner(records, source);
    const Person& person = person_by_id(planner, id);
    const std::string pseudonym = pseudonym_id(person.id);
    if (person.id.starts_with("forgotten-")) {
        throw Error(fmt::format("'{}' is already a pseudonym of a forgotten person", person.id));
    }
    Person stand_in;
    stand_in.id = pseudonym;
    stand_in.path = std::string(people_dir) + "/" + pseudonym + ".toml";
    stand_in.name =
        "(forgotten " + pseudonym.substr(std::string_view("forgotten-").size(), 6) + ")";
    stand_in.group = person.group;
    stand_in.roles = person.roles;
    stand_in.since = person.since;
    stand_in.invited_by = person.invited_by;
    stand_in.is_public = false;
    // The name itself goes, but text may still hold it (and text from clones that had not
    // forgotten yet will): hashes of its forms let reports keep hiding it.
    stand_in.name_hashes = hashed_name_forms(person.name, person.id, pseudonym);

    const Person* existing = planner.find_person(pseudonym);
    Person to = stand_in;
    if (existing != nullptr) { // forgotten in another clone too: one pseudonym for both
        to = absorb(*existing, stand_in);
        if (to.invited_by.empty() && !stand_in.invited_by.empty() &&
            !planner.would_cycle(to.id, stand_in.invited_by, person.id, to.id)) {
            to.invited_by = stand_in.invited_by;
        }
    }
    PeopleEdit result = planner.plan(person, to, existing == nullptr);

    // Free text is not rewritten: list the files that still mention the person.
    const std::string name = fold_name(person.name);
    const std::string old_id = fold_for_matching(person.id);
    std::unordered_map<std::string, const std::string*> written;
    for (const auto& write : result.edit.writes) {
        written.emplace(write.path, &write.bytes);
    }
    auto check_file = [&](const std::string& path) {
        if (path == person.path) {
            return;
        }
        auto found = written.find(path);
        const std::string text = fold_name(found != written.end() ? *found->second : source(path));
        if ((!name.empty() && text.find(name) != std::string::npos) ||
            text.find(old_id) != std::string::npos) {
            result.mentions.push_back(path);
        }
    };
    for (const auto& p : records.people) {
        check_file(p.path);
    }
    for (const auto& e : records.entries) {
        check_file(e.path);
    }
    for (const auto& m : records.meetings) {
        check_file(m.path);
    }
    std::sort(result.mentions.begin(), result.mentions.end());
    return result;
}

} // namespace spark
