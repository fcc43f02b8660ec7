#include "usage.hpp"

#include "error.hpp"
#include "terminal.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
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

// The command a stray word was typed under. CLI11 reports "spark peple list" as an extra
// word of `list`; the word came before `list`, so it was meant as a command of `spark`.
const CLI::App* command_of_word(const CLI::App* chosen, const std::string& word,
                                const std::vector<std::string>& args) {
    std::vector<const CLI::App*> chain;
    for (const CLI::App* c = chosen; c != nullptr; c = c->get_parent()) {
        chain.insert(chain.begin(), c);
    }
    const auto word_at = std::find(args.begin(), args.end(), word);
    auto at = args.begin();
    for (std::size_t depth = 1; depth < chain.size(); ++depth) {
        const auto name_at = std::find(at, args.end(), chain[depth]->get_name());
        if (word_at < name_at) {
            return chain[depth - 1];
        }
        at = name_at;
    }
    return chosen;
}

// The command the error is about: the last one chosen, or the one a stray word was meant for.
const CLI::App* command_in_error(const CLI::App& app, const std::vector<std::string>& args) {
    const std::vector<std::string> extras = app.remaining(true);
    const CLI::App* command = current_command(app);
    return extras.empty() ? command : command_of_word(command, extras.front(), args);
}

Message rewrite(const CLI::App& app, const CLI::ParseError& error,
                const std::vector<std::string>& args) {
    const CLI::App* command = command_in_error(app, args);
    const std::string what = error.what();
    const std::vector<std::string> extras = app.remaining(true);
    std::smatch m;

    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
        if (!extras.empty()) {
            return unknown_word(command, extras.front());
        }
    } else if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        // An unknown option or word explains a missing argument better than the other way
        // round: "log vonk --bogus x" took x as the title.
        if (!extras.empty()) {
            return unknown_word(command, extras.front());
        }
        if (what == "A subcommand is required") {
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

// Words of a description filled into lines of at most `width` columns; explicit newlines
// are kept.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line;
        std::size_t at = start;
        while (at < end) {
            const std::size_t space = std::min(text.find(' ', at), end);
            const std::string word = text.substr(at, space - at);
            if (!line.empty() && line.size() + 1 + word.size() > width) {
                lines.push_back(line);
                line.clear();
            }
            line += (line.empty() ? "" : " ") + word;
            at = space + 1;
        }
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// CLI11's help, made to read like a man page's synopsis: no "TEXT REQUIRED" after
// arguments (the usage line says what is required), descriptions wrapped to 80 columns,
// never two blank lines in a row.
class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_option_opts(const CLI::Option* option) const override {
        if (!option->get_option_text().empty()) {
            return " " + option->get_option_text();
        }
        if (option->get_positional() || option->get_type_size() == 0) {
            return "";
        }
        return " " + option->get_type_name();
    }

    std::string make_option(const CLI::Option* option, bool is_positional) const override {
        return two_columns(make_option_name(option, is_positional) + make_option_opts(option),
                           make_option_desc(option));
    }

    // One line per command, never wrapped (scripts and tests read the list): commands
    // have short names, so a narrower first column leaves room for the purpose.
    std::string make_subcommand(const CLI::App* command) const override {
        std::string out = "  " + command->get_display_name();
        out.append(command_column > out.size() ? command_column - out.size() : 1, ' ');
        return out + command->get_description() + "\n";
    }

    // Prose in a footer is wrapped too; indented lines (examples) are kept as written.
    std::string make_footer(const CLI::App* app) const override {
        const std::string footer = app->get_footer();
        if (footer.empty()) {
            return "";
        }
        std::string out;
        for (std::size_t start = 0; start < footer.size();) {
            const std::size_t end = std::min(footer.find('\n', start), footer.size());
            const std::string line = footer.substr(start, end - start);
            const auto lines =
                line.starts_with(" ") ? std::vector<std::string>{line} : wrap(line, total_width);
            for (const auto& piece : lines) {
                out += piece + "\n";
            }
            start = end + 1;
        }
        return out;
    }

    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        std::string text = CLI::Formatter::make_help(app, std::move(name), mode);
        for (std::size_t at; (at = text.find("\n\n\n")) != std::string::npos;) {
            text.erase(at, 1);
        }
        return text;
    }

  private:
    static constexpr std::size_t total_width = 80;
    static constexpr std::size_t command_column = 16;

    std::string two_columns(const std::string& left, const std::string& description) const {
        const std::size_t column = get_column_width();
        std::string out = "  " + left;
        const auto lines = wrap(description, total_width - column);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0 || out.size() >= column) {
                out += "\n";
                out.append(column, ' ');
            } else {
                out.append(column - out.size(), ' ');
            }
            out += lines[i];
        }
        return out + "\n";
    }
};

} // namespace

void use_spark_help_format(CLI::App& app) {
    app.formatter(std::make_shared<HelpFormatter>());
}

std::string help_for(const CLI::App& app, const std::vector<std::string>& words) {
    const CLI::App* command = &app;
    std::string path = "spark";
    for (const auto& word : words) {
        const CLI::App* next = nullptr;
        for (const CLI::App* sub : visible_commands(*command)) {
            if (sub->get_name() == word) {
                next = sub;
            }
        }
        if (next == nullptr) {
            const std::string prefix = path == "spark" ? "" : path.substr(6) + " ";
            const std::string hint = did_you_mean(word, command_names(*command), prefix);
            throw UsageError(fmt::format("unknown command '{}{}'{}{}", prefix, word,
                                         hint.empty() ? "" : "; ", hint));
        }
        path += " " + word;
        command = next;
    }
    return command == &app ? overview(app) : command->help(path.substr(0, path.rfind(' ')));
}

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

int report_parse_error(const CLI::App& app, const CLI::ParseError& error,
                       const std::vector<std::string>& args) {
    const Message message = rewrite(app, error, args);
    fmt::print(stderr, "spark: error: {}\n", terminal_text(message.error));
    if (!message.hint.empty()) {
        fmt::print(stderr, "{}\n", message.hint);
    }
    fmt::print(stderr, "Run '{} --help' for usage.\n", command_path(command_in_error(app, args)));
    return 2;
}

} // namespace spark
