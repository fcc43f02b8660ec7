#include "git.hpp"

#include "process.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace spark {

namespace {

// Another spark started at the same moment (or the user's git) may hold .git/index.lock for
// a few milliseconds; wait for it instead of leaving the record uncommitted.
ProcessResult run_git(const std::vector<std::string>& argv, const std::filesystem::path& dir) {
    for (int attempt = 0;; ++attempt) {
        auto result = run_process(argv, dir);
        if (!result.started || result.exit_code == 0 || attempt >= 100 ||
            result.output.find("index.lock") == std::string::npos) {
            return result;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10 + (::getpid() + attempt) % 30));
    }
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

std::string last_line(const std::string& output) {
    std::string text = output;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    const auto newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

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

std::optional<std::string> commit_files(const Workspace& workspace,
                                        const std::vector<std::string>& files,
                                        const std::string& message) {
    if (!autocommit_enabled(workspace) || files.empty()) {
        return std::nullopt;
    }
    const TurnLock turn(workspace.root);
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
        return fmt::format("the record is saved but not committed: {}", last_line(added.output));
    }
    std::vector<std::string> commit = {"git", "commit", "--quiet", "-m", message, "--only", "--"};
    commit.insert(commit.end(), paths.begin(), paths.end());
    auto committed = run_git(commit, workspace.root);
    if (committed.exit_code != 0) {
        return fmt::format("the record is saved but not committed: {}",
                           last_line(committed.output));
    }
    return std::nullopt;
}

} // namespace spark
