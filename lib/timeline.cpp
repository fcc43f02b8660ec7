#include "timeline.hpp"

#include <algorithm>

namespace spark {

namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool in_period(const Date& date, const TimelineFilter& filter) {
    return (!filter.since || !(date < *filter.since)) && (!filter.until || !(*filter.until < date));
}

} // namespace

std::vector<TimelineItem> timeline(const Records& records, const TimelineFilter& filter) {
    std::vector<TimelineItem> items;
    if (filter.include_entries) {
        for (const auto& entry : records.entries) {
            const bool kind_ok = filter.kinds.empty() ||
                                 std::find(filter.kinds.begin(), filter.kinds.end(), entry.kind) !=
                                     filter.kinds.end();
            if (kind_ok && in_period(entry.date, filter) &&
                (!filter.person || contains(entry.people, *filter.person)) &&
                (!filter.tag || contains(entry.tags, *filter.tag))) {
                items.push_back({&entry, nullptr});
            }
        }
    }
    if (filter.include_meetings && !filter.tag) {
        for (const auto& meeting : records.meetings) {
            if (in_period(meeting.date, filter) &&
                (!filter.person || contains(meeting.attendees, *filter.person))) {
                items.push_back({nullptr, &meeting});
            }
        }
    }
    std::sort(items.begin(), items.end(), [](const TimelineItem& a, const TimelineItem& b) {
        if (a.date() != b.date()) {
            return a.date() < b.date();
        }
        return a.id() < b.id();
    });
    return items;
}

} // namespace spark
