#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "involvement.hpp"
#include "json.hpp"
#include "people.hpp"
#include "period.hpp"
#include "records.hpp"
#include "terminal.hpp"
#include "text.hpp"
#include "timeline.hpp"

#include <fmt/format.h>
#include <memory>
#include <optional>

namespace spark {

namespace {

struct ListOptions {
    std::vector<std::string> kinds;
    // Given but empty is an error, not "no filter".
    std::optional<std::string> since;
    std::optional<std::string> until;
    std::optional<std::string> period;
    std::optional<std::string> with;
    std::optional<std::string> tag;
    bool json = false;
};

TimelineFilter make_filter(const ListOptions& options, const Records& records, const Date& today) {
    TimelineFilter filter;
    if (!options.kinds.empty()) {
        filter.include_meetings = false;
        for (const auto& text : options.kinds) {
            if (text == "meeting" || text == "meetings" || text == "ontmoeting") {
                filter.include_meetings = true;
            } else if (auto kind = kind_from_input(text)) {
                filter.kinds.push_back(*kind);
            } else {
                throw UsageError(fmt::format("unknown kind '{}' (expected one of: {}, meeting)",
                                             text, join(kind_input_names(), ", ")));
            }
        }
        filter.include_entries = !filter.kinds.empty();
    }
    if (options.period) {
        if (options.since || options.until) {
            throw UsageError("--period cannot be combined with --since or --until");
        }
        const Period period = parse_period(*options.period, today);
        filter.since = period.since;
        filter.until = period.until;
    }
    if (options.since) {
        filter.since = parse_date_argument(*options.since, today, "--since");
    }
    if (options.until) {
        filter.until = parse_date_argument(*options.until, today, "--until");
    }
    if (filter.since && filter.until && *filter.until < *filter.since) {
        throw UsageError(fmt::format("--since {} is after --until {}", filter.since->iso(),
                                     filter.until->iso()));
    }
    if (options.with) {
        filter.person = resolve_person(records.people, *options.with).id;
    }
    if (options.tag) {
        filter.tag = *options.tag;
    }
    return filter;
}

void run_list(const ListOptions& options, const Context& context) {
    if (options.with) {
        validate_text(*options.with, "--with", true);
    }
    if (options.tag) {
        validate_text(*options.tag, "--tag", true);
    }
    const Workspace workspace = context.open_workspace();
    const Records records =
        load_valid_records(workspace, options.json ? Texts::included : Texts::skipped);
    const auto items = timeline(records, make_filter(options, records, context.today()));
    if (options.json) {
        JsonWriter out(stdout);
        write_timeline(out, items, first_involvement(records));
        out.finish();
        context.exit_after_output();
    }
    for (const auto& item : items) {
        fmt::print("{}\n", terminal_text(fmt::format(
                               "{}\t{}\t{}\t{}\t{}", item.date().iso(), item.kind_name(), item.id(),
                               single_line(item.title()), join(item.people(), ","))));
    }
    context.exit_after_output();
}

} // namespace

void register_list(CLI::App& app, Context& context) {
    auto options = std::make_shared<ListOptions>();
    auto* command = app.add_subcommand("list", "List entries and meetings in date order");
    command
        ->add_option("-k,--kind", options->kinds,
                     "Only this kind (English or Dutch name, or 'meeting'); repeatable")
        ->option_text("KIND")
        ->allow_extra_args(false);
    command->add_option("--since", options->since, "From this date on (inclusive)")
        ->option_text("DATE");
    command->add_option("--until", options->until, "Up to this date (inclusive)")
        ->option_text("DATE");
    command
        ->add_option("--period", options->period,
                     "In this month, quarter, tertial or year: 2026-11, 2026-Q4, 2026-T3, "
                     "2026, vorige-maand, dit-kwartaal, …")
        ->option_text("PERIOD");
    command->add_option("-w,--with", options->with, "Only records this person took part in")
        ->option_text("PERSON");
    command->add_option("-t,--tag", options->tag, "Only entries with this tag")->option_text("TAG");
    command->add_flag("--json", options->json,
                      "Print a JSON array with every field, id, path and newcomers");
    for (const char* filter : {"--kind", "--since", "--until", "--period", "--with", "--tag"}) {
        command->get_option(filter)->group("Filters (all must hold)");
    }
    command->footer(
        "Columns (tab-separated): date, kind, id, title, people (ids, comma-separated).\n"
        "Filters combine: every one given must hold. Nothing matching prints nothing.\n"
        "Examples:\n"
        "  spark list --kind match --since 2026-09-01\n"
        "  spark list --with anna --json | jq '.[].title'\n"
        "  spark list --kind meeting --json | jq -r '.[] | \"\\(.date[:7]) \\(.newcomers | "
        "length)\"'");
    run_when_chosen(*command, context, options, run_list);
}

} // namespace spark
