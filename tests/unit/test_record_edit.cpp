#include "error.hpp"
#include "record_edit.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

const spark::Date today{2026, 3, 1};

spark::Person person(std::string id, std::string name) {
    spark::Person p;
    p.id = std::move(id);
    p.path = "people/" + p.id + ".toml";
    p.name = std::move(name);
    return p;
}

std::vector<spark::Person> people() {
    return {person("anna-a1", "Anna de Vries"), person("bert-b2", "Bert Bos"),
            person("cor-c3", "Cor Claes")};
}

spark::Entry entry() {
    spark::Entry e;
    e.id = "2026-02-26-koffie-k3m9";
    e.path = "log/2026/2026-02-26-koffie-k3m9.toml";
    e.date = {2026, 2, 26};
    e.kind = spark::Kind::fuel;
    e.title = "Koffie";
    e.people = {"anna-a1", "bert-b2"};
    e.tags = {"buurt"};
    return e;
}

spark::Meeting meeting() {
    spark::Meeting m;
    m.id = "2026-02-20-buurttafel-x2y3";
    m.path = "meetings/2026/2026-02-20-buurttafel-x2y3.toml";
    m.date = {2026, 2, 20};
    m.title = "Buurttafel";
    m.attendees = {"anna-a1"};
    m.questions = {"Wie beheert de sleutel?"};
    return m;
}

} // namespace

TEST_CASE("fixes change only the fields given, in the words log and meet accept") {
    spark::RecordFixes fixes;
    fixes.title = "Koffie met het kernteam";
    fixes.kind = "lucifer";
    fixes.effect = "3 dagen in plaats van 6 weken";
    fixes.add_people = {"Cor"};
    fixes.remove_people = {"bert"};
    fixes.add_tags = {"wijk", "buurt"};
    auto fixed = spark::apply_fixes(entry(), people(), fixes, today);
    CHECK(fixed.after.title == "Koffie met het kernteam");
    CHECK(fixed.after.kind == spark::Kind::match);
    CHECK(fixed.after.people == std::vector<std::string>{"anna-a1", "cor-c3"});
    CHECK(fixed.after.tags == std::vector<std::string>{"buurt", "wijk"});
    CHECK(fixed.after.effect == "3 dagen in plaats van 6 weken");
    CHECK(fixed.after.date == spark::Date{2026, 2, 26});
    CHECK(fixed.after.id == entry().id);
    CHECK(fixed.after.path == entry().path);
    REQUIRE(fixed.changes.size() == 5);
    CHECK(fixed.changes[0].field == "kind");
    CHECK(fixed.changes[0].before == "fuel");
    CHECK(fixed.changes[0].after == "match");
    CHECK(fixed.changes[1].field == "title");
    CHECK(fixed.changes[2].field == "people");
    CHECK(fixed.changes[2].before == "anna-a1, bert-b2");
    CHECK(fixed.changes[2].after == "anna-a1, cor-c3");
    CHECK(fixed.changes[3].field == "tags");
    CHECK(fixed.changes[4].field == "effect");
    CHECK(fixed.changes[4].before == "(none)");
}

TEST_CASE("a new date renames the record: same slug and suffix, its year's folder") {
    spark::RecordFixes fixes;
    fixes.date = "30-12-2025";
    auto fixed = spark::apply_fixes(entry(), people(), fixes, today);
    CHECK(fixed.after.date == spark::Date{2025, 12, 30});
    CHECK(fixed.after.id == "2025-12-30-koffie-k3m9");
    CHECK(fixed.after.path == "log/2025/2025-12-30-koffie-k3m9.toml");
    REQUIRE(fixed.changes.size() == 1);
    CHECK(fixed.changes[0].before == "2026-02-26");
    CHECK(fixed.changes[0].after == "2025-12-30");

    fixes.date = "gisteren";
    auto again = spark::apply_fixes(meeting(), people(), fixes, today);
    CHECK(again.after.path == "meetings/2026/2026-02-28-buurttafel-x2y3.toml");
}

TEST_CASE("name_for_date keeps everything after the date, and dates an id without one") {
    auto name = spark::name_for_date("log/2026/2026-01-02-a-b-c-zz99.toml", "2026-01-02-a-b-c-zz99",
                                     {2024, 2, 29});
    CHECK(name.id == "2024-02-29-a-b-c-zz99");
    CHECK(name.path == "log/2024/2024-02-29-a-b-c-zz99.toml");
    auto undated = spark::name_for_date("meetings/2026/by-hand.toml", "by-hand", {2026, 5, 1});
    CHECK(undated.id == "2026-05-01-by-hand");
    CHECK(undated.path == "meetings/2026/2026-05-01-by-hand.toml");
}

TEST_CASE("a record already named by its date keeps its name") {
    spark::Entry e = entry();
    CHECK(spark::named_by_date(e).path == e.path);
    e.date = {2026, 3, 1}; // a date changed by hand: the name follows
    CHECK(spark::named_by_date(e).id == "2026-03-01-koffie-k3m9");
}

TEST_CASE("meeting fixes add what came up and change attendees") {
    spark::RecordFixes fixes;
    fixes.add_people = {"bert"};
    fixes.add_questions = {"Mag het?", "Wie beheert de sleutel?"};
    fixes.add_dilemmas = {"Regels of ruimte?"};
    fixes.add_outcomes = {"Proef in maart"};
    fixes.add_followups = {"Sleutel regelen"};
    fixes.place = "De Kwekerij";
    fixes.setting = "gemengd";
    auto fixed = spark::apply_fixes(meeting(), people(), fixes, today);
    CHECK(fixed.after.attendees == std::vector<std::string>{"anna-a1", "bert-b2"});
    CHECK(fixed.after.questions == std::vector<std::string>{"Wie beheert de sleutel?", "Mag het?"});
    CHECK(fixed.after.dilemmas == std::vector<std::string>{"Regels of ruimte?"});
    CHECK(fixed.after.outcomes == std::vector<std::string>{"Proef in maart"});
    CHECK(fixed.after.followups == std::vector<std::string>{"Sleutel regelen"});
    CHECK(fixed.after.place == "De Kwekerij");
    CHECK(fixed.after.setting == spark::Setting::mixed);

    spark::RecordFixes clear;
    clear.place = "";
    CHECK(spark::apply_fixes(fixed.after, people(), clear, today).after.place.empty());
}

TEST_CASE("a fix that does not fit is refused, naming the option") {
    auto refused = [](const spark::RecordFixes& fixes, const char* fragment, bool usage) {
        try {
            if (fixes.place || !fixes.add_questions.empty()) {
                spark::apply_fixes(entry(), people(), fixes, today);
            } else {
                spark::apply_fixes(meeting(), people(), fixes, today);
            }
            FAIL("not refused");
        } catch (const spark::UsageError& e) {
            CHECK(usage);
            CHECK_THAT(e.what(), Catch::Matchers::Contains(fragment));
        } catch (const spark::Error& e) {
            CHECK_FALSE(usage);
            CHECK_THAT(e.what(), Catch::Matchers::Contains(fragment));
        }
    };
    spark::RecordFixes f;
    f.kind = "lucifer";
    refused(f, "--kind applies to entries; '2026-02-20-buurttafel-x2y3' is a meeting", true);
    f = {};
    f.place = "Stadhuis";
    refused(f, "--place applies to meetings", true);
    f = {};
    f.add_tags = {"x"};
    refused(f, "--tag applies to entries", true);
    f = {};
    f.date = "31-02-2026";
    refused(f, "--date", true);
    f = {};
    f.title = " ";
    refused(f, "--title", true);
    f = {};
    f.setting = "outside";
    refused(f, "unknown setting 'outside'", true);
    f = {};
    f.remove_people = {"bert"};
    refused(f, "--remove-with 'bert': bert-b2 is not in the meeting's 'attendees'", false);
    f = {};
    f.add_people = {"nobody"};
    refused(f, "nobody", false);

    spark::RecordFixes untag;
    untag.remove_tags = {"wijk"};
    CHECK_THROWS_WITH(spark::apply_fixes(entry(), people(), untag, today),
                      Catch::Matchers::Contains("--untag 'wijk': the entry has no such tag"));
    spark::RecordFixes kind;
    kind.kind = "meeting";
    CHECK_THROWS_AS(spark::apply_fixes(entry(), people(), kind, today), spark::UsageError);
}

TEST_CASE("removing a person the record names but people/ no longer has works by id") {
    spark::Entry e = entry();
    e.people.push_back("gone-g9");
    spark::RecordFixes fixes;
    fixes.remove_people = {"gone-g9"};
    CHECK(spark::apply_fixes(e, people(), fixes, today).after.people == entry().people);
}

TEST_CASE("read_edited reads the editor's text as the record, or gives the parse problems") {
    const spark::Entry before = entry();
    auto good = spark::read_edited("date = 2026-01-05\nkind = \"fuel\"\ntitle = \"Koffie\"\n"
                                   "people = [\"anna-a1\"]\n",
                                   before);
    REQUIRE(good.record);
    CHECK(good.problems.empty());
    CHECK(good.record->id == "2026-01-05-koffie-k3m9");
    CHECK(good.record->path == "log/2026/2026-01-05-koffie-k3m9.toml");

    auto bad = spark::read_edited("date = 2026-01-05\nkind = \"fuel\"\ntitle = \"Koffie\n", before);
    CHECK_FALSE(bad.record);
    REQUIRE_FALSE(bad.problems.empty());
    CHECK(bad.problems[0].path == before.path);
    CHECK(bad.problems[0].pos.line == 3);
}

TEST_CASE("problems_of_edit names what the change breaks, not what was broken already") {
    spark::Records records;
    records.people = people();
    spark::Entry e = entry();
    e.people.push_back("gone-g9"); // already unknown: not the edit's fault
    records.entries = {e};

    spark::Entry retitled = e;
    retitled.title = "Anders";
    CHECK(spark::problems_of_edit(records, e, retitled).empty());

    spark::Entry broken = e;
    broken.people.push_back("nobody-n0");
    auto problems = spark::problems_of_edit(records, e, broken);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == spark::Severity::error);
    CHECK(problems[0].message == "unknown person 'nobody-n0' in 'people'");

    spark::Entry moved = spark::named_by_date([&] {
        spark::Entry m = e;
        m.date = {2025, 6, 1};
        return m;
    }());
    CHECK(spark::problems_of_edit(records, e, moved).empty());

    spark::Entry duplicate = e;
    duplicate.id = "2026-02-01-x-aaaa";
    duplicate.path = "log/2026/2026-02-01-x-aaaa.toml";
    records.entries.push_back(duplicate);
    spark::Entry clash = spark::named_by_date([&] {
        spark::Entry m = e;
        m.date = {2026, 2, 1};
        m.id = "2026-02-26-x-aaaa";
        return m;
    }());
    CHECK(spark::has_errors(spark::problems_of_edit(records, e, clash)));
}

TEST_CASE("a person's edit that closes an invitation cycle is a problem") {
    spark::Records records;
    records.people = people();
    records.people[1].invited_by = "anna-a1";
    spark::Person anna = records.people[0];
    anna.invited_by = "bert-b2";
    CHECK(spark::has_errors(spark::problems_of_edit(records, records.people[0], anna)));
}

TEST_CASE("with_date_replaced changes the date line only, keeping everything else") {
    const std::string text = "# by hand\n"
                             "date   = 2026-02-26  # a thursday\n"
                             "kind = \"fuel\"\n"
                             "title = \"date = 2026-02-26\"\n";
    auto replaced = spark::with_date_replaced(text, {2026, 2, 26}, {2025, 12, 30});
    REQUIRE(replaced);
    CHECK(*replaced == "# by hand\n"
                       "date   = 2025-12-30  # a thursday\n"
                       "kind = \"fuel\"\n"
                       "title = \"date = 2026-02-26\"\n");
    CHECK_FALSE(spark::with_date_replaced(text, {2026, 2, 27}, {2025, 12, 30}));
    CHECK_FALSE(spark::with_date_replaced("dates = 2026-02-26\n", {2026, 2, 26}, {2026, 1, 1}));
    CHECK_FALSE(spark::with_date_replaced("[x]\ndate = 2026-02-26\n", {2026, 2, 26}, {2026, 1, 1}));
}

TEST_CASE("broken_record_file finds a record file that does not read, by id, path or prefix") {
    spark::Records records;
    records.entries = {entry()};
    const std::string broken = "log/2026/2026-02-27-thee-t4t4.toml";
    records.diagnostics = {
        {broken, {3, 9}, spark::Severity::error, "unterminated string"},
        {broken, {4, 1}, spark::Severity::error, "unknown key 'x'"},
        {"log/2026/.x.toml.tmp-abc", {}, spark::Severity::warning, "leftover temporary file"},
        {"people/p-1.toml", {1, 1}, spark::Severity::error, "bad"}};
    auto found = spark::broken_record_file(records, "2026-02-27-thee-t4t4", true);
    REQUIRE(found);
    CHECK(found->type == spark::RecordType::entry);
    CHECK(found->path == broken);
    CHECK(found->id == "2026-02-27-thee-t4t4");
    CHECK(found->problems.size() == 2);
    CHECK(spark::broken_record_file(records, broken, true));
    CHECK_FALSE(spark::broken_record_file(records, "2026-02-27", true));
    CHECK(spark::broken_record_file(records, "2026-02-27", false));
    CHECK(spark::broken_record_file(records, "p-1", true)->type == spark::RecordType::person);
    CHECK_FALSE(spark::broken_record_file(records, "", false)); // every file: not one
    CHECK_FALSE(spark::broken_record_file(records, entry().id, false));
}
