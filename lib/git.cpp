#include "git.hpp"

#include "process.hpp"

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
    std::vector<std::string> add = {"git", "add", "--"};
    add.insert(add.end(), files.begin(), files.end());
    auto added = run_git(add, workspace.root);
    if (!added.started) {
        return "git is not installed; the record is saved but not committed";
    }
    if (added.exit_code != 0) {
        return fmt::format("the record is saved but not committed: {}", last_line(added.output));
    }
    std::vector<std::string> commit = {"git", "commit", "--quiet", "-m", message, "--only", "--"};
    commit.insert(commit.end(), files.begin(), files.end());
    auto committed = run_git(commit, workspace.root);
    if (committed.exit_code != 0) {
        return fmt::format("the record is saved but not committed: {}",
                           last_line(committed.output));
    }
    return std::nullopt;
}

} // namespace spark
