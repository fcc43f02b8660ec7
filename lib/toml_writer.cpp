#include "toml_writer.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

void append_control_escape(std::string& out, unsigned char c) {
    switch (c) {
    case '\b':
        out += "\\b";
        break;
    case '\t':
        out += "\\t";
        break;
    case '\n':
        out += "\\n";
        break;
    case '\f':
        out += "\\f";
        break;
    case '\r':
        out += "\\r";
        break;
    default:
        out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    }
}

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7F;
}

} // namespace

std::string toml_basic_string(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    out += '"';
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (is_control(c)) {
            append_control_escape(out, c);
        } else {
            out += ch;
        }
    }
    out += '"';
    return out;
}

std::string toml_multiline_string(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 8);
    // The newline right after the opening quotes is dropped by TOML readers, so a value that
    // itself starts with a newline keeps it.
    out += "\"\"\"\n";
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char ch = value[i];
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '\\') {
            out += "\\\\";
        } else if (ch == '"') {
            // Never three quotes in a row, and never a quote right before the closing ones.
            const bool next_is_quote = i + 1 < value.size() && value[i + 1] == '"';
            out += next_is_quote || i + 1 == value.size() ? "\\\"" : "\"";
        } else if (ch == '\n' || ch == '\t') {
            out += ch;
        } else if (is_control(c)) {
            append_control_escape(out, c);
        } else {
            out += ch;
        }
    }
    out += "\"\"\"";
    return out;
}

void TomlWriter::string(std::string_view key, std::string_view value) {
    out_ += fmt::format("{} = {}\n", key, toml_basic_string(value));
}

void TomlWriter::text(std::string_view key, std::string_view value) {
    out_ += fmt::format("{} = {}\n", key, toml_multiline_string(value));
}

void TomlWriter::date(std::string_view key, const Date& value) {
    out_ += fmt::format("{} = {}\n", key, value.iso());
}

void TomlWriter::boolean(std::string_view key, bool value) {
    out_ += fmt::format("{} = {}\n", key, value ? "true" : "false");
}

void TomlWriter::integer(std::string_view key, long long value) {
    out_ += fmt::format("{} = {}\n", key, value);
}

void TomlWriter::inline_array(std::string_view key, const std::vector<std::string>& values) {
    out_ += fmt::format("{} = [", key);
    for (std::size_t i = 0; i < values.size(); ++i) {
        out_ += i == 0 ? "" : ", ";
        out_ += toml_basic_string(values[i]);
    }
    out_ += "]\n";
}

void TomlWriter::list(std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) {
        inline_array(key, values);
        return;
    }
    out_ += fmt::format("{} = [\n", key);
    for (const auto& value : values) {
        out_ += fmt::format("    {},\n", toml_basic_string(value));
    }
    out_ += "]\n";
}

void TomlWriter::value_list(std::string_view key, const std::vector<std::string>& rendered) {
    out_ += fmt::format("{} = [\n", key);
    for (const auto& value : rendered) {
        out_ += fmt::format("    {},\n", value);
    }
    out_ += "]\n";
}

void TomlWriter::table(std::string_view name) {
    out_ += fmt::format("\n[{}]\n", name);
}

void TomlWriter::blank_line() {
    out_ += '\n';
}

} // namespace spark
