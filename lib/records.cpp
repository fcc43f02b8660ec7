#include "records.hpp"

#include "cache.hpp"
#include "confinement.hpp"
#include "record_reader.hpp"
#include "storage.hpp"
#include "toml_reader.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_set>
#include <variant>

namespace spark {

namespace {

std::int64_t real_now_ns() {
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

bool is_year_folder(const std::string& name) {
    return name.size() == 4 &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void warn(std::vector<Diagnostic>& diagnostics, std::string path, std::string message) {
    diagnostics.push_back({std::move(path), {}, Severity::warning, std::move(message)});
}

// The workspace's root: its path, and its folder open for the *at() calls.
struct Root {
    const fs::path& path;
    int fd;
};

// Opens `relative` as a folder of the workspace. A symbolic link is followed only when it
// stays inside the workspace (as spark writes, see confinement.hpp): one leading out could
// make spark read, and report, files that are not the workspace's. Returns -1 after noting
// why, or silently when the folder does not exist.
int open_folder(const Root& root, const std::string& relative,
                std::vector<Diagnostic>& diagnostics) {
    int fd = ::openat(root.fd, relative.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0 || errno == ENOENT) {
        return fd;
    }
    int saved = errno;
    struct stat st {};
    if (::fstatat(root.fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(st.st_mode)) {
        if (!stays_inside_workspace(root.path, relative)) {
            diagnostics.push_back({relative,
                                   {},
                                   Severity::error,
                                   "is a symbolic link that leads outside the workspace; "
                                   "spark does not read through it"});
            return -1;
        }
        fd = ::openat(root.fd, relative.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            return fd;
        }
        saved = errno;
    }
    diagnostics.push_back({relative,
                           {},
                           Severity::error,
                           saved == ENOTDIR
                               ? std::string("not a folder")
                               : fmt::format("cannot read folder: {}", std::strerror(saved))});
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

void list_folder(const Root& root, const std::string& relative_dir, RecordType type,
                 std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    const int fd = open_folder(root, relative_dir, diagnostics);
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

void list_year_folders(const Root& root, const std::string& top, RecordType type,
                       std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    const int fd = open_folder(root, top, diagnostics);
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
            folder = ::fstatat(root.fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                     (S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode));
        }
        if (folder && is_year_folder(std::string(name))) {
            years.push_back(relative);
        } else {
            warn(diagnostics, relative, fmt::format("ignored: records belong in {}/<year>/", top));
        }
    });
    for (const auto& year : years) {
        list_folder(root, year, type, files, diagnostics);
    }
}

// One file's outcome. A variant rather than three optionals: with 100k files the slots
// alone would otherwise take ~90 MB.
struct Loaded {
    std::variant<std::monostate, Person, Entry, Meeting> record;
    std::vector<Diagnostic> diagnostics;
    std::optional<FileStamp> stamp;
    // Where the record came from: a pack (and which row), or parsed now.
    enum class Source : std::uint8_t { parsed, overlay, base } source = Source::parsed;
    std::uint32_t row = 0;
};

// The cache: the packed records of the last rewrite, and an overlay of the records changed
// or added since, so that a read after a write costs a small file, not the whole pack.
struct Packs {
    RecordPack base;
    RecordPack overlay;
};
constexpr const char* base_name = "pack";
constexpr const char* overlay_name = "overlay";

// Moves a record found in a pack into `out`; tells whether there was one.
template <typename Record>
bool take(std::optional<Record> value, Loaded& out) {
    if (!value) {
        return false;
    }
    out.record = std::move(*value);
    return true;
}

bool take_from(const RecordPack& pack, std::uint32_t row, const RecordFile& file, bool with_text,
               Loaded& out) {
    switch (file.type) {
    case RecordType::person:
        return take(pack.person(row, with_text), out);
    case RecordType::entry:
        return take(pack.entry(row, with_text), out);
    case RecordType::meeting:
        return take(pack.meeting(row, with_text), out);
    }
    return false;
}

bool take_from_cache(const Packs& packs, const RecordFile& file, const FileStamp& stamp,
                     bool with_text, Loaded& out) {
    if (auto row = packs.overlay.find(file.relative_path, stamp);
        row && take_from(packs.overlay, *row, file, with_text, out)) {
        out.source = Loaded::Source::overlay;
        out.row = *row;
        return true;
    }
    if (auto row = packs.base.find(file.relative_path, stamp);
        row && take_from(packs.base, *row, file, with_text, out)) {
        out.source = Loaded::Source::base;
        out.row = *row;
        return true;
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

// A record parsed now that is worth keeping: it parsed, and its file had settled.
bool worth_caching(const Loaded& item, std::int64_t scan_started) {
    return item.source == Loaded::Source::parsed && item.stamp &&
           !std::holds_alternative<std::monostate>(item.record) &&
           settled(*item.stamp, scan_started);
}

void add_parsed(PackWriter& out, const RecordFile& file, const Loaded& item) {
    std::visit(
        [&](const auto& record) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(record)>, std::monostate>) {
                out.add(file.relative_path, *item.stamp, record);
            }
        },
        item.record);
}

// Brings the cache up to date, at the least cost: nothing when every record came from it
// (or was changed too recently to be trusted anyway); else the settled records parsed now
// go into the overlay, beside those it already held; the pack itself is rewritten, overlay
// folded in, only when it is missing or the overlay has grown past an eighth of it.
void refresh_cache(int root_fd, const std::vector<RecordFile>& files,
                   const std::vector<Loaded>& loaded, const Packs& packs, std::int64_t scan_started,
                   bool people_only) {
    std::size_t parsed = 0;
    for (const auto& item : loaded) {
        parsed += worth_caching(item, scan_started);
    }
    // A people-only load (log, meet) sees too little to rebuild the pack.
    std::size_t from_overlay = 0;
    for (const auto& item : loaded) {
        from_overlay += item.source == Loaded::Source::overlay;
    }
    const bool rebuild = !people_only && !packs.base.usable() && parsed + from_overlay > 0;
    if (parsed == 0 && !rebuild) {
        return; // nothing new, or nothing settled yet: writing now would keep nothing
    }
    std::unordered_set<std::string_view> parsed_paths;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (worth_caching(loaded[i], scan_started)) {
            parsed_paths.insert(files[i].relative_path);
        }
    }
    PackWriter overlay;
    for (std::uint32_t row = 0; row < packs.overlay.size(); ++row) {
        if (parsed_paths.count(packs.overlay.path(row)) == 0) {
            overlay.copy(packs.overlay, row);
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (worth_caching(loaded[i], scan_started)) {
            add_parsed(overlay, files[i], loaded[i]);
        }
    }
    const int cache_fd = open_cache_folder(root_fd, true);
    if (cache_fd < 0) {
        return; // not writable, or .spark is not spark's own folder: no cache
    }
    if (rebuild ||
        (!people_only && overlay.size() > std::max<std::size_t>(64, packs.base.size() / 8))) {
        // Every record in use now, settled, from wherever it came.
        PackWriter base;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const Loaded& item = loaded[i];
            if (item.source == Loaded::Source::base) {
                base.copy(packs.base, item.row);
            } else if (item.source == Loaded::Source::overlay) {
                base.copy(packs.overlay, item.row);
            } else if (worth_caching(item, scan_started)) {
                add_parsed(base, files[i], item);
            }
        }
        base.write(cache_fd, base_name, scan_started);
        ::unlinkat(cache_fd, overlay_name, 0);
        // The caches of earlier versions, one file per folder.
        for (const char* old : {people_dir, log_dir, meetings_dir}) {
            ::unlinkat(cache_fd, old, 0);
        }
    } else {
        overlay.write(cache_fd, overlay_name, scan_started);
    }
    ::close(cache_fd);
}

Records load_files(int root_fd, const std::vector<RecordFile>& files,
                   std::vector<Diagnostic> listing_diagnostics, bool people_only,
                   const LoadOptions& options) {
    Packs packs;
    const std::int64_t scan_started = options.now_ns ? options.now_ns() : real_now_ns();
    if (options.use_cache) {
        if (const int cache_fd = open_cache_folder(root_fd, false); cache_fd >= 0) {
            packs.base = RecordPack::open(cache_fd, base_name);
            packs.overlay = RecordPack::open(cache_fd, overlay_name);
            ::close(cache_fd);
        }
    }
    std::vector<Loaded> loaded(files.size());
    std::atomic<std::size_t> next{0};
    auto load_one = [&](const RecordFile& file, Loaded& item) {
        if (options.use_cache) {
            // Stamps relative to the root's folder: the kernel walks 3 path components.
            item.stamp = stamp_at(root_fd, file.relative_path);
            if (item.stamp && take_from_cache(packs, file, *item.stamp, options.with_text, item)) {
                return;
            }
        }
        parse_one(root_fd, file, item);
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
        refresh_cache(root_fd, files, loaded, packs, scan_started, people_only);
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
    // Without texts asked for, none at all: the answer must not depend on the cache.
    const bool drop_text = !options.with_text;
    for (auto& item : loaded) {
        if (auto* person = std::get_if<Person>(&item.record)) {
            records.people.push_back(std::move(*person));
            if (drop_text) {
                records.people.back().note.clear();
            }
        } else if (auto* entry = std::get_if<Entry>(&item.record)) {
            records.entries.push_back(std::move(*entry));
            if (drop_text) {
                records.entries.back().body.clear();
            }
        } else if (auto* meeting = std::get_if<Meeting>(&item.record)) {
            records.meetings.push_back(std::move(*meeting));
            if (drop_text) {
                records.meetings.back().body.clear();
            }
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

std::vector<RecordFile> list_files(const Root& root, bool people_only,
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

Records load(const fs::path& root, bool people_only, const LoadOptions& options) {
    const RootFolder folder(root);
    std::vector<Diagnostic> diagnostics;
    auto files = list_files(Root{root, folder.fd()}, people_only, diagnostics);
    return load_files(folder.fd(), files, std::move(diagnostics), people_only, options);
}

} // namespace

std::vector<RecordFile> list_record_files(const fs::path& root, bool people_only,
                                          std::vector<Diagnostic>& diagnostics) {
    const RootFolder folder(root);
    return list_files(Root{root, folder.fd()}, people_only, diagnostics);
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
    const RootFolder folder(root);
    const int cache_fd = open_cache_folder(folder.fd(), false);
    if (cache_fd < 0) {
        return; // none, or not spark's own folder (a link): never read either
    }
    for (const char* name : {base_name, overlay_name, people_dir, log_dir, meetings_dir}) {
        if (::unlinkat(cache_fd, name, 0) != 0 && errno != ENOENT) {
            const int saved = errno;
            ::close(cache_fd);
            throw Error(fmt::format("cannot remove '{}': {}",
                                    (root / ".spark" / "cache" / name).string(),
                                    std::strerror(saved)));
        }
    }
    ::fsync(cache_fd);
    ::close(cache_fd);
}

Records load_records(const Workspace& workspace, Texts texts) {
    return load_records(workspace.root, LoadOptions{workspace.use_cache, workspace.now_ns,
                                                    texts == Texts::included});
}

Records load_valid_records(const Workspace& workspace, Texts texts) {
    return load_valid_records(workspace.root, LoadOptions{workspace.use_cache, workspace.now_ns,
                                                          texts == Texts::included});
}

Records load_valid_people(const Workspace& workspace) {
    return load_valid_people(workspace.root, LoadOptions{workspace.use_cache, workspace.now_ns});
}

} // namespace spark
