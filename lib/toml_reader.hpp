#pragma once

#include "date.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace spark {

// Record and configuration files larger than this are refused before parsing.
inline constexpr std::size_t max_toml_bytes = 8u << 20;

// Parses TOML bytes after the checks toml++ should not be trusted with (size, UTF-8,
// control characters); reports problems with their position.
std::optional<toml::table> parse_toml_document(std::string_view bytes, const std::string& path,
                                               std::vector<Diagnostic>& diagnostics);

SourcePos position_of(const toml::source_region& region);

// A toml++ parse error in spark's words: "Error while parsing key-value pair: expected '='"
// becomes "invalid key-value pair: expected '='", and a string left open (the usual slip in
// a hand edit) is reported at its opening quote, saying what to do.
Diagnostic explain_parse_error(std::string_view bytes, const std::string& path,
                               std::string_view description, SourcePos pos);

// Reads typed fields from one table, reporting type errors, missing required keys and
// unknown keys at their position.
class FieldReader {
  public:
    FieldReader(const toml::table& table, const std::string& path,
                std::vector<Diagnostic>& diagnostics);

    std::optional<std::string> string(std::string_view key, bool required = false);
    std::optional<Date> date(std::string_view key, bool required = false);
    std::optional<bool> boolean(std::string_view key);
    std::optional<long long> integer(std::string_view key);
    // Each element with its position.
    std::vector<std::pair<std::string, SourcePos>> string_array(std::string_view key);
    const toml::table* subtable(std::string_view key);
    // Any array; its elements are the caller's to check.
    const toml::array* array(std::string_view key);

    SourcePos position(std::string_view key) const;
    void error(SourcePos pos, std::string message);
    void warning(SourcePos pos, std::string message);
    // Reports every key that no accessor asked for.
    void reject_unknown_keys();
    bool ok() const { return !failed_; }

  private:
    const toml::node* lookup(std::string_view key, bool required);
    void type_error(const toml::node& node, std::string_view key, std::string_view expected);

    const toml::table& table_;
    const std::string& path_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<std::string> known_;
    bool failed_ = false;
};

} // namespace spark
