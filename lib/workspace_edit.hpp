#pragma once

#include "workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spark {

// One file of a computed change: its whole new bytes, and the bytes it had when the change
// was computed (nullopt for a file that did not exist yet).
struct FileWrite {
    std::string path; // relative to the workspace root
    std::string bytes;
    std::optional<std::string> old_bytes;
    // The file had hand formatting or comments that could not be kept (it was re-rendered).
    bool reformatted = false;
    // Where the file goes once its new bytes are in place (a record whose date changed gets
    // a new name and year folder); empty when it stays. Never replaces another file.
    std::string moved_to;
};

// A change to several records computed in memory before anything is written: the files to
// write, in order, and the files to remove once every write has succeeded.
struct WorkspaceEdit {
    std::vector<FileWrite> writes;
    std::vector<std::string> removals;

    bool empty() const { return writes.empty() && removals.empty(); }
    // Every path written or removed, for the commit.
    std::vector<std::string> paths() const;
};

// Throws Error naming the first file that no longer holds the bytes the edit was computed
// from (someone changed it meanwhile); changes nothing.
void verify_unchanged(const Workspace& workspace, const WorkspaceEdit& edit);

// Writes every file atomically (a new file never replaces one that appeared meanwhile; an
// existing one is replaced by rename, then moved when it has a new name), each checked
// against its old bytes right before. A killed process leaves each record whole, either
// as it was or as it is meant to be, under one name: old bytes, or new bytes under the old
// name (run the command again to move it), or new bytes under the new name.
// Throws Error on the first problem; files written before it stay written, whole and valid.
void apply_writes(const Workspace& workspace, const WorkspaceEdit& edit);

// Removes the files (a file already gone is fine) and syncs their folders.
void apply_removals(const Workspace& workspace, const WorkspaceEdit& edit);

} // namespace spark
