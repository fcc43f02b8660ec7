#include "json_writer.hpp"

#include <cassert>
#include <cerrno>
#include <system_error>

namespace spark {

namespace {

constexpr std::size_t spill_at = 64 * 1024;

constexpr std::string_view control_escapes[] = {
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\b",     "\\t",     "\\n",     "\\u000B", "\\f",     "\\r",     "\\u000E", "\\u000F",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001A", "\\u001B", "\\u001C", "\\u001D", "\\u001E", "\\u001F",
};

// Bytes that may need an escape: controls, '"', '\\', DEL, and the lead bytes of U+0085
// (C2 85) and U+2028/U+2029 (E2 80 A8/A9).
constexpr bool may_escape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == 0xC2 || c == 0xE2;
}

} // namespace

void JsonWriter::newline_and_indent() {
    out_ += '\n';
    out_.append(levels_.size() * 4, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!levels_.empty()) {
        Level& level = levels_.back();
        assert(!level.object && "a value in an object needs a key");
        if (!level.empty) {
            out_ += ',';
        }
        level.empty = false;
        newline_and_indent();
    }
}

void JsonWriter::key(std::string_view name) {
    assert(!levels_.empty() && levels_.back().object && !after_key_);
    Level& level = levels_.back();
#ifndef NDEBUG
    assert((level.empty || level.last_key < name) && "keys must come in byte order");
    level.last_key = name;
#endif
    if (!level.empty) {
        out_ += ',';
    }
    level.empty = false;
    newline_and_indent();
    escaped(name);
    out_ += " : ";
    after_key_ = true;
}

void JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    levels_.emplace_back().object = true;
}

void JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    levels_.emplace_back().object = false;
}

void JsonWriter::close(char bracket) {
    assert(!levels_.empty() && !after_key_);
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) {
        newline_and_indent();
    }
    out_ += bracket;
    spill();
}

void JsonWriter::end_object() {
    close('}');
}

void JsonWriter::end_array() {
    close(']');
}

void JsonWriter::value(std::string_view text) {
    before_value();
    escaped(text);
    spill();
}

void JsonWriter::value(std::int64_t number) {
    before_value();
    out_ += std::to_string(number);
}

void JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
}

void JsonWriter::value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts) {
        value(std::string_view(text));
    }
    end_array();
}

void JsonWriter::escaped(std::string_view text) {
    out_ += '"';
    std::size_t plain = 0; // start of the run of bytes copied as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!may_escape(c)) {
            continue;
        }
        std::string_view escape;
        std::size_t length = 1;
        if (c < 0x20) {
            escape = control_escapes[c];
        } else if (c == '"') {
            escape = "\\\"";
        } else if (c == '\\') {
            escape = "\\\\";
        } else if (c == 0x7F) {
            escape = "\\u007F";
        } else if (c == 0xC2 && i + 1 < text.size() && text[i + 1] == '\x85') {
            escape = "\\u0085";
            length = 2;
        } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
                   (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            escape = text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            length = 3;
        } else {
            continue;
        }
        out_.append(text.substr(plain, i - plain));
        out_ += escape;
        i += length - 1;
        plain = i + 1;
    }
    out_.append(text.substr(plain));
    out_ += '"';
}

void JsonWriter::spill() {
    if (stream_ == nullptr || out_.size() < spill_at) {
        return;
    }
    if (std::fwrite(out_.data(), 1, out_.size(), stream_) != out_.size()) {
        throw std::system_error(errno, std::generic_category(), "cannot write output");
    }
    out_.clear();
}

void JsonWriter::finish() {
    assert(levels_.empty());
    out_ += '\n';
    if (stream_ != nullptr) {
        if (!out_.empty() && std::fwrite(out_.data(), 1, out_.size(), stream_) != out_.size()) {
            throw std::system_error(errno, std::generic_category(), "cannot write output");
        }
        out_.clear();
    }
}

} // namespace spark
