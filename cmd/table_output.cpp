#include "table_output.hpp"

#include "error.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace spark {

void add_row_format_options(CLI::App& command, RowFormatOptions& options) {
    command
        .add_option("--format", options.format,
                    "table (aligned; the default on a terminal), tsv (the default in a pipe), "
                    "csv or json")
        ->check(CLI::IsMember({"table", "tsv", "csv", "json"}))
        ->option_text("FORMAT")
        ->group("Output");
    command.add_flag("--json", options.json, "The same as --format json")->group("Output");
    command
        .add_option("--csv-sep", options.csv_separator,
                    "Separator for --format csv (default ','; ';' for Dutch Excel)")
        ->option_text("CHAR")
        ->group("Output");
    command
        .add_flag("--bom", options.bom,
                  "Start --format csv with a UTF-8 byte order mark (Excel needs it for accents)")
        ->group("Output");
}

RowFormat chosen_row_format(const RowFormatOptions& options, const Context& context) {
    if (options.json && options.format && *options.format != "json") {
        throw UsageError(
            fmt::format("--json cannot be combined with --format {}", *options.format));
    }
    RowFormat format = options.json                 ? RowFormat::json
                       : !options.format            ? RowFormat::tsv
                       : *options.format == "table" ? RowFormat::table
                       : *options.format == "csv"   ? RowFormat::csv
                       : *options.format == "json"  ? RowFormat::json
                                                    : RowFormat::tsv;
    if (!options.json && !options.format && context.is_terminal(stdout)) {
        format = RowFormat::table;
    }
    if (options.csv_separator) {
        if (format != RowFormat::csv) {
            throw UsageError("--csv-sep needs --format csv");
        }
        const std::string& sep = *options.csv_separator;
        if (sep.size() != 1 || sep == "\"" || sep == "\r" || sep == "\n") {
            throw UsageError(fmt::format("invalid value '{}' for '--csv-sep': expected one "
                                         "character other than a quote or a line break, such "
                                         "as ';' or ','",
                                         sep));
        }
    }
    if (options.bom && format != RowFormat::csv) {
        throw UsageError("--bom needs --format csv");
    }
    return format;
}

void print_rows(RowFormat format, const RowFormatOptions& options, const Context& context,
                const TextTable& data, const std::function<TextTable()>& display) {
    switch (format) {
    case RowFormat::table:
        fmt::print("{}", aligned(display(), context.terminal_width()));
        break;
    case RowFormat::csv:
        fmt::print("{}",
                   comma_separated(data, options.csv_separator.value_or(",")[0], options.bom));
        break;
    case RowFormat::tsv:
    case RowFormat::json: // printed by the command's own JSON writer
        fmt::print("{}", tab_separated(data));
        break;
    }
}

} // namespace spark
