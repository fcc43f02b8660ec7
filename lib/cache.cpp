#include "cache.hpp"

#include "binary_io.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace spark {

namespace {

// Bump when the layout or the meaning of a record changes; older packs are then ignored.
constexpr char magic[8] = {'S', 'P', 'K', 'P', 'A', 'C', 'K', '\0'};
constexpr std::uint32_t version = 2;
constexpr std::int64_t settle_ns = 2'000'000'000; // coarser than any file-system clock tick
// Far more than any workspace needs; a larger file is not even mapped.
constexpr std::uint64_t max_pack_bytes = 4ull << 30;

// The vocabulary's sizes: a pack written for another set of kinds, groups, roles or
// settings is not read.
constexpr std::uint32_t model_fingerprint = static_cast<std::uint32_t>(
    all_kinds.size() << 24 | all_groups.size() << 16 | all_roles.size() << 8 | all_settings.size());

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t header_size;
    std::uint32_t row_size;
    std::uint32_t model;
    std::int64_t written_at;
    std::uint64_t count;
    std::uint64_t slot_count;
    std::uint64_t paths_size;
    std::uint64_t records_size;
    std::uint64_t texts_size;
    std::uint64_t main_sum; // rows, slots, paths and records
    std::uint64_t text_sum; // texts, checked on first use
    std::uint64_t header_sum;
};
static_assert(sizeof(Header) == 96);

std::uint64_t rotl(std::uint64_t v, int n) {
    return std::rotl(v, n);
}

std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

// A fast 4-lane checksum (xxHash64's rounds): corruption, not attackers, is what it is for.
std::uint64_t checksum(std::string_view data) {
    constexpr std::uint64_t p1 = 0x9E3779B185EBCA87ull;
    constexpr std::uint64_t p2 = 0xC2B2AE3D27D4EB4Full;
    std::uint64_t lanes[4] = {p1 + p2, p2, 0, 0 - p1};
    const char* p = data.data();
    const std::size_t n = data.size();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        for (int k = 0; k < 4; ++k) {
            lanes[k] = rotl(lanes[k] + load64(p + i + 8 * k) * p2, 31) * p1;
        }
    }
    std::uint64_t h =
        (rotl(lanes[0], 1) + rotl(lanes[1], 7) + rotl(lanes[2], 12) + rotl(lanes[3], 18)) ^ n;
    for (; i + 8 <= n; i += 8) {
        h = rotl(h ^ (rotl(load64(p + i) * p2, 31) * p1), 27) * p1 + 0x85EBCA77C2B2AE63ull;
    }
    for (; i < n; ++i) {
        h = rotl(h ^ (static_cast<unsigned char>(p[i]) * 0x27D4EB2F165667C5ull), 11) * p1;
    }
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    return h;
}

std::uint64_t path_hash(std::string_view path) {
    std::uint64_t h = 0xCBF29CE484222325ull; // FNV-1a
    for (char c : path) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    }
    return h ^ (h >> 32);
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
    return e;
}

void put(BinaryWriter& w, const Meeting& m) {
    w.str(m.id);
    put_date(w, m.date);
    w.str(m.title);
    w.u8(m.setting ? static_cast<std::uint8_t>(*m.setting) : 255);
    w.str(m.place);
    w.strings(m.attendees);
    put_positions(w, m.attendees_pos);
    w.strings(m.questions);
    w.strings(m.dilemmas);
    w.strings(m.outcomes);
    w.strings(m.followups);
}

Meeting get_meeting(BinaryReader& r) {
    Meeting m;
    m.id = r.str();
    m.date = get_date(r);
    m.title = r.str();
    if (r.u8() != 255) {
        r.seek(r.offset() - 1);
        m.setting = get_enum(r, all_settings.back());
    }
    m.place = r.str();
    m.attendees = r.strings();
    m.attendees_pos = get_positions(r);
    m.questions = r.strings();
    m.dilemmas = r.strings();
    m.outcomes = r.strings();
    m.followups = r.strings();
    return m;
}

FileStamp stamp_from(const struct stat& st) {
    return FileStamp{static_cast<std::uint64_t>(st.st_size),
                     st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
                     st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec,
                     static_cast<std::uint64_t>(st.st_ino)};
}

// Decodes one record from its bytes; anything left over or missing counts as damage.
template <typename Record, typename Get>
std::optional<Record> decode(std::string_view bytes, Get get) {
    try {
        BinaryReader r(bytes);
        Record record = get(r);
        if (!r.done()) {
            return std::nullopt;
        }
        return record;
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

} // namespace

struct RecordPack::FileRow {
    std::uint64_t size;
    std::int64_t mtime_ns;
    std::int64_t ctime_ns;
    std::uint64_t inode;
    std::uint64_t path_offset;
    std::uint64_t record_offset;
    std::uint64_t text_offset;
    std::uint32_t path_length;
    std::uint32_t record_length;
    std::uint32_t text_length;
    std::uint8_t type;
    std::uint8_t padding[3];
};

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

bool settled(const FileStamp& stamp, std::int64_t written_at) {
    return std::max(stamp.mtime_ns, stamp.ctime_ns) < written_at - settle_ns;
}

RecordPack::RecordPack(RecordPack&& other) noexcept {
    *this = std::move(other);
}

RecordPack& RecordPack::operator=(RecordPack&& other) noexcept {
    if (this != &other) {
        this->~RecordPack();
        base_ = std::exchange(other.base_, nullptr);
        mapped_size_ = std::exchange(other.mapped_size_, 0);
        count_ = other.count_;
        written_at_ = other.written_at_;
        rows_ = other.rows_;
        slots_ = other.slots_;
        slot_count_ = other.slot_count_;
        paths_ = other.paths_;
        records_ = other.records_;
        texts_ = other.texts_;
        text_sum_ = other.text_sum_;
        text_checked_ = std::move(other.text_checked_);
        text_ok_ = other.text_ok_;
    }
    return *this;
}

RecordPack::~RecordPack() {
    if (base_ != nullptr) {
        ::munmap(const_cast<char*>(base_), mapped_size_);
        base_ = nullptr;
    }
}

RecordPack RecordPack::open(int cache_fd, const char* name) {
    RecordPack pack;
    // Checked before anything is read: a FIFO, a device, a link or a huge file costs
    // nothing, and a file of the wrong size is never mapped.
    const int fd = ::openat(cache_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        return pack;
    }
    struct stat st {};
    Header h{};
    const bool plausible =
        ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= off_t(sizeof h) &&
        static_cast<std::uint64_t>(st.st_size) <= max_pack_bytes &&
        ::pread(fd, &h, sizeof h, 0) == ssize_t(sizeof h) &&
        std::memcmp(h.magic, magic, sizeof magic) == 0 && h.version == version &&
        h.header_size == sizeof h && h.row_size == sizeof(FileRow) &&
        h.model == model_fingerprint &&
        h.header_sum == checksum({reinterpret_cast<const char*>(&h), offsetof(Header, header_sum)});
    const auto size = static_cast<std::uint64_t>(st.st_size);
    // Each part no larger than the file, so the sum below cannot overflow.
    if (!plausible || h.count > size / sizeof(FileRow) || h.slot_count > size / 4 ||
        h.slot_count <= h.count || !std::has_single_bit(h.slot_count) || h.paths_size > size ||
        h.records_size > size || h.texts_size > size ||
        sizeof h + h.count * sizeof(FileRow) + h.slot_count * 4 + h.paths_size + h.records_size +
                h.texts_size !=
            size) {
        ::close(fd);
        return pack;
    }
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) {
        return pack;
    }
    const char* base = static_cast<const char*>(mapped);
    const std::size_t main_size =
        h.count * sizeof(FileRow) + h.slot_count * 4 + h.paths_size + h.records_size;
    if (checksum({base + sizeof h, main_size}) != h.main_sum) {
        ::munmap(mapped, size);
        return pack;
    }
    pack.base_ = base;
    pack.mapped_size_ = size;
    pack.count_ = h.count;
    pack.written_at_ = h.written_at;
    pack.rows_ = base + sizeof h;
    pack.slots_ = reinterpret_cast<const std::uint32_t*>(pack.rows_ + h.count * sizeof(FileRow));
    pack.slot_count_ = h.slot_count;
    const char* paths = pack.rows_ + h.count * sizeof(FileRow) + h.slot_count * 4;
    pack.paths_ = {paths, h.paths_size};
    pack.records_ = {paths + h.paths_size, h.records_size};
    pack.texts_ = {paths + h.paths_size + h.records_size, h.texts_size};
    pack.text_sum_ = h.text_sum;
    pack.text_checked_ = std::make_unique<std::once_flag>();
    return pack;
}

const RecordPack::FileRow& RecordPack::row(std::uint32_t index) const {
    static_assert(sizeof(FileRow) == 72 && alignof(FileRow) == 8);
    return *reinterpret_cast<const FileRow*>(rows_ + std::size_t{index} * sizeof(FileRow));
}

std::string_view RecordPack::path(std::uint32_t index) const {
    const FileRow& r = row(index);
    if (r.path_offset > paths_.size() || r.path_length > paths_.size() - r.path_offset) {
        return {};
    }
    return paths_.substr(r.path_offset, r.path_length);
}

FileStamp RecordPack::stamp(std::uint32_t index) const {
    const FileRow& r = row(index);
    return FileStamp{r.size, r.mtime_ns, r.ctime_ns, r.inode};
}

PackedType RecordPack::type(std::uint32_t index) const {
    return static_cast<PackedType>(row(index).type);
}

std::optional<std::uint32_t> RecordPack::find(std::string_view path, const FileStamp& stamp) const {
    if (base_ == nullptr) {
        return std::nullopt;
    }
    const std::size_t mask = slot_count_ - 1;
    // The table has more slots than rows, so an empty slot ends every probe; the bound
    // guards against a damaged table all the same.
    for (std::size_t at = path_hash(path) & mask, probes = 0; probes < slot_count_;
         at = (at + 1) & mask, ++probes) {
        const std::uint32_t slot = slots_[at];
        if (slot == 0 || slot > count_) {
            return std::nullopt;
        }
        const std::uint32_t index = slot - 1;
        if (this->path(index) == path) {
            if (this->stamp(index) == stamp && settled(stamp, written_at_)) {
                return index;
            }
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::string_view RecordPack::record_bytes(std::uint32_t index) const {
    const FileRow& r = row(index);
    if (r.record_offset > records_.size() || r.record_length > records_.size() - r.record_offset) {
        return {};
    }
    return records_.substr(r.record_offset, r.record_length);
}

std::optional<std::string_view> RecordPack::text(std::uint32_t index) const {
    std::call_once(*text_checked_, [this] { text_ok_ = checksum(texts_) == text_sum_; });
    const FileRow& r = row(index);
    if (!text_ok_ || r.text_offset > texts_.size() ||
        r.text_length > texts_.size() - r.text_offset) {
        return std::nullopt;
    }
    return texts_.substr(r.text_offset, r.text_length);
}

namespace {

// Fills in what every decoded record has: its path, and its text when asked for.
template <typename Record>
std::optional<Record> complete(std::optional<Record> record, std::string_view path,
                               std::optional<std::string_view> text, std::string Record::*field) {
    if (!record || path.empty()) {
        return std::nullopt;
    }
    record->path = path;
    if (field != nullptr) {
        if (!text) {
            return std::nullopt;
        }
        (*record).*field = *text;
    }
    return record;
}

} // namespace

std::optional<Person> RecordPack::person(std::uint32_t index, bool with_text) const {
    if (type(index) != PackedType::person) {
        return std::nullopt;
    }
    return complete(decode<Person>(record_bytes(index), get_person), path(index),
                    with_text ? text(index) : std::nullopt, with_text ? &Person::note : nullptr);
}

std::optional<Entry> RecordPack::entry(std::uint32_t index, bool with_text) const {
    if (type(index) != PackedType::entry) {
        return std::nullopt;
    }
    return complete(decode<Entry>(record_bytes(index), get_entry), path(index),
                    with_text ? text(index) : std::nullopt, with_text ? &Entry::body : nullptr);
}

std::optional<Meeting> RecordPack::meeting(std::uint32_t index, bool with_text) const {
    if (type(index) != PackedType::meeting) {
        return std::nullopt;
    }
    return complete(decode<Meeting>(record_bytes(index), get_meeting), path(index),
                    with_text ? text(index) : std::nullopt, with_text ? &Meeting::body : nullptr);
}

void seal_pack_for_tests(std::string& bytes) {
    Header h{};
    if (bytes.size() < sizeof h) {
        return;
    }
    std::memcpy(&h, bytes.data(), sizeof h);
    const std::uint64_t size = bytes.size();
    if (h.count <= size && h.slot_count <= size && h.paths_size <= size && h.records_size <= size &&
        h.texts_size <= size) {
        const std::uint64_t main = h.count * sizeof(RecordPack::FileRow) + h.slot_count * 4 +
                                   h.paths_size + h.records_size;
        if (sizeof h + main <= size) {
            h.main_sum = checksum(std::string_view(bytes).substr(sizeof h, main));
            h.text_sum = checksum(std::string_view(bytes).substr(sizeof h + main, h.texts_size));
        }
    }
    h.header_sum = checksum({reinterpret_cast<const char*>(&h), offsetof(Header, header_sum)});
    std::memcpy(bytes.data(), &h, sizeof h);
}

void PackWriter::add_row(std::string_view path, const FileStamp& stamp, PackedType type,
                         std::string_view record, std::string_view text) {
    rows_.push_back(Row{stamp, paths_.size(), static_cast<std::uint32_t>(path.size()), type,
                        records_.size(), static_cast<std::uint32_t>(record.size()), texts_.size(),
                        static_cast<std::uint32_t>(text.size())});
    paths_ += path;
    records_ += record;
    texts_ += text;
}

void PackWriter::add(std::string_view path, const FileStamp& stamp, const Person& person) {
    BinaryWriter w;
    put(w, person);
    add_row(path, stamp, PackedType::person, w.buffer(), person.note);
}

void PackWriter::add(std::string_view path, const FileStamp& stamp, const Entry& entry) {
    BinaryWriter w;
    put(w, entry);
    add_row(path, stamp, PackedType::entry, w.buffer(), entry.body);
}

void PackWriter::add(std::string_view path, const FileStamp& stamp, const Meeting& meeting) {
    BinaryWriter w;
    put(w, meeting);
    add_row(path, stamp, PackedType::meeting, w.buffer(), meeting.body);
}

bool PackWriter::copy(const RecordPack& from, std::uint32_t index) {
    const auto text = from.text(index);
    const std::string_view path = from.path(index);
    const std::string_view record = from.record_bytes(index);
    if (!text || path.empty() || record.empty()) {
        return false;
    }
    add_row(path, from.stamp(index), from.type(index), record, *text);
    return true;
}

void PackWriter::write(int cache_fd, const char* name, std::int64_t written_at) const {
    Header h{};
    std::memcpy(h.magic, magic, sizeof magic);
    h.version = version;
    h.header_size = sizeof h;
    h.row_size = sizeof(RecordPack::FileRow);
    h.model = model_fingerprint;
    h.written_at = written_at;
    h.count = rows_.size();
    h.slot_count = std::bit_ceil(std::max<std::uint64_t>(16, 2 * rows_.size()));
    h.paths_size = paths_.size();
    h.records_size = records_.size();
    h.texts_size = texts_.size();

    std::string bytes(sizeof h, '\0');
    bytes.reserve(sizeof h + rows_.size() * sizeof(RecordPack::FileRow) + h.slot_count * 4 +
                  paths_.size() + records_.size() + texts_.size());
    std::vector<std::uint32_t> slots(h.slot_count, 0);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const Row& row = rows_[i];
        RecordPack::FileRow out{};
        out.size = row.stamp.size;
        out.mtime_ns = row.stamp.mtime_ns;
        out.ctime_ns = row.stamp.ctime_ns;
        out.inode = row.stamp.inode;
        out.path_offset = row.path_offset;
        out.record_offset = row.record_offset;
        out.text_offset = row.text_offset;
        out.path_length = row.path_length;
        out.record_length = row.record_length;
        out.text_length = row.text_length;
        out.type = static_cast<std::uint8_t>(row.type);
        bytes.append(reinterpret_cast<const char*>(&out), sizeof out);
        const std::string_view path(paths_.data() + row.path_offset, row.path_length);
        std::size_t at = path_hash(path) & (h.slot_count - 1);
        while (slots[at] != 0) {
            at = (at + 1) & (h.slot_count - 1);
        }
        slots[at] = static_cast<std::uint32_t>(i + 1);
    }
    bytes.append(reinterpret_cast<const char*>(slots.data()), slots.size() * 4);
    bytes += paths_;
    bytes += records_;
    h.main_sum = checksum(std::string_view(bytes).substr(sizeof h));
    bytes += texts_;
    h.text_sum = checksum(texts_);
    h.header_sum = checksum({reinterpret_cast<const char*>(&h), offsetof(Header, header_sum)});
    std::memcpy(bytes.data(), &h, sizeof h);

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
