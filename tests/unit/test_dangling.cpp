#include "dangling.hpp"
#include "people_edit.hpp"

#include <catch2/catch.hpp>
#include <map>

namespace {

spark::Person person(const std::string& id) {
    spark::Person p;
    p.id = id;
    p.path = "people/" + id + ".toml";
    p.name = id;
    return p;
}

spark::Entry entry(const std::string& id, std::vector<std::string> people) {
    spark::Entry e;
    e.id = id;
    e.path = "log/2026/" + id + ".toml";
    e.people = std::move(people);
    return e;
}

spark::RemovalLookup history(std::map<std::string, spark::Removal> removals) {
    return [removals](const std::string& id) -> std::optional<spark::Removal> {
        auto found = removals.find(id);
        if (found == removals.end()) {
            return std::nullopt;
        }
        return found->second;
    };
}

} // namespace

TEST_CASE("dangling_people: the repair of each person named but gone", "[dangling]") {
    spark::Records r;
    r.people = {person("anna"), person(spark::pseudonym_id("karim")), person("kees")};
    r.people.back().invited_by = "bob"; // merged into anna, by way of bram
    r.entries = {entry("2026-01-01-a-aaaa", {"anna", "karim", "bob"}),
                 entry("2026-01-02-b-bbbb", {"bob", "wim", "zoe", "broken"})};
    r.diagnostics.push_back({"people/broken.toml", {1, 1}, spark::Severity::error, "bad"});
    const auto removals = history({
        {"bob", {"1111111", "people: merge bob into bram"}},
        {"bram", {"2222222", "people: merge bram into anna"}},
        {"wim", {"3333333", "weg ermee"}},
    });
    const auto gone = spark::dangling_people(r, removals);
    REQUIRE(gone.size() == 4); // bob, karim, wim, zoe; not the broken record
    using Repair = spark::DanglingPerson::Repair;
    CHECK(gone[0].id == "bob");
    CHECK(gone[0].references == 3);
    CHECK(gone[0].repair == Repair::merged);
    CHECK(gone[0].target == "anna");
    CHECK(gone[0].commit == "1111111");
    CHECK(gone[1].id == "karim");
    CHECK(gone[1].repair == Repair::forgotten);
    CHECK(gone[1].target == spark::pseudonym_id("karim"));
    CHECK(gone[2].id == "wim");
    CHECK(gone[2].repair == Repair::restore);
    CHECK_FALSE(gone[2].safe());
    CHECK(gone[3].id == "zoe");
    CHECK(gone[3].repair == Repair::none);

    const auto advice = spark::dangling_advice(gone[2]);
    CHECK(advice.path == "log/2026/2026-01-02-b-bbbb.toml"); // at its first reference
    CHECK(advice.severity == spark::Severity::warning);
    CHECK(advice.message.find("git checkout 3333333^ -- people/wim.toml") != std::string::npos);
    CHECK(spark::dangling_advice(gone[0]).message.find("'spark check --fix' names 'anna'") !=
          std::string::npos);
}

TEST_CASE("dangling_people: a subject that only looks like a merge is no merge", "[dangling]") {
    spark::Records r;
    r.people = {person("anna")};
    r.entries = {entry("2026-01-01-a-aaaa", {"bob"})};
    const auto gone = spark::dangling_people(
        r, history({{"bob", {"1111111", "people: merge bob into anna and more"}}}));
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].repair == spark::DanglingPerson::Repair::restore);
}

TEST_CASE("plan_dangling_repair rewrites every reference and removes nothing", "[dangling]") {
    spark::Records r;
    r.people = {person("anna")};
    r.entries = {entry("2026-01-01-a-aaaa", {"bob", "anna"})};
    spark::DanglingPerson bob;
    bob.id = "bob";
    bob.repair = spark::DanglingPerson::Repair::merged;
    bob.target = "anna";
    const spark::FileSource source = [](const std::string&) {
        return std::string("date = 2026-01-01\nkind = \"action\"\ntitle = \"Samen\"\n"
                           "people = [\"bob\", \"anna\"]\ntags = []\n");
    };
    r.entries[0].title = "Samen";
    r.entries[0].date = spark::Date{2026, 1, 1};
    const auto plan = spark::plan_dangling_repair(r, bob, source);
    CHECK(plan.edit.removals.empty());
    REQUIRE(plan.edit.writes.size() == 1);
    CHECK(plan.edit.writes[0].bytes.find("people = [\"anna\"]") != std::string::npos);
    bob.repair = spark::DanglingPerson::Repair::restore;
    CHECK_THROWS_AS(spark::plan_dangling_repair(r, bob, source), spark::Error);
}
