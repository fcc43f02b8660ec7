#include "period.hpp"

#include "error.hpp"

#include <fmt/format.h>
#include <optional>

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

// The month, quarter (3), tertial (4) or year (12) that holds `day`, or the one `back`
// such periods before it.
Period period_of(const Date& day, int length, int back) {
    int index = (day.year * 12 + day.month - 1) / length - back;
    return months(index * length / 12, index * length % 12 + 1, length);
}

// "Vorige maand", "vorige-maand", "vorig_kwartaal" → "vorig-maand", "vorig-kwartaal":
// lowercase, one hyphen between words, and vorige/deze spelled as vorig/dit so that the
// article's gender (de maand, het kwartaal) does not matter.
std::string normalised_period_words(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '_') {
            if (!out.empty() && out.back() != '-') {
                out += '-';
            }
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    if (out.starts_with("vorige-")) {
        out.erase(5, 1);
    } else if (out.starts_with("deze-")) {
        out.replace(0, 4, "dit");
    }
    return out;
}

struct Unit {
    std::string_view nl;
    std::string_view en;
    int months;   // 0: a week
    bool de_word; // de maand, de week: "deze", "vorige"; het kwartaal: "dit", "vorig"
};

constexpr Unit units[] = {
    {"week", "week", 0, true},         {"maand", "month", 1, true},
    {"kwartaal", "quarter", 3, false}, {"tertiaal", "tertial", 4, false},
    {"jaar", "year", 12, false},
};

std::optional<Period> named_period(const std::string& words, const Date& today) {
    for (const auto& unit : units) {
        for (int back = 0; back <= 1; ++back) {
            const std::string nl = fmt::format("{}-{}", back ? "vorig" : "dit", unit.nl);
            const std::string en = fmt::format("{}-{}", back ? "last" : "this", unit.en);
            if (words != nl && words != en) {
                continue;
            }
            if (unit.months == 0) {
                const Date monday = add_days(today, -weekday(today) - 7 * back);
                return Period{monday, add_days(monday, 6)};
            }
            return period_of(today, unit.months, back);
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> period_words() {
    std::vector<std::string> out;
    for (const auto& unit : units) {
        out.push_back(fmt::format("{}-{}", unit.de_word ? "deze" : "dit", unit.nl));
        out.push_back(fmt::format("{}-{}", unit.de_word ? "vorige" : "vorig", unit.nl));
    }
    for (const auto& unit : units) {
        out.push_back(fmt::format("this-{}", unit.en));
        out.push_back(fmt::format("last-{}", unit.en));
    }
    return out;
}

const char* const period_forms =
    "YYYY, YYYY-MM, quarters YYYY-Q1..Q4, four-month tertials YYYY-T1..T3, or deze-maand, "
    "vorige-maand, dit-kwartaal, vorig-kwartaal, dit-tertiaal, vorig-tertiaal, dit-jaar, "
    "vorig-jaar, deze-week, vorige-week (this-month, last-month, … in English)";

Period parse_period(std::string_view text, const Date& today) {
    auto bad = [&] {
        return UsageError(fmt::format("invalid period '{}' (expected {})", text, period_forms));
    };
    if (auto named = named_period(normalised_period_words(text), today)) {
        return *named;
    }
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
        return parse_period(period, today);
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
