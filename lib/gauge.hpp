#pragma once

// The fire gauge: from the figures of a period to a verdict an adviser would sign — the state
// of the fire, the criteria behind it and the signals that say what to do next. States,
// criteria and signals each have one table (here and in gauge_criteria.cpp /
// gauge_signals.cpp) holding the id, the words in both languages and the rule, so adding one
// is adding a row. The rules are documented in spark-report(1).

#include "config.hpp"
#include "figures.hpp"
#include "vocabulary.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spark {

enum class FireState { no_fire, spark, smouldering, straw_fire, running_fire };

struct StateTerm {
    FireState value;
    std::string_view id; // stable, for scripts: "running-fire"
    Wording name;        // "lopend vuurtje"
    Wording explanation; // one sentence under the headline
};

inline constexpr StateTerm state_terms[] = {
    {FireState::no_fire,
     "no-fire",
     {"geen vuur", "no fire"},
     {"Er is nog niets vastgelegd.", "Nothing has been recorded yet."}},
    {FireState::spark,
     "spark",
     {"vonk", "spark"},
     {"Alleen de kern is betrokken: tijd om anderen te laten aansluiten.",
      "Only the core group is involved: time to let others join."}},
    {FireState::smouldering,
     "smouldering",
     {"smeulend", "smouldering"},
     {"Het vuur leeft en groeit, maar voor een lopend vuurtje ontbreekt nog: {}.",
      "The fire is alive and growing, but a running fire still needs: {}."}},
    {FireState::straw_fire,
     "straw-fire",
     {"strovuur", "straw fire"},
     {"Het vuur verspreidde zich, maar is stilgevallen: geen nieuwe mensen, geen ontmoeting en "
      "geen actie in de laatste {}.",
      "The fire spread, but has gone quiet: no new people, no meeting and no action in the "
      "last {}."}},
    {FireState::running_fire,
     "running-fire",
     {"lopend vuurtje", "running fire"},
     {"Het vuur verspreidt zich, binnen én buiten de organisatie, met de leiding erbij, met "
      "wrijving en met bewezen effect.",
      "The fire is spreading, inside and outside the organisation, with leadership on board, "
      "with friction and with proven effect."}},
};
static_assert(detail::rows_follow_enum(state_terms));

constexpr const StateTerm& term(FireState state) {
    return state_terms[static_cast<std::size_t>(state)];
}
constexpr std::string_view id_of(FireState state) {
    return term(state).id;
}

// What a running fire needs; each is measured against a threshold from [gauge].
enum class CriterionId {
    new_people,
    generations,
    inside_outside,
    groups,
    leadership,
    oxygen,
    actions,
    meetings,
    friction,
    proven_matches,
};

struct Criterion {
    CriterionId id = CriterionId::new_people;
    long value = 0;
    long threshold = 0;
    long out_of = 0; // friction: of how many meetings; inside-outside: inside people
    bool pass = false;
    // For a passing criterion that counts days in the window, while the window ends today:
    // the days until it lapses if nothing new happens ("nog 9 dagen").
    std::optional<long> days_left;
};

struct CriterionTerm {
    CriterionId value;
    std::string_view id; // stable, for scripts: "new-people"
    // The table's label; {window} becomes "6 weken", {scope} "in deze periode" or
    // "sinds 19 oktober".
    Wording label;
    Wording missing; // the part a smouldering fire still lacks: "nieuwe mensen"
    Criterion (*measure)(const Figures&, const GaugeSettings&);
};

std::span<const CriterionTerm> criterion_terms();
const CriterionTerm& term(CriterionId id);
std::string_view id_of(CriterionId id);

// Why the verdict is what it is, and what to do next.
enum class SignalId {
    nothing_in_period,
    gone_quiet,
    no_new_people,
    lapsing,
    no_pokers,
    leadership_missing,
    no_outside,
    no_inside,
    talk_no_action,
    no_action,
    no_meetings,
    too_smooth,
    no_oxygen,
    no_proof,
    unproven_matches,
    shallow_spread,
    few_groups,
    late_leadership,
    late_society,
};

struct Signal {
    SignalId id;
};

struct Gauge {
    FireState state = FireState::no_fire;
    std::vector<Criterion> criteria; // in table order
    std::vector<Signal> signals;     // in table order, which is the order of importance
    const Criterion& criterion(CriterionId id) const;
    // The criteria that fail, for "ontbreekt nog: leiding, bewezen effect".
    std::vector<CriterionId> missing() const;
    bool has(SignalId id) const;
};

// The next step. `text` may hold "{people}" once: there go the labels of `people` as the
// reader may see them ("Kees Dijkman", or "inwoner 2" where the report hides names) — the
// gauge knows nothing of privacy.
struct Advice {
    Advice(std::string text, std::vector<const Person*> people = {})
        : text(std::move(text)), people(std::move(people)) {}
    std::string text;
    std::vector<const Person*> people;
};

// The label the reader sees for a person.
using NameOf = std::function<std::string(const Person&)>;

// The advice as plain text: "{people}" replaced by at most three labels and "2 anderen".
std::string spell_advice(Language language, const Advice& advice, const NameOf& name);
// The labels that replace "{people}".
std::vector<std::string> advice_names(Language language, const Advice& advice, const NameOf& name);

struct SignalTerm {
    SignalId value;
    std::string_view id; // stable, for scripts: "no-new-people"
    bool (*raised)(const Figures&, const Gauge&, const GaugeSettings&);
    // The finding with its reason: "al 14 weken geen nieuwe mensen — het vuur verspreidt
    // zich niet".
    std::string (*message)(Language, const Figures&, const Gauge&);
    // The next step, in the article's spirit, naming people where it helps.
    Advice (*advice)(Language, const Figures&, const Gauge&);
};

std::span<const SignalTerm> signal_terms();
const SignalTerm& term(SignalId id);
std::string_view id_of(SignalId id);

std::string signal_message(Language language, const Signal& signal, const Figures& figures,
                           const Gauge& gauge);
Advice signal_advice(Language language, const Signal& signal, const Figures& figures,
                     const Gauge& gauge);

// The verdict for one period. Pure: the same figures and settings give the same gauge.
//   no-fire       nothing recorded and nobody involved;
//   spark         nobody involved beyond the core group (role spark);
//   running-fire  every criterion passes;
//   smouldering   alive — a newcomer, a meeting or an action in the window — but not yet
//                 everything a running fire needs;
//   straw-fire    it spread beyond the core before, and the window is quiet.
Gauge assess(const Figures& figures, const GaugeSettings& settings);

// Words of the report and status that depend on the gauge.
std::string state_name(Language language, FireState state);
std::string state_explanation(Language language, const Gauge& gauge, const Figures& figures);
std::string criterion_label(Language language, const Criterion& criterion, const Figures& figures);
std::string criterion_value(Language language, const Criterion& criterion);
std::string criterion_threshold(Language language, const Criterion& criterion);

} // namespace spark
