#include "error.hpp"
#include "fixtures.hpp"
#include "record_removal.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using fixtures::day;

namespace {

spark::Entry logged(std::string id, spark::Kind kind, std::string title,
                    std::vector<std::string> people = {}) {
    auto e = fixtures::entry(std::move(id), day(11, 1), kind, std::move(people));
    e.title = std::move(title);
    e.path = "log/2026/" + e.id + ".toml";
    return e;
}

spark::Records workspace() {
    spark::Records records;
    records.people = {fixtures::person("anna-k3m9", spark::Group::staff, day(1, 1)),
                      fixtures::person("bob-p7qr", spark::Group::resident, day(1, 1), "anna-k3m9"),
                      fixtures::person("cor-x2y3", std::nullopt, day(1, 1)),
                      fixtures::person("dirk-z9z9", std::nullopt, day(1, 1))};
    records.people[0].name = "Anna de Vries";
    records.people[1].name = "Bob Bakker";
    records.people[2].name = "Cor Claes";
    records.people[3].name = "Dirk Dekker";
    records.entries = {
        logged("2026-11-01-melding-ab12", spark::Kind::match, "Melding", {"anna-k3m9"}),
        logged("2026-11-01-buurtkamer-cd34", spark::Kind::action, "Buurtkamer open")};
    auto m = fixtures::meeting("2026-11-02-keukentafel-ef56", day(11, 2), {"bob-p7qr", "cor-x2y3"});
    m.title = "Keukentafel";
    m.path = "meetings/2026/" + m.id + ".toml";
    records.meetings = {m};
    return records;
}

} // namespace

TEST_CASE("records_naming finds entries, meetings and invitations that name a person") {
    const auto records = workspace();
    CHECK(
        spark::records_naming(records, "anna-k3m9") ==
        std::vector<std::string>{"log/2026/2026-11-01-melding-ab12.toml", "people/bob-p7qr.toml"});
    CHECK(spark::records_naming(records, "bob-p7qr") ==
          std::vector<std::string>{"meetings/2026/2026-11-02-keukentafel-ef56.toml"});
    CHECK(spark::records_naming(records, "dirk-z9z9").empty());
}

TEST_CASE("one record: its path goes, the subject names its kind and title") {
    const auto plan = spark::plan_removal(workspace(), {"melding"}, false);
    REQUIRE(plan.records.size() == 1);
    CHECK(plan.records[0].id == "2026-11-01-melding-ab12");
    CHECK(plan.edit.removals == std::vector<std::string>{"log/2026/2026-11-01-melding-ab12.toml"});
    CHECK(plan.edit.writes.empty());
    CHECK(plan.commit_subject == "rm(match): Melding");
    CHECK(spark::plan_removal(workspace(), {"keukentafel"}, false).commit_subject ==
          "rm(meeting): Keukentafel");
}

TEST_CASE("several records: one removal each, in the order asked, a repeat counted once") {
    const auto plan =
        spark::plan_removal(workspace(), {"ef56", "2026-11-01-melding-ab12", "melding"}, false);
    CHECK(plan.edit.removals ==
          std::vector<std::string>{"meetings/2026/2026-11-02-keukentafel-ef56.toml",
                                   "log/2026/2026-11-01-melding-ab12.toml"});
    CHECK(plan.commit_subject == "rm: 2 records");
}

TEST_CASE("an unknown id names the argument and says nothing was removed") {
    REQUIRE_THROWS_WITH(spark::plan_removal(workspace(), {"melding", "zzzz-nothing"}, false),
                        Contains("'zzzz-nothing'") && Contains("nothing was removed"));
    REQUIRE_THROWS_AS(spark::plan_removal(workspace(), {}, false), spark::UsageError);
}

TEST_CASE("a person is refused and pointed to merge and forget") {
    REQUIRE_THROWS_WITH(spark::plan_removal(workspace(), {"dirk"}, false),
                        Contains("'dirk' is a person (dirk-z9z9)") &&
                            Contains("spark people merge") && Contains("spark people forget") &&
                            Contains("--force"));
}

TEST_CASE("with force a person nobody names goes, one that is named stays") {
    const auto plan = spark::plan_removal(workspace(), {"dirk"}, true);
    CHECK(plan.edit.removals == std::vector<std::string>{"people/dirk-z9z9.toml"});
    CHECK(plan.commit_subject == "rm(person): Dirk Dekker");
    REQUIRE_THROWS_WITH(spark::plan_removal(workspace(), {"cor"}, true),
                        Contains("cannot remove cor-x2y3") && Contains("1 record refers") &&
                            Contains("meetings/2026/2026-11-02-keukentafel-ef56.toml"));
}

TEST_CASE("with force, what refers to a person does not count when it goes too") {
    const auto plan = spark::plan_removal(workspace(), {"cor", "keukentafel"}, true);
    CHECK(plan.records.size() == 2);
    REQUIRE_THROWS_WITH(spark::plan_removal(workspace(), {"bob"}, true), Contains("keukentafel"));
}

TEST_CASE("an exact id of a record an interrupted rm removed finishes the job") {
    auto records = workspace();
    records.entries.erase(records.entries.begin()); // melding: removed by a killed rm
    const std::vector<std::string> interrupted = {"log/2026/2026-11-01-melding-ab12.toml"};
    const auto plan = spark::plan_removal(records, {"2026-11-01-melding-ab12", "keukentafel"},
                                          false, interrupted);
    REQUIRE(plan.records.size() == 2);
    CHECK(plan.records[0].already_gone);
    CHECK(plan.records[0].type == "entry");
    CHECK(plan.edit.removals ==
          std::vector<std::string>{"meetings/2026/2026-11-02-keukentafel-ef56.toml"});
    CHECK(plan.paths == std::vector<std::string>{"log/2026/2026-11-01-melding-ab12.toml",
                                                 "meetings/2026/2026-11-02-keukentafel-ef56.toml"});
    CHECK(plan.commit_subject == "rm: 2 records");
    // Only the whole id: a prefix or words of the lost title find nothing.
    REQUIRE_THROWS_WITH(spark::plan_removal(records, {"melding"}, false, interrupted),
                        Contains("nothing was removed"));
}
