#include "editor_comments.hpp"

#include "text.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

constexpr std::string_view marker = "# spark:";

} // namespace

std::string with_problem_comments(std::string_view text, const std::vector<Diagnostic>& problems) {
    const auto header_lines = static_cast<std::uint32_t>(problems.size() + 2);
    std::string out = "# spark: not saved; fix the problems below and save, or quit without "
                      "saving to cancel\n";
    for (const auto& problem : problems) {
        const char* severity = problem.severity == Severity::error ? "error" : "warning";
        if (problem.pos.line > 0) {
            out += fmt::format("# spark: line {}, column {}: {}: {}\n",
                               problem.pos.line + header_lines, problem.pos.column, severity,
                               single_line(problem.message));
        } else {
            out += fmt::format("# spark: {}: {}\n", severity, single_line(problem.message));
        }
    }
    out += "# spark: (lines starting with '# spark:' are removed before the record is read)\n";
    out += text;
    return out;
}

std::string without_problem_comments(std::string_view text) {
    while (text.starts_with(marker)) {
        const auto end = text.find('\n');
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return std::string(text);
}

} // namespace spark
