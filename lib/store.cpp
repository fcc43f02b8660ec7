#include "store.hpp"

#include "ids.hpp"
#include "record_reader.hpp"
#include "record_writer.hpp"
#include "storage.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

// Renders, verifies and publishes; retries with a new suffix on the rare clash of names.
template <typename Record, typename MakeId, typename Emit, typename Read>
Stored store(const Workspace& workspace, Record record, const std::string& folder, MakeId make_id,
             Emit emit, Read read) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        record.id = make_id(random_id_suffix());
        const std::string file_name = record.id + ".toml";
        const std::string path = folder + "/" + file_name;
        const std::string bytes = emit(record);
        std::vector<Diagnostic> diagnostics;
        auto reread = read(bytes, path, record.id, diagnostics);
        if (!reread || !(*reread == record)) {
            throw Error(fmt::format("internal error: '{}' would not read back as written; "
                                    "nothing was saved",
                                    path));
        }
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
        [&](const std::string& suffix) { return dated_record_id(date, title, "entry", suffix); },
        emit_entry, read_entry);
}

Stored store_new_meeting(const Workspace& workspace, Meeting meeting) {
    const Date date = meeting.date;
    const std::string title = meeting.title;
    return store(
        workspace, std::move(meeting), year_folder(meetings_dir, date),
        [&](const std::string& suffix) { return dated_record_id(date, title, "meeting", suffix); },
        emit_meeting, read_meeting);
}

Stored store_new_person(const Workspace& workspace, Person person) {
    const std::string name = person.name;
    return store(
        workspace, std::move(person), people_dir,
        [&](const std::string& suffix) { return person_id(name, suffix); }, emit_person,
        read_person);
}

} // namespace spark
