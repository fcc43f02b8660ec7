#include "period.hpp"

#include "error.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

Period months(int year, int first_month, int count) {
    const int last_month = first_month + count - 1;
    return Period{Date{year, first_month, 1},
                  Date{year, last_month, days_in_month(year, last_month)}};
}

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

Period parse_period(std::string_view text) {
    auto bad = [&] {
        return UsageError(fmt::format("invalid period '{}' (expected YYYY, YYYY-MM, quarters "
                                      "YYYY-Q1..Q4 or four-month tertials YYYY-T1..T3, e.g. "
                                      "2026-T3)",
                                      text));
    };
    if (text.size() < 4 || !all_digits(text.substr(0, 4))) {
        throw bad();
    }
    const int year = std::stoi(std::string(text.substr(0, 4)));
    if (year < 1) {
        throw bad();
    }
    if (text.size() == 4) {
        return months(year, 1, 12);
    }
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(5, 2))) {
        const int month = std::stoi(std::string(text.substr(5, 2)));
        if (month >= 1 && month <= 12) {
            return months(year, month, 1);
        }
    }
    if (text.size() == 7 && text[4] == '-') {
        const char unit = text[5];
        const int n = text[6] - '0';
        if ((unit == 'Q' || unit == 'q') && n >= 1 && n <= 4) {
            return months(year, (n - 1) * 3 + 1, 3);
        }
        if ((unit == 'T' || unit == 't') && n >= 1 && n <= 3) {
            return months(year, (n - 1) * 4 + 1, 4);
        }
    }
    throw bad();
}

Period resolve_period(const std::string& period, const std::string& since, const std::string& until,
                      const Date& first, const Date& today) {
    if (!period.empty() && (!since.empty() || !until.empty())) {
        throw UsageError("--period cannot be combined with --since or --until");
    }
    if (!period.empty()) {
        return parse_period(period);
    }
    Period result{first, today};
    if (!since.empty()) {
        result.since = parse_date_argument(since, today, "--since");
    }
    if (!until.empty()) {
        result.until = parse_date_argument(until, today, "--until");
    }
    if (result.until < result.since) {
        if (since.empty()) {
            result.since = result.until;
        } else {
            throw UsageError(fmt::format("--since {} is after --until {}", result.since.iso(),
                                         result.until.iso()));
        }
    }
    return result;
}

} // namespace spark
