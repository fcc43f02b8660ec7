#include "config.hpp"

#include "toml_reader.hpp"
#include "toml_writer.hpp"

#include <fmt/format.h>

namespace spark {

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
    // Later sections ([gauge]) are read by the modules that own them.
    fields.subtable("gauge");
    fields.reject_unknown_keys();
    if (!fields.ok() || !git_ok) {
        return std::nullopt;
    }
    return config;
}

} // namespace spark
