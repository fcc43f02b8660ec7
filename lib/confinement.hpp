#pragma once

#include <filesystem>
#include <string>

namespace spark {

// A workspace may hold symbolic links (committed to git, or made by someone with access to
// the folder). As spark reads only real folders of the workspace (records.hpp), it writes
// only into them: a committed link `log/2026 -> /home/colleague` must not make `spark log`
// write there, and a link that stays inside would make a record spark cannot read back.

// True when no folder on the way from `root` to `relative_dir` (which need not exist yet)
// is a symbolic link.
bool stays_inside_workspace(const std::filesystem::path& root, const std::string& relative_dir);

// Throws Error naming the link and where it leads when one is on the way.
void refuse_writing_outside(const std::filesystem::path& root, const std::string& relative_dir);

} // namespace spark
