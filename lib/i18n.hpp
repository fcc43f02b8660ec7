#pragma once

#include "gauge.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace spark {

enum class Language { nl, en };

std::optional<Language> language_from_name(std::string_view name);

// Every fixed sentence and heading of the report and `status`, in one language.
struct Words {
    const char* report;    // "Voortgangsrapportage"
    const char* period;    // "Periode"
    const char* generated; // "gemaakt op"
    const char* gauge;     // "Vuurmeter"
    const char* state;     // "Toestand"
    const char* criterion; // table headings
    const char* value;
    const char* threshold;
    const char* both; // threshold of inside-outside
    const char* inside;
    const char* outside;
    const char* reached; // "Bereikt"
    const char* signals;
    const char* no_signals;
    const char* growth;
    const char* month;
    const char* new_people;
    const char* people_total;
    const char* entries;
    const char* meetings;
    const char* attendance;
    const char* growth_chart_title;
    const char* people_axis;
    const char* spread;
    const char* spread_intro;
    const char* generation;
    const char* core; // "kern"
    const char* people;
    const char* who;
    const char* more_people; // "en {} anderen"
    const char* log;         // "Logboek"
    const char* date;
    const char* title;
    const char* effect;
    const char* no_entries;
    const char* earlier_entries; // "{} eerdere …"
    const char* setting;
    const char* place;
    const char* attendees;
    const char* newcomers;
    const char* questions;
    const char* dilemmas;
    const char* outcomes;
    const char* followups;
    const char* no_meetings;
    const char* earlier_meetings;
    const char* person; // label for someone without a group
    const char* unknown_person;
    const char* last_entry;
    const char* last_meeting;
    const char* days_ago; // "{} dagen geleden"
    const char* today;
    const char* involved; // "{} betrokken (+{} in de laatste {} weken)"
    const char* nothing_yet;
    const char* privacy_note;
};

const Words& words(Language language);

std::string month_name(Language language, int month);
std::string month_abbreviation(Language language, int month);
std::string long_date(Language language, const Date& date); // "29 november 2026"
std::string kind_heading(Language language, Kind kind);     // "Lucifers"
std::string group_name(Language language, Group group);     // "inwoner"
std::string setting_name(Language language, Setting setting);
std::string state_name(Language language, FireState state); // "lopend vuurtje"
std::string state_explanation(Language language, FireState state);
std::string criterion_label(Language language, const std::string& id, int window_weeks);
std::string signal_message(Language language, const Signal& signal, const Figures& figures);

} // namespace spark
