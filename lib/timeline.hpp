#pragma once

#include "followups.hpp"
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
    // Texts that must each occur in the record's title, body, effect, place, questions,
    // dilemmas, outcomes or follow-ups, ignoring case, accents and runs of white space.
    std::vector<std::string> texts;
};

// Meetings are listed beside the kinds of entry; these are the words for them.
inline constexpr Wording meeting_word{"ontmoeting", "meeting"};
inline constexpr std::string_view meeting_input_names[] = {"meeting", "meetings", "ontmoeting",
                                                           "ontmoetingen"};

// Whether `record` mentions every text of `texts` (see TimelineFilter::texts).
bool mentions_all(const Entry& entry, const std::vector<std::string>& texts);
bool mentions_all(const Meeting& meeting, const std::vector<std::string>& texts);

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
    std::string_view kind_name() const { return entry ? name_of(entry->kind) : meeting_word.en; }
    // The kind as a word of `language`: "lucifer", "ontmoeting".
    std::string_view kind_word(Language language) const {
        return entry ? term(entry->kind).word.in(language) : meeting_word.in(language);
    }
};

// Entries and meetings in date order, ties broken by id so the output is stable.
std::vector<TimelineItem> timeline(const Records& records, const TimelineFilter& filter);

// One line of `spark list --followups`: a follow-up and its meeting.
struct FollowupItem {
    const Meeting* meeting = nullptr;
    Followup followup;
};

// The follow-ups of the meetings `filter` keeps (its dates and person; its texts are looked
// for in the follow-up and the meeting's title), in the meetings' date order and then by
// number; the done ones only with `include_done`.
std::vector<FollowupItem> followup_list(const Records& records, const TimelineFilter& filter,
                                        bool include_done);

} // namespace spark
