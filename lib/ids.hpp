#pragma once

#include "date.hpp"

#include <string>
#include <string_view>

namespace spark {

// Random part of an id, so that two clones writing the same title on the same day create
// different files and merge without conflict. Letters and digits that cannot be misread.
std::string random_id_suffix();

// "2026-11-29-buurtkamer-open-k3m9": date, slug of the title (or `fallback`), suffix.
std::string dated_record_id(const Date& date, std::string_view title, std::string_view fallback,
                            std::string_view suffix);

// "anna-de-vries-k3m9".
std::string person_id(std::string_view name, std::string_view suffix);

} // namespace spark
