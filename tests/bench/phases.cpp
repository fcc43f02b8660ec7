// Where a warm `spark report` spends its time, phase by phase, on one workspace: the
// harness links libspark and times each step the command takes, median of K runs.
//
//   phases WORKSPACE [K]
//
// Build (from a Release build-bench of spark):
//   c++ -O2 -std=c++20 -pthread -Ilib tests/bench/phases.cpp build-bench/lib/libspark.a \
//       $(pkg-config --libs tomlplusplus fmt libutf8proc) -o phases
#include "figures.hpp"
#include "gauge.hpp"
#include "involvement.hpp"
#include "json.hpp"
#include "records.hpp"
#include "report.hpp"
#include "timeline.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: phases WORKSPACE [K]\n");
        return 2;
    }
    const std::filesystem::path root = argv[1];
    const int k = argc > 2 ? std::atoi(argv[2]) : 5;
    const spark::Workspace workspace = spark::open_workspace(root, root.c_str());
    const spark::Date today{2026, 11, 30};
    std::map<std::string, std::vector<double>> times;
    std::vector<std::string> order;
    auto timed = [&](const std::string& name, const std::function<void()>& step) {
        const auto start = Clock::now();
        step();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (times[name].empty() && std::find(order.begin(), order.end(), name) == order.end()) {
            order.push_back(name);
        }
        times[name].push_back(ms);
    };
    for (int run = 0; run < k; ++run) {
        std::vector<spark::Diagnostic> diagnostics;
        timed("walk: list the folders, sort the paths",
              [&] { spark::list_record_files(root, false, diagnostics); });
        auto* records = new spark::Records;
        spark::LoadOptions options;
        options.with_text = false;
        timed("load: walk + map the pack + stat + decode (no texts)",
              [&] { *records = spark::load_records(root, options); });
        spark::Figures figures;
        spark::Gauge gauge;
        timed("figures and gauge", [&] {
            const auto period = spark::resolve_period(
                "", "", "", spark::history_start(*records, workspace.config, today), today);
            figures = spark::compute_figures(*records, workspace.config.gauge, period, today);
            gauge = spark::assess(figures, workspace.config.gauge);
        });
        timed("render Markdown", [&] {
            spark::ReportOptions report;
            report.generated = today;
            const auto text =
                spark::render_markdown_report(workspace.config, *records, figures, gauge, report);
            if (text.empty()) {
                std::abort();
            }
        });
        timed("free the records (skipped by exit_after_output)", [&] { delete records; });
        spark::LoadOptions with_text;
        spark::Records all;
        timed("load with texts (list --json)", [&] { all = spark::load_records(root, with_text); });
        timed("list --json: timeline + streaming JSON to /dev/null", [&] {
            std::FILE* null = std::fopen("/dev/null", "w");
            spark::JsonWriter out(null);
            spark::write_timeline(out, spark::timeline(all, {}), spark::first_involvement(all));
            out.finish();
            std::fclose(null);
        });
    }
    for (const auto& name : order) {
        auto v = times[name];
        std::sort(v.begin(), v.end());
        std::printf("| %s | %.1f |\n", name.c_str(), v[v.size() / 2]);
    }
    return 0;
}
