#include "error.hpp"
#include "model.hpp"
#include "record_reader.hpp"
#include "record_writer.hpp"
#include "toml_reader.hpp"
#include "toml_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace std::string_literals;
using spark::Date;
using spark::Diagnostic;

namespace {

struct NastyString {
    const char* label;
    std::string value;
};

std::string all_control_characters() {
    std::string s = "ctl:";
    for (int c = 0x01; c <= 0x1F; ++c) {
        s += static_cast<char>(c);
    }
    s += '\x7F';
    s += ":end";
    return s;
}

std::string one_megabyte_line() {
    std::string s;
    s.reserve(1u << 20);
    const std::string piece = "Vonk \"zuurstof\" \\ lucifer é 🔥 ";
    while (s.size() + piece.size() <= (1u << 20)) {
        s += piece;
    }
    s.resize(1u << 20, 'x');
    return s;
}

const std::vector<NastyString>& nasty_strings() {
    static const std::vector<NastyString> table{
        {"plain", "Buurtkamer open"},
        {"double quotes", "zei \"ja\" en \"nee\""},
        {"single quote", "Jan's idee"},
        {"backslashes", "C:\\pad\\naar\\bestand \\n \\u0041 \\"},
        {"trailing backslash", "eindigt op \\"},
        {"backslash before newline", "regel\\\nvolgende"},
        {"three double quotes", "\"\"\""},
        {"four double quotes", "\"\"\"\""},
        {"five double quotes", "\"\"\"\"\""},
        {"only a quote", "\""},
        {"three single quotes and newline", "'''\n"},
        {"single quotes around newline", "'''\nmidden\n'''"},
        {"leading newline", "\neerste regel was leeg"},
        {"two leading newlines", "\n\ntwee lege regels"},
        {"trailing newline", "regel\n"},
        {"trailing quote", "eindigt op een quote\""},
        {"leading quote", "\"begint met een quote"},
        {"quotes inside triple quotes", "a\"\"\"b"},
        {"quote then closing-like", "a\"\"\"\"\"\"b\"\""},
        {"tabs", "\tkolom\tkolom\t"},
        {"carriage return", "a\rb"},
        {"CRLF", "regel een\r\nregel twee\r\n"},
        {"lone CR at end", "einde\r"},
        {"control characters", all_control_characters()},
        {"NUL in the middle", "voor\0na"s},
        {"NUL at the start", "\0begin"s},
        {"NUL at the end", "eind\0"s},
        {"DEL", "a\x7F"
                "b"},
        {"escape character", "\x1B[31mrood\x1B[0m"},
        {"emoji", "🔥 vuur 👩🏽‍🚒 🇳🇱"},
        {"RTL mark", "\u200Fשלום\u200F"},
        {"combining accents", "Jose\u0301 Zoe\u0308 n\u0303"},
        {"precomposed accents", "Eén café in de Ŀeidse Straat — Ĳsselmeer"},
        {"BOM and zero-width", "\uFEFFa\u200Bb"},
        {"U+2028 line separator", "a\u2028b\u2029c"},
        {"TOML injection", "x\"\nkind = \"spark\"\n[extra]\nkey = 1\n#"},
        {"multi-line injection", "x\"\"\"\nbody = \"\"\"gotcha"},
        {"comment sign", "# geen commentaar"},
        {"brackets", "[people] = [\"a\", \"b\"]"},
        {"equals and dots", "a.b = c"},
        {"trailing spaces", "spaties   "},
        {"literal-string markers", "'enkel' en '''drie'''"},
        {"unicode escape text", "\\u0000 \\U0001F525 \\x41"},
        {"very long line", one_megabyte_line()},
    };
    return table;
}

spark::Entry sample_entry(const std::string& v) {
    spark::Entry e;
    e.id = "2026-01-05-test-k3m9";
    e.date = Date{2026, 1, 5};
    e.kind = spark::Kind::match;
    e.title = v;
    e.people = {"anna-de-vries-k3m9", v};
    e.tags = {v, "wijk"};
    e.effect = v;
    e.body = v;
    return e;
}

spark::Meeting sample_meeting(const std::string& v) {
    spark::Meeting m;
    m.id = "2026-01-06-overleg-p2x7";
    m.date = Date{2026, 1, 6};
    m.title = v;
    m.setting = spark::Setting::mixed;
    m.place = v;
    m.attendees = {v, "anna-de-vries-k3m9"};
    m.questions = {v, "Mogen we dit?"};
    m.dilemmas = {"Wie betaalt?", v};
    // Only seven copies of a 1 MB string fit in a record file (limit 8 MB).
    const bool large = v.size() > 4096;
    m.outcomes = {large ? "Afspraak" : v};
    m.followups = {large ? "Bellen" : v};
    m.body = v;
    return m;
}

spark::Person sample_person(const std::string& v) {
    spark::Person p;
    p.id = "anna-de-vries-k3m9";
    p.name = v;
    p.group = spark::Group::initiator;
    p.roles = {spark::Role::poker, spark::Role::critic};
    p.department = v;
    p.invited_by = v;
    p.since = Date{2025, 12, 31};
    p.is_public = true;
    p.note = v;
    return p;
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        out += spark::format_diagnostic(d) + "\n";
    }
    return out;
}

// Lines of `text` that start a key ("name = "), in order, as key names.
std::vector<std::string> top_level_keys(const std::string& text) {
    std::vector<std::string> keys;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find(" = ");
        if (eq == std::string::npos || eq == 0) {
            continue;
        }
        const std::string key = line.substr(0, eq);
        if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos) {
            keys.push_back(key);
        }
    }
    return keys;
}

const std::string entry_path = "log/2026/2026-01-05-test-k3m9.toml";
const std::string entry_id = "2026-01-05-test-k3m9";

std::vector<Diagnostic> entry_diagnostics(const std::string& bytes) {
    std::vector<Diagnostic> diagnostics;
    auto entry = spark::read_entry(bytes, entry_path, entry_id, diagnostics);
    CHECK_FALSE(entry);
    return diagnostics;
}

// The one diagnostic that reading `bytes` as an entry gives, formatted.
std::string entry_error(const std::string& bytes) {
    const auto diagnostics = entry_diagnostics(bytes);
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.size() == 1);
    return spark::format_diagnostic(diagnostics.front());
}

const std::string valid_head = "date = 2026-01-05\n"
                               "kind = \"match\"\n";

} // namespace

TEST_CASE("entries round-trip every string exactly", "[records]") {
    const auto& table = nasty_strings();
    const auto index = GENERATE_COPY(range(std::size_t{0}, table.size()));
    const auto& [label, value] = table[index];
    INFO("case: " << label);

    const spark::Entry original = sample_entry(value);
    const std::string bytes = spark::emit_entry(original);
    CHECK(spark::emit_entry(original) == bytes);

    std::vector<Diagnostic> diagnostics;
    auto read = spark::read_entry(bytes, entry_path, original.id, diagnostics);
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.empty());
    REQUIRE(read);
    REQUIRE(read->title == original.title);
    REQUIRE(read->people == original.people);
    REQUIRE(read->tags == original.tags);
    REQUIRE(read->effect == original.effect);
    REQUIRE(read->body == original.body);
    REQUIRE(*read == original);
    REQUIRE(read->people_pos.size() == original.people.size());
    // Writing what was read gives the same bytes again.
    REQUIRE(spark::emit_entry(*read) == bytes);
}

TEST_CASE("meetings round-trip every string exactly", "[records]") {
    const auto& table = nasty_strings();
    const auto index = GENERATE_COPY(range(std::size_t{0}, table.size()));
    const auto& [label, value] = table[index];
    INFO("case: " << label);

    const spark::Meeting original = sample_meeting(value);
    const std::string bytes = spark::emit_meeting(original);
    CHECK(spark::emit_meeting(original) == bytes);

    std::vector<Diagnostic> diagnostics;
    auto read = spark::read_meeting(bytes, "meetings/2026/2026-01-06-overleg-p2x7.toml",
                                    original.id, diagnostics);
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.empty());
    REQUIRE(read);
    REQUIRE(read->questions == original.questions);
    REQUIRE(read->dilemmas == original.dilemmas);
    REQUIRE(read->body == original.body);
    REQUIRE(read->place == original.place);
    REQUIRE(*read == original);
    REQUIRE(read->attendees_pos.size() == original.attendees.size());
    REQUIRE(spark::emit_meeting(*read) == bytes);
}

TEST_CASE("people round-trip every string exactly", "[records]") {
    const auto& table = nasty_strings();
    const auto index = GENERATE_COPY(range(std::size_t{0}, table.size()));
    const auto& [label, value] = table[index];
    INFO("case: " << label);

    const spark::Person original = sample_person(value);
    const std::string bytes = spark::emit_person(original);
    CHECK(spark::emit_person(original) == bytes);

    std::vector<Diagnostic> diagnostics;
    auto read =
        spark::read_person(bytes, "people/anna-de-vries-k3m9.toml", original.id, diagnostics);
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.empty());
    REQUIRE(read);
    REQUIRE(read->name == original.name);
    REQUIRE(read->note == original.note);
    REQUIRE(read->department == original.department);
    REQUIRE(*read == original);
    REQUIRE(spark::emit_person(*read) == bytes);
}

TEST_CASE("minimal records round-trip", "[records]") {
    SECTION("entry without people, tags, effect or body") {
        spark::Entry e;
        e.id = "2026-02-01-x-aaaa";
        e.date = Date{2026, 2, 1};
        e.kind = spark::Kind::spark;
        e.title = "x";
        std::vector<Diagnostic> diagnostics;
        auto read = spark::read_entry(spark::emit_entry(e), "log/2026/x.toml", e.id, diagnostics);
        INFO(describe(diagnostics));
        REQUIRE(read);
        CHECK(*read == e);
    }
    SECTION("every kind") {
        for (auto kind : spark::all_kinds) {
            spark::Entry e = sample_entry("t");
            e.kind = kind;
            std::vector<Diagnostic> diagnostics;
            auto read =
                spark::read_entry(spark::emit_entry(e), "log/2026/x.toml", e.id, diagnostics);
            REQUIRE(read);
            CHECK(read->kind == kind);
        }
    }
    SECTION("meeting with empty lists and every setting") {
        for (auto setting : spark::all_settings) {
            spark::Meeting m;
            m.id = "2026-02-01-m-aaaa";
            m.date = Date{2026, 2, 1};
            m.title = "Koffie";
            m.setting = setting;
            std::vector<Diagnostic> diagnostics;
            auto read = spark::read_meeting(spark::emit_meeting(m), "meetings/2026/m.toml", m.id,
                                            diagnostics);
            INFO(describe(diagnostics));
            REQUIRE(read);
            CHECK(*read == m);
        }
    }
    SECTION("meeting without a setting: none is written, none is read") {
        spark::Meeting m;
        m.id = "2026-02-01-m-aaaa";
        m.date = Date{2026, 2, 1};
        m.title = "Koffie";
        const std::string bytes = spark::emit_meeting(m);
        CHECK(bytes.find("setting") == std::string::npos);
        std::vector<Diagnostic> diagnostics;
        auto read = spark::read_meeting(bytes, "meetings/2026/m.toml", m.id, diagnostics);
        REQUIRE(read);
        CHECK_FALSE(read->setting);
        CHECK(*read == m);
    }
    SECTION("person without group, roles, department, invited_by or note") {
        spark::Person p;
        p.id = "kees-aaaa";
        p.name = "Kees";
        p.since = Date{2026, 2, 1};
        std::vector<Diagnostic> diagnostics;
        auto read =
            spark::read_person(spark::emit_person(p), "people/kees-aaaa.toml", p.id, diagnostics);
        INFO(describe(diagnostics));
        REQUIRE(read);
        CHECK(*read == p);
    }
    SECTION("person with every group and role") {
        for (auto group : spark::all_groups) {
            spark::Person p = sample_person("Naam");
            p.group = group;
            p.roles.assign(std::begin(spark::all_roles), std::end(spark::all_roles));
            std::vector<Diagnostic> diagnostics;
            auto read =
                spark::read_person(spark::emit_person(p), "people/p.toml", p.id, diagnostics);
            REQUIRE(read);
            CHECK(*read == p);
        }
    }
}

TEST_CASE("a hand-written person without 'since' survives being rewritten", "[records]") {
    const std::string hand_written = "name = \"Kees\"\n";
    std::vector<Diagnostic> diagnostics;
    auto person = spark::read_person(hand_written, "people/kees.toml", "kees", diagnostics);
    INFO(describe(diagnostics));
    REQUIRE(person);
    const std::string rewritten = spark::emit_person(*person);
    auto again = spark::read_person(rewritten, "people/kees.toml", "kees", diagnostics);
    INFO(rewritten);
    INFO(describe(diagnostics));
    REQUIRE(again);
    CHECK(*again == *person);
}

TEST_CASE("the same record always gives the same bytes", "[records]") {
    const auto entry = sample_entry("Buurtkamer \"open\"\nmet koffie");
    CHECK(spark::emit_entry(entry) == spark::emit_entry(entry));
    auto copy = entry;
    copy.path = "elsewhere";
    copy.people_pos = {{3, 4}, {5, 6}};
    CHECK(spark::emit_entry(copy) == spark::emit_entry(entry));

    const auto meeting = sample_meeting("Koffie");
    CHECK(spark::emit_meeting(meeting) == spark::emit_meeting(meeting));
    const auto person = sample_person("Anna de Vries");
    CHECK(spark::emit_person(person) == spark::emit_person(person));
}

TEST_CASE("entry keys come in a fixed, human order", "[records]") {
    spark::Entry e = sample_entry("Buurtkamer open");
    e.people = {"anna-de-vries-k3m9", "jose-alvarez-p2x7"};
    e.tags = {"wijk", "pilot"};
    e.effect = "12 bewoners kwamen";
    e.body = "Eerste regel.\nTweede regel.";
    const std::string text = spark::emit_entry(e);
    INFO(text);
    CHECK(top_level_keys(text) ==
          std::vector<std::string>{"date", "kind", "title", "people", "tags", "effect", "body"});
    CHECK(text.starts_with("date = 2026-01-05\n"
                           "kind = \"match\"\n"
                           "title = \"Buurtkamer open\"\n"
                           "people = [\"anna-de-vries-k3m9\", \"jose-alvarez-p2x7\"]\n"
                           "tags = [\"wijk\", \"pilot\"]\n"
                           "effect = \"12 bewoners kwamen\"\n"
                           "body = \"\"\"\n"));
    // Long text is a multi-line string that reads naturally.
    CHECK(text.find("body = \"\"\"\nEerste regel.\nTweede regel.\"\"\"\n") != std::string::npos);
    // Body is last.
    CHECK(text.rfind("body = ") > text.rfind("effect = "));
}

TEST_CASE("meeting and person keys come in a fixed order", "[records]") {
    spark::Meeting m = sample_meeting("Koffie");
    m.body = "Verslag";
    CHECK(top_level_keys(spark::emit_meeting(m)) ==
          std::vector<std::string>{"date", "title", "setting", "place", "attendees", "questions",
                                   "dilemmas", "outcomes", "followups", "body"});
    const std::string meeting_text = spark::emit_meeting(m);
    // Sentences one per line.
    CHECK(meeting_text.find("questions = [\n    \"Koffie\",\n    \"Mogen we dit?\",\n]\n") !=
          std::string::npos);

    spark::Person p = sample_person("Anna de Vries");
    p.invited_by = "kees-aaaa";
    CHECK(top_level_keys(spark::emit_person(p)) ==
          std::vector<std::string>{"name", "group", "roles", "department", "invited_by", "since",
                                   "public", "note"});
}

TEST_CASE("toml_basic_string escapes", "[records]") {
    CHECK(spark::toml_basic_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(spark::toml_basic_string("\t\n\r\b\f") == "\"\\t\\n\\r\\b\\f\"");
    CHECK(spark::toml_basic_string("\0\x1F\x7F"s) == "\"\\u0000\\u001F\\u007F\"");
    CHECK(spark::toml_basic_string("é🔥") == "\"é🔥\"");
}

TEST_CASE("reading reports bad TOML syntax with its position", "[records][errors]") {
    const std::string bytes = valid_head + "title = \"not closed\n";
    const auto diagnostics = entry_diagnostics(bytes);
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.size() == 1);
    const auto& d = diagnostics.front();
    CHECK(d.severity == spark::Severity::error);
    CHECK(d.path == entry_path);
    CHECK(d.pos.line == 3);
    CHECK(d.pos.column > 0);
    CHECK_THAT(spark::format_diagnostic(d), Catch::StartsWith(entry_path + ":3:"));
    CHECK_FALSE(d.message.empty());
}

TEST_CASE("reading reports other TOML syntax errors", "[records][errors]") {
    const std::string bad = GENERATE(as<std::string>{}, "title = \"x\" extra\n", "title\n",
                                     "title = \n", "title = \"a\"\ntitle = \"b\"\n", "= \"x\"\n",
                                     "title = 'a''\n", "title = \"\"\"a\n", "date = 2026-02-30\n");
    INFO(bad);
    const auto diagnostics = entry_diagnostics(valid_head + bad);
    INFO(describe(diagnostics));
    REQUIRE_FALSE(diagnostics.empty());
    CHECK(diagnostics.front().severity == spark::Severity::error);
    CHECK(diagnostics.front().pos.line >= 3);
}

TEST_CASE("reading reports an impossible TOML date at its line", "[records][errors]") {
    const auto message = entry_error("date = 2026-02-30\nkind = \"match\"\ntitle = \"x\"\n");
    CHECK_THAT(message, Catch::StartsWith(entry_path + ":1:") && Catch::Contains(": error: ") &&
                            Catch::Contains("date"));
}

TEST_CASE("reading reports a missing required key", "[records][errors]") {
    CHECK(entry_error(valid_head) == entry_path + ":1:1: error: missing required key 'title'");
    CHECK(entry_error("kind = \"match\"\ntitle = \"x\"\n") ==
          entry_path + ":1:1: error: missing required key 'date'");
    CHECK(entry_error("date = 2026-01-05\ntitle = \"x\"\n") ==
          entry_path + ":1:1: error: missing required key 'kind'");

    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(spark::read_person("group = \"staff\"\n", "people/x.toml", "x", diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(spark::format_diagnostic(diagnostics.front()) ==
          "people/x.toml:1:1: error: missing required key 'name'");
}

TEST_CASE("reading reports a wrong type at the value", "[records][errors]") {
    CHECK(entry_error(valid_head + "title = 3\n") ==
          entry_path + ":3:9: error: 'title' must be a string");
    CHECK(entry_error("date = \"2026-01-05\"\nkind = \"match\"\ntitle = \"x\"\n") ==
          entry_path + ":1:8: error: 'date' must be a date like 2026-11-29 (without quotes)");
    CHECK(entry_error("date = 2026-01-05T10:00:00\nkind = \"match\"\ntitle = \"x\"\n") ==
          entry_path + ":1:8: error: 'date' must be a date like 2026-11-29 (without quotes)");
    CHECK(entry_error(valid_head + "title = \"x\"\npeople = \"anna\"\n") ==
          entry_path + ":4:10: error: 'people' must be an array of strings");
    CHECK(entry_error(valid_head + "title = \"x\"\npeople = [\"anna\", 3]\n") ==
          entry_path + ":4:19: error: 'people' must be an array of strings");
    CHECK(entry_error(valid_head + "title = \"x\"\npeople = [\"\"]\n") ==
          entry_path + ":4:11: error: empty person id in 'people'");
    CHECK(entry_error(valid_head + "title = \"  \"\n") ==
          entry_path + ":3:9: error: 'title' must not be empty");

    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(spark::read_person("name = \"Kees\"\npublic = \"yes\"\n", "people/kees.toml",
                                   "kees", diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(spark::format_diagnostic(diagnostics.front()) ==
          "people/kees.toml:2:10: error: 'public' must be true or false");
}

TEST_CASE("reading reports an unknown key with a suggestion", "[records][errors]") {
    CHECK(entry_error(valid_head + "title = \"x\"\npeple = [\"anna\"]\n") ==
          entry_path + ":4:1: error: unknown key 'peple' (did you mean 'people'?)");
    CHECK(entry_error(valid_head + "title = \"x\"\nzzzzzzzzzz = 1\n") ==
          entry_path + ":4:1: error: unknown key 'zzzzzzzzzz'");
    CHECK(entry_error(valid_head + "title = \"x\"\n\n[extra]\nkey = 1\n") ==
          entry_path + ":5:2: error: unknown key 'extra'");
}

TEST_CASE("reading reports invalid UTF-8 and raw control characters", "[records][errors]") {
    CHECK(entry_error(valid_head + "title = \"caf\xC3\"\n") ==
          entry_path + ":3:13: error: invalid UTF-8");
    CHECK(entry_error(valid_head + "title = \"x\"\nbody = \"\"\"\nok\n  \xED\xA0\x80\"\"\"\n") ==
          entry_path + ":6:3: error: invalid UTF-8");
    CHECK(entry_error(valid_head + "title = \"a\x01"
                                   "b\"\n") ==
          entry_path + ":3:11: error: control character U+0001 is not allowed; write it as an "
                       "escape inside a string");
    CHECK(entry_error(valid_head + "title = \"a\"\n\x7F\n") ==
          entry_path + ":4:1: error: control character U+007F is not allowed; write it as an "
                       "escape inside a string");
    CHECK(entry_error(valid_head + "title = \"a\0b\"\n"s) ==
          entry_path + ":3:11: error: control character U+0000 is not allowed; write it as an "
                       "escape inside a string");
    CHECK(entry_error("date = 2026-01-05\tkind\x1B\n") ==
          entry_path + ":1:23: error: control character U+001B is not allowed; write it as an "
                       "escape inside a string");
}

TEST_CASE("reading refuses files that are too large", "[records][errors]") {
    std::string bytes = valid_head + "title = \"x\"\nbody = \"";
    bytes.append(spark::max_toml_bytes, 'x');
    bytes += "\"\n";
    const auto message = entry_error(bytes);
    CHECK_THAT(message, Catch::StartsWith(entry_path + ": error: file is too large ("));
}

TEST_CASE("reading checks the kind", "[records][errors]") {
    CHECK(entry_error("date = 2026-01-05\nkind = \"blaze\"\ntitle = \"x\"\n") ==
          entry_path + ":2:8: error: unknown kind 'blaze' (expected one of: spark, oxygen, "
                       "match, fuel, action, poker)");
    CHECK(entry_error("date = 2026-01-05\nkind = \"\"\ntitle = \"x\"\n") ==
          entry_path + ":2:8: error: unknown kind '' (expected one of: spark, oxygen, match, "
                       "fuel, action, poker)");

    struct Alias {
        const char* text;
        spark::Kind kind;
    };
    const Alias aliases[] = {
        {"lucifer", spark::Kind::match},   {"vonk", spark::Kind::spark},
        {"zuurstof", spark::Kind::oxygen}, {"brandstof", spark::Kind::fuel},
        {"actie", spark::Kind::action},    {"oppor-actie", spark::Kind::action},
        {"pook", spark::Kind::poker},      {"Lucifer", spark::Kind::match},
    };
    for (const auto& alias : aliases) {
        INFO(alias.text);
        std::vector<Diagnostic> diagnostics;
        auto entry = spark::read_entry(std::string("date = 2026-01-05\nkind = \"") + alias.text +
                                           "\"\ntitle = \"x\"\n",
                                       entry_path, entry_id, diagnostics);
        INFO(describe(diagnostics));
        REQUIRE(entry);
        CHECK(diagnostics.empty());
        CHECK(entry->kind == alias.kind);
        // Written back with the stored English name.
        CHECK(spark::emit_entry(*entry).find("kind = \"" + std::string(spark::name_of(alias.kind)) +
                                             "\"\n") != std::string::npos);
    }
}

TEST_CASE("reading checks group, role and setting", "[records][errors]") {
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(spark::read_person("name = \"Kees\"\ngroup = \"boss\"\n", "people/kees.toml",
                                   "kees", diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(spark::format_diagnostic(diagnostics.front()) ==
          "people/kees.toml:2:9: error: unknown group 'boss' (expected one of: staff, teamlead, "
          "director, executive, council, resident, initiator, partner)");

    diagnostics.clear();
    CHECK_FALSE(spark::read_person("name = \"Kees\"\nroles = [\"poker\", \"hero\"]\n",
                                   "people/kees.toml", "kees", diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(spark::format_diagnostic(diagnostics.front()) ==
          "people/kees.toml:2:19: error: unknown role 'hero' (expected one of: spark, poker, "
          "critic, innovator)");

    diagnostics.clear();
    CHECK_FALSE(spark::read_meeting("date = 2026-01-06\ntitle = \"Koffie\"\nsetting = \"online\"\n",
                                    "meetings/2026/m.toml", "m", diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(spark::format_diagnostic(diagnostics.front()) ==
          "meetings/2026/m.toml:3:11: error: unknown setting 'online' (expected one of: "
          "internal, external, mixed)");
}

TEST_CASE("reading reports every problem of a file, not just the first", "[records][errors]") {
    const auto diagnostics =
        entry_diagnostics("date = 2026-01-05\nkind = \"blaze\"\ntitle = 3\npeple = []\n");
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.size() == 3);
    CHECK(spark::format_diagnostic(diagnostics[0]) ==
          entry_path + ":2:8: error: unknown kind 'blaze' (expected one of: spark, oxygen, match, "
                       "fuel, action, poker)");
    CHECK(spark::format_diagnostic(diagnostics[1]) ==
          entry_path + ":3:9: error: 'title' must be a string");
    CHECK(spark::format_diagnostic(diagnostics[2]) ==
          entry_path + ":4:1: error: unknown key 'peple' (did you mean 'people'?)");
}

TEST_CASE("hand-edited files are read", "[records]") {
    SECTION("comments, literal strings, other order and spacing") {
        const std::string bytes = "# mijn notitie\n"
                                  "title='Buurtkamer open'   # titel\n"
                                  "kind   =   \"match\"\n"
                                  "date=2026-01-05\n"
                                  "tags = [ 'wijk' , \"pilot\", ]\n"
                                  "body = '''\nRegel met \\ en \"quotes\"\n'''\n";
        std::vector<Diagnostic> diagnostics;
        auto entry = spark::read_entry(bytes, entry_path, entry_id, diagnostics);
        INFO(describe(diagnostics));
        REQUIRE(entry);
        CHECK(diagnostics.empty());
        CHECK(entry->title == "Buurtkamer open");
        CHECK(entry->kind == spark::Kind::match);
        CHECK(entry->date == Date{2026, 1, 5});
        CHECK(entry->tags == std::vector<std::string>{"wijk", "pilot"});
        CHECK(entry->body == "Regel met \\ en \"quotes\"\n");
    }
    SECTION("a byte order mark") {
        std::vector<Diagnostic> diagnostics;
        auto entry = spark::read_entry("\xEF\xBB\xBF" + valid_head + "title = \"x\"\n", entry_path,
                                       entry_id, diagnostics);
        INFO(describe(diagnostics));
        REQUIRE(entry);
        CHECK(entry->title == "x");
    }
    SECTION("Windows line endings") {
        const std::string bytes = "date = 2026-01-05\r\nkind = \"match\"\r\ntitle = \"x\"\r\n"
                                  "people = [\"anna\"]\r\n";
        std::vector<Diagnostic> diagnostics;
        auto entry = spark::read_entry(bytes, entry_path, entry_id, diagnostics);
        INFO(describe(diagnostics));
        REQUIRE(entry);
        CHECK(entry->people == std::vector<std::string>{"anna"});
        REQUIRE(entry->people_pos.size() == 1);
        CHECK(entry->people_pos[0].line == 4);
        CHECK(entry->people_pos[0].column == 11);
    }
}
