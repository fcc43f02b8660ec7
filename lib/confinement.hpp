#pragma once

#include <filesystem>
#include <string>

namespace spark {

// A workspace may hold symbolic links (committed to git, or made by someone with access to
// the folder). spark reads and writes through a link that stays inside the workspace, but
// never writes through one that leads outside it: a committed link `log/2026 ->
// /home/colleague` must not make `spark log` write there.

// True when the folder `relative_dir` of the workspace at `root` (it need not exist yet)
// lies inside the workspace once every symbolic link on the way is followed; false for a
// link that leads outside or nowhere.
bool stays_inside_workspace(const std::filesystem::path& root, const std::string& relative_dir);

// Throws Error naming the folder and where it leads when it does not stay inside.
void refuse_writing_outside(const std::filesystem::path& root, const std::string& relative_dir);

} // namespace spark
