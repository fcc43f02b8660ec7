#include "report.hpp"

#include "analysis.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "records.hpp"
#include "report_input.hpp"
#include "storage.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct ReportCommandOptions {
    std::string since;
    std::string until;
    std::string period;
    std::string language;
    std::string format = "markdown";
    std::string mermaid = "fenced";
    std::string output;
    std::string names = "inside";
    bool force = false;
};

void run_report(const ReportCommandOptions& options, const Context& context) {
    const Date today = context.today();
    const Workspace workspace = context.open_workspace();
    // Data `spark check` calls wrong is refused, or with --force reported under a warning.
    const ReportInput input = load_report_input(workspace, options.force, "report", Texts::skipped);
    const Records& records = input.records;
    const Period period = resolve_period(options.period, options.since, options.until,
                                         history_start(records, workspace.config, today), today);

    ReportOptions report;
    report.language = *language_from_name(options.language.empty() ? workspace.config.language
                                                                   : options.language);
    report.mermaid = options.mermaid == "azure"     ? MermaidStyle::azure
                     : options.mermaid == "classic" ? MermaidStyle::classic
                     : options.mermaid == "off"     ? MermaidStyle::off
                                                    : MermaidStyle::fenced;
    report.names = *names_mode_from_name(options.names);
    report.generated = today;
    report.problems = problem_lines(input.problems);

    const Analysis analysis = analyse(records, workspace.config, period, today);
    std::string text;
    if (options.format == "json") {
        text = render_json_report(workspace.config, records, analysis, report) + "\n";
    } else {
        ReportDocument document = build_report(workspace.config, records, analysis, report);
        if (!input.problems.empty()) {
            document.sections.insert(document.sections.begin(),
                                     problems_section(input.problems, report.language));
        }
        text = options.format == "html" ? render_html(document)
                                        : render_markdown(document, report.mermaid);
    }
    if (options.output.empty() || options.output == "-" || options.output == "/dev/stdout") {
        fmt::print("{}", text);
    } else {
        write_output_file(options.output, text);
    }
    context.exit_after_output();
}

} // namespace

void register_report(CLI::App& app, Context& context) {
    auto options = std::make_shared<ReportCommandOptions>();
    auto* command = app.add_subcommand(
        "report", "The report (Markdown, HTML or JSON): fire gauge, signals, growth");
    // An empty value would read as "not given": --period '' is a mistake, not the default.
    const CLI::Validator not_empty(
        [](std::string& value) { return value.empty() ? std::string("must not be empty") : ""; },
        "", "not empty");
    command->add_option("--since", options->since, "Start of the period (default: first record)")
        ->check(not_empty)
        ->option_text("DATE")
        ->group("Period");
    command->add_option("--until", options->until, "End of the period (default: today)")
        ->check(not_empty)
        ->option_text("DATE")
        ->group("Period");
    command
        ->add_option("--period", options->period,
                     "A whole month, quarter, tertial or year: 2026-11, 2026-Q4, "
                     "2026-T3, 2026, vorige-maand, dit-tertiaal, …")
        ->check(not_empty)
        ->option_text("PERIOD")
        ->group("Period");
    command
        ->add_option("--lang", options->language, "Language: nl or en (default: the workspace's)")
        ->check(CLI::IsMember({"nl", "en"}))
        ->option_text("LANG")
        ->group("Output");
    command
        ->add_option("--format", options->format,
                     "markdown (default), html (one self-contained page) or json")
        ->check(CLI::IsMember({"markdown", "html", "json"}))
        ->option_text("FORMAT")
        ->group("Output");
    command
        ->add_option("--mermaid", options->mermaid,
                     "Charts: ```mermaid fences for Mermaid 10.3+ (fenced, default), "
                     "graphs only for older Mermaid with the growth as bars in its table "
                     "(classic), the same in ::: mermaid blocks for Azure DevOps (azure), or "
                     "none (off)")
        ->check(CLI::IsMember({"fenced", "classic", "azure", "off"}))
        ->option_text("STYLE")
        ->group("Output");
    command
        ->add_option("--names", options->names,
                     "Who is named: inside (default: outside people by group and number "
                     "unless public), all, none")
        ->check(CLI::IsMember({"all", "inside", "none"}))
        ->option_text("WHO")
        ->group("Output");
    command
        ->add_option("-o,--output", options->output,
                     "Write to FILE (atomically) instead of standard output")
        ->option_text("FILE")
        ->group("Output");
    command->add_flag("--force", options->force,
                      "Report even when 'spark check' finds errors, under a warning at the top");
    command->footer("Data that 'spark check' calls an error (an unknown person, an invited_by\n"
                    "cycle, a duplicate id) would make the figures wrong: the report is refused,\n"
                    "naming each position, unless --force.\n"
                    "Examples:\n"
                    "  spark report -o wiki/vuurmeter.md\n"
                    "  spark report --period 2026-T3 --lang en --mermaid azure\n"
                    "  spark report --format html -o vuurmeter.html\n"
                    "  spark report --format json | jq -r .state");
    run_when_chosen(*command, context, options, run_report);
}

} // namespace spark
