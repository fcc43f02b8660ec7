#include "terminal.hpp"

#include <catch2/catch.hpp>

using spark::terminal_line;
using spark::terminal_text;

TEST_CASE("terminal_text shows control characters as escapes", "[terminal]") {
    CHECK(terminal_text("plain text, é and 🔥") == "plain text, é and 🔥");
    CHECK(terminal_text("red\x1b[31m") == "red\\e[31m");
    CHECK(terminal_text("title\x1b]0;x\x07") == "title\\e]0;x\\x07");
    CHECK(terminal_text("cr\rdel\x7f nul") == "cr\\rdel\\x7f nul");
    CHECK(terminal_text(std::string_view("a\0b", 3)) == "a\\x00b");
    CHECK(terminal_text("c1 \xc2\x9b"
                        "31m") == "c1 \\u009b31m"); // CSI as one character
    CHECK(terminal_text("rtl \xe2\x80\xae"
                        "abc") == "rtl \\u202eabc"); // right-to-left override
    CHECK(terminal_text("isolate \xe2\x81\xa6x") == "isolate \\u2066x");
    CHECK(terminal_text("lines\nand\ttabs") == "lines\nand\ttabs");
}

TEST_CASE("terminal_text replaces bytes that are not UTF-8", "[terminal]") {
    CHECK(terminal_text("bad \xff byte") == "bad \xef\xbf\xbd byte");
    CHECK(terminal_text("cut \xe2\x82") == "cut \xef\xbf\xbd\xef\xbf\xbd");
    CHECK(terminal_text("overlong \xc0\xaf") == "overlong \xef\xbf\xbd\xef\xbf\xbd");
    CHECK(terminal_text("surrogate \xed\xa0\x80") ==
          "surrogate \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

TEST_CASE("terminal_line keeps output on one line", "[terminal]") {
    CHECK(terminal_line("two\nlines\r\nand\ttab") == "two lines  and tab");
    CHECK(terminal_line("sep\xe2\x80\xa8"
                        "arator") == "sep arator");
    CHECK(terminal_line("esc\x1b") == "esc\\e");
}
