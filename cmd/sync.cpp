#include "sync.hpp"

#include "commands.hpp"
#include "text.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

std::string commits(long n) {
    return fmt::format("{} commit{}", n, n == 1 ? "" : "s");
}

void run_sync(const Context& context) {
    const Workspace workspace = context.open_workspace();
    const SyncReport report = sync_with_remote(workspace);
    if (report.received == 0 && report.sent == 0) {
        context.info(fmt::format("in step with {}", report.remote_branch));
    }
    if (report.received > 0) {
        context.info(
            fmt::format("received {} from {}", commits(report.received), report.remote_branch));
    }
    if (report.sent > 0) {
        context.info(fmt::format("sent {} to {}", commits(report.sent), report.remote_branch));
    }
    if (!report.untracked.empty()) {
        context.warn(fmt::format("{} record file{} not committed, so not sent (autocommit is "
                                 "off?): {}",
                                 report.untracked.size(),
                                 report.untracked.size() == 1 ? " is" : "s are",
                                 join(report.untracked, ", ")));
    }
    run_check(context);
}

} // namespace

void register_sync(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("sync", "Exchange records with colleagues through git");
    command->footer(
        "Like 'git pull --rebase' then 'git push' on the branch's upstream (or the only\n"
        "remote), then 'spark check'. Every record is its own file, so records written in\n"
        "two clones never conflict. Nothing is changed when git cannot go on: no remote,\n"
        "uncommitted changes, or one file edited on both sides; spark says what to do.\n"
        "The first time: git remote add origin URL, then spark sync.\n"
        "Examples:\n"
        "  spark sync\n"
        "  spark -q sync      # in a script: only problems and errors");
    run_when_chosen(*command, context, run_sync);
}

} // namespace spark
