#include "gauge.hpp"

#include "i18n.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace spark {

const Criterion& Gauge::criterion(CriterionId id) const {
    for (const auto& c : criteria) {
        if (c.id == id) {
            return c;
        }
    }
    throw std::logic_error("criterion not assessed");
}

std::vector<CriterionId> Gauge::missing() const {
    std::vector<CriterionId> ids;
    for (const auto& c : criteria) {
        if (!c.pass) {
            ids.push_back(c.id);
        }
    }
    return ids;
}

bool Gauge::has(SignalId id) const {
    return std::any_of(signals.begin(), signals.end(), [&](const Signal& s) { return s.id == id; });
}

namespace {

FireState decide_state(const Figures& f, const Gauge& g) {
    const bool nothing =
        f.involved.empty() && !f.last_activity && f.entries.empty() && f.meetings.empty();
    if (nothing) {
        return FireState::no_fire;
    }
    const int beyond_core = static_cast<int>(f.involved.size()) - f.core_people;
    if (beyond_core <= 0) {
        return FireState::spark;
    }
    if (g.missing().empty()) {
        return FireState::running_fire;
    }
    const bool alive =
        !f.newcomers_window.empty() || !f.meetings_window.empty() || !f.actions_window.empty();
    return alive ? FireState::smouldering : FireState::straw_fire;
}

} // namespace

Gauge assess(const Figures& figures, const GaugeSettings& settings) {
    Gauge g;
    for (const auto& row : criterion_terms()) {
        g.criteria.push_back(row.measure(figures, settings));
    }
    g.state = decide_state(figures, g);
    for (const auto& row : signal_terms()) {
        if (row.raised(figures, g, settings)) {
            g.signals.push_back({row.value});
        }
    }
    // A period with nothing in it needs one line, not a list of everything that is absent.
    if (g.has(SignalId::nothing_in_period)) {
        g.signals = {{SignalId::nothing_in_period}};
    }
    return g;
}

std::string state_name(Language language, FireState state) {
    return std::string(term(state).name.in(language));
}

std::string state_explanation(Language language, const Gauge& gauge, const Figures& figures) {
    const std::string_view text = term(gauge.state).explanation.in(language);
    switch (gauge.state) {
    case FireState::smouldering: {
        std::vector<std::string> missing;
        for (CriterionId id : gauge.missing()) {
            missing.emplace_back(term(id).missing.in(language));
        }
        return fmt::format(fmt::runtime(text), and_list(language, missing));
    }
    case FireState::straw_fire:
        return fmt::format(fmt::runtime(text), window_phrase(language, figures.window_days));
    default:
        return std::string(text);
    }
}

} // namespace spark
