#pragma once

#include "model.hpp"

#include <string>

namespace spark {

// The bytes of a record file: keys in a fixed, human order, body last. The same record
// always gives the same bytes.
std::string emit_entry(const Entry& entry);
std::string emit_meeting(const Meeting& meeting);
std::string emit_person(const Person& person);

// The `followups_done = [...]` lines of a meeting as emit_meeting writes them; "" for none.
std::string emit_followups_done(const std::vector<FollowupDone>& done);

} // namespace spark
