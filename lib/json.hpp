#pragma once

#include "model.hpp"

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

std::string people_json(const std::vector<Person>& people);
std::string person_json(const Person& person);

toml::array string_array(const std::vector<std::string>& values);

} // namespace spark
