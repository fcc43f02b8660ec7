#include "arguments.hpp"
#include "commands.hpp"
#include "involvement.hpp"
#include "json.hpp"
#include "record_lookup.hpp"
#include "record_view.hpp"
#include "records.hpp"
#include "terminal.hpp"

#include <fmt/format.h>
#include <memory>

namespace spark {

namespace {

struct ShowOptions {
    std::string id;
    bool json = false;
};

void run_show(const ShowOptions& options, const Context& context) {
    validate_text(options.id, "the id", true);
    const Workspace workspace = context.open_workspace();
    const Records records = load_valid_records(workspace);
    const RecordRef found = find_record(records, options.id);
    const InvolvementMap involvement = first_involvement(records);
    if (options.json) {
        JsonWriter out(stdout);
        if (found.entry) {
            write_entry(out, *found.entry);
        } else if (found.meeting) {
            write_meeting(out, *found.meeting, records.people, involvement);
        } else {
            write_person_details(out, *found.person, records, involvement);
        }
        out.finish();
        context.exit_after_output();
    }
    if (found.entry) {
        fmt::print("{}", terminal_text(view_entry(*found.entry, records)));
    } else if (found.meeting) {
        fmt::print("{}", terminal_text(view_meeting(*found.meeting, records, involvement)));
    } else {
        fmt::print("{}", terminal_text(view_person(*found.person, records, involvement)));
    }
    context.exit_after_output();
}

} // namespace

void register_show(CLI::App& app, Context& context) {
    auto options = std::make_shared<ShowOptions>();
    auto* command = app.add_subcommand("show", "Show one entry, meeting or person");
    command->add_option("ID", options->id, "Id or unique beginning of one (a person also by name)")
        ->required();
    command->add_flag("--json", options->json, "Print JSON");
    command->footer("Examples:\n"
                    "  spark show 2026-11-29-buurtkamer\n"
                    "  spark show anna --json");
    run_when_chosen(*command, context, options, run_show);
}

} // namespace spark
