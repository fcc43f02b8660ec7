#include "check.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <utf8proc.h>

namespace spark {

namespace {

// A path as a case-insensitive file system sees it: case folded, accents composed (NFC).
std::string case_insensitive_key(std::string_view path) {
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(path.data()),
        static_cast<utf8proc_ssize_t>(path.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    if (length < 0) {
        return std::string(path);
    }
    std::string key(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return key;
}

class Checker {
  public:
    explicit Checker(const Records& records) : records_(records) {
        for (const auto& person : records.people) {
            people_.emplace(person.id, &person);
        }
        // A person file that exists but does not parse has its own error; references to it
        // are not "unknown" and would only bury that error.
        for (const auto& d : records.diagnostics) {
            if (d.severity == Severity::error && d.path.starts_with("people/") &&
                d.path.ends_with(".toml")) {
                broken_people_.insert(d.path.substr(7, d.path.size() - 12));
            }
        }
    }

    bool unknown(const std::string& id) const {
        return people_.count(id) == 0 && broken_people_.count(id) == 0;
    }

    std::vector<Diagnostic> run() {
        check_people();
        check_invitation_cycles();
        for (const auto& entry : records_.entries) {
            check_dated_record(entry, entry.people, entry.people_pos, "people");
        }
        for (const auto& meeting : records_.meetings) {
            check_dated_record(meeting, meeting.attendees, meeting.attendees_pos, "attendees");
            if (meeting.attendees.empty()) {
                warn(path_of(meeting), {},
                     "meeting has no attendees; add them so the report can count who came");
            }
        }
        check_duplicate_ids();
        check_ids_differing_in_case();
        return std::move(out_);
    }

  private:
    void error(std::string path, SourcePos pos, std::string message) {
        out_.push_back({std::move(path), pos, Severity::error, std::move(message)});
    }
    void warn(std::string path, SourcePos pos, std::string message) {
        out_.push_back({std::move(path), pos, Severity::warning, std::move(message)});
    }

    template <typename Record>
    static const std::string& path_of(const Record& r) {
        return r.path;
    }

    void check_people() {
        std::map<std::string, std::vector<const Person*>> by_name;
        for (const auto& person : records_.people) {
            if (!person.invited_by.empty() && unknown(person.invited_by)) {
                error(path_of(person), person.invited_by_pos,
                      fmt::format("'invited_by' names unknown person '{}'", person.invited_by));
            }
            // Without a group the report cannot tell inside from outside or leadership.
            // A forgotten person's stand-in keeps what the person had; nobody can ask.
            if (!person.group && !person.is_forgotten()) {
                warn(path_of(person), {1, 1},
                     fmt::format("'{}' has no group, so the report cannot count where the fire "
                                 "reached; run 'spark people set {} --group GROUP' ({})",
                                 person.id, person.id, join(group_ids(), ", ")));
            }
            // One rule for "the same name" (text.hpp): what fold_name makes equal.
            by_name[fold_name(person.name)].push_back(&person);
        }
        for (const auto& [name, same] : by_name) {
            for (std::size_t i = 1; i < same.size(); ++i) {
                warn(path_of(*same[i]), {1, 1},
                     fmt::format("'{}' has the same name as '{}'; if they are one person, run "
                                 "'spark people merge {} {}'",
                                 same[i]->id, same[0]->id, same[0]->id, same[i]->id));
            }
        }
    }

    void check_invitation_cycles() {
        // 0 = unvisited, 1 = on the current path, 2 = done.
        std::unordered_map<std::string, int> state;
        for (const auto& start : records_.people) {
            std::vector<const Person*> path;
            const Person* current = &start;
            while (current != nullptr && state[current->id] == 0) {
                state[current->id] = 1;
                path.push_back(current);
                auto next = people_.find(current->invited_by);
                current = next == people_.end() ? nullptr : next->second;
            }
            if (current != nullptr && state[current->id] == 1) {
                std::vector<std::string> cycle;
                bool in_cycle = false;
                for (const auto* p : path) {
                    in_cycle = in_cycle || p == current;
                    if (in_cycle) {
                        cycle.push_back(p->id);
                    }
                }
                cycle.push_back(current->id);
                error(path_of(*current), current->invited_by_pos,
                      fmt::format("'invited_by' forms a cycle: {}", join(cycle, " -> ")));
            }
            for (const auto* p : path) {
                state[p->id] = 2;
            }
        }
    }

    template <typename Record>
    void check_dated_record(const Record& record, const std::vector<std::string>& ids,
                            const std::vector<SourcePos>& positions, std::string_view key) {
        const std::string& path = path_of(record);
        const std::string year_folder = fmt::format("/{:04}/", record.date.year);
        if (path.find(year_folder) == std::string::npos) {
            warn(path, {1, 1},
                 fmt::format("dated {} but stored in another year's folder", record.date.iso()));
        }
        if (!record.id.starts_with(record.date.iso())) {
            warn(path, {1, 1},
                 fmt::format("the id does not start with the record's date {}; was the date "
                             "edited by hand?",
                             record.date.iso()));
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const SourcePos pos = i < positions.size() ? positions[i] : SourcePos{};
            auto person = people_.find(ids[i]);
            if (person == people_.end()) {
                if (unknown(ids[i])) {
                    error(path, pos, fmt::format("unknown person '{}' in '{}'", ids[i], key));
                }
                continue;
            }
            if (!seen.insert(ids[i]).second) {
                warn(path, pos, fmt::format("'{}' is listed twice in '{}'", ids[i], key));
            }
            const Person& p = *person->second;
            if (p.since.valid() && record.date < p.since) {
                warn(path, pos,
                     fmt::format("'{}' takes part on {} but joined ('since') on {}", ids[i],
                                 record.date.iso(), p.since.iso()));
            }
        }
    }

    void check_duplicate_ids() {
        std::map<std::string, std::vector<std::string>> paths_by_id;
        for (const auto& p : records_.people) {
            paths_by_id[p.id].push_back(path_of(p));
        }
        for (const auto& e : records_.entries) {
            paths_by_id[e.id].push_back(path_of(e));
        }
        for (const auto& m : records_.meetings) {
            paths_by_id[m.id].push_back(path_of(m));
        }
        for (const auto& [id, paths] : paths_by_id) {
            for (std::size_t i = 1; i < paths.size(); ++i) {
                error(paths[i], {}, fmt::format("duplicate id '{}' (also {})", id, paths[0]));
            }
        }
    }

    // macOS and Windows file systems ignore case (and, on macOS, composed or decomposed
    // accents): two such files in one folder are one file in a clone there, and git loses
    // one of them. The same id in two folders is no clash.
    void check_ids_differing_in_case() {
        std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_key;
        auto add = [&](const std::string& id, const std::string& path) {
            by_key[case_insensitive_key(path)].emplace_back(path, id);
        };
        for (const auto& p : records_.people) {
            add(p.id, path_of(p));
        }
        for (const auto& e : records_.entries) {
            add(e.id, path_of(e));
        }
        for (const auto& m : records_.meetings) {
            add(m.id, path_of(m));
        }
        for (auto& [key, files] : by_key) {
            std::sort(files.begin(), files.end());
            for (std::size_t i = 1; i < files.size(); ++i) {
                if (files[i].first == files[0].first) {
                    continue; // the same path twice: not a case problem
                }
                warn(files[i].first, {},
                     fmt::format("'{}' and '{}' ({}) differ only in case; on macOS and Windows "
                                 "they are one file, so a clone there loses one: rename one of "
                                 "them",
                                 files[i].second, files[0].second, files[0].first));
            }
        }
    }

    const Records& records_;
    std::unordered_map<std::string, const Person*> people_;
    std::set<std::string> broken_people_;
    std::vector<Diagnostic> out_;
};

} // namespace

std::vector<Diagnostic> check_records(const Records& records) {
    return Checker(records).run();
}

} // namespace spark
