#include "date.hpp"

#include "error.hpp"

#include <charconv>
#include <fmt/format.h>
#include <vector>

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

int weekday(const Date& d) {
    // 1970-01-01 was a Thursday (3 with Monday as 0).
    return static_cast<int>(((days_from_civil(d) + 3) % 7 + 7) % 7);
}

const char* const date_forms = "YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD-MM, today, yesterday, "
                               "vandaag, gisteren, eergisteren, a weekday (maandag, monday, "
                               "…), vorige week, last week, -3d, -2w";

namespace {

constexpr std::string_view weekday_names[2][7] = {
    {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"},
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
};

constexpr std::string_view month_names[12] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};

// A date, or why the text is not one (empty: it is not a form spark knows at all).
struct Reading {
    std::optional<Date> date;
    std::string problem;
};

Reading problem(std::string text) {
    return Reading{std::nullopt, std::move(text)};
}

// Lowercase ASCII; runs of spaces, hyphens and underscores become one hyphen, so that
// "Vorige  week" and "vorige-week" are the same word.
std::string normalise_words(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t') {
            if (!out.empty() && out.back() != '-') {
                out += '-';
            }
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    if (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

std::optional<Date> named_day(const std::string& word, const Date& today) {
    if (word == "today" || word == "vandaag") {
        return today;
    }
    if (word == "yesterday" || word == "gisteren") {
        return add_days(today, -1);
    }
    if (word == "eergisteren") {
        return add_days(today, -2);
    }
    if (word == "vorige-week" || word == "last-week") {
        return add_days(today, -weekday(today) - 7);
    }
    for (const auto& language : weekday_names) {
        for (int day = 0; day < 7; ++day) {
            if (word == language[day]) {
                const int back = (weekday(today) - day + 7) % 7;
                return add_days(today, -(back == 0 ? 7 : back));
            }
        }
    }
    return std::nullopt;
}

// -3d, -2w: days or weeks before today.
std::optional<Date> days_ago(std::string_view word, const Date& today) {
    if (word.size() < 3 || word.front() != '-') {
        return std::nullopt;
    }
    const char unit = word.back() == 'D' || word.back() == 'W' ? static_cast<char>(word.back() + 32)
                                                               : word.back();
    if (unit != 'd' && unit != 'w') {
        return std::nullopt;
    }
    int count = 0;
    if (!parse_digits(std::string_view(word).substr(1, word.size() - 2), count) || count > 100000) {
        return std::nullopt;
    }
    return add_days(today, -static_cast<long>(count) * (unit == 'w' ? 7 : 1));
}

Reading checked(const Date& d, bool day_first) {
    if (d.valid()) {
        return Reading{d, ""};
    }
    if (d.month < 1 || d.month > 12) {
        if (day_first && d.day >= 1 && d.day <= 12 && d.month <= 31) {
            return problem(fmt::format("there is no month {}; spark reads the day first "
                                       "(DD-MM-YYYY)",
                                       d.month));
        }
        return problem(fmt::format("there is no month {}", d.month));
    }
    if (d.year < 1) {
        return problem("there is no year 0");
    }
    return problem(fmt::format("{} {} has no day {}", month_names[d.month - 1], d.year, d.day));
}

// 2026-11-30, 30-11-2026, 30/11/2026, 30-11: numbers separated by one kind of separator.
Reading numeric(std::string_view text, const Date& today) {
    const bool dash = text.find('-') != std::string_view::npos;
    const bool slash = text.find('/') != std::string_view::npos;
    if (dash == slash) {
        return {};
    }
    const char separator = dash ? '-' : '/';
    std::vector<std::string_view> parts;
    for (std::size_t at = 0;;) {
        const std::size_t next = text.find(separator, at);
        parts.push_back(text.substr(at, next == std::string_view::npos ? next : next - at));
        if (next == std::string_view::npos) {
            break;
        }
        at = next + 1;
    }
    std::vector<int> numbers;
    for (auto part : parts) {
        int value = 0;
        if (part.empty() || part.size() > 4 || !parse_digits(part, value)) {
            return {};
        }
        numbers.push_back(value);
    }
    auto short_number = [&](std::size_t i) {
        return parts[i].size() <= 2;
    };
    if (parts.size() == 3 && parts[0].size() == 4 && short_number(1) && short_number(2)) {
        return checked(Date{numbers[0], numbers[1], numbers[2]}, false);
    }
    if (parts.size() == 3 && short_number(0) && short_number(1)) {
        if (parts[2].size() == 4) {
            return checked(Date{numbers[2], numbers[1], numbers[0]}, true);
        }
        if (parts[2].size() <= 2) {
            return problem(fmt::format("write the year in full ({:02}-{:02}-20{:02} or "
                                       "{:02}-{:02}-19{:02})",
                                       numbers[0], numbers[1], numbers[2], numbers[0], numbers[1],
                                       numbers[2]));
        }
    }
    if (parts.size() == 2 && parts[0].size() == 4 && short_number(1)) {
        return problem("that is a month, not a day (a report or list takes it as --period)");
    }
    if (parts.size() == 2 && short_number(0) && short_number(1)) {
        // This year's, unless that is still to come: in January "30-12" is last December.
        const Date this_year{today.year, numbers[1], numbers[0]};
        if (this_year.valid() && !(today < this_year)) {
            return Reading{this_year, ""};
        }
        const Date last_year{today.year - 1, numbers[1], numbers[0]};
        return checked(this_year.valid() || last_year.valid() ? last_year : this_year, true);
    }
    return {};
}

} // namespace

std::vector<std::string> date_words() {
    std::vector<std::string> words = {"today",       "yesterday",   "vandaag",  "gisteren",
                                      "eergisteren", "vorige-week", "last-week"};
    for (const auto& language : weekday_names) {
        words.insert(words.end(), std::begin(language), std::end(language));
    }
    return words;
}

Date parse_date_argument(std::string_view text, const Date& today, std::string_view option) {
    const auto first = text.find_first_not_of(" \t");
    const std::string_view trimmed =
        first == std::string_view::npos
            ? std::string_view()
            : text.substr(first, text.find_last_not_of(" \t") - first + 1);
    Reading reading = numeric(trimmed, today);
    if (!reading.date && reading.problem.empty()) {
        if (auto d = named_day(normalise_words(trimmed), today)) {
            return *d;
        }
        if (auto d = days_ago(trimmed, today)) {
            return *d;
        }
    }
    if (reading.date) {
        return *reading.date;
    }
    if (!reading.problem.empty()) {
        throw UsageError(
            fmt::format("invalid date '{}' for {}: {}", text, option, reading.problem));
    }
    throw UsageError(
        fmt::format("invalid date '{}' for {} (expected {})", text, option, date_forms));
}

} // namespace spark
