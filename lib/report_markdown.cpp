#include "markdown.hpp"
#include "report.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

namespace {

class MarkdownReport {
  public:
    MarkdownReport(const Config& config, const Records& records, const Figures& figures,
                   const Gauge& gauge, const ReportOptions& options)
        : config_(config), records_(records), f_(figures), gauge_(gauge), options_(options),
          w_(words(options.language)), names_(records, figures, options.language, options.names) {}

    std::string render() {
        header();
        fire_gauge();
        signals();
        growth();
        spread();
        log();
        meetings();
        const char* note = options_.names == NamesMode::all    ? w_.privacy_note_all
                           : options_.names == NamesMode::none ? w_.privacy_note_none
                                                               : w_.privacy_note;
        // Every section ends with a blank line; "---" right under a text line would turn it
        // into a heading.
        out_ += fmt::format("{}---\n\n*{}*\n", out_.ends_with("\n\n") ? "" : "\n", note);
        return std::move(out_);
    }

  private:
    Language language() const { return options_.language; }
    long window_days() const { return f_.window.days(); }

    std::string person(const std::string& id) const { return markdown_text(names_(id)); }

    // Free text from the records: hidden people's names replaced, then made inert.
    std::string text(std::string_view user_text) const {
        return markdown_text(names_.redact(user_text));
    }

    std::string people(const std::vector<std::string>& ids) const {
        std::vector<std::string> labels;
        for (const auto& id : ids) {
            labels.push_back(person(id));
        }
        return join(labels, ", ");
    }

    void chart(const std::string& body) {
        switch (options_.mermaid) {
        case MermaidStyle::fenced:
            out_ += "```mermaid\n" + body + "```\n\n";
            break;
        case MermaidStyle::azure:
            out_ += "::: mermaid\n" + body + ":::\n\n";
            break;
        case MermaidStyle::off:
            break;
        }
    }

    void header() {
        out_ += fmt::format("# {} — {}\n\n", markdown_text(config_.name), w_.report);
        std::vector<std::string> parts;
        if (!config_.organisation.empty()) {
            parts.push_back(fmt::format("**{}**", markdown_text(config_.organisation)));
        }
        parts.push_back(fmt::format("{}: {} – {}", w_.period,
                                    long_date(language(), f_.period.since),
                                    long_date(language(), f_.period.until)));
        parts.push_back(
            fmt::format("{} {}", w_.generated, long_date(language(), options_.generated)));
        out_ += join(parts, " · ") + "\n\n";
    }

    std::string criterion_value(const Criterion& c) const {
        if (c.id == "inside-outside") {
            const int total = f_.inside_people + f_.outside_people;
            const int share = total == 0 ? 0 : (100 * f_.outside_people + total / 2) / total;
            return fmt::format("{} {}, {} {} ({}%)", f_.inside_people, w_.inside, f_.outside_people,
                               w_.outside, share);
        }
        return std::to_string(c.value);
    }

    void fire_gauge() {
        out_ += fmt::format("## {}\n\n", w_.gauge);
        out_ += fmt::format("**{}: {}** — {}\n\n", w_.state, state_name(language(), gauge_.state),
                            state_explanation(language(), gauge_.state));
        out_ += fmt::format("| {} | {} | {} | |\n|---|---:|---:|:---:|\n", w_.criterion, w_.value,
                            w_.threshold);
        for (const auto& c : gauge_.criteria) {
            const std::string threshold =
                c.id == "inside-outside" ? w_.both : fmt::format("≥ {}", c.threshold);
            out_ += fmt::format("| {} | {} | {} | {} |\n",
                                criterion_label(language(), c.id, window_days()),
                                criterion_value(c), threshold, c.pass ? "✓" : "✗");
        }
        std::vector<std::string> reached;
        for (Group group : all_groups) {
            if (!is_outside(group)) {
                auto found = f_.people_per_group.find(group);
                reached.push_back(group_count(
                    language(), group, found == f_.people_per_group.end() ? 0 : found->second));
            }
        }
        reached.push_back(fmt::format("{} {}", f_.outside_people, w_.from_outside));
        out_ += fmt::format("\n{}: {}\n\n", w_.reached, join(reached, " · "));
    }

    void signals() {
        out_ += fmt::format("## {}\n\n", w_.signals);
        if (gauge_.signals.empty()) {
            out_ += fmt::format("{}\n\n", w_.no_signals);
            return;
        }
        for (const auto& signal : gauge_.signals) {
            out_ += fmt::format("- {} (`{}`)\n", signal_message(language(), signal, f_), signal.id);
        }
        out_ += "\n";
    }

    std::string month_label(const MonthFigures& m) const {
        const bool one_year = f_.months.front().year == f_.months.back().year;
        return one_year ? month_abbreviation(language(), m.month)
                        : fmt::format("{} {}", month_abbreviation(language(), m.month), m.year);
    }

    void growth() {
        out_ += fmt::format("## {}\n\n", w_.growth);
        std::vector<std::string> labels;
        std::vector<std::string> new_people;
        std::vector<std::string> totals;
        int top = 1;
        for (const auto& m : f_.months) {
            labels.push_back("\"" + month_label(m) + "\"");
            new_people.push_back(std::to_string(m.new_people));
            totals.push_back(std::to_string(m.people));
            top = std::max({top, m.people, m.new_people});
        }
        if (options_.mermaid == MermaidStyle::azure) {
            // Azure DevOps renders only the older diagram types (no xychart, Mermaid < 10.3):
            // a pie of the newcomers per month, months without newcomers left out.
            std::string pie = fmt::format("pie title {}\n", w_.growth_pie_title);
            for (const auto& m : f_.months) {
                if (m.new_people > 0) {
                    pie += fmt::format("    \"{}\" : {}\n", month_label(m), m.new_people);
                }
            }
            if (pie.find(" : ") != std::string::npos) {
                chart(pie);
            }
        } else {
            chart(fmt::format("xychart-beta\n"
                              "    title \"{}\"\n"
                              "    x-axis [{}]\n"
                              "    y-axis \"{}\" 0 --> {}\n"
                              "    bar [{}]\n"
                              "    line [{}]\n",
                              w_.growth_chart_title, join(labels, ", "), w_.people_axis, top,
                              join(new_people, ", "), join(totals, ", ")));
        }
        out_ += fmt::format("| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---:|\n",
                            w_.month, w_.new_people, w_.people_total, w_.entries, w_.meetings,
                            w_.attendance);
        for (const auto& m : f_.months) {
            out_ +=
                fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", month_name(language(), m.month),
                            m.year, m.new_people, m.people, m.entries, m.meetings, m.attendance);
        }
        out_ += "\n";
    }

    void spread() {
        out_ += fmt::format("## {}\n\n{}\n\n", w_.spread, w_.spread_intro);
        if (f_.involved.empty()) {
            return;
        }
        std::string graph = "graph TD\n";
        if (f_.involved.size() <= options_.max_graph_people) {
            std::unordered_map<std::string, std::size_t> node;
            for (std::size_t i = 0; i < f_.involved.size(); ++i) {
                node[f_.involved[i].person->id] = i;
            }
            std::vector<std::string> core;
            for (std::size_t i = 0; i < f_.involved.size(); ++i) {
                const auto& facts = f_.involved[i];
                graph +=
                    fmt::format("    p{}[\"{}\"]\n", i, mermaid_label(names_(facts.person->id)));
                if (facts.generation == 0) {
                    core.push_back(fmt::format("p{}", i));
                }
            }
            for (std::size_t i = 0; i < f_.involved.size(); ++i) {
                auto inviter = node.find(f_.involved[i].person->invited_by);
                if (inviter != node.end()) {
                    graph += fmt::format("    p{} --> p{}\n", inviter->second, i);
                }
            }
            if (!core.empty()) {
                graph += "    classDef core fill:#f96,stroke:#c60\n";
                graph += fmt::format("    class {} core\n", join(core, ","));
            }
        } else {
            for (std::size_t g = 0; g < f_.people_per_generation.size(); ++g) {
                graph += fmt::format("    g{}[\"{} {}: {}\"]\n", g, w_.generation, g,
                                     f_.people_per_generation[g]);
                if (g > 0) {
                    graph += fmt::format("    g{} --> g{}\n", g - 1, g);
                }
            }
        }
        chart(graph);
        out_ +=
            fmt::format("| {} | {} | {} |\n|---:|---:|---|\n", w_.generation, w_.people, w_.who);
        for (std::size_t g = 0; g < f_.people_per_generation.size(); ++g) {
            std::vector<std::string> who;
            for (const auto& facts : f_.involved) {
                if (facts.generation == static_cast<int>(g) && who.size() < 15) {
                    who.push_back(person(facts.person->id));
                }
            }
            const int count = f_.people_per_generation[g];
            std::string list = join(who, ", ");
            if (count > static_cast<int>(who.size())) {
                list += " " + fmt::format(fmt::runtime(w_.more_people), count - who.size());
            }
            out_ += fmt::format("| {}{} | {} | {} |\n", g,
                                g == 0 ? fmt::format(" ({})", w_.core) : "", count, list);
        }
        out_ += "\n";
    }

    void log() {
        out_ += fmt::format("## {}\n\n", w_.log);
        for (Kind kind : all_kinds) {
            std::vector<const Entry*> entries;
            for (const auto* entry : f_.entries) {
                if (entry->kind == kind) {
                    entries.push_back(entry);
                }
            }
            out_ += fmt::format("### {} ({})\n\n", kind_heading(language(), kind), entries.size());
            if (entries.empty()) {
                out_ += fmt::format("{}\n\n", w_.no_entries);
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
            if (effects) {
                out_ += fmt::format("| {} | {} | {} | {} |\n|---|---|---|---|\n", w_.date, w_.title,
                                    w_.people, w_.effect);
            } else {
                out_ +=
                    fmt::format("| {} | {} | {} |\n|---|---|---|\n", w_.date, w_.title, w_.people);
            }
            for (std::size_t i = skip; i < entries.size(); ++i) {
                const Entry& e = *entries[i];
                out_ +=
                    fmt::format("| {} | {} | {} |", e.date.iso(), text(e.title), people(e.people));
                out_ += effects ? fmt::format(" {} |\n", text(e.effect)) : "\n";
            }
            if (skip > 0) {
                out_ += "\n" + fmt::format(fmt::runtime(w_.earlier_entries), skip, name_of(kind)) +
                        "\n";
            }
            out_ += "\n";
        }
    }

    void bullet_list(const char* heading, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        out_ += fmt::format("**{}**\n\n", heading);
        for (const auto& item : items) {
            out_ += fmt::format("- {}\n", text(item));
        }
        out_ += "\n";
    }

    void meetings() {
        out_ += fmt::format("## {}\n\n", w_.meetings);
        if (f_.meetings.empty()) {
            out_ += fmt::format("{}\n\n", w_.no_meetings);
            return;
        }
        const std::size_t skip = f_.meetings.size() > options_.max_meetings
                                     ? f_.meetings.size() - options_.max_meetings
                                     : 0;
        for (std::size_t i = skip; i < f_.meetings.size(); ++i) {
            const Meeting& m = *f_.meetings[i];
            out_ += fmt::format("### {} — {}\n\n", long_date(language(), m.date), text(m.title));
            std::vector<std::string> facts;
            facts.push_back(fmt::format("{}: {}", w_.setting, setting_name(language(), m.setting)));
            if (!m.place.empty()) {
                facts.push_back(fmt::format("{}: {}", w_.place, text(m.place)));
            }
            facts.push_back(fmt::format("{}: {}", w_.attendees, m.attendees.size()));
            const auto fresh = newcomers(m, f_.involvement);
            facts.push_back(fresh.empty() ? fmt::format("{}: 0", w_.newcomers)
                                          : fmt::format("{}: {} ({})", w_.newcomers, fresh.size(),
                                                        people(fresh)));
            out_ += join(facts, " · ") + "\n\n";
            if (!m.attendees.empty()) {
                out_ += fmt::format("{}: {}\n\n", w_.attendees, people(m.attendees));
            }
            bullet_list(w_.questions, m.questions);
            bullet_list(w_.dilemmas, m.dilemmas);
            bullet_list(w_.outcomes, m.outcomes);
            bullet_list(w_.followups, m.followups);
        }
        if (skip > 0) {
            out_ += fmt::format(fmt::runtime(w_.earlier_meetings), skip) + "\n\n";
        }
    }

    const Config& config_;
    const Records& records_;
    const Figures& f_;
    const Gauge& gauge_;
    const ReportOptions& options_;
    const Words& w_;
    DisplayNames names_;
    std::string out_;
};

} // namespace

std::string render_markdown_report(const Config& config, const Records& records,
                                   const Figures& figures, const Gauge& gauge,
                                   const ReportOptions& options) {
    return MarkdownReport(config, records, figures, gauge, options).render();
}

} // namespace spark
