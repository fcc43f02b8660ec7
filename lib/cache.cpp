#include "cache.hpp"

#include "binary_io.hpp"
#include "storage.hpp"

#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spark {

namespace {

// Bump when the layout or the meaning of a record changes; older caches are then ignored.
constexpr std::string_view magic = "SPKCACHE0002";
constexpr std::int64_t settle_ns = 2'000'000'000; // coarser than any file-system clock tick
constexpr std::size_t header_size = 12 + 8 + 8 + 8;
// Far more than any workspace needs; a larger file is not read at all.
constexpr std::uint64_t max_cache_bytes = 4ull << 30;

enum : std::uint8_t { person_type = 1, entry_type = 2, meeting_type = 3 };

std::uint64_t checksum(std::string_view data) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ data.size();
    std::size_t i = 0;
    for (; i + 8 <= data.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data.data() + i, 8);
        h = (h ^ word) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    for (; i < data.size(); ++i) {
        h = (h ^ static_cast<unsigned char>(data[i])) * 0x100000001B3ull;
    }
    return h ^ (h >> 29);
}

void put_date(BinaryWriter& w, const Date& d) {
    w.u32(static_cast<std::uint32_t>(d.year * 10000 + d.month * 100 + d.day));
}

Date get_date(BinaryReader& r) {
    const std::uint32_t v = r.u32();
    return Date{static_cast<int>(v / 10000), static_cast<int>(v / 100 % 100),
                static_cast<int>(v % 100)};
}

void put_pos(BinaryWriter& w, const SourcePos& p) {
    w.u32(p.line);
    w.u32(p.column);
}

SourcePos get_pos(BinaryReader& r) {
    SourcePos p;
    p.line = r.u32();
    p.column = r.u32();
    return p;
}

void put_positions(BinaryWriter& w, const std::vector<SourcePos>& positions) {
    w.u32(static_cast<std::uint32_t>(positions.size()));
    for (const auto& p : positions) {
        put_pos(w, p);
    }
}

std::vector<SourcePos> get_positions(BinaryReader& r) {
    const std::uint32_t n = r.u32();
    if (n > (1u << 24)) {
        throw std::out_of_range("cache: bad count");
    }
    std::vector<SourcePos> out;
    out.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        out.push_back(get_pos(r));
    }
    return out;
}

template <typename Enum>
Enum get_enum(BinaryReader& r, Enum last) {
    const std::uint8_t v = r.u8();
    if (v > static_cast<std::uint8_t>(last)) {
        throw std::out_of_range("cache: bad value");
    }
    return static_cast<Enum>(v);
}

void put_stamp(BinaryWriter& w, const FileStamp& s) {
    w.u64(s.size);
    w.i64(s.mtime_ns);
    w.i64(s.ctime_ns);
    w.u64(s.inode);
}

FileStamp get_stamp(BinaryReader& r) {
    FileStamp s;
    s.size = r.u64();
    s.mtime_ns = r.i64();
    s.ctime_ns = r.i64();
    s.inode = r.u64();
    return s;
}

void put(BinaryWriter& w, const Person& p) {
    w.str(p.id);
    w.str(p.name);
    w.u8(p.group ? static_cast<std::uint8_t>(*p.group) : 255);
    w.u32(static_cast<std::uint32_t>(p.roles.size()));
    for (Role role : p.roles) {
        w.u8(static_cast<std::uint8_t>(role));
    }
    w.str(p.department);
    w.str(p.invited_by);
    put_pos(w, p.invited_by_pos);
    put_date(w, p.since);
    w.u8(p.is_public ? 1 : 0);
    w.str(p.note);
    w.strings(p.name_hashes);
}

Person get_person(BinaryReader& r) {
    Person p;
    p.id = r.str();
    p.name = r.str();
    if (r.u8() != 255) {
        r.seek(r.offset() - 1);
        p.group = get_enum(r, all_groups.back());
    }
    const std::uint32_t roles = r.u32();
    if (roles > std::size(all_roles)) {
        throw std::out_of_range("cache: bad roles");
    }
    for (std::uint32_t i = 0; i < roles; ++i) {
        p.roles.push_back(get_enum(r, all_roles.back()));
    }
    p.department = r.str();
    p.invited_by = r.str();
    p.invited_by_pos = get_pos(r);
    p.since = get_date(r);
    p.is_public = r.u8() != 0;
    p.note = r.str();
    p.name_hashes = r.strings();
    return p;
}

void put(BinaryWriter& w, const Entry& e) {
    w.str(e.id);
    put_date(w, e.date);
    w.u8(static_cast<std::uint8_t>(e.kind));
    w.str(e.title);
    w.strings(e.people);
    put_positions(w, e.people_pos);
    w.strings(e.tags);
    w.str(e.effect);
    w.str(e.body);
}

Entry get_entry(BinaryReader& r) {
    Entry e;
    e.id = r.str();
    e.date = get_date(r);
    e.kind = get_enum(r, all_kinds.back());
    e.title = r.str();
    e.people = r.strings();
    e.people_pos = get_positions(r);
    e.tags = r.strings();
    e.effect = r.str();
    e.body = r.str();
    return e;
}

void put(BinaryWriter& w, const Meeting& m) {
    w.str(m.id);
    put_date(w, m.date);
    w.str(m.title);
    w.u8(static_cast<std::uint8_t>(m.setting));
    w.str(m.place);
    w.strings(m.attendees);
    put_positions(w, m.attendees_pos);
    w.strings(m.questions);
    w.strings(m.dilemmas);
    w.strings(m.outcomes);
    w.strings(m.followups);
    w.str(m.body);
}

Meeting get_meeting(BinaryReader& r) {
    Meeting m;
    m.id = r.str();
    m.date = get_date(r);
    m.title = r.str();
    m.setting = get_enum(r, all_settings.back());
    m.place = r.str();
    m.attendees = r.strings();
    m.attendees_pos = get_positions(r);
    m.questions = r.strings();
    m.dilemmas = r.strings();
    m.outcomes = r.strings();
    m.followups = r.strings();
    m.body = r.str();
    return m;
}

// Decodes one record; a damaged cache shows up as an exception and counts as a miss.
template <typename Record, typename Get>
std::optional<Record> decode(const std::string& buffer, std::size_t offset, const std::string& path,
                             Get get) {
    try {
        BinaryReader r(buffer);
        r.seek(offset);
        Record record = get(r);
        record.path = path;
        return record;
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

} // namespace

namespace {

FileStamp stamp_from(const struct stat& st) {
    return FileStamp{static_cast<std::uint64_t>(st.st_size),
                     st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
                     st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec,
                     static_cast<std::uint64_t>(st.st_ino)};
}

} // namespace

std::optional<FileStamp> stamp_at(int dir_fd, const std::string& relative) {
    struct stat st {};
    if (::fstatat(dir_fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return std::nullopt;
    }
    return stamp_from(st);
}

int open_cache_folder(int root_fd, bool create) {
    int parent = root_fd;
    int fd = -1;
    for (const char* name : {".spark", "cache"}) {
        fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT && create && ::mkdirat(parent, name, 0777) == 0) {
            fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (parent != root_fd) {
            ::close(parent);
        }
        if (fd < 0) {
            return -1;
        }
        parent = fd;
    }
    return fd;
}

std::int64_t now_ns() {
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * 1'000'000'000LL + ts.tv_nsec;
}

namespace {

// The cache file's bytes, or "" when it is not a regular file of a plausible size whose
// header announces exactly its length: checked before anything is read, so a FIFO, a
// device or a huge sparse file costs nothing.
std::string read_cache_file(int cache_fd, const char* name) {
    const int fd = ::openat(cache_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        return {};
    }
    std::string bytes;
    struct stat st {};
    char header[header_size];
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= off_t(header_size) &&
        static_cast<std::uint64_t>(st.st_size) <= max_cache_bytes &&
        ::pread(fd, header, header_size, 0) == ssize_t(header_size) &&
        std::string_view(header, magic.size()) == magic) {
        std::uint64_t payload_size = 0;
        std::memcpy(&payload_size, header + magic.size(), sizeof payload_size);
        if (payload_size == static_cast<std::uint64_t>(st.st_size) - header_size) {
            bytes.resize(static_cast<std::size_t>(st.st_size));
            std::size_t used = 0;
            while (used < bytes.size()) {
                const ssize_t n =
                    ::pread(fd, bytes.data() + used, bytes.size() - used, static_cast<off_t>(used));
                if (n < 0 && errno == EINTR) {
                    continue;
                }
                if (n <= 0) {
                    break;
                }
                used += static_cast<std::size_t>(n);
            }
            bytes.resize(used);
        }
    }
    ::close(fd);
    return bytes;
}

} // namespace

RecordCache RecordCache::read(int cache_fd, const char* name) {
    RecordCache cache;
    cache.buffer_ = read_cache_file(cache_fd, name);
    try {
        const std::string_view all = cache.buffer_;
        if (all.size() < header_size || all.substr(0, magic.size()) != magic) {
            throw std::out_of_range("cache: foreign");
        }
        BinaryReader header(all.substr(magic.size(), header_size - magic.size()));
        const std::uint64_t payload_size = header.u64();
        const std::uint64_t sum = header.u64();
        const std::int64_t written_at = header.i64();
        const std::string_view payload = all.substr(header_size);
        if (payload.size() != payload_size || checksum(payload) != sum) {
            throw std::out_of_range("cache: damaged");
        }
        // Index the records: path and stamp up front, the record decoded only on a hit.
        BinaryReader r(cache.buffer_);
        r.seek(header_size);
        while (!r.done()) {
            const std::string_view path = r.str();
            const FileStamp stamp = get_stamp(r);
            const std::uint64_t length = r.u64();
            const std::size_t offset = r.offset();
            if (length > cache.buffer_.size() - offset) {
                throw std::out_of_range("cache: truncated");
            }
            cache.index_.emplace(path, Slot{stamp, offset});
            r.seek(offset + length);
        }
        cache.written_at_ = written_at;
        cache.usable_ = true;
    } catch (const std::out_of_range&) {
        cache.index_.clear();
        cache.buffer_.clear();
    }
    return cache;
}

const RecordCache::Slot* RecordCache::lookup(const std::string& path, const FileStamp& stamp,
                                             std::uint8_t type) const {
    auto found = index_.find(path);
    if (found == index_.end() || !(found->second.stamp == stamp)) {
        return nullptr;
    }
    // Changed in the same clock tick as the cache was written: the stamp proves nothing.
    if (std::max(stamp.mtime_ns, stamp.ctime_ns) >= written_at_ - settle_ns) {
        return nullptr;
    }
    const std::size_t offset = found->second.offset;
    if (offset >= buffer_.size() || static_cast<std::uint8_t>(buffer_[offset]) != type) {
        return nullptr;
    }
    return &found->second;
}

std::optional<Person> RecordCache::person(const std::string& path, const FileStamp& stamp) const {
    const Slot* slot = lookup(path, stamp, person_type);
    return slot ? decode<Person>(buffer_, slot->offset + 1, path, get_person) : std::nullopt;
}

std::optional<Entry> RecordCache::entry(const std::string& path, const FileStamp& stamp) const {
    const Slot* slot = lookup(path, stamp, entry_type);
    return slot ? decode<Entry>(buffer_, slot->offset + 1, path, get_entry) : std::nullopt;
}

std::optional<Meeting> RecordCache::meeting(const std::string& path, const FileStamp& stamp) const {
    const Slot* slot = lookup(path, stamp, meeting_type);
    return slot ? decode<Meeting>(buffer_, slot->offset + 1, path, get_meeting) : std::nullopt;
}

namespace {

template <typename Record>
void append(std::string& pending, const std::string& path, const FileStamp& stamp,
            std::uint8_t type, const Record& record) {
    BinaryWriter body;
    body.u8(type);
    put(body, record);
    BinaryWriter w;
    w.str(path);
    put_stamp(w, stamp);
    w.u64(body.buffer().size());
    pending += w.buffer();
    pending += body.buffer();
}

} // namespace

void RecordCache::add(const std::string& path, const FileStamp& stamp, const Person& person) {
    append(pending_, path, stamp, person_type, person);
    ++added_;
}

void RecordCache::add(const std::string& path, const FileStamp& stamp, const Entry& entry) {
    append(pending_, path, stamp, entry_type, entry);
    ++added_;
}

void RecordCache::add(const std::string& path, const FileStamp& stamp, const Meeting& meeting) {
    append(pending_, path, stamp, meeting_type, meeting);
    ++added_;
}

void RecordCache::write(int cache_fd, const char* name, std::int64_t scan_started) const {
    BinaryWriter header;
    header.u64(pending_.size());
    header.u64(checksum(pending_));
    header.i64(scan_started);
    std::string bytes(magic);
    bytes += header.buffer();
    bytes += pending_;
    // Derived data, checksummed: no fsync. A read-only workspace or a full disk: no cache.
    const std::string temporary = fmt::format(".{}.tmp-{}", name, ::getpid());
    const int fd = ::openat(cache_fd, temporary.c_str(),
                            O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        return;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0 || done != bytes.size() ||
        ::renameat(cache_fd, temporary.c_str(), cache_fd, name) != 0) {
        ::unlinkat(cache_fd, temporary.c_str(), 0);
    }
}

} // namespace spark
