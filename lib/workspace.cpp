#include "workspace.hpp"

#include "error.hpp"
#include "storage.hpp"

#include <fmt/format.h>

namespace spark {

std::optional<fs::path> find_workspace_root(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    if (ec) {
        return std::nullopt;
    }
    dir = dir.lexically_normal();
    while (true) {
        if (fs::is_regular_file(dir / config_file_name, ec)) {
            return dir;
        }
        if (dir == dir.root_path() || dir.parent_path() == dir) {
            return std::nullopt;
        }
        dir = dir.parent_path();
    }
}

Workspace open_workspace(const fs::path& start, const char* spark_dir) {
    fs::path root;
    if (spark_dir != nullptr && *spark_dir != '\0') {
        root = fs::absolute(spark_dir).lexically_normal();
        if (!fs::is_regular_file(root / config_file_name)) {
            throw Error(fmt::format("SPARK_DIR '{}' is not a spark workspace (no {})", spark_dir,
                                    config_file_name));
        }
    } else if (auto found = find_workspace_root(start)) {
        root = *found;
    } else {
        throw Error("not a spark workspace (or any parent folder): no spark.toml found; "
                    "create one with 'spark init'");
    }
    std::vector<Diagnostic> diagnostics;
    auto config = read_config(read_file(root / config_file_name), config_file_name, diagnostics);
    if (!config) {
        throw DataError(std::move(diagnostics));
    }
    Workspace workspace;
    workspace.root = root;
    workspace.config = std::move(*config);
    return workspace;
}

} // namespace spark
