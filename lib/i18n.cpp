#include "i18n.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

constexpr Words dutch{
    .report = "voortgangsrapportage",
    .period = "Periode",
    .generated = "gemaakt op",
    .gauge = "Vuurmeter",
    .state = "Stand van het vuur",
    .criterion = "Criterium",
    .value = "Waarde",
    .threshold = "Drempel",
    .both = "beide",
    .inside = "binnen",
    .outside = "buiten",
    .reached = "Bereikt",
    .from_outside = "van buiten",
    .signals = "Signalen",
    .no_signals = "Geen signalen: niets vraagt nu om aandacht.",
    .growth = "Groei per maand",
    .month = "Maand",
    .new_people = "Nieuwe mensen",
    .people_total = "Betrokken (totaal)",
    .entries = "Logboek",
    .meetings = "Ontmoetingen",
    .attendance = "Aanwezigen",
    .growth_chart_title = "Betrokken mensen per maand",
    .people_axis = "Mensen",
    .spread = "Verspreiding",
    .spread_intro = "Wie wie heeft meegenomen. De kern is generatie 0; wie door generatie n is "
                    "meegenomen, hoort bij generatie n + 1.",
    .generation = "Generatie",
    .core = "kern",
    .people = "Mensen",
    .who = "Wie",
    .more_people = "en {} anderen",
    .log = "Logboek",
    .date = "Datum",
    .title = "Titel",
    .effect = "Effect",
    .no_entries = "Geen vermeldingen in deze periode.",
    .earlier_entries = "En {} eerdere vermeldingen in deze periode.",
    .setting = "Vorm",
    .place = "Plaats",
    .attendees = "Aanwezig",
    .newcomers = "Nieuw",
    .questions = "Vragen",
    .dilemmas = "Dilemma's",
    .outcomes = "Opbrengst",
    .followups = "Vervolgafspraken, nog open",
    .no_meetings = "Geen ontmoetingen in deze periode.",
    .earlier_meetings = "En {} eerdere ontmoetingen in deze periode.",
    .person = "persoon",
    .unknown_person = "onbekend",
    .last_entry = "laatste vermelding",
    .last_meeting = "laatste ontmoeting",
    .open_followups = "open vervolgafspraken: {} (spark list --followups)",
    .days_ago = "{} dagen geleden",
    .today = "vandaag",
    .yesterday = "gisteren",
    .involved = "{} betrokken (+{} nieuw in de laatste {})",
    .nothing_yet = "nog niets",
    .more_signals = "… en nog {}: spark report",
    .privacy_note = "Mensen van buiten de organisatie staan er met groep en nummer in, tenzij "
                    "ze openbaar willen zijn; ook in titels en teksten.",
    .privacy_note_all = "Iedereen staat er met naam in (--names all): deel deze pagina niet "
                        "buiten de kring van betrokkenen.",
    .privacy_note_none = "Iedereen staat er met groep en nummer in (--names none).",
    .last_activity = "Laatste activiteit",
    .no_activity = "nog niets vastgelegd",
    .days_left = "nog {}",
    .history = "Verloop",
    .history_intro = "De stand van het vuur aan het einde van elke maand, met dezelfde regels "
                     "als hierboven.",
    .next_step = "Volgende stap",
    .elements = "De zes elementen",
    .elements_intro = "Wat het vuur krijgt, geteld in het logboek: deze periode, de periode van "
                      "dezelfde lengte ervoor, en de laatste keer.",
    .element = "Element",
    .this_period = "Deze periode",
    .previous_period = "Periode ervoor",
    .last_date = "Laatste keer",
    .stokers = "Wie het vuur opstoken",
    .stokers_intro = "De poken stoken het vuur op, de critici houden het scherp; de afdelingen "
                     "laten zien hoe ver het binnen de organisatie reikt.",
    .pokers = "Poken",
    .critics = "Critici",
    .departments = "Afdelingen",
    .nobody_recorded = "nog niemand vastgelegd",
    .more_person = "en {} andere",
    .growth_per_quarter = "Groei per kwartaal",
    .growth_chart_title_quarter = "Betrokken mensen per kwartaal",
    .quarter = "Kwartaal",
    .quarter_label = "Q{}",
    .growth_legend = "Staven: nieuwe mensen. Lijn: betrokken in totaal.",
    .spread_legend_core = "Oranje: de kern.",
    .spread_legend_outside = "Blauw: van buiten de organisatie.",
    .spread_cutoff = "De grafiek toont de eerste {} van {} mensen; de tabel telt iedereen.",
    .contents = "Inhoud",
};

constexpr Words english{
    .report = "progress report",
    .period = "Period",
    .generated = "generated on",
    .gauge = "Fire gauge",
    .state = "State of the fire",
    .criterion = "Criterion",
    .value = "Value",
    .threshold = "Threshold",
    .both = "both",
    .inside = "inside",
    .outside = "outside",
    .reached = "Reached",
    .from_outside = "from outside",
    .signals = "Signals",
    .no_signals = "No signals: nothing needs attention now.",
    .growth = "Growth per month",
    .month = "Month",
    .new_people = "New people",
    .people_total = "Involved (total)",
    .entries = "Log entries",
    .meetings = "Meetings",
    .attendance = "Attendance",
    .growth_chart_title = "People involved per month",
    .people_axis = "People",
    .spread = "Spread",
    .spread_intro = "Who brought in whom. The core group is generation 0; people brought in by "
                    "generation n are generation n + 1.",
    .generation = "Generation",
    .core = "core",
    .people = "People",
    .who = "Who",
    .more_people = "and {} others",
    .log = "Log",
    .date = "Date",
    .title = "Title",
    .effect = "Effect",
    .no_entries = "No entries in this period.",
    .earlier_entries = "And {} earlier entries in this period.",
    .setting = "Setting",
    .place = "Place",
    .attendees = "Attendees",
    .newcomers = "New",
    .questions = "Questions",
    .dilemmas = "Dilemmas",
    .outcomes = "Outcomes",
    .followups = "Follow-ups still open",
    .no_meetings = "No meetings in this period.",
    .earlier_meetings = "And {} earlier meetings in this period.",
    .person = "person",
    .unknown_person = "unknown",
    .last_entry = "last entry",
    .last_meeting = "last meeting",
    .open_followups = "open follow-ups: {} (spark list --followups)",
    .days_ago = "{} days ago",
    .today = "today",
    .yesterday = "yesterday",
    .involved = "{} involved (+{} new in the last {})",
    .nothing_yet = "nothing yet",
    .more_signals = "… {} more: spark report",
    .privacy_note = "People from outside the organisation appear by group and number unless "
                    "they chose to be public, in titles and texts too.",
    .privacy_note_all = "Everyone appears by name (--names all): do not share this page beyond "
                        "the people involved.",
    .privacy_note_none = "Everyone appears by group and number (--names none).",
    .last_activity = "Last activity",
    .no_activity = "nothing recorded yet",
    .days_left = "{} left",
    .history = "Over time",
    .history_intro = "The state of the fire at the end of each month, by the same rules as "
                     "above.",
    .next_step = "Next step",
    .elements = "The six elements",
    .elements_intro = "What the fire gets, counted in the log: this period, the period of the "
                      "same length before it, and the last time.",
    .element = "Element",
    .this_period = "This period",
    .previous_period = "Period before",
    .last_date = "Last time",
    .stokers = "Who stokes the fire",
    .stokers_intro = "Pokers stoke the fire, critics keep it sharp; the departments show how far "
                     "it reaches inside the organisation.",
    .pokers = "Pokers",
    .critics = "Critics",
    .departments = "Departments",
    .nobody_recorded = "nobody recorded yet",
    .more_person = "and {} other",
    .growth_per_quarter = "Growth per quarter",
    .growth_chart_title_quarter = "People involved per quarter",
    .quarter = "Quarter",
    .quarter_label = "Q{}",
    .growth_legend = "Bars: new people. Line: people involved in total.",
    .spread_legend_core = "Orange: the core group.",
    .spread_legend_outside = "Blue: from outside the organisation.",
    .spread_cutoff = "The graph shows the first {} of {} people; the table counts everyone.",
    .contents = "Contents",
};

template <std::size_t N>
std::string pick(const char* const (&table)[N], std::size_t index) {
    return index < N ? table[index] : "";
}

} // namespace

const Words& words(Language language) {
    return language == Language::nl ? dutch : english;
}

std::string month_name(Language language, int month) {
    static const char* const nl[] = {"januari",   "februari", "maart",    "april",
                                     "mei",       "juni",     "juli",     "augustus",
                                     "september", "oktober",  "november", "december"};
    static const char* const en[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
    return language == Language::nl ? pick(nl, month - 1) : pick(en, month - 1);
}

std::string month_abbreviation(Language language, int month) {
    static const char* const nl[] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                     "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char* const en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return language == Language::nl ? pick(nl, month - 1) : pick(en, month - 1);
}

std::string long_date(Language language, const Date& date) {
    return fmt::format("{} {} {}", date.day, month_name(language, date.month), date.year);
}

std::string kind_heading(Language language, Kind kind) {
    return std::string(term(kind).heading.in(language));
}

std::string group_name(Language language, Group group) {
    return std::string(term(group).one.in(language));
}

std::string group_count(Language language, Group group, int count) {
    const GroupTerm& row = term(group);
    return fmt::format("{} {}", count, (count == 1 ? row.one : row.many).in(language));
}

std::string people_count(Language language, long count) {
    if (language == Language::nl) {
        return fmt::format("{} {}", count, count == 1 ? "persoon" : "mensen");
    }
    return fmt::format("{} {}", count, count == 1 ? "person" : "people");
}

std::string days_phrase(Language language, long days) {
    if (language == Language::nl) {
        return fmt::format("{} {}", days, days == 1 ? "dag" : "dagen");
    }
    return fmt::format("{} {}", days, days == 1 ? "day" : "days");
}

std::string weeks_phrase(Language language, long weeks) {
    if (language == Language::nl) {
        return fmt::format("{} {}", weeks, weeks == 1 ? "week" : "weken");
    }
    return fmt::format("{} {}", weeks, weeks == 1 ? "week" : "weeks");
}

std::string window_phrase(Language language, long days) {
    return days % 7 == 0 ? weeks_phrase(language, days / 7) : days_phrase(language, days);
}

std::string elapsed_phrase(Language language, long days) {
    return days >= 14 ? weeks_phrase(language, days / 7) : days_phrase(language, days);
}

std::string setting_name(Language language, Setting setting) {
    return std::string(term(setting).word.in(language));
}

std::string and_list(Language language, const std::vector<std::string>& items) {
    if (items.size() <= 1) {
        return items.empty() ? std::string() : items.front();
    }
    std::string out;
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
        out += (i == 0 ? "" : ", ") + items[i];
    }
    return out + (language == Language::nl ? " en " : " and ") + items.back();
}

std::string day_and_month(Language language, const Date& date, const Date& context) {
    const std::string day_month = fmt::format("{} {}", date.day, month_name(language, date.month));
    return date.year == context.year ? day_month : fmt::format("{} {}", day_month, date.year);
}

} // namespace spark
