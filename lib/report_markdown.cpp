#include "markdown.hpp"
#include "report.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace spark {

namespace {

// spark's own words: trusted, only the HTML special characters written as entities.
std::string fixed_markdown(std::string_view text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        default:
            out += ch;
        }
    }
    return out;
}

std::string span_markdown(const Span& span) {
    if (span.style == Span::Style::code) {
        // Code spans show their text as it is; a backtick or a line break would end one.
        std::string code;
        for (char ch : span.text) {
            code += (ch == '`' || ch == '\n' || ch == '\r') ? ' ' : ch;
        }
        return "`" + code + "`";
    }
    const std::string text = span.fixed ? fixed_markdown(span.text) : markdown_text(span.text);
    switch (span.style) {
    case Span::Style::strong:
        return "**" + text + "**";
    case Span::Style::emphasis:
        return "*" + text + "*";
    default:
        return text;
    }
}

std::string spans_markdown(const Spans& spans) {
    std::string out;
    for (const auto& span : spans) {
        out += span_markdown(span);
    }
    return out;
}

class MarkdownWriter {
  public:
    explicit MarkdownWriter(MermaidStyle mermaid) : mermaid_(mermaid) {}

    std::string write(const ReportDocument& doc) {
        out_ += "# " + spans_markdown(doc.title) + "\n\n";
        out_ += spans_markdown(doc.summary) + "\n\n";
        for (const auto& section : doc.sections) {
            out_ += "## " + spans_markdown(section.heading) + "\n\n";
            for (const auto& block : section.blocks) {
                std::visit([this](const auto& b) { write_block(b); }, block);
            }
        }
        // Every block ends with a blank line; "---" right under a text line would turn it
        // into a heading.
        out_ += "---\n\n" + spans_markdown(doc.closing) + "\n";
        return std::move(out_);
    }

  private:
    void write_block(const Paragraph& p) { out_ += spans_markdown(p.spans) + "\n\n"; }

    void write_block(const Subheading& h) { out_ += "### " + spans_markdown(h.spans) + "\n\n"; }

    void write_block(const BulletList& list) {
        for (const auto& item : list.items) {
            out_ += "- " + spans_markdown(item) + "\n";
        }
        out_ += "\n";
    }

    static std::string row(const std::vector<std::string>& cells, bool heading) {
        std::string line = "|";
        for (const auto& text : cells) {
            // An empty heading cell is written "| |".
            line += text.empty() && heading ? " |" : " " + text + " |";
        }
        return line + "\n";
    }

    // A cell that must not wrap: its spaces become no-break spaces. Browsers copy them as
    // plain spaces, so "6 jul 2026" pastes as it reads.
    static std::string unbroken(std::string text) {
        std::string out;
        for (char ch : text) {
            out += ch == ' ' ? std::string("\u00A0") : std::string(1, ch);
        }
        return out;
    }

    // "▇▇▇▇ 6": a bar of up to ten blocks, the longest for the column's largest number.
    static std::string bar(long value, long largest) {
        if (value <= 0 || largest <= 0) {
            return std::to_string(value);
        }
        const long blocks = std::max(1L, (value * 10 + largest / 2) / largest);
        std::string out;
        for (long i = 0; i < blocks; ++i) {
            out += "▇";
        }
        return out + " " + std::to_string(value);
    }

    void write_block(const Table& table) {
        // Without the chart beside the table, its numbers are drawn as bars in the table.
        const bool bars = !draws_xychart();
        std::vector<long> largest(table.columns.size(), 0);
        for (const auto& r : table.rows) {
            for (std::size_t c = 0; c < r.size() && c < largest.size(); ++c) {
                largest[c] = std::max(largest[c], r[c].number.value_or(0));
            }
        }
        std::vector<std::string> cells;
        std::string rule = "|";
        for (const auto& column : table.columns) {
            cells.push_back(spans_markdown(column.heading));
            const Align align = bars && column.bars ? Align::left : column.align;
            rule += align == Align::right ? "---:|" : align == Align::center ? ":---:|" : "---|";
        }
        out_ += row(cells, true) + rule + "\n";
        for (const auto& r : table.rows) {
            cells.clear();
            for (std::size_t c = 0; c < r.size(); ++c) {
                const TableCell& cell = r[c];
                std::string text = spans_markdown(cell.spans);
                if (bars && c < table.columns.size() && table.columns[c].bars && cell.number) {
                    text = bar(*cell.number, largest[c]);
                }
                cells.push_back(cell.keep_together ? unbroken(text) : text);
            }
            out_ += row(cells, false);
        }
        out_ += "\n";
    }

    bool draws_xychart() const { return mermaid_ == MermaidStyle::fenced; }

    void chart(const std::string& body, const std::string& caption) {
        switch (mermaid_) {
        case MermaidStyle::fenced:
        case MermaidStyle::classic:
            out_ += "```mermaid\n" + body + "```\n\n";
            break;
        case MermaidStyle::azure:
            out_ += "::: mermaid\n" + body + ":::\n\n";
            break;
        case MermaidStyle::off:
            return;
        }
        if (!caption.empty()) {
            out_ += span_markdown(Span{caption, Span::Style::emphasis, true}) + "\n\n";
        }
    }

    // The growth as an xychart (Mermaid 10.3 and later). Older renderers get bars in the
    // table instead. Bars and line in colours that read on light and dark backgrounds; the
    // y-axis reaches at least 8, so its ticks are whole people.
    void write_block(const GrowthChart& growth) {
        if (!draws_xychart() || growth.points.empty()) {
            return;
        }
        std::vector<std::string> labels;
        std::vector<std::string> new_people;
        std::vector<std::string> totals;
        int top = 8;
        std::map<std::string, int> seen;
        for (const auto& p : growth.points) {
            // Mermaid merges equal labels into one band ("jul" of 2025 and of 2026) and
            // refuses an empty one: a zero-width space per repetition keeps them apart,
            // invisibly.
            std::string label = mermaid_label(p.label);
            for (int i = seen[label]++ + (label.empty() ? 1 : 0); i > 0; --i) {
                label += "\u200B";
            }
            labels.push_back("\"" + label + "\"");
            new_people.push_back(std::to_string(p.new_people));
            totals.push_back(std::to_string(p.people));
            top = std::max({top, p.people, p.new_people});
        }
        // Wider than Mermaid's 700 pixels when more than 12 labels need room; the page
        // scales the chart to fit, labels and all.
        const auto labelled = std::count_if(growth.points.begin(), growth.points.end(),
                                            [](const auto& p) { return !p.label.empty(); });
        const std::size_t width = std::max<std::size_t>(700, 80 + 48 * labelled);
        const std::string size =
            width > 700 ? fmt::format("\"xyChart\": {{\"width\": {}}}, ", width) : "";
        chart(fmt::format("%%{{init: {{{}\"themeVariables\": {{\"xyChart\": "
                          "{{\"plotColorPalette\": \"{}, {}\"}}}}}}}}%%\n"
                          "xychart-beta\n"
                          "    title \"{}\"\n"
                          "    x-axis [{}]\n"
                          "    y-axis \"{}\" 0 --> {}\n"
                          "    bar [{}]\n"
                          "    line [{}]\n",
                          size, bar_colour, line_colour, mermaid_label(growth.title),
                          join(labels, ", "), mermaid_label(growth.axis), top,
                          join(new_people, ", "), join(totals, ", ")),
              growth.caption);
    }

    // The spread as a `graph` (every Mermaid version), left to right, generation by
    // generation. Colours with their text colour, so labels read in light and dark themes.
    void write_block(const NetworkChart& network) {
        if (network.nodes.empty()) {
            return;
        }
        std::string graph = "graph LR\n";
        std::vector<std::string> core;
        std::vector<std::string> outside;
        for (std::size_t i = 0; i < network.nodes.size(); ++i) {
            const auto& node = network.nodes[i];
            graph += fmt::format("    p{}[\"{}\"]\n", i, mermaid_label(node.label));
            if (node.core) {
                core.push_back(fmt::format("p{}", i));
            } else if (node.outside) {
                outside.push_back(fmt::format("p{}", i));
            }
        }
        for (const auto& edge : network.edges) {
            graph += fmt::format("    p{} --> p{}\n", edge.from, edge.to);
        }
        if (!core.empty()) {
            graph += fmt::format("    classDef core {}\n", core_style);
            graph += fmt::format("    class {} core\n", join(core, ","));
        }
        if (!outside.empty()) {
            graph += fmt::format("    classDef outside {}\n", outside_style);
            graph += fmt::format("    class {} outside\n", join(outside, ","));
        }
        chart(graph, network.caption);
    }

    static constexpr const char* bar_colour = "#e8590c";
    static constexpr const char* line_colour = "#228be6";
    static constexpr const char* core_style = "fill:#ff9955,stroke:#c0501a,color:#000000";
    static constexpr const char* outside_style = "fill:#a5d8ff,stroke:#1c7ed6,color:#000000";

    MermaidStyle mermaid_;
    std::string out_;
};

} // namespace

std::string render_markdown(const ReportDocument& document, MermaidStyle mermaid) {
    return MarkdownWriter(mermaid).write(document);
}

std::string render_markdown_report(const Config& config, const Records& records,
                                   const Analysis& analysis, const ReportOptions& options) {
    return render_markdown(build_report(config, records, analysis, options), options.mermaid);
}

} // namespace spark
