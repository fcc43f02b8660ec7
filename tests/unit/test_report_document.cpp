#include "report.hpp"

#include <catch2/catch.hpp>
#include <string>

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
    table.rows.push_back({{{Span{"2026-07-06", {}, true}}, true},
                          {{Span{"3", {}, true}}, false},
                          {{Span{"a|b", {}, false}}, false}});
    spark::ReportSection section{"x", {Span{"Kop", {}, true}}, {}};
    section.blocks.push_back(table);
    const std::string md = spark::render_markdown(document_with(section), spark::MermaidStyle::off);
    CHECK(md.find("| Datum | Aantal | |\n|---|---:|:---:|\n| 2026-07-06 | 3 | a\\|b |\n\n") !=
          std::string::npos);
}
