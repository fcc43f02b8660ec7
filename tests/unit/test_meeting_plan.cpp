#include "error.hpp"
#include "meeting_plan.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

spark::Person person(std::string id, std::string name, std::optional<spark::Group> group) {
    spark::Person p;
    p.path = "people/" + id + ".toml";
    p.id = std::move(id);
    p.name = std::move(name);
    p.group = group;
    return p;
}

const std::vector<spark::Person> people = {
    person("anna-de-vries-k3m9", "Anna de Vries", spark::Group::staff),
    person("karim-el-idrissi-p2x7", "Karim El Idrissi", spark::Group::initiator),
    person("jan-bakker-a1b2", "Jan Bakker", std::nullopt),
    person("jan-smit-c3d4", "Jan Smit", spark::Group::staff),
};

spark::Meeting meeting_on(spark::Date date) {
    spark::Meeting m;
    m.title = "Buurttafel";
    m.date = date;
    return m;
}

// As the loader gives them.
std::vector<spark::Person> by_id(std::vector<spark::Person> list) {
    std::sort(list.begin(), list.end(),
              [](const spark::Person& a, const spark::Person& b) { return a.id < b.id; });
    return list;
}

std::vector<std::string> names_of(const std::vector<spark::Person>& new_people) {
    std::vector<std::string> names;
    for (const auto& p : new_people) {
        names.push_back(p.name);
    }
    return names;
}

} // namespace

TEST_CASE("plan_meeting resolves every name once, in the order given") {
    const auto plan = spark::plan_meeting(
        people, meeting_on({2026, 3, 1}),
        {{"karim", "Anna de Vries", "anna-de-vries-k3m9", "jan s", "KARIM EL IDRISSI"},
         false,
         std::nullopt});
    CHECK(plan.meeting.attendees ==
          std::vector<std::string>{"karim-el-idrissi-p2x7", "anna-de-vries-k3m9", "jan-smit-c3d4"});
    CHECK(plan.new_people.empty());
    CHECK_FALSE(plan.meeting.setting); // not given: none stored
    CHECK(spark::setting_of(plan.meeting, by_id(people)) == spark::Setting::mixed);
}

TEST_CASE("plan_meeting stores the setting only when it is given") {
    const auto plan = spark::plan_meeting(people, meeting_on({2026, 3, 1}),
                                          {{"anna"}, false, spark::Setting::external});
    CHECK(plan.meeting.setting == spark::Setting::external);
    CHECK(spark::setting_of(plan.meeting, by_id(people)) == spark::Setting::external);
}

TEST_CASE("setting_of: the given setting, or the attendees' groups as they are now") {
    auto meeting = meeting_on({2026, 3, 1});
    meeting.attendees = {"jan-bakker-a1b2", "karim-el-idrissi-p2x7"};
    const auto sorted = by_id(people);
    CHECK(spark::setting_of(meeting, sorted) == spark::Setting::external); // Jan has no group
    auto later = sorted;
    REQUIRE(later[1].id == "jan-bakker-a1b2");
    later[1].group = spark::Group::director; // Jan Bakker gets a group afterwards
    CHECK(spark::setting_of(meeting, later) == spark::Setting::mixed);
    meeting.attendees.push_back("gone-zzzz"); // unknown: no group
    CHECK(spark::setting_of(meeting, later) == spark::Setting::mixed);
    meeting.setting = spark::Setting::internal; // given: it stays
    CHECK(spark::setting_of(meeting, later) == spark::Setting::internal);
    CHECK(spark::setting_of(meeting_on({2026, 3, 1}), sorted) == spark::Setting::internal);
}

TEST_CASE("plan_meeting with --new adds each unknown name once, with no since of its own") {
    const auto plan = spark::plan_meeting(
        people, meeting_on({2026, 2, 14}),
        {{"anna", "Zeno Zomer", "zeno  ZOMER", "Wieteke Wolters", "Zeno Zomer"}, true, {}});
    CHECK(plan.meeting.attendees == std::vector<std::string>{"anna-de-vries-k3m9"});
    CHECK(names_of(plan.new_people) == std::vector<std::string>{"Zeno Zomer", "Wieteke Wolters"});
    CHECK_FALSE(plan.new_people[0].since.valid()); // the meeting is their first record
    CHECK_FALSE(plan.new_people[0].group);
    CHECK(plan.new_people[0].invited_by.empty());
    CHECK(spark::setting_of(plan.meeting, by_id(people)) == spark::Setting::internal);
}

TEST_CASE("plan_meeting gives the people --new adds the group and inviter asked for") {
    spark::AttendeeOptions options{{"anna", "Zeno Zomer", "karim"}, true, {}};
    options.new_group = spark::Group::resident;
    options.new_invited_by = "anna-de-vries-k3m9";
    const auto plan = spark::plan_meeting(people, meeting_on({2026, 2, 14}), options);
    REQUIRE(plan.new_people.size() == 1);
    CHECK(plan.new_people[0].group == spark::Group::resident);
    CHECK(plan.new_people[0].invited_by == "anna-de-vries-k3m9");
    CHECK(people[1].group == spark::Group::initiator); // Karim, already known, is not changed
}

TEST_CASE("plan_meeting refuses unknown, near-miss and ambiguous names") {
    const auto meeting = meeting_on({2026, 3, 1});
    CHECK_THROWS_WITH(spark::plan_meeting(people, meeting, {{"anna", "Zeno"}, false, {}}),
                      "unknown person 'Zeno'; nothing was saved\n"
                      "  (use --new to add 'Zeno' as a new person)");
    CHECK_THROWS_WITH(spark::plan_meeting(people, meeting, {{"Karim El Idrisi"}, true, {}}),
                      "unknown person 'Karim El Idrisi' is close to someone already known; "
                      "nothing was saved; did you mean:\n"
                      "  karim-el-idrissi-p2x7 (Karim El Idrissi)\n"
                      "  (if 'Karim El Idrisi' really is someone else, add them first with: "
                      "spark people add \"Karim El Idrisi\")");
    CHECK_THROWS_WITH(spark::plan_meeting(people, meeting, {{"jan"}, true, {}}),
                      "person 'jan' is ambiguous; candidates:\n"
                      "  jan-bakker-a1b2 (Jan Bakker)\n"
                      "  jan-smit-c3d4 (Jan Smit)");
}

TEST_CASE("plan_meeting with thousands of names") {
    std::vector<spark::Person> many;
    std::vector<std::string> with;
    for (int i = 0; i < 4000; ++i) {
        const std::string number = fmt::format("{:04}", i);
        many.push_back(person("gast-" + number + "-x1y2", "Gast " + number, std::nullopt));
        with.push_back("gast-" + number + "-x1y2");
        with.push_back("Gast " + number); // the same person again, by name
    }
    for (int i = 0; i < 4000; ++i) {
        with.push_back(fmt::format("Nieuw {:04}", i));
        with.push_back(fmt::format("nieuw  {:04}", i)); // the same new name, spelled apart
    }
    const auto plan = spark::plan_meeting({}, meeting_on({2026, 3, 1}),
                                          {{with.begin() + 8000, with.end()}, true, {}});
    CHECK(plan.new_people.size() == 4000);
    const auto known = spark::plan_meeting(many, meeting_on({2026, 3, 1}),
                                           {{with.begin(), with.begin() + 8000}, false, {}});
    CHECK(known.meeting.attendees.size() == 4000);
    CHECK(known.meeting.attendees.back() == "gast-3999-x1y2");
}

TEST_CASE("same_title_same_day: the same title once folded, on the same day only") {
    auto first = meeting_on({2026, 2, 10});
    first.title = "Buurttafel Oost";
    first.id = "2026-02-10-buurttafel-oost-aaaa";
    auto next_day = first;
    next_day.date = {2026, 2, 11};
    next_day.id = "2026-02-11-buurttafel-oost-bbbb";
    auto other_title = first;
    other_title.title = "Buurttafel West";
    other_title.id = "2026-02-10-buurttafel-west-cccc";
    const std::vector<spark::Meeting> meetings{first, next_day, other_title};

    auto again = meeting_on({2026, 2, 10});
    again.title = "  buurttafel   OOST ";
    const auto found = spark::same_title_same_day(meetings, again);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->id == "2026-02-10-buurttafel-oost-aaaa");
    again.title = "Buurttafel Noord";
    CHECK(spark::same_title_same_day(meetings, again).empty());
}
