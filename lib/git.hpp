#pragma once

#include "error.hpp"
#include "workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// True when `dir` or a parent holds .git (a folder, or a file for worktrees).
bool inside_git_repository(const std::filesystem::path& dir);

// `git init` in dir; returns a warning when git is missing or fails.
std::optional<std::string> git_init(const std::filesystem::path& dir);

bool autocommit_enabled(const Workspace& workspace);

// Commits exactly `files` (relative to the root) with `message`, leaving anything else the
// user staged alone; a listed file that no longer exists is committed as removed. Never
// throws: the files are already safely written, so a failure (git missing, no identity, a
// hook refusing) comes back as a warning to print.
//
// Records an interrupted spark wrote and never committed (see pending_writes.hpp) are
// committed first, in a commit of their own. A lock file a killed git left behind is not
// waited for: the warning gives the exact command that removes it.
std::optional<std::string> commit_files(const Workspace& workspace,
                                        const std::vector<std::string>& files,
                                        const std::string& message);

// What git remembers of a removed file: the commit that removed it and its subject.
struct Removal {
    std::string commit; // abbreviated hash
    std::string subject;
};

// The last commit that removed `path` (relative to the root); nullopt when git knows none.
std::optional<Removal> removal_in_history(const Workspace& workspace, const std::string& path);

// What keeps git out of step with the records, as warnings for `check` and `status`: a lock
// file a killed git left behind (with the command that removes it), and each record that
// was saved but not committed.
std::vector<Diagnostic> git_out_of_step(const Workspace& workspace);

// The first line of a title, cut to 72 bytes ("..." at the end when cut, never inside a
// UTF-8 character), for a commit subject such as `log(match): Title`.
std::string commit_subject_line(std::string_view title);

// Whether a commit subject is one spark writes: `init: `, `log(KIND): `, `meet: `,
// `people: add|set|merge|forget …`, `check --fix: `, `edit(…): `, `rm(…): `, `rm: N records`,
// `done: `/`done(…): `, the commit of records an interrupted spark left (`spark: commit …`),
// and git's revert of any of these (`Revert "…"`, `Reapply "…"`), so `spark undo` can undo
// an undo.
bool is_spark_commit_subject(std::string_view subject);

// The commit HEAD names.
struct CommitInfo {
    std::string hash; // abbreviated
    std::string subject;
    bool merge = false; // more than one parent
};

// HEAD of the workspace's repository; nullopt when it has no commit yet (or git fails).
std::optional<CommitInfo> last_commit(const Workspace& workspace);

// Whether HEAD changed files outside the workspace's folder: in a repository that holds
// several workspaces (or other work), undo must not revert another's commit.
bool last_commit_reaches_outside(const Workspace& workspace);

// What `git revert` would trip over or carry along, as git shows it ("M log/2026/x.toml"):
// staged changes anywhere in the repository, changed tracked files in the workspace, and
// new record files (people/, log/, meetings/) git does not know yet. Other untracked files
// (a report written with -o) do not count.
std::vector<std::string> uncommitted_changes(const Workspace& workspace);

// Whether git is in the middle of a revert (REVERT_HEAD exists): one that stopped, or an
// undo cut short by a power failure.
bool revert_in_progress(const Workspace& workspace);

// One file a commit changed, relative to the workspace root.
struct ChangedFile {
    char status = 'M'; // 'A' added, 'D' removed, 'M' modified
    std::string path;
};

// `git revert --no-edit HEAD`, taking turns with the other spark processes' commits, and
// the files the revert changed. Throws Error with git's words when git refuses (a hook,
// no identity); the revert is then abandoned and the workspace left as it was.
std::vector<ChangedFile> revert_last_commit(const Workspace& workspace);

} // namespace spark
