#include "arguments.hpp"
#include "body_input.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git.hpp"
#include "meeting_plan.hpp"
#include "people.hpp"
#include "records.hpp"
#include "terminal.hpp"
#include "text.hpp"

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
    std::optional<std::string> new_group;  // for the people --new creates
    std::optional<std::string> invited_by; // likewise; given but empty is an error
};

std::vector<std::string> validated_list(const std::vector<std::string>& values,
                                        std::string_view option) {
    for (const auto& value : values) {
        validate_text(value, option, true);
    }
    return values;
}

// The report counts groups to see how far the fire reached, so a new person without one is
// said at the end, with the command that gives them one.
void suggest_groups(const std::vector<Person>& added, const std::vector<Stored>& stored,
                    const Context& context) {
    std::vector<std::string> commands;
    for (std::size_t i = 0; i < added.size(); ++i) {
        if (!added[i].group) {
            commands.push_back(fmt::format("  spark people set {} --group GROUP", stored[i].id));
        }
    }
    if (commands.empty()) {
        return;
    }
    context.info(fmt::format(
        "{} without a group; give {} one ({}) with:\n{}",
        commands.size() == 1 ? "1 new person" : fmt::format("{} new people", commands.size()),
        commands.size() == 1 ? "them" : "each", join(group_ids(), ", "), join(commands, "\n")));
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
    if ((options.new_group || options.invited_by) && !options.create_new) {
        throw UsageError("--new-group and --invited-by describe the people --new adds; "
                         "add --new, or use 'spark people set' for people already known");
    }
    AttendeeOptions attendees{options.with, options.create_new, setting};
    if (options.new_group) {
        attendees.new_group = group_argument(*options.new_group, "--new-group");
    }
    if (options.invited_by) {
        validate_text(*options.invited_by, "--invited-by", true);
    }

    const Workspace workspace = context.open_workspace_for_writing();
    Records records = load_valid_records(workspace);
    if (options.invited_by) {
        attendees.new_invited_by = resolve_person(records.people, *options.invited_by).id;
    }
    MeetingPlan plan = plan_meeting(records.people, std::move(meeting), attendees);
    const std::string& language = workspace.config.language;
    plan.meeting.body = read_body(
        options.body,
        language == "en" ? fmt::format("Write about the meeting '{}'", plan.meeting.title)
                         : fmt::format("Schrijf over de ontmoeting '{}'", plan.meeting.title),
        language);
    const std::string subject = commit_subject_line(plan.meeting.title);
    std::vector<std::string> same_day; // ids: `records` goes to record_meeting
    for (const Meeting* other : same_title_same_day(records.meetings, plan.meeting)) {
        same_day.push_back(other->id);
    }

    const RecordedMeeting recorded = record_meeting(workspace, std::move(records), plan);
    for (std::size_t i = 0; i < recorded.new_people.size(); ++i) {
        context.info(fmt::format("added person '{}' ({})", plan.new_people[i].name,
                                 context.display_path(workspace, recorded.new_people[i].path)));
    }
    fmt::print("{}\n", context.display_path(workspace, recorded.meeting.path));
    for (const auto& newcomer : recorded.newcomers) {
        fmt::print("newcomer\t{}\t{}\n", newcomer.id, terminal_line(newcomer.name));
    }
    if (auto warning = commit_files(workspace, recorded.paths, "meet: " + subject)) {
        context.warn(*warning);
    }
    if (!same_day.empty()) {
        context.warn(fmt::format("a meeting with the same title on {} was already recorded "
                                 "({}); if this is the same meeting, remove one with: "
                                 "spark rm {}",
                                 plan.meeting.date.iso(), join(same_day, ", "),
                                 recorded.meeting.id));
    }
    suggest_groups(plan.new_people, recorded.new_people, context);
}

} // namespace

void register_meet(CLI::App& app, Context& context) {
    auto options = std::make_shared<MeetOptions>();
    auto* command =
        app.add_subcommand("meet", "Record a meeting: who came, what they asked, their dilemmas");
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
    command->add_option("--new-group", options->new_group, "The group of the people --new adds")
        ->option_text("GROUP");
    command
        ->add_option("--invited-by", options->invited_by,
                     "Who brought in the people --new adds: id, name or unique prefix")
        ->option_text("PERSON");
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
        "Prints the path written, then one 'newcomer<TAB>id<TAB>name' line for each\n"
        "attendee who appears for the first time. People --new adds without a group are\n"
        "listed last (stderr) with the 'spark people set' command that gives them one.\n"
        "Examples:\n"
        "  spark meet 'Buurttafel Oost' --with anna --with 'Karim El Idrissi' --new \\\n"
        "      --new-group resident --invited-by anna \\\n"
        "      --question 'Mag een bewoner zelf de speeltuin beheren?'\n"
        "  spark meet 'Intervisie' --date gisteren --with anna --with joris "
        "--dilemma 'Regels of ruimte?'");
    run_when_chosen(*command, context, options, run_meet);
}

} // namespace spark
