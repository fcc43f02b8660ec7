#pragma once

#include "config.hpp"
#include "period.hpp"

#include <optional>
#include <vector>

namespace spark {

// The gauge's window ("lately"): the last `days` days up to and including `end`, where days
// in a recess do not count, so the window reaches further back across a recess. A recess
// that leaves no day to count (all year) is ignored.
Period window_ending(const Date& end, int days, const std::vector<Recess>& recess);

// How many days from `today` until something dated `event` is no longer in the window, when
// nothing else happens: "nog 9 dagen". Nullopt when it is not in today's window now.
std::optional<long> days_left_in_window(const Date& event, const Date& today, int days,
                                        const std::vector<Recess>& recess);

} // namespace spark
