#include "json.hpp"
#include "report.hpp"

#include <fmt/format.h>
#include <map>

namespace spark {

namespace {

void write_period(JsonWriter& out, const Period& period, const int* days = nullptr) {
    out.begin_object();
    if (days != nullptr) {
        out.field("days", *days);
    }
    out.field("since", period.since.iso());
    out.field("until", period.until.iso());
    out.end_object();
}

std::string date_or_empty(const std::optional<Date>& date) {
    return date ? date->iso() : std::string();
}

std::string month_name(int year, int month) {
    return fmt::format("{:04}-{:02}", year, month);
}

} // namespace

// Keys in byte order at every level (JsonWriter's contract), as the toml++ table this
// replaced printed them; the golden files in tests/e2e/golden/json pin the bytes.
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

    JsonWriter out;
    out.begin_object();

    // Entry kinds and "meeting", by name.
    std::map<std::string, std::int64_t> counts;
    for (Kind kind : all_kinds) {
        counts.emplace(std::string(name_of(kind)), f.entries_per_kind[static_cast<int>(kind)]);
    }
    counts.emplace("meeting", static_cast<std::int64_t>(f.meetings.size()));
    out.key("counts");
    out.begin_object();
    for (const auto& [name, count] : counts) {
        out.field(name, count);
    }
    out.end_object();

    out.key("criteria");
    out.begin_array();
    for (const auto& c : gauge.criteria) {
        out.begin_object();
        if (c.days_left) {
            out.field("days_left", static_cast<std::int64_t>(*c.days_left));
        }
        out.field("id", id_of(c.id));
        out.field("label", criterion_label(language, c, f));
        if (c.id == CriterionId::friction) {
            out.field("meetings", static_cast<std::int64_t>(c.out_of));
        }
        out.field("pass", c.pass);
        out.field("threshold", static_cast<std::int64_t>(c.threshold));
        out.field("value", static_cast<std::int64_t>(c.value));
        out.end_object();
    }
    out.end_array();

    out.field("dilemmas", f.dilemmas_scope);

    std::map<std::string_view, const ElementFigures*> elements;
    for (const auto& row : kind_terms) {
        elements.emplace(row.id, &f.elements[static_cast<std::size_t>(row.value)]);
    }
    out.key("elements");
    out.begin_object();
    for (const auto& [id, e] : elements) {
        out.key(id);
        out.begin_object();
        out.field("last", date_or_empty(e->last));
        out.field("period", e->period);
        out.field("previous", e->previous);
        out.end_object();
    }
    out.end_object();

    out.field("generated", options.generated.iso());

    out.key("growth");
    out.begin_array();
    for (const auto& m : f.months) {
        out.begin_object();
        out.field("attendance", m.attendance);
        out.field("entries", m.entries);
        out.field("meetings", m.meetings);
        out.field("month", month_name(m.year, m.month));
        out.field("new_people", m.new_people);
        out.field("people", m.people);
        out.end_object();
    }
    out.end_array();

    out.key("history");
    out.begin_array();
    for (const auto& m : analysis.history) {
        out.begin_object();
        out.field("date", m.end.iso());
        out.field("month", month_name(m.year, m.month));
        out.field("state", id_of(m.state));
        out.end_object();
    }
    out.end_array();

    out.field("language", id_of(language));
    out.field("last_activity", date_or_empty(f.last_activity));
    out.field("name", config.name);
    out.field("open_followups", f.open_followups_scope);
    out.field("organisation", config.organisation);

    // Departments by their redacted name; two that redact alike keep the first count.
    std::map<std::string, int> departments;
    for (const auto& [department, count] : f.departments) {
        departments.emplace(names.redact(department), count);
    }
    std::map<std::string, int> groups;
    for (Group group : all_groups) {
        auto found = f.people_per_group.find(group);
        groups.emplace(std::string(name_of(group)),
                       found == f.people_per_group.end() ? 0 : found->second);
    }
    out.key("people");
    out.begin_object();
    out.field("core", f.core_people);
    out.field("critics", static_cast<std::int64_t>(f.critics.size()));
    out.key("departments");
    out.begin_object();
    for (const auto& [department, count] : departments) {
        out.field(department, count);
    }
    out.end_object();
    out.field("inside", f.inside_people);
    out.field("involved", static_cast<std::int64_t>(f.involved.size()));
    out.field("leaders", static_cast<std::int64_t>(f.leaders.size()));
    out.field("new_in_period", f.new_people_period);
    out.field("new_in_window", static_cast<std::int64_t>(f.newcomers_window.size()));
    out.field("outside", f.outside_people);
    out.key("per_generation");
    out.begin_array();
    for (int count : f.people_per_generation) {
        out.value(count);
    }
    out.end_array();
    out.key("per_group");
    out.begin_object();
    for (const auto& [group, count] : groups) {
        out.field(group, count);
    }
    out.end_object();
    out.field("pokers", static_cast<std::int64_t>(f.pokers.size()));
    out.end_object();

    out.key("period");
    write_period(out, f.period);
    if (!options.problems.empty()) { // made with --force from data check calls wrong
        out.field("problems", options.problems);
    }
    out.field("proven_matches", f.proven_matches);
    out.field("questions", f.questions_scope);
    out.key("scope");
    write_period(out, f.scope);

    out.key("signals");
    out.begin_array();
    for (const auto& sig : gauge.signals) {
        out.begin_object();
        out.field("advice",
                  spell_advice(language, signal_advice(language, sig, f, gauge), label_of));
        out.field("id", id_of(sig.id));
        out.field("message", signal_message(language, sig, f, gauge));
        out.end_object();
    }
    out.end_array();

    out.field("state", id_of(gauge.state));
    out.field("state_explanation", state_explanation(language, gauge, f));
    out.field("state_label", state_name(language, gauge.state));
    out.field("unproven_matches", f.unproven_matches);
    out.key("window");
    write_period(out, f.window, &f.window_days);
    out.end_object();
    std::string text = out.take();
    return text;
}

} // namespace spark
