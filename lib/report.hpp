#pragma once

#include "config.hpp"
#include "analysis.hpp"
#include "i18n.hpp"
#include "names.hpp"
#include "report_document.hpp"

#include <string>

namespace spark {

// How charts are written: ```mermaid fences (GitHub, GitLab), ::: mermaid blocks (Azure
// DevOps wikis), or not at all. Every chart has a table with the same numbers beside it.
enum class MermaidStyle { fenced, azure, off };

struct ReportOptions {
    Language language = Language::nl;
    MermaidStyle mermaid = MermaidStyle::fenced; // Markdown only
    NamesMode names = NamesMode::inside;
    Date generated;
    // Longer sections show their latest items and say how many more there are.
    std::size_t max_entries_per_kind = 50;
    std::size_t max_meetings = 30;
    std::size_t max_graph_people = 60;
};

// The report's content, in options.language, with people named as options.names allows.
ReportDocument build_report(const Config& config, const Records& records, const Analysis& analysis,
                            const ReportOptions& options);

std::string render_markdown(const ReportDocument& document, MermaidStyle mermaid);

// build_report, then render_markdown.
std::string render_markdown_report(const Config& config, const Records& records,
                                   const Analysis& analysis, const ReportOptions& options);

// The same figures for scripts; people named in advice as options.names allows.
std::string render_json_report(const Config& config, const Records& records,
                               const Analysis& analysis, const ReportOptions& options);

} // namespace spark
