#pragma once

#include "records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spark {

// Which records `spark list` shows; every set criterion must hold.
struct TimelineFilter {
    std::vector<Kind> kinds; // entry kinds to keep; empty with !meetings_only = all
    bool include_meetings = true;
    bool include_entries = true;
    std::optional<Date> since;
    std::optional<Date> until;
    std::optional<std::string> person; // an id
    std::optional<std::string> tag;
};

// One line of the timeline: an entry or a meeting.
struct TimelineItem {
    const Entry* entry = nullptr;
    const Meeting* meeting = nullptr;

    const Date& date() const { return entry ? entry->date : meeting->date; }
    const std::string& id() const { return entry ? entry->id : meeting->id; }
    const std::string& title() const { return entry ? entry->title : meeting->title; }
    const std::vector<std::string>& people() const {
        return entry ? entry->people : meeting->attendees;
    }
    std::string_view kind_name() const { return entry ? name_of(entry->kind) : "meeting"; }
};

// Entries and meetings in date order, ties broken by id so the output is stable.
std::vector<TimelineItem> timeline(const Records& records, const TimelineFilter& filter);

} // namespace spark
