#include "timeline.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using spark::Date;
using spark::Kind;

namespace {

spark::Records sample() {
    spark::Records r;
    auto add_entry = [&](std::string id, Date date, Kind kind, std::vector<std::string> people,
                         std::vector<std::string> tags) {
        spark::Entry e;
        e.id = std::move(id);
        e.date = date;
        e.kind = kind;
        e.people = std::move(people);
        e.tags = std::move(tags);
        r.entries.push_back(std::move(e));
    };
    add_entry("2026-03-02-b", Date{2026, 3, 2}, Kind::match, {"anna"}, {"wijk"});
    add_entry("2026-03-01-z", Date{2026, 3, 1}, Kind::spark, {"anna", "bert"}, {});
    add_entry("2026-04-01-c", Date{2026, 4, 1}, Kind::action, {"bert"}, {"wijk"});
    spark::Meeting m;
    m.id = "2026-03-02-a";
    m.date = Date{2026, 3, 2};
    m.attendees = {"bert"};
    r.meetings.push_back(m);
    return r;
}

std::vector<std::string> ids(const std::vector<spark::TimelineItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        out.push_back(std::string(item.kind_name()) + " " + item.id());
    }
    return out;
}

} // namespace

TEST_CASE("timeline: entries and meetings by date, ties by id") {
    const auto r = sample();
    CHECK(ids(spark::timeline(r, {})) ==
          std::vector<std::string>{"spark 2026-03-01-z", "meeting 2026-03-02-a",
                                   "match 2026-03-02-b", "action 2026-04-01-c"});
}

TEST_CASE("timeline: every filter given must hold") {
    const auto r = sample();
    spark::TimelineFilter f;
    f.since = Date{2026, 3, 2};
    f.until = Date{2026, 3, 2}; // both ends included
    CHECK(ids(spark::timeline(r, f)) ==
          std::vector<std::string>{"meeting 2026-03-02-a", "match 2026-03-02-b"});

    f = {};
    f.person = "bert";
    CHECK(ids(spark::timeline(r, f)) == std::vector<std::string>{"spark 2026-03-01-z",
                                                                 "meeting 2026-03-02-a",
                                                                 "action 2026-04-01-c"});
    f.kinds = {Kind::action, Kind::spark};
    f.include_meetings = false;
    CHECK(ids(spark::timeline(r, f)) ==
          std::vector<std::string>{"spark 2026-03-01-z", "action 2026-04-01-c"});

    // Meetings have no tags: a tag filter keeps entries only.
    f = {};
    f.tag = "wijk";
    CHECK(ids(spark::timeline(r, f)) ==
          std::vector<std::string>{"match 2026-03-02-b", "action 2026-04-01-c"});

    f = {};
    f.include_entries = false;
    CHECK(ids(spark::timeline(r, f)) == std::vector<std::string>{"meeting 2026-03-02-a"});
    f.person = "nobody";
    CHECK(spark::timeline(r, f).empty());
}
