#include "meeting_plan.hpp"

#include "error.hpp"
#include "involvement.hpp"
#include "people.hpp"
#include "record_view.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_set>

namespace spark {

MeetingPlan plan_meeting(const std::vector<Person>& people, Meeting meeting,
                         const AttendeeOptions& options) {
    const PeopleIndex index(people);
    MeetingPlan plan;
    std::unordered_set<std::string> attending;
    std::unordered_set<std::string> new_names; // folded: "Zeno Zomer" and "zeno  zomer" are one
    for (const auto& query : options.with) {
        auto found = index.lookup(query);
        if (found.person != nullptr) {
            if (attending.insert(found.person->id).second) {
                meeting.attendees.push_back(found.person->id);
            }
        } else if (found.ambiguous()) {
            index.resolve(query); // throws with the candidates
        } else if (!options.create_new) {
            throw Error(fmt::format("unknown person '{}'; nothing was saved{}\n"
                                    "  (use --new to add '{}' as a new person)",
                                    query,
                                    found.candidates.empty()
                                        ? std::string()
                                        : "; did you mean:" + describe_candidates(found.candidates),
                                    query));
        } else if (!found.candidates.empty()) {
            throw Error(fmt::format(
                "unknown person '{}' is close to someone already known; nothing was saved; "
                "did you mean:{}\n  (if '{}' really is someone else, add them first with: "
                "spark people add \"{}\")",
                query, describe_candidates(found.candidates), query, query));
        } else if (new_names.insert(fold_name(query)).second) {
            Person person;
            person.name = query; // no since: this meeting is their first record
            person.group = options.new_group;
            person.invited_by = options.new_invited_by;
            plan.new_people.push_back(std::move(person));
        }
    }
    meeting.setting = options.setting; // without it, derived when read (setting_of)
    plan.meeting = std::move(meeting);
    return plan;
}

std::vector<const Meeting*> same_title_same_day(const std::vector<Meeting>& meetings,
                                                const Meeting& meeting) {
    const std::string title = fold_name(meeting.title);
    std::vector<const Meeting*> found;
    for (const auto& other : meetings) {
        if (other.date == meeting.date && fold_name(other.title) == title) {
            found.push_back(&other);
        }
    }
    return found;
}

RecordedMeeting record_meeting(const Workspace& workspace, Records records, MeetingPlan plan) {
    RecordedMeeting recorded;
    for (auto& person : plan.new_people) {
        const Stored stored = store_new_person(workspace, person);
        person.id = stored.id;
        person.path = stored.path;
        plan.meeting.attendees.push_back(stored.id);
        recorded.new_people.push_back(stored);
        recorded.paths.push_back(stored.path);
        records.people.push_back(person);
    }
    recorded.meeting = store_new_meeting(workspace, plan.meeting);
    recorded.paths.push_back(recorded.meeting.path);

    Meeting& meeting = plan.meeting;
    meeting.id = recorded.meeting.id;
    meeting.path = recorded.meeting.path;
    records.meetings.push_back(meeting);
    // The loader's order (by id), which decides the first meeting of a day.
    std::sort(records.people.begin(), records.people.end(),
              [](const Person& a, const Person& b) { return a.id < b.id; });
    std::sort(records.meetings.begin(), records.meetings.end(),
              [](const Meeting& a, const Meeting& b) { return a.id < b.id; });
    for (const auto& id : newcomers(meeting, first_involvement(records))) {
        recorded.newcomers.push_back({id, display_name(records, id)});
    }
    return recorded;
}

} // namespace spark
