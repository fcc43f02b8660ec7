#include "date.hpp"
#include "error.hpp"

#include <catch2/catch.hpp>
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

TEST_CASE("parse_date_argument understands the named days", "[date]") {
    const Date today{2026, 11, 29};
    CHECK(spark::parse_date_argument("today", today) == today);
    CHECK(spark::parse_date_argument("vandaag", today) == today);
    CHECK(spark::parse_date_argument("yesterday", today) == Date{2026, 11, 28});
    CHECK(spark::parse_date_argument("gisteren", today) == Date{2026, 11, 28});
    CHECK(spark::parse_date_argument("2024-02-29", today) == Date{2024, 2, 29});
}

TEST_CASE("yesterday crosses month and year boundaries", "[date]") {
    CHECK(spark::parse_date_argument("yesterday", Date{2026, 1, 1}) == Date{2025, 12, 31});
    CHECK(spark::parse_date_argument("gisteren", Date{2026, 1, 1}) == Date{2025, 12, 31});
    CHECK(spark::parse_date_argument("yesterday", Date{2026, 3, 1}) == Date{2026, 2, 28});
    CHECK(spark::parse_date_argument("gisteren", Date{2024, 3, 1}) == Date{2024, 2, 29});
    CHECK(spark::parse_date_argument("yesterday", Date{2026, 5, 1}) == Date{2026, 4, 30});
}

TEST_CASE("parse_date_argument rejects invalid dates with a usage error", "[date]") {
    const Date today{2026, 11, 29};
    const char* bad =
        GENERATE("2026-02-30", "2026-13-01", "2026-1-01", "", "morgen", "tomorrow", "29-11-2026");
    INFO("input: '" << bad << "'");
    try {
        spark::parse_date_argument(bad, today, "--since");
        FAIL("no exception for '" << bad << "'");
    } catch (const spark::UsageError& e) {
        CHECK(e.exit_code() == 2);
        const std::string message = e.what();
        CHECK(message == "invalid date '" + std::string(bad) +
                             "' for --since (expected YYYY-MM-DD, today, yesterday, vandaag or "
                             "gisteren)");
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
