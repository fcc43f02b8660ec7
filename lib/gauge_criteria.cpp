// The criteria of a running fire: one row each, with the rule that measures it.

#include "gauge.hpp"
#include "i18n.hpp"
#include "window.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace spark {

namespace {

Criterion at_least(CriterionId id, long value, long threshold) {
    return Criterion{id, value, threshold, 0, value >= threshold, std::nullopt};
}

// A count of dated events in the window (newest first) against its threshold; while the
// window ends today, also how long the criterion holds if nothing new happens.
Criterion window_count(CriterionId id, const std::vector<Date>& newest_first, long threshold,
                       const Figures& f, const GaugeSettings& s) {
    Criterion c = at_least(id, static_cast<long>(newest_first.size()), threshold);
    if (c.pass && f.running && threshold > 0) {
        c.days_left =
            days_left_in_window(newest_first[threshold - 1], f.today, s.window_days, s.recess);
    }
    return c;
}

Criterion new_people(const Figures& f, const GaugeSettings& s) {
    std::vector<Date> dates;
    for (const PersonFacts* facts : f.newcomers_window) {
        dates.push_back(facts->first); // joining comes first, so it leaves the window first
    }
    return window_count(CriterionId::new_people, dates, s.min_new_people, f, s);
}

Criterion generations(const Figures& f, const GaugeSettings& s) {
    return at_least(CriterionId::generations, f.generations, s.min_generations);
}

Criterion inside_outside(const Figures& f, const GaugeSettings&) {
    Criterion c = at_least(CriterionId::inside_outside, f.outside_people, 1);
    c.out_of = f.inside_people;
    c.pass = f.inside_people > 0 && f.outside_people > 0;
    return c;
}

Criterion groups(const Figures& f, const GaugeSettings& s) {
    return at_least(CriterionId::groups, f.groups_reached, s.min_groups);
}

Criterion leadership(const Figures& f, const GaugeSettings& s) {
    return at_least(CriterionId::leadership, static_cast<long>(f.leaders_taking_part.size()),
                    s.min_leaders);
}

Criterion oxygen(const Figures& f, const GaugeSettings& s) {
    return at_least(CriterionId::oxygen, f.room_scope, s.min_oxygen);
}

Criterion actions(const Figures& f, const GaugeSettings& s) {
    return window_count(CriterionId::actions, f.actions_window, s.min_actions, f, s);
}

Criterion meetings(const Figures& f, const GaugeSettings& s) {
    return window_count(CriterionId::meetings, f.meetings_window, s.min_meetings, f, s);
}

// "If it goes too smoothly, you are doing something wrong": friction in proportion to the
// meetings held, not one critic for every period.
Criterion friction(const Figures& f, const GaugeSettings& s) {
    const long share = (static_cast<long>(f.meetings_scope) * s.min_friction_percent + 99) / 100;
    Criterion c = at_least(CriterionId::friction, f.friction_meetings_scope,
                           std::max<long>(s.min_friction_meetings, share));
    c.out_of = f.meetings_scope;
    return c;
}

Criterion proven_matches(const Figures& f, const GaugeSettings& s) {
    return at_least(CriterionId::proven_matches, f.proven_matches, s.min_proven_matches);
}

constexpr CriterionTerm criteria[] = {
    {CriterionId::new_people,
     "new-people",
     {"Nieuwe deelnemers in de laatste {window}", "New participants in the last {window}"},
     {"nieuwe deelnemers", "new participants"},
     new_people},
    {CriterionId::generations,
     "generations",
     {"Generaties van verspreiding", "Generations of spread"},
     {"verspreiding over meer generaties", "spread over more generations"},
     generations},
    {CriterionId::inside_outside,
     "inside-outside",
     {"Binnen én buiten de organisatie", "Inside and outside the organisation"},
     {"mensen van binnen én buiten", "people from inside and outside"},
     inside_outside},
    {CriterionId::groups,
     "groups",
     {"Groepen bereikt", "Groups reached"},
     {"meer groepen", "more groups"},
     groups},
    {CriterionId::leadership,
     "leadership",
     {"Leiding doet mee {scope}", "Leadership taking part {scope}"},
     {"de leiding", "leadership"},
     leadership},
    {CriterionId::oxygen,
     "oxygen",
     {"Zuurstof {scope}: ruimte gewonnen of leiding in actie",
      "Oxygen {scope}: room won or leadership acting"},
     {"zuurstof", "oxygen"},
     oxygen},
    {CriterionId::actions,
     "actions",
     {"Acties en lucifers in de laatste {window}", "Actions and matches in the last {window}"},
     {"actie", "action"},
     actions},
    {CriterionId::meetings,
     "meetings",
     {"Ontmoetingen in de laatste {window}", "Meetings in the last {window}"},
     {"ontmoetingen", "meetings"},
     meetings},
    {CriterionId::friction,
     "friction",
     {"Ontmoetingen met een vraag, dilemma of criticus {scope}",
      "Meetings with a question, dilemma or critic {scope}"},
     {"wrijving", "friction"},
     friction},
    {CriterionId::proven_matches,
     "proven-matches",
     {"Lucifers met bewezen effect {scope}", "Matches with proven effect {scope}"},
     {"bewezen effect", "proven effect"},
     proven_matches},
};
static_assert(detail::rows_follow_enum(criteria));

} // namespace

std::span<const CriterionTerm> criterion_terms() {
    return criteria;
}

const CriterionTerm& term(CriterionId id) {
    return criteria[static_cast<std::size_t>(id)];
}

std::string_view id_of(CriterionId id) {
    return term(id).id;
}

std::string criterion_label(Language language, const Criterion& criterion, const Figures& figures) {
    const bool nl = language == Language::nl;
    const std::string scope =
        figures.scope.since == figures.period.since
            ? std::string(nl ? "in deze periode" : "in this period")
            : fmt::format("{} {}", nl ? "sinds" : "since",
                          day_and_month(language, figures.scope.since, figures.scope.until));
    std::string window = window_phrase(language, figures.window_days);
    if (figures.window.days() > figures.window_days) {
        window += nl ? " (reces niet meegeteld)" : " (recess not counted)";
    }
    return fmt::format(fmt::runtime(term(criterion.id).label.in(language)),
                       fmt::arg("window", window), fmt::arg("scope", scope));
}

std::string criterion_value(Language language, const Criterion& c) {
    const bool nl = language == Language::nl;
    auto percent = [](long part, long whole) {
        return whole == 0 ? 0 : (100 * part + whole / 2) / whole;
    };
    switch (c.id) {
    case CriterionId::inside_outside:
        return fmt::format("{} {}, {} {} ({}%)", c.out_of, nl ? "binnen" : "inside", c.value,
                           nl ? "buiten" : "outside", percent(c.value, c.value + c.out_of));
    case CriterionId::friction:
        return fmt::format("{} {} {} ({}%)", c.value, nl ? "van" : "of", c.out_of,
                           percent(c.value, c.out_of));
    default:
        return std::to_string(c.value);
    }
}

std::string criterion_threshold(Language language, const Criterion& c) {
    if (c.id == CriterionId::inside_outside) {
        return language == Language::nl ? "beide" : "both";
    }
    return fmt::format("≥ {}", c.threshold);
}

} // namespace spark
