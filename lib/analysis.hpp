#pragma once

#include "config.hpp"
#include "figures.hpp"
#include "gauge.hpp"
#include "period.hpp"
#include "records.hpp"

#include <vector>

namespace spark {

// The state of the fire at the end of one month, judged as a report ending that day would.
struct MonthState {
    int year = 0;
    int month = 0;
    Date end; // the day judged: the month's last day, or today in the current month
    FireState state = FireState::no_fire;
};

// What `spark report` and `spark status` show, from one function.
struct Analysis {
    Figures figures;
    Gauge gauge;
    std::vector<MonthState> history; // every month of the period up to today, oldest first
};

// Figures, gauge and the state at the end of each month, all with the same rules. Pure.
Analysis analyse(const Records& records, const Config& config, const Period& period,
                 const Date& today);

} // namespace spark
