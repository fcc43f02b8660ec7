#include "error.hpp"
#include "figures.hpp"
#include "fixtures.hpp"
#include "gauge.hpp"
#include "i18n.hpp"
#include "markdown.hpp"
#include "names.hpp"
#include "period.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace fixtures;

namespace {

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
