// libFuzzer target: bytes split into record files ("\n%%\n" between them; the first byte
// of each chooses person, entry or meeting) are loaded and rendered as a report. Rendering
// must never crash, and user text must never open HTML or break out of a Mermaid block.
#include "figures.hpp"
#include "gauge.hpp"
#include "record_reader.hpp"
#include "report.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

void load(std::string_view part, std::size_t index, spark::Records& records) {
    if (part.empty()) {
        return;
    }
    const char type = part.front();
    part.remove_prefix(1);
    std::vector<spark::Diagnostic> diagnostics;
    const std::string id =
        "2026-01-0" + std::to_string(index % 9 + 1) + "-r" + std::to_string(index);
    if (type % 3 == 0) {
        if (auto p = spark::read_person(part, "p.toml", "p" + std::to_string(index), diagnostics)) {
            records.people.push_back(std::move(*p));
        }
    } else if (type % 3 == 1) {
        if (auto e = spark::read_entry(part, "e.toml", id, diagnostics)) {
            records.entries.push_back(std::move(*e));
        }
    } else if (auto m = spark::read_meeting(part, "m.toml", id, diagnostics)) {
        records.meetings.push_back(std::move(*m));
    }
}

std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string_view::npos;
         at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    spark::Records records;
    std::size_t start = 0;
    for (std::size_t index = 0; start <= input.size(); ++index) {
        const auto end = input.find("\n%%\n", start);
        load(
            input.substr(start, end == std::string_view::npos ? input.size() - start : end - start),
            index, records);
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 4;
    }
    auto by_id = [](const auto& a, const auto& b) {
        return a.id < b.id;
    };
    std::sort(records.people.begin(), records.people.end(), by_id);
    std::sort(records.entries.begin(), records.entries.end(), by_id);
    std::sort(records.meetings.begin(), records.meetings.end(), by_id);

    spark::Config config;
    config.name = "Fuzz";
    const spark::Period period{spark::Date{2020, 1, 1}, spark::Date{2030, 12, 31}};
    const auto analysis = spark::analyse(records, config, period, period.until);
    spark::ReportOptions options;
    options.generated = period.until;
    options.names = spark::NamesMode::all;
    const std::string markdown = spark::render_markdown_report(config, records, analysis, options);
    // The only '<' and fences are spark's own: user text is escaped.
    if (markdown.find('<') != std::string::npos || count(markdown, "```") % 2 != 0) {
        std::abort();
    }
    // The HTML page: user text never opens a tag or an attribute of its own.
    const std::string page =
        spark::render_html(spark::build_report(config, records, analysis, options));
    if (page.find("<script") != std::string::npos || page.find("<img") != std::string::npos ||
        page.find("<iframe") != std::string::npos) {
        std::abort();
    }
    (void)spark::render_json_report(config, records, analysis, options);
    return 0;
}
