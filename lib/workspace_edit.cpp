#include "workspace_edit.hpp"

#include "confinement.hpp"
#include "error.hpp"
#include "fault.hpp"
#include "pending_writes.hpp"
#include "storage.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

// The folder of a path relative to the root ("log/2026" of "log/2026/x.toml").
std::string folder_of(const std::string& path) {
    return fs::path(path).parent_path().string();
}

void verify_one(const Workspace& workspace, const FileWrite& write) {
    refuse_writing_outside(workspace.root, folder_of(write.path));
    const fs::path full = workspace.root / write.path;
    std::error_code ec;
    const bool exists = fs::exists(full, ec);
    if (!write.old_bytes) {
        if (exists) {
            throw Error(fmt::format("'{}' appeared while spark was working; run the command "
                                    "again",
                                    write.path));
        }
        return;
    }
    if (!exists || read_file(full) != *write.old_bytes) {
        throw Error(
            fmt::format("'{}' changed while spark was working; run the command again", write.path));
    }
    if (!write.moved_to.empty() && fs::exists(workspace.root / write.moved_to, ec)) {
        throw Error(fmt::format("cannot move '{}' to '{}': a file with that name exists",
                                write.path, write.moved_to));
    }
}

} // namespace

std::vector<std::string> WorkspaceEdit::paths() const {
    std::vector<std::string> out;
    for (const auto& write : writes) {
        out.push_back(write.path);
        if (!write.moved_to.empty()) {
            out.push_back(write.moved_to);
        }
    }
    out.insert(out.end(), removals.begin(), removals.end());
    return out;
}

void verify_unchanged(const Workspace& workspace, const WorkspaceEdit& edit) {
    for (const auto& write : edit.writes) {
        verify_one(workspace, write);
    }
    for (const auto& path : edit.removals) {
        refuse_writing_outside(workspace.root, folder_of(path));
    }
}

void apply_writes(const Workspace& workspace, const WorkspaceEdit& edit) {
    std::vector<std::string> paths;
    for (const auto& write : edit.writes) {
        paths.push_back(write.path);
        if (!write.moved_to.empty()) {
            paths.push_back(write.moved_to);
        }
    }
    note_pending_writes(workspace, paths); // so a kill before the commit is seen
    int count = 0;
    for (const auto& write : edit.writes) {
        verify_one(workspace, write);
        const fs::path full = workspace.root / write.path;
        if (write.old_bytes) {
            replace_file(full, write.bytes);
        } else if (!write_new_file(full.parent_path(), full.filename().string(), write.bytes)) {
            throw Error(fmt::format("'{}' appeared while spark was working; run the command "
                                    "again",
                                    write.path));
        }
        fault_point(fmt::format("edit-written-{}", ++count));
        if (!write.moved_to.empty()) {
            if (!move_file(full, workspace.root / write.moved_to)) {
                throw Error(fmt::format("cannot move '{}' to '{}': a file with that name "
                                        "appeared; the new content is in '{}'",
                                        write.path, write.moved_to, write.path));
            }
            fault_point("edit-moved");
        }
    }
}

void apply_removals(const Workspace& workspace, const WorkspaceEdit& edit) {
    note_pending_writes(workspace, edit.removals);
    for (const auto& path : edit.removals) {
        refuse_writing_outside(workspace.root, folder_of(path));
        fault_point("edit-before-remove");
        remove_file(workspace.root / path);
        fault_point("edit-removed");
    }
}

} // namespace spark
