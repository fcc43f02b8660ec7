#include "confinement.hpp"

#include "error.hpp"

#include <fmt/format.h>
#include <optional>

namespace spark {

namespace fs = std::filesystem;

namespace {

// Where the folder leads when it leaves the workspace (or "nowhere"); nullopt when it stays.
std::optional<std::string> leads_outside(const fs::path& root, const std::string& relative_dir) {
    std::error_code ec;
    const fs::path real_root = fs::canonical(root, ec);
    if (ec) {
        return std::nullopt; // no workspace to leave; the write itself will report it
    }
    // The deepest part of the path that exists; what does not exist yet is made inside it.
    fs::path path = root;
    fs::path existing = root;
    for (const auto& part : fs::path(relative_dir).lexically_normal()) {
        if (part.empty() || part == ".") {
            continue;
        }
        path /= part;
        const auto status = fs::symlink_status(path, ec);
        if (ec || status.type() == fs::file_type::not_found) {
            break;
        }
        existing = path;
    }
    const fs::path real = fs::canonical(existing, ec);
    if (ec) {
        return std::string("nowhere"); // a link to something that does not exist
    }
    const fs::path inside = real.lexically_relative(real_root);
    if (inside.empty() || *inside.begin() == "..") {
        return real.string();
    }
    return std::nullopt;
}

} // namespace

bool stays_inside_workspace(const fs::path& root, const std::string& relative_dir) {
    return !leads_outside(root, relative_dir);
}

void refuse_writing_outside(const fs::path& root, const std::string& relative_dir) {
    if (auto where = leads_outside(root, relative_dir)) {
        throw Error(fmt::format("'{}' is a symbolic link that leads outside the workspace (to "
                                "'{}'); spark does not write there. Make it a folder of the "
                                "workspace, or a link inside it",
                                relative_dir, *where));
    }
}

} // namespace spark
