#include "error.hpp"
#include "followup_done.hpp"
#include "followups.hpp"
#include "record_writer.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using spark::Date;

namespace {

spark::Meeting meeting(std::vector<std::string> followups,
                       std::vector<spark::FollowupDone> done = {}) {
    spark::Meeting m;
    m.id = "2026-03-01-keukentafel-k3m9";
    m.date = {2026, 3, 1};
    m.title = "Keukentafel";
    m.followups = std::move(followups);
    m.followups_done = std::move(done);
    return m;
}

std::vector<int> numbers(const std::vector<spark::Followup>& followups) {
    std::vector<int> out;
    for (const auto& f : followups) {
        out.push_back(f.number);
    }
    return out;
}

std::string error_of(const spark::Meeting& m, std::vector<std::string> which, bool reopen = false,
                     Date date = {2026, 3, 5}) {
    try {
        spark::plan_followups_done(m, which, date, reopen);
    } catch (const spark::Error& e) {
        return e.what();
    }
    return "(no error)";
}

const std::vector<std::string> three{"Anna belt de jurist", "Karim zoekt buren",
                                     "Anna belt de wethouder"};

} // namespace

TEST_CASE("follow-ups are numbered from 1 and done when followups_done names them") {
    auto m = meeting(three, {{"Karim zoekt buren", {2026, 3, 4}}});
    auto all = spark::numbered_followups(m);
    REQUIRE(numbers(all) == std::vector{1, 2, 3});
    CHECK_FALSE(all[0].done);
    CHECK(all[1].done == Date{2026, 3, 4});
    CHECK(numbers(spark::open_followups(m)) == std::vector{1, 3});
    CHECK(spark::open_followups(meeting({})).empty());
}

TEST_CASE("a text that occurs twice: the first done item belongs to the first") {
    auto m = meeting({"Bellen", "Mailen", "Bellen"}, {{"Bellen", {2026, 3, 2}}});
    CHECK(numbers(spark::open_followups(m)) == std::vector{2, 3});
    m.followups_done.push_back({"Bellen", {2026, 3, 3}});
    CHECK(numbers(spark::open_followups(m)) == std::vector{2});
    CHECK(spark::unmatched_done(m.followups, m.followups_done).empty());
    m.followups_done.push_back({"Bellen", {2026, 3, 4}});
    m.followups_done.push_back({"Faxen", {2026, 3, 4}});
    CHECK(spark::unmatched_done(m.followups, m.followups_done) == std::vector<std::size_t>{2, 3});
}

TEST_CASE("two follow-ups with one text are refused: the file could not tell which is done") {
    auto m = meeting({"Bellen", "Mailen", "Bellen"});
    CHECK(error_of(m, {"3"}) ==
          "follow-up 3 of '2026-03-01-keukentafel-k3m9' has the same text as another one: "
          "Bellen; nothing was changed: make the texts differ first (spark edit "
          "2026-03-01-keukentafel-k3m9)");
    CHECK(error_of(m, {"1"}).starts_with("follow-up 1 of"));
    CHECK(error_of(m, {"2"}) == "(no error)");
}

TEST_CASE("follow-ups are picked by number or by words of their text") {
    auto m = meeting(three);
    CHECK(numbers(spark::pick_followups(m, {"3", "1"})) == std::vector{1, 3});
    CHECK(numbers(spark::pick_followups(m, {"BUREN"})) == std::vector{2});
    CHECK(numbers(spark::pick_followups(m, {"anna jurist"})) == std::vector{1});
    // Naming one twice is naming it once.
    CHECK(numbers(spark::pick_followups(m, {"2", "karim"})) == std::vector{2});
}

TEST_CASE("marking done keeps followups_done in the order of the follow-ups") {
    auto m = meeting(three, {{"Anna belt de wethouder", {2026, 3, 2}}});
    auto marked = spark::plan_followups_done(m, {"1"}, {2026, 3, 5}, false);
    CHECK(numbers(marked.changed) == std::vector{1});
    CHECK(marked.after.followups == m.followups);
    CHECK(marked.after.followups_done ==
          std::vector<spark::FollowupDone>{{"Anna belt de jurist", {2026, 3, 5}},
                                           {"Anna belt de wethouder", {2026, 3, 2}}});
    auto reopened = spark::plan_followups_done(marked.after, {"wethouder"}, {}, true);
    CHECK(reopened.after.followups_done ==
          std::vector<spark::FollowupDone>{{"Anna belt de jurist", {2026, 3, 5}}});
    // The meeting's own day is fine.
    CHECK_NOTHROW(spark::plan_followups_done(m, {"2"}, {2026, 3, 1}, false));
}

TEST_CASE("a wrong follow-up is refused with what there is to choose from") {
    auto m = meeting(three, {{"Karim zoekt buren", {2026, 3, 4}}});
    CHECK(error_of(m, {"4"}) == "there is no follow-up 4 of '2026-03-01-keukentafel-k3m9'; it "
                                "has 3 (1-3):\n  1. Anna belt de jurist\n  2. Karim zoekt buren "
                                "(done 2026-03-04)\n  3. Anna belt de wethouder");
    CHECK(error_of(m, {"0"}).starts_with("there is no follow-up 0 of"));
    CHECK(error_of(m, {"99999999999999999999"}).starts_with("there is no follow-up 9999"));
    CHECK(
        error_of(meeting({"Bellen"}), {"2"})
            .starts_with("there is no follow-up 2 of '2026-03-01-keukentafel-k3m9'; it has one:"));
    CHECK(error_of(m, {"anna"}) ==
          "'anna' fits 2 follow-ups of '2026-03-01-keukentafel-k3m9'; name one by number:\n  1. "
          "Anna belt de jurist\n  3. Anna belt de wethouder");
    CHECK(error_of(m, {"burgemeester"})
              .starts_with("no follow-up of '2026-03-01-keukentafel-k3m9' has the words "
                           "'burgemeester'; name it by "
                           "number:\n  1. "));
    CHECK(error_of(m, {"2"}) == "follow-up 2 of '2026-03-01-keukentafel-k3m9' is already done "
                                "(2026-03-04): Karim zoekt buren; nothing was changed (--reopen "
                                "opens it again)");
    CHECK(error_of(m, {"1"}, true) == "follow-up 1 of '2026-03-01-keukentafel-k3m9' is still "
                                      "open: Anna belt de jurist; nothing was changed");
    CHECK(error_of(meeting({}), {"1"}) ==
          "'2026-03-01-keukentafel-k3m9' has no follow-ups; nothing was changed");
    // One bad argument among good ones refuses them all.
    CHECK(error_of(m, {"1", "4"}).starts_with("there is no follow-up 4"));
}

TEST_CASE("usage: no follow-up named, or a date before the meeting") {
    auto m = meeting(three);
    CHECK_THROWS_AS(spark::plan_followups_done(m, {}, {2026, 3, 5}, false), spark::UsageError);
    CHECK_THROWS_WITH(spark::plan_followups_done(m, {"1"}, {2026, 2, 28}, false),
                      "--date 2026-02-28 is before the meeting itself (2026-03-01); nothing was "
                      "changed");
}

TEST_CASE("done follow-ups go into a hand-formatted file without touching the rest") {
    auto before = meeting({"Bellen", "Mailen"});
    before.path = "meetings/2026/m.toml";
    const std::string hand = "date = 2026-03-01 # de dag zelf\ntitle = \"Keukentafel\"\n"
                             "followups = [\"Bellen\", \"Mailen\"]";
    auto after = spark::plan_followups_done(before, {"2"}, {2026, 3, 2}, false).after;
    const std::string block = "followups_done = [\n    { followup = \"Mailen\", date = "
                              "2026-03-02 },\n]\n";
    CHECK(spark::with_followups_done(hand, before, after) == hand + "\n" + block);
    // The block spark wrote is replaced where it stands, and goes when none is done.
    auto again = spark::plan_followups_done(after, {"1"}, {2026, 3, 3}, false).after;
    const auto twice = spark::with_followups_done(hand + "\n" + block, after, again);
    REQUIRE(twice);
    CHECK(twice->starts_with(hand + "\nfollowups_done = [\n    { followup = \"Bellen\""));
    CHECK(spark::with_followups_done(hand + "\n" + block + "# eind\n", after, before) ==
          hand + "\n# eind\n");
    // A block laid out by hand, or a file in spark's own layout: written anew instead.
    CHECK_FALSE(spark::with_followups_done(hand + "\nfollowups_done = [{followup=\"Mailen\", "
                                                  "date=2026-03-02}]\n",
                                           after, again));
    CHECK_FALSE(spark::with_followups_done(spark::emit_meeting(before), before, after));
}
