// spark edit ID: correct an entry, a meeting or a person, with flags or in the editor.

#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "record_edit.hpp"
#include "record_editor.hpp"
#include "record_lookup.hpp"
#include "record_rewrite.hpp"
#include "records.hpp"
#include "storage.hpp"
#include "terminal.hpp"
#include "text.hpp"
#include "toml_reader.hpp"
#include "workspace_edit.hpp"

#include <fmt/format.h>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>

namespace spark {

namespace {

struct EditOptions {
    std::string id;
    RecordFixes fixes;
    bool editor = false;
};

std::string commit_message(const Entry& entry) {
    return fmt::format("edit({}): {}", name_of(entry.kind), commit_subject_line(entry.title));
}
std::string commit_message(const Meeting& meeting) {
    return fmt::format("edit(meeting): {}", commit_subject_line(meeting.title));
}
std::string commit_message(const Person& person) {
    return fmt::format("edit(person): {}", commit_subject_line(person.name));
}

template <typename Record>
void save(const Workspace& workspace, const Context& context, const Record& before,
          const Record& after, FileWrite write, const std::vector<FieldChange>& changes,
          const std::vector<Diagnostic>& warnings) {
    WorkspaceEdit edit;
    edit.writes.push_back(std::move(write));
    verify_unchanged(workspace, edit);
    apply_writes(workspace, edit);
    fmt::print("{}\n", after.id);
    for (const auto& change : changes) {
        context.info(fmt::format("{}: {} -> {}", change.field, terminal_line(change.before),
                                 terminal_line(change.after)));
    }
    if (after.path != before.path) {
        context.info(fmt::format("moved {} -> {}", context.display_path(workspace, before.path),
                                 context.display_path(workspace, after.path)));
    }
    for (const auto& warning : warnings) {
        fmt::print(stderr, "{}\n", format_diagnostic(warning));
    }
    if (edit.writes.front().reformatted) {
        context.warn(fmt::format("'{}' was written anew; its hand formatting and comments "
                                 "could not be kept",
                                 after.path));
    }
    if (auto warning = commit_files(workspace, edit.paths(), commit_message(after))) {
        context.warn(*warning);
    }
}

void nothing_changed(const Context& context, const std::string& id) {
    context.info(fmt::format("'{}' already has these values; nothing was changed", id));
}

template <typename Record>
void edit_with_fixes(const Workspace& workspace, const Context& context, const Records& records,
                     const Record& before, const RecordFixes& fixes) {
    std::string old_bytes = read_file(workspace.root / before.path);
    auto fixed = apply_fixes(before, records.people, fixes, context.today());
    if (fixed.after == before && fixed.after.path == before.path) {
        nothing_changed(context, before.id);
        return;
    }
    if (fixes.date) {
        context.warn_if_future(fixed.after.date);
    }
    auto problems = problems_of_edit(records, before, fixed.after);
    if (has_errors(problems)) {
        throw DataError(
            std::move(problems),
            fmt::format("the change would make '{}' invalid; nothing was changed", before.id));
    }
    // The file as it was, with the new date when that is the change: hand formatting and
    // comments stay whenever the result still reads as the fixed record.
    const std::string preferred =
        with_date_replaced(old_bytes, before.date, fixed.after.date).value_or(old_bytes);
    save(workspace, context, before, fixed.after,
         rewrite_record(before, fixed.after, std::move(old_bytes), preferred), fixed.changes,
         problems);
}

template <typename Record>
void edit_in_place(const Workspace& workspace, const Context& context, const Records& records,
                   const Record& before) {
    std::string old_bytes = read_file(workspace.root / before.path);
    auto result = edit_in_editor(records, before, old_bytes, context);
    if (!result.record) {
        context.info(fmt::format("'{}' was not changed; nothing was saved", before.id));
        return;
    }
    if constexpr (!std::is_same_v<Record, Person>) { // people have no date
        if (result.record->date != before.date) {
            context.warn_if_future(result.record->date);
        }
    }
    save(workspace, context, before, *result.record,
         rewrite_record(before, *result.record, std::move(old_bytes), result.text), {},
         result.warnings);
}

// A record file that does not read (a hand edit gone wrong), repaired in the editor: it
// opens with its problems on top and is saved once it reads as a valid record.
template <typename Record>
void repair_in_editor(const Workspace& workspace, const Context& context, const Records& records,
                      const BrokenRecordFile& broken) {
    const fs::path full = workspace.root / broken.path;
    std::error_code ec;
    if (fs::symlink_status(full, ec).type() != fs::file_type::regular ||
        fs::file_size(full, ec) > max_toml_bytes) {
        throw DataError(broken.problems, fmt::format("'{}' cannot be opened in the editor; "
                                                     "nothing was changed",
                                                     broken.path));
    }
    Record before;
    before.id = broken.id;
    before.path = broken.path;
    std::string old_bytes = read_file(full);
    auto result = edit_in_editor(records, before, old_bytes, context, broken.problems);
    if (!result.record) {
        context.info(fmt::format("'{}' was not changed; nothing was saved", before.id));
        return;
    }
    FileWrite write;
    write.path = before.path;
    write.bytes = result.text;
    write.old_bytes = std::move(old_bytes);
    if (result.record->path != before.path) {
        write.moved_to = result.record->path;
    }
    save(workspace, context, before, *result.record, std::move(write), {}, result.warnings);
}

void repair(const Workspace& workspace, const Context& context, const Records& records,
            const BrokenRecordFile& broken, const RecordFixes& fixes) {
    if (!fixes.empty()) {
        throw DataError(broken.problems,
                        fmt::format("'{}' does not read as a record, so fixes cannot apply; "
                                    "repair it in the editor with 'spark edit {}'",
                                    broken.path, broken.id));
    }
    switch (broken.type) {
    case RecordType::entry:
        return repair_in_editor<Entry>(workspace, context, records, broken);
    case RecordType::meeting:
        return repair_in_editor<Meeting>(workspace, context, records, broken);
    case RecordType::person:
        return repair_in_editor<Person>(workspace, context, records, broken);
    }
}

// The record `query` names, or the broken record file it names (exactly, or when no record
// matches at all).
std::variant<RecordRef, BrokenRecordFile> record_to_edit(const Records& records,
                                                         const std::string& query) {
    if (auto broken = broken_record_file(records, query, true)) {
        return *broken;
    }
    try {
        return find_record(records, query);
    } catch (const NoSuchRecord&) { // several candidates stay an error that lists them
        if (auto broken = broken_record_file(records, query, false)) {
            return *broken;
        }
        throw;
    }
}

void validate_fixes(const RecordFixes& fixes) {
    for (const auto& [text, option] : {std::pair{&fixes.date, "--date"},
                                       {&fixes.title, "--title"},
                                       {&fixes.kind, "--kind"},
                                       {&fixes.effect, "--effect"},
                                       {&fixes.setting, "--setting"},
                                       {&fixes.place, "--place"}}) {
        if (*text) {
            validate_text(**text, option, false);
        }
    }
}

void run_edit(const EditOptions& options, const Context& context) {
    validate_text(options.id, "the id", true);
    validate_fixes(options.fixes);
    if (options.editor && !options.fixes.empty()) {
        throw UsageError("-e/--editor opens the record as it is; give either fixes such as "
                         "--title or -e, not both");
    }
    const Workspace workspace = context.open_workspace_for_writing();
    const Records records = load_records(workspace);
    const auto target = record_to_edit(records, options.id);
    if (const auto* broken = std::get_if<BrokenRecordFile>(&target)) {
        repair(workspace, context, records, *broken, options.fixes);
        return;
    }
    const RecordRef& found = std::get<RecordRef>(target);
    if (options.fixes.empty()) {
        if (found.entry) {
            edit_in_place(workspace, context, records, *found.entry);
        } else if (found.meeting) {
            edit_in_place(workspace, context, records, *found.meeting);
        } else {
            edit_in_place(workspace, context, records, *found.person);
        }
        return;
    }
    if (found.entry) {
        edit_with_fixes(workspace, context, records, *found.entry, options.fixes);
    } else if (found.meeting) {
        edit_with_fixes(workspace, context, records, *found.meeting, options.fixes);
    } else {
        throw UsageError(fmt::format("'{}' is a person: change a person with 'spark people set "
                                     "{} --group …', or open the record with 'spark edit {}'",
                                     found.person->id, found.person->id, found.person->id));
    }
}

} // namespace

void register_edit(CLI::App& app, Context& context) {
    auto options = std::make_shared<EditOptions>();
    RecordFixes& fixes = options->fixes;
    auto* command = app.add_subcommand("edit", "Correct an entry, meeting or person");
    command->add_option("ID", options->id, "Id or unique beginning of one (also words of a title)")
        ->required();
    command->add_flag("-e,--editor", options->editor,
                      "Open the record in $VISUAL or $EDITOR (the default without fixes)");
    const std::string both = "Entries and meetings";
    const std::string entries = "Entries";
    const std::string meetings = "Meetings";
    command
        ->add_option("-d,--date", fixes.date,
                     "The day it happened (the file moves to its new name): 2026-11-30, "
                     "30-11-2026, gisteren, -3d (all forms: man spark)")
        ->option_text("DATE")
        ->group(both);
    command->add_option("--title", fixes.title, "The title (the id stays the same)")
        ->option_text("TEXT")
        ->group(both);
    command
        ->add_option("--add-with,--add-attendee", fixes.add_people,
                     "Add a person (an attendee of a meeting): id, name or prefix; repeatable")
        ->option_text("PERSON")
        ->allow_extra_args(false)
        ->group(both);
    command
        ->add_option("--remove-with,--remove-attendee", fixes.remove_people,
                     "Remove a person; repeatable")
        ->option_text("PERSON")
        ->allow_extra_args(false)
        ->group(both);
    command->add_option("-k,--kind", fixes.kind, kind_spellings())
        ->option_text("KIND")
        ->group(entries);
    command->add_option("--effect", fixes.effect, "The proven effect; '' clears it")
        ->option_text("TEXT")
        ->group(entries);
    command->add_option("-t,--tag", fixes.add_tags, "Add a tag; repeatable")
        ->option_text("TAG")
        ->allow_extra_args(false)
        ->group(entries);
    command->add_option("--untag", fixes.remove_tags, "Remove a tag; repeatable")
        ->option_text("TAG")
        ->allow_extra_args(false)
        ->group(entries);
    command
        ->add_option("-s,--setting", fixes.setting,
                     "internal, external or mixed; '' to follow the attendees' groups")
        ->option_text("SETTING")
        ->group(meetings);
    command->add_option("--place", fixes.place, "Where it took place; '' clears it")
        ->option_text("TEXT")
        ->group(meetings);
    command->add_option("--add-question", fixes.add_questions, "Add a question; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false)
        ->group(meetings);
    command->add_option("--add-dilemma", fixes.add_dilemmas, "Add a dilemma; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false)
        ->group(meetings);
    command->add_option("--add-outcome", fixes.add_outcomes, "Add an outcome; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false)
        ->group(meetings);
    command->add_option("--add-followup", fixes.add_followups, "Add a follow-up; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false)
        ->group(meetings);
    command->footer(
        "Without fixes, opens a copy of the record in $VISUAL or $EDITOR and saves it\n"
        "once it reads as a valid record; a problem reopens the editor with the\n"
        "messages on top. Quitting without saving, or an editor that fails, changes\n"
        "nothing. Prints the id (a new date gives a new id and file name); one commit\n"
        "'edit(KIND): Title'.\n"
        "Examples:\n"
        "  spark edit koffie --date 26-02-2026 --title 'Koffie met het kernteam'\n"
        "  spark edit buurttafel --add-attendee karim --add-question 'Wie beheert de sleutel?'\n"
        "  spark edit 2026-02-26-koffie --kind lucifer --effect '3 dagen in plaats van 6 weken'\n"
        "  EDITOR=nano spark edit anna");
    run_when_chosen(*command, context, options, run_edit);
}

} // namespace spark
