#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace spark {

// git guards its index and refs with lock files (index.lock, HEAD.lock, refs/heads/x.lock)
// that it removes when it finishes. A git killed mid-commit leaves one behind, and from
// then on every commit fails until someone removes it; "remove the file manually" reads as
// "delete the record". spark tells a lock a running git holds from one a killed git left.

struct GitLock {
    std::filesystem::path path; // absolute
    std::chrono::seconds age{0};
    // Older than a few seconds, and no process has it open or runs git in this repository:
    // removing it is safe. False when that cannot be known (no /proc).
    bool left_behind = false;
};

// How long a git that is still working may keep a lock, for spark's patience.
inline constexpr std::chrono::seconds lock_settle_time{3};

// The first lock file that blocks commits in the repository holding `dir`, if any.
std::optional<GitLock> blocking_git_lock(const std::filesystem::path& dir);

// "2 minutes", "40 seconds": for messages.
std::string age_text(std::chrono::seconds age);

// What to tell a user about a lock: why commits stop, and the exact command that removes a
// lock a killed git left behind.
std::string lock_advice(const GitLock& lock);

} // namespace spark
