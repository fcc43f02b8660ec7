#include "records.hpp"

#include "cache.hpp"
#include "confinement.hpp"
#include "record_reader.hpp"
#include "storage.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <fmt/format.h>
#include <thread>
#include <unistd.h>
#include <variant>

namespace spark {

namespace {

bool is_year_folder(const std::string& name) {
    return name.size() == 4 &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void warn(std::vector<Diagnostic>& diagnostics, std::string path, std::string message) {
    diagnostics.push_back({std::move(path), {}, Severity::warning, std::move(message)});
}

void list_folder(const fs::path& root, const std::string& relative_dir, RecordType type,
                 std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(root / relative_dir, ec)) {
        const std::string name = item.path().filename().string();
        const std::string relative = relative_dir + "/" + name;
        if (is_temporary_file_name(name)) {
            warn(diagnostics, relative,
                 "leftover temporary file from an interrupted write; it is not a record and "
                 "can be deleted");
        } else if (name.front() == '.') {
            continue; // .gitkeep and the like
        } else if (name.size() > 5 && name.ends_with(".toml") && item.is_regular_file()) {
            files.push_back({type, relative, name.substr(0, name.size() - 5)});
        } else {
            warn(diagnostics, relative, "not a record file (records end in .toml); ignored");
        }
    }
}

void list_year_folders(const fs::path& root, const std::string& top, RecordType type,
                       std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(root / top, ec)) {
        const std::string name = item.path().filename().string();
        if (name.front() == '.' && !is_temporary_file_name(name)) {
            continue;
        }
        if (item.is_directory() && is_year_folder(name)) {
            list_folder(root, top + "/" + name, type, files, diagnostics);
        } else {
            warn(diagnostics, top + "/" + name,
                 fmt::format("ignored: records belong in {}/<year>/", top));
        }
    }
}

// One file's outcome. A variant rather than three optionals: with 100k files the slots
// alone would otherwise take ~90 MB.
struct Loaded {
    std::variant<std::monostate, Person, Entry, Meeting> record;
    std::vector<Diagnostic> diagnostics;
    std::optional<FileStamp> stamp;
    bool from_cache = false;
};

// Moves a record found in the cache into `out`; tells whether there was one.
template <typename Record>
bool take(std::optional<Record> value, Loaded& out) {
    if (!value) {
        return false;
    }
    out.record = std::move(*value);
    return true;
}

constexpr RecordType all_types[] = {RecordType::person, RecordType::entry, RecordType::meeting};

fs::path cache_file(const fs::path& root, RecordType type) {
    const char* name = type == RecordType::person  ? people_dir
                       : type == RecordType::entry ? log_dir
                                                   : meetings_dir;
    return root / ".spark" / "cache" / name;
}

bool take_from_cache(const RecordCache& cache, const RecordFile& file, const FileStamp& stamp,
                     Loaded& out) {
    switch (file.type) {
    case RecordType::person:
        return take(cache.person(file.relative_path, stamp), out);
    case RecordType::entry:
        return take(cache.entry(file.relative_path, stamp), out);
    case RecordType::meeting:
        return take(cache.meeting(file.relative_path, stamp), out);
    }
    return false;
}

void parse_one(const fs::path& root, const RecordFile& file, Loaded& out) {
    std::string bytes;
    try {
        bytes = read_file(root / file.relative_path);
    } catch (const Error& e) {
        out.diagnostics.push_back({file.relative_path, {}, Severity::error, e.what()});
        return;
    }
    auto keep = [&](auto record) {
        if (record) {
            record->path = file.relative_path;
            out.record = std::move(*record);
        }
    };
    switch (file.type) {
    case RecordType::person:
        keep(read_person(bytes, file.relative_path, file.id, out.diagnostics));
        break;
    case RecordType::entry:
        keep(read_entry(bytes, file.relative_path, file.id, out.diagnostics));
        break;
    case RecordType::meeting:
        keep(read_meeting(bytes, file.relative_path, file.id, out.diagnostics));
        break;
    }
}

// What refresh_caches needs to know about the cache that was read.
struct CacheState {
    std::size_t count = 0;
    bool usable = false;
};

// Writes a fresh cache for each record type whose files changed since the last one.
void refresh_caches(const fs::path& root, const std::vector<RecordFile>& files,
                    const std::vector<Loaded>& loaded, const CacheState* caches,
                    std::int64_t scan_started, bool people_only) {
    for (RecordType type : all_types) {
        if (people_only && type != RecordType::person) {
            continue;
        }
        const auto t = static_cast<std::size_t>(type);
        std::size_t count = 0;
        bool changed = false;
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (files[i].type == type) {
                ++count;
                changed = changed || !loaded[i].from_cache;
            }
        }
        if (!changed && count == caches[t].count && caches[t].usable) {
            continue;
        }
        RecordCache fresh;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const Loaded& item = loaded[i];
            if (files[i].type != type || !item.stamp) {
                continue;
            }
            std::visit(
                [&](const auto& record) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(record)>, std::monostate>) {
                        fresh.add(files[i].relative_path, *item.stamp, record);
                    }
                },
                item.record);
        }
        // A .spark that leads outside the workspace gets no cache (see confinement.hpp).
        if (stays_inside_workspace(root, ".spark/cache")) {
            fresh.write(cache_file(root, type), scan_started);
        }
    }
}

Records load_files(const fs::path& root, const std::vector<RecordFile>& files,
                   std::vector<Diagnostic> listing_diagnostics, bool people_only,
                   const LoadOptions& options) {
    RecordCache caches[3];
    const std::int64_t scan_started = now_ns();
    if (options.use_cache) {
        for (RecordType type : all_types) {
            if (!people_only || type == RecordType::person) {
                caches[static_cast<std::size_t>(type)] = RecordCache::read(cache_file(root, type));
            }
        }
    }
    std::vector<Loaded> loaded(files.size());
    // Stamps relative to the root's folder: the kernel walks 3 path components, not all.
    const int root_fd =
        options.use_cache ? ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        constexpr std::size_t batch = 64;
        for (std::size_t start = next.fetch_add(batch); start < files.size();
             start = next.fetch_add(batch)) {
            for (std::size_t i = start; i < std::min(files.size(), start + batch); ++i) {
                const RecordFile& file = files[i];
                Loaded& item = loaded[i];
                if (options.use_cache) {
                    item.stamp = root_fd >= 0 ? stamp_at(root_fd, file.relative_path)
                                              : stamp_of(root / file.relative_path);
                    item.from_cache =
                        item.stamp && take_from_cache(caches[static_cast<std::size_t>(file.type)],
                                                      file, *item.stamp, item);
                }
                if (!item.from_cache) {
                    parse_one(root, file, item);
                }
            }
        }
    };
    const unsigned threads =
        files.size() < 256 ? 1u : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& thread : pool) {
        thread.join();
    }
    if (root_fd >= 0) {
        ::close(root_fd);
    }
    if (options.use_cache) {
        // The cache files' bytes are no longer needed: free them before the records move.
        CacheState states[3];
        for (std::size_t t = 0; t < 3; ++t) {
            states[t] = {caches[t].cached_count(), caches[t].usable()};
            caches[t] = RecordCache();
        }
        refresh_caches(root, files, loaded, states, scan_started, people_only);
    }

    Records records;
    records.diagnostics = std::move(listing_diagnostics);
    std::size_t counts[3] = {};
    for (const auto& file : files) {
        ++counts[static_cast<std::size_t>(file.type)];
    }
    records.people.reserve(counts[static_cast<std::size_t>(RecordType::person)]);
    records.entries.reserve(counts[static_cast<std::size_t>(RecordType::entry)]);
    records.meetings.reserve(counts[static_cast<std::size_t>(RecordType::meeting)]);
    for (auto& item : loaded) {
        if (auto* person = std::get_if<Person>(&item.record)) {
            records.people.push_back(std::move(*person));
        } else if (auto* entry = std::get_if<Entry>(&item.record)) {
            records.entries.push_back(std::move(*entry));
        } else if (auto* meeting = std::get_if<Meeting>(&item.record)) {
            records.meetings.push_back(std::move(*meeting));
        }
        for (auto& d : item.diagnostics) {
            records.diagnostics.push_back(std::move(d));
        }
    }
    loaded = {};
    auto by_id = [](const auto& a, const auto& b) {
        return a.id < b.id;
    };
    // Files come sorted by path, which for well-kept folders is already id order.
    auto sort_by_id = [&](auto& list) {
        if (!std::is_sorted(list.begin(), list.end(), by_id)) {
            std::sort(list.begin(), list.end(), by_id);
        }
    };
    sort_by_id(records.people);
    sort_by_id(records.entries);
    sort_by_id(records.meetings);
    return records;
}

} // namespace

std::vector<RecordFile> list_record_files(const fs::path& root, bool people_only,
                                          std::vector<Diagnostic>& diagnostics) {
    std::vector<RecordFile> files;
    list_folder(root, people_dir, RecordType::person, files, diagnostics);
    if (!people_only) {
        list_year_folders(root, log_dir, RecordType::entry, files, diagnostics);
        list_year_folders(root, meetings_dir, RecordType::meeting, files, diagnostics);
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.relative_path < b.relative_path; });
    return files;
}

Records load_records(const fs::path& root, const LoadOptions& options) {
    std::vector<Diagnostic> diagnostics;
    auto files = list_record_files(root, false, diagnostics);
    return load_files(root, files, std::move(diagnostics), false, options);
}

Records load_people(const fs::path& root, const LoadOptions& options) {
    std::vector<Diagnostic> diagnostics;
    auto files = list_record_files(root, true, diagnostics);
    return load_files(root, files, std::move(diagnostics), true, options);
}

Records load_valid_records(const fs::path& root, const LoadOptions& options) {
    Records records = load_records(root, options);
    if (has_errors(records.diagnostics)) {
        throw DataError(std::move(records.diagnostics));
    }
    return records;
}

Records load_valid_people(const fs::path& root, const LoadOptions& options) {
    Records records = load_people(root, options);
    if (has_errors(records.diagnostics)) {
        throw DataError(std::move(records.diagnostics));
    }
    return records;
}

void remove_record_caches(const fs::path& root) {
    for (RecordType type : all_types) {
        const fs::path file = cache_file(root, type);
        if (!stays_inside_workspace(root, ".spark/cache")) {
            continue; // not spark's cache: it never writes outside the workspace
        }
        std::error_code ec;
        if (fs::symlink_status(file, ec).type() != fs::file_type::not_found) {
            remove_file(file);
        }
    }
}

Records load_records(const Workspace& workspace) {
    return load_records(workspace.root, LoadOptions{workspace.use_cache});
}

Records load_valid_records(const Workspace& workspace) {
    return load_valid_records(workspace.root, LoadOptions{workspace.use_cache});
}

Records load_valid_people(const Workspace& workspace) {
    return load_valid_people(workspace.root, LoadOptions{workspace.use_cache});
}

} // namespace spark
