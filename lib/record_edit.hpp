#pragma once

#include "error.hpp"
#include "model.hpp"
#include "people_set.hpp"
#include "records.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// `spark edit ID`: an entry or meeting changed by the fixes typed on the command line, or
// any record changed as text in an editor; either way the result is checked as `spark
// check` checks it, and a record whose date changed gets the name that date gives it.
// Pure: the command reads the files, runs the editor and writes (record_rewrite).

namespace spark {

// The common fixes, as typed; an option not given leaves its field alone.
struct RecordFixes {
    std::optional<std::string> date;
    std::optional<std::string> title;
    std::optional<std::string> kind;        // entries
    std::optional<std::string> effect;      // entries; '' clears it
    std::optional<std::string> setting;     // meetings
    std::optional<std::string> place;       // meetings; '' clears it
    std::vector<std::string> add_people;    // --add-with: an entry's people, a meeting's attendees
    std::vector<std::string> remove_people; // --remove-with
    std::vector<std::string> add_tags;      // entries
    std::vector<std::string> remove_tags;   // entries
    std::vector<std::string> add_questions; // meetings, and the three below
    std::vector<std::string> add_dilemmas;
    std::vector<std::string> add_outcomes;
    std::vector<std::string> add_followups;

    bool empty() const;
};

template <typename Record>
struct FixedRecord {
    Record after;
    std::vector<FieldChange> changes; // empty when every field already had the value asked
};

// `entry` with `fixes` applied; people are named as `log --with` names them (id, name or
// unique prefix of `people`). Throws UsageError for a request that cannot be understood (a
// bad date, an unknown kind, a fix that does not apply to an entry, an empty title) and
// Error for one that does not fit the record (an unknown person, removing someone or a
// tag that is not there), each naming the option.
FixedRecord<Entry> apply_fixes(const Entry& entry, const std::vector<Person>& people,
                               const RecordFixes& fixes, const Date& today);
FixedRecord<Meeting> apply_fixes(const Meeting& meeting, const std::vector<Person>& people,
                                 const RecordFixes& fixes, const Date& today);

// Id and path of a dated record as its date names it: the date at the front of the id
// replaced (slug and random suffix kept), in the year folder of its top folder
// ("log/2026/2026-03-01-koffie-k3m9.toml" dated 2025-12-30 becomes
// "log/2025/2025-12-30-koffie-k3m9.toml"). An id that does not start with a date gets one.
struct RecordName {
    std::string id;
    std::string path;
};
RecordName name_for_date(const std::string& path, const std::string& id, const Date& date);

// `bytes` of a record file with its top-level `date = OLD` line saying `to` instead, every
// other byte kept (so a date fixed with --date keeps hand formatting and comments); nullopt
// when there is no such line.
std::optional<std::string> with_date_replaced(std::string_view bytes, const Date& from,
                                              const Date& to);

// `record` with the id and path its date gives it (people keep theirs).
Entry named_by_date(Entry entry);
Meeting named_by_date(Meeting meeting);
Person named_by_date(Person person);

// The text of `before`'s file as the user left it in the editor, read as that record:
// the record (under the name its date gives it) or the parse problems, with positions in
// `text`.
template <typename Record>
struct EditedText {
    std::optional<Record> record;
    std::vector<Diagnostic> problems;
};
EditedText<Entry> read_edited(std::string_view text, const Entry& before);
EditedText<Meeting> read_edited(std::string_view text, const Meeting& before);
EditedText<Person> read_edited(std::string_view text, const Person& before);

// A record file that is there but does not read as a record (a hand edit gone wrong), to
// repair in the editor: its type, path, id and the problems that stop it.
struct BrokenRecordFile {
    RecordType type = RecordType::entry;
    std::string path;
    std::string id;
    std::vector<Diagnostic> problems;
};

// The broken record file `query` names: its id or path exactly, or, unless `exact`, the
// unique beginning of its id. nullopt when none (or several) match.
std::optional<BrokenRecordFile> broken_record_file(const Records& records, std::string_view query,
                                                   bool exact);

// What `spark check` finds once `before` (one of `records`) is replaced by `after` and was
// not there before: the problems the change brings. Errors refuse the change; warnings are
// worth saying. A problem the record had already does not count against the edit.
std::vector<Diagnostic> problems_of_edit(const Records& records, const Entry& before,
                                         const Entry& after);
std::vector<Diagnostic> problems_of_edit(const Records& records, const Meeting& before,
                                         const Meeting& after);
std::vector<Diagnostic> problems_of_edit(const Records& records, const Person& before,
                                         const Person& after);

} // namespace spark
