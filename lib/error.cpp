#include "error.hpp"

#include "terminal.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

std::string format_diagnostic(const Diagnostic& d) {
    const char* label = d.severity == Severity::error ? "error" : "warning";
    // Paths and messages quote file names and values as found: one safe line.
    if (d.pos.line == 0) {
        return terminal_line(fmt::format("{}: {}: {}", d.path, label, d.message));
    }
    return terminal_line(
        fmt::format("{}:{}:{}: {}: {}", d.path, d.pos.line, d.pos.column, label, d.message));
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

static std::string summarize(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::error) {
            return format_diagnostic(d);
        }
    }
    return "invalid workspace";
}

DataError::DataError(std::vector<Diagnostic> diagnostics, std::string advice)
    : Error(summarize(diagnostics)), diagnostics_(std::move(diagnostics)),
      advice_(std::move(advice)) {}

} // namespace spark
