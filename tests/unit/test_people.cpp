#include "error.hpp"
#include "people.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

spark::Person person(std::string id, std::string name) {
    spark::Person p;
    p.path = "people/" + id + ".toml";
    p.id = std::move(id);
    p.name = std::move(name);
    p.since = spark::Date{2026, 1, 1};
    return p;
}

std::vector<spark::Person> sample_people() {
    return {
        person("anna-de-vries-k3m9", "Anna de Vries"),
        person("annemarie-jansen-q4r8", "Annemarie Jansen"),
        person("jose-alvarez-p2x7", "José Álvarez"),
        person("kees-van-dam-z9z9", "Kees van Dam"),
        person("jan-bakker-a1b2", "Jan Bakker"),
        person("jan-smit-c3d4", "Jan Smit"),
        person("ijsbrand-bos-h7h7", "Ĳsbrand Bos"),
    };
}

std::vector<std::string> ids_of(const std::vector<const spark::Person*>& people) {
    std::vector<std::string> ids;
    for (const auto* p : people) {
        ids.push_back(p->id);
    }
    return ids;
}

// The id lookup_person found, or "" when it did not find exactly one.
std::string found_id(const std::vector<spark::Person>& people, std::string_view query) {
    const auto result = spark::lookup_person(people, query);
    if (result.person == nullptr) {
        return "";
    }
    CHECK(result.candidates.empty());
    CHECK_FALSE(result.ambiguous());
    return result.person->id;
}

} // namespace

TEST_CASE("lookup_person by exact id", "[people]") {
    const auto people = sample_people();
    CHECK(found_id(people, "anna-de-vries-k3m9") == "anna-de-vries-k3m9");
    CHECK(found_id(people, "jose-alvarez-p2x7") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "JAN-SMIT-C3D4") == "jan-smit-c3d4");
    CHECK(found_id(people, "  jan-smit-c3d4 ") == "jan-smit-c3d4");
}

TEST_CASE("lookup_person by full name, ignoring case and accents", "[people]") {
    const auto people = sample_people();
    CHECK(found_id(people, "José Álvarez") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "jose alvarez") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "JOSE ALVAREZ") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "Jose\u0301 A\u0301lvarez") == "jose-alvarez-p2x7"); // decomposed
    CHECK(found_id(people, "  jose   alvarez ") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "anna de vries") == "anna-de-vries-k3m9");
    CHECK(found_id(people, "ijsbrand bos") == "ijsbrand-bos-h7h7");
    CHECK(found_id(people, "Ĳsbrand") == "ijsbrand-bos-h7h7");
}

TEST_CASE("lookup_person: a full name beats a longer name with the same start", "[people]") {
    std::vector<spark::Person> people{person("jan-bakker-a1b2", "Jan Bakker"),
                                      person("jan-x1y2", "Jan")};
    CHECK(found_id(people, "jan") == "jan-x1y2");
    CHECK(found_id(people, "Jan B") == "jan-bakker-a1b2");
}

TEST_CASE("lookup_person: an exact id beats a name prefix", "[people]") {
    std::vector<spark::Person> people{person("kees", "Kees de Boer"),
                                      person("kees-jansen-a1a1", "Kees Jansen")};
    CHECK(found_id(people, "kees") == "kees");
}

TEST_CASE("lookup_person by unique prefix of id or name", "[people]") {
    const auto people = sample_people();
    CHECK(found_id(people, "Jose") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "jos") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "José") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "anna") == "anna-de-vries-k3m9");
    CHECK(found_id(people, "anna-de") == "anna-de-vries-k3m9");
    CHECK(found_id(people, "Anna de V") == "anna-de-vries-k3m9");
    CHECK(found_id(people, "annem") == "annemarie-jansen-q4r8");
    CHECK(found_id(people, "jan-b") == "jan-bakker-a1b2");
    CHECK(found_id(people, "Jan S") == "jan-smit-c3d4");
}

TEST_CASE("lookup_person by prefix of a word of the name", "[people]") {
    const auto people = sample_people();
    CHECK(found_id(people, "alv") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "Álv") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "alvarez") == "jose-alvarez-p2x7");
    CHECK(found_id(people, "vries") == "anna-de-vries-k3m9");
    CHECK(found_id(people, "dam") == "kees-van-dam-z9z9");
    CHECK(found_id(people, "van dam") == "kees-van-dam-z9z9");
    CHECK(found_id(people, "bakker") == "jan-bakker-a1b2");
}

TEST_CASE("lookup_person: an ambiguous prefix returns the candidates", "[people]") {
    const auto people = sample_people();
    auto result = spark::lookup_person(people, "jan");
    CHECK(result.person == nullptr);
    CHECK(result.ambiguous());
    CHECK(ids_of(result.candidates) ==
          std::vector<std::string>{"jan-bakker-a1b2", "jan-smit-c3d4"});

    result = spark::lookup_person(people, "ann");
    CHECK(result.ambiguous());
    CHECK(ids_of(result.candidates) ==
          std::vector<std::string>{"anna-de-vries-k3m9", "annemarie-jansen-q4r8"});

    // Two people with the same full name.
    std::vector<spark::Person> twins{person("jan-smit-a1a1", "Jan Smit"),
                                     person("jan-smit-b2b2", "Jan Smit")};
    result = spark::lookup_person(twins, "jan smit");
    CHECK(result.ambiguous());
    CHECK(ids_of(result.candidates) == std::vector<std::string>{"jan-smit-a1a1", "jan-smit-b2b2"});
    // The id still tells them apart.
    CHECK(found_id(twins, "jan-smit-b2b2") == "jan-smit-b2b2");
}

TEST_CASE("lookup_person: unknown returns close spellings", "[people]") {
    const auto people = sample_people();
    auto result = spark::lookup_person(people, "jose alvares");
    CHECK(result.person == nullptr);
    CHECK_FALSE(result.ambiguous());
    CHECK(ids_of(result.candidates) == std::vector<std::string>{"jose-alvarez-p2x7"});

    result = spark::lookup_person(people, "Anna de Vris");
    CHECK(ids_of(result.candidates) == std::vector<std::string>{"anna-de-vries-k3m9"});

    result = spark::lookup_person(people, "zzzzzzzzzzzz");
    CHECK(result.person == nullptr);
    CHECK(result.candidates.empty());

    result = spark::lookup_person(people, "");
    CHECK(result.person == nullptr);
    CHECK(result.candidates.empty());

    result = spark::lookup_person({}, "anna");
    CHECK(result.person == nullptr);
    CHECK(result.candidates.empty());
}

TEST_CASE("resolve_person returns the one match", "[people]") {
    const auto people = sample_people();
    CHECK(spark::resolve_person(people, "alv").id == "jose-alvarez-p2x7");
    CHECK(spark::resolve_person(people, "Jose").id == "jose-alvarez-p2x7");
    CHECK(&spark::resolve_person(people, "kees") == &people[3]);
}

TEST_CASE("resolve_person lists the candidates when ambiguous", "[people]") {
    const auto people = sample_people();
    try {
        spark::resolve_person(people, "jan");
        FAIL("no exception");
    } catch (const spark::UsageError&) {
        FAIL("an ambiguous name is not a usage error");
    } catch (const spark::Error& e) {
        CHECK(e.exit_code() == 1);
        CHECK(std::string(e.what()) == "person 'jan' is ambiguous; candidates:\n"
                                       "  jan-bakker-a1b2 (Jan Bakker)\n"
                                       "  jan-smit-c3d4 (Jan Smit)");
    }
}

TEST_CASE("resolve_person suggests close spellings for unknown names", "[people]") {
    const auto people = sample_people();
    try {
        spark::resolve_person(people, "jose alvares");
        FAIL("no exception");
    } catch (const spark::Error& e) {
        CHECK(e.exit_code() == 1);
        CHECK(std::string(e.what()) == "unknown person 'jose alvares'; did you mean:\n"
                                       "  jose-alvarez-p2x7 (José Álvarez)");
    }
    try {
        spark::resolve_person(people, "Piet Puk");
        FAIL("no exception");
    } catch (const spark::Error& e) {
        CHECK(e.exit_code() == 1);
        CHECK(std::string(e.what()) ==
              "unknown person 'Piet Puk'; add them with: spark people add \"Piet Puk\"");
    }
}

TEST_CASE("resolve_person refuses an empty query as a usage error", "[people]") {
    const auto people = sample_people();
    for (const char* query : {"", "   ", "\t\n"}) {
        INFO("query: '" << query << "'");
        try {
            spark::resolve_person(people, query);
            FAIL("no exception");
        } catch (const spark::UsageError& e) {
            CHECK(e.exit_code() == 2);
            CHECK(std::string(e.what()) == "empty person name");
        }
    }
}

TEST_CASE("describe_candidates", "[people]") {
    const auto people = sample_people();
    CHECK(spark::describe_candidates({}) == "");
    CHECK(spark::describe_candidates({&people[2]}) == "\n  jose-alvarez-p2x7 (José Álvarez)");
}

TEST_CASE("PeopleIndex: a lookup costs a few binary searches, not a pass over everyone",
          "[people]") {
    // 3000 people "Person 0001 Tester" … with ids "person-0001-tester-x1y2" ….
    std::vector<spark::Person> people;
    for (int i = 0; i < 3000; ++i) {
        const std::string number = fmt::format("{:04}", i);
        people.push_back(
            person("person-" + number + "-tester-x1y2", "Person " + number + " Tester"));
    }
    const spark::PeopleIndex index(people);
    for (int i = 0; i < 3000; ++i) {
        const std::string number = fmt::format("{:04}", i);
        REQUIRE(index.lookup("person " + number + " tester").person == &people[i]);
        REQUIRE(index.lookup("PERSON-" + number + "-TESTER-X1Y2").person == &people[i]);
        REQUIRE(index.lookup("person " + number).person == &people[i]); // a prefix
    }
    // Each lookup tries at most four rules, each a binary search (~log2 of ~12 000 keys)
    // plus the keys that match. A pass over everyone would compare millions of keys.
    CHECK(index.comparisons() < 3 * 3000 * 4 * 20);
}
