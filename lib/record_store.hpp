#pragma once

#include "model.hpp"
#include "workspace.hpp"

#include <string>

// New records: each gets a fresh id and its own file. Changing a record that exists is
// record_rewrite's job; the atomic file operations underneath both are in storage.

namespace spark {

// Where a new record went: its id and path relative to the workspace root.
struct Stored {
    std::string id;
    std::string path;
};

// Each gives the record a fresh id, renders it, proves the bytes read back to the same
// record, and publishes the file atomically without touching any other file.
Stored store_new_entry(const Workspace& workspace, Entry entry);
Stored store_new_meeting(const Workspace& workspace, Meeting meeting);
Stored store_new_person(const Workspace& workspace, Person person);

} // namespace spark
