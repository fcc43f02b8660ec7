#pragma once

#include "config.hpp"
#include "involvement.hpp"
#include "period.hpp"
#include "records.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace spark {

struct MonthFigures {
    int year = 0;
    int month = 0;
    int new_people = 0; // first involved this month
    int people = 0;     // involved by the end of the month
    int entries = 0;
    int meetings = 0;
    int attendance = 0; // attendees summed over the month's meetings
};

// A person as the report sees them.
struct PersonFacts {
    const Person* person = nullptr;
    Date first;
    int generation = 0; // core (role spark) = 0; invited by generation n = n + 1
};

// Everything the report, its JSON and `spark status` show, computed in one place from the
// records, the thresholds, the period and today. Pure.
struct Figures {
    Period period;
    Period window; // the last window_days days up to the period's end (may start before it)
    Date today;

    std::vector<PersonFacts> involved; // first involved by the end of the period, by first date
    int core_people = 0;
    int new_people_period = 0;
    int new_people_window = 0;
    std::optional<Date> last_newcomer;
    int generations = 0; // deepest generation reached
    std::vector<int> people_per_generation;

    std::map<Group, int> people_per_group;
    int inside_people = 0;
    int outside_people = 0;
    int groups_reached = 0; // inside groups plus one for outside
    bool leadership = false;
    int critics = 0;

    std::array<int, number_of_kinds> entries_per_kind{}; // indexed by Kind, within the period
    int actions_window = 0;                              // actions and matches
    int actions_period = 0;
    int proven_matches = 0;
    int unproven_matches = 0;
    int meetings_period = 0;
    int meetings_window = 0;
    int dilemmas_period = 0;

    std::vector<const Entry*> entries;    // within the period, in date order
    std::vector<const Meeting*> meetings; // within the period, in date order
    std::vector<MonthFigures> months;
    const Entry* last_entry = nullptr; // up to the end of the period
    const Meeting* last_meeting = nullptr;

    InvolvementMap involvement;
    std::unordered_map<std::string, int> generation_of;
};

Figures compute_figures(const Records& records, const GaugeSettings& gauge, const Period& period,
                        const Date& today);

// Where the history starts: the earliest date of any record or person, else the workspace's
// `started`, else today. The default start of the report's and status's period.
Date history_start(const Records& records, const Config& config, const Date& today);

} // namespace spark
