#include "timeline.hpp"

#include "text.hpp"

#include <algorithm>

namespace spark {

namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool in_period(const Date& date, const TimelineFilter& filter) {
    return (!filter.since || !(date < *filter.since)) && (!filter.until || !(*filter.until < date));
}

// Every text found in one of `fields` (already folded by fold_name).
bool all_found(const std::vector<std::string>& fields, const std::vector<std::string>& texts) {
    return std::all_of(texts.begin(), texts.end(), [&](const std::string& text) {
        const std::string wanted = fold_name(text);
        return std::any_of(fields.begin(), fields.end(), [&](const std::string& field) {
            return field.find(wanted) != std::string::npos;
        });
    });
}

std::vector<std::string> folded(std::initializer_list<const std::string*> texts,
                                std::initializer_list<const std::vector<std::string>*> lists) {
    std::vector<std::string> out;
    for (const auto* text : texts) {
        out.push_back(fold_name(*text));
    }
    for (const auto* list : lists) {
        for (const auto& text : *list) {
            out.push_back(fold_name(text));
        }
    }
    return out;
}

} // namespace

bool mentions_all(const Entry& entry, const std::vector<std::string>& texts) {
    return texts.empty() ||
           all_found(folded({&entry.title, &entry.body, &entry.effect}, {}), texts);
}

bool mentions_all(const Meeting& meeting, const std::vector<std::string>& texts) {
    return texts.empty() || all_found(folded({&meeting.title, &meeting.body, &meeting.place},
                                             {&meeting.questions, &meeting.dilemmas,
                                              &meeting.outcomes, &meeting.followups}),
                                      texts);
}

std::vector<TimelineItem> timeline(const Records& records, const TimelineFilter& filter) {
    std::vector<TimelineItem> items;
    if (filter.include_entries) {
        for (const auto& entry : records.entries) {
            const bool kind_ok = filter.kinds.empty() ||
                                 std::find(filter.kinds.begin(), filter.kinds.end(), entry.kind) !=
                                     filter.kinds.end();
            if (kind_ok && in_period(entry.date, filter) &&
                (!filter.person || contains(entry.people, *filter.person)) &&
                (!filter.tag || contains(entry.tags, *filter.tag)) &&
                mentions_all(entry, filter.texts)) {
                items.push_back({&entry, nullptr});
            }
        }
    }
    if (filter.include_meetings && !filter.tag) {
        for (const auto& meeting : records.meetings) {
            if (in_period(meeting.date, filter) &&
                (!filter.person || contains(meeting.attendees, *filter.person)) &&
                mentions_all(meeting, filter.texts)) {
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

std::vector<FollowupItem> followup_list(const Records& records, const TimelineFilter& filter,
                                        bool include_done) {
    TimelineFilter meetings = filter;
    meetings.include_entries = false;
    meetings.texts.clear(); // looked for in each follow-up below
    std::vector<FollowupItem> items;
    for (const auto& item : timeline(records, meetings)) {
        for (auto& followup : numbered_followups(*item.meeting)) {
            if ((include_done || !followup.done) &&
                (filter.texts.empty() ||
                 all_found(folded({&followup.text, &item.meeting->title}, {}), filter.texts))) {
                items.push_back({item.meeting, std::move(followup)});
            }
        }
    }
    return items;
}

} // namespace spark
