#pragma once

#include "date.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spark {

// A break that comes back every year (the summer recess, Christmas), from one month-day to
// another, both inclusive; it may run over New Year. Its days do not count toward the
// gauge's window, so a fire that is only on holiday does not go out.
struct Recess {
    int from_month = 0;
    int from_day = 0;
    int to_month = 0;
    int to_day = 0;
    bool contains(const Date& date) const;
};

// Thresholds of the fire gauge, settable under [gauge] in spark.toml (see spark-report(1)).
struct GaugeSettings {
    int window_days = 42;          // "lately": the last six weeks, recess days not counted
    int min_new_people = 1;        // newcomers through participation within the window
    int min_generations = 2;       // depth of invited_by spread from the core
    int min_groups = 3;            // distinct groups reached (outside counts as one)
    int min_leaders = 1;           // leaders taking part within the period
    int min_oxygen = 1;            // zuurstof entries, or entries with a leader, in the period
    int min_actions = 1;           // actions and matches within the window
    int min_meetings = 1;          // meetings within the window
    int min_friction_percent = 50; // share of the period's meetings with friction
    int min_friction_meetings = 1; // and at least this many (formerly min_dilemmas_and_critics)
    int min_proven_matches = 1;    // matches with a real effect in the period
    int late_weeks = 8;            // leadership and society should join within this ("vrij snel")
    std::vector<Recess> recess;    // [gauge] recess = [["07-13", "08-31"]]
};

// spark.toml: what the workspace is about and how spark behaves in it.
struct Config {
    std::string name;
    std::string organisation;
    std::string language = "nl"; // nl | en
    Date started;
    std::optional<bool> git_autocommit; // unset: on when the workspace is in a git repository
    GaugeSettings gauge;
};

std::string emit_config(const Config& config);

// Reads spark.toml; problems go to `diagnostics` (path as given).
std::optional<Config> read_config(std::string_view bytes, const std::string& path,
                                  std::vector<Diagnostic>& diagnostics);

} // namespace spark
