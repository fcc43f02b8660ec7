#pragma once

#include "error.hpp"
#include "model.hpp"
#include "workspace.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace spark {

namespace fs = std::filesystem;

// Everything recorded in a workspace, loaded in one place.
struct Records {
    std::vector<Person> people;
    std::vector<Entry> entries;
    std::vector<Meeting> meetings;
    // Files that could not be read or parsed, and files that do not belong.
    std::vector<Diagnostic> diagnostics;
};

enum class RecordType { person, entry, meeting };

struct LoadOptions {
    // Reuse parsed records from .spark/cache/ when their files are unchanged (see cache.hpp);
    // off with --no-cache or SPARK_NO_CACHE=1.
    bool use_cache = true;
    // The clock the cache's racy-stamp rule reads (nanoseconds since the epoch, the
    // file-system clock); unset: the real one. Tests inject one so that they need not wait.
    std::function<std::int64_t()> now_ns;
    // Entries' and meetings' bodies and people's notes: report, status and check never show
    // them, and leaving them in the cache saves a third of the memory. Without them they are
    // empty, whether the records come from the cache or from their files.
    bool with_text = true;
};

enum class Texts { included, skipped };

struct RecordFile {
    RecordType type;
    std::string relative_path; // "log/2026/2026-11-29-x.toml"
    std::string id;            // file name without ".toml"
};

// Every record file under root, sorted by path; strays (temporary files, files without
// .toml) are reported as warnings in `diagnostics`.
std::vector<RecordFile> list_record_files(const fs::path& root, bool people_only,
                                          std::vector<Diagnostic>& diagnostics);

// Reads and parses every record, using both cores for large workspaces. Records come out
// sorted by id within each type.
Records load_records(const fs::path& root, const LoadOptions& options = {});

// Only people/: what writing commands need to resolve names.
Records load_people(const fs::path& root, const LoadOptions& options = {});

// load_records for commands that read: throws DataError naming the broken files, if any.
Records load_valid_records(const fs::path& root, const LoadOptions& options = {});
Records load_valid_people(const fs::path& root, const LoadOptions& options = {});

// Removes the record caches of the workspace (with --no-cache too), so that what a record
// held before `people forget` does not linger in .spark/cache/. Throws Error naming the
// file when one cannot be removed.
void remove_record_caches(const fs::path& root);

// The same for an opened workspace, honouring its cache setting.
Records load_records(const Workspace& workspace, Texts texts = Texts::included);
Records load_valid_records(const Workspace& workspace, Texts texts = Texts::included);
Records load_valid_people(const Workspace& workspace);

} // namespace spark
