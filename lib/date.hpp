#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace spark {

// A calendar date without time zone, as TOML's local date.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;
    bool valid() const;
    std::string iso() const; // YYYY-MM-DD
};

// iso(), or "" for a date that is not set (a person without 'since').
std::string iso_or_empty(const Date& d);

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Days since 1970-01-01; negative before.
long days_from_civil(const Date& d);
Date civil_from_days(long days);
Date add_days(const Date& d, long days);

// Strict YYYY-MM-DD; nullopt for malformed or impossible dates (2026-02-30).
std::optional<Date> parse_iso_date(std::string_view text);

// YYYY-MM-DD or one of the named forms: today, yesterday, vandaag, gisteren.
// Throws UsageError naming the argument otherwise.
Date parse_date_argument(std::string_view text, const Date& today,
                         std::string_view option = "--date");

} // namespace spark
