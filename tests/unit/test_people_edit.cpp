#include "check.hpp"
#include "error.hpp"
#include "people_edit.hpp"
#include "record_reader.hpp"
#include "records.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

namespace {

// A workspace in memory: path -> bytes, parsed by the real readers so positions are real.
struct Files {
    std::map<std::string, std::string> files;

    spark::Records records() const {
        spark::Records records;
        for (const auto& [path, bytes] : files) {
            const auto slash = path.rfind('/');
            const std::string id = path.substr(slash + 1, path.size() - slash - 1 - 5);
            std::vector<spark::Diagnostic> diagnostics;
            if (path.starts_with("people/")) {
                auto p = spark::read_person(bytes, path, id, diagnostics);
                REQUIRE(p);
                p->path = path;
                records.people.push_back(*p);
            } else if (path.starts_with("log/")) {
                auto e = spark::read_entry(bytes, path, id, diagnostics);
                REQUIRE(e);
                e->path = path;
                records.entries.push_back(*e);
            } else {
                auto m = spark::read_meeting(bytes, path, id, diagnostics);
                REQUIRE(m);
                m->path = path;
                records.meetings.push_back(*m);
            }
        }
        return records;
    }

    spark::FileSource source() const {
        return [this](const std::string& path) {
            return files.at(path);
        };
    }

    // Applies an edit the way spark does: writes in order, removals last.
    void apply(const spark::PeopleEdit& plan) {
        for (const auto& write : plan.edit.writes) {
            if (write.old_bytes) {
                REQUIRE(files.count(write.path) == 1);
                REQUIRE(files.at(write.path) == *write.old_bytes);
            } else {
                REQUIRE(files.count(write.path) == 0);
            }
            files[write.path] = write.bytes;
        }
        for (const auto& path : plan.edit.removals) {
            REQUIRE(files.erase(path) == 1);
        }
    }

    std::vector<std::string> errors() const {
        std::vector<std::string> out;
        for (const auto& d : spark::check_records(records())) {
            if (d.severity == spark::Severity::error) {
                out.push_back(d.path + ": " + d.message);
            }
        }
        return out;
    }

    const spark::Person& person(const std::string& id) const {
        static spark::Records keep;
        keep = records();
        for (const auto& p : keep.people) {
            if (p.id == id) {
                return p;
            }
        }
        FAIL("no person " << id);
        throw 0;
    }
};

Files sample() {
    Files f;
    f.files["people/anna-a111.toml"] = "name = \"Anna de Vries\"\n"
                                       "group = \"staff\"\n"
                                       "roles = [\"spark\"]\n"
                                       "since = 2026-03-01\n"
                                       "public = false\n";
    f.files["people/anna-b222.toml"] = "name = \"Anna de Vries\"\n"
                                       "roles = [\"poker\", \"spark\"]\n"
                                       "department = \"Wijken\"\n"
                                       "invited_by = \"bob-c333\"\n"
                                       "since = 2026-01-10\n"
                                       "public = true\n"
                                       "note = \"via de buurtkamer\"\n";
    f.files["people/bob-c333.toml"] = "name = \"Bob\"\n"
                                      "roles = []\n"
                                      "since = 2026-01-01\n"
                                      "public = false\n";
    f.files["people/carla-d444.toml"] = "name = \"Carla\"\n"
                                        "roles = []\n"
                                        "invited_by = \"anna-b222\"\n"
                                        "since = 2026-02-01\n"
                                        "public = false\n";
    // Hand formatted, with comments: only the id token changes.
    f.files["log/2026/2026-02-01-x-aaaa.toml"] = "# written by hand\n"
                                                 "date = 2026-02-01\n"
                                                 "kind = \"action\"\n"
                                                 "title = \"Buurtkamer open\"\n"
                                                 "people = [ 'anna-b222',   \"bob-c333\" ] # wie\n"
                                                 "tags = []\n";
    // Both Annas: one must go.
    f.files["log/2026/2026-03-02-y-bbbb.toml"] = "date = 2026-03-02\n"
                                                 "kind = \"match\"\n"
                                                 "title = \"Proef\"\n"
                                                 "people = [\"anna-b222\", \"anna-a111\"]\n"
                                                 "tags = []\n";
    // Nobody involved: untouched.
    f.files["log/2026/2026-03-03-z-cccc.toml"] = "date = 2026-03-03\n"
                                                 "kind = \"fuel\"\n"
                                                 "title = \"Kans\"\n"
                                                 "people = [\"bob-c333\"]\n"
                                                 "tags = []\n";
    f.files["meetings/2026/2026-02-10-koffie-dddd.toml"] =
        "date = 2026-02-10\n"
        "title = \"Koffie met Anna de Vries\"\n"
        "setting = \"internal\"\n"
        "attendees = [\"bob-c333\", \"anna-b222\"]\n"
        "questions = []\n"
        "dilemmas = []\n"
        "outcomes = []\n"
        "followups = []\n";
    return f;
}

std::vector<std::string> paths_of(const std::vector<spark::FileWrite>& writes) {
    std::vector<std::string> paths;
    for (const auto& w : writes) {
        paths.push_back(w.path);
    }
    return paths;
}

} // namespace

TEST_CASE("a pseudonym is the first 12 hex digits of the id's SHA-256") {
    // Pinned, so that every clone (and every version of spark) forgets a person under the
    // same name: sha256("anna-a111") = 7207d083be58…
    CHECK(spark::pseudonym_id("anna-a111") == "forgotten-7207d083be58");
    CHECK(spark::pseudonym_id("anna-b222") != "forgotten-7207d083be58");
}

TEST_CASE("merge rewrites every reference and fills KEEP's empty fields") {
    Files f = sample();
    const auto before = f.files;
    const auto plan = spark::plan_merge(f.records(), "anna-a111", "anna-b222", f.source());
    CHECK(f.files == before); // planning writes nothing

    REQUIRE(plan.edit.removals == std::vector<std::string>{"people/anna-b222.toml"});
    CHECK(plan.from_id == "anna-b222");
    CHECK(plan.to_id == "anna-a111");
    CHECK(plan.references == 4);
    // KEEP first, then every record naming DROP; the fuel entry and Bob are not touched.
    CHECK(paths_of(plan.edit.writes) ==
          std::vector<std::string>{"people/anna-a111.toml", "log/2026/2026-02-01-x-aaaa.toml",
                                   "log/2026/2026-03-02-y-bbbb.toml",
                                   "meetings/2026/2026-02-10-koffie-dddd.toml",
                                   "people/carla-d444.toml"});

    f.apply(plan);
    CHECK(f.errors().empty());
    const auto& keep = f.person("anna-a111");
    CHECK(keep.name == "Anna de Vries");
    CHECK(keep.group == spark::Group::staff); // its own
    CHECK(keep.roles == std::vector<spark::Role>{spark::Role::spark, spark::Role::poker});
    CHECK(keep.department == "Wijken");            // filled
    CHECK(keep.note == "via de buurtkamer");       // filled
    CHECK(keep.since == spark::Date{2026, 1, 10}); // earlier
    CHECK(keep.invited_by == "bob-c333");          // filled
    CHECK_FALSE(keep.is_public);                   // its own
    CHECK(f.person("carla-d444").invited_by == "anna-a111");

    const auto records = f.records();
    for (const auto& e : records.entries) {
        if (e.id == "2026-03-02-y-bbbb") {
            CHECK(e.people == std::vector<std::string>{"anna-a111"}); // never twice
        }
        if (e.id == "2026-02-01-x-aaaa") {
            CHECK(e.people == std::vector<std::string>{"anna-a111", "bob-c333"});
        }
    }
    CHECK(records.meetings.front().attendees == std::vector<std::string>{"bob-c333", "anna-a111"});
}

TEST_CASE("merge keeps hand formatting and comments where only an id changes") {
    Files f = sample();
    const auto plan = spark::plan_merge(f.records(), "anna-a111", "anna-b222", f.source());
    for (const auto& write : plan.edit.writes) {
        if (write.path == "log/2026/2026-02-01-x-aaaa.toml") {
            CHECK(write.bytes == "# written by hand\n"
                                 "date = 2026-02-01\n"
                                 "kind = \"action\"\n"
                                 "title = \"Buurtkamer open\"\n"
                                 "people = [ 'anna-a111',   \"bob-c333\" ] # wie\n"
                                 "tags = []\n");
            CHECK_FALSE(write.reformatted);
        }
        if (write.path == "people/carla-d444.toml") {
            CHECK(write.bytes == "name = \"Carla\"\n"
                                 "roles = []\n"
                                 "invited_by = \"anna-a111\"\n"
                                 "since = 2026-02-01\n"
                                 "public = false\n");
        }
        if (write.path == "log/2026/2026-03-02-y-bbbb.toml") { // a list lost an element
            CHECK(write.bytes.find("people = [\"anna-a111\"]") != std::string::npos);
            CHECK_FALSE(write.reformatted); // it was in spark's own layout
        }
    }
}

TEST_CASE("merge with a non-ASCII line before the id keeps the file") {
    Files f = sample();
    f.files["log/2026/2026-02-01-x-aaaa.toml"] = "date = 2026-02-01\n"
                                                 "kind = \"action\"\n"
                                                 "title = \"Zoë 🔥\"\n"
                                                 "people = [\"é\", \"anna-b222\"]\n"
                                                 "tags = []\n";
    f.files["people/é.toml"] = "name = \"É\"\nroles = []\npublic = false\n";
    const auto plan = spark::plan_merge(f.records(), "anna-a111", "anna-b222", f.source());
    bool seen = false;
    for (const auto& write : plan.edit.writes) {
        if (write.path == "log/2026/2026-02-01-x-aaaa.toml") {
            seen = true;
            CHECK(write.bytes.find("people = [\"é\", \"anna-a111\"]") != std::string::npos);
        }
    }
    CHECK(seen);
}

TEST_CASE("merge clears an invitation of a person by themselves") {
    Files f = sample();
    // KEEP was invited by DROP: after the merge that would be KEEP inviting KEEP.
    f.files["people/anna-a111.toml"] = "name = \"Anna de Vries\"\n"
                                       "roles = []\n"
                                       "invited_by = \"anna-b222\"\n"
                                       "public = false\n";
    auto plan = spark::plan_merge(f.records(), "anna-a111", "anna-b222", f.source());
    f.apply(plan);
    CHECK(f.person("anna-a111").invited_by == "bob-c333"); // DROP's own inviter fills it
    CHECK(f.errors().empty());

    Files g = sample();
    // DROP invited by KEEP: DROP's inviter would be KEEP itself, so it stays empty.
    g.files["people/anna-b222.toml"] = "name = \"Anna de Vries\"\n"
                                       "roles = []\n"
                                       "invited_by = \"anna-a111\"\n"
                                       "public = false\n";
    g.apply(spark::plan_merge(g.records(), "anna-a111", "anna-b222", g.source()));
    CHECK(g.person("anna-a111").invited_by.empty());
    CHECK(g.errors().empty());
}

TEST_CASE("merge refuses to create an invitation cycle and skips a cyclic fill") {
    Files f = sample();
    // KEEP invited by Bob, Bob invited by DROP: after the merge Bob <-> KEEP.
    f.files["people/anna-a111.toml"] = "name = \"Anna de Vries\"\n"
                                       "roles = []\n"
                                       "invited_by = \"bob-c333\"\n"
                                       "public = false\n";
    f.files["people/bob-c333.toml"] = "name = \"Bob\"\n"
                                      "roles = []\n"
                                      "invited_by = \"anna-b222\"\n"
                                      "public = false\n";
    f.files["people/anna-b222.toml"] = "name = \"Anna de Vries\"\n"
                                       "roles = []\n"
                                       "public = false\n";
    CHECK_THROWS_WITH(spark::plan_merge(f.records(), "anna-a111", "anna-b222", f.source()),
                      Catch::Contains("cycle"));

    Files g = sample();
    // DROP invited by Carla, Carla invited by DROP (already a cycle in the data): filling
    // KEEP's invited_by with Carla would make KEEP <-> Carla, so it is left empty.
    g.files["people/anna-b222.toml"] = "name = \"Anna de Vries\"\n"
                                       "roles = []\n"
                                       "invited_by = \"carla-d444\"\n"
                                       "public = false\n";
    const auto plan = spark::plan_merge(g.records(), "anna-a111", "anna-b222", g.source());
    g.apply(plan);
    CHECK(g.person("anna-a111").invited_by.empty());
    CHECK(g.errors().empty());
}

TEST_CASE("merge refuses bad ids") {
    Files f = sample();
    CHECK_THROWS_AS(spark::plan_merge(f.records(), "anna-a111", "anna-a111", f.source()),
                    spark::UsageError);
    CHECK_THROWS_WITH(spark::plan_merge(f.records(), "anna-a111", "nobody", f.source()),
                      Catch::Contains("nobody"));
}

TEST_CASE("merge re-renders a hand-formatted file that loses an element and says so") {
    Files f = sample();
    f.files["log/2026/2026-03-02-y-bbbb.toml"] = "date = 2026-03-02 # dag\n"
                                                 "kind = \"match\"\n"
                                                 "title = \"Proef\"\n"
                                                 "people = [\"anna-b222\", \"anna-a111\"]\n"
                                                 "tags = []\n";
    const auto plan = spark::plan_merge(f.records(), "anna-a111", "anna-b222", f.source());
    bool seen = false;
    for (const auto& write : plan.edit.writes) {
        if (write.path == "log/2026/2026-03-02-y-bbbb.toml") {
            seen = true;
            CHECK(write.reformatted);
        }
    }
    CHECK(seen);
}

TEST_CASE("forget replaces the person by a stable pseudonym") {
    Files f = sample();
    const auto records = f.records();
    const auto plan = spark::plan_forget(records, "anna-b222", f.source());
    const std::string pseudonym = spark::pseudonym_id("anna-b222");
    CHECK(plan.to_id == pseudonym);
    REQUIRE(plan.edit.writes.front().path == "people/" + pseudonym + ".toml");
    CHECK_FALSE(plan.edit.writes.front().old_bytes);
    CHECK(plan.edit.removals == std::vector<std::string>{"people/anna-b222.toml"});
    // The meeting's title names her, and so does the other record with her name: listed,
    // not rewritten.
    CHECK(plan.mentions == std::vector<std::string>{"meetings/2026/2026-02-10-koffie-dddd.toml",
                                                    "people/anna-a111.toml"});

    // Deterministic: the same workspace gives the same bytes.
    const auto again = spark::plan_forget(records, "anna-b222", f.source());
    REQUIRE(again.edit.writes.size() == plan.edit.writes.size());
    for (std::size_t i = 0; i < plan.edit.writes.size(); ++i) {
        CHECK(again.edit.writes[i].bytes == plan.edit.writes[i].bytes);
    }

    f.apply(plan);
    CHECK(f.errors().empty());
    const auto& stand_in = f.person(pseudonym);
    CHECK(stand_in.name.find("Anna") == std::string::npos);
    CHECK(stand_in.name.starts_with("(forgotten"));
    CHECK(stand_in.roles == std::vector<spark::Role>{spark::Role::poker, spark::Role::spark});
    CHECK(stand_in.since == spark::Date{2026, 1, 10});
    CHECK(stand_in.invited_by == "bob-c333");
    CHECK_FALSE(stand_in.is_public);
    CHECK(stand_in.department.empty());
    CHECK(stand_in.note.empty());
    CHECK(f.person("carla-d444").invited_by == pseudonym);
    for (const auto& [path, bytes] : f.files) {
        CHECK(bytes.find("anna-b222") == std::string::npos);
    }
    const auto after = f.records();
    CHECK(after.people.size() == records.people.size());
}

TEST_CASE("forget reuses a pseudonym that exists already and refuses a pseudonym") {
    Files f = sample();
    Files other = sample();
    other.apply(spark::plan_forget(other.records(), "anna-b222", other.source()));
    const std::string pseudonym = spark::pseudonym_id("anna-b222");
    // A merge of a clone that forgot her with one that did not: both files present.
    f.files["people/" + pseudonym + ".toml"] = other.files.at("people/" + pseudonym + ".toml");
    const auto plan = spark::plan_forget(f.records(), "anna-b222", f.source());
    // The pseudonym's file already says what it should: only the references change.
    CHECK(paths_of(plan.edit.writes) ==
          std::vector<std::string>{
              "log/2026/2026-02-01-x-aaaa.toml", "log/2026/2026-03-02-y-bbbb.toml",
              "meetings/2026/2026-02-10-koffie-dddd.toml", "people/carla-d444.toml"});
    f.apply(plan);
    CHECK(f.files == other.files);

    CHECK_THROWS_WITH(spark::plan_forget(f.records(), pseudonym, f.source()),
                      Catch::Contains("already"));
}

TEST_CASE("check names people recorded twice with the merge command") {
    Files f = sample();
    f.files["people/anna-e555.toml"] =
        "name = \"  ANNA  de\\tvríes \"\nroles = []\npublic = false\n";
    std::vector<std::string> suggestions;
    for (const auto& d : spark::check_records(f.records())) {
        if (d.message.find("same name") != std::string::npos) {
            suggestions.push_back(d.message.substr(d.message.find("'spark people merge")));
        }
    }
    CHECK(suggestions == std::vector<std::string>{"'spark people merge anna-a111 anna-b222'",
                                                  "'spark people merge anna-a111 anna-e555'"});
}
