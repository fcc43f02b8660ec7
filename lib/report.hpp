#pragma once

#include "analysis.hpp"
#include "config.hpp"
#include "i18n.hpp"
#include "names.hpp"
#include "report_document.hpp"

#include <string>

namespace spark {

// How charts are written in Markdown. fenced: ```mermaid blocks for Mermaid 10.3 and later
// (GitHub, GitLab, Gitea): the growth as an xychart, the spread as a graph. classic: the same
// fences with only `graph` (older Mermaid, as on many self-hosted wikis), the growth drawn
// as bars of text in its table. azure: classic in ::: mermaid blocks (Azure DevOps wikis).
// off: no charts, the growth bars in the table. Every chart has a table with the same
// numbers beside it.
enum class MermaidStyle { fenced, classic, azure, off };

struct ReportOptions {
    Language language = Language::nl;
    MermaidStyle mermaid = MermaidStyle::fenced; // Markdown only
    NamesMode names = NamesMode::inside;
    Date generated;
    // Longer sections show their latest items and say how many more there are.
    std::size_t max_entries_per_kind = 50;
    std::size_t max_meetings = 30;
    std::size_t max_graph_people = 35; // the spread graph draws the first ones
    // Errors `spark check` finds, for a report made anyway (--force; report_input.hpp): the
    // JSON report lists them under "problems".
    std::vector<std::string> problems;
};

// The report's content, in options.language, with people named as options.names allows.
ReportDocument build_report(const Config& config, const Records& records, const Analysis& analysis,
                            const ReportOptions& options);

std::string render_markdown(const ReportDocument& document, MermaidStyle mermaid);

// build_report, then render_markdown.
std::string render_markdown_report(const Config& config, const Records& records,
                                   const Analysis& analysis, const ReportOptions& options);

// One self-contained HTML page: inline CSS and SVG charts, no script, light and dark, A4
// when printed.
std::string render_html(const ReportDocument& document);

// The same figures for scripts; people in advice by group and number only.
std::string render_json_report(const Config& config, const Records& records,
                               const Analysis& analysis, const ReportOptions& options);

} // namespace spark
