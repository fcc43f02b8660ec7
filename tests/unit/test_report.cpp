#include "error.hpp"
#include "figures.hpp"
#include "gauge.hpp"
#include "i18n.hpp"
#include "markdown.hpp"
#include "names.hpp"
#include "period.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

using spark::Date;
using spark::Group;
using spark::Kind;
using spark::Role;

namespace {

// ---- building records in memory ----

spark::Person person(std::string id, std::optional<Group> group, Date since,
                     std::string invited_by = "", std::vector<Role> roles = {}) {
    spark::Person p;
    p.path = "people/" + id + ".toml";
    p.name = id;
    p.id = std::move(id);
    p.group = group;
    p.since = since;
    p.invited_by = std::move(invited_by);
    p.roles = std::move(roles);
    return p;
}

spark::Entry entry(std::string id, Date date, Kind kind, std::vector<std::string> people = {},
                   std::string effect = "") {
    spark::Entry e;
    e.id = std::move(id);
    e.date = date;
    e.kind = kind;
    e.title = e.id;
    e.people = std::move(people);
    e.effect = std::move(effect);
    return e;
}

spark::Meeting meeting(std::string id, Date date, std::vector<std::string> attendees,
                       std::vector<std::string> dilemmas = {}) {
    spark::Meeting m;
    m.id = std::move(id);
    m.date = date;
    m.title = m.id;
    m.attendees = std::move(attendees);
    m.dilemmas = std::move(dilemmas);
    return m;
}

constexpr Date day(int month, int d) {
    return Date{2026, month, d};
}

spark::Figures figures_of(const spark::Records& records, spark::Period period,
                          spark::GaugeSettings settings = {}) {
    return spark::compute_figures(records, settings, period, period.until);
}

const spark::Period june_to_november{day(6, 1), day(11, 30)};

// A fire that spreads: a core of two, three generations, inside and outside, recent action.
spark::Records spreading() {
    spark::Records r;
    r.people = {
        person("anna", Group::staff, day(6, 1), "", {Role::spark}),
        person("bram", Group::staff, day(6, 1), "", {Role::spark}),
        person("carla", Group::teamlead, day(7, 1), "anna"),
        person("eva", Group::resident, day(8, 1), "anna"),
        person("femke", Group::partner, day(9, 1), "eva"),
        person("gijs", Group::staff, day(9, 15), "carla", {Role::critic}),
        person("hanna", Group::initiator, day(11, 10), "femke"),
    };
    r.entries = {
        entry("e1", day(6, 1), Kind::spark, {"anna", "bram"}),
        entry("e2", day(11, 5), Kind::action, {"carla"}),
        entry("e3", day(11, 15), Kind::match, {"hanna"}, "46 bezoekers"),
    };
    r.meetings = {meeting("m1", day(11, 25), {"anna", "hanna"}, {"Klein blijven?"})};
    return r;
}

bool has_signal(const spark::Gauge& gauge, const std::string& id) {
    for (const auto& s : gauge.signals) {
        if (s.id == id) {
            return true;
        }
    }
    return false;
}

// The hostile texts of the end-to-end safety test.
const std::vector<std::string> hostile = {
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![x](data:text/html;base64,xx)",
    "<javascript:alert(1)>",
    "https://evil.example/",
    "www.evil.example",
    "| a | b |",
    "`code` and ``` fence",
    "# heading",
    "- list",
    "+ list",
    "1. list",
    "2) list",
    "> quote",
    "*bold* _em_",
    "@user #123",
    "\"]; A-->B; click A \"javascript:alert(1)\"",
    "end",
    ":::",
    "two\nlines\r\n# heading",
    "a\xE2\x80\xA8"
    "b",
    "c\xC2\x85"
    "d",
    "&lt; &amp;",
};

} // namespace

// ---- markdown_text ----

TEST_CASE("markdown_text escapes HTML and Markdown punctuation", "[report][markdown]") {
    using spark::markdown_text;
    CHECK(markdown_text("<script>alert(1)</script>") ==
          "&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
    CHECK(markdown_text("[klik](javascript:alert(1))") ==
          "\\[klik\\]\\(javascript:alert\\(1\\)\\)");
    CHECK(markdown_text("![x](data:x)") == "\\!\\[x\\]\\(data:x\\)");
    CHECK(markdown_text("| a | b |") == "\\| a \\| b \\|");
    CHECK(markdown_text("`x`") == "\\`x\\`");
    CHECK(markdown_text("*b* _e_ ~s~") == "\\*b\\* \\_e\\_ \\~s\\~");
    CHECK(markdown_text("@user #123 !4 %m $x$") == "\u2060\\@user \\#123 \\!4 \\%m \\$x\\$");
    // No e-mail address is left for an auto-linker: a word joiner stands before '@'.
    CHECK(markdown_text("mailto:evil@example.org") == "mailto:evil\u2060\\@example.org");
    CHECK(markdown_text("&lt;") == "&amp;lt;");
    CHECK(markdown_text("back\\slash") == "back\\\\slash");
}

TEST_CASE("markdown_text never starts a block", "[report][markdown]") {
    using spark::markdown_text;
    CHECK(markdown_text("# heading") == "\\# heading");
    CHECK(markdown_text("- list") == "\\- list");
    CHECK(markdown_text("+ list") == "\\+ list");
    CHECK(markdown_text("* list") == "\\* list");
    CHECK(markdown_text("1. list") == "1\\. list");
    CHECK(markdown_text("2026. Een jaar") == "2026\\. Een jaar");
    CHECK(markdown_text("2) list") == "2\\) list");
    CHECK(markdown_text("> quote") == "&gt; quote");
    CHECK(markdown_text("===") == "\\===");
    CHECK(markdown_text("---") == "\\---");
    CHECK(markdown_text("::: mermaid") == "\\::: mermaid");
    CHECK(markdown_text("```") == "\\`\\`\\`");
    // Only at the start: a dash or colon inside a sentence stays as it is.
    CHECK(markdown_text("Gert-Jan: ja - nee") == "Gert-Jan: ja - nee");
    CHECK(markdown_text("versie 1.2") == "versie 1.2");
}

TEST_CASE("markdown_text breaks auto-links", "[report][markdown]") {
    using spark::markdown_text;
    CHECK(markdown_text("https://evil.example/") == "https\\://evil.example/");
    CHECK(markdown_text("zie www.evil.example") == "zie www\\.evil.example");
    CHECK(markdown_text("WWW.x.nl") == "WWW\\.x.nl");
    CHECK(markdown_text("awww.x") == "awww.x");
    CHECK(markdown_text("tijd: 10:30") == "tijd: 10:30");
}

TEST_CASE("markdown_text puts everything on one line", "[report][markdown]") {
    using spark::markdown_text;
    CHECK(markdown_text("two\nlines\r\n# heading") == "two lines \\# heading");
    CHECK(markdown_text("  leading\t\ttabs  ") == "leading tabs");
    CHECK(markdown_text("a\xE2\x80\xA8"
                        "b\xE2\x80\xA9"
                        "c") == "a b c"); // U+2028, U+2029
    CHECK(markdown_text("c\xC2\x85"
                        "d\xC2\x9B"
                        "e") == "c d e"); // NEL, CSI (C1)
    CHECK(markdown_text("\x1b[31mrood") == "\\[31mrood");
    CHECK(markdown_text("café 🔥 ß") == "café 🔥 ß");
    CHECK(markdown_text("") == "");
    CHECK(markdown_text(" \n ") == "");
}

TEST_CASE("markdown_text on the hostile table: nothing raw survives", "[report][markdown]") {
    for (const auto& text : hostile) {
        INFO(text);
        const std::string out = spark::markdown_text(text);
        CHECK(out.find('<') == std::string::npos);
        CHECK(out.find('>') == std::string::npos);
        CHECK(out.find('\n') == std::string::npos);
        CHECK(out.find('\r') == std::string::npos);
        CHECK(out.find("](") == std::string::npos);
        CHECK(out.find("\xE2\x80\xA8") == std::string::npos);
        // Every pipe, bracket, backtick and star is escaped.
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (std::string_view("|[]`*_()").find(out[i]) != std::string_view::npos) {
                std::size_t backslashes = 0;
                for (std::size_t j = i; j > 0 && out[j - 1] == '\\'; --j) {
                    ++backslashes;
                }
                CHECK(backslashes % 2 == 1);
            }
        }
    }
}

// ---- mermaid_label ----

TEST_CASE("mermaid_label keeps letters and encodes the rest", "[report][mermaid]") {
    using spark::mermaid_label;
    CHECK(mermaid_label("Anna de Vries") == "Anna de Vries");
    CHECK(mermaid_label("Gert-Jan Kuipers, jr.") == "Gert-Jan Kuipers, jr.");
    CHECK(mermaid_label("José Álvarez") == "José Álvarez");
    CHECK(mermaid_label("\"]; A-->B") == "#34;#93;#59; A--#62;B");
    CHECK(mermaid_label("a#b;") == "a#35;b#59;");
    CHECK(mermaid_label("::: end") == "#58;#58;#58; end");
    CHECK(mermaid_label("```") == "#96;#96;#96;");
    CHECK(mermaid_label("two\nlines") == "two lines");
    CHECK(mermaid_label("a\xE2\x80\xA8"
                        "b") == "a b");
    CHECK(mermaid_label("  ") == "");
}

TEST_CASE("mermaid_label on the hostile table: no quote, bracket or semicolon",
          "[report][mermaid]") {
    for (const auto& text : hostile) {
        INFO(text);
        std::string out = spark::mermaid_label(text);
        // Take out the entity codes; what is left is letters, digits, spaces, - . ,
        std::string left;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] == '#') {
                const auto end = out.find(';', i);
                REQUIRE(end != std::string::npos);
                for (std::size_t k = i + 1; k < end; ++k) {
                    CHECK(std::isdigit(static_cast<unsigned char>(out[k])));
                }
                i = end;
                continue;
            }
            left += out[i];
        }
        for (char c : left) {
            const auto u = static_cast<unsigned char>(c);
            CHECK((u >= 0x80 || std::isalnum(u) || c == ' ' || c == '-' || c == '.' || c == ','));
        }
        CHECK(out.find('\n') == std::string::npos);
    }
}

// ---- compute_figures ----

TEST_CASE("compute_figures: generations from invited_by", "[report][figures]") {
    const auto records = spreading();
    const auto f = figures_of(records, june_to_november);
    CHECK(f.generation_of.at("anna") == 0);
    CHECK(f.generation_of.at("carla") == 1);
    CHECK(f.generation_of.at("eva") == 1);
    CHECK(f.generation_of.at("femke") == 2);
    CHECK(f.generation_of.at("gijs") == 2);
    CHECK(f.generation_of.at("hanna") == 3);
    CHECK(f.generations == 3);
    CHECK(f.people_per_generation == std::vector<int>{2, 2, 2, 1});
    CHECK(f.core_people == 2);
}

TEST_CASE("compute_figures: an invited_by cycle ends and stays finite", "[report][figures]") {
    spark::Records r;
    r.people = {
        person("a", Group::staff, day(6, 1), "", {Role::spark}),
        person("x", Group::staff, day(7, 1), "y"),
        person("y", Group::staff, day(7, 2), "z"),
        person("z", Group::staff, day(7, 3), "x"),
        person("self", Group::staff, day(7, 4), "self"),
        person("lost", Group::staff, day(7, 5), "nobody"),
        person("late", Group::staff, day(7, 6), "x"),
    };
    const auto f = figures_of(r, june_to_november);
    for (const char* id : {"x", "y", "z", "self", "lost", "late"}) {
        INFO(id);
        CHECK(f.generation_of.at(id) >= 1);
        CHECK(f.generation_of.at(id) <= 5);
    }
    CHECK(f.generation_of.at("a") == 0);
    CHECK(f.generation_of.at("lost") == 1); // an unknown inviter: reached somehow
    CHECK(f.generation_of.at("late") == f.generation_of.at("x") + 1);
    CHECK(f.involved.size() == 7);
}

TEST_CASE("compute_figures: a core member stays generation 0 even when invited",
          "[report][figures]") {
    spark::Records r;
    r.people = {person("a", Group::staff, day(6, 1), "", {Role::spark}),
                person("b", Group::staff, day(6, 2), "a", {Role::spark}),
                person("c", Group::staff, day(6, 3), "b")};
    const auto f = figures_of(r, june_to_november);
    CHECK(f.generation_of.at("b") == 0);
    CHECK(f.generation_of.at("c") == 1);
    CHECK(f.generations == 1);
}

TEST_CASE("compute_figures: counts in the window and the period", "[report][figures]") {
    const auto records = spreading();
    const auto f = figures_of(records, june_to_november);
    CHECK(f.window.since == day(10, 20));
    CHECK(f.window.until == day(11, 30));
    CHECK(f.new_people_window == 1); // hanna; the core never counts as new
    CHECK(f.new_people_period == 7);
    CHECK(f.actions_window == 2);
    CHECK(f.actions_period == 2);
    CHECK(f.proven_matches == 1);
    CHECK(f.unproven_matches == 0);
    CHECK(f.meetings_window == 1);
    CHECK(f.dilemmas_period == 1);
    CHECK(f.critics == 1);
    REQUIRE(f.last_newcomer);
    CHECK(*f.last_newcomer == day(11, 10));
    REQUIRE(f.last_entry != nullptr);
    CHECK(f.last_entry->id == "e3");
    REQUIRE(f.last_meeting != nullptr);
    CHECK(f.last_meeting->id == "m1");
}

TEST_CASE("compute_figures: the window reaches back before a short period", "[report][figures]") {
    const auto records = spreading();
    const auto f = figures_of(records, {day(11, 20), day(11, 30)});
    CHECK(f.window.since == day(10, 20));
    // The action of 5 November and the newcomer of 10 November are in the window, not in
    // the period: the gauge looks at the same days for all three counts.
    CHECK(f.actions_window == 2);
    CHECK(f.actions_period == 0);
    CHECK(f.new_people_window == 1);
    CHECK(f.new_people_period == 0);
    CHECK(f.meetings_window == 1);
    CHECK(f.entries.empty());
}

TEST_CASE("compute_figures: blank effect is no proof", "[report][figures]") {
    spark::Records r;
    r.entries = {entry("m1", day(11, 1), Kind::match, {}, " \n\t"),
                 entry("m2", day(11, 2), Kind::match, {}, ""),
                 entry("m3", day(11, 3), Kind::match, {}, "3x sneller"),
                 entry("m4", day(5, 3), Kind::match, {}, "")}; // before the period
    const auto f = figures_of(r, june_to_november);
    CHECK(f.proven_matches == 1);
    CHECK(f.unproven_matches == 2);
    CHECK(f.entries_per_kind[static_cast<int>(Kind::match)] == 3);
}

TEST_CASE("compute_figures: months of the period", "[report][figures]") {
    spark::Records r = spreading();
    r.people.push_back(person("early", Group::staff, Date{2026, 3, 1}, "anna"));
    const auto f = figures_of(r, {day(9, 1), day(12, 31)});
    REQUIRE(f.months.size() == 4);
    CHECK(f.months[0].month == 9);
    CHECK(f.months[3].month == 12);
    // Before September: anna, bram, carla, eva, early.
    CHECK(f.months[0].new_people == 2); // femke, gijs
    CHECK(f.months[0].people == 7);
    CHECK(f.months[1].new_people == 0);
    CHECK(f.months[2].new_people == 1); // hanna
    CHECK(f.months[2].people == 8);
    CHECK(f.months[2].entries == 2);
    CHECK(f.months[2].meetings == 1);
    CHECK(f.months[2].attendance == 2);
    CHECK(f.months[3].people == 8);

    const auto across = figures_of(r, {Date{2026, 11, 15}, Date{2027, 2, 1}});
    REQUIRE(across.months.size() == 4);
    CHECK(across.months[1].year == 2026);
    CHECK(across.months[2].year == 2027);
    CHECK(across.months[2].month == 1);
}

TEST_CASE("compute_figures: involvement starts at the first record, not only 'since'",
          "[report][figures]") {
    spark::Records r;
    r.people = {person("a", Group::staff, day(6, 1), "", {Role::spark}),
                person("b", Group::resident, day(10, 1), "a")};
    r.meetings = {meeting("m1", day(7, 1), {"a", "b"})};
    const auto f = figures_of(r, june_to_november);
    REQUIRE(f.involved.size() == 2);
    CHECK(f.involved[1].first == day(7, 1));
    // Not involved yet at the end of June.
    CHECK(figures_of(r, {day(6, 1), day(6, 30)}).involved.size() == 1);
}

TEST_CASE("compute_figures: inside, outside and groups reached", "[report][figures]") {
    spark::Records r;
    r.people = {person("a", Group::staff, day(6, 1), "", {Role::spark}),
                person("t", Group::teamlead, day(6, 2), "a"),
                person("c", Group::council, day(6, 3), "a"),
                person("r", Group::resident, day(6, 4), "a"),
                person("i", Group::initiator, day(6, 5), "a"),
                person("n", std::nullopt, day(6, 6), "a")};
    const auto f = figures_of(r, june_to_november);
    CHECK(f.inside_people == 3);
    CHECK(f.outside_people == 2); // people without a group are neither
    CHECK(f.groups_reached == 4); // staff, teamlead, council, and outside as one
    CHECK(f.leadership);
    CHECK(f.people_per_group.at(Group::resident) == 1);
}

// ---- assess ----

TEST_CASE("assess: the four states", "[report][gauge]") {
    using spark::FireState;
    const spark::GaugeSettings settings;

    spark::Records empty;
    CHECK(spark::assess(figures_of(empty, june_to_november), settings).state == FireState::no_fire);

    spark::Records core;
    core.people = {person("a", Group::staff, day(6, 1), "", {Role::spark}),
                   person("b", Group::staff, day(6, 1), "", {Role::spark})};
    core.entries = {entry("e1", day(11, 1), Kind::action, {"a"})};
    CHECK(spark::assess(figures_of(core, june_to_november), settings).state == FireState::spark);

    const auto records = spreading();
    const auto running = spark::assess(figures_of(records, june_to_november), settings);
    CHECK(running.state == FireState::running_fire);
    CHECK(running.signals.empty());

    // The same records seen from a later day: nothing new, no action: a straw fire.
    const auto later = figures_of(records, {day(6, 1), Date{2027, 2, 28}});
    const auto straw = spark::assess(later, settings);
    CHECK(straw.state == FireState::straw_fire);
    CHECK(has_signal(straw, "no-new-people"));
    CHECK(has_signal(straw, "no-action"));
    CHECK(has_signal(straw, "no-meetings"));
}

TEST_CASE("assess: every failing state criterion raises a signal", "[report][gauge]") {
    const auto records = spreading();
    const auto f = figures_of(records, june_to_november);
    for (auto [field, signal] : std::vector<std::pair<int spark::GaugeSettings::*, std::string>>{
             {&spark::GaugeSettings::min_new_people, "no-new-people"},
             {&spark::GaugeSettings::min_generations, "shallow-spread"},
             {&spark::GaugeSettings::min_actions, "no-action"},
             {&spark::GaugeSettings::min_meetings, "no-meetings"}}) {
        INFO(signal);
        spark::GaugeSettings settings;
        settings.*field = 10;
        const auto gauge = spark::assess(f, settings);
        CHECK(has_signal(gauge, signal));
        CHECK(gauge.signals.size() == 1);
        if (signal != "no-meetings") {
            CHECK(gauge.state == spark::FireState::straw_fire);
        }
    }
}

TEST_CASE("assess: thresholds of zero always pass", "[report][gauge]") {
    spark::Records core;
    core.people = {person("a", Group::staff, day(6, 1), "", {Role::spark})};
    spark::GaugeSettings settings;
    settings.min_new_people = 0;
    settings.min_meetings = 0;
    settings.min_actions = 0;
    const auto gauge = spark::assess(figures_of(core, june_to_november), settings);
    CHECK(gauge.criterion("new-people").pass);
    CHECK(gauge.criterion("meetings").pass);
    CHECK(gauge.criterion("actions").pass);
    CHECK(gauge.state == spark::FireState::spark);
}

TEST_CASE("assess: signals for leadership, outside, smoothness and proof", "[report][gauge]") {
    spark::Records r;
    r.people = {person("a", Group::staff, day(6, 1), "", {Role::spark}),
                person("b", Group::staff, day(7, 1), "a")};
    r.meetings = {meeting("m1", day(11, 1), {"a", "b"})};
    r.entries = {entry("e1", day(11, 2), Kind::match, {"a"})};
    auto gauge = spark::assess(figures_of(r, june_to_november), {});
    CHECK(has_signal(gauge, "leadership-missing"));
    CHECK(has_signal(gauge, "no-outside"));
    CHECK(has_signal(gauge, "too-smooth"));
    CHECK(has_signal(gauge, "unproven-matches"));
    CHECK_FALSE(has_signal(gauge, "talk-no-action")); // a match is action
    CHECK_FALSE(has_signal(gauge, "no-inside"));

    r.entries.clear();
    gauge = spark::assess(figures_of(r, june_to_november), {});
    CHECK(has_signal(gauge, "talk-no-action"));
    CHECK_FALSE(has_signal(gauge, "no-action")); // the stronger one only

    r.people.push_back(person("t", Group::director, day(8, 1), "a", {Role::critic}));
    r.people.push_back(person("r", Group::resident, day(8, 2), "b"));
    gauge = spark::assess(figures_of(r, june_to_november), {});
    CHECK_FALSE(has_signal(gauge, "leadership-missing"));
    CHECK_FALSE(has_signal(gauge, "no-outside"));
    CHECK_FALSE(has_signal(gauge, "too-smooth"));
}

// ---- words ----

TEST_CASE("signal sentences count in words", "[report][i18n]") {
    using spark::Language;
    const auto records = spreading();
    auto f = figures_of(records, june_to_november);
    f.unproven_matches = 1;
    CHECK(spark::signal_message(Language::nl, {"unproven-matches"}, f)
              .starts_with("1 lucifer zonder"));
    CHECK(spark::signal_message(Language::en, {"unproven-matches"}, f)
              .starts_with("1 match without"));
    f.unproven_matches = 3;
    CHECK(spark::signal_message(Language::nl, {"unproven-matches"}, f)
              .starts_with("3 lucifers zonder"));
    CHECK(spark::window_phrase(Language::nl, 42) == "6 weken");
    CHECK(spark::window_phrase(Language::nl, 7) == "1 week");
    CHECK(spark::window_phrase(Language::en, 10) == "10 days");
    CHECK(spark::window_phrase(Language::en, 1) == "1 day");
    CHECK(spark::elapsed_phrase(Language::nl, 13) == "13 dagen");
    CHECK(spark::elapsed_phrase(Language::nl, 20) == "2 weken");
    CHECK(spark::people_count(Language::nl, 1) == "1 persoon");
    CHECK(spark::people_count(Language::en, 2) == "2 people");
    CHECK(spark::group_count(Language::nl, Group::council, 2) == "2 raadsleden");
    CHECK(spark::group_count(Language::en, Group::staff, 1) == "1 staff member");
    CHECK(spark::criterion_label(Language::en, "new-people", 42) ==
          "New people in the last 6 weeks");
}

// ---- names ----

TEST_CASE("DisplayNames: outside people by group and number, stable numbers", "[report][names]") {
    spark::Records r;
    r.people = {person("anna", Group::staff, day(6, 1), "", {Role::spark}),
                person("olga", Group::resident, day(6, 2), "anna"),
                person("zoe", Group::resident, day(6, 3), "anna"),
                person("nora", std::nullopt, day(6, 4), "anna")};
    r.people[0].name = "Anna Kern";
    r.people[1].name = "Olga Open";
    r.people[1].is_public = true;
    r.people[2].name = "Zoë Geheim";
    r.people[3].name = "Nora Zonder";
    const auto f = figures_of(r, june_to_november);
    using spark::NamesMode;
    const spark::DisplayNames inside(r, f, spark::Language::nl, NamesMode::inside);
    CHECK(inside("anna") == "Anna Kern");
    CHECK(inside("olga") == "Olga Open");
    CHECK(inside("zoe") == "inwoner 2"); // Olga is resident 1, shown by name
    CHECK(inside("nora") == "persoon 1");
    CHECK(inside("unknown-id") == "onbekend");
    const spark::DisplayNames none(r, f, spark::Language::en, NamesMode::none);
    CHECK(none("anna") == "staff member 1");
    CHECK(none("olga") == "resident 1");
    CHECK(none("zoe") == "resident 2");
    const spark::DisplayNames all(r, f, spark::Language::nl, NamesMode::all);
    CHECK(all("zoe") == "Zoë Geheim");
    CHECK(all("nora") == "Nora Zonder");
}

TEST_CASE("DisplayNames::redact replaces hidden names in free text", "[report][names]") {
    spark::Records r;
    r.people = {person("anna", Group::staff, day(6, 1), "", {Role::spark}),
                person("zoe", Group::resident, day(6, 3), "anna"),
                person("jan1", Group::resident, day(6, 4), "anna"),
                person("jan2", Group::staff, day(6, 5), "anna")};
    r.people[0].name = "Anna Kern";
    r.people[1].name = "Zoë de Graaf";
    r.people[2].name = "Jan Smit";
    r.people[3].name = "Jan Bakker";
    const auto f = figures_of(r, june_to_november);
    const spark::DisplayNames names(r, f, spark::Language::nl, spark::NamesMode::inside);
    // A label opening a sentence is capitalised, as the name was.
    CHECK(names.redact("Zoë de Graaf vertelt") == "Inwoner 1 vertelt");
    CHECK(names.redact("Zoë en Anna") == "Inwoner 1 en Anna");
    CHECK(names.redact("Gisteren. Zoë belde") == "Gisteren. Inwoner 1 belde");
    CHECK(names.redact("mevrouw de Graaf") == "mevrouw inwoner 1");
    CHECK(names.redact("Zoëlla en deGraaf") == "Zoëlla en deGraaf"); // whole words only
    // Case and accents do not matter, as when naming people on the command line.
    CHECK(names.redact("met zoe en ZOË DE GRAAF") == "met inwoner 1 en inwoner 1");
    // 'Jan' alone may be the hidden Jan Smit: it becomes a label that names no one.
    CHECK(names.redact("Jan Smit belt Jan") == "Inwoner 2 belt persoon");
    CHECK(names.redact("Jan Bakker belt") == "Jan Bakker belt"); // shown as written
    CHECK(names.redact("meneer Smit") == "meneer inwoner 2");
    CHECK(names.redact("") == "");
    const spark::DisplayNames all(r, f, spark::Language::nl, spark::NamesMode::all);
    CHECK(all.redact("Zoë de Graaf") == "Zoë de Graaf");
}

TEST_CASE("compute_figures: the window of a period still running ends today", "[report][figures]") {
    const spark::Records none;
    const spark::Period tertial =
        spark::parse_period("2026-T3", day(11, 30)); // September to December
    const auto running = spark::compute_figures(none, {}, tertial, day(11, 30));
    CHECK(running.window.until == day(11, 30));
    CHECK(running.window.since == day(10, 20));
    const auto finished =
        spark::compute_figures(none, {}, spark::parse_period("2026-Q3", day(11, 30)), day(11, 30));
    CHECK(finished.window.until == day(9, 30));
}
