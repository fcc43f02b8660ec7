#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace spark {

// A failure the user can act on; main() prints it as "spark: error: <what>".
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message, int exit_code = 1)
        : std::runtime_error(message), exit_code_(exit_code) {}
    int exit_code() const { return exit_code_; }

  private:
    int exit_code_;
};

// A bad argument or option value: exit status 2, like a parse error.
class UsageError : public Error {
  public:
    explicit UsageError(const std::string& message) : Error(message, 2) {}
};

struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

enum class Severity { error, warning };

// One problem found in a file, printed as "path:line:col: error: message".
struct Diagnostic {
    std::string path; // relative to the workspace root
    SourcePos pos;
    Severity severity = Severity::error;
    std::string message;
};

std::string format_diagnostic(const Diagnostic& d);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Thrown by commands that need a clean workspace and met a broken file. `advice`, when
// given, replaces the closing "run 'spark check'" line.
class DataError : public Error {
  public:
    explicit DataError(std::vector<Diagnostic> diagnostics, std::string advice = {});
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    const std::string& advice() const { return advice_; }

  private:
    std::vector<Diagnostic> diagnostics_;
    std::string advice_;
};

} // namespace spark
