#include "arguments.hpp"
#include "body_input.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "people.hpp"
#include "record_store.hpp"
#include "records.hpp"
#include "text.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct LogOptions {
    std::string kind;
    std::string title;
    std::string date = "today";
    std::vector<std::string> with;
    std::vector<std::string> tags;
    std::string effect;
    BodyInput body;
};

void run_log(const LogOptions& options, const Context& context) {
    Entry entry;
    auto kind = kind_from_input(options.kind);
    if (!kind && names_a_meeting(options.kind)) {
        // The title as the user can paste it back, when single quotes can hold it.
        const bool quotable =
            !options.title.empty() && options.title.find_first_of("'\n") == std::string::npos;
        throw UsageError(fmt::format("'{}' is not a kind of entry; record a meeting with: "
                                     "spark meet {} --with PERSON... (see spark meet --help)",
                                     options.kind, quotable ? "'" + options.title + "'" : "TITLE"));
    }
    if (!kind) {
        throw UsageError(fmt::format("unknown kind '{}' (expected one of: {})", options.kind,
                                     join(kind_input_names(), ", ")));
    }
    entry.kind = *kind;
    validate_text(options.title, "the title", true);
    entry.title = options.title;
    entry.date = parse_date_argument(options.date, context.today());
    context.warn_if_future(entry.date);
    for (const auto& tag : options.tags) {
        validate_text(tag, "--tag", true);
    }
    entry.tags = without_repeats(options.tags);
    validate_text(options.effect, "--effect", false);
    entry.effect = options.effect;
    for (const auto& person : options.with) {
        validate_text(person, "--with", true);
    }

    const Workspace workspace = context.open_workspace_for_writing();
    if (!options.with.empty()) {
        const Records people = load_valid_people(workspace);
        const PeopleIndex index(people.people);
        std::vector<std::string> ids;
        for (const auto& query : options.with) {
            ids.push_back(index.resolve(query).id);
        }
        entry.people = without_repeats(ids);
    }
    const std::string& language = workspace.config.language;
    const std::string hint = language == "en" ? fmt::format("Write what happened: {} '{}'",
                                                            term(entry.kind).word.en, entry.title)
                                              : fmt::format("Schrijf op wat er gebeurde: {} '{}'",
                                                            term(entry.kind).word.nl, entry.title);
    entry.body = read_body(options.body, hint, language);

    const Stored stored = store_new_entry(workspace, entry);
    fmt::print("{}\n", context.display_path(workspace, stored.path));
    const std::string message =
        fmt::format("log({}): {}", name_of(entry.kind), commit_subject_line(entry.title));
    if (auto warning = commit_files(workspace, {stored.path}, message)) {
        context.warn(*warning);
    }
}

} // namespace

void register_log(CLI::App& app, Context& context) {
    auto options = std::make_shared<LogOptions>();
    auto* command = app.add_subcommand("log", "Record one entry: a " + kind_choices());
    command->add_option("KIND", options->kind, kind_spellings())->required();
    command->add_option("TITLE", options->title, "What happened, in one line")->required();
    command
        ->add_option("-d,--date", options->date,
                     "The day (default: today): 2026-11-30, 30-11-2026, 30-11, yesterday, "
                     "gisteren, maandag, vorige week, -3d (all forms: man spark)")
        ->option_text("DATE");
    command
        ->add_option("-w,--with", options->with,
                     "Person involved: id, name or unique prefix; repeatable")
        ->option_text("PERSON")
        ->allow_extra_args(false);
    command->add_option("-t,--tag", options->tags, "Tag; repeatable")
        ->option_text("TAG")
        ->allow_extra_args(false);
    command
        ->add_option("--effect", options->effect,
                     "Evidence that it worked (for matches: the proven effect)")
        ->option_text("TEXT");
    add_body_options(*command, options->body);
    command->footer(
        "Examples:\n"
        "  spark log vonk 'Eerste koffie met het kernteam' --with anna --with joris\n"
        "  spark log match 'Vergunning in een week' --effect 'doorlooptijd 8 -> 1 week'\n"
        "  spark log actie 'Buurtbudget zonder formulier' -m 'Wat we deden.' -m 'Wat het gaf.'");
    run_when_chosen(*command, context, options, run_log);
}

} // namespace spark
