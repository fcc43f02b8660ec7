#include "status_view.hpp"

#include "names.hpp"
#include "terminal.hpp"
#include "text.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

namespace spark {

namespace {

fmt::text_style style_of(FireState state) {
    switch (state) {
    case FireState::running_fire:
        return fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold;
    case FireState::smouldering:
        return fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold;
    case FireState::straw_fire:
        return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
    case FireState::spark:
        return fmt::fg(fmt::terminal_color::cyan) | fmt::emphasis::bold;
    case FireState::no_fire:
        break;
    }
    return fmt::emphasis::bold;
}

std::string ago(Language language, const Date& today, const Date& then) {
    const long days = days_from_civil(today) - days_from_civil(then);
    const Words& w = words(language);
    if (days == 0) {
        return w.today;
    }
    return days == 1 ? w.yesterday : fmt::format(fmt::runtime(w.days_ago), days);
}

} // namespace

std::string render_status(const Config& config, const Analysis& analysis, const DisplayNames& names,
                          Language language, bool color, std::size_t max_signals) {
    const Figures& f = analysis.figures;
    const Gauge& gauge = analysis.gauge;
    const Words& w = words(language);
    const NameOf label_of = [&](const Person& person) {
        return terminal_line(names(person.id));
    };

    const std::string state =
        fmt::format("{} ({})", state_name(language, gauge.state), id_of(gauge.state));
    std::string out = fmt::format("{}: {}\n", terminal_line(config.name),
                                  color ? fmt::format(style_of(gauge.state), "{}", state) : state);
    out += "  " + state_explanation(language, gauge, f) + "\n";
    out += "  " +
           fmt::format(fmt::runtime(w.involved),
                       people_count(language, static_cast<long>(f.involved.size())),
                       f.newcomers_window.size(), window_phrase(language, f.window_days)) +
           "\n";
    auto last = [&](const char* label, const auto* record) {
        if (record == nullptr) {
            out += fmt::format("  {}: {}\n", label, w.nothing_yet);
        } else {
            out += fmt::format("  {}: {} ({}) {}\n", label, record->date.iso(),
                               ago(language, f.today, record->date),
                               terminal_line(names.redact(record->title)));
        }
    };
    last(w.last_entry, f.last_entry);
    last(w.last_meeting, f.last_meeting);
    if (f.followups_scope > 0) {
        out += "  " + fmt::format(fmt::runtime(w.open_followups), f.open_followups_scope) + "\n";
    }
    for (std::size_t i = 0; i < gauge.signals.size() && i < max_signals; ++i) {
        const Signal& signal = gauge.signals[i];
        const std::string mark =
            color ? fmt::format(fmt::fg(fmt::terminal_color::yellow), "!") : "!";
        out += fmt::format("  {} {}\n", mark, signal_message(language, signal, f, gauge));
        out += fmt::format(
            "    → {}\n",
            spell_advice(language, signal_advice(language, signal, f, gauge), label_of));
    }
    if (gauge.signals.size() > max_signals) {
        out += "  " +
               fmt::format(fmt::runtime(w.more_signals), gauge.signals.size() - max_signals) + "\n";
    }
    return out;
}

} // namespace spark
