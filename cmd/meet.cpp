#include "body_input.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "involvement.hpp"
#include "people.hpp"
#include "record_view.hpp"
#include "records.hpp"
#include "store.hpp"
#include "terminal.hpp"
#include "text.hpp"
#include "validate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <optional>

namespace spark {

namespace {

struct MeetOptions {
    std::string title;
    std::string date = "today";
    std::vector<std::string> with;
    std::optional<std::string> setting; // given but empty is an error, not "derive it"
    std::string place;
    std::vector<std::string> questions;
    std::vector<std::string> dilemmas;
    std::vector<std::string> outcomes;
    std::vector<std::string> followups;
    BodyInput body;
    bool create_new = false;
};

std::vector<std::string> validated_list(const std::vector<std::string>& values,
                                        std::string_view option) {
    for (const auto& value : values) {
        validate_text(value, option, true);
    }
    return values;
}

void run_meet(const MeetOptions& options, const Context& context) {
    Meeting meeting;
    validate_text(options.title, "the title", true);
    meeting.title = options.title;
    meeting.date = parse_date_argument(options.date, context.today());
    context.warn_if_future(meeting.date);
    std::optional<Setting> setting;
    if (options.setting) {
        validate_text(*options.setting, "--setting", false);
        setting = setting_from_name(*options.setting);
        if (!setting) {
            throw UsageError(fmt::format("unknown setting '{}' (expected internal, external or "
                                         "mixed)",
                                         *options.setting));
        }
    }
    validate_text(options.place, "--place", false);
    meeting.place = options.place;
    meeting.questions = validated_list(options.questions, "--question");
    meeting.dilemmas = validated_list(options.dilemmas, "--dilemma");
    meeting.outcomes = validated_list(options.outcomes, "--outcome");
    meeting.followups = validated_list(options.followups, "--followup");
    for (const auto& name : options.with) {
        validate_text(name, "--with", true);
    }

    const Workspace workspace = context.open_workspace();
    Records records = load_valid_records(workspace);

    // Resolve everyone before writing anything, so an unknown name leaves no trace.
    std::vector<std::string> attendees;
    std::vector<std::string> unknown_names;
    std::vector<std::optional<Group>> groups;
    for (const auto& query : without_repeats(options.with)) {
        auto found = lookup_person(records.people, query);
        if (found.person != nullptr) {
            attendees.push_back(found.person->id);
            groups.push_back(found.person->group);
        } else if (found.ambiguous()) {
            resolve_person(records.people, query); // throws with the candidates
        } else if (!options.create_new) {
            throw Error(fmt::format("unknown person '{}'; nothing was saved{}\n"
                                    "  (use --new to add '{}' as a new person)",
                                    query,
                                    found.candidates.empty()
                                        ? std::string()
                                        : "; did you mean:" + describe_candidates(found.candidates),
                                    query));
        } else if (!found.candidates.empty()) {
            // A near-miss is far more often a typo than a new person with a similar name.
            throw Error(fmt::format(
                "unknown person '{}' is close to someone already known; nothing was saved; "
                "did you mean:{}\n  (if '{}' really is someone else, add them first with: "
                "spark people add \"{}\")",
                query, describe_candidates(found.candidates), query, query));
        } else if (std::none_of(
                       unknown_names.begin(), unknown_names.end(),
                       [&](const std::string& name) { return same_person_name(name, query); })) {
            unknown_names.push_back(query); // "Zeno Zomer" and "zeno  zomer" are one person
        }
    }
    meeting.body =
        read_body(options.body, fmt::format("Write about the meeting '{}'", meeting.title));

    std::vector<std::string> written;
    for (const auto& name : unknown_names) {
        Person person;
        person.name = name;
        person.since = meeting.date;
        const Stored stored = store_new_person(workspace, person);
        person.id = stored.id;
        person.path = stored.path;
        attendees.push_back(stored.id);
        written.push_back(stored.path);
        context.info(fmt::format("added person '{}' ({})", name,
                                 context.display_path(workspace, stored.path)));
        records.people.push_back(std::move(person));
    }
    meeting.attendees = without_repeats(attendees);
    meeting.setting = setting.value_or(setting_for_groups(groups));

    const Stored stored = store_new_meeting(workspace, meeting);
    written.push_back(stored.path);
    fmt::print("{}\n", context.display_path(workspace, stored.path));

    meeting.id = stored.id;
    meeting.path = stored.path;
    records.meetings.push_back(meeting);
    std::sort(records.people.begin(), records.people.end(),
              [](const Person& a, const Person& b) { return a.id < b.id; });
    std::sort(records.meetings.begin(), records.meetings.end(),
              [](const Meeting& a, const Meeting& b) { return a.id < b.id; });
    const auto involvement = first_involvement(records);
    for (const auto& id : newcomers(meeting, involvement)) {
        fmt::print("newcomer\t{}\t{}\n", id, terminal_line(display_name(records, id)));
    }
    if (auto warning = commit_files(workspace, written,
                                    "meet: " + meeting.title.substr(0, meeting.title.find('\n')))) {
        context.warn(*warning);
    }
}

} // namespace

void register_meet(CLI::App& app, Context& context) {
    auto options = std::make_shared<MeetOptions>();
    auto* command = app.add_subcommand("meet", "Record a meeting: who came, what they asked, "
                                               "what they struggle with");
    command->add_option("TITLE", options->title, "Name of the meeting")->required();
    command
        ->add_option("-d,--date", options->date,
                     "The day (default: today): 2026-11-30, 30-11-2026, 30-11, yesterday, "
                     "gisteren, maandag, vorige week, -3d (all forms: man spark)")
        ->option_text("DATE");
    command
        ->add_option("-w,--with", options->with, "Attendee: id, name or unique prefix; repeatable")
        ->option_text("PERSON")
        ->allow_extra_args(false);
    command->add_flag("--new", options->create_new,
                      "Add a person record for each --with name not known yet");
    command
        ->add_option("-s,--setting", options->setting,
                     "internal, external or mixed (default: from the attendees' groups)")
        ->option_text("SETTING");
    command->add_option("--place", options->place, "Where it took place")->option_text("TEXT");
    command->add_option("--question", options->questions, "A question raised; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false);
    command->add_option("--dilemma", options->dilemmas, "A practice dilemma raised; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false);
    command->add_option("--outcome", options->outcomes, "What came out of it; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false);
    command->add_option("--followup", options->followups, "An open follow-up; repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false);
    for (const char* raised : {"--question", "--dilemma", "--outcome", "--followup"}) {
        command->get_option(raised)->group("What came up");
    }
    add_body_options(*command, options->body);
    command->footer(
        "Prints the path written, then one 'newcomer<TAB>id<TAB>name' line for each attendee\n"
        "who appears for the first time.\n"
        "Examples:\n"
        "  spark meet 'Buurttafel Oost' --with anna --with 'Karim El Idrissi' --new \\\n"
        "      --question 'Mag een bewoner zelf de speeltuin beheren?' --setting mixed\n"
        "  spark meet 'Intervisie' --date gisteren --with anna --with joris "
        "--dilemma 'Regels of ruimte?'");
    run_when_chosen(*command, context, options, run_meet);
}

} // namespace spark
