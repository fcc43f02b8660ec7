#include "gauge.hpp"

#include <stdexcept>

namespace spark {

std::string_view id_of(FireState state) {
    switch (state) {
    case FireState::no_fire:
        return "no-fire";
    case FireState::spark:
        return "spark";
    case FireState::straw_fire:
        return "straw-fire";
    case FireState::running_fire:
        return "running-fire";
    }
    return "";
}

const Criterion& Gauge::criterion(std::string_view id) const {
    for (const auto& c : criteria) {
        if (c.id == id) {
            return c;
        }
    }
    throw std::logic_error("unknown criterion");
}

Gauge assess(const Figures& f, const GaugeSettings& s) {
    Gauge g;
    const int beyond_core = static_cast<int>(f.involved.size()) - f.core_people;
    auto add = [&](std::string id, long value, long threshold) {
        g.criteria.push_back({std::move(id), value, threshold, value >= threshold});
    };
    add("people", beyond_core, 1);
    add("new-people", f.new_people_window, s.min_new_people);
    add("generations", f.generations, s.min_generations);
    add("groups", f.groups_reached, s.min_groups);
    g.criteria.push_back(
        {"inside-outside", f.outside_people, 1, f.inside_people > 0 && f.outside_people > 0});
    add("actions", f.actions_window, s.min_actions);
    add("proven-matches", f.proven_matches, s.min_proven_matches);
    add("meetings", f.meetings_window, s.min_meetings);
    add("dilemmas-critics", f.dilemmas_period + f.critics, s.min_dilemmas_and_critics);

    const bool nothing = f.involved.empty() && f.entries.empty() && f.meetings.empty();
    if (nothing) {
        g.state = FireState::no_fire;
    } else if (beyond_core <= 0) {
        g.state = FireState::spark;
    } else if (g.criterion("new-people").pass && g.criterion("generations").pass &&
               g.criterion("inside-outside").pass && g.criterion("actions").pass) {
        g.state = FireState::running_fire;
    } else {
        g.state = FireState::straw_fire;
    }

    auto signal = [&](bool raised, const char* id) {
        if (raised) {
            g.signals.push_back({id});
        }
    };
    // Every criterion the state depends on has a signal when it fails, so a straw fire always
    // says why.
    signal(!g.criterion("new-people").pass, "no-new-people");
    signal(beyond_core > 0 && !g.criterion("generations").pass, "shallow-spread");
    signal(!g.criterion("meetings").pass, "no-meetings");
    const bool talk_no_action = f.meetings_period > 0 && f.actions_period == 0;
    signal(talk_no_action, "talk-no-action");
    signal(!talk_no_action && !g.criterion("actions").pass, "no-action");
    signal(!f.leadership, "leadership-missing");
    signal(f.outside_people == 0, "no-outside");
    signal(f.inside_people == 0 && f.outside_people > 0, "no-inside");
    signal(f.dilemmas_period == 0 && f.critics == 0, "too-smooth");
    signal(f.unproven_matches > 0, "unproven-matches");
    return g;
}

} // namespace spark
