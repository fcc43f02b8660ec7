#include "dangling.hpp"

#include "people_edit.hpp"

#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

namespace spark {

namespace {

// "people: merge DROP into KEEP", as `spark people merge` writes it: KEEP.
std::optional<std::string> merged_into(const std::string& subject, const std::string& drop) {
    const std::string prefix = "people: merge " + drop + " into ";
    if (!subject.starts_with(prefix) || subject.size() == prefix.size()) {
        return std::nullopt;
    }
    const std::string keep = subject.substr(prefix.size());
    if (keep.find(' ') != std::string::npos) {
        return std::nullopt;
    }
    return keep;
}

} // namespace

std::vector<DanglingPerson> dangling_people(const Records& records, const RemovalLookup& removal) {
    std::set<std::string> known;
    for (const auto& person : records.people) {
        known.insert(person.id);
    }
    for (const auto& d : records.diagnostics) { // a record that does not parse is not gone
        if (d.path.starts_with("people/") && d.path.ends_with(".toml")) {
            known.insert(d.path.substr(7, d.path.size() - 12));
        }
    }
    struct Seen {
        std::size_t count = 0;
        std::string path;
        SourcePos pos;
    };
    std::map<std::string, Seen> references;
    auto count = [&](const std::vector<std::string>& ids, const std::vector<SourcePos>& positions,
                     const std::string& path) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (known.count(ids[i]) != 0) {
                continue;
            }
            Seen& seen = references[ids[i]];
            const SourcePos pos = i < positions.size() ? positions[i] : SourcePos{};
            if (seen.count++ == 0 || std::tie(path, pos.line, pos.column) <
                                         std::tie(seen.path, seen.pos.line, seen.pos.column)) {
                seen.path = path;
                seen.pos = pos;
            }
        }
    };
    for (const auto& entry : records.entries) {
        count(entry.people, entry.people_pos, entry.path);
    }
    for (const auto& meeting : records.meetings) {
        count(meeting.attendees, meeting.attendees_pos, meeting.path);
    }
    for (const auto& person : records.people) {
        if (!person.invited_by.empty()) {
            count({person.invited_by}, {person.invited_by_pos}, person.path);
        }
    }

    std::vector<DanglingPerson> out;
    for (const auto& [id, seen] : references) {
        DanglingPerson person;
        person.id = id;
        person.references = seen.count;
        person.first_path = seen.path;
        person.first_pos = seen.pos;
        if (known.count(pseudonym_id(id)) != 0) {
            person.repair = DanglingPerson::Repair::forgotten;
            person.target = pseudonym_id(id);
            out.push_back(person);
            continue;
        }
        const auto removed = removal ? removal(id) : std::nullopt;
        if (removed) {
            person.commit = removed->commit;
            person.repair = DanglingPerson::Repair::restore;
            // Follow merges (and a forget at the end) to someone who is still there.
            std::string current = id;
            std::optional<Removal> step = removed;
            for (int hops = 0; step && hops < 20; ++hops) {
                const auto keep = merged_into(step->subject, current);
                if (!keep) {
                    break;
                }
                current = *keep;
                if (known.count(current) != 0) {
                    person.repair = DanglingPerson::Repair::merged;
                    person.target = current;
                    break;
                }
                if (known.count(pseudonym_id(current)) != 0) {
                    person.repair = DanglingPerson::Repair::merged;
                    person.target = pseudonym_id(current);
                    break;
                }
                step = removal(current);
            }
        }
        out.push_back(person);
    }
    return out;
}

PeopleEdit plan_dangling_repair(const Records& records, const DanglingPerson& person,
                                const FileSource& source) {
    if (!person.safe()) {
        throw Error(fmt::format("no safe repair for '{}'", person.id));
    }
    // The gone record stands in, empty, so the merge planner rewrites every reference; it
    // has nothing to give the target and no file to remove.
    Records with_stand_in = records;
    Person stand_in;
    stand_in.id = person.id;
    stand_in.path = "people/" + person.id + ".toml";
    stand_in.name = person.id;
    with_stand_in.people.push_back(stand_in);
    PeopleEdit edit = plan_merge(with_stand_in, person.target, person.id, source);
    edit.edit.removals.clear();
    return edit;
}

Diagnostic dangling_advice(const DanglingPerson& person) {
    const std::string path = "people/" + person.id + ".toml";
    const std::string refs =
        fmt::format("{} reference{}", person.references, person.references == 1 ? "" : "s");
    std::string message;
    switch (person.repair) {
    case DanglingPerson::Repair::forgotten:
        message = fmt::format("'{}' was forgotten ('spark people forget', in another clone), "
                              "yet {} still name it; 'spark check --fix' names its pseudonym "
                              "'{}' there instead",
                              person.id, refs, person.target);
        break;
    case DanglingPerson::Repair::merged:
        message = fmt::format("'{}' was merged into '{}' (commit {}, in another clone), yet {} "
                              "still name it; 'spark check --fix' names '{}' there instead",
                              person.id, person.target, person.commit, refs, person.target);
        break;
    case DanglingPerson::Repair::restore:
        message = fmt::format("the record of '{}' was removed in commit {} while {} still "
                              "name it; restore it with: git checkout {}^ -- {} (or change "
                              "the references by hand)",
                              person.id, person.commit, refs, person.commit, path);
        break;
    case DanglingPerson::Repair::none:
        message = fmt::format("no record of '{}', and git has none either, while {} name it: "
                              "add the person ('spark people add') and change the references "
                              "to the new id, or change them by hand",
                              person.id, refs);
        break;
    }
    return {person.first_path, person.first_pos, Severity::warning, std::move(message)};
}

} // namespace spark
