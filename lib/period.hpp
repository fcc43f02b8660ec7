#pragma once

#include "date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// An inclusive range of days.
struct Period {
    Date since;
    Date until;
    bool contains(const Date& d) const { return !(d < since) && !(until < d); }
    long days() const { return days_from_civil(until) - days_from_civil(since) + 1; }
};

// "2026-11" (month), "2026-Q4" (quarter), "2026-T3" (tertial: four months, as Dutch
// municipalities plan), "2026" (year), or a period named relative to `today`: deze-maand,
// vorige-maand, dit-kwartaal, vorig-kwartaal, dit-tertiaal, vorig-tertiaal, dit-jaar,
// vorig-jaar, deze-week, vorige-week, and in English this-month, last-month, this-quarter,
// last-quarter, this-tertial, last-tertial, this-year, last-year, this-week, last-week
// (case ignored, a space for the hyphen). Throws UsageError listing the forms otherwise.
Period parse_period(std::string_view text, const Date& today);

// The accepted forms, for help texts and error messages.
extern const char* const period_forms;

// The periods named from today ("vorige-maand", "last-month", …), for completion.
std::vector<std::string> period_words();

// The report's period from --period, --since and --until; unset ends default to the
// first record (`first`) and today. Throws UsageError on conflicts.
Period resolve_period(const std::string& period, const std::string& since, const std::string& until,
                      const Date& first, const Date& today);

} // namespace spark
