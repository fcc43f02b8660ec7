#include "record_store.hpp"

#include "confinement.hpp"
#include "ids.hpp"
#include "pending_writes.hpp"
#include "record_rewrite.hpp"
#include "storage.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

// Renders, verifies and publishes; retries with a new suffix on the rare clash of names.
template <typename Record, typename MakeId>
Stored store(const Workspace& workspace, Record record, const std::string& folder, MakeId make_id) {
    refuse_writing_outside(workspace.root, folder);
    for (int attempt = 0; attempt < 20; ++attempt) {
        record.id = make_id(random_id_suffix());
        const std::string file_name = record.id + ".toml";
        const std::string path = folder + "/" + file_name;
        record.path = path;
        const std::string bytes = verified_bytes(record);
        note_pending_writes(workspace, {path}); // so a kill before the commit is seen
        if (write_new_file(workspace.root / folder, file_name, bytes)) {
            return Stored{record.id, path};
        }
    }
    throw Error(fmt::format("could not find a free file name in '{}'", folder));
}

std::string year_folder(const char* top, const Date& date) {
    return fmt::format("{}/{:04}", top, date.year);
}

} // namespace

Stored store_new_entry(const Workspace& workspace, Entry entry) {
    const Date date = entry.date;
    const std::string title = entry.title;
    return store(
        workspace, std::move(entry), year_folder(log_dir, date),
        [&](const std::string& suffix) { return dated_record_id(date, title, "entry", suffix); });
}

Stored store_new_meeting(const Workspace& workspace, Meeting meeting) {
    const Date date = meeting.date;
    const std::string title = meeting.title;
    return store(
        workspace, std::move(meeting), year_folder(meetings_dir, date),
        [&](const std::string& suffix) { return dated_record_id(date, title, "meeting", suffix); });
}

Stored store_new_person(const Workspace& workspace, Person person) {
    const std::string name = person.name;
    return store(workspace, std::move(person), people_dir,
                 [&](const std::string& suffix) { return person_id(name, suffix); });
}

} // namespace spark
