#pragma once

#include "date.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spark {

// Thresholds of the fire gauge, settable under [gauge] in spark.toml.
struct GaugeSettings {
    int window_days = 42;             // "lately": the last six weeks before the period's end
    int min_new_people = 1;           // newcomers within the window
    int min_generations = 2;          // depth of invited_by spread from the core
    int min_groups = 3;               // distinct groups reached (outside counts as one)
    int min_actions = 1;              // actions and matches within the window
    int min_proven_matches = 1;       // matches with an effect within the period
    int min_meetings = 1;             // meetings within the window
    int min_dilemmas_and_critics = 1; // dilemmas raised plus critics involved
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
