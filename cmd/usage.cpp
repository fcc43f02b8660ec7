#include "usage.hpp"

#include "terminal.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <regex>
#include <vector>

namespace spark {

namespace {

bool visible(const CLI::App* app) {
    return !app->get_name().empty() && !app->get_group().empty();
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* a) { return visible(a); });
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* command : visible_commands(app)) {
        names.push_back(command->get_name());
    }
    return names;
}

// "spark people add" for the add command.
std::string command_path(const CLI::App* app) {
    std::string path = app->get_name();
    for (const CLI::App* parent = app->get_parent(); parent != nullptr;
         parent = parent->get_parent()) {
        if (!parent->get_name().empty()) {
            path = parent->get_name() + " " + path;
        }
    }
    return path;
}

// The command that was being parsed when the error came: the last named subcommand chosen.
const CLI::App* current_command(const CLI::App& app) {
    const CLI::App* current = &app;
    for (;;) {
        const CLI::App* next = nullptr;
        for (const CLI::App* sub : current->get_subcommands()) {
            if (!sub->get_name().empty()) {
                next = sub;
            }
        }
        if (next == nullptr) {
            return current;
        }
        current = next;
    }
}

void collect_option_names(const CLI::App& app, std::vector<std::string>& names) {
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) {
            continue;
        }
        for (const auto& name : option->get_lnames()) {
            names.push_back("--" + name);
        }
        for (const auto& name : option->get_snames()) {
            names.push_back("-" + name);
        }
    }
    for (const CLI::App* group :
         app.get_subcommands([](const CLI::App* a) { return a->get_name().empty(); })) {
        collect_option_names(*group, names);
    }
}

// Options a command accepts: its own and those of the commands above it.
std::vector<std::string> option_names(const CLI::App* app) {
    std::vector<std::string> names;
    for (; app != nullptr; app = app->get_parent()) {
        collect_option_names(*app, names);
    }
    return names;
}

std::string quoted_list(const std::vector<std::string>& items, const char* last_separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += i + 1 == items.size() ? last_separator : ", ";
        }
        out += items[i];
    }
    return out;
}

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

struct Message {
    std::string error;
    std::string hint; // "did you mean …?"
};

std::string did_you_mean(const std::string& word, const std::vector<std::string>& pool,
                         const std::string& prefix = "") {
    const auto matches = close_matches(word, pool, 1);
    // Not when every letter differs ("xx" is not a typo of "nl").
    if (matches.empty() || edit_distance(word, matches.front()) >= word.size()) {
        return "";
    }
    return fmt::format("did you mean '{}{}'?", prefix, matches.front());
}

Message unknown_word(const CLI::App* command, const std::string& word) {
    if (word.size() > 1 && word[0] == '-') {
        const std::string option = word.substr(0, word.find('='));
        return {fmt::format("unknown option '{}'", option),
                did_you_mean(option, option_names(command))};
    }
    const auto names = command_names(*command);
    // `command` is the last one chosen: if it has commands of its own, a word is one of them.
    if (!names.empty()) {
        const std::string path = command_path(command);
        const std::string prefix = path == "spark" ? "" : path.substr(6) + " ";
        return {fmt::format("unknown command '{}{}'", prefix, word),
                did_you_mean(word, names, prefix)};
    }
    return {fmt::format("unexpected argument '{}'", word), ""};
}

Message rewrite(const CLI::App& app, const CLI::ParseError& error) {
    const CLI::App* command = current_command(app);
    const std::string what = error.what();
    const std::vector<std::string> extras = app.remaining(true);
    std::smatch m;

    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
        if (!extras.empty()) {
            return unknown_word(command, extras.front());
        }
    } else if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        if (what == "A subcommand is required") {
            if (!extras.empty()) {
                return unknown_word(command, extras.front());
            }
            return {fmt::format("missing command after '{}': expected {}", command_path(command),
                                quoted_list(command_names(*command), " or ")),
                    ""};
        }
        static const std::regex required(R"(^(\S+) is required$)");
        if (std::regex_match(what, m, required)) {
            const std::string name = m[1];
            const char* what_is_missing = name[0] == '-' ? "option" : "argument";
            return {fmt::format("missing required {} '{}'", what_is_missing, name), ""};
        }
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        static const std::regex needs_value(R"(^(\S+): \d+ required (\S+) missing$)");
        if (std::regex_match(what, m, needs_value)) {
            return {fmt::format("option '{}' needs a value", m[1].str()), ""};
        }
    } else if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
        static const std::regex not_in(R"(^(\S+): (.*) not in \{(.*)\}$)");
        if (std::regex_match(what, m, not_in)) {
            std::vector<std::string> allowed;
            const std::string list = m[3];
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t comma = std::min(list.find(',', start), list.size());
                allowed.push_back(list.substr(start, comma - start));
                start = comma + 1;
            }
            return {fmt::format("invalid value '{}' for '{}': expected one of {}", m[2].str(),
                                m[1].str(), join(allowed, ", ")),
                    did_you_mean(m[2].str(), allowed)};
        }
    } else if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
        static const std::regex conversion(R"(^Could not convert: (\S+) = (.*)$)");
        if (std::regex_match(what, m, conversion)) {
            return {fmt::format("invalid value '{}' for '{}'", m[2].str(), m[1].str()), ""};
        }
    }
    return {lower_first(what), ""};
}

} // namespace

std::string overview(const CLI::App& app) {
    std::string out = "Usage: spark [-C DIR] [-q] [--color WHEN] COMMAND [ARGS]\n\n";
    out += app.get_description() + "\n\nCommands:\n";
    for (const CLI::App* command : visible_commands(app)) {
        out += fmt::format("  {:<12}{}\n", command->get_name(), command->get_description());
    }
    out += "\nRun 'spark COMMAND --help' for the options and examples of one command,\n"
           "'spark --help' for the global options, 'man spark' for everything.\n";
    return out;
}

int report_parse_error(const CLI::App& app, const CLI::ParseError& error) {
    const Message message = rewrite(app, error);
    fmt::print(stderr, "spark: error: {}\n", terminal_text(message.error));
    if (!message.hint.empty()) {
        fmt::print(stderr, "{}\n", message.hint);
    }
    const CLI::App* command = current_command(app);
    fmt::print(stderr, "Run '{} --help' for usage.\n", command_path(command));
    return 2;
}

} // namespace spark
