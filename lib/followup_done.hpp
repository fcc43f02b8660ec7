#pragma once

#include "followups.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

// `spark done MEETING N...`: follow-ups of one meeting marked done (or reopened), worked out in
// memory from the words typed and refused, before anything is written, when one of them
// names no follow-up, several, or one that is already as asked.

namespace spark {

struct FollowupsMarked {
    Meeting after;
    std::vector<Followup> changed; // as they were before, in the meeting's order
};

// The follow-ups of `meeting` that `which` names: each a number as `show` prints it ("2") or
// words of the follow-up's text ("jurist"; each word anywhere in it, ignoring case and
// accents) that fit exactly one. Naming one twice is naming it once. Throws Error naming the
// argument for a number out of range, words that fit none or several, and a meeting without
// follow-ups; UsageError when `which` is empty (listing the follow-ups to choose from).
std::vector<Followup> pick_followups(const Meeting& meeting, const std::vector<std::string>& which);

// `meeting` with the follow-ups `which` names marked done on `date` or, with `reopen`, open
// again. `followups_done` is kept in the order of the follow-ups. Throws as pick_followups,
// Error for a follow-up already done (or, with `reopen`, still open), and UsageError for a
// date before the meeting.
FollowupsMarked plan_followups_done(const Meeting& meeting, const std::vector<std::string>& which,
                                    const Date& date, bool reopen);

// The meeting's file `old_bytes` (of `before`) with only its `followups_done` lines changed
// to those of `after`, so that comments and hand formatting elsewhere stay: the block as
// spark writes it replaced where it stands, or, in a file that has none yet, added at the
// end (a record file has no tables, so any key may come last). nullopt when the file's own
// block is not spark's layout, and for a file entirely in spark's layout (written anew, keys
// in their order); the caller proves the result reads back (rewrite_record).
std::optional<std::string> with_followups_done(const std::string& old_bytes, const Meeting& before,
                                               const Meeting& after);

} // namespace spark
