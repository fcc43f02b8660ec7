#include "involvement.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using spark::Date;

namespace {

spark::Person person(std::string id, Date since = {}) {
    spark::Person p;
    p.id = std::move(id);
    p.name = p.id;
    p.since = since;
    return p;
}

spark::Entry entry(std::string id, Date date, std::vector<std::string> people) {
    spark::Entry e;
    e.id = std::move(id);
    e.date = date;
    e.people = std::move(people);
    return e;
}

spark::Meeting meeting(std::string id, Date date, std::vector<std::string> attendees) {
    spark::Meeting m;
    m.id = std::move(id);
    m.date = date;
    m.attendees = std::move(attendees);
    return m;
}

} // namespace

TEST_CASE("first involvement is the earliest record, or since when that is earlier") {
    spark::Records r;
    r.people = {person("anna"), person("bert", Date{2026, 1, 1}), person("cees", Date{2026, 5, 1}),
                person("dora")};
    r.entries = {entry("2026-03-01-a", Date{2026, 3, 1}, {"anna", "bert"}),
                 entry("2026-02-01-b", Date{2026, 2, 1}, {"anna", "cees"})};
    r.meetings = {meeting("2026-01-15-m", Date{2026, 1, 15}, {"bert"})};
    const auto inv = spark::first_involvement(r);
    REQUIRE(inv.size() == 4);
    // No since: the first record, wherever it is in the list.
    CHECK(inv.at("anna").first == Date{2026, 2, 1});
    CHECK_FALSE(inv.at("anna").before_since);
    // A since before every record wins.
    CHECK(inv.at("bert").first == Date{2026, 1, 1});
    CHECK(inv.at("bert").first_meeting.empty()); // joined before the meeting
    // A record before the since: the record counts, and it is marked.
    CHECK(inv.at("cees").first == Date{2026, 2, 1});
    CHECK(inv.at("cees").before_since);
    // Registered, no since, no record: never involved.
    CHECK_FALSE(inv.at("dora").first.valid());
}

TEST_CASE("newcomers are the attendees whose first day is this meeting, the first one by id") {
    spark::Records r;
    r.people = {person("anna"), person("bert"), person("cees", Date{2026, 4, 1})};
    r.entries = {entry("2026-03-01-e", Date{2026, 3, 1}, {"bert"})};
    // Two meetings on one day, sorted by id as the loader gives them.
    r.meetings = {meeting("2026-04-01-a", Date{2026, 4, 1}, {"anna", "cees"}),
                  meeting("2026-04-01-b", Date{2026, 4, 1}, {"cees", "anna", "bert"}),
                  meeting("2026-05-01-c", Date{2026, 5, 1}, {"anna", "bert"})};
    const auto inv = spark::first_involvement(r);
    CHECK(inv.at("anna").first_meeting == "2026-04-01-a");
    CHECK(inv.at("cees").first_meeting == "2026-04-01-a"); // since on that day: still new there
    CHECK(inv.at("bert").first_meeting.empty());           // came with an entry first
    CHECK(spark::newcomers(r.meetings[0], inv) == std::vector<std::string>{"anna", "cees"});
    CHECK(spark::newcomers(r.meetings[1], inv).empty());
    CHECK(spark::newcomers(r.meetings[2], inv).empty());
}

TEST_CASE("an attendee without a person record is no newcomer") {
    spark::Records r;
    r.meetings = {meeting("2026-04-01-a", Date{2026, 4, 1}, {"ghost"})};
    const auto inv = spark::first_involvement(r);
    CHECK(inv.empty());
    CHECK(spark::newcomers(r.meetings[0], inv).empty());
}
