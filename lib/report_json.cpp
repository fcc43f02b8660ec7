#include "json.hpp"
#include "report.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace spark {

namespace {

toml::table period_table(const Period& period) {
    return toml::table{{"since", period.since.iso()}, {"until", period.until.iso()}};
}

std::string date_or_empty(const std::optional<Date>& date) {
    return date ? date->iso() : std::string();
}

} // namespace

std::string render_json_report(const Config& config, const Records& records,
                               const Analysis& analysis, const ReportOptions& options) {
    const Figures& f = analysis.figures;
    const Gauge& gauge = analysis.gauge;
    const Language language = options.language;
    // Scripts mail and post this: people appear by group and number only, whatever --names
    // says ("Vraag partner 1 (pook) om …").
    const DisplayNames names(records, f, language, NamesMode::none);
    const NameOf label_of = [&](const Person& person) {
        return names(person.id);
    };

    toml::array criteria;
    for (const auto& c : gauge.criteria) {
        toml::table row{
            {"id", std::string(id_of(c.id))},
            {"label", criterion_label(language, c, f)},
            {"value", static_cast<int64_t>(c.value)},
            {"threshold", static_cast<int64_t>(c.threshold)},
            {"pass", c.pass},
        };
        if (c.id == CriterionId::friction) {
            row.insert("meetings", static_cast<int64_t>(c.out_of));
        }
        if (c.days_left) {
            row.insert("days_left", static_cast<int64_t>(*c.days_left));
        }
        criteria.push_back(std::move(row));
    }
    toml::array signals;
    for (const auto& s : gauge.signals) {
        signals.push_back(toml::table{
            {"id", std::string(id_of(s.id))},
            {"message", signal_message(language, s, f, gauge)},
            {"advice", spell_advice(language, signal_advice(language, s, f, gauge), label_of)},
        });
    }
    toml::array history;
    for (const auto& m : analysis.history) {
        history.push_back(toml::table{
            {"month", fmt::format("{:04}-{:02}", m.year, m.month)},
            {"date", m.end.iso()},
            {"state", std::string(id_of(m.state))},
        });
    }
    toml::table elements;
    for (const auto& row : kind_terms) {
        const auto& e = f.elements[static_cast<std::size_t>(row.value)];
        elements.insert(std::string(row.id), toml::table{
                                                 {"period", e.period},
                                                 {"previous", e.previous},
                                                 {"last", date_or_empty(e.last)},
                                             });
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
    counts.insert("meeting", static_cast<int64_t>(f.meetings.size()));
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
    toml::table departments;
    for (const auto& [department, count] : f.departments) {
        departments.insert(names.redact(department), count);
    }
    toml::table people{
        {"involved", static_cast<int64_t>(f.involved.size())},
        {"core", f.core_people},
        {"new_in_period", f.new_people_period},
        {"new_in_window", static_cast<int64_t>(f.newcomers_window.size())},
        {"inside", f.inside_people},
        {"outside", f.outside_people},
        {"critics", static_cast<int64_t>(f.critics.size())},
        {"pokers", static_cast<int64_t>(f.pokers.size())},
        {"leaders", static_cast<int64_t>(f.leaders.size())},
        {"departments", departments},
        {"per_group", groups},
        {"per_generation", generations},
    };
    toml::table window = period_table(f.window);
    window.insert("days", f.window_days);
    toml::table report{
        {"name", config.name},
        {"organisation", config.organisation},
        {"language", std::string(id_of(language))},
        {"generated", options.generated.iso()},
        {"period", period_table(f.period)},
        {"window", window},
        {"scope", period_table(f.scope)},
        {"state", std::string(id_of(gauge.state))},
        {"state_label", state_name(language, gauge.state)},
        {"state_explanation", state_explanation(language, gauge, f)},
        {"last_activity", date_or_empty(f.last_activity)},
        {"history", history},
        {"criteria", criteria},
        {"signals", signals},
        {"elements", elements},
        {"growth", growth},
        {"counts", counts},
        {"people", people},
        {"questions", f.questions_scope},
        {"dilemmas", f.dilemmas_scope},
        {"proven_matches", f.proven_matches},
        {"unproven_matches", f.unproven_matches},
    };
    if (!options.problems.empty()) { // made with --force from data check calls wrong
        toml::array problems;
        for (const auto& line : options.problems) {
            problems.push_back(line);
        }
        report.insert("problems", problems);
    }
    return to_json(report);
}

} // namespace spark
