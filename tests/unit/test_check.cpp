#include "check.hpp"
#include "error.hpp"
#include "records.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using spark::Date;

namespace {

spark::Person person(std::string id, std::string name, Date since = Date{2026, 1, 1},
                     std::string invited_by = "") {
    spark::Person p;
    p.path = "people/" + id + ".toml";
    p.id = std::move(id);
    p.name = std::move(name);
    p.since = since;
    p.group = spark::Group::staff;
    p.invited_by = std::move(invited_by);
    if (!p.invited_by.empty()) {
        p.invited_by_pos = {5, 14};
    }
    return p;
}

// Positions as the writer lays them out: people on line 4, one id after another.
std::vector<spark::SourcePos> positions(const std::vector<std::string>& ids, std::uint32_t line,
                                        std::uint32_t first_column) {
    std::vector<spark::SourcePos> out;
    std::uint32_t column = first_column;
    for (const auto& id : ids) {
        out.push_back({line, column});
        column += static_cast<std::uint32_t>(id.size()) + 4;
    }
    return out;
}

spark::Entry entry(std::string id, Date date, std::vector<std::string> people,
                   std::string folder = "") {
    spark::Entry e;
    e.path = "log/" + (folder.empty() ? std::to_string(date.year) : folder) + "/" + id + ".toml";
    e.id = std::move(id);
    e.date = date;
    e.kind = spark::Kind::action;
    e.title = "Iets gedaan";
    e.people_pos = positions(people, 4, 11);
    e.people = std::move(people);
    return e;
}

spark::Meeting meeting(std::string id, Date date, std::vector<std::string> attendees,
                       std::string folder = "") {
    spark::Meeting m;
    m.path =
        "meetings/" + (folder.empty() ? std::to_string(date.year) : folder) + "/" + id + ".toml";
    m.id = std::move(id);
    m.date = date;
    m.title = "Koffie";
    m.attendees_pos = positions(attendees, 5, 14);
    m.attendees = std::move(attendees);
    return m;
}

// A small, consistent workspace.
spark::Records clean_records() {
    spark::Records r;
    r.people = {
        person("anna", "Anna de Vries", Date{2026, 1, 1}),
        person("kees", "Kees van Dam", Date{2026, 1, 10}, "anna"),
        person("jose", "José Álvarez", Date{2026, 1, 20}, "kees"),
    };
    r.entries = {
        entry("2026-01-05-start-aaaa", Date{2026, 1, 5}, {"anna"}),
        entry("2026-01-15-buurtkamer-bbbb", Date{2026, 1, 15}, {"anna", "kees"}),
    };
    r.meetings = {
        meeting("2026-01-20-koffie-cccc", Date{2026, 1, 20}, {"anna", "kees", "jose"}),
    };
    return r;
}

std::vector<std::string> formatted(const std::vector<spark::Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(spark::format_diagnostic(d));
    }
    return out;
}

std::vector<std::string> check(const spark::Records& records) {
    return formatted(spark::check_records(records));
}

} // namespace

TEST_CASE("a clean set of records gives no diagnostics", "[check]") {
    CHECK(check(clean_records()).empty());
    CHECK(check(spark::Records{}).empty());
}

TEST_CASE("check: unknown person in an entry, at its position", "[check]") {
    auto r = clean_records();
    r.entries.push_back(entry("2026-02-01-x-dddd", Date{2026, 2, 1}, {"anna", "nobody"}));
    const auto diagnostics = spark::check_records(r);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == spark::Severity::error);
    CHECK(spark::format_diagnostic(diagnostics[0]) ==
          "log/2026/2026-02-01-x-dddd.toml:4:19: error: unknown person 'nobody' in 'people'");
    CHECK(spark::has_errors(diagnostics));
}

TEST_CASE("check: references to a person whose file is broken are not unknown", "[check]") {
    auto r = clean_records();
    // kees's file failed to parse: it is missing from people, and has its own error.
    r.people.erase(r.people.begin() + 1);
    r.diagnostics.push_back({"people/kees.toml", {2, 9}, spark::Severity::error, "unknown group"});
    CHECK(check(r).empty());
    r.diagnostics.clear();
    // Without the broken file, kees really is unknown.
    CHECK(check(r) ==
          std::vector<std::string>{
              "people/jose.toml:5:14: error: 'invited_by' names unknown person 'kees'",
              "log/2026/2026-01-15-buurtkamer-bbbb.toml:4:19: error: unknown person 'kees' in "
              "'people'",
              "meetings/2026/2026-01-20-koffie-cccc.toml:5:22: error: unknown person 'kees' in "
              "'attendees'"});
}

TEST_CASE("check: unknown attendee in a meeting", "[check]") {
    auto r = clean_records();
    r.meetings.push_back(meeting("2026-02-02-m-eeee", Date{2026, 2, 2}, {"ghost", "anna"}));
    CHECK(check(r) == std::vector<std::string>{
                          "meetings/2026/2026-02-02-m-eeee.toml:5:14: error: unknown person "
                          "'ghost' in 'attendees'"});
}

TEST_CASE("check: invited_by naming nobody", "[check]") {
    auto r = clean_records();
    r.people.push_back(person("piet", "Piet Puk", Date{2026, 1, 1}, "ghost"));
    CHECK(check(r) ==
          std::vector<std::string>{
              "people/piet.toml:5:14: error: 'invited_by' names unknown person 'ghost'"});
}

TEST_CASE("check: invited_by cycles", "[check]") {
    SECTION("two people") {
        spark::Records r;
        r.people = {person("a", "A", Date{2026, 1, 1}, "b"),
                    person("b", "B", Date{2026, 1, 1}, "a")};
        const auto diagnostics = spark::check_records(r);
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].severity == spark::Severity::error);
        CHECK(spark::format_diagnostic(diagnostics[0]) ==
              "people/a.toml:5:14: error: 'invited_by' forms a cycle: a -> b -> a");
    }
    SECTION("three people, with someone invited into the cycle") {
        spark::Records r;
        r.people = {
            person("d", "D", Date{2026, 1, 1}, "a"), person("a", "A", Date{2026, 1, 1}, "b"),
            person("b", "B", Date{2026, 1, 1}, "c"), person("c", "C", Date{2026, 1, 1}, "a")};
        const auto messages = check(r);
        REQUIRE(messages.size() == 1);
        CHECK(messages[0] == "people/a.toml:5:14: error: 'invited_by' forms a cycle: "
                             "a -> b -> c -> a");
    }
    SECTION("someone inviting themselves") {
        spark::Records r;
        r.people = {person("a", "A", Date{2026, 1, 1}, "a")};
        CHECK(check(r) == std::vector<std::string>{
                              "people/a.toml:5:14: error: 'invited_by' forms a cycle: a -> a"});
    }
    SECTION("two separate cycles are both reported") {
        spark::Records r;
        r.people = {
            person("a", "A", Date{2026, 1, 1}, "b"), person("b", "B", Date{2026, 1, 1}, "a"),
            person("x", "X", Date{2026, 1, 1}, "y"), person("y", "Y", Date{2026, 1, 1}, "z"),
            person("z", "Z", Date{2026, 1, 1}, "x")};
        const auto messages = check(r);
        REQUIRE(messages.size() == 2);
        CHECK_THAT(messages[0], Catch::Contains("a -> b -> a"));
        CHECK_THAT(messages[1], Catch::Contains("x -> y -> z -> x"));
    }
    SECTION("a long chain is not a cycle") {
        spark::Records r;
        r.people.push_back(person("p0", "P0"));
        for (int i = 1; i < 500; ++i) {
            r.people.push_back(person("p" + std::to_string(i), "P" + std::to_string(i),
                                      Date{2026, 1, 1}, "p" + std::to_string(i - 1)));
        }
        CHECK(check(r).empty());
    }
}

TEST_CASE("check: duplicate ids across folders", "[check]") {
    auto r = clean_records();
    // A meeting with the id of an entry.
    spark::Meeting m = meeting("2026-01-15-buurtkamer-bbbb", Date{2026, 1, 15}, {"anna"});
    r.meetings.push_back(m);
    const auto diagnostics = spark::check_records(r);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == spark::Severity::error);
    CHECK(spark::format_diagnostic(diagnostics[0]) ==
          "meetings/2026/2026-01-15-buurtkamer-bbbb.toml: error: duplicate id "
          "'2026-01-15-buurtkamer-bbbb' (also log/2026/2026-01-15-buurtkamer-bbbb.toml)");
}

TEST_CASE("check: duplicate person ids", "[check]") {
    auto r = clean_records();
    auto twin = person("anna", "Anna Jansen");
    twin.path = "people/sub/anna.toml";
    r.people.push_back(twin);
    const auto messages = check(r);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0] ==
          "people/sub/anna.toml: error: duplicate id 'anna' (also people/anna.toml)");
}

TEST_CASE("check: ids that differ only in case are a warning", "[check]") {
    auto r = clean_records();
    auto upper = person("Anna", "Anna Bakker");
    r.people.push_back(upper);
    // Composed and decomposed é are one name on macOS too.
    auto composed = person("jos\u00e9", "Jo Een");
    auto decomposed = person("JOSE\u0301", "Jo Twee");
    r.people.push_back(composed);
    r.people.push_back(decomposed);
    // The same id in two year folders is two files: no clash there.
    spark::Entry other_year = entry("2027-01-15-Buurtkamer-bbbb", Date{2027, 1, 15}, {"anna"});
    r.entries.push_back(other_year);
    const auto messages = check(r);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] == "people/anna.toml: warning: 'anna' and 'Anna' (people/Anna.toml) differ "
                         "only in case; on macOS and Windows they are one file, so a clone "
                         "there loses one: rename one of them");
    CHECK(messages[1].starts_with("people/jos\u00e9.toml: warning: 'jos\u00e9' and "
                                  "'JOSE\u0301' (people/JOSE\u0301.toml) differ only in case"));
}

TEST_CASE("check: a meeting without attendees is a warning", "[check]") {
    auto r = clean_records();
    r.meetings.push_back(meeting("2026-02-03-leeg-ffff", Date{2026, 2, 3}, {}));
    const auto diagnostics = spark::check_records(r);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == spark::Severity::warning);
    CHECK_FALSE(spark::has_errors(diagnostics));
    CHECK(spark::format_diagnostic(diagnostics[0]) ==
          "meetings/2026/2026-02-03-leeg-ffff.toml: warning: meeting has no attendees; add them "
          "so the report can count who came");
}

TEST_CASE("check: a person appearing before their 'since' is a warning", "[check]") {
    auto r = clean_records();
    // kees joined on 2026-01-10.
    r.entries.push_back(entry("2026-01-08-vroeg-gggg", Date{2026, 1, 8}, {"anna", "kees"}));
    r.meetings.push_back(meeting("2026-01-09-vroeg-hhhh", Date{2026, 1, 9}, {"kees"}));
    const auto diagnostics = spark::check_records(r);
    CHECK_FALSE(spark::has_errors(diagnostics));
    CHECK(formatted(diagnostics) ==
          std::vector<std::string>{
              "log/2026/2026-01-08-vroeg-gggg.toml:4:19: warning: 'kees' takes part on "
              "2026-01-08 but joined ('since') on 2026-01-10",
              "meetings/2026/2026-01-09-vroeg-hhhh.toml:5:14: warning: 'kees' takes part on "
              "2026-01-09 but joined ('since') on 2026-01-10"});

    // On the day itself is fine.
    auto same_day = clean_records();
    same_day.entries.push_back(entry("2026-01-10-dag-iiii", Date{2026, 1, 10}, {"kees"}));
    CHECK(check(same_day).empty());
}

TEST_CASE("check: a record before a person without 'since' is no warning", "[check]") {
    auto r = clean_records();
    r.people[1].since = Date{}; // kees: registered, joined with his first record
    r.entries.push_back(entry("2025-12-01-vroeg-gggg", Date{2025, 12, 1}, {"kees"}));
    CHECK(check(r).empty());
}

TEST_CASE("check: a person without a group is a warning with the command to fix it", "[check]") {
    auto r = clean_records();
    r.people[2].group.reset();
    const auto diagnostics = spark::check_records(r);
    CHECK_FALSE(spark::has_errors(diagnostics));
    CHECK(formatted(diagnostics) ==
          std::vector<std::string>{
              "people/jose.toml:1:1: warning: 'jose' has no group, so the report cannot count "
              "where the fire reached; run 'spark people set jose --group GROUP' (staff, "
              "teamlead, director, executive, council, resident, initiator, partner)"});

    // A forgotten person's stand-in is left alone: there is nobody to ask.
    auto forgotten = clean_records();
    forgotten.people[2].id = "forgotten-0123456789ab";
    forgotten.people[2].path = "people/forgotten-0123456789ab.toml";
    forgotten.people[2].group.reset();
    forgotten.meetings.clear();
    CHECK(check(forgotten).empty());
}

TEST_CASE("check: two people with the same name is a warning", "[check]") {
    auto r = clean_records();
    r.people.push_back(person("jose-2", "Jose Alvarez", Date{2026, 1, 20}));
    const auto diagnostics = spark::check_records(r);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == spark::Severity::warning);
    CHECK(spark::format_diagnostic(diagnostics[0]) ==
          "people/jose-2.toml:1:1: warning: 'jose-2' has the same name as 'jose'; if they are "
          "one person, run 'spark people merge jose jose-2'");
}

TEST_CASE("check: a record in the wrong year folder is a warning", "[check]") {
    auto r = clean_records();
    r.entries.push_back(entry("2025-12-31-oud-jjjj", Date{2025, 12, 31}, {}, "2026"));
    r.meetings.push_back(meeting("2026-03-01-m-kkkk", Date{2026, 3, 1}, {"anna"}, "2025"));
    const auto diagnostics = spark::check_records(r);
    CHECK_FALSE(spark::has_errors(diagnostics));
    CHECK(formatted(diagnostics) ==
          std::vector<std::string>{
              "log/2026/2025-12-31-oud-jjjj.toml:1:1: warning: dated 2025-12-31 but stored in "
              "another year's folder",
              "meetings/2025/2026-03-01-m-kkkk.toml:1:1: warning: dated 2026-03-01 but stored "
              "in another year's folder"});
}

TEST_CASE("check: an id that does not start with the date is a warning", "[check]") {
    auto r = clean_records();
    auto e = entry("2026-01-05-start-llll", Date{2026, 1, 6}, {"anna"});
    r.entries.push_back(e);
    CHECK(check(r) == std::vector<std::string>{
                          "log/2026/2026-01-05-start-llll.toml:1:1: warning: the id does not "
                          "start with the record's date 2026-01-06; was the date edited by "
                          "hand?"});
}

TEST_CASE("check: a person listed twice is a warning", "[check]") {
    auto r = clean_records();
    r.entries.push_back(entry("2026-02-01-dubbel-mmmm", Date{2026, 2, 1}, {"anna", "anna"}));
    CHECK(check(r) ==
          std::vector<std::string>{"log/2026/2026-02-01-dubbel-mmmm.toml:4:19: warning: 'anna' "
                                   "is listed twice in 'people'"});
}

TEST_CASE("check reports every problem at once", "[check]") {
    auto r = clean_records();
    r.people.push_back(person("piet", "Piet", Date{2026, 1, 1}, "ghost"));
    r.entries.push_back(entry("2026-02-01-x-nnnn", Date{2026, 2, 1}, {"nobody"}));
    r.meetings.push_back(meeting("2026-02-02-m-oooo", Date{2026, 2, 2}, {}));
    const auto diagnostics = spark::check_records(r);
    CHECK(diagnostics.size() == 3);
    CHECK(spark::has_errors(diagnostics));
}
