#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// Writes JSON as it goes, into a string or straight to a stream, in the one layout every
// spark command prints: keys in byte order (the caller gives them so), four spaces of
// indent per level, `"key" : value`, every array element on a line of its own, `[]` and
// `{}` when empty. Strings are escaped per RFC 8259: `"` and `\`, the control characters
// (`\b \t \n \f \r`, else `\u00XX`), DEL, and U+0085, U+2028 and U+2029 (which break
// JavaScript and line-based tools); everything else passes as UTF-8. Nothing is built in
// memory first, so output of any size costs a fixed 64 KiB buffer.
class JsonWriter {
  public:
    // Into a string; take() returns it.
    JsonWriter() = default;
    // To `stream`, flushed every 64 KiB and by flush(); a failed write throws
    // std::system_error with its errno, as fmt::print does.
    explicit JsonWriter(std::FILE* stream) : stream_(stream) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The key of the next value, inside an object.
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(std::int64_t number);
    void value(int number) { value(static_cast<std::int64_t>(number)); }
    void value(bool flag);
    void value(const std::vector<std::string>& texts);

    // key(name) then value(v).
    template <typename T>
    void field(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

    // Ends the document with a newline and writes out what is buffered.
    void finish();
    std::string take() { return std::move(out_); }

  private:
    void before_value();
    void close(char bracket);
    void newline_and_indent();
    void escaped(std::string_view text);
    void spill();

    std::FILE* stream_ = nullptr;
    std::string out_;
    struct Level {
        bool empty = true;
        bool object = false;
#ifndef NDEBUG
        std::string last_key;
#endif
    };
    std::vector<Level> levels_;
    bool after_key_ = false;
};

} // namespace spark
