#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "terminal.hpp"
#include "usage.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <system_error>
#include <unistd.h>

namespace {

void print_data_error(const spark::DataError& e) {
    int shown = 0;
    for (const auto& d : e.diagnostics()) {
        if (d.severity == spark::Severity::error && shown++ < 10) {
            fmt::print(stderr, "{}\n", spark::format_diagnostic(d));
        }
    }
    if (!e.advice().empty()) {
        fmt::print(stderr, "spark: error: {}\n", spark::terminal_text(e.advice()));
        return;
    }
    fmt::print(stderr, "spark: error: the workspace has broken files; run 'spark check' to see "
                       "all problems\n");
}

} // namespace

int main(int argc, char** argv) {
    spark::Context context;
    std::error_code ec;
    context.invocation_dir = std::filesystem::current_path(ec);

    CLI::App app{"spark keeps a bottom-up change initiative as plain-text records in git.",
                 "spark"};
    spark::use_spark_help_format(app);
    app.set_version_flag("--version", std::string("spark ") + SPARK_VERSION);
    app.fallthrough();
    app.require_subcommand(0, 1);
    app.add_option("-C", context.directory, "Run as if spark was started in DIR")
        ->option_text("DIR");
    app.add_flag("-q,--quiet", context.quiet, "Print only data and errors");
    app.add_flag("--no-cache", context.no_cache,
                 "Parse every file instead of reusing .spark/cache/ (also SPARK_NO_CACHE=1)");
    app.add_option("--color", context.color, "Colour output: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->option_text("WHEN");
    spark::register_commands(app, context);
    app.footer("Environment: SPARK_DIR names the workspace; NO_COLOR turns colour off.\n"
               "Examples:\n"
               "  spark init wijkkracht --name 'Wijkkracht' --org 'Gemeente Lindewaard'\n"
               "  spark -C wijkkracht log vonk 'Koffie bij de automaat' --with anouk\n"
               "  spark -C wijkkracht report -o vuurmeter.md\n"
               "Run 'spark COMMAND --help' for the options of one command, 'man spark' for "
               "everything.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            return spark::flush_output(app.exit(e));
        }
        return spark::report_parse_error(app, e, std::vector<std::string>(argv + 1, argv + argc));
    }
    if (!context.action) {
        fmt::print("{}", spark::overview(app));
        return spark::flush_output(0);
    }

    try {
        if (!context.directory.empty() && ::chdir(context.directory.c_str()) != 0) {
            throw spark::Error(
                fmt::format("cannot change to '{}': {}", context.directory, std::strerror(errno)));
        }
        context.action();
    } catch (const spark::DataError& e) {
        print_data_error(e);
        return spark::flush_output(e.exit_code());
    } catch (const spark::Error& e) {
        fmt::print(stderr, "spark: error: {}\n", spark::terminal_text(e.what()));
        return spark::flush_output(e.exit_code());
    } catch (const std::system_error& e) {
        // fmt throws when writing to stdout fails mid-command: one message, and a reader
        // that went away (SIGPIPE ignored) is no error, as in finish_output.
        if (std::ferror(stdout)) {
            if (e.code().value() == EPIPE) {
                return 0;
            }
            fmt::print(stderr, "spark: error: cannot write output: {}\n",
                       std::strerror(e.code().value()));
            return 1;
        }
        fmt::print(stderr, "spark: error: {}\n", spark::terminal_text(e.what()));
        return spark::flush_output(1);
    } catch (const std::exception& e) {
        fmt::print(stderr, "spark: error: {}\n", spark::terminal_text(e.what()));
        return spark::flush_output(1);
    }
    return spark::flush_output(0);
}
