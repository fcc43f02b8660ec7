#pragma once

#include "error.hpp"
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

// The record `query` names, by the first rule that matches anything: its id, the beginning
// of its id (also without the date: "buurttafel"), the id's random suffix as `list` shows
// it ("k3m9"), a person's name (as --with resolves them), or words of a title
// ("schoolplein"; each word anywhere in the title, ignoring case and accents). Throws Error
// listing the candidates when a rule matches several, or NoSuchRecord (with close ids)
// when none matches.
RecordRef find_record(const Records& records, std::string_view query);

// Nothing matches: a caller may look further (edit, among files that do not read).
class NoSuchRecord : public Error {
  public:
    using Error::Error;
};

} // namespace spark
