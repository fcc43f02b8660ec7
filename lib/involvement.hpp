#pragma once

#include "records.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace spark {

// When a person first appears: the earliest of their `since`, any entry and any meeting
// they are part of. The report, `meet`, `list` and `show` all count newcomers from this.
struct Involvement {
    Date first;
    // Their first entry or meeting; not set for someone only registered. Someone joins by
    // taking part when this is also their first involvement (no earlier `since`).
    Date first_record;
    // The meeting where they first appeared, when their first day is a meeting day
    // (several meetings that day: the first by id). Empty otherwise.
    std::string first_meeting;
    // Their first entry or meeting is dated before their `since`.
    bool before_since = false;
};

using InvolvementMap = std::unordered_map<std::string, Involvement>;

InvolvementMap first_involvement(const Records& records);

// Who brought in whom: the core (role spark) is generation 0, someone invited by generation
// n is n + 1, someone without a known inviter 1. Cycles in invited_by end the count.
std::unordered_map<std::string, int> generations(const Records& records);

// Attendees of `meeting` whose first involvement is this meeting.
std::vector<std::string> newcomers(const Meeting& meeting, const InvolvementMap& involvement);

} // namespace spark
