#include "report_input.hpp"

#include "check.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

constexpr std::size_t shown_problems = 10;

std::string position(const Diagnostic& d) {
    return d.pos.line == 0 ? d.path : fmt::format("{}:{}:{}", d.path, d.pos.line, d.pos.column);
}

} // namespace

ReportInput load_report_input(const Workspace& workspace, bool force, std::string_view command,
                              Texts texts) {
    ReportInput input{load_valid_records(workspace, texts), {}};
    for (auto& d : check_records(input.records)) {
        if (d.severity == Severity::error) {
            input.problems.push_back(std::move(d));
        }
    }
    if (!input.problems.empty() && !force) {
        const std::size_t n = input.problems.size();
        throw DataError(std::move(input.problems),
                        fmt::format("the workspace has {} problem{} that would make the figures "
                                    "wrong; fix them (see 'spark check'), or run 'spark {} "
                                    "--force' to see them anyway, under a warning",
                                    n, n == 1 ? "" : "s", command));
    }
    return input;
}

ReportSection problems_section(const std::vector<Diagnostic>& problems, Language language) {
    const bool nl = language == Language::nl;
    const std::size_t n = problems.size();
    ReportSection section;
    section.id = "problems";
    section.heading = {
        Span{nl ? "⚠ Let op: fouten in de gegevens" : "⚠ Warning: errors in the data",
             Span::Style::plain, true}};
    const std::string what =
        nl ? fmt::format("Deze rapportage is gemaakt met --force, uit gegevens met {} {} die "
                         "'spark check' meldt. De cijfers en de toestand van het vuur kunnen "
                         "daardoor niet kloppen; herstel de gegevens en maak de rapportage "
                         "opnieuw.",
                         n, n == 1 ? "fout" : "fouten")
           : fmt::format("This report was made with --force, from data with {} {} that "
                         "'spark check' reports. The figures and the state of the fire may be "
                         "wrong because of them; fix the data and make the report again.",
                         n, n == 1 ? "error" : "errors");
    section.blocks.push_back(Paragraph{{Span{what, Span::Style::strong, true}}});
    BulletList list;
    for (std::size_t i = 0; i < n && i < shown_problems; ++i) {
        list.items.push_back({Span{position(problems[i]), Span::Style::code, false},
                              Span{": " + problems[i].message, Span::Style::plain, false}});
    }
    if (n > shown_problems) {
        list.items.push_back({Span{nl ? fmt::format("… en nog {}", n - shown_problems)
                                      : fmt::format("… and {} more", n - shown_problems),
                                   Span::Style::plain, true}});
    }
    section.blocks.push_back(std::move(list));
    return section;
}

std::vector<std::string> problem_lines(const std::vector<Diagnostic>& problems) {
    std::vector<std::string> out;
    for (const auto& d : problems) {
        out.push_back(fmt::format("{}: {}", position(d), d.message));
    }
    return out;
}

} // namespace spark
