#pragma once

#include "records.hpp"
#include "workspace_edit.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// The bytes a record file holds now (path relative to the root). The planners use them to
// keep hand formatting and comments, and to find files that mention a forgotten person.
using FileSource = std::function<std::string(const std::string& path)>;

// A change to the people of a workspace, computed in memory and verified before anything is
// written: every rewritten file reads back as the intended record, and the result has no
// problem that `spark check` does not already report for the workspace as it is.
struct PeopleEdit {
    WorkspaceEdit edit;         // writes (the surviving person's file first), then the removal
    std::string from_id;        // the person whose record goes
    std::string to_id;          // who every reference now names
    std::size_t references = 0; // references rewritten (entries, meetings, invited_by)
    // forget only: files whose text (titles, bodies, notes, comments) still contains the
    // forgotten name or old id; they are not rewritten.
    std::vector<std::string> mentions;
};

// `spark people merge KEEP DROP`: every reference to `drop_id` becomes `keep_id` (never
// twice in one list; an invited_by that would name its own person is cleared). KEEP keeps
// its own fields; empty ones (group, department, note, invited_by) are filled from DROP,
// roles are united and `since` becomes the earlier date. DROP's file is removed.
// Throws UsageError when both are the same, Error when an id is unknown or the merge would
// leave a new problem (an invited_by cycle).
PeopleEdit plan_merge(const Records& records, const std::string& keep_id,
                      const std::string& drop_id, const FileSource& source);

// "forgotten-" and the first 12 hex digits of the SHA-256 of the id: the same id always
// gives the same pseudonym, in every clone.
std::string pseudonym_id(std::string_view id);

// `spark people forget P`: P's file is removed and every reference names the pseudonym
// instead, a new person record that keeps only what does not identify P (group, roles,
// since, invited_by; private, no department or note), so figures stay the same. When the
// pseudonym exists already (the same person forgotten in another clone), it is reused.
PeopleEdit plan_forget(const Records& records, const std::string& id, const FileSource& source);

} // namespace spark
