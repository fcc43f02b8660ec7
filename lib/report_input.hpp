#pragma once

#include "error.hpp"
#include "i18n.hpp"
#include "records.hpp"
#include "report_document.hpp"

#include <string>
#include <vector>

namespace spark {

// What a report or `spark status` is made from. A problem `spark check` calls an error (an
// unknown person, an invited_by cycle, a duplicate id) makes the figures confidently wrong
// — a cycle can turn a straw fire into a running fire — so such data is refused, naming
// every position, unless the user asks for the report anyway (--force); then the problems
// come along, to be shown where no reader can miss them.
struct ReportInput {
    Records records;
    std::vector<Diagnostic> problems; // the errors check finds; empty unless forced
};

// Loads the records (a broken file is a DataError, as for every command), checks them as
// `spark check` does, and throws a DataError naming each error unless `force`. `command`
// names the command for the hint ("report", "status").
ReportInput load_report_input(const Workspace& workspace, bool force, std::string_view command,
                              Texts texts = Texts::included);

// The section a forced report opens with: how many problems, the first positions, and
// that the figures may be wrong until `spark check` passes.
ReportSection problems_section(const std::vector<Diagnostic>& problems, Language language);

// "log/2026/x.toml:4:11: unknown person 'y' in 'people'", for the JSON report.
std::vector<std::string> problem_lines(const std::vector<Diagnostic>& problems);

} // namespace spark
