#include "html.hpp"
#include "report.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <string>
#include <vector>

using spark::Span;

namespace {

spark::ReportDocument document_with(spark::ReportSection section) {
    spark::ReportDocument doc;
    doc.title = {Span{"Wijk", Span::Style::plain, false}, Span{" — rapport", {}, true}};
    doc.summary = {Span{"Periode", {}, true}};
    doc.sections.push_back(std::move(section));
    doc.closing = {Span{"Noot", Span::Style::emphasis, true}};
    return doc;
}

} // namespace

TEST_CASE("Markdown: a new section needs no renderer change", "[report][document]") {
    spark::ReportSection section{"pokers", {Span{"Poken", {}, true}}, {}};
    section.blocks.push_back(spark::Paragraph{{Span{"Wie stookt:", {}, true}}});
    section.blocks.push_back(spark::BulletList{{{Span{"Anna", {}, false}}}});
    const std::string md = spark::render_markdown(document_with(section), spark::MermaidStyle::off);
    CHECK(md == "# Wijk — rapport\n\nPeriode\n\n## Poken\n\nWie stookt:\n\n- Anna\n\n"
                "---\n\n*Noot*\n");
}

TEST_CASE("HTML: a new section needs no renderer change either", "[report][document]") {
    spark::ReportSection section{"pokers", {Span{"Poken", {}, true}}, {}};
    section.blocks.push_back(spark::Paragraph{{Span{"Wie stookt:", {}, true}}});
    section.blocks.push_back(spark::BulletList{{{Span{"Anna <b>\"&'", {}, false}}}});
    const std::string page = spark::render_html(document_with(section));
    CHECK(page.find("<li><a href=\"#pokers\">Poken</a></li>") != std::string::npos);
    CHECK(page.find("<section id=\"pokers\">\n<h2>Poken</h2>\n<p>Wie stookt:</p>\n<ul>\n"
                    "<li>Anna &lt;b&gt;&quot;&amp;&#39;</li>\n</ul>\n</section>") !=
          std::string::npos);
    CHECK(page.find("<title>Wijk — rapport</title>") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
}

TEST_CASE("html_text: one line of inert text", "[report][document]") {
    CHECK(spark::html_text("  <a href=\"x\">\n\t'b' & c  ") ==
          "&lt;a href=&quot;x&quot;&gt; &#39;b&#39; &amp; c");
    CHECK(spark::html_text("a\xE2\x80\xA8"
                           "b\xC2\x85"
                           "c") == "a b c");
    CHECK(spark::html_escape(" · ") == " · ");
}

TEST_CASE("Markdown: user text is escaped, spark's words are not", "[report][document]") {
    spark::ReportSection section{"x", {Span{"Kop", {}, true}}, {}};
    section.blocks.push_back(spark::Paragraph{{
        Span{"(26%) *", {}, true},
        Span{"(26%) *<b>", {}, false},
        Span{"kern", Span::Style::strong, false},
        Span{"no-pokers", Span::Style::code, true},
    }});
    const std::string md = spark::render_markdown(document_with(section), spark::MermaidStyle::off);
    CHECK(md.find("(26%) *\\(26\\%\\) \\*&lt;b&gt;**kern**`no-pokers`\n") != std::string::npos);
}

TEST_CASE("Markdown: tables align their columns", "[report][document]") {
    spark::Table table;
    table.columns = {{{Span{"Datum", {}, true}}, spark::Align::left},
                     {{Span{"Aantal", {}, true}}, spark::Align::right},
                     {{}, spark::Align::center}};
    table.rows.push_back({{{Span{"2026-07-06", {}, true}}, true, {}},
                          {{Span{"3", {}, true}}, false, 3},
                          {{Span{"a|b", {}, false}}, false, {}}});
    spark::ReportSection section{"x", {Span{"Kop", {}, true}}, {}};
    section.blocks.push_back(table);
    const std::string md = spark::render_markdown(document_with(section), spark::MermaidStyle::off);
    CHECK(md.find("| Datum | Aantal | |\n|---|---:|:---:|\n| 2026-07-06 | 3 | a\\|b |\n\n") !=
          std::string::npos);
}

// ---- the builder, on records made in memory ----

namespace {

using spark::Date;
using spark::Group;
using spark::Kind;
using spark::Role;

spark::Person staff(std::string id, Date since, std::string invited_by = "",
                    std::vector<Role> roles = {}, Group group = Group::staff) {
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

spark::Entry entry(std::string id, Date date, Kind kind, std::vector<std::string> people) {
    spark::Entry e;
    e.id = std::move(id);
    e.title = e.id;
    e.date = date;
    e.kind = kind;
    e.people = std::move(people);
    return e;
}

struct Built {
    spark::Records records;
    spark::Figures figures;
    spark::ReportDocument doc;
};

// The report of the records over the period, with `more` changing the options.
Built build(spark::Records records, spark::Period period, spark::Language language,
            std::size_t max_entries = 50) {
    Built b{std::move(records), {}, {}};
    spark::Config config;
    config.name = "Wijk";
    const auto analysis = spark::analyse(b.records, config, period, period.until);
    b.figures = analysis.figures;
    spark::ReportOptions options;
    options.language = language;
    options.generated = period.until;
    options.max_entries_per_kind = max_entries;
    b.doc = spark::build_report(config, b.records, analysis, options);
    return b;
}

const spark::Period june_to_november{Date{2026, 6, 1}, Date{2026, 11, 30}};

// A core of one who invited `invited` colleagues.
spark::Records one_generation(int invited) {
    spark::Records r;
    r.people.push_back(staff("anna", Date{2026, 6, 1}, "", {Role::spark}));
    for (int i = 0; i < invited; ++i) {
        r.people.push_back(staff(fmt::format("p{:02}", i), Date{2026, 7, 1 + i % 28}, "anna"));
    }
    return r;
}

template <typename Block>
const Block* find_block(const spark::ReportDocument& doc, const std::string& section) {
    for (const auto& s : doc.sections) {
        if (s.id == section) {
            for (const auto& block : s.blocks) {
                if (const auto* found = std::get_if<Block>(&block)) {
                    return found;
                }
            }
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("builder: one more person than the table lists is 'en 1 andere'", "[report][document]") {
    const auto nl16 = build(one_generation(16), june_to_november, spark::Language::nl);
    const std::string md16 = spark::render_markdown(nl16.doc, spark::MermaidStyle::off);
    CHECK(md16.find("p14 en 1 andere |") != std::string::npos);
    const auto nl17 = build(one_generation(17), june_to_november, spark::Language::nl);
    CHECK(spark::render_markdown(nl17.doc, spark::MermaidStyle::off).find("en 2 anderen |") !=
          std::string::npos);
    const auto en16 = build(one_generation(16), june_to_november, spark::Language::en);
    CHECK(spark::render_markdown(en16.doc, spark::MermaidStyle::off).find("and 1 other |") !=
          std::string::npos);
}

TEST_CASE("builder: a long log says how many entries are left out, without a command",
          "[report][document]") {
    auto r = one_generation(1);
    for (int i = 0; i < 4; ++i) {
        r.entries.push_back(
            entry(fmt::format("e{}", i), Date{2026, 7, 6 + i}, Kind::spark, {"anna"}));
    }
    const auto b = build(std::move(r), june_to_november, spark::Language::nl, 2);
    const std::string md = spark::render_markdown(b.doc, spark::MermaidStyle::fenced);
    CHECK(md.find("En 2 eerdere vermeldingen in deze periode.\n") != std::string::npos);
    CHECK(md.find("spark list") == std::string::npos);
    // Dates in tables do not wrap: no-break spaces, which browsers copy as plain spaces.
    CHECK(md.find("| 9\u00A0jul\u00A02026 | e3 | anna |") != std::string::npos);
}

TEST_CASE("builder: longer than 18 months, the growth goes per quarter", "[report][document]") {
    const spark::Period period{Date{2025, 2, 1}, Date{2026, 11, 30}}; // 22 months
    const auto b = build(one_generation(3), period, spark::Language::nl);
    const auto* chart = find_block<spark::GrowthChart>(b.doc, "growth");
    REQUIRE(chart != nullptr);
    std::vector<std::string> labels;
    for (const auto& p : chart->points) {
        labels.push_back(p.label);
    }
    // Q1 2025 (from February) … Q4 2026; the chart names the years only.
    CHECK(labels == std::vector<std::string>{"2025", "", "", "", "2026", "", "", ""});
    int new_people = 0;
    for (const auto& m : b.figures.months) {
        new_people += m.new_people;
    }
    int charted = 0;
    for (const auto& p : chart->points) {
        charted += p.new_people;
    }
    CHECK(charted == new_people);
    CHECK(chart->points.back().people == b.figures.months.back().people);
    const auto* table = find_block<spark::Table>(b.doc, "growth");
    REQUIRE(table != nullptr);
    CHECK(spark::plain_text(table->columns[0].heading) == "Kwartaal");
    REQUIRE(table->rows.size() == 8);
    CHECK(spark::plain_text(table->rows[0][0].spans) == "Q1 2025");
    CHECK(spark::plain_text(table->rows[7][0].spans) == "Q4 2026");
    const auto& sections = b.doc.sections;
    CHECK(std::any_of(sections.begin(), sections.end(), [](const auto& s) {
        return s.id == "growth" && spark::plain_text(s.heading) == "Groei per kwartaal";
    }));
}

TEST_CASE("builder: the spread graph draws the first 35, each with the one who invited them",
          "[report][document]") {
    // A chain of 50: anna invites p00, p00 invites p01, …; and a resident at the end.
    spark::Records r;
    r.people.push_back(staff("anna", Date{2026, 6, 1}, "", {Role::spark}));
    for (int i = 0; i < 50; ++i) {
        r.people.push_back(staff(fmt::format("p{:02}", i), Date{2026, 6, 2 + i % 28},
                                 i == 0 ? "anna" : fmt::format("p{:02}", i - 1), {},
                                 i % 10 == 9 ? Group::resident : Group::staff));
    }
    const auto b = build(std::move(r), june_to_november, spark::Language::nl);
    const auto* graph = find_block<spark::NetworkChart>(b.doc, "spread");
    REQUIRE(graph != nullptr);
    CHECK(graph->nodes.size() == 35);
    std::vector<bool> invited(graph->nodes.size(), false);
    for (const auto& edge : graph->edges) {
        invited[edge.to] = true;
        CHECK(graph->nodes[edge.from].generation + 1 == graph->nodes[edge.to].generation);
    }
    for (std::size_t i = 0; i < graph->nodes.size(); ++i) {
        CHECK((graph->nodes[i].core || invited[i]));
        if (i > 0) {
            CHECK(graph->nodes[i - 1].generation <= graph->nodes[i].generation);
        }
    }
    CHECK(graph->caption == "Oranje: de kern. Blauw: van buiten de organisatie. De grafiek toont "
                            "de eerste 35 van 51 mensen; de tabel telt iedereen.");
    const std::string md = spark::render_markdown(b.doc, spark::MermaidStyle::classic);
    CHECK(md.find("```mermaid\ngraph LR\n") != std::string::npos);
    // Every class sets its text colour, so labels read on Mermaid's light and dark themes.
    std::size_t class_defs = 0;
    for (auto at = md.find("classDef "); at != std::string::npos;
         at = md.find("classDef ", at + 1)) {
        ++class_defs;
        const auto line = md.substr(at, md.find('\n', at) - at);
        CHECK(line.find(",color:#") != std::string::npos);
    }
    CHECK(class_defs == 2);
}
