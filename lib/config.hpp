#pragma once

#include "date.hpp"
#include "error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace spark {

// spark.toml: what the workspace is about and how spark behaves in it.
struct Config {
    std::string name;
    std::string organisation;
    std::string language = "nl"; // nl | en
    Date started;
    std::optional<bool> git_autocommit; // unset: on when the workspace is in a git repository
};

std::string emit_config(const Config& config);

// Reads spark.toml; problems go to `diagnostics` (path as given).
std::optional<Config> read_config(std::string_view bytes, const std::string& path,
                                  std::vector<Diagnostic>& diagnostics);

} // namespace spark
