#pragma once

#include "model.hpp"
#include "record_store.hpp"
#include "records.hpp"
#include "workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spark {

// How `spark meet` treats the --with names.
struct AttendeeOptions {
    std::vector<std::string> with; // as typed: ids, names or prefixes; repeats allowed
    bool create_new = false;       // --new: a name nobody has becomes a new person
    // --setting; without it none is stored and the attendees' groups decide when read.
    std::optional<Setting> setting;
    // --new-group and --invited-by: what the new people get (the inviter already resolved
    // to an id; empty for nobody).
    std::optional<Group> new_group = {};
    std::string new_invited_by = {};
};

// A meeting worked out in memory before anything is written, so that an unknown or
// ambiguous name leaves no trace.
struct MeetingPlan {
    Meeting meeting;                // attendees: the people found, in the order named
    std::vector<Person> new_people; // --new: one per name nobody has (the same name once)
};

// Resolves every --with name against `people`. Throws Error for an ambiguous name, for an
// unknown one without --new, and for one that is close to someone known (far more often a
// typo than a new person). Linear in the number of names: each costs a few binary searches
// (and, for a name nobody has, one pass for close spellings).
MeetingPlan plan_meeting(const std::vector<Person>& people, Meeting meeting,
                         const AttendeeOptions& options);

// Meetings in `meetings` on the same day as `meeting` whose title is the same once folded
// ("Buurttafel Oost" and "buurttafel  oost"): most often the same meeting recorded twice.
std::vector<const Meeting*> same_title_same_day(const std::vector<Meeting>& meetings,
                                                const Meeting& meeting);

// What `record_meeting` wrote.
struct RecordedMeeting {
    Stored meeting;
    std::vector<Stored> new_people; // in the order of plan.new_people
    struct Newcomer {
        std::string id;
        std::string name;
    };
    std::vector<Newcomer> newcomers; // attendees whose first involvement is this meeting
    std::vector<std::string> paths;  // every file written, for the commit
};

// Stores the new people, then the meeting (each file atomic: a kill leaves people without
// the meeting at worst, never a meeting naming people that do not exist), and works out
// the newcomers against `records`, the workspace before the meeting.
RecordedMeeting record_meeting(const Workspace& workspace, Records records, MeetingPlan plan);

} // namespace spark
