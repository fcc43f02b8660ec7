#pragma once

#include "model.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace spark {

namespace fs = std::filesystem;

// What a file looked like when it was parsed. Any change to the file changes at least one
// field: writing it updates mtime and ctime, replacing it changes the inode, and even
// `touch -d` to fake an old mtime moves ctime.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of `relative` inside the folder open as `dir_fd` (fstatat: no full path walk),
// of the link itself for a symbolic link; nullopt when it cannot be stat'ed.
std::optional<FileStamp> stamp_at(int dir_fd, const std::string& relative);

// .spark/cache under the workspace folder open as `root_fd`, opened without following a
// link (a link there could make spark read or write outside the workspace) and, with
// `create`, made when missing. -1 when there is none or it cannot be used.
int open_cache_folder(int root_fd, bool create);

// Nanoseconds since the epoch on the file-system clock.
std::int64_t now_ns();

// A derived, git-ignored cache of parsed records for one folder tree (people, log or
// meetings), in .spark/cache/. Never trusted blindly: a record is reused only when its
// file's stamp is unchanged AND the file was already settled when the cache was written
// (git's "racy clean" rule: a change within the same clock tick as the cache write could
// keep the stamp). A missing, truncated, damaged or foreign cache file is ignored.
class RecordCache {
  public:
    // Reads `name` in the cache folder open as `cache_fd`; anything but a regular file of
    // spark's (a FIFO, a link, a device, a damaged or foreign file) gives an empty cache.
    static RecordCache read(int cache_fd, const char* name);

    std::optional<Person> person(const std::string& path, const FileStamp& stamp) const;
    std::optional<Entry> entry(const std::string& path, const FileStamp& stamp) const;
    std::optional<Meeting> meeting(const std::string& path, const FileStamp& stamp) const;

    // Records for the next cache; call in any order, then write().
    void add(const std::string& path, const FileStamp& stamp, const Person& person);
    void add(const std::string& path, const FileStamp& stamp, const Entry& entry);
    void add(const std::string& path, const FileStamp& stamp, const Meeting& meeting);

    std::size_t cached_count() const { return index_.size(); }
    // False when the file was missing or unusable, so it needs writing even if empty.
    bool usable() const { return usable_; }
    // Writes the records added, stamped with `scan_started` (the clock before the files
    // were stat'ed), as a new file renamed over `name` in `cache_fd` (so whatever was there,
    // even a FIFO or a link, is replaced, never written through); failures are ignored
    // (the cache is an optimisation).
    void write(int cache_fd, const char* name, std::int64_t scan_started) const;

  private:
    struct Slot {
        FileStamp stamp;
        std::size_t offset; // of the record in buffer_
    };
    const Slot* lookup(const std::string& path, const FileStamp& stamp, std::uint8_t type) const;

    std::string buffer_;                               // the file as read
    std::unordered_map<std::string_view, Slot> index_; // path → record in buffer_
    std::int64_t written_at_ = 0;                      // the cache's scan start
    bool usable_ = false;
    std::string pending_; // serialized additions
    std::size_t added_ = 0;
};

} // namespace spark
