#include "html.hpp"
#include "report.hpp"
#include "report_svg.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

// One page that stands alone: the styles inline, no script, nothing fetched (the policy says
// so to the browser too), light and dark from the reader's setting, A4 when printed with
// every section on a new page.
constexpr const char* style = R"css(
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --rule: #d0d7de; --head: #f3f5f7;
  --bar: #e8590c; --line: #1c7ed6; --grid: #e4e8ec;
  --node: #eef1f4; --node-fg: #1f2328; --node-rule: #8c959f; --edge: #8c959f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --rule: #3d444d; --head: #161b22;
    --bar: #f76707; --line: #4dabf7; --grid: #262c36;
    --node: #262c36; --node-fg: #e6edf3; --node-rule: #6e7681; --edge: #6e7681;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.5 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem;
     border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .5rem; }
p, ul { margin: .5rem 0 .8rem; }
.summary { color: var(--muted); }
nav ol { margin: .6rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap;
         gap: .2rem 1.2rem; }
nav a { color: inherit; }
.table { overflow-x: auto; margin: .6rem 0 1rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--rule); padding: .3rem .6rem; vertical-align: top;
         text-align: left; }
th { background: var(--head); }
.right { text-align: right; font-variant-numeric: tabular-nums; }
.center { text-align: center; }
.nowrap { white-space: nowrap; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
figure { margin: .8rem 0 1rem; }
figure.growth svg { width: 100%; max-width: 720px; height: auto; }
figure.network { overflow-x: auto; }
figcaption { color: var(--muted); font-style: italic; font-size: .92rem; }
svg text { fill: var(--fg); font: 12px system-ui, "DejaVu Sans", sans-serif; }
svg .chart-title { font-size: 14px; font-weight: 600; }
svg .tick, svg .axis-label { fill: var(--muted); }
svg .value { font-size: 11px; }
svg .value.inside { fill: #ffffff; }
svg .grid { stroke: var(--grid); }
svg .axis { stroke: var(--muted); }
svg .bar { fill: var(--bar); }
svg .line { fill: none; stroke: var(--line); stroke-width: 2.5; }
svg .dot { fill: var(--line); }
svg .edge { fill: none; stroke: var(--edge); stroke-width: 1.3; }
svg .node rect { fill: var(--node); stroke: var(--node-rule); }
svg .node text { fill: var(--node-fg); }
svg .node.core rect { fill: #ff9955; stroke: #c0501a; }
svg .node.outside rect { fill: #a5d8ff; stroke: #1c7ed6; }
svg .node.core text, svg .node.outside text { fill: #000000; }
footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--rule);
         color: var(--muted); }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --rule: #b8c0c8; --head: #eef1f4;
    --bar: #e8590c; --line: #1c7ed6; --grid: #e4e8ec;
    --node: #eef1f4; --node-fg: #000000; --node-rule: #8c959f; --edge: #8c959f;
  }
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  nav { display: none; }
  section + section { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, figure, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .table, figure.network { overflow: visible; }
  figure svg { max-width: 100%; height: auto; }
}
)css";

std::string span_html(const Span& span) {
    const std::string text = span.fixed ? html_escape(span.text) : html_text(span.text);
    switch (span.style) {
    case Span::Style::strong:
        return "<strong>" + text + "</strong>";
    case Span::Style::emphasis:
        return "<em>" + text + "</em>";
    case Span::Style::code:
        return "<code>" + text + "</code>";
    default:
        return text;
    }
}

std::string spans_html(const Spans& spans) {
    std::string out;
    for (const auto& span : spans) {
        out += span_html(span);
    }
    return out;
}

const char* align_class(Align align) {
    return align == Align::right ? "right" : align == Align::center ? "center" : "";
}

std::string cell_class(Align align, bool nowrap) {
    std::string classes = align_class(align);
    if (nowrap) {
        classes += classes.empty() ? "nowrap" : " nowrap";
    }
    return classes.empty() ? "" : " class=\"" + classes + "\"";
}

class HtmlWriter {
  public:
    std::string write(const ReportDocument& doc) {
        const bool dutch = doc.language == Language::nl;
        out_ += fmt::format(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"color-scheme\" content=\"light dark\">\n"
            "<meta name=\"generator\" content=\"spark\">\n"
            "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
            dutch ? "nl" : "en", html_text(plain_text(doc.title)), style);
        out_ += "<header>\n<h1>" + spans_html(doc.title) + "</h1>\n";
        out_ += "<p class=\"summary\">" + spans_html(doc.summary) + "</p>\n";
        out_ += fmt::format("<nav aria-label=\"{}\"><ol>", words(doc.language).contents);
        for (const auto& section : doc.sections) {
            out_ += fmt::format("<li><a href=\"#{}\">{}</a></li>", html_text(section.id),
                                spans_html(section.heading));
        }
        out_ += "</ol></nav>\n</header>\n<main>\n";
        for (const auto& section : doc.sections) {
            out_ += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", html_text(section.id),
                                spans_html(section.heading));
            for (const auto& block : section.blocks) {
                std::visit([this](const auto& b) { write_block(b); }, block);
            }
            out_ += "</section>\n";
        }
        out_ += "</main>\n<footer>\n<p>" + spans_html(doc.closing) +
                "</p>\n</footer>\n</body>\n</html>\n";
        return std::move(out_);
    }

  private:
    void write_block(const Paragraph& p) { out_ += "<p>" + spans_html(p.spans) + "</p>\n"; }

    void write_block(const Subheading& h) { out_ += "<h3>" + spans_html(h.spans) + "</h3>\n"; }

    void write_block(const BulletList& list) {
        out_ += "<ul>\n";
        for (const auto& item : list.items) {
            out_ += "<li>" + spans_html(item) + "</li>\n";
        }
        out_ += "</ul>\n";
    }

    void write_block(const Table& table) {
        out_ += "<div class=\"table\"><table>\n<thead><tr>";
        for (const auto& column : table.columns) {
            out_ += fmt::format("<th{}>{}</th>", cell_class(column.align, false),
                                spans_html(column.heading));
        }
        out_ += "</tr></thead>\n<tbody>\n";
        for (const auto& row : table.rows) {
            out_ += "<tr>";
            for (std::size_t c = 0; c < row.size(); ++c) {
                const Align align = c < table.columns.size() ? table.columns[c].align : Align::left;
                out_ += fmt::format("<td{}>{}</td>", cell_class(align, row[c].keep_together),
                                    spans_html(row[c].spans));
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table></div>\n";
    }

    void figure(const char* kind, const std::string& svg, const std::string& caption) {
        out_ += fmt::format("<figure class=\"{}\">\n{}\n", kind, svg);
        if (!caption.empty()) {
            out_ += "<figcaption>" + html_escape(caption) + "</figcaption>\n";
        }
        out_ += "</figure>\n";
    }

    void write_block(const GrowthChart& chart) {
        if (!chart.points.empty()) {
            figure("growth", growth_svg(chart), chart.caption);
        }
    }

    void write_block(const NetworkChart& chart) {
        if (!chart.nodes.empty()) {
            figure("network", network_svg(chart), chart.caption);
        }
    }

    std::string out_;
};

} // namespace

std::string render_html(const ReportDocument& document) {
    return HtmlWriter().write(document);
}

} // namespace spark
