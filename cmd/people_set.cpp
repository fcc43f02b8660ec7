// spark people set: change one person's fields in place.

#include "people_set.hpp"

#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "involvement.hpp"
#include "people.hpp"
#include "record_rewrite.hpp"
#include "records.hpp"
#include "storage.hpp"
#include "terminal.hpp"
#include "text.hpp"
#include "workspace_edit.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct SetOptions {
    std::string person;
    PersonChanges changes;
};

// Records are read only when the date someone joined changes: `check` warns about a record
// before it, and the user should hear it now, not at the next check.
void warn_about_records_before(const Workspace& workspace, const Person& after,
                               const Context& context) {
    context.warn_if_future(after.since);
    Records records = load_records(workspace, Texts::skipped);
    for (auto& person : records.people) {
        if (person.id == after.id) {
            person = after;
        }
    }
    const auto involvement = first_involvement(records);
    if (const auto found = involvement.find(after.id);
        found != involvement.end() && found->second.before_since) {
        context.warn(fmt::format("{} takes part on {}, before joining on {}; spark check "
                                 "will warn about it until one of the dates is corrected",
                                 terminal_line(after.name), found->second.first_record.iso(),
                                 after.since.iso()));
    }
}

void run_set(const SetOptions& options, const Context& context) {
    validate_text(options.person, "the person", true);
    if (options.changes.empty()) {
        // The same message plan_person_set gives, before the workspace is opened.
        plan_person_set({}, Person{}, options.changes, context.today());
    }
    const Workspace workspace = context.open_workspace_for_writing();
    const Records records = load_valid_people(workspace);
    const Person& person = resolve_person(records.people, options.person);
    const PersonSet set = plan_person_set(records.people, person, options.changes, context.today());
    if (set.changes.empty()) {
        context.info(fmt::format("{} ({}) already has these values; nothing was changed",
                                 terminal_line(person.name), person.id));
        return;
    }
    if (options.changes.name) {
        for (const auto& other : records.people) {
            if (other.id != person.id && same_person_name(other.name, set.after.name)) {
                context.warn(fmt::format("'{}' is also the name of {}; if they are one person, "
                                         "run: spark people merge {} {}",
                                         terminal_line(other.name), other.id, other.id, person.id));
            }
        }
    }
    WorkspaceEdit edit;
    edit.writes.push_back(
        rewrite_record(person, set.after, read_file(workspace.root / person.path)));
    verify_unchanged(workspace, edit);
    apply_writes(workspace, edit);
    fmt::print("{}\n", context.display_path(workspace, person.path));
    for (const auto& change : set.changes) {
        context.info(fmt::format("{}: {} -> {}", change.field, terminal_line(change.before),
                                 terminal_line(change.after)));
    }
    if (edit.writes.front().reformatted) {
        context.warn(fmt::format("'{}' was written anew; its hand formatting and comments "
                                 "could not be kept",
                                 person.path));
    }
    if (auto warning = commit_files(workspace, edit.paths(), "people: set " + set.after.name)) {
        context.warn(*warning);
    }
    if (options.changes.since && set.after.since.valid()) {
        warn_about_records_before(workspace, set.after, context);
    }
}

} // namespace

void register_people_set(CLI::App& people, Context& context) {
    auto options = std::make_shared<SetOptions>();
    PersonChanges& changes = options->changes;
    auto* command = people.add_subcommand("set", "Change a person's group, roles, inviter, …");
    command->add_option("PERSON", options->person, "Id, name or unique prefix")->required();
    const std::string who = "Who they are";
    const std::string how = "How they came in";
    const std::string reports = "In reports";
    command->add_option("-g,--group", changes.group, group_choices() + "; '' clears it")
        ->option_text("GROUP")
        ->group(who);
    command->add_option("-r,--role", changes.roles, "The roles become exactly these; repeatable")
        ->option_text("ROLE")
        ->allow_extra_args(false)
        ->group(who);
    command->add_option("--add-role", changes.add_roles, role_choices() + "; repeatable")
        ->option_text("ROLE")
        ->allow_extra_args(false)
        ->group(who);
    command->add_option("--remove-role", changes.remove_roles, "A role to drop; repeatable")
        ->option_text("ROLE")
        ->allow_extra_args(false)
        ->group(who);
    command->add_option("--department", changes.department, "Department or team; '' clears it")
        ->option_text("TEXT")
        ->group(who);
    command->add_option("--name", changes.name, "The name shown (the id stays the same)")
        ->option_text("NAME")
        ->group(who);
    command->add_option("--invited-by", changes.invited_by, "Who brought them in; '' clears it")
        ->option_text("PERSON")
        ->group(how);
    command
        ->add_option("--since", changes.since,
                     "When they joined; '' clears it (then their first record counts)")
        ->option_text("DATE")
        ->group(how);
    command
        ->add_flag("--public", changes.make_public,
                   "Show the name in reports even for people from outside")
        ->group(reports);
    command
        ->add_flag("--private", changes.make_private,
                   "Show people from outside as group and number")
        ->group(reports);
    command->footer(
        "Changes only the fields given; one commit 'people: set NAME'. Prints the path and,\n"
        "on stderr, each field that changed. An inviter that would make a cycle, or the\n"
        "person themselves, is refused. The id (and the file name) never changes.\n"
        "Examples:\n"
        "  spark people set karim --group initiator --invited-by anna\n"
        "  spark people set anna --add-role poker\n"
        "  spark people set 'Wethouder Jansen' --name 'Wethouder P. Jansen' --public");
    run_when_chosen(*command, context, options, run_set);
}

} // namespace spark
