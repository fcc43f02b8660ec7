#include "git_locks.hpp"

#include "storage.hpp"
#include "text.hpp"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace spark {

namespace fs = std::filesystem;

namespace {

std::string read_small(const fs::path& path) {
    try {
        return trimmed_end(read_file(path));
    } catch (...) {
        return {};
    }
}

struct GitDirs {
    fs::path work_tree; // the folder holding .git
    fs::path git_dir;   // .git, or the worktree's folder under .git/worktrees
    fs::path common_dir;
};

std::optional<GitDirs> find_git_dirs(const fs::path& start) {
    std::error_code ec;
    fs::path current = fs::absolute(start, ec).lexically_normal();
    while (!ec) {
        const fs::path dot_git = current / ".git";
        const auto status = fs::status(dot_git, ec);
        if (!ec && status.type() == fs::file_type::directory) {
            return GitDirs{current, dot_git, dot_git};
        }
        if (!ec && status.type() == fs::file_type::regular) { // a worktree: "gitdir: <path>"
            const std::string text = read_small(dot_git);
            if (!text.starts_with("gitdir: ")) {
                return std::nullopt;
            }
            fs::path git_dir = text.substr(8);
            if (git_dir.is_relative()) {
                git_dir = (current / git_dir).lexically_normal();
            }
            fs::path common_dir = git_dir;
            if (const std::string common = read_small(git_dir / "commondir"); !common.empty()) {
                common_dir = fs::path(common).is_relative() ? (git_dir / common).lexically_normal()
                                                            : fs::path(common);
            }
            return GitDirs{current, git_dir, common_dir};
        }
        if (current == current.root_path() || current.parent_path() == current) {
            return std::nullopt;
        }
        current = current.parent_path();
        ec.clear();
    }
    return std::nullopt;
}

std::vector<fs::path> numeric_entries(const char* dir) {
    std::vector<fs::path> out;
    DIR* d = ::opendir(dir);
    if (d == nullptr) {
        return out;
    }
    while (const dirent* e = ::readdir(d)) {
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9') {
            out.emplace_back(fs::path(dir) / e->d_name);
        }
    }
    ::closedir(d);
    return out;
}

bool inside(const fs::path& path, const fs::path& folder) {
    const fs::path relative = path.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

// Whether some process may still own the lock: one has it open, or a git runs in the
// repository. nullopt when /proc cannot tell (another system, or no access).
std::optional<bool> owner_may_be_alive(const fs::path& lock, const GitDirs& dirs) {
    const auto processes = numeric_entries("/proc");
    if (processes.empty()) {
        return std::nullopt;
    }
    std::error_code ec;
    for (const auto& process : processes) {
        const std::string cmdline = read_small(process / "cmdline");
        const std::string program = cmdline.substr(0, cmdline.find('\0'));
        const std::string name = fs::path(program).filename().string();
        if (name == "git" || name.starts_with("git-")) {
            const fs::path cwd = fs::read_symlink(process / "cwd", ec);
            if (ec || inside(cwd, dirs.work_tree) || cwd == dirs.work_tree ||
                inside(cwd, dirs.common_dir)) {
                return true; // a git here, or one whose folder cannot be seen
            }
        }
        for (const auto& fd : numeric_entries((process / "fd").c_str())) {
            if (fs::read_symlink(fd, ec) == lock) {
                return true;
            }
            ec.clear();
        }
    }
    return false;
}

} // namespace

std::optional<GitLock> blocking_git_lock(const fs::path& dir) {
    const auto dirs = find_git_dirs(dir);
    if (!dirs) {
        return std::nullopt;
    }
    std::vector<fs::path> candidates = {dirs->git_dir / "index.lock", dirs->git_dir / "HEAD.lock"};
    const std::string head = read_small(dirs->git_dir / "HEAD");
    if (head.starts_with("ref: ")) {
        candidates.push_back(dirs->common_dir / (head.substr(5) + ".lock"));
    }
    for (const auto& path : candidates) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) {
            continue;
        }
        GitLock lock;
        lock.path = path;
        lock.age = std::chrono::seconds(std::max<long long>(0, ::time(nullptr) - st.st_mtime));
        if (lock.age >= lock_settle_time) {
            const auto alive = owner_may_be_alive(path, *dirs);
            lock.left_behind = alive.has_value() && !*alive;
        }
        return lock;
    }
    return std::nullopt;
}

std::string age_text(std::chrono::seconds age) {
    const long long s = age.count();
    if (s < 120) {
        return fmt::format("{} seconds", s);
    }
    if (s < 2 * 3600) {
        return fmt::format("{} minutes", s / 60);
    }
    if (s < 2 * 86400) {
        return fmt::format("{} hours", s / 3600);
    }
    return fmt::format("{} days", s / 86400);
}

std::string lock_advice(const GitLock& lock) {
    if (lock.left_behind) {
        return fmt::format("git's lock file '{}' is {} old and no git is running in this "
                           "repository: a git that was killed left it behind, and git commits "
                           "nothing until it is gone. It is safe to remove: rm '{}'",
                           lock.path.string(), age_text(lock.age), lock.path.string());
    }
    return fmt::format("git's lock file '{}' exists: a git command is working in this "
                       "repository (or one was killed moments ago); wait for it, or, once no git "
                       "command is working any more, remove the lock file (not the record)",
                       lock.path.string());
}

} // namespace spark
