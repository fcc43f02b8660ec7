#pragma once

#include "model.hpp"
#include "workspace_edit.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Changing a record's file without losing it. The new bytes are computed in memory and proven
// to read back as the intended record before anything is written; writing them is then one
// atomic step that only replaces the bytes the change was computed from (apply_writes in
// workspace_edit, or write_new_file for a new record). Shared by `store` (new records),
// `people merge`/`forget`, `edit`, `people set`, `done` and `rm`.

namespace spark {

// Whether `bytes`, read as the file of `record` (its path and id), give exactly `record`.
bool reads_back_as(std::string_view bytes, const Entry& record);
bool reads_back_as(std::string_view bytes, const Meeting& record);
bool reads_back_as(std::string_view bytes, const Person& record);

// `record` rendered in the file format and proven to read back as itself; throws Error naming
// the file otherwise (a bug in spark: nothing is saved).
std::string verified_bytes(const Entry& record);
std::string verified_bytes(const Meeting& record);
std::string verified_bytes(const Person& record);

// The write that turns the file of `before` (path and bytes `old_bytes`) into the file of
// `after`: `preferred` when those bytes read back as `after` (the old file with an id swapped,
// or what the user wrote in an editor), else `after` rendered anew, marked `reformatted` when
// that drops hand formatting or comments. When `after.path` differs, the file moves there.
// Throws Error when `old_bytes` no longer read as `before` (the file changed meanwhile).
FileWrite rewrite_record(const Entry& before, const Entry& after, std::string old_bytes,
                         const std::optional<std::string>& preferred = std::nullopt);
FileWrite rewrite_record(const Meeting& before, const Meeting& after, std::string old_bytes,
                         const std::optional<std::string>& preferred = std::nullopt);
FileWrite rewrite_record(const Person& before, const Person& after, std::string old_bytes,
                         const std::optional<std::string>& preferred = std::nullopt);

// The file with the id token at each of `positions` (each spelling `from`, quoted) replaced
// by `to`, every other byte kept; nullopt when a token is not found where expected.
std::optional<std::string> swap_id_tokens(std::string bytes,
                                          const std::vector<SourcePos>& positions,
                                          const std::string& from, const std::string& to);

} // namespace spark
