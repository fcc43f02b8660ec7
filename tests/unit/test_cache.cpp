#include "cache.hpp"
#include "model.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
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

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

constexpr std::int64_t second = 1'000'000'000;
// Files last changed long before the cache was written: trusted.
const spark::FileStamp settled{123, 10 * second, 11 * second, 42};
constexpr std::int64_t written_at = 100 * second;

// Writes one cache holding `add`'s records and reads it back.
template <typename Add>
spark::RecordCache round_trip(const TemporaryRoot& root, Add add) {
    spark::RecordCache cache;
    add(cache);
    const int folder = spark::open_cache_folder(root.fd(), true);
    REQUIRE(folder >= 0);
    cache.write(folder, "records", written_at);
    spark::RecordCache read = spark::RecordCache::read(folder, "records");
    ::close(folder);
    REQUIRE(read.usable());
    return read;
}

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
    const auto cache = round_trip(root, [&](spark::RecordCache& c) {
        for (const auto& p : people) {
            c.add(p.path, settled, p);
        }
    });
    for (const auto& p : people) {
        const auto back = cache.person(p.path, settled);
        REQUIRE(back);
        CHECK(*back == p);
        CHECK(back->path == p.path);
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
    const auto cache = round_trip(root, [&](spark::RecordCache& c) {
        for (const auto& e : entries) {
            c.add(e.path, settled, e);
        }
    });
    for (const auto& e : entries) {
        const auto back = cache.entry(e.path, settled);
        REQUIRE(back);
        CHECK(*back == e);
        CHECK(back->path == e.path);
        REQUIRE(back->people_pos.size() == 2);
        CHECK(back->people_pos[1].line == 4);
        CHECK(back->people_pos[1].column == 34);
    }
}

TEST_CASE("cache: every field of a meeting survives, for every setting") {
    TemporaryRoot root;
    std::vector<spark::Meeting> meetings;
    for (spark::Setting setting : spark::all_settings) {
        spark::Meeting m;
        m.id = "2026-11-29-" + std::string(spark::name_of(setting)) + "-m1n2";
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
    const auto cache = round_trip(root, [&](spark::RecordCache& c) {
        for (const auto& m : meetings) {
            c.add(m.path, settled, m);
        }
    });
    for (const auto& m : meetings) {
        const auto back = cache.meeting(m.path, settled);
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
    const auto cache = round_trip(root, [&](spark::RecordCache& c) {
        c.add(p.path, settled, p);
        c.add("people/racy.toml", racy, p);
    });
    CHECK(cache.person(p.path, settled));
    CHECK_FALSE(cache.person("people/racy.toml", racy));
    for (auto change : {&spark::FileStamp::mtime_ns, &spark::FileStamp::ctime_ns}) {
        spark::FileStamp other = settled;
        other.*change += 1;
        CHECK_FALSE(cache.person(p.path, other));
    }
    spark::FileStamp bigger = settled;
    bigger.size += 1;
    CHECK_FALSE(cache.person(p.path, bigger));
    spark::FileStamp replaced = settled;
    replaced.inode += 1;
    CHECK_FALSE(cache.person(p.path, replaced));
    CHECK_FALSE(cache.entry(p.path, settled)); // the wrong type is a miss, not garbage
}
