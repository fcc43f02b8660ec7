#pragma once

#include "config.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

namespace spark {

namespace fs = std::filesystem;

inline constexpr const char* config_file_name = "spark.toml";
inline constexpr const char* people_dir = "people";
inline constexpr const char* log_dir = "log";
inline constexpr const char* meetings_dir = "meetings";

struct Workspace {
    fs::path root;
    Config config;
    // Whether loading may reuse .spark/cache/ (--no-cache and SPARK_NO_CACHE=1 turn it off).
    bool use_cache = true;
    // The clock for the cache's racy-stamp rule (see LoadOptions); unset: the real one.
    std::function<std::int64_t()> now_ns;
};

// The nearest folder at or above `start` holding spark.toml.
std::optional<fs::path> find_workspace_root(const fs::path& start);

// The workspace named by SPARK_DIR (when `spark_dir` is set) or found from `start`.
// Throws Error when there is none or spark.toml is broken.
Workspace open_workspace(const fs::path& start, const char* spark_dir);

} // namespace spark
