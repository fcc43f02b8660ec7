#pragma once

#include "date.hpp"
#include "vocabulary.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

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
    const char* reached;      // "Bereikt"
    const char* from_outside; // "van buiten"
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
    const char* earlier_entries; // "En {} eerdere vermeldingen in deze periode."
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
    const char* open_followups; // "open vervolgafspraken: {} …"
    const char* days_ago;       // "{} dagen geleden"
    const char* today;
    const char* yesterday;
    const char* involved; // "{} betrokken (+{} in de laatste {})"
    const char* nothing_yet;
    const char* more_signals; // "… en nog {}: spark report"
    const char* privacy_note; // --names inside (the default)
    const char* privacy_note_all;
    const char* privacy_note_none;
    // The fire gauge's sections.
    const char* last_activity; // "Laatste activiteit"
    const char* no_activity;   // "nog niets"
    const char* days_left;     // "nog {}"
    const char* history;       // "Verloop"
    const char* history_intro;
    const char* next_step; // "Volgende stap"
    const char* elements;  // "De zes elementen"
    const char* elements_intro;
    const char* element;
    const char* this_period;
    const char* previous_period;
    const char* last_date;
    const char* stokers; // "Poken, critici en afdelingen"
    const char* stokers_intro;
    const char* pokers;
    const char* critics;
    const char* departments;
    const char* nobody_recorded;
    // The report's rendering (charts, tables).
    const char* more_person;                // "en {} andere": more_people for one
    const char* growth_per_quarter;         // heading when the period is longer than 18 months
    const char* growth_chart_title_quarter; // "Betrokken mensen per kwartaal"
    const char* quarter;                    // table heading
    const char* quarter_label;              // "Q{}"
    const char* growth_legend;              // what the bars and the line are
    const char* spread_legend_core;         // what the colours of the spread graph mean
    const char* spread_legend_outside;
    const char* spread_cutoff; // "… de eerste {} van {} mensen …"
    const char* contents;      // "Inhoud": the sections of the HTML page
};

const Words& words(Language language);

std::string month_name(Language language, int month);
std::string month_abbreviation(Language language, int month);
std::string long_date(Language language, const Date& date);         // "29 november 2026"
std::string kind_heading(Language language, Kind kind);             // "Lucifers"
std::string group_name(Language language, Group group);             // "inwoner"
std::string group_count(Language language, Group group, int count); // "2 inwoners"
std::string people_count(Language language, long count);            // "1 persoon", "3 mensen"
// A span of days in words: "6 weken", "1 week", "10 dagen" (weeks when whole weeks).
std::string window_phrase(Language language, long days);
// Time gone by in words: "3 dagen", "7 weken" (weeks from two weeks on).
std::string elapsed_phrase(Language language, long days);
// "1 dag", "9 dagen": a countdown, always in days.
std::string days_phrase(Language language, long days);
std::string weeks_phrase(Language language, long weeks);
std::string setting_name(Language language, Setting setting);
// "Kees Dijkman", "Kees Dijkman en Yvonne Smit", "A, B en C".
std::string and_list(Language language, const std::vector<std::string>& items);
// "3 december", or "3 december 2025" when the year differs from `context`.
std::string day_and_month(Language language, const Date& date, const Date& context);

} // namespace spark
