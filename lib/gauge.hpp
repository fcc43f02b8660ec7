#pragma once

#include "config.hpp"
#include "figures.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace spark {

enum class FireState { no_fire, spark, straw_fire, running_fire };

std::string_view id_of(FireState state); // "no-fire", "spark", "straw-fire", "running-fire"

// One line of the fire gauge: a figure against its threshold.
struct Criterion {
    std::string id; // stable, for scripts: "new-people", "generations", …
    long value = 0;
    long threshold = 0;
    bool pass = false;
};

// A warning with a stable id; the sentence for people comes from the language tables.
struct Signal {
    // no-new-people, shallow-spread, no-meetings, talk-no-action, no-action,
    // leadership-missing, no-outside, no-inside, too-smooth, unproven-matches
    std::string id;
};

struct Gauge {
    FireState state = FireState::no_fire;
    std::vector<Criterion> criteria;
    std::vector<Signal> signals;
    const Criterion& criterion(std::string_view id) const;
};

// The state follows from the criteria (documented in spark-report(1)):
//   no-fire       nothing recorded in the period and nobody involved;
//   spark         nobody involved beyond the core group (role spark);
//   running-fire  new people within the window, at least min_generations of spread, people
//                 from both inside and outside, and action within the window;
//   straw-fire    anything else: there was activity, but it does not spread or went quiet.
Gauge assess(const Figures& figures, const GaugeSettings& settings);

} // namespace spark
