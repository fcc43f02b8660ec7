#pragma once

#include "involvement.hpp"
#include "model.hpp"
#include "timeline.hpp"

#include <string>
#include <toml++/toml.h>
#include <vector>

namespace spark {

// Records as JSON objects for scripts: every stored field plus `id` and `path`.
// Built as toml++ tables and printed with its JSON formatter.
toml::table person_table(const Person& person);
toml::table entry_table(const Entry& entry);
toml::table meeting_table(const Meeting& meeting);

std::string to_json(const toml::table& table);
std::string to_json(const toml::array& array);

// A person with first involvement, whom they invited and the records they took part in.
std::string person_json(const Person& person, const Records& records,
                        const InvolvementMap& involvement);
// A meeting with its derived newcomers.
toml::table meeting_table(const Meeting& meeting, const InvolvementMap& involvement);
// The timeline as `spark list --json` prints it.
std::string timeline_json(const std::vector<TimelineItem>& items,
                          const InvolvementMap& involvement);

toml::array string_array(const std::vector<std::string>& values);

} // namespace spark
