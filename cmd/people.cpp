#include "people.hpp"

#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "involvement.hpp"
#include "json.hpp"
#include "record_store.hpp"
#include "record_view.hpp"
#include "records.hpp"
#include "table_output.hpp"
#include "terminal.hpp"
#include "text.hpp"

#include <fmt/format.h>
#include <memory>
#include <optional>

namespace spark {

namespace {

struct AddOptions {
    std::string name;
    std::string group;
    std::vector<std::string> roles;
    std::optional<std::string> invited_by; // given but empty is an error, not "nobody"
    std::optional<std::string> since;      // none: their first record says when they joined
    std::string department;
    std::string note;
    bool is_public = false;
    bool is_private = false;
    bool force = false;
};

struct ListOptions {
    RowFormatOptions output;
};

struct ShowOptions {
    std::string person;
    bool json = false;
};

void run_add(const AddOptions& options, const Context& context) {
    Person person;
    validate_text(options.name, "the name", true);
    person.name = options.name;
    if (!options.group.empty()) {
        person.group = group_argument(options.group, "--group");
    }
    for (const auto& text : without_repeats(options.roles)) {
        auto role = role_from_name(text);
        if (!role) {
            throw UsageError(fmt::format("unknown role '{}' (expected one of: {})", text,
                                         join(role_ids(), ", ")));
        }
        person.roles.push_back(*role);
    }
    if (options.is_public && options.is_private) {
        throw UsageError("--public and --private cannot be combined");
    }
    person.is_public = options.is_public;
    validate_text(options.department, "--department", false);
    person.department = options.department;
    validate_text(options.note, "--note", false);
    person.note = options.note;
    // Registering someone is not joining: without --since their first record says when.
    if (options.since) {
        person.since = parse_date_argument(*options.since, context.today(), "--since");
    }

    const Workspace workspace = context.open_workspace_for_writing();
    const Records people = load_valid_people(workspace);
    if (options.invited_by) {
        validate_text(*options.invited_by, "--invited-by", true);
        person.invited_by = resolve_person(people.people, *options.invited_by).id;
    }
    if (!options.force) {
        for (const auto& other : people.people) {
            if (same_person_name(other.name, person.name)) {
                throw Error(fmt::format("a person named '{}' already exists ({}); use --force to "
                                        "add another person with the same name",
                                        other.name, other.id));
            }
        }
    }
    const Stored stored = store_new_person(workspace, person);
    fmt::print("{}\n", context.display_path(workspace, stored.path));
    if (auto warning = commit_files(workspace, {stored.path}, "people: add " + person.name)) {
        context.warn(*warning);
    }
}

// The day someone first took part: their first record, or 'since' when that is earlier.
Date first_seen(const Person& person, const InvolvementMap& involvement) {
    auto found = involvement.find(person.id);
    return found == involvement.end() ? person.since : found->second.first;
}

std::string roles_text(const Person& person) {
    std::vector<std::string> names;
    for (Role role : person.roles) {
        names.emplace_back(name_of(role));
    }
    return join(names, ",");
}

// For programs: ids and English words, the columns scripts have always read.
TextTable data_table(const Records& records, const InvolvementMap& involvement) {
    TextTable table{{"id", "name", "group", "roles", "invited_by", "since", "first_involvement"},
                    {}};
    for (const auto& person : records.people) {
        table.rows.push_back({person.id, person.name,
                              person.group ? std::string(name_of(*person.group)) : "",
                              roles_text(person), person.invited_by, iso_or_empty(person.since),
                              iso_or_empty(first_seen(person, involvement))});
    }
    return table;
}

// For a person: groups and roles as words of the workspace's language, who invited them
// by name, and the id's short form.
TextTable display_table(const Records& records, const InvolvementMap& involvement,
                        Language language) {
    const bool nl = language == Language::nl;
    TextTable table{{nl ? "NAAM" : "NAME", nl ? "GROEP" : "GROUP", nl ? "ROLLEN" : "ROLES",
                     nl ? "UITGENODIGD DOOR" : "INVITED BY", nl ? "BETROKKEN" : "INVOLVED", "ID"},
                    {},
                    0};
    for (const auto& person : records.people) {
        std::vector<std::string> roles;
        for (Role role : person.roles) {
            roles.emplace_back(term(role).one.in(language));
        }
        table.rows.push_back(
            {person.name, person.group ? std::string(term(*person.group).one.in(language)) : "",
             join(roles, ", "),
             person.invited_by.empty() ? "" : display_name(records, person.invited_by),
             iso_or_empty(first_seen(person, involvement)),
             person.id.substr(person.id.rfind('-') + 1)});
    }
    return table;
}

void run_list(const ListOptions& options, const Context& context) {
    const RowFormat format = chosen_row_format(options.output, context);
    const Workspace workspace = context.open_workspace();
    const Records records =
        load_valid_records(workspace, format == RowFormat::json ? Texts::included : Texts::skipped);
    const InvolvementMap involvement = first_involvement(records);
    if (format == RowFormat::json) {
        JsonWriter out(stdout);
        write_people(out, records, involvement);
        out.finish();
        context.exit_after_output();
    }
    const Language language = language_from_name(workspace.config.language).value_or(Language::nl);
    print_rows(format, options.output, context, data_table(records, involvement),
               [&] { return display_table(records, involvement, language); });
    context.exit_after_output();
}

void run_show(const ShowOptions& options, const Context& context) {
    validate_text(options.person, "the person", true);
    const Workspace workspace = context.open_workspace();
    const Records records = load_valid_records(workspace);
    const Person& person = resolve_person(records.people, options.person);
    const InvolvementMap involvement = first_involvement(records);
    if (options.json) {
        JsonWriter out(stdout);
        write_person_details(out, person, records, involvement);
        out.finish();
        context.exit_after_output();
    }
    fmt::print("{}", terminal_text(view_person(person, records, involvement)));
    context.exit_after_output();
}

} // namespace

void register_people(CLI::App& app, Context& context) {
    auto* people =
        app.add_subcommand("people", "Add, list, show, set, merge and forget the people involved");
    people->require_subcommand(1);
    people->footer("People are named by id, full name or an unambiguous beginning of either,\n"
                   "ignoring case and accents ('jose' finds José Álvarez).\n"
                   "Examples:\n"
                   "  spark people add 'Anna de Vries' --group staff --role spark\n"
                   "  spark people list\n"
                   "  spark people show anna");

    auto add = std::make_shared<AddOptions>();
    auto* add_command = people->add_subcommand("add", "Add a person");
    add_command->add_option("NAME", add->name, "Full name")->required();
    // --help shows these under their own headings, after --force.
    const std::string who = "Who they are";
    const std::string how = "How they came in";
    const std::string reports = "In reports";
    add_command->add_option("-g,--group", add->group, group_choices())
        ->option_text("GROUP")
        ->group(who);
    add_command->add_option("-r,--role", add->roles, role_choices() + "; repeatable")
        ->option_text("ROLE")
        ->allow_extra_args(false)
        ->group(who);
    add_command->add_option("--department", add->department, "Department or team")
        ->option_text("TEXT")
        ->group(who);
    add_command->add_option("--note", add->note, "Free text")->option_text("TEXT")->group(who);
    add_command->add_option("--invited-by", add->invited_by, "Who brought them in")
        ->option_text("PERSON")
        ->group(how);
    add_command
        ->add_option("--since", add->since,
                     "When they joined (default: their first entry or meeting)")
        ->option_text("DATE")
        ->group(how);
    add_command
        ->add_flag("--public", add->is_public,
                   "Show the name in reports even for people from outside")
        ->group(reports);
    add_command
        ->add_flag("--private", add->is_private,
                   "Show people from outside as group and number (the default)")
        ->group(reports);
    add_command->add_flag("--force", add->force, "Add even if someone has the same name");
    add_command->footer(
        "Examples:\n"
        "  spark people add 'Anna de Vries' --group staff --role spark\n"
        "  spark people add 'Karim El Idrissi' --group initiator --invited-by anna\n"
        "  spark people add 'Wethouder Jansen' --group executive --role poker --public");
    run_when_chosen(*add_command, context, add, run_add);

    auto list = std::make_shared<ListOptions>();
    auto* list_command = people->add_subcommand("list", "List everyone, one per line");
    add_row_format_options(*list_command, list->output);
    list_command->footer(
        "On a terminal: a table with groups and roles in the workspace's language and who\n"
        "invited them by name. In a pipe (and with --format tsv): tab-separated id, name,\n"
        "group, roles, invited_by, since, first involvement; --format csv adds a header.\n"
        "Examples:\n"
        "  spark people list | cut -f2,3\n"
        "  spark people list --format csv --csv-sep ';' --bom > mensen.csv\n"
        "  spark people list --json | jq -r '.[] | select(.group == \"director\") | .name'");
    run_when_chosen(*list_command, context, list, run_list);

    auto show = std::make_shared<ShowOptions>();
    auto* show_command = people->add_subcommand("show", "Show one person");
    show_command->add_option("PERSON", show->person, "Id, name or unique prefix")->required();
    show_command->add_flag("--json", show->json, "Print JSON");
    show_command->footer("Also lists whom they invited and what they took part in.\n"
                         "Examples:\n"
                         "  spark people show anna\n"
                         "  spark people show 'José Álvarez' --json");
    run_when_chosen(*show_command, context, show, run_show);

    register_people_set(*people, context);
    register_people_edit(*people, context);
}

} // namespace spark
