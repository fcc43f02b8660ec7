#include "records.hpp"

#include "cache.hpp"
#include "record_reader.hpp"
#include "storage.hpp"
#include "toml_reader.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
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

// Opens `relative` as a folder under `root_fd`, never through a symbolic link: a link in
// the record tree could lead spark to read (and report) files outside the workspace.
// Returns -1 after noting why, or silently when the folder does not exist.
int open_folder(int root_fd, const std::string& relative, std::vector<Diagnostic>& diagnostics) {
    const int fd =
        ::openat(root_fd, relative.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0 || errno == ENOENT) {
        return fd;
    }
    const int saved = errno;
    struct stat st {};
    if (::fstatat(root_fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(st.st_mode)) {
        diagnostics.push_back({relative,
                               {},
                               Severity::error,
                               "is a symbolic link; spark reads only folders inside the "
                               "workspace, never through a link"});
    } else if (saved == ENOTDIR) {
        diagnostics.push_back({relative, {}, Severity::error, "not a folder"});
    } else {
        diagnostics.push_back({relative,
                               {},
                               Severity::error,
                               fmt::format("cannot read folder: {}", std::strerror(saved))});
    }
    return -1;
}

// Calls `each(name, type)` for every entry of the folder open as `fd` (which it closes);
// a failure part-way is an error, never a silently shorter list.
template <typename Each>
void for_each_entry(int fd, const std::string& relative, std::vector<Diagnostic>& diagnostics,
                    Each each) {
    DIR* dir = ::fdopendir(fd);
    if (dir == nullptr) {
        ::close(fd);
        diagnostics.push_back({relative,
                               {},
                               Severity::error,
                               fmt::format("cannot read folder: {}", std::strerror(errno))});
        return;
    }
    for (;;) {
        errno = 0;
        const dirent* item = ::readdir(dir);
        if (item == nullptr) {
            if (errno != 0) {
                diagnostics.push_back(
                    {relative,
                     {},
                     Severity::error,
                     fmt::format("cannot read folder: {}", std::strerror(errno))});
            }
            break;
        }
        const std::string_view name = item->d_name;
        if (name != "." && name != "..") {
            each(name, item->d_type);
        }
    }
    ::closedir(dir);
}

void list_folder(int root_fd, const std::string& relative_dir, RecordType type,
                 std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    const int fd = open_folder(root_fd, relative_dir, diagnostics);
    if (fd < 0) {
        return;
    }
    for_each_entry(fd, relative_dir, diagnostics, [&](std::string_view name, unsigned char) {
        std::string relative = relative_dir + "/";
        relative += name;
        if (is_temporary_file_name(name)) {
            warn(diagnostics, relative,
                 "leftover temporary file from an interrupted write; it is not a record and "
                 "can be deleted");
        } else if (name.front() == '.') {
            return; // .gitkeep and the like
        } else if (name.size() > 5 && name.ends_with(".toml")) {
            // Whatever it is: a FIFO, a device or a link by this name is reported when read.
            files.push_back(
                {type, std::move(relative), std::string(name.substr(0, name.size() - 5))});
        } else {
            warn(diagnostics, relative, "not a record file (records end in .toml); ignored");
        }
    });
}

void list_year_folders(int root_fd, const std::string& top, RecordType type,
                       std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    const int fd = open_folder(root_fd, top, diagnostics);
    if (fd < 0) {
        return;
    }
    std::vector<std::string> years;
    for_each_entry(fd, top, diagnostics, [&](std::string_view name, unsigned char d_type) {
        if (name.front() == '.' && !is_temporary_file_name(name)) {
            return;
        }
        const std::string relative = top + "/" + std::string(name);
        bool folder = d_type == DT_DIR || d_type == DT_LNK;
        if (d_type == DT_UNKNOWN) {
            struct stat st {};
            folder = ::fstatat(root_fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                     (S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode));
        }
        if (folder && is_year_folder(std::string(name))) {
            years.push_back(relative);
        } else {
            warn(diagnostics, relative, fmt::format("ignored: records belong in {}/<year>/", top));
        }
    });
    for (const auto& year : years) {
        list_folder(root_fd, year, type, files, diagnostics);
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

const char* cache_name(RecordType type) {
    return type == RecordType::person  ? people_dir
           : type == RecordType::entry ? log_dir
                                       : meetings_dir;
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

void parse_one(int root_fd, const RecordFile& file, Loaded& out) {
    std::string bytes;
    try {
        bytes = read_regular_file_at(root_fd, file.relative_path.c_str(), max_toml_bytes);
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
void refresh_caches(int root_fd, const std::vector<RecordFile>& files,
                    const std::vector<Loaded>& loaded, const CacheState* caches,
                    std::int64_t scan_started, bool people_only) {
    int cache_fd = -1;
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
        if (cache_fd < 0) {
            cache_fd = open_cache_folder(root_fd, true);
            if (cache_fd < 0) {
                return; // not writable, or .spark is not spark's own folder: no cache
            }
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
        fresh.write(cache_fd, cache_name(type), scan_started);
    }
    if (cache_fd >= 0) {
        ::close(cache_fd);
    }
}

Records load_files(int root_fd, const std::vector<RecordFile>& files,
                   std::vector<Diagnostic> listing_diagnostics, bool people_only,
                   const LoadOptions& options) {
    RecordCache caches[3];
    const std::int64_t scan_started = options.now_ns ? options.now_ns() : now_ns();
    if (options.use_cache) {
        if (const int cache_fd = open_cache_folder(root_fd, false); cache_fd >= 0) {
            for (RecordType type : all_types) {
                if (!people_only || type == RecordType::person) {
                    caches[static_cast<std::size_t>(type)] =
                        RecordCache::read(cache_fd, cache_name(type));
                }
            }
            ::close(cache_fd);
        }
    }
    std::vector<Loaded> loaded(files.size());
    std::atomic<std::size_t> next{0};
    auto load_one = [&](const RecordFile& file, Loaded& item) {
        if (options.use_cache) {
            // Stamps relative to the root's folder: the kernel walks 3 path components.
            item.stamp = stamp_at(root_fd, file.relative_path);
            item.from_cache =
                item.stamp && take_from_cache(caches[static_cast<std::size_t>(file.type)], file,
                                              *item.stamp, item);
        }
        if (!item.from_cache) {
            parse_one(root_fd, file, item);
        }
    };
    auto worker = [&] {
        constexpr std::size_t batch = 64;
        for (std::size_t start = next.fetch_add(batch); start < files.size();
             start = next.fetch_add(batch)) {
            for (std::size_t i = start; i < std::min(files.size(), start + batch); ++i) {
                // Nothing may escape a worker thread (that would abort spark): whatever goes
                // wrong with one file is that file's error.
                try {
                    load_one(files[i], loaded[i]);
                } catch (const std::exception& e) {
                    loaded[i] = Loaded{};
                    loaded[i].diagnostics.push_back({files[i].relative_path,
                                                     {},
                                                     Severity::error,
                                                     fmt::format("cannot read: {}", e.what())});
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
    if (options.use_cache) {
        // The cache files' bytes are no longer needed: free them before the records move.
        CacheState states[3];
        for (std::size_t t = 0; t < 3; ++t) {
            states[t] = {caches[t].cached_count(), caches[t].usable()};
            caches[t] = RecordCache();
        }
        refresh_caches(root_fd, files, loaded, states, scan_started, people_only);
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

namespace {

// The workspace's root folder, open for the *at() calls that never leave it.
class RootFolder {
  public:
    explicit RootFolder(const fs::path& root)
        : fd_(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (fd_ < 0) {
            throw Error(fmt::format("cannot read the workspace folder '{}': {}", root.string(),
                                    std::strerror(errno)));
        }
    }
    RootFolder(const RootFolder&) = delete;
    RootFolder& operator=(const RootFolder&) = delete;
    ~RootFolder() { ::close(fd_); }
    int fd() const { return fd_; }

  private:
    int fd_;
};

std::vector<RecordFile> list_files(int root_fd, bool people_only,
                                   std::vector<Diagnostic>& diagnostics) {
    std::vector<RecordFile> files;
    list_folder(root_fd, people_dir, RecordType::person, files, diagnostics);
    if (!people_only) {
        list_year_folders(root_fd, log_dir, RecordType::entry, files, diagnostics);
        list_year_folders(root_fd, meetings_dir, RecordType::meeting, files, diagnostics);
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.relative_path < b.relative_path; });
    return files;
}

Records load(const fs::path& root, bool people_only, const LoadOptions& options) {
    const RootFolder folder(root);
    std::vector<Diagnostic> diagnostics;
    auto files = list_files(folder.fd(), people_only, diagnostics);
    return load_files(folder.fd(), files, std::move(diagnostics), people_only, options);
}

} // namespace

std::vector<RecordFile> list_record_files(const fs::path& root, bool people_only,
                                          std::vector<Diagnostic>& diagnostics) {
    const RootFolder folder(root);
    return list_files(folder.fd(), people_only, diagnostics);
}

Records load_records(const fs::path& root, const LoadOptions& options) {
    return load(root, false, options);
}

Records load_people(const fs::path& root, const LoadOptions& options) {
    return load(root, true, options);
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
        std::error_code ec;
        if (fs::symlink_status(file, ec).type() != fs::file_type::not_found) {
            remove_file(file);
        }
    }
}

Records load_records(const Workspace& workspace) {
    return load_records(workspace.root, LoadOptions{workspace.use_cache, workspace.now_ns});
}

Records load_valid_records(const Workspace& workspace) {
    return load_valid_records(workspace.root, LoadOptions{workspace.use_cache, workspace.now_ns});
}

Records load_valid_people(const Workspace& workspace) {
    return load_valid_people(workspace.root, LoadOptions{workspace.use_cache, workspace.now_ns});
}

} // namespace spark
