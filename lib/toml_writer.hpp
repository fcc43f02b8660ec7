#pragma once

#include "date.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace spark {

// Writes the small, fixed subset of TOML that record files use, with escapes that
// round-trip every string exactly (toml++'s own formatter does not for all strings).
class TomlWriter {
  public:
    void string(std::string_view key, std::string_view value);
    // Multi-line basic string for prose (body, note), so it reads naturally in an editor.
    void text(std::string_view key, std::string_view value);
    void date(std::string_view key, const Date& value);
    void boolean(std::string_view key, bool value);
    void integer(std::string_view key, long long value);
    // Short items (ids, tags) on one line.
    void inline_array(std::string_view key, const std::vector<std::string>& values);
    // Sentences (questions, dilemmas) one per line.
    void list(std::string_view key, const std::vector<std::string>& values);
    // Values already rendered as TOML (inline tables), one per line.
    void value_list(std::string_view key, const std::vector<std::string>& rendered);
    void table(std::string_view name);
    void blank_line();

    const std::string& str() const { return out_; }

  private:
    std::string out_;
};

std::string toml_basic_string(std::string_view value);
std::string toml_multiline_string(std::string_view value);

} // namespace spark
