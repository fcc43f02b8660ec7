#include "error.hpp"
#include "period.hpp"

#include <catch2/catch.hpp>
#include <string>

using spark::Date;
using spark::Period;

namespace {

constexpr Date day(int month, int d) {
    return Date{2026, month, d};
}

bool is(const Period& p, Date since, Date until) {
    return p.since == since && p.until == until;
}

} // namespace

TEST_CASE("parse_period: months, quarters, tertials and years", "[period]") {
    const Date today = day(11, 30);
    auto parse = [&](const char* text) {
        return spark::parse_period(text, today);
    };
    CHECK(is(parse("2026-11"), day(11, 1), day(11, 30)));
    CHECK(is(parse("2026-02"), day(2, 1), day(2, 28)));
    CHECK(is(parse("2024-02"), Date{2024, 2, 1}, Date{2024, 2, 29}));
    CHECK(is(parse("2026-12"), day(12, 1), day(12, 31)));
    CHECK(is(parse("2026-Q1"), day(1, 1), day(3, 31)));
    CHECK(is(parse("2026-Q2"), day(4, 1), day(6, 30)));
    CHECK(is(parse("2026-Q3"), day(7, 1), day(9, 30)));
    CHECK(is(parse("2026-Q4"), day(10, 1), day(12, 31)));
    CHECK(is(parse("2026-q4"), day(10, 1), day(12, 31)));
    CHECK(is(parse("2026-T1"), day(1, 1), day(4, 30)));
    CHECK(is(parse("2026-T2"), day(5, 1), day(8, 31)));
    CHECK(is(parse("2026-T3"), day(9, 1), day(12, 31)));
    CHECK(is(parse("2026-t3"), day(9, 1), day(12, 31)));
    CHECK(is(parse("2026"), day(1, 1), day(12, 31)));
    CHECK(parse("2026-T3").days() == 122);
}

// Monday 30 November 2026 unless a row says otherwise.
TEST_CASE("parse_period: periods named relative to today, on a table", "[period]") {
    struct Row {
        const char* input;
        Date since;
        Date until;
        Date today = Date{2026, 11, 30};
    };
    const Row rows[] = {
        {"deze-maand", day(11, 1), day(11, 30)},
        {"this-month", day(11, 1), day(11, 30)},
        {"vorige-maand", day(10, 1), day(10, 31)},
        {"Vorige maand", day(10, 1), day(10, 31)},
        {"vorig-maand", day(10, 1), day(10, 31)},
        {"last-month", day(10, 1), day(10, 31)},
        {"last month", day(10, 1), day(10, 31)},
        {"vorige-maand", {2025, 12, 1}, {2025, 12, 31}, {2026, 1, 15}},
        {"vorige-maand", {2024, 2, 1}, {2024, 2, 29}, {2024, 3, 31}},
        {"dit-kwartaal", day(10, 1), day(12, 31)},
        {"deze-kwartaal", day(10, 1), day(12, 31)},
        {"this-quarter", day(10, 1), day(12, 31)},
        {"vorig-kwartaal", day(7, 1), day(9, 30)},
        {"vorige-kwartaal", day(7, 1), day(9, 30)},
        {"last-quarter", day(7, 1), day(9, 30)},
        {"vorig-kwartaal", {2025, 10, 1}, {2025, 12, 31}, {2026, 3, 31}},
        {"dit-tertiaal", day(9, 1), day(12, 31)},
        {"this-tertial", day(9, 1), day(12, 31)},
        {"vorig-tertiaal", day(5, 1), day(8, 31)},
        {"last-tertial", day(5, 1), day(8, 31)},
        {"vorig-tertiaal", {2025, 9, 1}, {2025, 12, 31}, {2026, 4, 30}},
        {"dit-tertiaal", {2026, 5, 1}, {2026, 8, 31}, {2026, 5, 1}},
        {"dit-jaar", day(1, 1), day(12, 31)},
        {"this-year", day(1, 1), day(12, 31)},
        {"vorig-jaar", {2025, 1, 1}, {2025, 12, 31}},
        {"last-year", {2025, 1, 1}, {2025, 12, 31}},
        {"deze-week", day(11, 30), day(12, 6)},
        {"this-week", day(11, 30), day(12, 6)},
        {"vorige-week", day(11, 23), day(11, 29)},
        {"last-week", day(11, 23), day(11, 29)},
        {"vorige-week", day(11, 23), day(11, 29), day(12, 6)}, // on a Sunday
        {"vorige-week", {2025, 12, 29}, {2026, 1, 4}, {2026, 1, 7}},
    };
    for (const auto& row : rows) {
        INFO("input: '" << row.input << "', today " << row.today.iso());
        const Period p = spark::parse_period(row.input, row.today);
        CHECK(p.since.iso() == row.since.iso());
        CHECK(p.until.iso() == row.until.iso());
    }
}

TEST_CASE("parse_period rejects everything else, listing the forms", "[period]") {
    for (const char* bad : {"",
                            "2026-T4",
                            "2026-T0",
                            "2026-Q5",
                            "2026-Q0",
                            "2026-13",
                            "2026-00",
                            "2026-1",
                            "2026-011",
                            "26",
                            "20261",
                            "2026-",
                            "2026-T",
                            "2026-W1",
                            "2026-11-01",
                            "0000",
                            "abcd",
                            "2026 ",
                            " 2026",
                            "2026-1a",
                            "２０２６",
                            "vorige",
                            "volgende-maand",
                            "dit-decennium",
                            "maand",
                            "vorige-vorige-maand"}) {
        INFO(bad);
        try {
            spark::parse_period(bad, day(11, 30));
            FAIL("no exception");
        } catch (const spark::UsageError& e) {
            CHECK(std::string(e.what()) == "invalid period '" + std::string(bad) + "' (expected " +
                                               spark::period_forms + ")");
        }
    }
}

TEST_CASE("resolve_period: defaults, --since/--until and conflicts", "[period]") {
    using spark::resolve_period;
    const Date first = day(6, 1);
    const Date today = day(11, 30);
    auto p = resolve_period("", "", "", first, today);
    CHECK((p.since == first && p.until == today));
    p = resolve_period("", "2026-10-01", "", first, today);
    CHECK((p.since == day(10, 1) && p.until == today));
    p = resolve_period("", "01-10", "vorige week", first, today);
    CHECK((p.since == day(10, 1) && p.until == day(11, 23)));
    p = resolve_period("", "", "2026-05-01", first, today); // before anything: one day
    CHECK((p.since == day(5, 1) && p.until == day(5, 1)));
    p = resolve_period("2026-T3", "", "", first, today);
    CHECK((p.since == day(9, 1) && p.until == day(12, 31)));
    p = resolve_period("vorige-maand", "", "", first, today);
    CHECK((p.since == day(10, 1) && p.until == day(10, 31)));
    CHECK_THROWS_AS(resolve_period("2026-11", "2026-01-01", "", first, today), spark::UsageError);
    CHECK_THROWS_AS(resolve_period("2026-11", "", "2026-12-01", first, today), spark::UsageError);
    CHECK_THROWS_AS(resolve_period("", "2026-12-01", "2026-11-01", first, today),
                    spark::UsageError);
    CHECK_THROWS_AS(resolve_period("", "2026-02-30", "", first, today), spark::UsageError);
}
