#pragma once

#include "workspace.hpp"

#include <string>
#include <vector>

namespace spark {

// A spark killed between writing a record and committing it leaves the record uncommitted:
// it never reaches colleagues, and nothing would say so. So, with autocommit on, every
// record path is noted in .spark/pending/<pid>-<start time> before it is written, and the
// note goes once the commit succeeded. A note whose process is gone names records an
// interrupted spark wrote; the next commit takes them along (only those paths: a record
// someone edits by hand is never committed behind their back).

// Notes `paths` (relative to the root) as about to be written by this process. Does nothing
// when autocommit is off or .spark cannot hold the note.
void note_pending_writes(const Workspace& workspace, const std::vector<std::string>& paths);

// After a successful commit: this process has nothing pending any more.
void clear_pending_writes(const Workspace& workspace);

// The notes of spark processes that ended before committing, and the paths they name.
struct InterruptedWrites {
    std::vector<std::string> notes; // absolute paths of the note files
    std::vector<std::string> paths; // record paths, sorted, unique
};
InterruptedWrites interrupted_writes(const Workspace& workspace);

// Removes notes once their paths are committed (or found to need no commit).
void remove_notes(const std::vector<std::string>& notes);

} // namespace spark
