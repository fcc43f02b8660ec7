#pragma once

#include "involvement.hpp"
#include "json_writer.hpp"
#include "model.hpp"
#include "timeline.hpp"

#include <string>
#include <vector>

namespace spark {

// Records as JSON objects for scripts, streamed through a JsonWriter: every stored field
// plus `id` and `path`, keys in byte order.
void write_entry(JsonWriter& out, const Entry& entry);
// A meeting with its derived newcomers, and its setting (given, or from the groups of
// `people`, see setting_of).
void write_meeting(JsonWriter& out, const Meeting& meeting, const std::vector<Person>& people,
                   const InvolvementMap& involvement);
// `spark list --json`: the timeline as one array.
void write_timeline(JsonWriter& out, const std::vector<TimelineItem>& items,
                    const std::vector<Person>& people, const InvolvementMap& involvement);
// `spark people list --json`: everyone, with their first involvement.
void write_people(JsonWriter& out, const Records& records, const InvolvementMap& involvement);
// `spark show PERSON --json`: a person with first involvement, whom they invited and the
// records they took part in.
void write_person_details(JsonWriter& out, const Person& person, const Records& records,
                          const InvolvementMap& involvement);

} // namespace spark
