#include "confinement.hpp"

#include "error.hpp"

#include <fmt/format.h>
#include <optional>

namespace spark {

namespace fs = std::filesystem;

namespace {

struct Link {
    std::string at;    // relative to the root
    std::string leads; // its target as written
};

// The first symbolic link on the way from `root` to `relative_dir`, if any.
std::optional<Link> link_on_the_way(const fs::path& root, const std::string& relative_dir) {
    fs::path path = root;
    fs::path relative;
    std::error_code ec;
    for (const auto& part : fs::path(relative_dir).lexically_normal()) {
        if (part.empty() || part == ".") {
            continue;
        }
        path /= part;
        relative /= part;
        const auto status = fs::symlink_status(path, ec);
        if (ec || status.type() == fs::file_type::not_found) {
            return std::nullopt; // the rest is made by spark, as real folders
        }
        if (status.type() == fs::file_type::symlink) {
            return Link{relative.string(), fs::read_symlink(path, ec).string()};
        }
    }
    return std::nullopt;
}

} // namespace

bool stays_inside_workspace(const fs::path& root, const std::string& relative_dir) {
    return !link_on_the_way(root, relative_dir);
}

void refuse_writing_outside(const fs::path& root, const std::string& relative_dir) {
    if (auto link = link_on_the_way(root, relative_dir)) {
        throw Error(fmt::format("'{}' is a symbolic link (to '{}'); spark writes only into "
                                "folders of the workspace, never through a link, so nothing "
                                "lands outside it. Make '{}' a folder",
                                link->at, link->leads, link->at));
    }
}

} // namespace spark
