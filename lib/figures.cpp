#include "figures.hpp"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace spark {

namespace {

std::unordered_map<std::string, int> generations(const Records& records) {
    std::unordered_map<std::string, const Person*> by_id;
    for (const auto& person : records.people) {
        by_id.emplace(person.id, &person);
    }
    std::unordered_map<std::string, int> generation;
    std::unordered_set<std::string> visiting; // guards against invited_by cycles
    std::function<int(const Person&)> of = [&](const Person& person) -> int {
        if (auto found = generation.find(person.id); found != generation.end()) {
            return found->second;
        }
        int value = 1; // joined without a recorded inviter: reached by the fire somehow
        if (person.has_role(Role::spark)) {
            value = 0;
        } else if (auto inviter = by_id.find(person.invited_by);
                   inviter != by_id.end() && visiting.insert(person.id).second) {
            value = of(*inviter->second) + 1;
            visiting.erase(person.id);
        }
        generation[person.id] = value;
        return value;
    };
    for (const auto& person : records.people) {
        of(person);
    }
    return generation;
}

int kind_index(Kind kind) {
    return static_cast<int>(kind);
}

} // namespace

Date history_start(const Records& records, const Config& config, const Date& today) {
    const Date fallback = config.started.valid() ? config.started : today;
    std::optional<Date> first;
    auto consider = [&](const Date& d) {
        if (d.valid() && (!first || d < *first)) {
            first = d;
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
    Figures f;
    f.period = period;
    f.today = today;
    // "Lately" ends today for a period still running (--period 2026-T3 in November), not
    // on days that have not happened yet.
    const Date window_end = std::min(period.until, std::max(today, period.since));
    f.window = Period{add_days(window_end, -(gauge.window_days - 1)), window_end};
    f.involvement = first_involvement(records);
    f.generation_of = generations(records);

    for (const auto& person : records.people) {
        const auto& inv = f.involvement.at(person.id);
        if (!inv.first.valid() || period.until < inv.first) {
            continue;
        }
        f.involved.push_back({&person, inv.first, f.generation_of.at(person.id)});
    }
    std::stable_sort(f.involved.begin(), f.involved.end(),
                     [](const PersonFacts& a, const PersonFacts& b) { return a.first < b.first; });

    for (const auto& facts : f.involved) {
        const Person& person = *facts.person;
        f.core_people += person.has_role(Role::spark);
        f.critics += person.has_role(Role::critic);
        if (period.contains(facts.first)) {
            ++f.new_people_period;
        }
        if (f.window.contains(facts.first) && !person.has_role(Role::spark)) {
            ++f.new_people_window;
        }
        if (!person.has_role(Role::spark) && (!f.last_newcomer || *f.last_newcomer < facts.first)) {
            f.last_newcomer = facts.first;
        }
        f.generations = std::max(f.generations, facts.generation);
        if (static_cast<int>(f.people_per_generation.size()) <= facts.generation) {
            f.people_per_generation.resize(facts.generation + 1);
        }
        ++f.people_per_generation[facts.generation];
        if (person.group) {
            ++f.people_per_group[*person.group];
            (is_outside(*person.group) ? f.outside_people : f.inside_people) += 1;
            f.leadership = f.leadership || is_leadership(*person.group);
        }
    }
    for (const auto& [group, count] : f.people_per_group) {
        f.groups_reached += !is_outside(group);
    }
    f.groups_reached += f.outside_people > 0;

    for (const auto& entry : records.entries) {
        if (!(period.until < entry.date) &&
            (f.last_entry == nullptr || f.last_entry->date < entry.date ||
             (f.last_entry->date == entry.date && f.last_entry->id < entry.id))) {
            f.last_entry = &entry;
        }
        const bool acting = entry.kind == Kind::action || entry.kind == Kind::match;
        // The window is the last window_days before the period's end, also when the period
        // is shorter: newcomers, actions and meetings are all counted over the same days.
        f.actions_window += acting && f.window.contains(entry.date);
        if (!period.contains(entry.date)) {
            continue;
        }
        f.entries.push_back(&entry);
        ++f.entries_per_kind[kind_index(entry.kind)];
        f.actions_period += acting;
        if (entry.kind == Kind::match) {
            (entry.effect.find_first_not_of(" \t\n\r") != std::string::npos ? f.proven_matches
                                                                            : f.unproven_matches) +=
                1;
        }
    }
    for (const auto& meeting : records.meetings) {
        if (!(period.until < meeting.date) &&
            (f.last_meeting == nullptr || f.last_meeting->date < meeting.date ||
             (f.last_meeting->date == meeting.date && f.last_meeting->id < meeting.id))) {
            f.last_meeting = &meeting;
        }
        f.meetings_window += f.window.contains(meeting.date);
        if (!period.contains(meeting.date)) {
            continue;
        }
        f.meetings.push_back(&meeting);
        ++f.meetings_period;
        f.dilemmas_period += static_cast<int>(meeting.dilemmas.size());
    }
    auto by_date = [](const auto* a, const auto* b) {
        return a->date != b->date ? a->date < b->date : a->id < b->id;
    };
    std::sort(f.entries.begin(), f.entries.end(), by_date);
    std::sort(f.meetings.begin(), f.meetings.end(), by_date);

    // Month by month through the period.
    int people_before = 0;
    for (const auto& facts : f.involved) {
        people_before += facts.first < period.since;
    }
    for (Date month{period.since.year, period.since.month, 1}; !(period.until < month);) {
        MonthFigures m;
        m.year = month.year;
        m.month = month.month;
        f.months.push_back(m);
        month =
            month.month == 12 ? Date{month.year + 1, 1, 1} : Date{month.year, month.month + 1, 1};
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
