#include "error.hpp"
#include "people_set.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

spark::Person person(std::string id, std::string name, std::string invited_by = "") {
    spark::Person p;
    p.id = std::move(id);
    p.path = "people/" + p.id + ".toml";
    p.name = std::move(name);
    p.invited_by = std::move(invited_by);
    return p;
}

const spark::Date today{2026, 3, 1};

std::vector<spark::Person> three() {
    return {person("anna-a1", "Anna de Vries"), person("bert-b2", "Bert Bos", "anna-a1"),
            person("cor-c3", "Cor Claes", "bert-b2")};
}

} // namespace

TEST_CASE("people set changes only the fields given, words in either language") {
    auto people = three();
    spark::PersonChanges changes;
    changes.group = "wethouder";
    changes.add_roles = {"pook", "critic"};
    changes.since = "15-01-2026";
    auto set = spark::plan_person_set(people, people[2], changes, today);
    REQUIRE(set.after.group == spark::Group::executive);
    REQUIRE(set.after.roles == std::vector{spark::Role::poker, spark::Role::critic});
    REQUIRE(set.after.since == spark::Date{2026, 1, 15});
    REQUIRE(set.after.name == "Cor Claes");
    REQUIRE(set.after.invited_by == "bert-b2");
    REQUIRE(set.after.id == "cor-c3");
    REQUIRE(set.changes.size() == 3);
    CHECK(set.changes[0].field == "group");
    CHECK(set.changes[0].before == "(none)");
    CHECK(set.changes[0].after == "executive");
    CHECK(set.changes[1].after == "poker, critic");

    spark::PersonChanges remove;
    remove.remove_roles = {"poker"};
    auto removed = spark::plan_person_set(people, set.after, remove, today);
    REQUIRE(removed.after.roles == std::vector{spark::Role::critic});
}

TEST_CASE("people set: --name changes the name, never the id; empty clears") {
    auto people = three();
    spark::PersonChanges changes;
    changes.name = "Bert van Bos";
    changes.invited_by = "";
    auto set = spark::plan_person_set(people, people[1], changes, today);
    CHECK(set.after.id == "bert-b2");
    CHECK(set.after.name == "Bert van Bos");
    CHECK(set.after.invited_by.empty());
}

TEST_CASE("people set: the same values change nothing") {
    auto people = three();
    spark::PersonChanges changes;
    changes.invited_by = "Bert";
    auto set = spark::plan_person_set(people, people[2], changes, today);
    CHECK(set.changes.empty());
}

TEST_CASE("people set refuses cycles, self-invitation and unclear requests") {
    auto people = three();
    spark::PersonChanges cycle;
    cycle.invited_by = "cor";
    REQUIRE_THROWS_WITH(spark::plan_person_set(people, people[0], cycle, today),
                        "'invited_by' would form a cycle: anna-a1 -> cor-c3 -> bert-b2 -> "
                        "anna-a1; nothing was changed");
    spark::PersonChanges self;
    self.invited_by = "anna";
    REQUIRE_THROWS_WITH(spark::plan_person_set(people, people[0], self, today),
                        "anna-a1 cannot have invited themselves; nothing was changed");
    CHECK(spark::invitation_cycle(people, "cor-c3", "anna-a1").empty());

    spark::PersonChanges none;
    REQUIRE_THROWS_AS(spark::plan_person_set(people, people[0], none, today), spark::UsageError);
    spark::PersonChanges both;
    both.roles = std::vector<std::string>{"spark"};
    both.add_roles = {"poker"};
    REQUIRE_THROWS_AS(spark::plan_person_set(people, people[0], both, today), spark::UsageError);
    spark::PersonChanges group;
    group.group = "wizard";
    REQUIRE_THROWS_WITH(spark::plan_person_set(people, people[0], group, today),
                        Catch::Contains("unknown group 'wizard'"));
    spark::PersonChanges date;
    date.since = "31-02-2026";
    REQUIRE_THROWS_AS(spark::plan_person_set(people, people[0], date, today), spark::UsageError);
}
