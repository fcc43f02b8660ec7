#pragma once

#include "config.hpp"
#include "involvement.hpp"
#include "period.hpp"
#include "records.hpp"

#include <array>
#include <map>
#include <memory>
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

// What the whole history says about people, whatever the period: when each first took part
// and through whom. Computed once and shared by the figures of every period.
// It points into the records it was traced from.
struct Lineage {
    InvolvementMap involvement;
    std::unordered_map<std::string, int> generation_of;
    std::unordered_map<std::string, const Person*> person_of;
};

Lineage trace_lineage(const Records& records);

// A person as the report sees them.
struct PersonFacts {
    const Person* person = nullptr;
    Date first;        // first involvement: `since` or their first record, the earlier
    Date first_record; // their first entry or meeting; not set for someone only registered
    int generation = 0;
    // Registering a person is not joining: a newcomer of a span of days is someone who
    // joined in it (`first`) and also took part in an entry or meeting in it.
    bool new_in(const Period& span) const {
        return span.contains(first) && first_record.valid() && span.contains(first_record);
    }
};

// One of the six things a fire needs, as counted by its log entries.
struct ElementFigures {
    int period = 0;   // entries in the period
    int previous = 0; // entries in the period of the same length before it
    std::optional<Date> last;
};

// Everything the report, its JSON and `spark status` show, computed in one place from the
// records, the thresholds, the period and today. Pure.
//
// Three spans of time:
//   window  "lately": the last window_days days (recess days not counted) up to the end of
//           the period, or up to today while the period is still running;
//   scope   what "in the period" means for leadership, oxygen, friction and proof: the
//           period, reaching back to the window's start when the period is shorter, so a
//           one-month report still looks at the last six weeks;
//   period  what the log, meetings and growth sections list.
struct Figures {
    Period period;
    Period window;
    int window_days = 0; // the days that count in the window (recess days do not)
    Period scope;
    Period previous; // same length, right before the period
    Date today;
    Date start;           // where the history starts (first record or person, or `started`)
    bool running = false; // the window ends today: the period has not ended yet

    std::vector<PersonFacts> involved; // first involved by the end of the period, by first date
    int core_people = 0;
    int new_people_period = 0;
    // Newcomers of the window (not the core) who also took part in it, newest first.
    std::vector<const PersonFacts*> newcomers_window;
    // When the latest newcomer joined, of those who took part by the window's end.
    std::optional<Date> last_newcomer;
    int generations = 0; // deepest generation reached
    std::vector<int> people_per_generation;

    std::map<Group, int> people_per_group;
    int inside_people = 0;
    int outside_people = 0;
    int groups_reached = 0;                         // inside groups plus one for outside
    std::vector<const Person*> leaders;             // leadership involved by the end of the period
    std::vector<const Person*> leaders_taking_part; // …who took part in a record in the scope
    std::optional<Date> first_leader_joined;
    std::optional<Date> first_outside_joined;
    std::vector<const Person*> pokers;            // role poker, involved
    std::vector<const Person*> critics;           // role critic, involved
    std::vector<const Person*> critics_attending; // …who attended a meeting in the scope
    std::map<std::string, int> departments;       // people involved per department

    std::array<int, number_of_kinds> entries_per_kind{}; // within the period
    std::array<ElementFigures, number_of_kinds> elements{};
    std::vector<Date> actions_window; // dates of actions and matches in the window, newest first
    int actions_scope = 0;
    int oxygen_scope = 0;              // zuurstof entries in the scope
    int leader_entries_scope = 0;      // entries in the scope that a leader took part in
    int room_scope = 0;                // entries in the scope that are either (oxygen in the gauge)
    int proven_matches = 0;            // matches in the scope with a real effect
    int unproven_matches = 0;          // …without one, or with a placeholder ("nog niet bekend")
    int poker_entries = 0;             // pook entries up to the end of the period
    std::vector<Date> meetings_window; // dates of meetings in the window, newest first
    int meetings_scope = 0;
    int friction_meetings_scope = 0; // with a question, a dilemma or a critic present
    int questions_scope = 0;
    int dilemmas_scope = 0;
    int followups_scope = 0;      // follow-ups of the meetings in the scope, open or done
    int open_followups_scope = 0; // …not marked done (spark done)

    std::vector<const Entry*> entries;    // within the period, in date order
    std::vector<const Meeting*> meetings; // within the period, in date order
    std::vector<MonthFigures> months;
    const Entry* last_entry = nullptr; // up to the window's end (plans after today left out)
    const Meeting* last_meeting = nullptr;
    std::optional<Date> last_activity; // the later of the two

    std::shared_ptr<const Lineage> lineage;
    const InvolvementMap& involvement() const { return lineage->involvement; }
};

Figures compute_figures(const Records& records, std::shared_ptr<const Lineage> lineage,
                        const GaugeSettings& gauge, const Period& period, const Date& today);

// The same, tracing the lineage first.
Figures compute_figures(const Records& records, const GaugeSettings& gauge, const Period& period,
                        const Date& today);

// Where the history starts: the earliest date of any record or person, else the workspace's
// `started`, else today. The default start of the report's and status's period.
Date history_start(const Records& records, const Config& config, const Date& today);

// An effect that proves something: not empty and not a placeholder such as "nog niet
// bekend", "onbekend", "n.v.t.", "?", "tbd".
bool is_proven_effect(std::string_view effect);

} // namespace spark
