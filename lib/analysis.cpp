#include "analysis.hpp"

#include <algorithm>

namespace spark {

Analysis analyse(const Records& records, const Config& config, const Period& period,
                 const Date& today) {
    const auto lineage = std::make_shared<const Lineage>(trace_lineage(records));
    Analysis analysis{compute_figures(records, lineage, config.gauge, period, today), {}, {}};
    analysis.gauge = assess(analysis.figures, config.gauge);

    // Each month's end is judged as a report for the period up to that day, on that day, so
    // the last row is the headline.
    const Date last_day = analysis.figures.window.until;
    for (Date month{period.since.year, period.since.month, 1}; !(last_day < month);) {
        const Date next =
            month.month == 12 ? Date{month.year + 1, 1, 1} : Date{month.year, month.month + 1, 1};
        const Date end = std::min(add_days(next, -1), last_day);
        const Figures figures =
            compute_figures(records, lineage, config.gauge, Period{period.since, end}, end);
        analysis.history.push_back(
            {month.year, month.month, end, assess(figures, config.gauge).state});
        month = next;
    }
    return analysis;
}

} // namespace spark
