// spark done: mark follow-ups of a meeting done, or open them again.

#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "followup_done.hpp"
#include "git.hpp"
#include "record_lookup.hpp"
#include "record_rewrite.hpp"
#include "records.hpp"
#include "storage.hpp"
#include "terminal.hpp"
#include "text.hpp"
#include "workspace_edit.hpp"

#include <fmt/format.h>
#include <memory>
#include <optional>

namespace spark {

namespace {

struct DoneOptions {
    std::string meeting;
    std::vector<std::string> followups;
    std::optional<std::string> date;
    bool reopen = false;
};

const Meeting& find_meeting(const Records& records, const std::string& query) {
    const RecordRef found = find_record(records, query);
    if (found.meeting == nullptr) {
        throw Error(fmt::format("'{}' is {} {}, not a meeting; follow-ups belong to meetings "
                                "('spark list --followups' shows them)",
                                query, found.person ? "a person," : "an entry,", found.id()));
    }
    return *found.meeting;
}

void run_done(const DoneOptions& options, const Context& context) {
    validate_text(options.meeting, "the meeting", true);
    for (const auto& which : options.followups) {
        validate_text(which, "the follow-up", true);
    }
    if (options.reopen && options.date) {
        throw UsageError("--date is when a follow-up was done; it cannot be combined with "
                         "--reopen");
    }
    const Date date = options.date ? parse_date_argument(*options.date, context.today(), "--date")
                                   : context.today();
    const Workspace workspace = context.open_workspace_for_writing();
    const Records records = load_valid_records(workspace);
    const Meeting& meeting = find_meeting(records, options.meeting);
    const FollowupsMarked marked =
        plan_followups_done(meeting, options.followups, date, options.reopen);
    if (!options.reopen) {
        context.warn_if_future(date);
    }
    WorkspaceEdit edit;
    std::string old_bytes = read_file(workspace.root / meeting.path);
    const auto in_place = with_followups_done(old_bytes, meeting, marked.after);
    edit.writes.push_back(rewrite_record(meeting, marked.after, std::move(old_bytes), in_place));
    verify_unchanged(workspace, edit);
    apply_writes(workspace, edit);
    fmt::print("{}\n", context.display_path(workspace, meeting.path));
    for (const auto& followup : marked.changed) {
        context.info(fmt::format("{} {}. {}", options.reopen ? "reopened:" : "done:",
                                 followup.number, terminal_line(followup.text)));
    }
    if (edit.writes.front().reformatted) {
        context.warn(fmt::format("'{}' was written anew; its hand formatting and comments "
                                 "could not be kept",
                                 meeting.path));
    }
    const std::string message =
        fmt::format("done(meeting): {}{}", commit_subject_line(meeting.title),
                    options.reopen ? " (reopened)" : "");
    if (auto warning = commit_files(workspace, edit.paths(), message)) {
        context.warn(*warning);
    }
}

} // namespace

void register_done(CLI::App& app, Context& context) {
    auto options = std::make_shared<DoneOptions>();
    auto* command = app.add_subcommand("done", "Mark follow-ups of a meeting done");
    command
        ->add_option("MEETING", options->meeting,
                     "The meeting: id, unique beginning, short id or words of its title")
        ->required();
    command
        ->add_option("FOLLOWUP", options->followups,
                     "The follow-up's number, as 'spark show' lists it, or words of its text; "
                     "repeatable")
        ->allow_extra_args(true);
    command->add_option("-d,--date", options->date, "When it was done (default: today)")
        ->option_text("DATE");
    command->add_flag("--reopen", options->reopen, "Open the follow-ups again");
    command->footer(
        "Records in the meeting's file which follow-ups are done, and when; one commit\n"
        "'done(meeting): TITLE'. The report and 'spark list --followups' then show only\n"
        "the open ones. Prints the path and, on stderr, each follow-up marked. A number\n"
        "that does not exist, words that fit no follow-up or several, or a follow-up\n"
        "already done change nothing.\n"
        "Examples:\n"
        "  spark show keukentafel                   # the follow-ups, numbered\n"
        "  spark done keukentafel 2\n"
        "  spark done rsza jurist --date gisteren\n"
        "  spark done keukentafel 1 3\n"
        "  spark done keukentafel 2 --reopen");
    run_when_chosen(*command, context, options, run_done);
}

} // namespace spark
