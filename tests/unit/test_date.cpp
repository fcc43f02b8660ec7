#include "date.hpp"
#include "error.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <string>

using spark::Date;

TEST_CASE("parse_iso_date accepts real dates", "[date]") {
    auto d = spark::parse_iso_date("2024-02-29");
    REQUIRE(d);
    CHECK(*d == Date{2024, 2, 29});
    CHECK(d->iso() == "2024-02-29");

    CHECK(spark::parse_iso_date("2026-11-29") == Date{2026, 11, 29});
    CHECK(spark::parse_iso_date("2000-02-29") == Date{2000, 2, 29}); // divisible by 400
    CHECK(spark::parse_iso_date("2026-12-31") == Date{2026, 12, 31});
    CHECK(spark::parse_iso_date("0001-01-01") == Date{1, 1, 1});
    CHECK(spark::parse_iso_date("9999-12-31") == Date{9999, 12, 31});
}

TEST_CASE("parse_iso_date rejects malformed and impossible dates", "[date]") {
    const char* bad =
        GENERATE("2026-02-30", "2026-13-01", "2026-1-01", "", "2025-02-29", "1900-02-29",
                 "2026-04-31", "2026-00-10", "2026-01-00", "0000-01-01", "2026-01-01 ",
                 " 2026-01-01", "2026/01/01", "2026-01-1x", "+026-01-01", "-026-01-01",
                 "2026-+1-01", "20260101", "2026-01-01T00:00", "today", "२०२६-०१-०१");
    INFO("input: '" << bad << "'");
    CHECK_FALSE(spark::parse_iso_date(bad));
}

TEST_CASE("Date helpers", "[date]") {
    CHECK(spark::is_leap_year(2024));
    CHECK(spark::is_leap_year(2000));
    CHECK_FALSE(spark::is_leap_year(1900));
    CHECK_FALSE(spark::is_leap_year(2026));
    CHECK(spark::days_in_month(2024, 2) == 29);
    CHECK(spark::days_in_month(2026, 2) == 28);
    CHECK(spark::days_in_month(2026, 4) == 30);
    CHECK(spark::days_in_month(2026, 13) == 0);

    CHECK(spark::days_from_civil(Date{1970, 1, 1}) == 0);
    CHECK(spark::days_from_civil(Date{1969, 12, 31}) == -1);
    CHECK(spark::civil_from_days(0) == Date{1970, 1, 1});
    CHECK(spark::add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(spark::add_days(Date{2026, 2, 28}, 1) == Date{2026, 3, 1});
    CHECK(spark::add_days(Date{2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(spark::add_days(Date{2026, 3, 1}, -1) == Date{2026, 2, 28});

    // Round trip over a long range of days, including leap years and century years.
    const long first = spark::days_from_civil(Date{1, 1, 1});
    const long last = spark::days_from_civil(Date{9999, 12, 31});
    CHECK(spark::civil_from_days(first) == Date{1, 1, 1});
    CHECK(spark::civil_from_days(last) == Date{9999, 12, 31});
    for (long day = first; day <= last; day += 97) {
        const Date d = spark::civil_from_days(day);
        REQUIRE(d.valid());
        REQUIRE(spark::days_from_civil(d) == day);
    }

    CHECK(Date{2026, 1, 5} < Date{2026, 2, 1});
    CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
    CHECK(Date{2026, 1, 5}.iso() == "2026-01-05");
    CHECK_FALSE(Date{}.valid());
}

// Sunday 29 November 2026 is "today" in the table unless a row says otherwise.
TEST_CASE("parse_date_argument: every accepted form, on a table", "[date]") {
    struct Row {
        const char* input;
        Date expected;
        Date today = Date{2026, 11, 29};
    };
    const Row rows[] = {
        {"2026-11-29", {2026, 11, 29}},
        {"2024-02-29", {2024, 2, 29}},
        {"2026-1-5", {2026, 1, 5}},
        {" 2026-11-01 ", {2026, 11, 1}},
        {"30-11-2026", {2026, 11, 30}},
        {"3-1-2026", {2026, 1, 3}},
        {"03-01-2026", {2026, 1, 3}},
        {"30/11/2026", {2026, 11, 30}},
        {"3/1/2026", {2026, 1, 3}},
        {"29-02-2024", {2024, 2, 29}},
        // DD-MM: this year, or last year when this year's is still to come.
        {"28-11", {2026, 11, 28}},
        {"29-11", {2026, 11, 29}},
        {"30-11", {2025, 11, 30}},
        {"30/12", {2025, 12, 30}},
        {"1-1", {2026, 1, 1}},
        {"31-12", {2025, 12, 31}, {2026, 1, 2}},
        {"29-02", {2024, 2, 29}, {2025, 3, 1}},
        {"29-02", {2024, 2, 29}, {2024, 3, 1}},
        // Named days.
        {"today", {2026, 11, 29}},
        {"vandaag", {2026, 11, 29}},
        {"Vandaag", {2026, 11, 29}},
        {"yesterday", {2026, 11, 28}},
        {"gisteren", {2026, 11, 28}},
        {"eergisteren", {2026, 11, 27}},
        {"gisteren", {2025, 12, 31}, {2026, 1, 1}},
        {"eergisteren", {2024, 2, 29}, {2024, 3, 2}},
        // Weekdays: the most recent one, today excluded (29 November 2026 is a Sunday).
        {"zaterdag", {2026, 11, 28}},
        {"saturday", {2026, 11, 28}},
        {"maandag", {2026, 11, 23}},
        {"Monday", {2026, 11, 23}},
        {"dinsdag", {2026, 11, 24}},
        {"woensdag", {2026, 11, 25}},
        {"thursday", {2026, 11, 26}},
        {"vrijdag", {2026, 11, 27}},
        {"zondag", {2026, 11, 22}},
        {"sunday", {2026, 11, 22}},
        {"maandag", {2026, 11, 23}, {2026, 11, 30}}, // on a Monday: a week ago
        {"dinsdag", {2026, 11, 24}, {2026, 11, 30}},
        {"vrijdag", {2025, 12, 26}, {2026, 1, 1}},
        // Last week: its Monday.
        {"vorige week", {2026, 11, 16}},
        {"vorige-week", {2026, 11, 16}},
        {"Vorige  Week", {2026, 11, 16}},
        {"last week", {2026, 11, 16}},
        {"last-week", {2026, 11, 16}},
        {"vorige week", {2026, 11, 23}, {2026, 11, 30}},
        // Days and weeks ago.
        {"-3d", {2026, 11, 26}},
        {"-0d", {2026, 11, 29}},
        {"-2w", {2026, 11, 15}},
        {"-2W", {2026, 11, 15}},
        {"-30d", {2026, 10, 30}},
        {"-1d", {2025, 12, 31}, {2026, 1, 1}},
    };
    for (const auto& row : rows) {
        INFO("input: '" << row.input << "', today " << row.today.iso());
        CHECK(spark::parse_date_argument(row.input, row.today).iso() == row.expected.iso());
    }
}

TEST_CASE("weekday counts from Monday", "[date]") {
    CHECK(spark::weekday(Date{1970, 1, 1}) == 3);
    CHECK(spark::weekday(Date{2026, 11, 30}) == 0);
    CHECK(spark::weekday(Date{2026, 11, 29}) == 6);
    CHECK(spark::weekday(Date{1969, 12, 29}) == 0);
    CHECK(spark::weekday(Date{2000, 2, 29}) == 1);
}

TEST_CASE("parse_date_argument refuses what it cannot read, listing the forms", "[date]") {
    const Date today{2026, 11, 29};
    const char* bad =
        GENERATE("", "  ", "morgen", "tomorrow", "maandagen", "vorige", "week", "volgende week",
                 "-3", "-d", "3d", "+3d", "-3m", "-3dd", "29.11.2026", "29-11/2026", "20261129",
                 "29-11-2026-1", "2026-11-29T10:00", "1-2-3-4", "123-11-2026", "1-11-02026");
    INFO("input: '" << bad << "'");
    try {
        spark::parse_date_argument(bad, today, "--since");
        FAIL("no exception for '" << bad << "'");
    } catch (const spark::UsageError& e) {
        CHECK(e.exit_code() == 2);
        CHECK(std::string(e.what()) == "invalid date '" + std::string(bad) +
                                           "' for --since (expected " + spark::date_forms + ")");
    }
}

TEST_CASE("parse_date_argument explains dates that are nearly right", "[date]") {
    const Date today{2026, 11, 29};
    struct Row {
        const char* input;
        const char* reason;
    };
    const Row rows[] = {
        {"2026-02-30", "February 2026 has no day 30"},
        {"30-02-2026", "February 2026 has no day 30"},
        {"29-02-2026", "February 2026 has no day 29"},
        {"2026-13-01", "there is no month 13"},
        {"31-04", "April 2026 has no day 31"},
        {"29-02", "February 2026 has no day 29"},
        {"11/30/2026", "there is no month 30; spark reads the day first (DD-MM-YYYY)"},
        {"0000-01-01", "there is no year 0"},
        {"30-11-26", "write the year in full (30-11-2026 or 30-11-1926)"},
        {"1/2/03", "write the year in full (01-02-2003 or 01-02-1903)"},
        {"2026-11", "that is a month, not a day (a report or list takes it as --period)"},
    };
    for (const auto& row : rows) {
        INFO("input: '" << row.input << "'");
        try {
            spark::parse_date_argument(row.input, today, "--date");
            FAIL("no exception");
        } catch (const spark::UsageError& e) {
            CHECK(std::string(e.what()) ==
                  fmt::format("invalid date '{}' for --date: {}", row.input, row.reason));
        }
    }
}

TEST_CASE("parse_date_argument names --date by default", "[date]") {
    try {
        spark::parse_date_argument("2026-02-30", Date{2026, 1, 1});
        FAIL("no exception");
    } catch (const spark::Error& e) {
        CHECK(e.exit_code() == 2);
        CHECK_THAT(e.what(), Catch::Contains("'2026-02-30'") && Catch::Contains("--date"));
    }
}
