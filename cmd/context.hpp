#pragma once

#include "date.hpp"
#include "workspace.hpp"
#include "workspace_lock.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace spark {

// What every command may use: global options, the clock and the workspace, kept at the
// edge so the library stays pure.
struct Context {
    std::string directory;                // -C
    bool quiet = false;                   // -q
    std::string color = "auto";           // --color
    bool no_cache = false;                // --no-cache
    std::filesystem::path invocation_dir; // where the user started spark, before -C

    // Set by the subcommand that was chosen; runs after all options are parsed.
    std::function<void()> action;

    // The workspace, with its shared lock held until spark ends (workspace_lock.hpp) if
    // .spark exists; reading with --no-cache leaves no .spark behind.
    Workspace open_workspace() const;
    // The same for a command that writes records naming people (log, meet, people add):
    // it makes .spark/lock if needed, so a merge never runs in its middle.
    Workspace open_workspace_for_writing() const;
    // The workspace lock, exclusively: for people merge and forget, before they read.
    void lock_workspace_exclusively(const Workspace& workspace) const;
    // SOURCE_DATE_EPOCH (UTC) when set, so reproducible runs agree on "today"; else local.
    Date today() const;
    // The clock (nanoseconds since the epoch) by which the record cache decides whether a
    // file is old enough to be trusted from it: the real one, or SPARK_CACHE_NOW (seconds)
    // so that tests of the cache need not wait for files to settle.
    std::int64_t now_ns() const;
    bool color_enabled(std::FILE* stream) const;
    // Whether a person is looking at `stream` (a terminal) rather than a program.
    bool is_terminal(std::FILE* stream) const;
    // Columns of the terminal on stdout (COLUMNS wins), or 0 when unknown.
    std::size_t terminal_width() const;
    // A path inside the workspace as the user can type it from where they started.
    std::string display_path(const Workspace& workspace, const std::string& relative) const;

    void info(const std::string& message) const; // stderr (data alone on stdout), silenced by -q
    void warn(const std::string& message) const; // stderr, "spark: warning: …"
    // The end of a command that only reads: flushes its output (a failed write is reported
    // as main() does) and exits at once with `exit_code`, without unwinding: freeing 100k
    // loaded records one by one takes longer than the report itself.
    [[noreturn]] void exit_after_output(int exit_code = 0) const;

    // Warns about a record dated after today: allowed (plans), but usually a typo.
    void warn_if_future(const Date& date) const;

  private:
    mutable std::unique_ptr<WorkspaceLock> lock_;
};

// Flushes stdout; a failed write (a full disk) turns `exit_code` into 1 with a message,
// while a reader that went away (`spark list | head -1`) is no error.
int flush_output(int exit_code);

} // namespace spark
