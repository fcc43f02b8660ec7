#pragma once

#include "error.hpp"
#include "records.hpp"

#include <vector>

namespace spark {

// Problems between records: unknown people, invited_by cycles, duplicate ids, dates that
// contradict ids or folders; warnings for likely mistakes (a person appearing before their
// `since`, a meeting without attendees, two people with the same name, a person without a
// group). Pure.
std::vector<Diagnostic> check_records(const Records& records);

} // namespace spark
