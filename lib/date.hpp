#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// 0 for Monday … 6 for Sunday.
int weekday(const Date& d);

// A date as people type it, relative to `today`:
//   2026-11-30, 30-11-2026, 3-1-2026, 30/11/2026   (day before month, year in full)
//   30-11, 30/11     this year, or last year when that day is still to come
//   today, vandaag, yesterday, gisteren, eergisteren
//   maandag … zondag, monday … sunday              the most recent one, today excluded
//   vorige week, last week                          that week's Monday
//   -3d, -2w                                        days or weeks ago
// Words ignore case; "vorige-week" may have a hyphen. Throws UsageError naming `option`
// and listing these forms for anything else, including a two-digit year or a bare month.
Date parse_date_argument(std::string_view text, const Date& today,
                         std::string_view option = "--date");

// The accepted forms, for help texts and error messages.
extern const char* const date_forms;

// The named days parse_date_argument knows, one word each ("vorige-week"), for completion.
std::vector<std::string> date_words();

} // namespace spark
