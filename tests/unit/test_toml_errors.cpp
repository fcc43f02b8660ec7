#include "toml_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

// The one diagnostic that parsing `text` gives, as "line:col: message".
std::string parse_error(const std::string& text) {
    std::vector<spark::Diagnostic> diagnostics;
    const auto table = spark::parse_toml_document(text, "people/x.toml", diagnostics);
    REQUIRE_FALSE(table);
    REQUIRE(diagnostics.size() == 1);
    const auto& d = diagnostics.front();
    return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message;
}

} // namespace

TEST_CASE("a string left open is named at its opening quote", "[toml]") {
    CHECK(parse_error("name = \"Anna\nroles = []\n") ==
          "1:8: string not closed: the \" here has no closing \" on its line (text over several "
          "lines goes between \"\"\" and \"\"\")");
    CHECK(parse_error("name = 'Anna\n") ==
          "1:8: string not closed: the ' here has no closing ' on its line (text over several "
          "lines goes between ''' and ''')");
    // An escaped quote does not close it; the second string of an array is the open one.
    CHECK(parse_error("name = \"Anna\\\"\n").starts_with("1:8: string not closed"));
    CHECK(parse_error("name = \"A\"\npeople = [\"anna\", \"bart]\n")
              .starts_with("2:19: string not closed"));
}

TEST_CASE("a multi-line string left open is named at its opening quotes", "[toml]") {
    CHECK(parse_error("name = \"A\"\nnote = \"\"\"\nEen\nTwee\n") ==
          "2:8: multi-line string not closed: the \"\"\" here has no closing \"\"\"");
    CHECK(parse_error("note = '''Een\n") ==
          "1:8: multi-line string not closed: the ''' here has no closing '''");
}

TEST_CASE("other TOML errors read as spark's own", "[toml]") {
    CHECK(parse_error("name \"A\"\n") == "1:6: invalid key-value pair: expected '=', saw '\"'");
    CHECK(parse_error("name = \"\\q\"\n") == "1:10: invalid string: unknown escape sequence '\\q'");
    CHECK(parse_error("x = [1, 2\n") == "1:11: invalid array: encountered end-of-file");
}
