#pragma once

#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

// A meeting's follow-ups as people see them: numbered from 1 in the order of `followups`,
// each open or done. The file keeps the follow-ups as plain strings (so files written before
// follow-ups could be closed read as they always did) and the done ones in `followups_done`,
// each naming its follow-up by text. A text that occurs twice is matched in order: the first
// done entry with that text belongs to the first such follow-up.

namespace spark {

struct Followup {
    int number = 0; // 1-based, as `show` and `list --followups` print it
    std::string text;
    std::optional<Date> done;
};

// Every follow-up of `meeting`, numbered, with its done date when it is done.
std::vector<Followup> numbered_followups(const Meeting& meeting);

// The follow-ups still open, in order: now, or at the end of `as_of` (a report of a past
// period lists what was open then, not what is open today).
std::vector<Followup> open_followups(const Meeting& meeting,
                                     const std::optional<Date>& as_of = std::nullopt);

// The entries of `followups_done` that name no follow-up (a text not in `followups`, or
// named more often than it occurs there), by their index in `followups_done`.
std::vector<std::size_t> unmatched_done(const std::vector<std::string>& followups,
                                        const std::vector<FollowupDone>& done);

} // namespace spark
