#include "context.hpp"

#include "error.hpp"
#include "terminal.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace spark {

Workspace Context::open_workspace() const {
    Workspace workspace =
        spark::open_workspace(std::filesystem::current_path(), std::getenv("SPARK_DIR"));
    const char* no_cache_env = std::getenv("SPARK_NO_CACHE");
    workspace.use_cache =
        !no_cache && (no_cache_env == nullptr || std::string_view(no_cache_env).empty() ||
                      std::string_view(no_cache_env) == "0");
    workspace.now_ns = [this] {
        return now_ns();
    };
    if (!lock_) {
        lock_ = WorkspaceLock::shared(workspace.root, false);
    }
    return workspace;
}

Workspace Context::open_workspace_for_writing() const {
    Workspace workspace = open_workspace();
    if (!lock_) {
        lock_ = WorkspaceLock::shared(workspace.root, true);
    }
    return workspace;
}

void Context::lock_workspace_exclusively(const Workspace& workspace) const {
    lock_ = WorkspaceLock::exclusive(workspace.root, std::move(lock_), [this] {
        info("waiting for other spark commands in this workspace to finish");
    });
}

std::int64_t Context::now_ns() const {
    if (const char* pinned = std::getenv("SPARK_CACHE_NOW"); pinned != nullptr && *pinned) {
        char* end = nullptr;
        const double seconds = std::strtod(pinned, &end);
        if (*end != '\0' || !(seconds >= 0)) {
            throw UsageError(
                fmt::format("SPARK_CACHE_NOW '{}' is not a number of seconds", pinned));
        }
        return static_cast<std::int64_t>(seconds * 1e9);
    }
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

Date Context::today() const {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (*end != '\0' || seconds < 0) {
            throw UsageError(
                fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds", epoch));
        }
        now = static_cast<std::time_t>(seconds);
        gmtime_r(&now, &parts);
    } else {
        localtime_r(&now, &parts);
    }
    return Date{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

bool Context::color_enabled(std::FILE* stream) const {
    if (color == "always") {
        return true;
    }
    if (color == "never") {
        return false;
    }
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return (no_color == nullptr || *no_color == '\0') &&
           (term == nullptr || std::string_view(term) != "dumb") && ::isatty(::fileno(stream));
}

bool Context::is_terminal(std::FILE* stream) const {
    return ::isatty(::fileno(stream));
}

std::size_t Context::terminal_width() const {
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns) {
        char* end = nullptr;
        const long value = std::strtol(columns, &end, 10);
        if (*end == '\0' && value > 0) {
            return static_cast<std::size_t>(value);
        }
    }
    struct winsize size {};
    if (::ioctl(::fileno(stdout), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 0;
}

std::string Context::display_path(const Workspace& workspace, const std::string& relative) const {
    // Lexically: a path through a symbolic link is shown as the path the user knows.
    const auto absolute = std::filesystem::absolute(workspace.root / relative).lexically_normal();
    const auto shown = absolute.lexically_proximate(invocation_dir);
    return shown.empty() ? absolute.string() : shown.string();
}

void Context::info(const std::string& message) const {
    // What spark did, for the person at the terminal; stdout is kept for data (paths,
    // ids, lists) that scripts read.
    if (!quiet) {
        fmt::print(stderr, "{}\n", terminal_text(message));
    }
}

void Context::warn(const std::string& message) const {
    fmt::print(stderr, "spark: warning: {}\n", terminal_text(message));
}

int flush_output(int exit_code) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        if (errno == EPIPE) {
            return exit_code;
        }
        fmt::print(stderr, "spark: error: cannot write output: {}\n", std::strerror(errno));
        return 1;
    }
    return exit_code;
}

void Context::exit_after_output(int exit_code) const {
    const int code = flush_output(exit_code);
    std::fflush(stderr);
#if defined(__SANITIZE_ADDRESS__)
    // exit() still skips the frees (nothing unwinds) but runs LeakSanitizer's check.
    std::exit(code);
#else
    ::_exit(code);
#endif
}

void Context::warn_if_future(const Date& date) const {
    const Date now = today();
    if (now < date) {
        warn(fmt::format("the date {} is {} days from now; was that intended?", date.iso(),
                         days_from_civil(date) - days_from_civil(now)));
    }
}

} // namespace spark
