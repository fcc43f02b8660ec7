#pragma once

#include "error.hpp"
#include "model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// Parse one record file. `path` is used in messages, `id` becomes the record's id.
// Every problem goes to `diagnostics` with its position; nullopt when the record is unusable.
std::optional<Entry> read_entry(std::string_view bytes, const std::string& path, std::string id,
                                std::vector<Diagnostic>& diagnostics);
std::optional<Meeting> read_meeting(std::string_view bytes, const std::string& path, std::string id,
                                    std::vector<Diagnostic>& diagnostics);
std::optional<Person> read_person(std::string_view bytes, const std::string& path, std::string id,
                                  std::vector<Diagnostic>& diagnostics);

// The same for a record of `like`'s type, under `like`'s path and id: new bytes for a record
// spark already holds (a rewrite read back, an edit saved).
std::optional<Entry> read_record(std::string_view bytes, const Entry& like,
                                 std::vector<Diagnostic>& diagnostics);
std::optional<Meeting> read_record(std::string_view bytes, const Meeting& like,
                                   std::vector<Diagnostic>& diagnostics);
std::optional<Person> read_record(std::string_view bytes, const Person& like,
                                  std::vector<Diagnostic>& diagnostics);

} // namespace spark
