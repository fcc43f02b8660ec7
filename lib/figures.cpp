#include "figures.hpp"

#include "followups.hpp"
#include "text.hpp"
#include "window.hpp"

#include <algorithm>
#include <functional>

namespace spark {

namespace {

template <typename T>
void keep_latest(std::optional<T>& latest, const T& value) {
    if (!latest || *latest < value) {
        latest = value;
    }
}

template <typename T>
void keep_earliest(std::optional<T>& earliest, const T& value) {
    if (!earliest || value < *earliest) {
        earliest = value;
    }
}

// Later date wins; on the same day the larger id, so the choice does not depend on order.
template <typename Record>
bool is_later(const Record& candidate, const Record* current) {
    return current == nullptr || current->date < candidate.date ||
           (current->date == candidate.date && current->id < candidate.id);
}

std::vector<MonthFigures> months_of(const Period& period) {
    std::vector<MonthFigures> months;
    for (Date month{period.since.year, period.since.month, 1}; !(period.until < month);) {
        MonthFigures m;
        m.year = month.year;
        m.month = month.month;
        months.push_back(m);
        month =
            month.month == 12 ? Date{month.year + 1, 1, 1} : Date{month.year, month.month + 1, 1};
    }
    return months;
}

} // namespace

Lineage trace_lineage(const Records& records) {
    Lineage lineage;
    lineage.involvement = first_involvement(records);
    lineage.generation_of = generations(records);
    for (const auto& person : records.people) {
        lineage.person_of.emplace(person.id, &person);
    }
    return lineage;
}

bool is_proven_effect(std::string_view effect) {
    // Folded, with everything but letters and digits left out: "N.v.t." → "nvt".
    std::string key;
    for (char c : fold_for_matching(effect)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            static_cast<unsigned char>(c) >= 0x80) {
            key += c;
        }
    }
    static const std::string_view placeholders[] = {"",
                                                    "nognietbekend",
                                                    "nogonbekend",
                                                    "onbekend",
                                                    "nietbekend",
                                                    "nvt",
                                                    "nb",
                                                    "tbd",
                                                    "tba",
                                                    "todo",
                                                    "pm",
                                                    "volgt",
                                                    "nogtebepalen",
                                                    "unknown",
                                                    "notyetknown",
                                                    "na",
                                                    "none",
                                                    "geen",
                                                    "nogniets",
                                                    "nognietgemeten"};
    return std::find(std::begin(placeholders), std::end(placeholders), key) ==
           std::end(placeholders);
}

Date history_start(const Records& records, const Config& config, const Date& today) {
    const Date fallback = config.started.valid() ? config.started : today;
    std::optional<Date> first;
    auto consider = [&](const Date& d) {
        if (d.valid()) {
            keep_earliest(first, d);
        }
    };
    for (const auto& p : records.people) {
        consider(p.since);
    }
    for (const auto& e : records.entries) {
        consider(e.date);
    }
    for (const auto& m : records.meetings) {
        consider(m.date);
    }
    return first.value_or(fallback);
}

Figures compute_figures(const Records& records, const GaugeSettings& gauge, const Period& period,
                        const Date& today) {
    return compute_figures(records, std::make_shared<const Lineage>(trace_lineage(records)), gauge,
                           period, today);
}

Figures compute_figures(const Records& records, std::shared_ptr<const Lineage> lineage,
                        const GaugeSettings& gauge, const Period& period, const Date& today) {
    Figures f;
    f.period = period;
    f.today = today;
    f.lineage = std::move(lineage);
    const Lineage& history = *f.lineage;
    // "Lately" ends today for a period still running (--period 2026-T3 in November), not
    // on days that have not happened yet.
    const Date window_end = std::min(period.until, std::max(today, period.since));
    f.window = window_ending(window_end, gauge.window_days, gauge.recess);
    f.window_days = gauge.window_days;
    f.running = window_end == today;
    f.scope = Period{std::min(period.since, f.window.since), window_end};
    f.previous = Period{add_days(period.since, -period.days()), add_days(period.since, -1)};

    std::optional<Date> start;
    for (const auto& person : records.people) {
        if (person.since.valid()) {
            keep_earliest(start, person.since);
        }
    }

    for (const auto& person : records.people) {
        const auto& inv = history.involvement.at(person.id);
        if (!inv.first.valid() || period.until < inv.first) {
            continue;
        }
        f.involved.push_back(
            {&person, inv.first, inv.first_record, history.generation_of.at(person.id)});
    }
    std::stable_sort(f.involved.begin(), f.involved.end(),
                     [](const PersonFacts& a, const PersonFacts& b) { return a.first < b.first; });

    for (const auto& facts : f.involved) {
        const Person& person = *facts.person;
        const bool core = person.has_role(Role::spark);
        f.core_people += core;
        if (person.has_role(Role::critic)) {
            f.critics.push_back(&person);
        }
        if (person.has_role(Role::poker)) {
            f.pokers.push_back(&person);
        }
        if (period.contains(facts.first)) {
            ++f.new_people_period;
        }
        if (!core && facts.first_record.valid() && !(window_end < facts.first_record)) {
            keep_latest(f.last_newcomer, facts.first);
            if (facts.new_in(f.window)) {
                f.newcomers_window.push_back(&facts);
            }
        }
        f.generations = std::max(f.generations, facts.generation);
        if (static_cast<int>(f.people_per_generation.size()) <= facts.generation) {
            f.people_per_generation.resize(facts.generation + 1);
        }
        ++f.people_per_generation[facts.generation];
        if (!person.department.empty()) {
            ++f.departments[person.department];
        }
        if (person.group) {
            ++f.people_per_group[*person.group];
            (is_outside(*person.group) ? f.outside_people : f.inside_people) += 1;
            if (is_leadership(*person.group)) {
                f.leaders.push_back(&person);
                keep_earliest(f.first_leader_joined, facts.first);
            }
            if (is_outside(*person.group)) {
                keep_earliest(f.first_outside_joined, facts.first);
            }
        }
    }
    std::stable_sort(
        f.newcomers_window.begin(), f.newcomers_window.end(),
        [](const PersonFacts* a, const PersonFacts* b) { return b->first < a->first; });
    for (const auto& [group, count] : f.people_per_group) {
        f.groups_reached += !is_outside(group);
    }
    f.groups_reached += f.outside_people > 0;

    auto person_of = [&](const std::string& id) -> const Person* {
        auto found = history.person_of.find(id);
        return found == history.person_of.end() ? nullptr : found->second;
    };
    auto is_leader = [&](const std::string& id) {
        const Person* person = person_of(id);
        return person != nullptr && person->group && is_leadership(*person->group);
    };
    std::vector<const Person*> taking_part;
    auto note_taking_part = [&](const std::string& id) {
        if (const Person* person = person_of(id)) {
            taking_part.push_back(person);
        }
    };

    for (const auto& entry : records.entries) {
        if (entry.date.valid()) {
            keep_earliest(start, entry.date);
        }
        auto& element = f.elements[static_cast<std::size_t>(entry.kind)];
        if (period.contains(entry.date)) {
            f.entries.push_back(&entry);
            ++f.entries_per_kind[static_cast<std::size_t>(entry.kind)];
            ++element.period;
        }
        element.previous += f.previous.contains(entry.date);
        if (window_end < entry.date) {
            continue; // a plan: it has not happened yet
        }
        if (is_later(entry, f.last_entry)) {
            f.last_entry = &entry;
        }
        keep_latest(element.last, entry.date);
        f.poker_entries += entry.kind == Kind::poker;
        const bool acting = entry.kind == Kind::action || entry.kind == Kind::match;
        if (acting && f.window.contains(entry.date)) {
            f.actions_window.push_back(entry.date);
        }
        if (f.scope.contains(entry.date)) {
            f.actions_scope += acting;
            f.oxygen_scope += entry.kind == Kind::oxygen;
            const bool with_leader =
                std::any_of(entry.people.begin(), entry.people.end(), is_leader);
            f.leader_entries_scope += with_leader;
            f.room_scope += with_leader || entry.kind == Kind::oxygen;
            if (entry.kind == Kind::match) {
                (is_proven_effect(entry.effect) ? f.proven_matches : f.unproven_matches) += 1;
            }
            std::for_each(entry.people.begin(), entry.people.end(), note_taking_part);
        }
    }
    for (const auto& meeting : records.meetings) {
        if (meeting.date.valid()) {
            keep_earliest(start, meeting.date);
        }
        if (period.contains(meeting.date)) {
            f.meetings.push_back(&meeting);
        }
        if (window_end < meeting.date) {
            continue;
        }
        if (is_later(meeting, f.last_meeting)) {
            f.last_meeting = &meeting;
        }
        if (f.window.contains(meeting.date)) {
            f.meetings_window.push_back(meeting.date);
        }
        if (f.scope.contains(meeting.date)) {
            ++f.meetings_scope;
            f.questions_scope += static_cast<int>(meeting.questions.size());
            f.dilemmas_scope += static_cast<int>(meeting.dilemmas.size());
            f.followups_scope += static_cast<int>(meeting.followups.size());
            f.open_followups_scope +=
                static_cast<int>(open_followups(meeting, f.scope.until).size());
            bool critic_present = false;
            for (const auto& id : meeting.attendees) {
                const Person* person = person_of(id);
                if (person != nullptr && person->has_role(Role::critic)) {
                    critic_present = true;
                    f.critics_attending.push_back(person);
                }
            }
            f.friction_meetings_scope +=
                !meeting.questions.empty() || !meeting.dilemmas.empty() || critic_present;
            std::for_each(meeting.attendees.begin(), meeting.attendees.end(), note_taking_part);
        }
    }
    f.start = start.value_or(period.since);
    auto by_date = [](const auto* a, const auto* b) {
        return a->date != b->date ? a->date < b->date : a->id < b->id;
    };
    std::sort(f.entries.begin(), f.entries.end(), by_date);
    std::sort(f.meetings.begin(), f.meetings.end(), by_date);
    std::sort(f.actions_window.rbegin(), f.actions_window.rend());
    std::sort(f.meetings_window.rbegin(), f.meetings_window.rend());
    if (f.last_entry) {
        keep_latest(f.last_activity, f.last_entry->date);
    }
    if (f.last_meeting) {
        keep_latest(f.last_activity, f.last_meeting->date);
    }

    // A person counts once, in the order of the people list, whatever they took part in.
    // Duplicates go first, by address (one comparison of pointers each: the list holds a
    // pointer for every participation, hundreds of thousands at 100k records, and this runs
    // once per month of the gauge's history); then the few left are sorted by id.
    auto unique_people = [](std::vector<const Person*>& people) {
        std::sort(people.begin(), people.end(), std::less<const Person*>());
        people.erase(std::unique(people.begin(), people.end()), people.end());
        std::sort(people.begin(), people.end(),
                  [](const Person* a, const Person* b) { return a->id < b->id; });
    };
    unique_people(f.critics_attending);
    unique_people(taking_part);
    for (const Person* person : taking_part) {
        if (person->group && is_leadership(*person->group)) {
            f.leaders_taking_part.push_back(person);
        }
    }

    // Month by month through the period.
    f.months = months_of(period);
    int people_before = 0;
    for (const auto& facts : f.involved) {
        people_before += facts.first < period.since;
    }
    auto month_of = [&](const Date& d) -> MonthFigures* {
        const long index = (d.year - period.since.year) * 12L + (d.month - period.since.month);
        return index >= 0 && index < static_cast<long>(f.months.size()) ? &f.months[index]
                                                                        : nullptr;
    };
    for (const auto& facts : f.involved) {
        if (period.contains(facts.first)) {
            if (auto* m = month_of(facts.first)) {
                ++m->new_people;
            }
        }
    }
    for (const auto* entry : f.entries) {
        ++month_of(entry->date)->entries;
    }
    for (const auto* meeting : f.meetings) {
        auto* m = month_of(meeting->date);
        ++m->meetings;
        m->attendance += static_cast<int>(meeting->attendees.size());
    }
    int running = people_before;
    for (auto& m : f.months) {
        running += m.new_people;
        m.people = running;
    }
    return f;
}

} // namespace spark
