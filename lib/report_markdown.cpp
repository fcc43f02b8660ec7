#include "markdown.hpp"
#include "report.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>

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

    void write_block(const Table& table) {
        std::vector<std::string> cells;
        std::string rule = "|";
        for (const auto& column : table.columns) {
            cells.push_back(spans_markdown(column.heading));
            rule += column.align == Align::right    ? "---:|"
                    : column.align == Align::center ? ":---:|"
                                                    : "---|";
        }
        out_ += row(cells, true) + rule + "\n";
        for (const auto& r : table.rows) {
            cells.clear();
            for (const auto& c : r) {
                cells.push_back(spans_markdown(c.spans));
            }
            out_ += row(cells, false);
        }
        out_ += "\n";
    }

    void chart(const std::string& body) {
        switch (mermaid_) {
        case MermaidStyle::fenced:
            out_ += "```mermaid\n" + body + "```\n\n";
            break;
        case MermaidStyle::azure:
            out_ += "::: mermaid\n" + body + ":::\n\n";
            break;
        case MermaidStyle::off:
            break;
        }
    }

    void write_block(const GrowthChart& growth) {
        if (mermaid_ == MermaidStyle::azure) {
            // Azure DevOps renders only the older diagram types (no xychart, Mermaid < 10.3):
            // a pie of the newcomers per month, months without newcomers left out.
            std::string pie = fmt::format("pie title {}\n", mermaid_label(growth.pie_title));
            for (const auto& p : growth.points) {
                if (p.new_people > 0) {
                    pie += fmt::format("    \"{}\" : {}\n", mermaid_label(p.label), p.new_people);
                }
            }
            if (pie.find(" : ") != std::string::npos) {
                chart(pie);
            }
            return;
        }
        std::vector<std::string> labels;
        std::vector<std::string> new_people;
        std::vector<std::string> totals;
        int top = 1;
        for (const auto& p : growth.points) {
            labels.push_back("\"" + mermaid_label(p.label) + "\"");
            new_people.push_back(std::to_string(p.new_people));
            totals.push_back(std::to_string(p.people));
            top = std::max({top, p.people, p.new_people});
        }
        chart(fmt::format("xychart-beta\n"
                          "    title \"{}\"\n"
                          "    x-axis [{}]\n"
                          "    y-axis \"{}\" 0 --> {}\n"
                          "    bar [{}]\n"
                          "    line [{}]\n",
                          mermaid_label(growth.title), join(labels, ", "),
                          mermaid_label(growth.axis), top, join(new_people, ", "),
                          join(totals, ", ")));
    }

    void write_block(const NetworkChart& network) {
        if (network.nodes.empty()) {
            return;
        }
        std::string graph = "graph TD\n";
        std::vector<std::string> core;
        for (std::size_t i = 0; i < network.nodes.size(); ++i) {
            graph += fmt::format("    p{}[\"{}\"]\n", i, mermaid_label(network.nodes[i].label));
            if (network.nodes[i].core) {
                core.push_back(fmt::format("p{}", i));
            }
        }
        for (const auto& edge : network.edges) {
            graph += fmt::format("    p{} --> p{}\n", edge.from, edge.to);
        }
        if (!core.empty()) {
            graph += "    classDef core fill:#f96,stroke:#c60\n";
            graph += fmt::format("    class {} core\n", join(core, ","));
        }
        chart(graph);
    }

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
