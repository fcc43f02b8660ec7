#include "pending_writes.hpp"

#include "confinement.hpp"
#include "git.hpp"
#include "storage.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <fmt/format.h>
#include <set>
#include <unistd.h>

namespace spark {

namespace {

constexpr const char* pending_folder = ".spark/pending";

// Field 22 of /proc/<pid>/stat, the start time: with the pid it names one process, even
// when the pid is reused later. Empty where /proc is missing.
std::string start_time_of(long pid) {
    std::string stat;
    try {
        stat = read_file(fmt::format("/proc/{}/stat", pid));
    } catch (const Error&) {
        return {};
    }
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    std::size_t at = stat.rfind(')');
    for (int field = 2; field < 22 && at != std::string::npos; ++field) {
        at = stat.find(' ', at + 1);
    }
    if (at == std::string::npos) {
        return {};
    }
    const auto end = stat.find(' ', at + 1);
    return stat.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
}

std::string own_note_name() {
    const long pid = static_cast<long>(::getpid());
    const std::string start = start_time_of(pid);
    return fmt::format("{}-{}", pid, start.empty() ? "0" : start);
}

// A note "<pid>-<start>" whose process still runs.
bool writer_alive(const std::string& name) {
    const auto dash = name.find('-');
    if (dash == std::string::npos) {
        return false;
    }
    long pid = 0;
    try {
        pid = std::stol(name.substr(0, dash));
    } catch (...) {
        return false;
    }
    if (pid <= 0) {
        return false;
    }
    const std::string start = start_time_of(pid);
    if (!start.empty()) {
        return start == name.substr(dash + 1);
    }
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool usable(const Workspace& workspace) {
    return autocommit_enabled(workspace) && stays_inside_workspace(workspace.root, pending_folder);
}

} // namespace

void note_pending_writes(const Workspace& workspace, const std::vector<std::string>& paths) {
    if (paths.empty() || !usable(workspace)) {
        return;
    }
    const fs::path folder = workspace.root / pending_folder;
    std::string lines;
    for (const auto& path : paths) {
        lines += path + "\n";
    }
    try {
        make_directories(folder);
    } catch (const Error&) {
        return; // a read-only .spark: the write itself will say what is wrong
    }
    const fs::path note = folder / own_note_name();
    const int fd =
        ::open(note.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        return;
    }
    // One write: the note holds whole lines even if spark dies right after.
    [[maybe_unused]] const ssize_t written = ::write(fd, lines.data(), lines.size());
    ::close(fd);
}

void clear_pending_writes(const Workspace& workspace) {
    const fs::path note = workspace.root / pending_folder / own_note_name();
    ::unlink(note.c_str());
}

InterruptedWrites interrupted_writes(const Workspace& workspace) {
    InterruptedWrites out;
    const fs::path folder = workspace.root / pending_folder;
    std::error_code ec;
    if (!fs::is_directory(folder, ec) || !usable(workspace)) {
        return out;
    }
    std::set<std::string> paths;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(ec) || writer_alive(name)) {
            continue;
        }
        std::string text;
        try {
            text = read_file(entry.path());
        } catch (const Error&) {
            continue;
        }
        for (std::size_t at = 0; at < text.size();) {
            auto end = text.find('\n', at);
            if (end == std::string::npos) {
                break; // a line cut short: never a whole path
            }
            std::string path = text.substr(at, end - at);
            // Only record paths of this workspace: never "../x" or an absolute path.
            const fs::path p(path);
            if (!path.empty() && p.is_relative() && *p.begin() != ".." &&
                (path.starts_with("people/") || path.starts_with("log/") ||
                 path.starts_with("meetings/")) &&
                path.ends_with(".toml") && path.find("/../") == std::string::npos) {
                paths.insert(std::move(path));
            }
            at = end + 1;
        }
        out.notes.push_back(entry.path().string());
    }
    out.paths.assign(paths.begin(), paths.end());
    return out;
}

void remove_notes(const std::vector<std::string>& notes) {
    for (const auto& note : notes) {
        ::unlink(note.c_str());
    }
}

} // namespace spark
