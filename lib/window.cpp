#include "window.hpp"

#include <algorithm>

namespace spark {

namespace {

bool in_recess(const Date& date, const std::vector<Recess>& recess) {
    return std::any_of(recess.begin(), recess.end(),
                       [&](const Recess& r) { return r.contains(date); });
}

// Enough for any window with recesses that leave at least a few days a year.
constexpr long max_reach_days = 3 * 366 + 400;

} // namespace

Period window_ending(const Date& end, int days, const std::vector<Recess>& recess) {
    const long last = days_from_civil(end);
    long counted = 0;
    for (long day = last; day > last - max_reach_days; --day) {
        counted += !in_recess(civil_from_days(day), recess);
        if (counted == days) {
            return Period{civil_from_days(day), end};
        }
    }
    return Period{add_days(end, -(days - 1)), end};
}

std::optional<long> days_left_in_window(const Date& event, const Date& today, int days,
                                        const std::vector<Recess>& recess) {
    if (!window_ending(today, days, recess).contains(event)) {
        return std::nullopt;
    }
    for (long ahead = 1; ahead <= max_reach_days; ++ahead) {
        if (window_ending(add_days(today, ahead), days, recess).since > event) {
            return ahead;
        }
    }
    return std::nullopt;
}

} // namespace spark
