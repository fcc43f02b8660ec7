#pragma once

#include "date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace spark {

// An inclusive range of days.
struct Period {
    Date since;
    Date until;
    bool contains(const Date& d) const { return !(d < since) && !(until < d); }
    long days() const { return days_from_civil(until) - days_from_civil(since) + 1; }
};

// "2026-11" (month), "2026-Q4" (quarter), "2026-T3" (tertial: four months, as Dutch
// municipalities plan), "2026" (year). Throws UsageError otherwise.
Period parse_period(std::string_view text);

// The report's period from --period, --since and --until; unset ends default to the
// first record (`first`) and today. Throws UsageError on conflicts.
Period resolve_period(const std::string& period, const std::string& since, const std::string& until,
                      const Date& first, const Date& today);

} // namespace spark
