#pragma once

#include "model.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

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

// Whether a file with `stamp` had settled when a cache was written at `written_at`: a change
// within the same clock tick as the write could keep the stamp (git's "racy clean" case),
// so files changed less than 2 s before are never trusted from a cache.
bool settled(const FileStamp& stamp, std::int64_t written_at);

// For the fuzzer: recomputes the checksums of pack bytes, as far as its header allows, so that
// damage beyond them reaches the layout checks and decoders (see tests/fuzz/fuzz_pack.cpp).
void seal_pack_for_tests(std::string& bytes);

enum class PackedType : std::uint8_t { person = 1, entry = 2, meeting = 3 };

// A derived, git-ignored cache of parsed records in .spark/cache/, in the manner of git's
// index: one file, mapped and read in place. A header (magic, version, the model's and the
// layout's sizes, the writer's clock, section sizes, checksums), a fixed-size file table
// (stamp, path, type, where the record is), a stored hash table of the paths, the records in
// a compact binary form, and the long texts (bodies, notes) in a section of their own that
// report, status and check never touch (checked only when first read). Never written in
// place: a new file is renamed over the old one (truncating a mapped file would kill its
// readers). Anything else where a pack should be — a FIFO, a link, a device, a damaged,
// truncated or foreign file, a huge one — counts as no pack at all.
class RecordPack {
  public:
    RecordPack() = default;
    RecordPack(RecordPack&&) noexcept;
    RecordPack& operator=(RecordPack&&) noexcept;
    RecordPack(const RecordPack&) = delete;
    RecordPack& operator=(const RecordPack&) = delete;
    ~RecordPack();

    static RecordPack open(int cache_fd, const char* name);

    bool usable() const { return base_ != nullptr; }
    std::size_t size() const { return count_; }
    std::int64_t written_at() const { return written_at_; }

    // The record stored for `path` when the file still has `stamp` and had settled when the
    // pack was written; nullopt otherwise.
    std::optional<std::uint32_t> find(std::string_view path, const FileStamp& stamp) const;

    PackedType type(std::uint32_t index) const;
    std::string_view path(std::uint32_t index) const;
    FileStamp stamp(std::uint32_t index) const;
    // Decodes one record; without `with_text` its body (or a person's note) stays empty.
    // nullopt when the bytes do not decode (a damaged pack counts as a miss).
    std::optional<Person> person(std::uint32_t index, bool with_text) const;
    std::optional<Entry> entry(std::uint32_t index, bool with_text) const;
    std::optional<Meeting> meeting(std::uint32_t index, bool with_text) const;

  private:
    friend class PackWriter;
    friend void seal_pack_for_tests(std::string& bytes);
    struct FileRow;
    const FileRow& row(std::uint32_t index) const;
    std::string_view record_bytes(std::uint32_t index) const;
    // The text section, verified against its checksum on first use; nullopt when damaged.
    std::optional<std::string_view> text(std::uint32_t index) const;

    const char* base_ = nullptr;
    std::size_t mapped_size_ = 0;
    std::size_t count_ = 0;
    std::int64_t written_at_ = 0;
    const char* rows_ = nullptr;
    const std::uint32_t* slots_ = nullptr;
    std::size_t slot_count_ = 0;
    std::string_view paths_;
    std::string_view records_;
    std::string_view texts_;
    std::uint64_t text_sum_ = 0;
    mutable std::unique_ptr<std::once_flag> text_checked_;
    mutable bool text_ok_ = false;
};

// Builds a pack: records parsed now, or copied as they are from another pack.
class PackWriter {
  public:
    void add(std::string_view path, const FileStamp& stamp, const Person& person);
    void add(std::string_view path, const FileStamp& stamp, const Entry& entry);
    void add(std::string_view path, const FileStamp& stamp, const Meeting& meeting);
    // Copies record `index` of `from`; false when its text is damaged (nothing added).
    bool copy(const RecordPack& from, std::uint32_t index);
    std::size_t size() const { return rows_.size(); }
    // Writes the pack, stamped with `written_at` (the clock before the files were stat'ed),
    // as a new file renamed over `name` in `cache_fd`, so whatever was there, even a FIFO
    // or a link, is replaced and never written through. Failures are ignored: the cache is
    // an optimisation.
    void write(int cache_fd, const char* name, std::int64_t written_at) const;

  private:
    struct Row {
        FileStamp stamp;
        std::uint64_t path_offset;
        std::uint32_t path_length;
        PackedType type;
        std::uint64_t record_offset;
        std::uint32_t record_length;
        std::uint64_t text_offset;
        std::uint32_t text_length;
    };
    void add_row(std::string_view path, const FileStamp& stamp, PackedType type,
                 std::string_view record, std::string_view text);
    std::vector<Row> rows_;
    std::string paths_;
    std::string records_;
    std::string texts_;
};

} // namespace spark
