// spark rm: remove entries or meetings (a person only with --force when nothing names them).

#include "arguments.hpp"
#include "commands.hpp"
#include "git.hpp"
#include "pending_writes.hpp"
#include "record_removal.hpp"
#include "records.hpp"
#include "terminal.hpp"
#include "workspace_edit.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

// Records a killed spark noted as pending that are gone now.
std::vector<std::string> interrupted_removals(const Workspace& workspace) {
    std::vector<std::string> gone;
    for (const auto& path : interrupted_writes(workspace).paths) {
        std::error_code ec;
        if (!fs::exists(workspace.root / path, ec) && !ec) {
            gone.push_back(path);
        }
    }
    return gone;
}

struct RmOptions {
    std::vector<std::string> ids;
    bool force = false;
};

void run_rm(const RmOptions& options, const Context& context) {
    for (const auto& id : options.ids) {
        validate_text(id, "the id", true);
    }
    const Workspace workspace = context.open_workspace_for_writing();
    if (options.force) {
        // A person may go: no command may write a reference to them meanwhile.
        context.lock_workspace_exclusively(workspace);
    }
    const Records records = load_valid_records(workspace);
    const RemovalPlan plan =
        plan_removal(records, options.ids, options.force, interrupted_removals(workspace));
    verify_unchanged(workspace, plan.edit);
    apply_removals(workspace, plan.edit);
    for (const auto& removed : plan.records) {
        fmt::print("removed {}\n", context.display_path(workspace, removed.path));
        context.info(
            removed.already_gone
                ? fmt::format("{} {}: removed already by an interrupted spark rm", removed.type,
                              removed.id)
                : fmt::format("{} {}: {}", removed.type, removed.id, terminal_line(removed.title)));
    }
    if (auto warning = commit_files(workspace, plan.paths, plan.commit_subject)) {
        context.warn(*warning);
    }
}

} // namespace

void register_rm(CLI::App& app, Context& context) {
    auto options = std::make_shared<RmOptions>();
    auto* command = app.add_subcommand("rm", "Remove entries or meetings");
    command->add_option("ID", options->ids, "Id or unique beginning of one, or words of a title")
        ->required();
    command->add_flag("-f,--force", options->force,
                      "Also remove a person, when no record refers to them");
    command->footer(
        "Each ID is found as 'spark show' finds it; when one matches nothing or several\n"
        "records, nothing is removed. All records go in one commit: 'rm(match): Title'\n"
        "for one, 'rm: 3 records' for several; 'spark undo' brings them back. When a\n"
        "killed rm removed some already, the same command run again finishes it.\n"
        "People are not removed: 'spark people merge' joins a duplicate, 'spark people\n"
        "forget' removes a name. --force removes a person that no entry, meeting or\n"
        "invited_by names (one added by mistake).\n"
        "Examples:\n"
        "  spark rm 2026-11-29-buurtkamer-k3m9\n"
        "  spark rm k3m9 p7qr\n"
        "  spark rm --force anna-de-vries-f48v");
    run_when_chosen(*command, context, options, run_rm);
}

} // namespace spark
