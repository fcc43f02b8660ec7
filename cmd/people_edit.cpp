// spark people merge | forget: changes that rewrite references across the workspace.

#include "people_edit.hpp"

#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "people.hpp"
#include "records.hpp"
#include "storage.hpp"
#include "workspace_edit.hpp"

#include <fmt/format.h>
#include <functional>
#include <memory>
#include <set>

namespace spark {

namespace {

struct MergeOptions {
    std::string keep;
    std::string drop;
};

struct ForgetOptions {
    std::string person;
};

FileSource file_source(const Workspace& workspace) {
    return [root = workspace.root](const std::string& path) {
        return read_file(root / path);
    };
}

struct Outcome {
    std::vector<std::string> created;
    std::vector<std::string> updated;
    std::vector<std::string> reformatted;
};

// Writes every file of the plan, then catches up with records other spark processes wrote
// meanwhile that name the person too, and removes the person's file last: at every moment
// both people exist, so every reference resolves and the workspace stays readable.
Outcome carry_out(const Workspace& workspace, const PeopleEdit& plan,
                  const std::function<PeopleEdit(const Records&)>& replan) {
    Outcome outcome;
    std::set<std::string> seen;
    auto note = [&](const WorkspaceEdit& edit) {
        for (const auto& write : edit.writes) {
            if (seen.insert(write.path).second) {
                (write.old_bytes ? outcome.updated : outcome.created).push_back(write.path);
            }
            if (write.reformatted) {
                outcome.reformatted.push_back(write.path);
            }
        }
    };
    verify_unchanged(workspace, plan.edit);
    apply_writes(workspace, plan.edit);
    note(plan.edit);
    try {
        for (int round = 0; round < 5; ++round) {
            const PeopleEdit again = replan(load_valid_records(workspace));
            if (again.edit.writes.empty()) {
                break;
            }
            apply_writes(workspace, again.edit);
            note(again.edit);
        }
    } catch (const Error& e) {
        throw Error(fmt::format("{}\n'{}' was kept, so every reference still resolves; "
                                "{} file(s) were already updated; run the command again to "
                                "finish",
                                e.what(), plan.from_id, seen.size()));
    }
    apply_removals(workspace, plan.edit);
    return outcome;
}

void report(const Context& context, const Workspace& workspace, const Outcome& outcome,
            const std::vector<std::string>& removed) {
    for (const auto& path : outcome.created) {
        fmt::print("created {}\n", context.display_path(workspace, path));
    }
    for (const auto& path : outcome.updated) {
        fmt::print("updated {}\n", context.display_path(workspace, path));
    }
    for (const auto& path : removed) {
        fmt::print("removed {}\n", context.display_path(workspace, path));
    }
    for (const auto& path : outcome.reformatted) {
        context.warn(fmt::format("'{}' was written anew; its hand formatting and comments "
                                 "could not be kept",
                                 path));
    }
}

std::vector<std::string> all_paths(const Outcome& outcome,
                                   const std::vector<std::string>& removed) {
    std::vector<std::string> paths = outcome.created;
    paths.insert(paths.end(), outcome.updated.begin(), outcome.updated.end());
    paths.insert(paths.end(), removed.begin(), removed.end());
    return paths;
}

void run_merge(const MergeOptions& options, const Context& context) {
    validate_text(options.keep, "KEEP", true);
    validate_text(options.drop, "DROP", true);
    const Workspace workspace = context.open_workspace();
    context.lock_workspace_exclusively(workspace); // one merge or forget at a time
    const Records records = load_valid_records(workspace);
    const Person keep = resolve_person(records.people, options.keep);
    const Person drop = resolve_person(records.people, options.drop);
    if (keep.id == drop.id) {
        throw UsageError(fmt::format("'{}' and '{}' are the same person ({}); name two "
                                     "different people",
                                     options.keep, options.drop, keep.id));
    }
    const FileSource source = file_source(workspace);
    const PeopleEdit plan = plan_merge(records, keep.id, drop.id, source);
    const Outcome outcome = carry_out(workspace, plan, [&](const Records& now) {
        return plan_merge(now, keep.id, drop.id, source);
    });
    report(context, workspace, outcome, plan.edit.removals);
    const std::size_t files = outcome.created.size() + outcome.updated.size();
    context.info(fmt::format("merged {} ({}) into {} ({}): {} file{} updated, {} reference{} "
                             "rewritten",
                             drop.name, drop.id, keep.name, keep.id, files, files == 1 ? "" : "s",
                             plan.references, plan.references == 1 ? "" : "s"));
    if (auto warning = commit_files(workspace, all_paths(outcome, plan.edit.removals),
                                    fmt::format("people: merge {} into {}", drop.id, keep.id))) {
        context.warn(*warning);
    }
}

void run_forget(const ForgetOptions& options, const Context& context) {
    validate_text(options.person, "the person", true);
    const Workspace workspace = context.open_workspace();
    context.lock_workspace_exclusively(workspace); // one merge or forget at a time
    const Records records = load_valid_records(workspace);
    const Person person = resolve_person(records.people, options.person);
    const FileSource source = file_source(workspace);
    const PeopleEdit plan = plan_forget(records, person.id, source);
    const Outcome outcome = carry_out(
        workspace, plan, [&](const Records& now) { return plan_forget(now, person.id, source); });
    // The cache still holds the record as it was (name, note): it goes at once.
    remove_record_caches(workspace.root);
    report(context, workspace, outcome, plan.edit.removals);
    context.info(fmt::format("forgot {}: now '{}' in {} reference{}", person.id, plan.to_id,
                             plan.references, plan.references == 1 ? "" : "s"));
    if (!plan.mentions.empty()) {
        std::string list;
        for (const auto& path : plan.mentions) {
            list += "\n  " + context.display_path(workspace, path);
        }
        context.warn("free text is not rewritten; these files still contain the name or the "
                     "old id, edit them by hand:" +
                     list);
    }
    if (auto warning = commit_files(workspace, all_paths(outcome, plan.edit.removals),
                                    "people: forget a person (now " + plan.to_id + ")")) {
        context.warn(*warning);
    }
    if (inside_git_repository(workspace.root)) {
        context.warn(fmt::format("git history still holds '{}'; see 'spark people forget "
                                 "--help' to purge it",
                                 person.path));
    }
}

} // namespace

void register_people_edit(CLI::App& people, Context& context) {
    auto merge = std::make_shared<MergeOptions>();
    auto* merge_command =
        people.add_subcommand("merge", "Merge two records of one person into the first");
    merge_command->add_option("KEEP", merge->keep, "The person who stays (id, name or prefix)")
        ->required();
    merge_command->add_option("DROP", merge->drop, "The duplicate whose record goes")->required();
    merge_command->footer(
        "Every reference to DROP (entries' people, meetings' attendees, invited_by)\n"
        "becomes KEEP, never twice in one list; an invited_by that would name its own\n"
        "person is cleared. KEEP keeps its own fields; empty ones (group, department,\n"
        "note, invited_by) are filled from DROP, roles are united and 'since' becomes the\n"
        "earlier date. Every file is computed and verified first; DROP's file is removed\n"
        "last, so an interrupted merge leaves a valid workspace (run it again to finish).\n"
        "With autocommit, one commit holds exactly the changed and removed files.\n"
        "Example, after 'spark check' named two people with the same name:\n"
        "  spark people merge anna-de-vries-k3m9 anna-de-vries-p7qr");
    run_when_chosen(*merge_command, context, merge, run_merge);

    auto forget = std::make_shared<ForgetOptions>();
    auto* forget_command = people.add_subcommand(
        "forget", "Remove a person's record; references become a stable pseudonym");
    forget_command->add_option("PERSON", forget->person, "Id, name or unique prefix")->required();
    forget_command->footer(
        "The record goes; a pseudonym 'people/forgotten-<hash>.toml' takes its place in\n"
        "every entry, meeting and invited_by, keeping only group, roles, since and\n"
        "invited_by (private, no name, department or note), so reports count the same\n"
        "people. The hash comes from the old id: forgetting the same person in two clones\n"
        "gives the same pseudonym, and clones merge cleanly. Whoever knows the old id can\n"
        "recompute it.\n"
        "\n"
        "Not rewritten: free text. Titles, bodies, notes, questions and comments that\n"
        "mention the name stay as they are (and so do file names made from a title);\n"
        "spark lists the files that still contain the name or the old id so you can edit\n"
        "them. Reports and 'spark status' keep hiding the name meanwhile, also text that\n"
        "arrives later: the pseudonym keeps salted hashes of the name's forms\n"
        "(name_hashes). The record cache in .spark/cache/ is removed at once.\n"
        "\n"
        "Git history still holds the old file and every earlier version of those texts.\n"
        "To purge it, rewrite history and then replace every clone (others must re-clone\n"
        "or hard-reset; forks and backups keep the old data):\n"
        "  git filter-repo --invert-paths --path people/<id>.toml\n"
        "or, without git-filter-repo:\n"
        "  git filter-branch --index-filter \\\n"
        "    'git rm --cached --ignore-unmatch people/<id>.toml' -- --all\n"
        "  git push --force --all\n"
        "\n"
        "Example:\n"
        "  spark people forget 'Karim El Idrissi'");
    run_when_chosen(*forget_command, context, forget, run_forget);
}

} // namespace spark
