#include "git.hpp"

#include "fault.hpp"
#include "git_locks.hpp"
#include "pending_writes.hpp"
#include "process.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace spark {

namespace {

std::string last_line(const std::string& output) {
    std::string text = output;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    const auto newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

struct GitResult : ProcessResult {
    std::optional<GitLock> lock; // the lock file that made git fail, if one did
};

// The user's git (or a spark of another workspace in the same repository) may hold a lock
// file for a few milliseconds: wait for it, up to two seconds, instead of leaving the
// record uncommitted. A lock a killed git left behind is not waited for: it never goes.
GitResult run_git(const std::vector<std::string>& argv, const std::filesystem::path& dir) {
    const auto started = std::chrono::steady_clock::now();
    for (int attempt = 0;; ++attempt) {
        GitResult result{run_process(argv, dir), std::nullopt};
        if (!result.started || result.exit_code == 0) {
            return result;
        }
        result.lock = blocking_git_lock(dir);
        if (!result.lock || result.lock->left_behind ||
            std::chrono::steady_clock::now() - started > std::chrono::seconds(2)) {
            return result;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10 + (::getpid() + attempt) % 30));
    }
}

// Why a commit failed, for the warning: the lock file and what to do about it, or git's
// last line.
std::string failure(const GitResult& result) {
    if (result.lock) {
        return lock_advice(*result.lock) + "; the next spark write commits the record too";
    }
    return last_line(result.output);
}

// git is not safe for concurrent add + commit in one repository (one process's `commit
// --only` drops what another just added; HEAD updates race), so the spark processes of a
// workspace take turns: an flock on the workspace folder, released when the fd closes.
class TurnLock {
  public:
    explicit TurnLock(const std::filesystem::path& root)
        : fd_(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        while (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    TurnLock(const TurnLock&) = delete;
    TurnLock& operator=(const TurnLock&) = delete;
    ~TurnLock() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }

  private:
    int fd_;
};

// `git add -- path` stages the removal of a tracked file, but fails for a removed file git
// never knew (written while autocommit was off); such paths have nothing to commit.
std::vector<std::string> without_unknown_removals(const Workspace& workspace,
                                                  const std::vector<std::string>& files) {
    std::vector<std::string> removed;
    for (const auto& file : files) {
        std::error_code ec;
        if (!std::filesystem::exists(workspace.root / file, ec)) {
            removed.push_back(file);
        }
    }
    if (removed.empty()) {
        return files;
    }
    std::vector<std::string> list = {"git", "ls-files", "-z", "--"};
    list.insert(list.end(), removed.begin(), removed.end());
    auto listed = run_git(list, workspace.root);
    if (!listed.started || listed.exit_code != 0) {
        return files; // let `git add` report the problem
    }
    std::vector<std::string> known;
    for (std::size_t at = 0; at < listed.output.size();) {
        const auto end = listed.output.find('\0', at);
        known.push_back(listed.output.substr(at, end - at));
        at = end == std::string::npos ? listed.output.size() : end + 1;
    }
    std::vector<std::string> out;
    for (const auto& file : files) {
        if (std::find(removed.begin(), removed.end(), file) == removed.end() ||
            std::find(known.begin(), known.end(), file) != known.end()) {
            out.push_back(file);
        }
    }
    return out;
}

} // namespace

bool inside_git_repository(const std::filesystem::path& dir) {
    std::error_code ec;
    auto current = std::filesystem::absolute(dir, ec).lexically_normal();
    while (!ec) {
        if (std::filesystem::exists(current / ".git", ec)) {
            return true;
        }
        if (current == current.root_path() || current.parent_path() == current) {
            return false;
        }
        current = current.parent_path();
    }
    return false;
}

std::optional<std::string> git_init(const std::filesystem::path& dir) {
    auto result = run_process({"git", "init", "--quiet"}, dir);
    if (!result.started) {
        return "git is not installed; the workspace works without it, but is not versioned";
    }
    if (result.exit_code != 0) {
        return fmt::format("git init failed: {}", last_line(result.output));
    }
    return std::nullopt;
}

bool autocommit_enabled(const Workspace& workspace) {
    return workspace.config.git_autocommit.value_or(inside_git_repository(workspace.root));
}

namespace {

// The paths among `paths` that git sees as changed (new, modified or removed).
std::vector<std::string> changed_paths(const Workspace& workspace,
                                       const std::vector<std::string>& paths) {
    if (paths.empty()) {
        return {};
    }
    std::vector<std::string> status = {
        "git", "status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--"};
    status.insert(status.end(), paths.begin(), paths.end());
    const auto listed = run_process(status, workspace.root);
    if (!listed.started || listed.exit_code != 0) {
        return {};
    }
    // "XY path\0" entries; the path is relative to the current folder, which is the root.
    std::vector<std::string> out;
    for (std::size_t at = 0; at + 3 < listed.output.size();) {
        const auto end = listed.output.find('\0', at);
        const std::string entry =
            listed.output.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (entry.size() > 3) {
            out.push_back(entry.substr(3));
        }
        if (end == std::string::npos) {
            break;
        }
        at = end + 1;
    }
    return out;
}

// Commits exactly `files`; the caller holds the turn.
std::optional<std::string> commit_paths(const Workspace& workspace,
                                        const std::vector<std::string>& files,
                                        const std::string& message) {
    const std::vector<std::string> paths = without_unknown_removals(workspace, files);
    if (paths.empty()) {
        return std::nullopt;
    }
    std::vector<std::string> add = {"git", "add", "--"};
    add.insert(add.end(), paths.begin(), paths.end());
    auto added = run_git(add, workspace.root);
    if (!added.started) {
        return "git is not installed; the record is saved but not committed";
    }
    if (added.exit_code != 0) {
        return fmt::format("the record is saved but not committed: {}", failure(added));
    }
    std::vector<std::string> commit = {"git", "commit", "--quiet", "-m", message, "--only", "--"};
    commit.insert(commit.end(), paths.begin(), paths.end());
    auto committed = run_git(commit, workspace.root);
    if (committed.exit_code != 0) {
        return fmt::format("the record is saved but not committed: {}", failure(committed));
    }
    return std::nullopt;
}

// True only when git says so: a failing git is left to commit_paths to report, and an
// ignored file (listed with --ignored) to git add, which refuses it with a warning.
bool same_as_committed(const Workspace& workspace, const std::vector<std::string>& paths) {
    std::vector<std::string> status = {
        "git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored", "--"};
    status.insert(status.end(), paths.begin(), paths.end());
    const auto listed = run_process(status, workspace.root);
    return listed.started && listed.exit_code == 0 && listed.output.empty();
}

} // namespace

std::optional<std::string> commit_files(const Workspace& workspace,
                                        const std::vector<std::string>& files,
                                        const std::string& message) {
    if (!autocommit_enabled(workspace) || files.empty()) {
        return std::nullopt;
    }
    const TurnLock turn(workspace.root);
    // Records an interrupted spark wrote and never committed go first, in a commit of their
    // own that says so.
    const InterruptedWrites interrupted = interrupted_writes(workspace);
    if (!interrupted.notes.empty()) {
        std::vector<std::string> others;
        for (const auto& path : interrupted.paths) {
            if (std::find(files.begin(), files.end(), path) == files.end()) {
                others.push_back(path);
            }
        }
        const auto left = changed_paths(workspace, others);
        if (left.empty() ||
            !commit_paths(workspace, left,
                          fmt::format("spark: commit records an interrupted spark left "
                                      "uncommitted ({})",
                                      left.size()))) {
            remove_notes(interrupted.notes);
        }
    }
    if (same_as_committed(workspace, files)) {
        clear_pending_writes(workspace); // a broken file repaired to its committed bytes
        return std::nullopt;
    }
    auto warning = commit_paths(workspace, files, message);
    if (!warning) {
        fault_point("committed"); // committed, and the note of pending writes still there
        clear_pending_writes(workspace);
    }
    return warning;
}

std::optional<Removal> removal_in_history(const Workspace& workspace, const std::string& path) {
    if (!inside_git_repository(workspace.root)) {
        return std::nullopt;
    }
    const auto found = run_process(
        {"git", "log", "-1", "--full-history", "--diff-filter=D", "--format=%h%x09%s", "--", path},
        workspace.root);
    if (!found.started || found.exit_code != 0) {
        return std::nullopt;
    }
    const auto tab = found.output.find('\t');
    if (tab == std::string::npos) {
        return std::nullopt;
    }
    return Removal{found.output.substr(0, tab), trimmed_end(found.output.substr(tab + 1))};
}

std::vector<Diagnostic> git_out_of_step(const Workspace& workspace) {
    std::vector<Diagnostic> out;
    if (!autocommit_enabled(workspace)) {
        return out;
    }
    if (auto lock = blocking_git_lock(workspace.root); lock && lock->left_behind) {
        out.push_back({lock->path.lexically_relative(workspace.root).string(),
                       {},
                       Severity::warning,
                       lock_advice(*lock)});
    }
    const InterruptedWrites interrupted = interrupted_writes(workspace);
    for (const auto& path : changed_paths(workspace, interrupted.paths)) {
        out.push_back({path,
                       {},
                       Severity::warning,
                       "saved but not committed to git: the spark that wrote it was "
                       "interrupted, or git refused its commit; the next spark write commits "
                       "it"});
    }
    return out;
}

namespace {

// `Revert "S"` (and `Reapply "S"`, what newer git writes for a revert of a revert) → S.
bool strip_revert(std::string_view& subject) {
    for (const std::string_view prefix : {"Revert \"", "Reapply \""}) {
        if (subject.size() > prefix.size() + 1 && subject.starts_with(prefix) &&
            subject.ends_with('"')) {
            subject = subject.substr(prefix.size(), subject.size() - prefix.size() - 1);
            return true;
        }
    }
    return false;
}

// "log(match): Title": a lowercase word in parentheses, then ": " and some text.
bool scoped_subject(std::string_view subject, std::string_view verb) {
    if (!subject.starts_with(verb) || subject.size() <= verb.size() ||
        subject[verb.size()] != '(') {
        return false;
    }
    const auto close = subject.find("): ", verb.size());
    if (close == std::string_view::npos || close == verb.size() + 1 ||
        close + 3 >= subject.size()) {
        return false;
    }
    const std::string_view scope = subject.substr(verb.size() + 1, close - verb.size() - 1);
    return std::all_of(scope.begin(), scope.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// "rm: 3 records".
bool counted_removal(std::string_view subject) {
    constexpr std::string_view prefix = "rm: ";
    constexpr std::string_view suffix = " records";
    if (!subject.starts_with(prefix) || !subject.ends_with(suffix) ||
        subject.size() <= prefix.size() + suffix.size()) {
        return false;
    }
    const std::string_view count =
        subject.substr(prefix.size(), subject.size() - prefix.size() - suffix.size());
    return std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The NUL-separated fields of a `-z` listing.
std::vector<std::string> nul_fields(const std::string& output) {
    std::vector<std::string> fields;
    for (std::size_t at = 0; at < output.size();) {
        const auto end = std::min(output.find('\0', at), output.size());
        fields.push_back(output.substr(at, end - at));
        at = end + 1;
    }
    return fields;
}

} // namespace

std::string commit_subject_line(std::string_view title) {
    std::string line(title.substr(0, title.find('\n')));
    if (line.size() > 72) {
        std::size_t cut = 69;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
            --cut; // never half a UTF-8 character
        }
        line.resize(cut);
        line += "...";
    }
    return line;
}

bool is_spark_commit_subject(std::string_view subject) {
    while (strip_revert(subject)) {
    }
    for (const std::string_view prefix :
         {"init: ", "meet: ", "people: add ", "people: set ", "people: merge ", "people: forget ",
          "check --fix: ", "done: ",
          "spark: commit records an interrupted spark left uncommitted"}) {
        if (subject.starts_with(prefix) && subject.size() > prefix.size()) {
            return true;
        }
    }
    for (const std::string_view verb : {"log", "edit", "rm", "done"}) {
        if (scoped_subject(subject, verb)) {
            return true;
        }
    }
    return counted_removal(subject);
}

std::optional<CommitInfo> last_commit(const Workspace& workspace) {
    const auto shown = run_process({"git", "log", "-1", "--format=%h%x09%P%x09%s"}, workspace.root);
    if (!shown.started || shown.exit_code != 0) {
        return std::nullopt;
    }
    const std::string line = trimmed_end(shown.output);
    const auto first = line.find('\t');
    const auto second = first == std::string::npos ? first : line.find('\t', first + 1);
    if (second == std::string::npos) {
        return std::nullopt;
    }
    const std::string parents = line.substr(first + 1, second - first - 1);
    return CommitInfo{line.substr(0, first), line.substr(second + 1),
                      parents.find(' ') != std::string::npos};
}

std::vector<std::string> uncommitted_changes(const Workspace& workspace) {
    const auto prefix_run = run_process({"git", "rev-parse", "--show-prefix"}, workspace.root);
    const std::string prefix = prefix_run.exit_code == 0 ? trimmed_end(prefix_run.output) : "";
    const auto status = run_process(
        {"git", "status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all"},
        workspace.root);
    std::vector<std::string> out;
    if (!status.started || status.exit_code != 0) {
        out.push_back(trimmed_end(status.output)); // git's own words say why
        return out;
    }
    for (const std::string& entry : nul_fields(status.output)) {
        if (entry.size() < 4) {
            continue;
        }
        const char staged = entry[0];
        const bool untracked = entry.starts_with("??");
        const std::string path = entry.substr(3); // relative to the repository's top
        const bool inside = path.starts_with(prefix);
        const std::string relative = inside ? path.substr(prefix.size()) : path;
        const bool record = relative.starts_with("people/") || relative.starts_with("log/") ||
                            relative.starts_with("meetings/");
        if ((!untracked && staged != ' ') || (inside && (!untracked || record))) {
            out.push_back(entry.substr(0, 3) + relative);
        }
    }
    return out;
}

bool last_commit_reaches_outside(const Workspace& workspace) {
    const auto files = [&](bool relative) {
        std::vector<std::string> show = {"git", "show", "--name-only", "--format=", "-z"};
        if (relative) {
            show.push_back("--relative");
        }
        show.push_back("HEAD");
        return nul_fields(run_process(show, workspace.root).output).size();
    };
    return files(false) != files(true);
}

bool revert_in_progress(const Workspace& workspace) {
    const auto found =
        run_process({"git", "rev-parse", "-q", "--verify", "REVERT_HEAD"}, workspace.root);
    return found.started && found.exit_code == 0;
}

std::vector<ChangedFile> revert_last_commit(const Workspace& workspace) {
    const TurnLock turn(workspace.root);
    const auto reverted = run_git({"git", "revert", "--no-edit", "HEAD"}, workspace.root);
    if (!reverted.started) {
        throw Error("git is not installed; spark undo needs it");
    }
    if (reverted.exit_code != 0) {
        run_process({"git", "revert", "--abort"}, workspace.root);
        throw Error(
            fmt::format("git could not revert the commit, so nothing was undone: {}",
                        reverted.lock ? lock_advice(*reverted.lock) : last_line(reverted.output)));
    }
    const auto diff = run_process(
        {"git", "diff", "--name-status", "--no-renames", "--relative", "-z", "HEAD~1", "HEAD"},
        workspace.root);
    std::vector<ChangedFile> changed;
    const std::vector<std::string> fields = nul_fields(diff.output);
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
        if (!fields[i].empty()) {
            changed.push_back({fields[i][0], fields[i + 1]});
        }
    }
    return changed;
}

} // namespace spark
