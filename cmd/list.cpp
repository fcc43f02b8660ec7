#include "arguments.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "involvement.hpp"
#include "json.hpp"
#include "people.hpp"
#include "period.hpp"
#include "record_view.hpp"
#include "records.hpp"
#include "table_output.hpp"
#include "text.hpp"
#include "timeline.hpp"

#include <algorithm>
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
    std::vector<std::string> texts; // --grep
    RowFormatOptions output;
};

TimelineFilter make_filter(const ListOptions& options, const Records& records, const Date& today) {
    TimelineFilter filter;
    if (!options.kinds.empty()) {
        filter.include_meetings = false;
        for (const auto& text : options.kinds) {
            if (std::find(std::begin(meeting_input_names), std::end(meeting_input_names),
                          fold_for_matching(text)) != std::end(meeting_input_names)) {
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
    filter.texts = options.texts;
    return filter;
}

// For programs: stable ids and English kinds, the columns scripts have always read.
TextTable data_table(const std::vector<TimelineItem>& items) {
    TextTable table{{"date", "kind", "id", "title", "people"}, {}};
    for (const auto& item : items) {
        table.rows.push_back({item.date().iso(), std::string(item.kind_name()), item.id(),
                              item.title(), join(item.people(), ",")});
    }
    return table;
}

// "Anouk Verbeek +4": the first person by name and how many more, so a meeting with many
// attendees keeps its row readable.
std::string people_summary(const std::vector<std::string>& ids, const Records& records) {
    if (ids.empty()) {
        return "";
    }
    std::string out = display_name(records, ids.front());
    return ids.size() == 1 ? out : fmt::format("{} +{}", out, ids.size() - 1);
}

// For a person: kind words and headings in the workspace's language, people by name, and
// the id's short form ("k3m9", which `spark show` accepts).
TextTable display_table(const std::vector<TimelineItem>& items, const Records& records,
                        Language language) {
    const bool nl = language == Language::nl;
    TextTable table{{nl ? "DATUM" : "DATE", nl ? "SOORT" : "KIND", nl ? "TITEL" : "TITLE",
                     nl ? "MENSEN" : "PEOPLE", "ID"},
                    {},
                    2};
    for (const auto& item : items) {
        const std::string& id = item.id();
        table.rows.push_back({item.date().iso(), std::string(item.kind_word(language)),
                              item.title(), people_summary(item.people(), records),
                              id.substr(id.rfind('-') + 1)});
    }
    return table;
}

void run_list(const ListOptions& options, const Context& context) {
    if (options.with) {
        validate_text(*options.with, "--with", true);
    }
    if (options.tag) {
        validate_text(*options.tag, "--tag", true);
    }
    for (const auto& text : options.texts) {
        validate_text(text, "--grep", true);
    }
    const RowFormat format = chosen_row_format(options.output, context);
    const Workspace workspace = context.open_workspace();
    // Bodies and other long texts are only read when they are printed or searched.
    const bool texts = format == RowFormat::json || !options.texts.empty();
    const Records records = load_valid_records(workspace, texts ? Texts::included : Texts::skipped);
    const auto items = timeline(records, make_filter(options, records, context.today()));
    if (format == RowFormat::json) {
        JsonWriter out(stdout);
        write_timeline(out, items, records.people, first_involvement(records));
        out.finish();
        context.exit_after_output();
    }
    const Language language = language_from_name(workspace.config.language).value_or(Language::nl);
    print_rows(format, options.output, context, data_table(items),
               [&] { return display_table(items, records, language); });
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
    command
        ->add_option("-g,--grep", options->texts,
                     "Only records whose title, body, effect, place, questions, dilemmas, "
                     "outcomes or follow-ups contain TEXT, ignoring case and accents; "
                     "repeatable")
        ->option_text("TEXT")
        ->allow_extra_args(false);
    for (const char* filter :
         {"--kind", "--since", "--until", "--period", "--with", "--tag", "--grep"}) {
        command->get_option(filter)->group("Filters (all must hold)");
    }
    add_row_format_options(*command, options->output);
    command->footer(
        "On a terminal: a table with the kinds in the workspace's language, people by name\n"
        "and the short id that 'spark show' takes. In a pipe (and with --format tsv): one "
        "tab-separated line per record, date,\n"
        "kind, id, title, people (ids, comma-separated). --format csv adds a header line.\n"
        "--json: every field, id, path and newcomers. Nothing matching prints nothing.\n"
        "Examples:\n"
        "  spark list --period vorige-maand --grep schoolplein\n"
        "  spark list --kind lucifer --format csv --csv-sep ';' --bom > lucifers.csv\n"
        "  spark list --with anna --json | jq '.[].title'\n"
        "  spark list --kind meeting --json | jq -r '.[] | \"\\(.date[:7]) \\(.newcomers | "
        "length)\"'");
    run_when_chosen(*command, context, options, run_list);
}

} // namespace spark
