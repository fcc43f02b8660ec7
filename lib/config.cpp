#include "config.hpp"

#include "toml_reader.hpp"
#include "toml_writer.hpp"

#include <fmt/format.h>

namespace spark {

bool Recess::contains(const Date& date) const {
    const int at = date.month * 100 + date.day;
    const int from = from_month * 100 + from_day;
    const int to = to_month * 100 + to_day;
    return from <= to ? from <= at && at <= to : at >= from || at <= to; // over New Year
}

namespace {

void read_threshold(FieldReader& fields, std::string_view key, int& value, int minimum) {
    if (auto read = fields.integer(key)) {
        if (*read < minimum || *read > 100000) {
            fields.error(fields.position(key),
                         fmt::format("'{}' must be between {} and 100000", key, minimum));
        } else {
            value = static_cast<int>(*read);
        }
    }
}

// "07-13": a month and a day that exist in a leap year.
std::optional<std::pair<int, int>> parse_month_day(std::string_view text) {
    if (text.size() != 5 || text[2] != '-') {
        return std::nullopt;
    }
    auto digits = [&](std::size_t at) -> int {
        const char a = text[at];
        const char b = text[at + 1];
        return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
    };
    const int month = digits(0);
    const int day = digits(3);
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(2024, month)) {
        return std::nullopt;
    }
    return std::pair{month, day};
}

void read_recess(FieldReader& fields, GaugeSettings& gauge) {
    const toml::array* periods = fields.array("recess");
    if (periods == nullptr) {
        return;
    }
    constexpr std::string_view expected =
        "'recess' must be a list of [\"MM-DD\", \"MM-DD\"] pairs, like [[\"07-13\", \"08-31\"]]";
    for (const auto& element : *periods) {
        const auto* pair = element.as_array();
        std::optional<std::pair<int, int>> from;
        std::optional<std::pair<int, int>> to;
        if (pair != nullptr && pair->size() == 2 && (*pair)[0].is_string() &&
            (*pair)[1].is_string()) {
            from = parse_month_day(*(*pair)[0].value<std::string>());
            to = parse_month_day(*(*pair)[1].value<std::string>());
        }
        if (!from || !to) {
            fields.error(position_of(element.source()), std::string(expected));
            continue;
        }
        gauge.recess.push_back(Recess{from->first, from->second, to->first, to->second});
    }
}

void read_gauge(FieldReader& fields, GaugeSettings& gauge) {
    read_threshold(fields, "window_days", gauge.window_days, 1);
    read_threshold(fields, "min_new_people", gauge.min_new_people, 0);
    read_threshold(fields, "min_generations", gauge.min_generations, 0);
    read_threshold(fields, "min_groups", gauge.min_groups, 0);
    read_threshold(fields, "min_leaders", gauge.min_leaders, 0);
    read_threshold(fields, "min_oxygen", gauge.min_oxygen, 0);
    read_threshold(fields, "min_actions", gauge.min_actions, 0);
    read_threshold(fields, "min_meetings", gauge.min_meetings, 0);
    read_threshold(fields, "min_friction_percent", gauge.min_friction_percent, 0);
    if (gauge.min_friction_percent > 100) {
        fields.error(fields.position("min_friction_percent"),
                     "'min_friction_percent' must be between 0 and 100");
    }
    // The older name of the same threshold, from before friction was a share of meetings.
    read_threshold(fields, "min_dilemmas_and_critics", gauge.min_friction_meetings, 0);
    read_threshold(fields, "min_friction_meetings", gauge.min_friction_meetings, 0);
    read_threshold(fields, "min_proven_matches", gauge.min_proven_matches, 0);
    read_threshold(fields, "late_weeks", gauge.late_weeks, 1);
    read_recess(fields, gauge);
}

} // namespace

std::string emit_config(const Config& config) {
    TomlWriter w;
    w.string("name", config.name);
    if (!config.organisation.empty()) {
        w.string("organisation", config.organisation);
    }
    w.string("language", config.language);
    w.date("started", config.started);
    if (config.git_autocommit) {
        w.table("git");
        w.boolean("autocommit", *config.git_autocommit);
    }
    return w.str();
}

std::optional<Config> read_config(std::string_view bytes, const std::string& path,
                                  std::vector<Diagnostic>& diagnostics) {
    auto table = parse_toml_document(bytes, path, diagnostics);
    if (!table) {
        return std::nullopt;
    }
    FieldReader fields(*table, path, diagnostics);
    Config config;
    config.name = fields.string("name", true).value_or("");
    config.organisation = fields.string("organisation").value_or("");
    if (auto language = fields.string("language")) {
        if (*language == "nl" || *language == "en") {
            config.language = *language;
        } else {
            fields.error(fields.position("language"),
                         fmt::format("unknown language '{}' (expected nl or en)", *language));
        }
    }
    if (auto started = fields.date("started")) {
        config.started = *started;
    }
    bool git_ok = true;
    if (const auto* git = fields.subtable("git")) {
        FieldReader git_fields(*git, path, diagnostics);
        config.git_autocommit = git_fields.boolean("autocommit");
        git_fields.reject_unknown_keys();
        git_ok = git_fields.ok();
    }
    bool gauge_ok = true;
    if (const auto* gauge = fields.subtable("gauge")) {
        FieldReader gauge_fields(*gauge, path, diagnostics);
        read_gauge(gauge_fields, config.gauge);
        gauge_fields.reject_unknown_keys();
        gauge_ok = gauge_fields.ok();
    }
    fields.reject_unknown_keys();
    if (!fields.ok() || !git_ok || !gauge_ok) {
        return std::nullopt;
    }
    return config;
}

} // namespace spark
