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

std::optional<FileStamp> stamp_of(const fs::path& path);
// The same for `relative` inside the folder open as `dir_fd` (fstatat: no full path walk).
std::optional<FileStamp> stamp_at(int dir_fd, const std::string& relative);

// Nanoseconds since the epoch on the file-system clock.
std::int64_t now_ns();

// A derived, git-ignored cache of parsed records for one folder tree (people, log or
// meetings), in .spark/cache/. Never trusted blindly: a record is reused only when its
// file's stamp is unchanged AND the file was already settled when the cache was written
// (git's "racy clean" rule: a change within the same clock tick as the cache write could
// keep the stamp). A missing, truncated, damaged or foreign cache file is ignored.
class RecordCache {
  public:
    // Reads `file`; an unusable file gives an empty cache.
    static RecordCache read(const fs::path& file);

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
    // Writes the records added since `scan_started` (the time before the files were
    // stat'ed) atomically to `file`; failures are ignored (the cache is an optimisation).
    void write(const fs::path& file, std::int64_t scan_started) const;

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
