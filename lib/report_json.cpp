#include "json.hpp"
#include "report.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace spark {

namespace {

toml::table period_table(const Period& period) {
    return toml::table{{"since", period.since.iso()}, {"until", period.until.iso()}};
}

} // namespace

std::string render_json_report(const Config& config, const Figures& f, const Gauge& gauge,
                               const ReportOptions& options) {
    toml::array criteria;
    for (const auto& c : gauge.criteria) {
        criteria.push_back(toml::table{
            {"id", c.id},
            {"label", criterion_label(options.language, c.id, f.window.days())},
            {"value", static_cast<int64_t>(c.value)},
            {"threshold", static_cast<int64_t>(c.threshold)},
            {"pass", c.pass},
        });
    }
    toml::array signals;
    for (const auto& s : gauge.signals) {
        signals.push_back(
            toml::table{{"id", s.id}, {"message", signal_message(options.language, s, f)}});
    }
    toml::array growth;
    for (const auto& m : f.months) {
        growth.push_back(toml::table{
            {"month", fmt::format("{:04}-{:02}", m.year, m.month)},
            {"new_people", m.new_people},
            {"people", m.people},
            {"entries", m.entries},
            {"meetings", m.meetings},
            {"attendance", m.attendance},
        });
    }
    toml::table counts;
    for (Kind kind : all_kinds) {
        counts.insert(std::string(name_of(kind)), f.entries_per_kind[static_cast<int>(kind)]);
    }
    counts.insert("meeting", f.meetings_period);
    toml::table groups;
    for (Group group : all_groups) {
        auto found = f.people_per_group.find(group);
        groups.insert(std::string(name_of(group)),
                      found == f.people_per_group.end() ? 0 : found->second);
    }
    toml::array generations;
    for (int count : f.people_per_generation) {
        generations.push_back(count);
    }
    toml::table people{
        {"involved", static_cast<int64_t>(f.involved.size())},
        {"core", f.core_people},
        {"new_in_period", f.new_people_period},
        {"new_in_window", f.new_people_window},
        {"inside", f.inside_people},
        {"outside", f.outside_people},
        {"critics", f.critics},
        {"per_group", groups},
        {"per_generation", generations},
    };
    toml::table report{
        {"name", config.name},
        {"organisation", config.organisation},
        {"language", options.language == Language::nl ? "nl" : "en"},
        {"generated", options.generated.iso()},
        {"period", period_table(f.period)},
        {"window", period_table(f.window)},
        {"state", std::string(id_of(gauge.state))},
        {"state_label", state_name(options.language, gauge.state)},
        {"criteria", criteria},
        {"signals", signals},
        {"growth", growth},
        {"counts", counts},
        {"people", people},
        {"dilemmas", f.dilemmas_period},
        {"proven_matches", f.proven_matches},
        {"unproven_matches", f.unproven_matches},
    };
    return to_json(report);
}

} // namespace spark
