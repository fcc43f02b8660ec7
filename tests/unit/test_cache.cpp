#include "cache.hpp"
#include "model.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace {

// A workspace folder of its own, removed afterwards.
class TemporaryRoot {
  public:
    TemporaryRoot() {
        std::string pattern = (std::filesystem::temp_directory_path() / "spark-cache-XXXXXX");
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
        fd_ = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        REQUIRE(fd_ >= 0);
    }
    ~TemporaryRoot() {
        ::close(fd_);
        std::filesystem::remove_all(path_);
    }
    int fd() const { return fd_; }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

constexpr std::int64_t second = 1'000'000'000;
// Files last changed long before the cache was written: trusted.
const spark::FileStamp settled{123, 10 * second, 11 * second, 42};
constexpr std::int64_t written_at = 100 * second;

// Writes one pack holding `add`'s records and maps it back.
template <typename Add>
spark::RecordPack round_trip(const TemporaryRoot& root, Add add) {
    spark::PackWriter writer;
    add(writer);
    const int folder = spark::open_cache_folder(root.fd(), true);
    REQUIRE(folder >= 0);
    writer.write(folder, "pack", written_at);
    spark::RecordPack read = spark::RecordPack::open(folder, "pack");
    ::close(folder);
    REQUIRE(read.usable());
    return read;
}

// Looks a record up as the loader does: by path and stamp, then decoded.
struct Lookup {
    const spark::RecordPack& pack;
    bool with_text = true;
    std::optional<spark::Person> person(const std::string& path,
                                        const spark::FileStamp& stamp) const {
        auto row = pack.find(path, stamp);
        return row ? pack.person(*row, with_text) : std::nullopt;
    }
    std::optional<spark::Entry> entry(const std::string& path,
                                      const spark::FileStamp& stamp) const {
        auto row = pack.find(path, stamp);
        return row ? pack.entry(*row, with_text) : std::nullopt;
    }
    std::optional<spark::Meeting> meeting(const std::string& path,
                                          const spark::FileStamp& stamp) const {
        auto row = pack.find(path, stamp);
        return row ? pack.meeting(*row, with_text) : std::nullopt;
    }
};

spark::Person full_person(spark::Group group) {
    spark::Person p;
    p.id = "anna-de-vries-k3m9";
    p.name = "Anna de Vries";
    p.group = group;
    p.roles.assign(std::begin(spark::all_roles), std::end(spark::all_roles));
    p.department = "Wijkzaken";
    p.invited_by = "jan-jansen-a1b2";
    p.since = {2026, 2, 28};
    p.is_public = true;
    p.note = "meerdere\nregels \"met\" tekens 🔥";
    p.invited_by_pos = {7, 14};
    p.name_hashes = {"0123456789abcdef", "fedcba9876543210"};
    return p;
}

} // namespace

TEST_CASE("cache: every field of a person survives, for every group and without one") {
    TemporaryRoot root;
    std::vector<spark::Person> people;
    for (spark::Group group : spark::all_groups) {
        people.push_back(full_person(group));
    }
    spark::Person bare;
    bare.id = "zonder-groep-zz99";
    bare.name = "Zonder Groep";
    people.push_back(bare);
    for (std::size_t i = 0; i < people.size(); ++i) {
        people[i].path = "people/p" + std::to_string(i) + ".toml";
    }
    const auto pack = round_trip(root, [&](spark::PackWriter& c) {
        for (const auto& p : people) {
            c.add(p.path, settled, p);
        }
    });
    for (const auto& p : people) {
        const auto back = Lookup{pack}.person(p.path, settled);
        REQUIRE(back);
        CHECK(*back == p);
        CHECK(back->path == p.path);
        CHECK(back->name_hashes == p.name_hashes);
        CHECK(back->invited_by_pos.line == p.invited_by_pos.line);
        CHECK(back->invited_by_pos.column == p.invited_by_pos.column);
    }
}

TEST_CASE("cache: every field of an entry survives, for every kind") {
    TemporaryRoot root;
    std::vector<spark::Entry> entries;
    for (spark::Kind kind : spark::all_kinds) {
        spark::Entry e;
        e.id = "2026-11-29-" + std::string(spark::name_of(kind)) + "-x1y2";
        e.path = "log/2026/" + e.id + ".toml";
        e.date = {2026, 11, 29};
        e.kind = kind;
        e.title = "Titel met é en \"quotes\"";
        e.people = {"anna-de-vries-k3m9", "jan-jansen-a1b2"};
        e.people_pos = {{4, 12}, {4, 34}};
        e.tags = {"wijk", "koffie"};
        e.effect = "Het werkt";
        e.body = "Lange tekst\nmet regels";
        entries.push_back(e);
    }
    const auto pack = round_trip(root, [&](spark::PackWriter& c) {
        for (const auto& e : entries) {
            c.add(e.path, settled, e);
        }
    });
    for (const auto& e : entries) {
        const auto back = Lookup{pack}.entry(e.path, settled);
        REQUIRE(back);
        CHECK(*back == e);
        CHECK(back->path == e.path);
        REQUIRE(back->people_pos.size() == 2);
        CHECK(back->people_pos[1].line == 4);
        CHECK(back->people_pos[1].column == 34);
    }
}

TEST_CASE("cache: every field of a meeting survives, for every setting and for none") {
    TemporaryRoot root;
    std::vector<spark::Meeting> meetings;
    std::vector<std::optional<spark::Setting>> settings(spark::all_settings.begin(),
                                                        spark::all_settings.end());
    settings.push_back(std::nullopt); // not given: derived when read
    for (const auto& setting : settings) {
        spark::Meeting m;
        m.id =
            "2026-11-29-" + std::string(setting ? spark::name_of(*setting) : "derived") + "-m1n2";
        m.path = "meetings/2026/" + m.id + ".toml";
        m.date = {2026, 11, 29};
        m.title = "Buurtkamer";
        m.setting = setting;
        m.place = "Wijkcentrum";
        m.attendees = {"anna-de-vries-k3m9"};
        m.attendees_pos = {{5, 15}};
        m.questions = {"Wat nu?"};
        m.dilemmas = {"Wie betaalt?", "Mag dat?"};
        m.outcomes = {"Proef"};
        m.followups = {"Bellen"};
        m.body = "Verslag";
        meetings.push_back(m);
    }
    const auto pack = round_trip(root, [&](spark::PackWriter& c) {
        for (const auto& m : meetings) {
            c.add(m.path, settled, m);
        }
    });
    for (const auto& m : meetings) {
        const auto back = Lookup{pack}.meeting(m.path, settled);
        REQUIRE(back);
        CHECK(*back == m);
        CHECK(back->path == m.path);
        REQUIRE(back->attendees_pos.size() == 1);
        CHECK(back->attendees_pos[0].column == 15);
    }
}

TEST_CASE("cache: a record is trusted only with the same stamp, settled before the write") {
    TemporaryRoot root;
    spark::Person p = full_person(spark::Group::staff);
    p.path = "people/a.toml";
    spark::FileStamp racy = settled;
    racy.ctime_ns = written_at - second; // changed within the settle time of the write
    const auto pack = round_trip(root, [&](spark::PackWriter& c) {
        c.add(p.path, settled, p);
        c.add("people/racy.toml", racy, p);
    });
    CHECK(Lookup{pack}.person(p.path, settled));
    CHECK_FALSE(Lookup{pack}.person("people/racy.toml", racy));
    for (auto change : {&spark::FileStamp::mtime_ns, &spark::FileStamp::ctime_ns}) {
        spark::FileStamp other = settled;
        other.*change += 1;
        CHECK_FALSE(Lookup{pack}.person(p.path, other));
    }
    spark::FileStamp bigger = settled;
    bigger.size += 1;
    CHECK_FALSE(Lookup{pack}.person(p.path, bigger));
    spark::FileStamp replaced = settled;
    replaced.inode += 1;
    CHECK_FALSE(Lookup{pack}.person(p.path, replaced));
    CHECK_FALSE(Lookup{pack}.entry(p.path, settled)); // the wrong type is a miss, not garbage
}

TEST_CASE("cache: without texts asked for, bodies and notes stay in the pack") {
    TemporaryRoot root;
    spark::Person p = full_person(spark::Group::resident);
    p.path = "people/a.toml";
    spark::Entry e;
    e.id = "2026-11-29-x-abcd";
    e.path = "log/2026/2026-11-29-x-abcd.toml";
    e.date = {2026, 11, 29};
    e.title = "Titel";
    e.body = "Het hele verhaal";
    const auto pack = round_trip(root, [&](spark::PackWriter& c) {
        c.add(p.path, settled, p);
        c.add(e.path, settled, e);
    });
    const Lookup bare{pack, false};
    CHECK(bare.person(p.path, settled)->note.empty());
    CHECK(bare.entry(e.path, settled)->body.empty());
    CHECK(bare.entry(e.path, settled)->title == "Titel");
    CHECK(Lookup{pack}.entry(e.path, settled)->body == "Het hele verhaal");
}

namespace {

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

} // namespace

// The pack fuzzed by hand, exhaustively on a small one: every truncation, a bit flipped in
// every byte, another version, huge counts. Each damaged pack is refused (no crash), or
// answers exactly as the intact one; never a different record.
TEST_CASE("cache: a damaged pack is refused, never a different answer") {
    TemporaryRoot root;
    spark::Person p = full_person(spark::Group::council);
    p.path = "people/a.toml";
    spark::Entry e;
    e.id = "2026-11-29-x-abcd";
    e.path = "log/2026/2026-11-29-x-abcd.toml";
    e.date = {2026, 11, 29};
    e.kind = spark::Kind::match;
    e.title = "Titel";
    e.people = {"anna-de-vries-k3m9"};
    e.people_pos = {{3, 4}};
    e.body = "Het hele verhaal";
    spark::Meeting m;
    m.id = "2026-11-30-m-abcd";
    m.path = "meetings/2026/2026-11-30-m-abcd.toml";
    m.date = {2026, 11, 30};
    m.title = "Lunch";
    m.attendees = {"anna-de-vries-k3m9"};
    m.attendees_pos = {{5, 6}};
    m.body = "Verslag";
    round_trip(root, [&](spark::PackWriter& c) {
        c.add(p.path, settled, p);
        c.add(e.path, settled, e);
        c.add(m.path, settled, m);
    });
    const auto folder_path = std::filesystem::path(root.path()) / ".spark" / "cache";
    const std::string intact = read_bytes(folder_path / "pack");
    const int folder = spark::open_cache_folder(root.fd(), false);
    REQUIRE(folder >= 0);

    std::size_t refused = 0;
    std::size_t answered = 0;
    auto check = [&](const std::string& bytes) {
        write_bytes(folder_path / "damaged", bytes);
        const auto pack = spark::RecordPack::open(folder, "damaged");
        if (!pack.usable()) {
            ++refused;
            return;
        }
        ++answered;
        for (bool with_text : {false, true}) {
            const Lookup lookup{pack, with_text};
            if (auto back = lookup.person(p.path, settled)) {
                CHECK(*back == (with_text ? p : [&] {
                    auto bare = p;
                    bare.note.clear();
                    return bare;
                }()));
            }
            if (auto back = lookup.entry(e.path, settled)) {
                CHECK(back->title == e.title);
                CHECK(back->people == e.people);
                CHECK(back->body == (with_text ? e.body : ""));
            }
            if (auto back = lookup.meeting(m.path, settled)) {
                CHECK(back->attendees == m.attendees);
                CHECK(back->body == (with_text ? m.body : ""));
            }
        }
    };
    for (std::size_t length = 0; length < intact.size(); ++length) {
        check(intact.substr(0, length));
    }
    for (std::size_t at = 0; at < intact.size(); ++at) {
        for (int bit : {0, 7}) {
            std::string flipped = intact;
            flipped[at] = static_cast<char>(flipped[at] ^ (1 << bit));
            check(flipped);
        }
    }
    std::string other_version = intact;
    other_version[8] = static_cast<char>(other_version[8] + 1);
    check(other_version);
    std::string huge = intact;
    for (std::size_t at : {32u, 40u}) { // count, slot count
        std::memset(huge.data() + at, 0x7F, 8);
    }
    check(huge);
    check(intact + std::string(1 << 20, '\0'));
    ::close(folder);
    CHECK(refused > 0);
    INFO(refused << " refused, " << answered << " answered");
    // Flips in bodies and notes leave the rest of the pack usable: those must answer.
    CHECK(answered > 0);
}
