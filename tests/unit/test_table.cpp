#include "table.hpp"

#include <catch2/catch.hpp>

using spark::TextTable;

TEST_CASE("display_width counts terminal columns", "[table]") {
    CHECK(spark::display_width("Anna") == 4);
    CHECK(spark::display_width("José") == 4);
    CHECK(spark::display_width("Jose\u0301") == 4); // a combining accent takes no column
    CHECK(spark::display_width("王小明") == 6);     // wide characters take two
    CHECK(spark::display_width("") == 0);
}

TEST_CASE("aligned: columns line up, also with wide and accented letters", "[table]") {
    const TextTable table{{"NAAM", "GROEP"}, {{"José", "medewerker"}, {"王小明", "inwoner"}}, 0};
    CHECK(spark::aligned(table, 0) == "NAAM    GROEP\n"
                                      "José    medewerker\n"
                                      "王小明  inwoner\n");
}

TEST_CASE("aligned: line breaks become spaces, no trailing blanks", "[table]") {
    const TextTable table{{"A", "B"}, {{"een\ttwee", ""}, {"x", "drie\nvier"}}};
    CHECK(spark::aligned(table, 0) == "A         B\n"
                                      "een twee\n"
                                      "x         drie vier\n");
}

TEST_CASE("aligned: the flexible column gives way on a narrow terminal", "[table]") {
    const TextTable table{{"DATUM", "TITEL", "ID"},
                      {{"2026-11-30", "Een heel lange titel over het schoolplein", "k3m9"}},
                      1};
    const std::string out = spark::aligned(table, 40);
    CHECK(out == "DATUM       TITEL                   ID\n"
                 "2026-11-30  Een heel lange titel …  k3m9\n");
    CHECK(spark::aligned(table, 0).find("schoolplein") != std::string::npos);
    // Never narrower than 12 columns, even when the terminal is tiny.
    CHECK(spark::aligned(table, 10).find("Een heel la…") != std::string::npos);
}

TEST_CASE("tab_separated: no header, cells on one line", "[table]") {
    const TextTable table{{"a", "b"}, {{"x\ty", "z\r\nw"}, {"", "q"}}};
    CHECK(spark::tab_separated(table) == "x y\tz  w\n\tq\n");
}

TEST_CASE("comma_separated: RFC 4180 quoting, CRLF, separator and BOM", "[table]") {
    const TextTable table{
        {"id", "title"},
        {{"a", "plain"}, {"b", "with, comma"}, {"c", "say \"hi\""}, {"d", "two\nlines"}}};
    CHECK(spark::comma_separated(table, ',', false) == "id,title\r\n"
                                                       "a,plain\r\n"
                                                       "b,\"with, comma\"\r\n"
                                                       "c,\"say \"\"hi\"\"\"\r\n"
                                                       "d,\"two\nlines\"\r\n");
    CHECK(spark::comma_separated(table, ';', true) == "\xEF\xBB\xBFid;title\r\n"
                                                      "a;plain\r\n"
                                                      "b;with, comma\r\n"
                                                      "c;\"say \"\"hi\"\"\"\r\n"
                                                      "d;\"two\nlines\"\r\n");
}
