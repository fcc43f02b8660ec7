#pragma once

#include "involvement.hpp"
#include "records.hpp"

#include <string>

namespace spark {

// Readable renderings of one record for the terminal (`spark show`, `spark people show`).
std::string view_entry(const Entry& entry, const Records& records);
std::string view_meeting(const Meeting& meeting, const Records& records,
                         const InvolvementMap& involvement);
// With everything the person took part in and whom they invited.
std::string view_person(const Person& person, const Records& records,
                        const InvolvementMap& involvement);

// "Anna de Vries" for a known id, the id itself otherwise.
std::string display_name(const Records& records, const std::string& id);

} // namespace spark
