// The signals: when each is raised, what it says and what to do next — one row each, in the
// order of importance. Advice follows the article "Ga vonken!": find the pokers first,
// invite leadership and society "vrij snel", act instead of talking, prove the effect, and
// "if it goes too smoothly, you are doing something wrong".

#include "gauge.hpp"
#include "i18n.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace spark {

namespace {

std::string tr(Language language, std::string_view nl, std::string_view en) {
    return std::string(language == Language::nl ? nl : en);
}

template <typename... Args>
std::string say(Language language, std::string_view nl, std::string_view en, Args&&... args) {
    return fmt::format(fmt::runtime(language == Language::nl ? nl : en),
                       std::forward<Args>(args)...);
}

bool in_state(const Gauge& g, std::initializer_list<FireState> states) {
    return std::find(states.begin(), states.end(), g.state) != states.end();
}

bool fails(const Gauge& g, CriterionId id) {
    return !g.criterion(id).pass;
}

long days_between(const Date& from, const Date& to) {
    return days_from_civil(to) - days_from_civil(from);
}

std::string window(Language language, const Figures& f) {
    return window_phrase(language, f.window_days);
}

// "in deze periode" or "sinds 19 oktober", as the criteria table says it.
std::string scope(Language language, const Figures& f) {
    if (f.scope.since == f.period.since) {
        return tr(language, "in deze periode", "in this period");
    }
    return say(language, "sinds {}", "since {}", day_and_month(language, f.scope.since, f.today));
}

// Where the advice names people; the reader's labels for them are filled in by whoever shows
// the advice, as its privacy rules allow.
constexpr std::string_view people_slot = "{people}";

// The latest sign of life: a newcomer, a meeting or an action.
std::optional<Date> last_sign_of_life(const Figures& f) {
    std::optional<Date> last = f.last_newcomer;
    auto consider = [&](const std::optional<Date>& d) {
        if (d && (!last || *last < *d)) {
            last = d;
        }
    };
    if (f.last_meeting) {
        consider(f.last_meeting->date);
    }
    consider(f.elements[static_cast<std::size_t>(Kind::action)].last);
    consider(f.elements[static_cast<std::size_t>(Kind::match)].last);
    return last;
}

const Criterion* soonest_lapse(const Gauge& g) {
    const Criterion* soonest = nullptr;
    for (const auto& c : g.criteria) {
        if (c.days_left && (soonest == nullptr || *c.days_left < *soonest->days_left)) {
            soonest = &c;
        }
    }
    return soonest;
}

constexpr long lapse_warning_days = 14;

// --- nothing-in-period ---------------------------------------------------------------------

bool nothing_in_period(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return g.state != FireState::no_fire && f.entries.empty() && f.meetings.empty() &&
           f.new_people_period == 0;
}
std::string nothing_in_period_message(Language l, const Figures& f, const Gauge&) {
    if (f.last_activity) {
        return say(l, "niets vastgelegd in deze periode — de laatste activiteit was op {}",
                   "nothing recorded in this period — the last activity was on {}",
                   long_date(l, *f.last_activity));
    }
    return tr(l, "niets vastgelegd in deze periode — er is nog geen activiteit",
              "nothing recorded in this period — there has been no activity yet");
}
Advice nothing_in_period_advice(Language l, const Figures&, const Gauge& g) {
    if (g.state == FireState::straw_fire) {
        return tr(l,
                  "Besluit samen of jullie het vuur nieuw leven inblazen of het bewust laten "
                  "uitgaan.",
                  "Decide together whether to bring the fire back to life or to let it go out "
                  "on purpose.");
    }
    return tr(l, "Leg vast wat er gebeurt: ook een kleine actie of een goed gesprek telt.",
              "Record what happens: a small action or a good conversation counts too.");
}

// --- gone-quiet ----------------------------------------------------------------------------

bool gone_quiet(const Figures&, const Gauge& g, const GaugeSettings&) {
    return g.state == FireState::straw_fire;
}
std::string gone_quiet_message(Language l, const Figures& f, const Gauge&) {
    if (auto last = last_sign_of_life(f)) {
        return say(l,
                   "al {} geen nieuwe deelnemers, ontmoeting of actie — het vuur is stilgevallen",
                   "no new participants, meeting or action for {} — the fire has gone quiet",
                   elapsed_phrase(l, days_between(*last, f.window.until)));
    }
    return say(l,
               "geen nieuwe deelnemers, ontmoeting of actie in de laatste {} — het vuur is "
               "stilgevallen",
               "no new participants, meeting or action in the last {} — the fire has gone quiet",
               window(l, f));
}
Advice gone_quiet_advice(Language l, const Figures& f, const Gauge&) {
    if (!f.pokers.empty()) {
        return {say(l,
                    "Vraag {} (pook) om samen een ontmoeting te beleggen: wat is er nodig om het "
                    "vuur weer op te stoken?",
                    "Ask {} (poker) to call a meeting together: what would it take to stoke the "
                    "fire again?",
                    people_slot),
                f.pokers};
    }
    return tr(l,
              "Beleg een ontmoeting met wie het vuur droeg: wat is er nodig om het weer op te "
              "stoken — of sluit het bewust af.",
              "Call a meeting with the people who carried the fire: what would it take to stoke "
              "it again — or close it on purpose.");
}

// --- no-new-people -------------------------------------------------------------------------

bool no_new_people(const Figures&, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::new_people) &&
           in_state(g, {FireState::spark, FireState::smouldering, FireState::running_fire});
}
std::string no_new_people_message(Language l, const Figures& f, const Gauge& g) {
    if (g.state == FireState::spark) {
        return tr(l, "nog niemand buiten de kern — het vuur verspreidt zich nog niet",
                  "no one beyond the core yet — the fire is not spreading yet");
    }
    if (!f.newcomers_window.empty()) {
        return say(l, "maar {} nieuw in de laatste {} — het vuur verspreidt zich nauwelijks",
                   "only {} new in the last {} — the fire is hardly spreading",
                   people_count(l, static_cast<long>(f.newcomers_window.size())), window(l, f));
    }
    if (f.last_newcomer) {
        return say(l, "al {} geen nieuwe deelnemers — het vuur verspreidt zich niet",
                   "no new participants for {} — the fire is not spreading",
                   elapsed_phrase(l, days_between(*f.last_newcomer, f.window.until)));
    }
    return say(l, "geen nieuwe deelnemers in de laatste {} — het vuur verspreidt zich niet",
               "no new participants in the last {} — the fire is not spreading", window(l, f));
}
Advice no_new_people_advice(Language l, const Figures& f, const Gauge& g) {
    if (g.state == FireState::spark) {
        return tr(l,
                  "Blijf niet te lang met elkaar praten: neem voor de volgende ontmoeting ieder "
                  "iemand mee die er nog niet bij was.",
                  "Do not keep talking among yourselves: each bring someone new to the next "
                  "meeting.");
    }
    if (!f.pokers.empty()) {
        return {say(l, "Vraag {} (pook) om iemand mee te nemen naar de volgende ontmoeting.",
                    "Ask {} (poker) to bring someone new to the next meeting.", people_slot),
                f.pokers};
    }
    return tr(l, "Vraag wie al meedoet om iemand mee te nemen naar de volgende ontmoeting.",
              "Ask the people already taking part to bring someone new to the next meeting.");
}

// --- lapsing -------------------------------------------------------------------------------

bool lapsing(const Figures& f, const Gauge& g, const GaugeSettings&) {
    const Criterion* soonest = soonest_lapse(g);
    return f.running && soonest != nullptr && *soonest->days_left <= lapse_warning_days &&
           in_state(g, {FireState::smouldering, FireState::running_fire});
}
std::string lapsing_message(Language l, const Figures& f, const Gauge& g) {
    const Criterion& c = *soonest_lapse(g);
    const std::string what =
        c.id == CriterionId::new_people ? tr(l, "nieuwe deelnemer", "new participant")
        : c.id == CriterionId::actions  ? tr(l, "actie of lucifer", "action or match")
                                        : tr(l, "ontmoeting", "meeting");
    return say(l, "nog {} — dan is de laatste {} langer dan {} geleden",
               "{} left — then the last {} is more than {} ago", window_phrase(l, *c.days_left),
               what, window(l, f));
}
Advice lapsing_advice(Language l, const Figures& f, const Gauge& g) {
    const Criterion& c = *soonest_lapse(g);
    const std::string by = long_date(l, add_days(f.today, *c.days_left - 1));
    if (c.id == CriterionId::new_people) {
        return say(l, "Zorg dat er vóór {} iemand nieuw meedoet.",
                   "Make sure someone new takes part by {}.", by);
    }
    if (c.id == CriterionId::actions) {
        return say(l, "Doe vóór {} iets dat laat zien dat het anders kan.",
                   "Do something by {} that shows it can be done differently.", by);
    }
    return say(l, "Plan een ontmoeting vóór {}.", "Plan a meeting by {}.", by);
}

// --- no-pokers -----------------------------------------------------------------------------

bool no_pokers(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return g.state != FireState::no_fire && f.pokers.empty() && f.poker_entries == 0;
}
std::string no_pokers_message(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "geen poken vastgelegd — niemand van wie bekend is dat die het vuur wil "
              "opstoken",
              "no pokers recorded — no one known to want to stoke the fire");
}
Advice no_pokers_advice(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "Zoek als eerste de poken op: wie wil het vuur graag opstoken, binnen en buiten "
              "de organisatie? Verbind je met hen.",
              "Find the pokers first: who would love to stoke the fire, inside and outside the "
              "organisation? Connect with them.");
}

// --- leadership-missing --------------------------------------------------------------------

bool leadership_missing(const Figures& f, const Gauge& g, const GaugeSettings& s) {
    if (!fails(g, CriterionId::leadership) || g.state == FireState::no_fire) {
        return false;
    }
    // A core group may take a few weeks before inviting leadership; after that, say so.
    return g.state != FireState::spark || days_between(f.start, f.window.until) > 7L * s.late_weeks;
}
std::string leadership_missing_message(Language l, const Figures& f, const Gauge&) {
    if (f.leaders.empty()) {
        return say(l,
                   "nog geen leiding betrokken, {} na de start — geen teamleider, directeur, "
                   "bestuurder of raadslid",
                   "no leadership involved yet, {} after the start — no team lead, director, "
                   "executive or council member",
                   elapsed_phrase(l, days_between(f.start, f.window.until)));
    }
    return say(l, "de leiding doet niet mee {} — zonder leiding krijgt het vuur geen ruimte",
               "leadership is not taking part {} — without leadership the fire gets no room",
               scope(l, f));
}
Advice leadership_missing_advice(Language l, const Figures& f, const Gauge&) {
    if (f.leaders.empty()) {
        return tr(l,
                  "Nodig vrij snel een teamleider, directeur, bestuurder of raadslid uit om aan "
                  "het vuur bij te dragen, bijvoorbeeld bij de volgende ontmoeting.",
                  "Invite a team lead, director, executive or council member soon to contribute "
                  "to the fire, for example at the next meeting.");
    }
    return {say(l, "Vraag {} om mee te doen aan de volgende ontmoeting of actie.",
                "Ask {} to take part in the next meeting or action.", people_slot),
            f.leaders};
}

// --- no-outside, no-inside -----------------------------------------------------------------

bool no_outside(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return f.outside_people == 0 &&
           in_state(g, {FireState::smouldering, FireState::straw_fire, FireState::running_fire});
}
std::string no_outside_message(Language l, const Figures&, const Gauge&) {
    return tr(l, "niemand van buiten de organisatie — het vuur blijft binnen",
              "no one from outside the organisation — the fire stays inside");
}
Advice no_outside_advice(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "Nodig mensen uit met wie en voor wie je werkt: inwoners, initiatiefnemers, "
              "vernieuwers en kritisch-constructieve geesten uit de samenleving.",
              "Invite the people you work with and for: residents, initiators, innovators and "
              "critical-constructive minds from society.");
}

bool no_inside(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return f.inside_people == 0 && f.outside_people > 0 && g.state != FireState::no_fire;
}
std::string no_inside_message(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "niemand van binnen de organisatie — overheidsparticipatie vraagt dat de "
              "organisatie zelf vlam vat",
              "no one from inside the organisation — government participation needs the "
              "organisation itself to catch fire");
}
Advice no_inside_advice(Language l, const Figures&, const Gauge&) {
    return tr(l, "Zoek collega's, teamleiders en bestuurders die willen aansluiten.",
              "Find colleagues, team leads and executives who want to join.");
}

// --- talk-no-action, no-action, no-meetings ------------------------------------------------

bool talk_no_action(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return g.state != FireState::no_fire && f.meetings_scope > 0 && f.actions_scope == 0;
}
std::string talk_no_action_message(Language l, const Figures& f, const Gauge&) {
    return say(l, "{} {} en geen actie {} — niet blijven praten, maar doen",
               "{} {} and no action {} — stop talking, start doing", f.meetings_scope,
               f.meetings_scope == 1 ? tr(l, "ontmoeting", "meeting")
                                     : tr(l, "ontmoetingen", "meetings"),
               scope(l, f));
}
Advice talk_no_action_advice(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "Kies één vraag of dilemma uit de laatste ontmoeting en doe er iets mee: een "
              "oppor-actie, hoe klein ook.",
              "Pick one question or dilemma from the last meeting and act on it, however "
              "small.");
}

bool no_action(const Figures& f, const Gauge& g, const GaugeSettings& s) {
    return fails(g, CriterionId::actions) && !talk_no_action(f, g, s) &&
           in_state(g, {FireState::spark, FireState::smouldering});
}
std::string no_action_message(Language l, const Figures& f, const Gauge&) {
    if (!f.actions_window.empty()) {
        return say(l, "maar {} {} in de laatste {} — laat zien dat het anders kan",
                   "only {} {} in the last {} — show that it can be done differently",
                   f.actions_window.size(),
                   f.actions_window.size() == 1
                       ? tr(l, "actie of lucifer", "action or match")
                       : tr(l, "acties en lucifers", "actions and matches"),
                   window(l, f));
    }
    return say(l, "geen actie of lucifer in de laatste {} — laat zien dat het anders kan",
               "no action or match in the last {} — show that it can be done differently",
               window(l, f));
}
Advice no_action_advice(Language l, const Figures&, const Gauge&) {
    return tr(l, "Doe iets concreets dat laat zien dat het anders kan, en leg het effect vast.",
              "Do something concrete that shows it can be done differently, and record the "
              "effect.");
}

bool no_meetings(const Figures&, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::meetings) &&
           in_state(g, {FireState::spark, FireState::smouldering});
}
std::string no_meetings_message(Language l, const Figures& f, const Gauge&) {
    if (!f.meetings_window.empty()) {
        return say(l, "maar {} {} in de laatste {} — organiseer er meer waar anderen aansluiten",
                   "only {} {} in the last {} — organise more where others can join",
                   f.meetings_window.size(),
                   f.meetings_window.size() == 1 ? tr(l, "ontmoeting", "meeting")
                                                 : tr(l, "ontmoetingen", "meetings"),
                   window(l, f));
    }
    return say(l, "geen ontmoeting in de laatste {} — daar sluiten anderen aan",
               "no meeting in the last {} — that is where others join", window(l, f));
}
Advice no_meetings_advice(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "Organiseer een ontmoeting die inspireert en vooral verder helpt met vragen en "
              "praktijkdilemma's, intern of met initiatiefnemers.",
              "Organise a meeting that inspires and above all helps with questions and "
              "dilemmas from practice, inside or with initiators.");
}

// --- too-smooth ----------------------------------------------------------------------------

bool too_smooth(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::friction) && f.meetings_scope > 0 && g.state != FireState::no_fire;
}
std::string too_smooth_message(Language l, const Figures&, const Gauge& g) {
    const Criterion& c = g.criterion(CriterionId::friction);
    return say(l,
               "te gladjes: {} van {} ontmoetingen met een vraag, dilemma of criticus — als het "
               "te gladjes gaat, doe je iets niet goed",
               "too smooth: {} of {} meetings with a question, dilemma or critic — if it goes "
               "too smoothly, you are doing something wrong",
               c.value, c.out_of);
}
Advice too_smooth_advice(Language l, const Figures& f, const Gauge&) {
    if (!f.critics.empty()) {
        return {say(l,
                    "Vraag {} (criticus) bij de volgende ontmoeting te zijn, en vraag iedereen "
                    "een lastig praktijkdilemma mee te nemen.",
                    "Ask {} (critic) to come to the next meeting, and ask everyone to bring a "
                    "hard dilemma from practice.",
                    people_slot),
                f.critics};
    }
    return tr(l,
              "Nodig een kritisch-constructieve inwoner of collega uit, en vraag iedereen een "
              "lastig praktijkdilemma mee te nemen.",
              "Invite a critical-constructive resident or colleague, and ask everyone to bring "
              "a hard dilemma from practice.");
}

// --- no-oxygen -----------------------------------------------------------------------------

bool no_oxygen(const Figures&, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::oxygen) && g.state != FireState::no_fire;
}
std::string no_oxygen_message(Language l, const Figures& f, const Gauge&) {
    return say(l, "geen zuurstof {} — geen ruimte gewonnen en geen leiding in actie",
               "no oxygen {} — no room won and no leadership acting", scope(l, f));
}
Advice no_oxygen_advice(Language l, const Figures& f, const Gauge&) {
    if (!f.leaders.empty()) {
        return {say(l,
                    "Vraag {} om ruimte: tijd, mandaat of toestemming om het anders te doen — en "
                    "leg vast wat jullie krijgen.",
                    "Ask {} for room: time, a mandate or permission to work differently — and "
                    "record what you get.",
                    people_slot),
                f.leaders};
    }
    return tr(l,
              "Verover ruimte: tijd, mandaat of toestemming om het anders te doen, en leg vast "
              "wat jullie krijgen.",
              "Win room: time, a mandate or permission to work differently, and record what you "
              "get.");
}

// --- no-proof, unproven-matches ------------------------------------------------------------

bool no_proof(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::proven_matches) && f.unproven_matches == 0 &&
           in_state(g, {FireState::smouldering, FireState::straw_fire});
}
std::string no_proof_message(Language l, const Figures& f, const Gauge&) {
    return say(l,
               "geen lucifer met bewezen effect {} — het gaat erom te laten zien dat het "
               "anders kan",
               "no match with proven effect {} — it is about showing it can be done differently",
               scope(l, f));
}
Advice no_proof_advice(Language l, const Figures&, const Gauge&) {
    return tr(l, "Doe een kleine proef die laat zien dat het anders kan, en meet wat die oplevert.",
              "Run a small experiment that shows it can be done differently, and measure what it "
              "achieves.");
}

bool unproven_matches(const Figures& f, const Gauge& g, const GaugeSettings&) {
    return f.unproven_matches > 0 && g.state != FireState::no_fire;
}
std::string unproven_matches_message(Language l, const Figures& f, const Gauge&) {
    if (f.unproven_matches == 1) {
        return tr(l, "1 lucifer zonder bewezen effect — leg vast wat hij opleverde",
                  "1 match without proven effect — record what it achieved");
    }
    return say(l, "{} lucifers zonder bewezen effect — leg vast wat ze opleverden",
               "{} matches without proven effect — record what they achieved", f.unproven_matches);
}
Advice unproven_matches_advice(Language l, const Figures&, const Gauge&) {
    return tr(l,
              "Leg bij elke lucifer het effect vast: een getal, een termijn, een reactie van een "
              "inwoner. \"Nog niet bekend\" bewijst niets.",
              "Record each match's effect: a number, a time saved, a resident's reaction. \"Not "
              "known yet\" proves nothing.");
}

// --- shallow-spread, few-groups ------------------------------------------------------------

bool shallow_spread(const Figures&, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::generations) &&
           in_state(g, {FireState::smouldering, FireState::running_fire});
}
std::string shallow_spread_message(Language l, const Figures& f, const Gauge&) {
    return say(l, "de verspreiding stopt bij generatie {} — nieuwe mensen nemen nog niemand mee",
               "the spread stops at generation {} — newcomers do not bring in others yet",
               f.generations);
}
Advice shallow_spread_advice(Language l, const Figures& f, const Gauge&) {
    if (!f.newcomers_window.empty()) {
        std::vector<const Person*> recent;
        for (const PersonFacts* facts : f.newcomers_window) {
            recent.push_back(facts->person);
        }
        return {say(l, "Vraag {} om op hun beurt iemand mee te nemen.",
                    "Ask {} to bring someone in turn.", people_slot),
                recent};
    }
    return tr(l, "Vraag wie het laatst aansloot om op zijn beurt iemand mee te nemen.",
              "Ask the latest newcomers to bring someone in turn.");
}

bool few_groups(const Figures&, const Gauge& g, const GaugeSettings&) {
    return fails(g, CriterionId::groups) &&
           in_state(g, {FireState::smouldering, FireState::running_fire});
}
std::string few_groups_message(Language l, const Figures& f, const Gauge&) {
    return say(l, "maar {} {} bereikt — het vuur blijft in een kleine kring",
               "only {} {} reached — the fire stays in a small circle", f.groups_reached,
               f.groups_reached == 1 ? tr(l, "groep", "group") : tr(l, "groepen", "groups"));
}
Advice few_groups_advice(Language l, const Figures& f, const Gauge&) {
    std::vector<std::string> missing;
    for (const auto& row : group_terms) {
        if (!row.outside && f.people_per_group.count(row.value) == 0) {
            missing.emplace_back(row.many.in(l));
        }
    }
    if (f.outside_people == 0) {
        missing.push_back(tr(l, "mensen van buiten", "people from outside"));
    }
    return say(l, "Nodig iemand uit een groep die nog ontbreekt: {}.",
               "Invite someone from a group still missing: {}.", and_list(l, missing));
}

// --- late-leadership, late-society ---------------------------------------------------------

bool joined_late(const std::optional<Date>& joined, const Figures& f, const GaugeSettings& s) {
    // In whole weeks, as the message says them: 8 weeks and 5 days is not later than 8.
    return joined && days_between(f.start, *joined) / 7 > s.late_weeks &&
           f.period.contains(*joined);
}
bool late_leadership(const Figures& f, const Gauge& g, const GaugeSettings& s) {
    return g.state != FireState::no_fire && joined_late(f.first_leader_joined, f, s);
}
std::string late_leadership_message(Language l, const Figures& f, const Gauge&) {
    return say(l, "de leiding sloot pas {} na de start aan — het artikel zegt: vrij snel",
               "leadership joined only {} after the start — the article says: soon",
               elapsed_phrase(l, days_between(f.start, *f.first_leader_joined)));
}
Advice late_leadership_advice(Language l, const Figures&, const Gauge&) {
    return tr(l, "Betrek de leiding bij een volgende stap vanaf het begin.",
              "Involve leadership in the next step from the start.");
}

bool late_society(const Figures& f, const Gauge& g, const GaugeSettings& s) {
    return g.state != FireState::no_fire && joined_late(f.first_outside_joined, f, s);
}
std::string late_society_message(Language l, const Figures& f, const Gauge&) {
    return say(l, "de eerste van buiten sloot pas {} na de start aan — het artikel zegt: vrij snel",
               "the first person from outside joined only {} after the start — the article says: "
               "soon",
               elapsed_phrase(l, days_between(f.start, *f.first_outside_joined)));
}
Advice late_society_advice(Language l, const Figures&, const Gauge&) {
    return tr(l, "Nodig inwoners en initiatiefnemers bij een volgende stap vanaf het begin uit.",
              "Invite residents and initiators to the next step from the start.");
}

#define SPARK_SIGNAL(name, id)                                                                     \
    SignalTerm {                                                                                   \
        SignalId::name, id, name, name##_message, name##_advice                                    \
    }

constexpr SignalTerm signals[] = {
    SPARK_SIGNAL(nothing_in_period, "nothing-in-period"),
    SPARK_SIGNAL(gone_quiet, "gone-quiet"),
    SPARK_SIGNAL(no_new_people, "no-new-people"),
    SPARK_SIGNAL(lapsing, "lapsing"),
    SPARK_SIGNAL(no_pokers, "no-pokers"),
    SPARK_SIGNAL(leadership_missing, "leadership-missing"),
    SPARK_SIGNAL(no_outside, "no-outside"),
    SPARK_SIGNAL(no_inside, "no-inside"),
    SPARK_SIGNAL(talk_no_action, "talk-no-action"),
    SPARK_SIGNAL(no_action, "no-action"),
    SPARK_SIGNAL(no_meetings, "no-meetings"),
    SPARK_SIGNAL(too_smooth, "too-smooth"),
    SPARK_SIGNAL(no_oxygen, "no-oxygen"),
    SPARK_SIGNAL(no_proof, "no-proof"),
    SPARK_SIGNAL(unproven_matches, "unproven-matches"),
    SPARK_SIGNAL(shallow_spread, "shallow-spread"),
    SPARK_SIGNAL(few_groups, "few-groups"),
    SPARK_SIGNAL(late_leadership, "late-leadership"),
    SPARK_SIGNAL(late_society, "late-society"),
};
#undef SPARK_SIGNAL
static_assert(detail::rows_follow_enum(signals));

} // namespace

std::span<const SignalTerm> signal_terms() {
    return signals;
}

const SignalTerm& term(SignalId id) {
    return signals[static_cast<std::size_t>(id)];
}

std::string_view id_of(SignalId id) {
    return term(id).id;
}

std::string signal_message(Language language, const Signal& signal, const Figures& figures,
                           const Gauge& gauge) {
    return term(signal.id).message(language, figures, gauge);
}

Advice signal_advice(Language language, const Signal& signal, const Figures& figures,
                     const Gauge& gauge) {
    return term(signal.id).advice(language, figures, gauge);
}

std::vector<std::string> advice_names(Language language, const Advice& advice, const NameOf& name) {
    constexpr std::size_t shown = 3;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < advice.people.size() && i < shown; ++i) {
        labels.push_back(name(*advice.people[i]));
    }
    if (const std::size_t more = advice.people.size() > shown ? advice.people.size() - shown : 0) {
        labels.push_back(
            say(language, "{} {}", "{} {}", more,
                more == 1 ? tr(language, "andere", "other") : tr(language, "anderen", "others")));
    }
    return labels;
}

std::string spell_advice(Language language, const Advice& advice, const NameOf& name) {
    std::string text = advice.text;
    if (auto at = text.find(people_slot); at != std::string::npos) {
        text.replace(at, people_slot.size(),
                     and_list(language, advice_names(language, advice, name)));
    }
    return text;
}

} // namespace spark
