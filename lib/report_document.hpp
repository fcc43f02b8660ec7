#pragma once

#include "i18n.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace spark {

// The report as a document, before it is written in any format: what it says (sections,
// paragraphs, tables, charts as data), not how it looks. The builder (report_builder.cpp)
// decides the content, in the reader's language, with hidden names already replaced; each
// renderer (Markdown, HTML) decides the looks and escapes every piece of text for its format.
// A new section is one builder function; a renderer changes only for a new kind of block.

// A run of text. Text from the records (titles, names, places, effects…) is escaped fully by
// every renderer; spark's own words (`fixed`, from the language tables) are trusted not to
// form markup, so the Markdown renderer writes them as they are, HTML entities apart. Mark a
// span fixed only when no user text went into it.
struct Span {
    enum class Style { plain, strong, emphasis, code };
    std::string text;
    Style style = Style::plain;
    bool fixed = false;
};
using Spans = std::vector<Span>;

struct Paragraph {
    Spans spans;
};

// A heading inside a section (a kind of log entry, one meeting).
struct Subheading {
    Spans spans;
};

struct BulletList {
    std::vector<Spans> items;
};

enum class Align { left, right, center };

struct TableColumn {
    Spans heading;
    Align align = Align::left;
    // The numbers a chart beside the table draws: a renderer that shows no chart may draw
    // them as bars in the table instead.
    bool bars = false;
};

struct TableCell {
    Spans spans;
    // A date or a similar short value that reads wrongly when wrapped: renderers keep it on
    // one line.
    bool keep_together = false;
    std::optional<long> number; // the value of a number cell
};

struct Table {
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
};

// New people (bars) and people involved in total (line) per month or quarter. The table
// beside it carries the same numbers.
struct GrowthChart {
    struct Point {
        std::string label; // "jun 2026", "jul", …, "jan 2027"; "Q3 2026", "Q4"
        int new_people = 0;
        int people = 0;
    };
    std::string title;   // "Betrokken mensen per maand"
    std::string axis;    // "Mensen"
    std::string caption; // what bars and line mean, shown with the chart
    std::vector<Point> points;
};

// Who brought in whom (invited_by), as nodes and edges; generation 0 is the core group.
struct NetworkChart {
    struct Node {
        std::string label; // a display name: "Anna de Vries" or "inwoner 2"
        int generation = 0;
        bool core = false;
        bool outside = false; // from outside the organisation
    };
    struct Edge {
        std::size_t from = 0; // indexes into nodes
        std::size_t to = 0;
    };
    std::vector<Node> nodes; // by generation, then by first involvement
    std::vector<Edge> edges;
    std::string caption; // the colours, and how many people are left out of the drawing
    std::vector<std::string> generations; // headings per generation: "Generatie 0 (kern)", …
};

using Block = std::variant<Paragraph, Subheading, BulletList, Table, GrowthChart, NetworkChart>;

struct ReportSection {
    std::string id; // stable, for anchors and page breaks: "gauge", "signals", "growth", …
    Spans heading;
    std::vector<Block> blocks;
};

struct ReportDocument {
    Language language = Language::nl;
    Spans title;   // "Wijkkracht Lindewaard — voortgangsrapportage"
    Spans summary; // organisation · period · generated date
    std::vector<ReportSection> sections;
    Spans closing; // the privacy note under the last section
};

// The text of spans without styles, for places that take plain text (an HTML <title>).
std::string plain_text(const Spans& spans);

} // namespace spark
