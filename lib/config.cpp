#include "config.hpp"

#include "toml_reader.hpp"
#include "toml_writer.hpp"

#include <fmt/format.h>

namespace spark {

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

void read_gauge(FieldReader& fields, GaugeSettings& gauge) {
    read_threshold(fields, "window_days", gauge.window_days, 1);
    read_threshold(fields, "min_new_people", gauge.min_new_people, 0);
    read_threshold(fields, "min_generations", gauge.min_generations, 0);
    read_threshold(fields, "min_groups", gauge.min_groups, 0);
    read_threshold(fields, "min_actions", gauge.min_actions, 0);
    read_threshold(fields, "min_proven_matches", gauge.min_proven_matches, 0);
    read_threshold(fields, "min_meetings", gauge.min_meetings, 0);
    read_threshold(fields, "min_dilemmas_and_critics", gauge.min_dilemmas_and_critics, 0);
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
