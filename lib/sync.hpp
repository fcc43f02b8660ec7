#pragma once

// `spark sync`: the workspace's branch brought in step with its remote, as
// `git pull --rebase` and `git push` would, with messages a civil servant can act on.

#include "workspace.hpp"

#include <string>
#include <vector>

namespace spark {

struct SyncReport {
    std::string remote_branch; // "origin/main"
    long received = 0;         // commits that came in
    long sent = 0;             // commits pushed
    // Record files git does not track (autocommit off): they stay on this computer.
    std::vector<std::string> untracked;
};

// Fetches, rebases the local commits on what came in and pushes them; tries again when a
// colleague pushed in between (up to ten times). Uses the branch's upstream, or the only
// remote. Throws Error, changing nothing, when there is no repository, no remote, a
// detached HEAD, uncommitted changes to tracked files, or when the same file was changed on
// both sides (the rebase is undone); a failing git (network, credentials) is reported with
// its own message.
SyncReport sync_with_remote(const Workspace& workspace);

} // namespace spark
