#pragma once

#include "error.hpp"
#include "model.hpp"

#include <filesystem>
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
Records load_records(const fs::path& root);

// Only people/: what writing commands need to resolve names.
Records load_people(const fs::path& root);

// load_records for commands that read: throws DataError naming the broken files, if any.
Records load_valid_records(const fs::path& root);
Records load_valid_people(const fs::path& root);

} // namespace spark
