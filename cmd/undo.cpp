// spark undo: revert spark's last commit.

#include "check.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "records.hpp"
#include "terminal.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct UndoOptions {};

std::string_view verb(char status) {
    switch (status) {
    case 'A':
        return "restored";
    case 'D':
        return "removed";
    default:
        return "updated";
    }
}

// Each spark commit leaves the records valid, so reverting the last one does too, unless a
// commit made by hand came before it: then say so at once rather than at the next report.
void warn_about_new_errors(const Context& context, const Workspace& workspace) {
    Records records = load_records(workspace, Texts::skipped);
    std::vector<Diagnostic> problems = check_records(records);
    problems.insert(problems.end(), records.diagnostics.begin(), records.diagnostics.end());
    const auto errors = std::count_if(problems.begin(), problems.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    });
    if (errors > 0) {
        context.warn(fmt::format("after the undo, 'spark check' finds {} error{}; run it to see "
                                 "them, or 'spark undo' again to put the change back",
                                 errors, errors == 1 ? "" : "s"));
    }
}

void run_undo(const UndoOptions&, const Context& context) {
    const Workspace workspace = context.open_workspace_for_writing();
    // A revert may bring back or take away a person: nothing may name one meanwhile.
    context.lock_workspace_exclusively(workspace);
    if (!inside_git_repository(workspace.root)) {
        throw Error("spark undo reverts spark's last git commit, and this workspace is not in a "
                    "git repository");
    }
    const auto last = last_commit(workspace);
    if (!last) {
        throw Error("nothing to undo: the repository has no commit yet");
    }
    const std::string shown = fmt::format("{} {}", last->hash, terminal_line(last->subject));
    if (last->merge || !is_spark_commit_subject(last->subject)) {
        throw Error(fmt::format("the last commit is not one of spark's, so nothing was undone: "
                                "{}\nspark undo only reverts what spark committed; use 'git "
                                "revert' for other commits",
                                shown));
    }
    if (last_commit_reaches_outside(workspace)) {
        throw Error(fmt::format("the last commit changed files outside this workspace ({}), "
                                "so nothing was undone; use 'git revert' for it",
                                shown));
    }
    if (last->subject.starts_with("init: ")) {
        throw Error(fmt::format("the last commit created the workspace ({}); there is nothing "
                                "to go back to",
                                shown));
    }
    if (revert_in_progress(workspace)) {
        throw Error("git is in the middle of a revert, so nothing was undone; finish it with "
                    "'git revert --continue' or cancel it with 'git revert --abort'");
    }
    if (const auto changes = uncommitted_changes(workspace); !changes.empty()) {
        std::string list;
        for (const auto& change : changes) {
            list += "\n  " + terminal_line(change);
        }
        throw Error("the workspace has uncommitted changes, so nothing was undone; commit "
                    "them (git commit) or discard them (git restore, or remove new files) "
                    "first:" +
                    list);
    }
    const std::vector<ChangedFile> changed = revert_last_commit(workspace);
    for (const auto& file : changed) {
        fmt::print("{} {}\n", verb(file.status), context.display_path(workspace, file.path));
    }
    context.info("undid " + shown);
    warn_about_new_errors(context, workspace);
}

} // namespace

void register_undo(CLI::App& app, Context& context) {
    auto options = std::make_shared<UndoOptions>();
    auto* command = app.add_subcommand("undo", "Revert spark's last commit");
    command->footer(
        "Reverts the last commit when spark made it (log, meet, people add|set|merge|\n"
        "forget, rm, edit, done, check --fix, or an undo): 'git revert' adds a commit\n"
        "that takes its changes back, so the history keeps both. Prints each file it\n"
        "restored, removed or updated, and on stderr what it undid. A second undo undoes\n"
        "the undo. Refused when the workspace has uncommitted changes, or when the last\n"
        "commit is someone else's (a merge, a hand-made commit): use git for those.\n"
        "Examples:\n"
        "  spark undo\n"
        "  spark undo    # again: the undo is undone, the change is back");
    run_when_chosen(*command, context, options, run_undo);
}

} // namespace spark
