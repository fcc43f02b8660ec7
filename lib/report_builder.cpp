#include "followups.hpp"
#include "report.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace spark {

namespace {

// spark's own words: trusted not to form markup.
Span fixed_span(std::string text, Span::Style style = Span::Style::plain) {
    return Span{std::move(text), style, true};
}

// Text that comes from the records (after redaction): escaped fully by every renderer.
Span user_span(std::string text, Span::Style style = Span::Style::plain) {
    return Span{std::move(text), style, false};
}

TableColumn column(std::string heading, Align align = Align::left) {
    return TableColumn{{fixed_span(std::move(heading))}, align};
}

TableCell cell(Spans spans) {
    return TableCell{std::move(spans), false, {}};
}

TableCell number_cell(long value) {
    return TableCell{{fixed_span(std::to_string(value))}, false, value};
}

// A sentence starts with a capital: "al 14 weken …" → "Al 14 weken …".
std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

// Builds the report's sections one by one. A new section is one member function and one line
// in build().
class ReportBuilder {
  public:
    ReportBuilder(const Config& config, const Records& records, const Analysis& analysis,
                  const ReportOptions& options)
        : config_(config), records_(records), analysis_(analysis), f_(analysis.figures),
          gauge_(analysis.gauge), options_(options), w_(words(options.language)),
          names_(records, analysis.figures, options.language, options.names) {}

    ReportDocument build() {
        doc_.language = language();
        header();
        fire_gauge();
        signals();
        elements();
        growth();
        spread();
        stokers();
        log();
        meetings();
        const char* note = options_.names == NamesMode::all    ? w_.privacy_note_all
                           : options_.names == NamesMode::none ? w_.privacy_note_none
                                                               : w_.privacy_note;
        doc_.closing = {fixed_span(note, Span::Style::emphasis)};
        return std::move(doc_);
    }

  private:
    Language language() const { return options_.language; }
    long window_days() const { return f_.window.days(); }

    // A date in a table: "6 jul 2026", short enough for a narrow column, kept on one line.
    std::string table_date(const Date& date) const {
        return fmt::format("{} {} {}", date.day, month_abbreviation(language(), date.month),
                           date.year);
    }

    // A person as the report names them: by name, or by group and number when hidden.
    Span person(const std::string& id) const { return user_span(names_(id)); }

    // Free text from the records, with hidden people's names replaced.
    Span text(std::string_view user_text, Span::Style style = Span::Style::plain) const {
        return user_span(names_.redact(user_text), style);
    }

    // "Anna de Vries, inwoner 1, …"
    void append_people(Spans& spans, const std::vector<std::string>& ids) const {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i > 0) {
                spans.push_back(fixed_span(", "));
            }
            spans.push_back(person(ids[i]));
        }
    }

    Spans people(const std::vector<std::string>& ids) const {
        Spans spans;
        append_people(spans, ids);
        return spans;
    }

    ReportSection& section(std::string id, const char* heading) {
        doc_.sections.push_back(ReportSection{std::move(id), {fixed_span(heading)}, {}});
        return doc_.sections.back();
    }

    void header() {
        doc_.title = {user_span(config_.name), fixed_span(fmt::format(" — {}", w_.report))};
        Spans& summary = doc_.summary;
        if (!config_.organisation.empty()) {
            summary.push_back(user_span(config_.organisation, Span::Style::strong));
            summary.push_back(fixed_span(" · "));
        }
        summary.push_back(fixed_span(
            fmt::format("{}: {} – {} · {} {}", w_.period, long_date(language(), f_.period.since),
                        long_date(language(), f_.period.until), w_.generated,
                        long_date(language(), options_.generated))));
    }

    // "25 november 2026 (5 dagen geleden)"; for a period that has ended, counted back from
    // its last day.
    std::string last_activity() const {
        if (!f_.last_activity) {
            return w_.no_activity;
        }
        const long days = days_from_civil(f_.window.until) - days_from_civil(*f_.last_activity);
        const std::string elapsed = elapsed_phrase(language(), days);
        const bool nl = language() == Language::nl;
        std::string ago;
        if (!f_.running) {
            ago = fmt::format(fmt::runtime(nl ? "{} voor het einde van de periode"
                                              : "{} before the end of the period"),
                              elapsed);
        } else if (days == 0) {
            ago = w_.today;
        } else if (days == 1) {
            ago = w_.yesterday;
        } else {
            ago = fmt::format(fmt::runtime(nl ? "{} geleden" : "{} ago"), elapsed);
        }
        return fmt::format("{} ({})", long_date(language(), *f_.last_activity), ago);
    }

    void fire_gauge() {
        auto& s = section("gauge", w_.gauge);
        s.blocks.push_back(Paragraph{{
            fixed_span(fmt::format("{}: {}", w_.state, state_name(language(), gauge_.state)),
                       Span::Style::strong),
            fixed_span(fmt::format(" — {}", state_explanation(language(), gauge_, f_))),
        }});
        s.blocks.push_back(
            Paragraph{{fixed_span(fmt::format("{}: {}", w_.last_activity, last_activity()))}});
        Table table{{column(w_.criterion), column(w_.value, Align::right),
                     column(w_.threshold, Align::right), column("", Align::center)},
                    {}};
        for (const auto& c : gauge_.criteria) {
            std::string mark = c.pass ? "✓" : "✗";
            if (c.days_left) {
                mark += " " + fmt::format(fmt::runtime(w_.days_left),
                                          days_phrase(language(), *c.days_left));
            }
            table.rows.push_back({
                cell({fixed_span(criterion_label(language(), c, f_))}),
                cell({fixed_span(criterion_value(language(), c))}),
                cell({fixed_span(criterion_threshold(language(), c))}),
                TableCell{{fixed_span(mark)}, true, {}},
            });
        }
        s.blocks.push_back(std::move(table));
        std::vector<std::string> reached;
        for (Group group : all_groups) {
            if (!is_outside(group)) {
                auto found = f_.people_per_group.find(group);
                reached.push_back(group_count(
                    language(), group, found == f_.people_per_group.end() ? 0 : found->second));
            }
        }
        reached.push_back(fmt::format("{} {}", f_.outside_people, w_.from_outside));
        s.blocks.push_back(
            Paragraph{{fixed_span(fmt::format("{}: {}", w_.reached, join(reached, " · ")))}});
        history(s);
    }

    // "juni 2026" or "juni – augustus 2026"
    std::string months_span(const MonthState& a, const MonthState& b) const {
        if (a.year == b.year && a.month == b.month) {
            return fmt::format("{} {}", month_name(language(), a.month), a.year);
        }
        if (a.year == b.year) {
            return fmt::format("{} – {} {}", month_name(language(), a.month),
                               month_name(language(), b.month), b.year);
        }
        return fmt::format("{} {} – {} {}", month_name(language(), a.month), a.year,
                           month_name(language(), b.month), b.year);
    }

    // The state at the end of each month; months with the same state read as one stretch.
    void history(ReportSection& s) {
        const auto& months = analysis_.history;
        if (months.size() < 2) {
            return;
        }
        s.blocks.push_back(Subheading{{fixed_span(w_.history)}});
        s.blocks.push_back(Paragraph{{fixed_span(w_.history_intro)}});
        Table table{{column(w_.month), column(w_.state)}, {}};
        for (std::size_t first = 0; first < months.size();) {
            std::size_t last = first;
            while (last + 1 < months.size() && months[last + 1].state == months[first].state) {
                ++last;
            }
            table.rows.push_back({cell({fixed_span(months_span(months[first], months[last]))}),
                                  cell({fixed_span(state_name(language(), months[first].state))})});
            first = last + 1;
        }
        s.blocks.push_back(std::move(table));
    }

    NameOf name_of_person() const {
        return [this](const Person& person) {
            return names_(person.id);
        };
    }

    // Advice with the people it names as this report may show them: names are user text,
    // the rest is spark's.
    Spans advice_spans(const Advice& advice) const {
        constexpr std::string_view slot = "{people}";
        const auto at = advice.text.find(slot);
        if (at == std::string::npos) {
            return {fixed_span(advice.text)};
        }
        Spans spans{fixed_span(advice.text.substr(0, at))};
        const auto labels = advice_names(language(), advice, name_of_person());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (i > 0) {
                const bool last = i + 1 == labels.size();
                spans.push_back(fixed_span(!last                        ? ", "
                                           : language() == Language::nl ? " en "
                                                                        : " and "));
            }
            // Past the names shown comes "2 anderen": spark's own words.
            spans.push_back(i < advice.people.size() && i < 3 ? user_span(labels[i])
                                                              : fixed_span(labels[i]));
        }
        spans.push_back(fixed_span(advice.text.substr(at + slot.size())));
        return spans;
    }

    void signals() {
        auto& s = section("signals", w_.signals);
        if (gauge_.signals.empty()) {
            s.blocks.push_back(Paragraph{{fixed_span(w_.no_signals)}});
            return;
        }
        BulletList list;
        for (const auto& signal : gauge_.signals) {
            std::string message = signal_message(language(), signal, f_, gauge_);
            Spans item{
                fixed_span(capitalised(std::move(message)), Span::Style::strong),
                fixed_span(fmt::format(". {}: ", w_.next_step)),
            };
            for (auto& span : advice_spans(signal_advice(language(), signal, f_, gauge_))) {
                item.push_back(std::move(span));
            }
            list.items.push_back(std::move(item));
        }
        s.blocks.push_back(std::move(list));
    }

    // The six things a fire needs, side by side, so a missing one stands out.
    void elements() {
        auto& s = section("elements", w_.elements);
        s.blocks.push_back(Paragraph{{fixed_span(w_.elements_intro)}});
        Table table{{column(w_.element), column(w_.this_period, Align::right),
                     column(w_.previous_period, Align::right), column(w_.last_date)},
                    {}};
        for (const auto& row : kind_terms) {
            const auto& e = f_.elements[static_cast<std::size_t>(row.value)];
            // Before the history started there is nothing to compare with.
            const bool comparable = !(f_.previous.until < f_.start);
            const char* trend = !comparable             ? ""
                                : e.period > e.previous ? " ↑"
                                : e.period < e.previous ? " ↓"
                                                        : "";
            table.rows.push_back({
                cell({fixed_span(std::string(row.heading.in(language())))}),
                cell({fixed_span(fmt::format("{}{}", e.period, trend))}),
                cell({fixed_span(comparable ? std::to_string(e.previous) : "—")}),
                TableCell{{fixed_span(e.last ? table_date(*e.last) : "—")}, true, {}},
            });
        }
        s.blocks.push_back(std::move(table));
    }

    // The pokers and critics by name (as privacy allows) and the departments reached.
    void stokers() {
        auto& s = section("stokers", w_.stokers);
        s.blocks.push_back(Paragraph{{fixed_span(w_.stokers_intro)}});
        auto named = [&](const char* label, const std::vector<const Person*>& people) {
            Spans spans{fixed_span(fmt::format("{}:", label), Span::Style::strong),
                        fixed_span(" ")};
            if (people.empty()) {
                spans.push_back(fixed_span(w_.nobody_recorded));
            }
            for (std::size_t i = 0; i < people.size(); ++i) {
                if (i > 0) {
                    spans.push_back(fixed_span(", "));
                }
                spans.push_back(person(people[i]->id));
            }
            s.blocks.push_back(Paragraph{std::move(spans)});
        };
        named(w_.pokers, f_.pokers);
        named(w_.critics, f_.critics);
        Spans departments{fixed_span(fmt::format("{}:", w_.departments), Span::Style::strong),
                          fixed_span(" ")};
        if (f_.departments.empty()) {
            departments.push_back(fixed_span(w_.nobody_recorded));
        }
        bool first = true;
        for (const auto& [department, count] : f_.departments) {
            departments.push_back(fixed_span(first ? "" : " · "));
            departments.push_back(text(department));
            departments.push_back(fixed_span(fmt::format(" ({})", count)));
            first = false;
        }
        s.blocks.push_back(Paragraph{std::move(departments)});
    }

    // A row of the growth table and a point of its chart: a month, or a quarter when the
    // period is longer than 18 months (the bars would flatten to nothing).
    struct GrowthRow {
        std::string label;      // on the chart: "jun 2026", "jul", …, "jan 2027"; "2027", ""
        std::string long_label; // in the table: "juni 2026", "Q3 2026"
        int new_people = 0;
        int people = 0;
        int entries = 0;
        int meetings = 0;
        int attendance = 0;
    };

    bool quarterly() const { return f_.months.size() > 18; }

    std::vector<GrowthRow> growth_rows() const {
        std::vector<GrowthRow> rows;
        int last_quarter = 0;
        for (const auto& m : f_.months) {
            const int quarter = (m.month - 1) / 3 + 1;
            if (!quarterly()) {
                const std::string name = month_abbreviation(language(), m.month);
                rows.push_back(
                    {rows.empty() || m.month == 1 ? fmt::format("{} {}", name, m.year) : name,
                     fmt::format("{} {}", month_name(language(), m.month), m.year)});
            } else if (rows.empty() || quarter != last_quarter) {
                // Many quarters side by side: the chart names only the years, at their first
                // quarter (and at the start when there is room before the next year).
                const std::string name = fmt::format(fmt::runtime(w_.quarter_label), quarter);
                const bool named = quarter == 1 || (rows.empty() && quarter <= 2);
                rows.push_back({named ? std::to_string(m.year) : std::string(),
                                fmt::format("{} {}", name, m.year)});
            }
            last_quarter = quarter;
            GrowthRow& row = rows.back();
            row.new_people += m.new_people;
            row.people = m.people;
            row.entries += m.entries;
            row.meetings += m.meetings;
            row.attendance += m.attendance;
        }
        return rows;
    }

    void growth() {
        auto& s = section("growth", quarterly() ? w_.growth_per_quarter : w_.growth);
        const auto rows = growth_rows();
        GrowthChart chart{quarterly() ? w_.growth_chart_title_quarter : w_.growth_chart_title,
                          w_.people_axis,
                          w_.growth_legend,
                          {}};
        for (const auto& row : rows) {
            chart.points.push_back({row.label, row.new_people, row.people});
        }
        s.blocks.push_back(std::move(chart));
        Table table{{column(quarterly() ? w_.quarter : w_.month),
                     column(w_.new_people, Align::right), column(w_.people_total, Align::right),
                     column(w_.entries, Align::right), column(w_.meetings, Align::right),
                     column(w_.attendance, Align::right)},
                    {}};
        table.columns[1].bars = true;
        for (const auto& row : rows) {
            table.rows.push_back({
                TableCell{{fixed_span(row.long_label)}, true, {}},
                number_cell(row.new_people),
                number_cell(row.people),
                number_cell(row.entries),
                number_cell(row.meetings),
                number_cell(row.attendance),
            });
        }
        s.blocks.push_back(std::move(table));
    }

    // The spread graph: up to max_graph_people people in order of first involvement, each
    // drawn only with the one who invited them (so no one floats loose), listed generation
    // by generation so the layout reads from the core outwards.
    NetworkChart network() const {
        std::unordered_map<std::string, std::size_t> involved_index;
        for (std::size_t i = 0; i < f_.involved.size(); ++i) {
            involved_index[f_.involved[i].person->id] = i;
        }
        std::vector<std::size_t> drawn; // indexes into f_.involved
        std::unordered_map<std::string, std::size_t> node_of;
        const auto full = [&] {
            return drawn.size() >= options_.max_graph_people;
        };
        // Someone who joined before the one who invited them waits for a later pass.
        for (bool added = true; added && !full();) {
            added = false;
            for (std::size_t i = 0; i < f_.involved.size() && !full(); ++i) {
                const auto& facts = f_.involved[i];
                const auto& inviter = facts.person->invited_by;
                const bool loose = facts.generation > 0 && involved_index.count(inviter) > 0 &&
                                   node_of.count(inviter) == 0;
                if (!loose && node_of.count(facts.person->id) == 0) {
                    node_of[facts.person->id] = drawn.size();
                    drawn.push_back(i);
                    added = true;
                }
            }
        }
        std::sort(drawn.begin(), drawn.end(), [&](std::size_t a, std::size_t b) {
            return std::pair(f_.involved[a].generation, a) <
                   std::pair(f_.involved[b].generation, b);
        });
        NetworkChart chart;
        for (std::size_t n = 0; n < drawn.size(); ++n) {
            const auto& facts = f_.involved[drawn[n]];
            node_of[facts.person->id] = n;
            const auto& group = facts.person->group;
            chart.nodes.push_back({names_(facts.person->id), facts.generation,
                                   facts.generation == 0, group && is_outside(*group)});
        }
        for (std::size_t n = 0; n < drawn.size(); ++n) {
            auto inviter = node_of.find(f_.involved[drawn[n]].person->invited_by);
            if (inviter != node_of.end()) {
                chart.edges.push_back({inviter->second, n});
            }
        }
        std::vector<std::string> caption;
        const auto any = [&](auto flag) {
            return std::any_of(chart.nodes.begin(), chart.nodes.end(), flag);
        };
        if (any([](const NetworkChart::Node& n) { return n.core; })) {
            caption.push_back(w_.spread_legend_core);
        }
        if (any([](const NetworkChart::Node& n) { return n.outside; })) {
            caption.push_back(w_.spread_legend_outside);
        }
        if (drawn.size() < f_.involved.size()) {
            caption.push_back(
                fmt::format(fmt::runtime(w_.spread_cutoff), drawn.size(), f_.involved.size()));
        }
        chart.caption = join(caption, " ");
        for (std::size_t g = 0; g < f_.people_per_generation.size(); ++g) {
            chart.generations.push_back(g == 0 ? fmt::format("{} 0 ({})", w_.generation, w_.core)
                                               : fmt::format("{} {}", w_.generation, g));
        }
        return chart;
    }

    void spread() {
        auto& s = section("spread", w_.spread);
        s.blocks.push_back(Paragraph{{fixed_span(w_.spread_intro)}});
        if (f_.involved.empty()) {
            return;
        }
        s.blocks.push_back(network());
        Table table{
            {column(w_.generation, Align::right), column(w_.people, Align::right), column(w_.who)},
            {}};
        for (std::size_t g = 0; g < f_.people_per_generation.size(); ++g) {
            std::vector<std::string> who;
            for (const auto& facts : f_.involved) {
                if (facts.generation == static_cast<int>(g) && who.size() < 15) {
                    who.push_back(facts.person->id);
                }
            }
            const int count = f_.people_per_generation[g];
            Spans list = people(who);
            if (const std::size_t more = count - who.size(); more > 0) {
                list.push_back(fixed_span(
                    " " +
                    fmt::format(fmt::runtime(more == 1 ? w_.more_person : w_.more_people), more)));
            }
            table.rows.push_back({
                cell({fixed_span(g == 0 ? fmt::format("{} ({})", g, w_.core) : std::to_string(g))}),
                number_cell(count),
                cell(std::move(list)),
            });
        }
        s.blocks.push_back(std::move(table));
    }

    void log() {
        auto& s = section("log", w_.log);
        for (Kind kind : all_kinds) {
            std::vector<const Entry*> entries;
            for (const auto* entry : f_.entries) {
                if (entry->kind == kind) {
                    entries.push_back(entry);
                }
            }
            s.blocks.push_back(Subheading{{fixed_span(
                fmt::format("{} ({})", kind_heading(language(), kind), entries.size()))}});
            if (entries.empty()) {
                s.blocks.push_back(Paragraph{{fixed_span(w_.no_entries)}});
                continue;
            }
            const std::size_t skip = entries.size() > options_.max_entries_per_kind
                                         ? entries.size() - options_.max_entries_per_kind
                                         : 0;
            // Matches always show their effect (an empty cell is a match without proof);
            // other kinds only when one of them has an effect.
            const bool effects = kind == Kind::match ||
                                 std::any_of(entries.begin(), entries.end(),
                                             [](const Entry* e) { return !e->effect.empty(); });
            Table table{{column(w_.date), column(w_.title), column(w_.people)}, {}};
            if (effects) {
                table.columns.push_back(column(w_.effect));
            }
            for (std::size_t i = skip; i < entries.size(); ++i) {
                const Entry& e = *entries[i];
                std::vector<TableCell> row{
                    TableCell{{fixed_span(table_date(e.date))}, true, {}},
                    cell({text(e.title)}),
                    cell(people(e.people)),
                };
                if (effects) {
                    row.push_back(cell({text(e.effect)}));
                }
                table.rows.push_back(std::move(row));
            }
            s.blocks.push_back(std::move(table));
            if (skip > 0) {
                s.blocks.push_back(
                    Paragraph{{fixed_span(fmt::format(fmt::runtime(w_.earlier_entries), skip))}});
            }
        }
    }

    void bullet_list(ReportSection& s, const char* heading, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        s.blocks.push_back(Paragraph{{fixed_span(heading, Span::Style::strong)}});
        BulletList list;
        for (const auto& item : items) {
            list.items.push_back({text(item)});
        }
        s.blocks.push_back(std::move(list));
    }

    void meetings() {
        auto& s = section("meetings", w_.meetings);
        if (f_.meetings.empty()) {
            s.blocks.push_back(Paragraph{{fixed_span(w_.no_meetings)}});
            return;
        }
        const std::size_t skip = f_.meetings.size() > options_.max_meetings
                                     ? f_.meetings.size() - options_.max_meetings
                                     : 0;
        for (std::size_t i = skip; i < f_.meetings.size(); ++i) {
            const Meeting& m = *f_.meetings[i];
            s.blocks.push_back(
                Subheading{{fixed_span(long_date(language(), m.date) + " — "), text(m.title)}});
            Spans facts{fixed_span(fmt::format(
                "{}: {}", w_.setting, setting_name(language(), setting_of(m, records_.people))))};
            if (!m.place.empty()) {
                facts.push_back(fixed_span(fmt::format(" · {}: ", w_.place)));
                facts.push_back(text(m.place));
            }
            facts.push_back(fixed_span(fmt::format(" · {}: {}", w_.attendees, m.attendees.size())));
            const auto fresh = newcomers(m, f_.involvement());
            if (fresh.empty()) {
                facts.push_back(fixed_span(fmt::format(" · {}: 0", w_.newcomers)));
            } else {
                facts.push_back(fixed_span(fmt::format(" · {}: {} (", w_.newcomers, fresh.size())));
                append_people(facts, fresh);
                facts.push_back(fixed_span(")"));
            }
            s.blocks.push_back(Paragraph{std::move(facts)});
            if (!m.attendees.empty()) {
                Spans attendees{fixed_span(fmt::format("{}: ", w_.attendees))};
                append_people(attendees, m.attendees);
                s.blocks.push_back(Paragraph{std::move(attendees)});
            }
            bullet_list(s, w_.questions, m.questions);
            bullet_list(s, w_.dilemmas, m.dilemmas);
            bullet_list(s, w_.outcomes, m.outcomes);
            std::vector<std::string> open; // those marked done are no longer news
            for (auto& followup : open_followups(m, f_.period.until)) {
                open.push_back(std::move(followup.text));
            }
            bullet_list(s, w_.followups, open);
        }
        if (skip > 0) {
            s.blocks.push_back(
                Paragraph{{fixed_span(fmt::format(fmt::runtime(w_.earlier_meetings), skip))}});
        }
    }

    const Config& config_;
    const Records& records_;
    const Analysis& analysis_;
    const Figures& f_;
    const Gauge& gauge_;
    const ReportOptions& options_;
    const Words& w_;
    DisplayNames names_;
    ReportDocument doc_;
};

} // namespace

std::string plain_text(const Spans& spans) {
    std::string out;
    for (const auto& span : spans) {
        out += span.text;
    }
    return out;
}

ReportDocument build_report(const Config& config, const Records& records, const Analysis& analysis,
                            const ReportOptions& options) {
    return ReportBuilder(config, records, analysis, options).build();
}

} // namespace spark
