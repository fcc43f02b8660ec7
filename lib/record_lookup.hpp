#pragma once

#include "records.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace spark {

// One record of any type, found by id.
struct RecordRef {
    const Entry* entry = nullptr;
    const Meeting* meeting = nullptr;
    const Person* person = nullptr;
    const std::string& id() const;
    std::string_view type_name() const; // "entry", "meeting", "person"
};

// The record whose id is `query` or uniquely starts with it; a person also by name
// (as --with resolves them). Throws Error listing candidates when unknown or ambiguous.
RecordRef find_record(const Records& records, std::string_view query);

} // namespace spark
