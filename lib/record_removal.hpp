#pragma once

#include "records.hpp"
#include "workspace_edit.hpp"

#include <string>
#include <string_view>
#include <vector>

// `spark rm ID...`: every record named is found before anything goes, so one unknown id
// removes nothing. Entries and meetings go freely (nothing refers to them); a person only
// with --force and only when no record names them, because a reference that resolves to
// nobody would make `check` fail and reports count wrong.

namespace spark {

// One record that goes.
struct RemovedRecord {
    std::string id;
    std::string path;
    std::string type;  // "entry", "meeting", "person"
    std::string scope; // the commit's scope: the entry's kind, "meeting" or "person"
    std::string title; // a person's name
    // Removed already by a spark that was killed before it finished (the same command run
    // again): only committed now.
    bool already_gone = false;
};

struct RemovalPlan {
    std::vector<RemovedRecord> records; // in the order asked, each once
    WorkspaceEdit edit;                 // the removals, nothing written
    std::vector<std::string> paths;     // every path of the commit, those already gone too
    // `rm(match): Title` for one record, `rm: N records` for several.
    std::string commit_subject;
};

// Where a record names the person `id`: the paths of entries (people), meetings
// (attendees) and people (invited_by) that refer to them, sorted.
std::vector<std::string> records_naming(const Records& records, std::string_view id);

// The records `queries` name (as `spark show` finds them: id, prefix, short id, a person's
// name, words of a title). Throws Error naming the argument when one matches nothing or
// several records, or names a person (unless `force` and nothing refers to them: then the
// error lists the records that do).
//
// `interrupted`: record paths that a killed spark noted as pending and that are gone now.
// A query that is exactly the id of one of them names a record that an interrupted
// `spark rm` removed already, so running the same command again finishes it.
RemovalPlan plan_removal(const Records& records, const std::vector<std::string>& queries,
                         bool force, const std::vector<std::string>& interrupted = {});

} // namespace spark
