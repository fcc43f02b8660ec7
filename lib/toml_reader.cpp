#include "toml_reader.hpp"

#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

SourcePos position_of(const toml::source_region& region) {
    return SourcePos{region.begin.line, region.begin.column};
}

namespace {

// Line and column (1-based, columns in bytes) of a byte offset.
SourcePos position_at(std::string_view bytes, std::size_t offset) {
    SourcePos pos{1, 1};
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

std::optional<std::size_t> find_control_character(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            return i;
        }
    }
    return std::nullopt;
}

// Byte offset of the quote that opens a string left open on the line starting at `begin`.
std::optional<std::size_t> unclosed_quote(std::string_view bytes, std::size_t begin) {
    const std::size_t end = std::min(bytes.find('\n', begin), bytes.size());
    for (std::size_t i = begin; i < end; ++i) {
        const char c = bytes[i];
        if (c == '#') {
            return std::nullopt; // a comment: quotes in it do not count
        }
        if (c != '"' && c != '\'') {
            continue;
        }
        std::size_t close = i + 1;
        while (close < end && bytes[close] != c) {
            close += c == '"' && bytes[close] == '\\' ? 2 : 1;
        }
        if (close >= end) {
            return i;
        }
        i = close;
    }
    return std::nullopt;
}

std::size_t line_start(std::string_view bytes, std::uint32_t line) {
    std::size_t at = 0;
    for (std::uint32_t l = 1; l < line && at < bytes.size(); ++l) {
        at = std::min(bytes.find('\n', at), bytes.size()) + 1;
    }
    return std::min(at, bytes.size());
}

// Where the last """ or ''' of the file starts.
std::optional<std::size_t> last_triple_quote(std::string_view bytes) {
    std::optional<std::size_t> found;
    for (std::string_view quotes : {R"(""")", R"(''')"}) {
        const auto at = bytes.rfind(quotes);
        if (at != std::string_view::npos && (!found || at > *found)) {
            found = at;
        }
    }
    return found;
}

} // namespace

Diagnostic explain_parse_error(std::string_view bytes, const std::string& path,
                               std::string_view description, SourcePos pos) {
    constexpr std::string_view prefix = "Error while parsing ";
    std::string what(description);
    std::string detail;
    if (what.starts_with(prefix) && what.find(": ") != std::string::npos) {
        const auto colon = what.find(": ");
        detail = what.substr(colon + 2);
        what = what.substr(prefix.size(), colon - prefix.size());
    }
    const bool in_string = what == "string" || what == "literal string";
    // A string left open on its line (title = "Buurtkamer): toml++ stops at the line's end.
    if (in_string && detail.find("control characters") != std::string::npos) {
        if (auto quote = unclosed_quote(bytes, line_start(bytes, pos.line))) {
            const char q = bytes[*quote];
            return {path, position_at(bytes, *quote), Severity::error,
                    fmt::format("string not closed: the {} here has no closing {} on its line "
                                "(text over several lines goes between {}{}{} and {}{}{})",
                                q, q, q, q, q, q, q, q)};
        }
    }
    // A multi-line string left open runs to the end of the file.
    if (in_string && detail == "encountered end-of-file") {
        if (auto quotes = last_triple_quote(bytes)) {
            const std::string three(3, bytes[*quotes]);
            return {path, position_at(bytes, *quotes), Severity::error,
                    fmt::format("multi-line string not closed: the {} here has no closing {}",
                                three, three)};
        }
    }
    if (detail.empty()) {
        return {path, pos, Severity::error, what};
    }
    return {path, pos, Severity::error, fmt::format("invalid {}: {}", what, detail)};
}

std::optional<toml::table> parse_toml_document(std::string_view bytes, const std::string& path,
                                               std::vector<Diagnostic>& diagnostics) {
    auto fail = [&](SourcePos pos, std::string message) {
        diagnostics.push_back({path, pos, Severity::error, std::move(message)});
        return std::nullopt;
    };
    if (bytes.size() > max_toml_bytes) {
        return fail({}, fmt::format("file is too large ({} bytes; the limit is {})", bytes.size(),
                                    max_toml_bytes));
    }
    if (auto bad = find_invalid_utf8(bytes)) {
        return fail(position_at(bytes, *bad), "invalid UTF-8");
    }
    if (auto bad = find_control_character(bytes)) {
        return fail(position_at(bytes, *bad),
                    fmt::format("control character U+{:04X} is not allowed; write it as an "
                                "escape inside a string",
                                static_cast<unsigned>(static_cast<unsigned char>(bytes[*bad]))));
    }
    try {
        return toml::parse(bytes, path);
    } catch (const toml::parse_error& e) {
        diagnostics.push_back(
            explain_parse_error(bytes, path, e.description(), position_of(e.source())));
        return std::nullopt;
    }
}

FieldReader::FieldReader(const toml::table& table, const std::string& path,
                         std::vector<Diagnostic>& diagnostics)
    : table_(table), path_(path), diagnostics_(diagnostics) {}

void FieldReader::error(SourcePos pos, std::string message) {
    diagnostics_.push_back({path_, pos, Severity::error, std::move(message)});
    failed_ = true;
}

void FieldReader::warning(SourcePos pos, std::string message) {
    diagnostics_.push_back({path_, pos, Severity::warning, std::move(message)});
}

SourcePos FieldReader::position(std::string_view key) const {
    if (const auto* node = table_.get(key)) {
        return position_of(node->source());
    }
    return {};
}

const toml::node* FieldReader::lookup(std::string_view key, bool required) {
    known_.emplace_back(key);
    const auto* node = table_.get(key);
    if (node == nullptr && required) {
        error({1, 1}, fmt::format("missing required key '{}'", key));
    }
    return node;
}

void FieldReader::type_error(const toml::node& node, std::string_view key,
                             std::string_view expected) {
    error(position_of(node.source()), fmt::format("'{}' must be {}", key, expected));
}

std::optional<std::string> FieldReader::string(std::string_view key, bool required) {
    const auto* node = lookup(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* value = node->as_string()) {
        return value->get();
    }
    type_error(*node, key, "a string");
    return std::nullopt;
}

std::optional<Date> FieldReader::date(std::string_view key, bool required) {
    const auto* node = lookup(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* value = node->as_date()) {
        const auto& d = value->get();
        return Date{d.year, d.month, d.day};
    }
    type_error(*node, key, "a date like 2026-11-29 (without quotes)");
    return std::nullopt;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
    const auto* node = lookup(key, false);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* value = node->as_boolean()) {
        return value->get();
    }
    type_error(*node, key, "true or false");
    return std::nullopt;
}

std::optional<long long> FieldReader::integer(std::string_view key) {
    const auto* node = lookup(key, false);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* value = node->as_integer()) {
        return value->get();
    }
    type_error(*node, key, "an integer");
    return std::nullopt;
}

std::vector<std::pair<std::string, SourcePos>> FieldReader::string_array(std::string_view key) {
    std::vector<std::pair<std::string, SourcePos>> out;
    const auto* node = lookup(key, false);
    if (node == nullptr) {
        return out;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        type_error(*node, key, "an array of strings");
        return out;
    }
    for (const auto& element : *array) {
        if (const auto* value = element.as_string()) {
            out.emplace_back(value->get(), position_of(element.source()));
        } else {
            type_error(element, key, "an array of strings");
        }
    }
    return out;
}

const toml::array* FieldReader::array(std::string_view key) {
    const auto* node = lookup(key, false);
    if (node == nullptr) {
        return nullptr;
    }
    if (const auto* array = node->as_array()) {
        return array;
    }
    type_error(*node, key, "an array");
    return nullptr;
}

const toml::table* FieldReader::subtable(std::string_view key) {
    const auto* node = lookup(key, false);
    if (node == nullptr) {
        return nullptr;
    }
    if (const auto* table = node->as_table()) {
        return table;
    }
    type_error(*node, key, "a table");
    return nullptr;
}

void FieldReader::reject_unknown_keys() {
    for (const auto& [key, node] : table_) {
        if (std::find(known_.begin(), known_.end(), key.str()) == known_.end()) {
            const auto suggestion = close_matches(key.str(), known_, 1);
            error(position_of(key.source()),
                  suggestion.empty() ? fmt::format("unknown key '{}'", key.str())
                                     : fmt::format("unknown key '{}' (did you mean '{}'?)",
                                                   key.str(), suggestion.front()));
        }
    }
}

} // namespace spark
