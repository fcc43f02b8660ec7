#pragma once

// --format table|tsv|csv|json, --json, --csv-sep and --bom for the commands that print rows
// (list, people list), and printing a TextTable the way they were chosen.

#include "context.hpp"
#include "table.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

namespace spark {

enum class RowFormat { table, tsv, csv, json };

struct RowFormatOptions {
    std::optional<std::string> format;
    bool json = false;
    std::optional<std::string> csv_separator;
    bool bom = false;
};

void add_row_format_options(CLI::App& command, RowFormatOptions& options);

// The format asked for; without --format, a table on a terminal and tab-separated lines
// otherwise. Throws UsageError for contradictions (--json with --format csv, --bom
// without csv) and a separator that is not one character.
RowFormat chosen_row_format(const RowFormatOptions& options, const Context& context);

// Prints rows as chosen: `display` (words in the workspace's language, names) aligned for a
// person, or `data` (stable ids, English words) as TSV or CSV for programs. `display` is
// only built when it is shown.
void print_rows(RowFormat format, const RowFormatOptions& options, const Context& context,
                const TextTable& data, const std::function<TextTable()>& display);

} // namespace spark
