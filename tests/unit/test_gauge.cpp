#include "analysis.hpp"
#include "fixtures.hpp"
#include "gauge.hpp"
#include "i18n.hpp"
#include "window.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <set>

using namespace fixtures;
using spark::CriterionId;
using spark::FireState;
using spark::GaugeSettings;
using spark::Language;
using spark::SignalId;

namespace {

// A fire that spreads: a core of two, three generations, inside and outside, leadership
// acting, a poker, friction and proof, all recent.
spark::Records spreading() {
    spark::Records r;
    r.people = {
        person("anna", Group::staff, day(6, 1), "", {Role::spark}),
        person("bram", Group::staff, day(6, 1), "", {Role::spark}),
        person("carla", Group::teamlead, day(7, 1), "anna"),
        person("eva", Group::resident, day(7, 15), "anna"),
        person("femke", Group::partner, day(9, 1), "eva", {Role::poker}),
        person("gijs", Group::staff, day(9, 15), "carla", {Role::critic}),
        person("hanna", Group::initiator, day(11, 10), "femke"),
    };
    r.entries = {
        entry("e1", day(6, 1), Kind::spark, {"anna", "bram"}),
        entry("e2", day(11, 5), Kind::action, {"carla"}),
        entry("e3", day(11, 15), Kind::match, {"hanna"}, "46 bezoekers"),
    };
    r.meetings = {meeting("m1", day(11, 25), {"anna", "hanna"}, {"Klein blijven?"})};
    return r;
}

spark::Person& who(spark::Records& r, const std::string& id) {
    for (auto& p : r.people) {
        if (p.id == id) {
            return p;
        }
    }
    FAIL("no person " << id);
    throw;
}

spark::Gauge gauge_of(const spark::Records& r, spark::Period period, const GaugeSettings& s = {}) {
    return spark::assess(figures_of(r, period, s), s);
}

const spark::Criterion& criterion(const spark::Gauge& g, CriterionId id) {
    return g.criterion(id);
}

} // namespace

// ---- figures ----

TEST_CASE("figures: generations from invited_by", "[gauge][figures]") {
    const auto records = spreading();
    const auto f = figures_of(records, june_to_november);
    const auto& generation = f.lineage->generation_of;
    CHECK(generation.at("anna") == 0);
    CHECK(generation.at("carla") == 1);
    CHECK(generation.at("femke") == 2);
    CHECK(generation.at("gijs") == 2);
    CHECK(generation.at("hanna") == 3);
    CHECK(f.generations == 3);
    CHECK(f.people_per_generation == std::vector<int>{2, 2, 2, 1});
    CHECK(f.core_people == 2);
}

TEST_CASE("figures: an invited_by cycle ends and stays finite", "[gauge][figures]") {
    spark::Records r;
    r.people = {
        person("a", Group::staff, day(6, 1), "", {Role::spark}),
        person("x", Group::staff, day(7, 1), "y"),
        person("y", Group::staff, day(7, 2), "z"),
        person("z", Group::staff, day(7, 3), "x"),
        person("self", Group::staff, day(7, 4), "self"),
        person("lost", Group::staff, day(7, 5), "nobody"),
        person("late", Group::staff, day(7, 6), "x"),
    };
    const auto f = figures_of(r, june_to_november);
    const auto& generation = f.lineage->generation_of;
    for (const char* id : {"x", "y", "z", "self", "lost", "late"}) {
        INFO(id);
        CHECK(generation.at(id) >= 1);
        CHECK(generation.at(id) <= 5);
    }
    CHECK(generation.at("lost") == 1); // an unknown inviter: reached somehow
    CHECK(generation.at("late") == generation.at("x") + 1);
    CHECK(f.involved.size() == 7);
}

TEST_CASE("figures: window, scope and the counts in each", "[gauge][figures]") {
    const auto records = spreading();
    const auto f = figures_of(records, june_to_november);
    CHECK(f.window.since == day(10, 20));
    CHECK(f.window.until == day(11, 30));
    CHECK(f.scope.since == day(6, 1)); // the period: longer than the window
    CHECK(f.running);                  // seen on its last day
    REQUIRE(f.newcomers_window.size() == 1);
    CHECK(f.newcomers_window[0]->person->id == "hanna");
    CHECK(f.new_people_period == 7);
    CHECK(f.actions_window == std::vector<Date>{day(11, 15), day(11, 5)});
    CHECK(f.meetings_window == std::vector<Date>{day(11, 25)});
    CHECK(f.proven_matches == 1);
    CHECK(f.friction_meetings_scope == 1);
    CHECK(f.dilemmas_scope == 1);
    REQUIRE(f.leaders_taking_part.size() == 1);
    CHECK(f.leaders_taking_part[0]->id == "carla");
    CHECK(f.room_scope == 1); // carla's action
    REQUIRE(f.last_activity);
    CHECK(*f.last_activity == day(11, 25));
    CHECK(*f.last_newcomer == day(11, 10));

    // A short period: the scope reaches back to the window's start.
    const auto short_period = figures_of(records, {day(11, 20), day(11, 30)});
    CHECK(short_period.scope.since == day(10, 20));
    CHECK(short_period.actions_scope == 2);
    CHECK(short_period.entries.empty());
    CHECK(short_period.leaders_taking_part.size() == 1);

    // Seen from a day that has not ended the period: the window ends that day.
    const auto running = spark::compute_figures(
        records, {}, spark::parse_period("2026-T3", day(11, 30)), day(11, 30));
    CHECK(running.window.until == day(11, 30));
    CHECK(running.running);
    const auto finished = spark::compute_figures(
        records, {}, spark::parse_period("2026-Q3", day(11, 30)), day(11, 30));
    CHECK(finished.window.until == day(9, 30));
    CHECK_FALSE(finished.running);
}

TEST_CASE("figures: registering a person is not joining", "[gauge][figures]") {
    spark::Records r = spreading();
    // Registered in the window with a since, but never took part in anything.
    r.people.push_back(person("ilse", Group::staff, day(11, 20), "carla"));
    // Around since the summer; first took part now: not new.
    r.people.push_back(person("joop", Group::staff, day(7, 1), "carla"));
    r.entries.push_back(entry("e4", day(11, 21), Kind::fuel, {"joop"}));
    // Registered without a since and took part now: new.
    r.people.push_back(person("kim", Group::resident, Date{}, "eva"));
    r.entries.push_back(entry("e5", day(11, 22), Kind::fuel, {"kim"}));
    const auto f = figures_of(r, june_to_november);
    std::set<std::string> newcomers;
    for (const auto* facts : f.newcomers_window) {
        newcomers.insert(facts->person->id);
    }
    CHECK(newcomers == std::set<std::string>{"hanna", "kim"});
    CHECK(f.newcomers_window.front()->person->id == "kim"); // newest first
}

TEST_CASE("figures: elements count this period, the one before and the last time",
          "[gauge][figures]") {
    spark::Records r;
    r.entries = {entry("o1", day(8, 10), Kind::oxygen), entry("o2", day(9, 10), Kind::oxygen),
                 entry("o3", day(9, 20), Kind::oxygen), entry("f1", day(8, 1), Kind::fuel),
                 entry("p1", day(12, 20), Kind::poker)}; // a plan after the period
    const auto f = figures_of(r, {day(9, 1), day(9, 30)});
    CHECK(f.previous.since == day(8, 2));
    CHECK(f.previous.until == day(8, 31));
    const auto& oxygen = f.elements[static_cast<std::size_t>(Kind::oxygen)];
    CHECK(oxygen.period == 2);
    CHECK(oxygen.previous == 1);
    CHECK(*oxygen.last == day(9, 20));
    const auto& fuel = f.elements[static_cast<std::size_t>(Kind::fuel)];
    CHECK(fuel.previous == 0); // 1 August is before the previous period
    CHECK(*fuel.last == day(8, 1));
    CHECK_FALSE(f.elements[static_cast<std::size_t>(Kind::poker)].last);
}

TEST_CASE("is_proven_effect: placeholders prove nothing", "[gauge][figures]") {
    for (const char* placeholder :
         {"", "  ", "nog niet bekend", "Nog niet bekend.", "onbekend", "n.v.t.", "NVT", "?", "??",
          "-", "tbd", "TBD", "n/a", "PM", "volgt", "nog te bepalen", "unknown", "not yet known"}) {
        INFO(placeholder);
        CHECK_FALSE(spark::is_proven_effect(placeholder));
    }
    for (const char* effect : {"46 bezoekers", "9 dagen in plaats van 14 weken", "3x sneller",
                               "bewoners beheren de tuin zelf", "geen klachten meer"}) {
        INFO(effect);
        CHECK(spark::is_proven_effect(effect));
    }
}

// ---- the window ----

TEST_CASE("window_ending skips recess days, also over New Year", "[gauge][window]") {
    const std::vector<spark::Recess> summer{{7, 13, 8, 31}};
    CHECK(spark::window_ending(day(9, 5), 42, {}).since == day(7, 26));
    // 5 September back: 1–5 September count, 13 July – 31 August do not, 37 days before.
    CHECK(spark::window_ending(day(9, 5), 42, summer).since == day(6, 6));
    const std::vector<spark::Recess> christmas{{12, 20, 1, 5}};
    CHECK(christmas[0].contains(day(12, 31)));
    CHECK(christmas[0].contains(Date{2027, 1, 3}));
    CHECK_FALSE(christmas[0].contains(Date{2027, 1, 6}));
    CHECK(spark::window_ending(Date{2027, 1, 10}, 7, christmas).since == day(12, 18));
    // A recess all year round leaves nothing to count: ignored.
    CHECK(spark::window_ending(day(9, 5), 7, {{1, 1, 12, 31}}).since == day(8, 30));
}

TEST_CASE("days_left_in_window: how long something still counts", "[gauge][window]") {
    CHECK(spark::days_left_in_window(day(11, 30), day(11, 30), 42, {}) == 42);
    CHECK(spark::days_left_in_window(day(10, 20), day(11, 30), 42, {}) == 1);
    CHECK_FALSE(spark::days_left_in_window(day(10, 19), day(11, 30), 42, {}));
    // Across the summer recess the same event counts longer.
    CHECK(spark::days_left_in_window(day(7, 10), day(7, 10), 42, {}) == 42);
    CHECK(spark::days_left_in_window(day(7, 10), day(7, 10), 42, {{7, 13, 8, 31}}) == 42 + 50);
}

// ---- criteria, one by one ----

TEST_CASE("criterion new-people: newcomers who took part in the window", "[gauge][criteria]") {
    auto r = spreading();
    auto g = gauge_of(r, june_to_november);
    CHECK(criterion(g, CriterionId::new_people).value == 1);
    CHECK(criterion(g, CriterionId::new_people).pass);
    // hanna joined on 10 November: she counts until 21 December, 22 days from 30 November.
    CHECK(criterion(g, CriterionId::new_people).days_left == 22);
    GaugeSettings two;
    two.min_new_people = 2;
    CHECK_FALSE(criterion(gauge_of(r, june_to_november, two), CriterionId::new_people).pass);
    // A period that has ended gives no countdown.
    const auto ended = spark::compute_figures(r, {}, {day(6, 1), day(11, 29)}, day(12, 1));
    CHECK_FALSE(criterion(spark::assess(ended, {}), CriterionId::new_people).days_left);
}

TEST_CASE("criterion generations and groups", "[gauge][criteria]") {
    auto r = spreading();
    auto g = gauge_of(r, june_to_november);
    CHECK(criterion(g, CriterionId::generations).value == 3);
    CHECK(criterion(g, CriterionId::generations).threshold == 2);
    CHECK(criterion(g, CriterionId::groups).value == 3); // staff, teamlead, outside
    GaugeSettings more;
    more.min_groups = 4;
    more.min_generations = 4;
    g = gauge_of(r, june_to_november, more);
    CHECK_FALSE(criterion(g, CriterionId::groups).pass);
    CHECK_FALSE(criterion(g, CriterionId::generations).pass);
}

TEST_CASE("criterion inside-outside: both are needed", "[gauge][criteria]") {
    auto r = spreading();
    const auto g = gauge_of(r, june_to_november);
    const auto& c = criterion(g, CriterionId::inside_outside);
    CHECK(c.value == 3);  // outside
    CHECK(c.out_of == 4); // inside
    CHECK(c.pass);
    CHECK(spark::criterion_value(Language::nl, c) == "4 binnen, 3 buiten (43%)");
    CHECK(spark::criterion_threshold(Language::en, c) == "both");
    for (auto& p : r.people) {
        if (p.group && spark::is_outside(*p.group)) {
            p.group = Group::staff;
        }
    }
    CHECK_FALSE(criterion(gauge_of(r, june_to_november), CriterionId::inside_outside).pass);
}

TEST_CASE("criterion leadership: a leader taking part in the period", "[gauge][criteria]") {
    auto r = spreading();
    CHECK(criterion(gauge_of(r, june_to_november), CriterionId::leadership).pass);
    // Involved, but not taking part in the period: carla's only record is in November.
    CHECK_FALSE(criterion(gauge_of(r, {day(7, 1), day(9, 30)}), CriterionId::leadership).pass);
    who(r, "carla").group = Group::staff;
    CHECK_FALSE(criterion(gauge_of(r, june_to_november), CriterionId::leadership).pass);
}

TEST_CASE("criterion oxygen: a zuurstof entry or leadership acting", "[gauge][criteria]") {
    auto r = spreading();
    CHECK(criterion(gauge_of(r, june_to_november), CriterionId::oxygen).value == 1);
    r.entries[1].people = {"gijs"}; // the action without carla
    r.meetings[0].attendees.push_back("carla");
    auto g = gauge_of(r, june_to_november);
    CHECK(criterion(g, CriterionId::leadership).pass);   // attending a meeting is taking part
    CHECK_FALSE(criterion(g, CriterionId::oxygen).pass); // … but not acting
    r.entries.push_back(entry("z1", day(9, 1), Kind::oxygen, {"anna"}, ""));
    CHECK(criterion(gauge_of(r, june_to_november), CriterionId::oxygen).pass);
}

TEST_CASE("criteria actions and meetings: in the window", "[gauge][criteria]") {
    auto r = spreading();
    auto g = gauge_of(r, june_to_november);
    CHECK(criterion(g, CriterionId::actions).value == 2);
    CHECK(criterion(g, CriterionId::meetings).value == 1);
    // Seen in mid-January: all of it more than six weeks ago.
    g = gauge_of(r, {day(6, 1), Date{2027, 1, 15}});
    CHECK_FALSE(criterion(g, CriterionId::actions).pass);
    CHECK_FALSE(criterion(g, CriterionId::meetings).pass);
}

TEST_CASE("criterion friction: in proportion to the meetings", "[gauge][criteria]") {
    auto r = spreading();
    r.meetings = {meeting("m1", day(9, 1), {"anna"}), meeting("m2", day(9, 8), {"anna"}),
                  meeting("m3", day(9, 15), {"anna"}),
                  meeting("m4", day(9, 22), {"anna"}, {"Regels of ruimte?"})};
    auto c = criterion(gauge_of(r, june_to_november), CriterionId::friction);
    CHECK(c.value == 1);
    CHECK(c.out_of == 4);
    CHECK(c.threshold == 2); // half of four
    CHECK_FALSE(c.pass);
    CHECK(spark::criterion_value(Language::nl, c) == "1 van 4 (25%)");
    // A question counts too.
    r.meetings[0].questions = {"Mag dit?"};
    CHECK(criterion(gauge_of(r, june_to_november), CriterionId::friction).pass);
    // A critic counts only where they were.
    r.meetings[0].questions.clear();
    CHECK_FALSE(criterion(gauge_of(r, june_to_november), CriterionId::friction).pass);
    r.meetings[1].attendees.push_back("gijs");
    CHECK(criterion(gauge_of(r, june_to_november), CriterionId::friction).pass);
    // No meetings: no friction either.
    r.meetings.clear();
    CHECK_FALSE(criterion(gauge_of(r, june_to_november), CriterionId::friction).pass);
}

TEST_CASE("criterion proven-matches: placeholders do not count", "[gauge][criteria]") {
    auto r = spreading();
    r.entries[2].effect = "nog niet bekend";
    auto f = figures_of(r, june_to_november);
    CHECK(f.proven_matches == 0);
    CHECK(f.unproven_matches == 1);
    CHECK_FALSE(criterion(spark::assess(f, {}), CriterionId::proven_matches).pass);
}

// ---- the states ----

TEST_CASE("state: no-fire, spark, smouldering, straw-fire, running-fire", "[gauge][state]") {
    spark::Records empty;
    CHECK(gauge_of(empty, june_to_november).state == FireState::no_fire);

    spark::Records core;
    core.people = {person("a", Group::staff, day(6, 1), "", {Role::spark}),
                   person("b", Group::staff, day(6, 1), "", {Role::spark})};
    core.entries = {entry("e1", day(11, 1), Kind::action, {"a"})};
    CHECK(gauge_of(core, june_to_november).state == FireState::spark);

    auto r = spreading();
    const auto running = gauge_of(r, june_to_november);
    CHECK(running.state == FireState::running_fire);
    CHECK(running.signals.empty());

    // Without leadership it still lives and grows, but it is not a running fire.
    who(r, "carla").group = Group::staff;
    const auto smouldering = gauge_of(r, june_to_november);
    CHECK(smouldering.state == FireState::smouldering);
    CHECK(smouldering.missing() == std::vector<CriterionId>{CriterionId::groups,
                                                            CriterionId::leadership,
                                                            CriterionId::oxygen});
    CHECK(spark::state_explanation(Language::nl, smouldering, figures_of(r, june_to_november)) ==
          "Het vuur leeft en groeit, maar voor een lopend vuurtje ontbreekt nog: meer groepen, de "
          "leiding en zuurstof.");

    // The same records seen from late February: it spread, then went quiet.
    const auto straw = gauge_of(spreading(), {day(6, 1), Date{2027, 2, 28}});
    CHECK(straw.state == FireState::straw_fire);
    CHECK(straw.has(SignalId::gone_quiet));
    CHECK_FALSE(straw.has(SignalId::no_new_people)); // gone-quiet says it once
    CHECK_FALSE(straw.has(SignalId::no_meetings));
    CHECK_FALSE(straw.has(SignalId::no_action));
}

TEST_CASE("state: the summer recess does not put out a fire on holiday", "[gauge][state]") {
    spark::Records r = spreading();
    // Everything happened before the summer.
    for (auto& e : r.entries) {
        e.date = std::min(e.date, day(7, 10));
    }
    for (auto& m : r.meetings) {
        m.date = day(7, 8);
    }
    for (auto& p : r.people) {
        p.since = std::min(p.since, day(6, 20));
    }
    const spark::Period until_september{day(6, 1), day(9, 5)};
    CHECK(gauge_of(r, until_september).state == FireState::straw_fire);
    GaugeSettings recess;
    recess.recess = {{7, 13, 8, 31}};
    CHECK(gauge_of(r, until_september, recess).state != FireState::straw_fire);
}

TEST_CASE("state: registering a colleague and one action do not relight a dead fire",
          "[gauge][state]") {
    auto r = spreading();
    const spark::Period until_march{day(6, 1), Date{2027, 3, 1}};
    REQUIRE(gauge_of(r, until_march).state == FireState::straw_fire);
    r.people.push_back(person("late", Group::staff, Date{2027, 3, 1}, "carla"));
    CHECK(gauge_of(r, until_march).state == FireState::straw_fire); // registered only
    r.entries.push_back(entry("a1", Date{2027, 3, 1}, Kind::action, {"late"}));
    const auto g = gauge_of(r, until_march);
    CHECK(g.state == FireState::smouldering); // a glow, not a running fire
    CHECK_FALSE(criterion(g, CriterionId::meetings).pass);
}

TEST_CASE("state: monthly history uses the same rules as the headline", "[gauge][state]") {
    const auto r = spreading();
    spark::Config config;
    const auto analysis = spark::analyse(r, config, june_to_november, day(11, 30));
    REQUIRE(analysis.history.size() == 6);
    CHECK(analysis.history.front().end == day(6, 30));
    CHECK(analysis.history.back().end == day(11, 30));
    CHECK(analysis.history.back().state == analysis.gauge.state);
    CHECK(analysis.history[0].state == FireState::spark); // June: only the core took part
    // A period still running: the current month is judged up to today.
    const auto running =
        spark::analyse(r, config, spark::parse_period("2026-Q4", day(11, 30)), day(11, 20));
    REQUIRE(running.history.size() == 2);
    CHECK(running.history.back().end == day(11, 20));
}

// ---- signals ----

namespace {

struct Scenario {
    std::string name;
    SignalId expected;
    std::function<void(spark::Records&, spark::Period&, Date& today, GaugeSettings&)> change;
};

const std::vector<Scenario>& scenarios() {
    static const std::vector<Scenario> all = {
        {"an empty December", SignalId::nothing_in_period,
         [](auto&, auto& p, auto& today, auto&) {
             p = {day(12, 1), day(12, 31)};
             today = day(12, 31);
         }},
        {"seen in February", SignalId::gone_quiet,
         [](auto&, auto& p, auto& today, auto&) {
             p = {day(6, 1), Date{2027, 2, 28}};
             today = p.until;
         }},
        {"two newcomers asked", SignalId::no_new_people,
         [](auto&, auto&, auto&, auto& s) {
             s.min_new_people = 2;
         }},
        {"seen in mid-December", SignalId::lapsing,
         [](auto&, auto& p, auto& today, auto&) {
             p = {day(6, 1), day(12, 15)};
             today = p.until;
         }},
        {"no pokers", SignalId::no_pokers,
         [](auto& r, auto&, auto&, auto&) {
             who(r, "femke").roles.clear();
         }},
        {"no leadership", SignalId::leadership_missing,
         [](auto& r, auto&, auto&, auto&) {
             who(r, "carla").group = Group::staff;
         }},
        {"no outside", SignalId::no_outside,
         [](auto& r, auto&, auto&, auto&) {
             for (auto& p : r.people) {
                 if (p.group && spark::is_outside(*p.group)) {
                     p.group = Group::staff;
                 }
             }
         }},
        {"no inside", SignalId::no_inside,
         [](auto& r, auto&, auto&, auto&) {
             for (auto& p : r.people) {
                 p.group = Group::resident;
             }
         }},
        {"only talk", SignalId::talk_no_action,
         [](auto& r, auto&, auto&, auto&) {
             r.entries.resize(1);
         }},
        {"action only in summer", SignalId::no_action,
         [](auto& r, auto&, auto&, auto&) {
             r.entries[1].date = day(7, 1);
             r.entries[2].date = day(7, 2);
         }},
        {"no meetings", SignalId::no_meetings,
         [](auto& r, auto&, auto&, auto&) {
             r.meetings.clear();
         }},
        {"smooth meetings", SignalId::too_smooth,
         [](auto& r, auto&, auto&, auto&) {
             r.meetings[0].dilemmas.clear();
         }},
        {"leadership only attends", SignalId::no_oxygen,
         [](auto& r, auto&, auto&, auto&) {
             r.entries[1].people = {"gijs"};
             r.meetings[0].attendees.push_back("carla");
         }},
        {"no matches", SignalId::no_proof,
         [](auto& r, auto&, auto&, auto&) {
             r.entries[2].kind = Kind::action;
         }},
        {"a match without effect", SignalId::unproven_matches,
         [](auto& r, auto&, auto&, auto&) {
             r.entries[2].effect = "n.v.t.";
         }},
        {"deep spread asked", SignalId::shallow_spread,
         [](auto&, auto&, auto&, auto& s) {
             s.min_generations = 5;
         }},
        {"many groups asked", SignalId::few_groups,
         [](auto&, auto&, auto&, auto& s) {
             s.min_groups = 5;
         }},
        {"leadership in September", SignalId::late_leadership,
         [](auto& r, auto&, auto&, auto&) {
             who(r, "carla").since = day(9, 1);
         }},
        {"society in September", SignalId::late_society,
         [](auto& r, auto&, auto&, auto&) {
             who(r, "eva").since = day(9, 1);
         }},
    };
    return all;
}

struct Seen {
    spark::Records records;
    spark::Figures figures;
    spark::Gauge gauge;
};

Seen see(const Scenario& scenario) {
    Seen seen;
    seen.records = spreading();
    spark::Period period = june_to_november;
    Date today = period.until;
    GaugeSettings settings;
    scenario.change(seen.records, period, today, settings);
    seen.figures = spark::compute_figures(seen.records, settings, period, today);
    seen.gauge = spark::assess(seen.figures, settings);
    return seen;
}

} // namespace

TEST_CASE("every signal is raised by its situation, with words and advice in both languages",
          "[gauge][signals]") {
    std::set<SignalId> covered;
    for (const auto& scenario : scenarios()) {
        INFO(scenario.name);
        const Seen seen = see(scenario);
        REQUIRE(seen.gauge.has(scenario.expected));
        covered.insert(scenario.expected);
        const spark::NameOf name = [](const spark::Person& p) {
            return "<" + p.id + ">";
        };
        for (const auto& signal : seen.gauge.signals) {
            const std::string nl =
                spark::signal_message(Language::nl, signal, seen.figures, seen.gauge);
            const std::string en =
                spark::signal_message(Language::en, signal, seen.figures, seen.gauge);
            INFO(spark::id_of(signal.id) << ": " << nl);
            CHECK_FALSE(nl.empty());
            CHECK(nl != en);
            const auto advice_nl =
                spark::signal_advice(Language::nl, signal, seen.figures, seen.gauge);
            const auto advice_en =
                spark::signal_advice(Language::en, signal, seen.figures, seen.gauge);
            CHECK_FALSE(advice_nl.text.empty());
            CHECK(advice_nl.text != advice_en.text);
            const std::string spelled = spark::spell_advice(Language::nl, advice_nl, name);
            CHECK(spelled.find("{people}") == std::string::npos);
            CHECK(advice_nl.people.empty() ==
                  (advice_nl.text.find("{people}") == std::string::npos));
        }
    }
    for (const auto& row : spark::signal_terms()) {
        INFO(row.id);
        CHECK(covered.count(row.value) == 1);
    }
}

TEST_CASE("signals: a running fire raises none, a month with nothing only one",
          "[gauge][signals]") {
    CHECK(gauge_of(spreading(), june_to_november).signals.empty());
    const auto empty_month = see(scenarios()[0]);
    REQUIRE(empty_month.gauge.signals.size() == 1);
    CHECK(empty_month.gauge.signals[0].id == SignalId::nothing_in_period);
}

TEST_CASE("signals: weeks are counted to today in a period still running", "[gauge][signals]") {
    auto r = spreading();
    r.people.pop_back(); // no hanna: the last newcomer is gijs, 15 September
    r.entries.pop_back();
    r.meetings[0].attendees = {"anna"};
    r.entries[1].people.push_back("gijs");
    const auto f =
        spark::compute_figures(r, {}, spark::parse_period("2026-T3", day(11, 30)), day(11, 30));
    const auto g = spark::assess(f, {});
    REQUIRE(g.has(SignalId::no_new_people));
    // 15 September to 30 November: 10 weeks, not the 15 to the end of the tertial.
    CHECK(spark::signal_message(Language::nl, {SignalId::no_new_people}, f, g) ==
          "al 10 weken geen nieuwe deelnemers — het vuur verspreidt zich niet");
}

TEST_CASE("signals: advice names the pokers and critics as the reader may see them",
          "[gauge][signals]") {
    auto r = spreading();
    r.meetings[0].dilemmas.clear();
    const auto f = figures_of(r, june_to_november);
    const auto g = spark::assess(f, {});
    REQUIRE(g.has(SignalId::too_smooth));
    const auto advice = spark::signal_advice(Language::nl, {SignalId::too_smooth}, f, g);
    const spark::NameOf hidden = [](const spark::Person& p) {
        return p.id == "gijs" ? "Gijs de Criticus" : "inwoner 1";
    };
    CHECK(spark::spell_advice(Language::nl, advice, hidden) ==
          "Vraag Gijs de Criticus (criticus) bij de volgende ontmoeting te zijn, en vraag iedereen "
          "een lastig praktijkdilemma mee te nemen.");
    CHECK(spark::signal_message(Language::en, {SignalId::too_smooth}, f, g) ==
          "too smooth: 0 of 1 meetings with a question, dilemma or critic — if it goes too "
          "smoothly, you are doing something wrong");
}

TEST_CASE("every state and criterion has words in both languages", "[gauge][words]") {
    for (const auto& row : spark::state_terms) {
        CHECK_FALSE(row.name.nl.empty());
        CHECK(row.name.nl != row.name.en);
        CHECK_FALSE(row.explanation.en.empty());
    }
    const auto f = figures_of(spreading(), june_to_november);
    const auto g = spark::assess(f, {});
    for (const auto& row : spark::criterion_terms()) {
        INFO(row.id);
        const std::string nl = spark::criterion_label(Language::nl, g.criterion(row.value), f);
        const std::string en = spark::criterion_label(Language::en, g.criterion(row.value), f);
        CHECK(nl != en);
        CHECK(nl.find('{') == std::string::npos);
        CHECK_FALSE(row.missing.nl.empty());
    }
    CHECK(spark::criterion_label(Language::en, g.criterion(CriterionId::new_people), f) ==
          "New participants in the last 6 weeks");
    CHECK(spark::criterion_label(Language::nl, g.criterion(CriterionId::leadership), f) ==
          "Leiding doet mee in deze periode");
    const auto short_f = figures_of(spreading(), {day(11, 1), day(11, 30)});
    CHECK(spark::criterion_label(Language::nl, g.criterion(CriterionId::leadership), short_f) ==
          "Leiding doet mee sinds 20 oktober");
}
