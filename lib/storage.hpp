#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace spark {

namespace fs = std::filesystem;

// Whole file as bytes; throws Error naming the file when it cannot be read.
std::string read_file(const fs::path& path);

// `relative` inside the folder open as `dir_fd`, for data the workspace holds: only a
// regular file of at most `max_bytes`, checked before reading, never through a symbolic
// link, and without waiting on a FIFO. Throws Error with the reason only (the caller names
// the file): "is a symbolic link; …", "not a regular file", "too large …".
std::string read_regular_file_at(int dir_fd, const char* relative, std::size_t max_bytes);

// Writes `bytes` to a new file `dir/name` atomically: a temporary file in the same folder
// (".<name>.tmp-XXXXXX"), fsync, published under its final name without ever replacing an
// existing file, then the folder fsynced. Returns false, leaving nothing behind, when
// `dir/name` already exists. Throws Error on any I/O failure, also leaving nothing behind.
bool write_new_file(const fs::path& dir, std::string_view name, std::string_view bytes);

// Same, but replaces `path` if it exists (reports, rewritten records).
void replace_file(const fs::path& path, std::string_view bytes);

// Renames `from` to `to` atomically (creating `to`'s folder), never replacing a file: false,
// changing nothing, when `to` exists. Both folders are fsynced. Throws Error on failure.
bool move_file(const fs::path& from, const fs::path& to);

// Removes `path` (already gone is fine) and fsyncs its folder. Throws Error on failure.
void remove_file(const fs::path& path);

// mkdir -p, fsyncing each parent that gained a folder.
void make_directories(const fs::path& dir);

// Name of the temporary file used for `name`; check recognises strays by it.
bool is_temporary_file_name(std::string_view file_name);

} // namespace spark
