#include "record_removal.hpp"

#include "error.hpp"
#include "git.hpp"
#include "record_lookup.hpp"
#include "vocabulary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace spark {

namespace {

bool names(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

RemovedRecord describe(const RecordRef& found) {
    if (found.entry) {
        return {found.entry->id, found.entry->path, "entry",
                std::string(name_of(found.entry->kind)), found.entry->title};
    }
    if (found.meeting) {
        return {found.meeting->id, found.meeting->path, "meeting", "meeting", found.meeting->title};
    }
    return {found.person->id, found.person->path, "person", "person", found.person->name};
}

// `others`: the paths removed along with the person; what refers to them does not count.
void refuse_person(const Records& records, const Person& person, std::string_view query, bool force,
                   const std::vector<std::string>& others) {
    if (!force) {
        throw Error(fmt::format(
            "'{}' is a person ({}); people are not removed with rm: use 'spark people merge "
            "KEEP {}' for a duplicate or 'spark people forget {}' to remove their name, or "
            "'spark rm --force {}' when no record refers to them",
            query, person.id, person.id, person.id, person.id));
    }
    std::vector<std::string> naming = records_naming(records, person.id);
    std::erase_if(naming, [&](const std::string& path) { return names(others, path); });
    if (!naming.empty()) {
        std::string list;
        for (std::size_t i = 0; i < naming.size() && i < 20; ++i) {
            list += "\n  " + naming[i];
        }
        if (naming.size() > 20) {
            list += fmt::format("\n  … and {} more", naming.size() - 20);
        }
        throw Error(fmt::format("cannot remove {} ('{}'): {} record{} refer{} to them; use "
                                "'spark people merge' or 'spark people forget' instead:{}",
                                person.id, query, naming.size(), naming.size() == 1 ? "" : "s",
                                naming.size() == 1 ? "s" : "", list));
    }
}

// The record behind a path an interrupted spark removed, when `query` is its exact id.
std::optional<RemovedRecord> removed_before(const std::vector<std::string>& interrupted,
                                            std::string_view query) {
    for (const auto& path : interrupted) {
        const auto slash = path.rfind('/');
        const std::string id = path.substr(slash + 1, path.size() - slash - 1 - 5);
        if (id == query && path.ends_with(".toml")) {
            const std::string type = path.starts_with("people/")     ? "person"
                                     : path.starts_with("meetings/") ? "meeting"
                                                                     : "entry";
            return RemovedRecord{id, path, type, type, id, true};
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> records_naming(const Records& records, std::string_view id) {
    std::vector<std::string> paths;
    for (const auto& entry : records.entries) {
        if (names(entry.people, id)) {
            paths.push_back(entry.path);
        }
    }
    for (const auto& meeting : records.meetings) {
        if (names(meeting.attendees, id)) {
            paths.push_back(meeting.path);
        }
    }
    for (const auto& person : records.people) {
        if (person.invited_by == id && person.id != id) {
            paths.push_back(person.path);
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

RemovalPlan plan_removal(const Records& records, const std::vector<std::string>& queries,
                         bool force, const std::vector<std::string>& interrupted) {
    if (queries.empty()) {
        throw UsageError("name at least one record to remove");
    }
    RemovalPlan plan;
    std::vector<std::pair<const Person*, std::string>> people; // checked once all are known
    for (const auto& query : queries) {
        RemovedRecord removed;
        try {
            const RecordRef found = find_record(records, query);
            if (found.person) {
                people.emplace_back(found.person, query);
            }
            removed = describe(found);
        } catch (const UsageError&) {
            throw;
        } catch (const Error& e) {
            auto gone = removed_before(interrupted, query);
            if (!gone) {
                throw Error(fmt::format("{}\nnothing was removed", e.what()));
            }
            removed = std::move(*gone);
        }
        const bool seen = std::any_of(plan.records.begin(), plan.records.end(),
                                      [&](const RemovedRecord& r) { return r.id == removed.id; });
        if (!seen) {
            if (!removed.already_gone) {
                plan.edit.removals.push_back(removed.path);
            }
            plan.paths.push_back(removed.path);
            plan.records.push_back(std::move(removed));
        }
    }
    for (const auto& [person, query] : people) {
        refuse_person(records, *person, query, force, plan.edit.removals);
    }
    plan.commit_subject = plan.records.size() == 1
                              ? fmt::format("rm({}): {}", plan.records.front().scope,
                                            commit_subject_line(plan.records.front().title))
                              : fmt::format("rm: {} records", plan.records.size());
    return plan;
}

} // namespace spark
