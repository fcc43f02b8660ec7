#include "i18n.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

constexpr Words dutch{
    .report = "voortgangsrapportage",
    .period = "Periode",
    .generated = "gemaakt op",
    .gauge = "Vuurmeter",
    .state = "Toestand",
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
    .spread_intro = "Wie wie heeft meegenomen (invited_by). De kern is generatie 0; wie door "
                    "generatie n is uitgenodigd, hoort bij generatie n + 1.",
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
    .setting = "Setting",
    .place = "Plaats",
    .attendees = "Aanwezig",
    .newcomers = "Nieuw",
    .questions = "Vragen",
    .dilemmas = "Dilemma's",
    .outcomes = "Opbrengst",
    .followups = "Vervolgafspraken",
    .no_meetings = "Geen ontmoetingen in deze periode.",
    .earlier_meetings = "En {} eerdere ontmoetingen in deze periode.",
    .person = "persoon",
    .unknown_person = "onbekend",
    .last_entry = "laatste vermelding",
    .last_meeting = "laatste ontmoeting",
    .days_ago = "{} dagen geleden",
    .today = "vandaag",
    .yesterday = "gisteren",
    .involved = "{} betrokken (+{} in de laatste {})",
    .nothing_yet = "nog niets",
    .more_signals = "… en nog {}: spark report",
    .privacy_note = "Mensen van buiten de organisatie staan er met groep en nummer in, tenzij "
                    "ze openbaar willen zijn; ook in titels en teksten.",
    .privacy_note_all = "Iedereen staat er met naam in (--names all): deel deze pagina niet "
                        "buiten de kring van betrokkenen.",
    .privacy_note_none = "Iedereen staat er met groep en nummer in (--names none).",
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
    .state = "State",
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
    .spread_intro = "Who brought in whom (invited_by). The core group is generation 0; people "
                    "invited by generation n are generation n + 1.",
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
    .followups = "Follow-ups",
    .no_meetings = "No meetings in this period.",
    .earlier_meetings = "And {} earlier meetings in this period.",
    .person = "person",
    .unknown_person = "unknown",
    .last_entry = "last entry",
    .last_meeting = "last meeting",
    .days_ago = "{} days ago",
    .today = "today",
    .yesterday = "yesterday",
    .involved = "{} involved (+{} in the last {})",
    .nothing_yet = "nothing yet",
    .more_signals = "… {} more: spark report",
    .privacy_note = "People from outside the organisation appear by group and number unless "
                    "they chose to be public, in titles and texts too.",
    .privacy_note_all = "Everyone appears by name (--names all): do not share this page beyond "
                        "the people involved.",
    .privacy_note_none = "Everyone appears by group and number (--names none).",
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

namespace {

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

} // namespace

std::string window_phrase(Language language, long days) {
    return days % 7 == 0 ? weeks_phrase(language, days / 7) : days_phrase(language, days);
}

std::string elapsed_phrase(Language language, long days) {
    return days >= 14 ? weeks_phrase(language, days / 7) : days_phrase(language, days);
}

std::string setting_name(Language language, Setting setting) {
    return std::string(term(setting).word.in(language));
}

std::string state_name(Language language, FireState state) {
    static const char* const nl[] = {"geen vuur", "vonk", "strovuur", "lopend vuurtje"};
    static const char* const en[] = {"no fire", "spark", "straw fire", "running fire"};
    const auto index = static_cast<std::size_t>(state);
    return language == Language::nl ? pick(nl, index) : pick(en, index);
}

std::string state_explanation(Language language, FireState state) {
    static const char* const nl[] = {
        "Er is in deze periode nog niets vastgelegd.",
        "Alleen de kern is betrokken: tijd om anderen te laten aansluiten.",
        "Er is activiteit, maar het vuur verspreidt zich niet (meer): kijk naar de signalen.",
        ("Het vuur verspreidt zich: nieuwe mensen, meerdere generaties, binnen en buiten, en "
         "er wordt gedaan.")};
    static const char* const en[] = {
        "Nothing has been recorded in this period yet.",
        "Only the core group is involved: time to let others join.",
        "There is activity, but the fire is not spreading (any more): see the signals.",
        ("The fire is spreading: new people, several generations, inside and outside, and "
         "things are being done.")};
    const auto index = static_cast<std::size_t>(state);
    return language == Language::nl ? pick(nl, index) : pick(en, index);
}

std::string criterion_label(Language language, const std::string& id, long window_days) {
    const std::string window = window_phrase(language, window_days);
    const bool nl = language == Language::nl;
    if (id == "people") {
        return nl ? "Mensen betrokken buiten de kern" : "People involved beyond the core";
    }
    if (id == "new-people") {
        return fmt::format(
            fmt::runtime(nl ? "Nieuwe mensen in de laatste {}" : "New people in the last {}"),
            window);
    }
    if (id == "generations") {
        return nl ? "Generaties van verspreiding" : "Generations of spread";
    }
    if (id == "groups") {
        return nl ? "Groepen bereikt" : "Groups reached";
    }
    if (id == "inside-outside") {
        return nl ? "Binnen én buiten de organisatie" : "Inside and outside the organisation";
    }
    if (id == "actions") {
        return fmt::format(fmt::runtime(nl ? "Acties en lucifers in de laatste {}"
                                           : "Actions and matches in the last {}"),
                           window);
    }
    if (id == "proven-matches") {
        return nl ? "Lucifers met bewezen effect" : "Matches with proven effect";
    }
    if (id == "meetings") {
        return fmt::format(
            fmt::runtime(nl ? "Ontmoetingen in de laatste {}" : "Meetings in the last {}"), window);
    }
    if (id == "dilemmas-critics") {
        return nl ? "Dilemma's en critici" : "Dilemmas and critics";
    }
    return id;
}

std::string signal_message(Language language, const Signal& signal, const Figures& f) {
    const bool nl = language == Language::nl;
    const std::string window = window_phrase(language, f.window.days());
    if (signal.id == "no-new-people") {
        if (f.new_people_window > 0) { // some, but fewer than the threshold asks
            return fmt::format(
                fmt::runtime(nl ? "maar {} nieuw in de laatste {} — het vuur verspreidt zich "
                                  "nauwelijks"
                                : "only {} new in the last {} — the fire is hardly spreading"),
                people_count(language, f.new_people_window), window);
        }
        if (f.last_newcomer) {
            const long days = days_from_civil(f.period.until) - days_from_civil(*f.last_newcomer);
            return fmt::format(
                fmt::runtime(nl ? "geen nieuwe mensen sinds {} — het vuur verspreidt zich niet"
                                : "no new people for {} — the fire is not spreading"),
                elapsed_phrase(language, days));
        }
        return nl ? "nog niemand buiten de kern — het vuur verspreidt zich nog niet"
                  : "no one beyond the core yet — the fire is not spreading yet";
    }
    if (signal.id == "shallow-spread") {
        return fmt::format(
            fmt::runtime(nl ? "de verspreiding stopt bij generatie {} — vraag wie nieuw is op "
                              "zijn beurt anderen mee te nemen"
                            : "the spread stops at generation {} — ask newcomers to bring in "
                              "others in turn"),
            f.generations);
    }
    if (signal.id == "no-action") {
        if (f.actions_window > 0) {
            return fmt::format(
                fmt::runtime(nl ? "maar {} {} in de laatste {} — laat zien dat het anders kan"
                                : "only {} {} in the last {} — show that it can be done "
                                  "differently"),
                f.actions_window,
                f.actions_window == 1 ? (nl ? "actie of lucifer" : "action or match")
                                      : (nl ? "acties en lucifers" : "actions and matches"),
                window);
        }
        return fmt::format(
            fmt::runtime(nl ? "geen actie of lucifer in de laatste {} — laat zien dat het "
                              "anders kan"
                            : "no action or match in the last {} — show that it can be done "
                              "differently"),
            window);
    }
    if (signal.id == "no-meetings") {
        if (f.meetings_window > 0) {
            return fmt::format(
                fmt::runtime(nl ? "maar {} {} in de laatste {} — organiseer er meer waar "
                                  "anderen kunnen aansluiten"
                                : "only {} {} in the last {} — organise more where others "
                                  "can join"),
                f.meetings_window,
                f.meetings_window == 1 ? (nl ? "ontmoeting" : "meeting")
                                       : (nl ? "ontmoetingen" : "meetings"),
                window);
        }
        return fmt::format(
            fmt::runtime(nl ? "geen ontmoetingen in de laatste {} — organiseer er een "
                              "waar anderen kunnen aansluiten"
                            : "no meetings in the last {} — organise one where others "
                              "can join"),
            window);
    }
    if (signal.id == "talk-no-action") {
        return fmt::format(
            fmt::runtime(nl ? "{} {} en geen actie in {} — niet blijven praten, maar doen"
                            : "{} {} and no action in {} — stop talking, start doing"),
            f.meetings_period,
            f.meetings_period == 1 ? (nl ? "ontmoeting" : "meeting")
                                   : (nl ? "ontmoetingen" : "meetings"),
            window_phrase(language, f.period.days()));
    }
    if (signal.id == "leadership-missing") {
        return nl ? "leiding nog niet uitgenodigd — geen teamleider, directeur, bestuurder of "
                    "raadslid betrokken"
                  : "leadership not yet invited — no team lead, director, executive or council "
                    "member involved";
    }
    if (signal.id == "no-outside") {
        return nl ? "niemand van buiten — nodig inwoners, initiatiefnemers en partners uit"
                  : "no one from outside — invite residents, initiators and partners";
    }
    if (signal.id == "no-inside") {
        return nl ? "niemand van binnen de organisatie — nodig collega's, teamleiders en "
                    "bestuurders uit"
                  : "no one from inside the organisation — invite colleagues, team leads and "
                    "executives";
    }
    if (signal.id == "too-smooth") {
        return nl ? "te gladjes: geen dilemma's of critici vastgelegd — als het te gladjes gaat, "
                    "doe je iets niet goed"
                  : "too smooth: no dilemmas or critics recorded — if it goes too smoothly, you "
                    "are doing something wrong";
    }
    if (signal.id == "unproven-matches") {
        const bool one = f.unproven_matches == 1;
        return fmt::format(
            fmt::runtime(nl ? (one ? "{} lucifer zonder bewezen effect — leg vast wat hij "
                                     "opleverde"
                                   : "{} lucifers zonder bewezen effect — leg vast wat ze "
                                     "opleverden")
                            : (one ? "{} match without proven effect — record what it achieved"
                                   : "{} matches without proven effect — record what they "
                                     "achieved")),
            f.unproven_matches);
    }
    return signal.id;
}

} // namespace spark
