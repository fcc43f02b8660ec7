#include "date.hpp"

#include "error.hpp"

#include <charconv>
#include <fmt/format.h>

namespace spark {

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

bool Date::valid() const {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::string Date::iso() const {
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string iso_or_empty(const Date& d) {
    return d.valid() ? d.iso() : std::string();
}

// Howard Hinnant's civil calendar algorithms.
long days_from_civil(const Date& date) {
    long y = date.year;
    const long m = date.month;
    const long d = date.day;
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(const Date& d, long days) {
    return civil_from_days(days_from_civil(d) + days);
}

static bool parse_digits(std::string_view text, int& out) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    Date d;
    if (!parse_digits(text.substr(0, 4), d.year) || !parse_digits(text.substr(5, 2), d.month) ||
        !parse_digits(text.substr(8, 2), d.day) || !d.valid()) {
        return std::nullopt;
    }
    return d;
}

Date parse_date_argument(std::string_view text, const Date& today, std::string_view option) {
    if (text == "today" || text == "vandaag") {
        return today;
    }
    if (text == "yesterday" || text == "gisteren") {
        return add_days(today, -1);
    }
    if (auto d = parse_iso_date(text)) {
        return *d;
    }
    throw UsageError(fmt::format("invalid date '{}' for {} (expected YYYY-MM-DD, today, "
                                 "yesterday, vandaag or gisteren)",
                                 text, option));
}

} // namespace spark
