// `spark completion bash|zsh|fish` prints a completion script generated from the CLI11 tree,
// so a new command or option completes without touching this file. What lives in the
// workspace (people, record ids) is answered at TAB time by the hidden `spark __complete`.

#include "commands.hpp"
#include "completion_scripts.hpp"
#include "error.hpp"
#include "followups.hpp"
#include "model.hpp"
#include "people.hpp"
#include "period.hpp"
#include "record_lookup.hpp"
#include "records.hpp"
#include "text.hpp"
#include "timeline.hpp"

#include <fmt/format.h>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace spark {

namespace {

// What a value is completed with: "none" (free text), "people", "ids", "meetings", "tags",
// "followups" (the open follow-ups of the meeting named first; asked from the workspace at
// TAB time), "file", "dir", or "words:a b c" (a fixed list).
std::string words_hint(const std::vector<std::string>& words) {
    return "words:" + join(words, " ");
}

struct OptionSpec {
    std::vector<std::string> names; // "-w", "--with"
    std::string description;
    std::string value; // empty for a flag, else a hint
};

struct PositionalSpec {
    std::string description;
    std::string value;
    bool repeats = false;
};

struct CommandSpec {
    std::string path; // "spark people add"
    std::vector<std::pair<std::string, std::string>> subcommands;
    std::vector<OptionSpec> options;
    std::vector<PositionalSpec> positionals;
};

std::string first_line(const std::string& text) {
    return single_line(text.substr(0, text.find('\n')));
}

std::string upper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

// A validator such as CLI::IsMember describes itself as "{a,b,c}": its words are the values.
std::vector<std::string> member_words(CLI::Option& option) {
    for (int i = 0;; ++i) {
        CLI::Validator* validator = nullptr;
        try {
            validator = option.get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        const std::string text = validator->get_description();
        if (text.size() >= 2 && text.front() == '{' && text.back() == '}') {
            std::vector<std::string> words;
            std::size_t start = 1;
            while (start < text.size()) {
                std::size_t end = text.find_first_of(",}", start);
                if (end > start) {
                    words.push_back(text.substr(start, end - start));
                }
                start = end + 1;
            }
            return words;
        }
    }
}

// The value vocabulary is keyed on the placeholder shown in --help (PERSON, DATE, FILE, …)
// and, for options without one, on the long name.
std::string value_hint(const std::string& command_path, CLI::Option& option,
                       const std::vector<std::string>& commands) {
    if (auto words = member_words(option); !words.empty()) {
        return words_hint(words);
    }
    std::string placeholder = option.get_option_text();
    if (!option.nonpositional()) {
        placeholder = option.get_name(true);
    }
    placeholder = upper(placeholder);
    const auto& long_names = option.get_lnames();
    auto named = [&](const char* name) {
        return std::find(long_names.begin(), long_names.end(), name) != long_names.end();
    };
    if (placeholder == "PERSON" || placeholder == "KEEP" || placeholder == "DROP") {
        return "people";
    }
    if (placeholder == "ID") {
        return "ids";
    }
    if (placeholder == "MEETING") {
        return "meetings";
    }
    if (placeholder == "FOLLOWUP") { // spark done MEETING FOLLOWUP...
        return "followups";
    }
    if (placeholder == "TAG") {
        return "tags";
    }
    if (placeholder == "KIND" || named("kind")) {
        auto kinds = kind_input_names();
        if (command_path == "spark list") { // list shows meetings beside the kinds
            kinds.insert(kinds.end(), std::begin(meeting_input_names),
                         std::end(meeting_input_names));
        }
        return words_hint(kinds);
    }
    if (placeholder == "COMMAND") { // spark help COMMAND
        return words_hint(commands);
    }
    if (placeholder == "DATE") {
        return words_hint(date_words());
    }
    if (placeholder == "PERIOD") {
        return words_hint(period_words());
    }
    if (placeholder == "GROUP" || named("group")) {
        return words_hint(group_input_names());
    }
    if (placeholder == "ROLE" || named("role")) {
        return words_hint(role_input_names());
    }
    if (placeholder == "SETTING" || named("setting")) {
        return words_hint(setting_input_names());
    }
    if (placeholder == "FILE") {
        return "file";
    }
    if (placeholder == "DIR") {
        return "dir";
    }
    return "none";
}

bool visible(const CLI::App* app) {
    return !app->get_name().empty() && !app->get_group().empty();
}

void collect_options(CLI::App& app, std::vector<CLI::Option*>& out) {
    const bool group = app.get_name().empty();
    for (CLI::Option* option : app.get_options()) {
        if (!(group && option == app.get_help_ptr())) { // a group's own --help is the command's
            out.push_back(option);
        }
    }
    // Option groups are nameless subcommands.
    for (CLI::App* group : app.get_subcommands([](CLI::App* a) { return a->get_name().empty(); })) {
        collect_options(*group, out);
    }
}

void describe(CLI::App& app, const std::string& path, const std::vector<std::string>& commands,
              std::vector<CommandSpec>& specs) {
    CommandSpec spec;
    spec.path = path;
    std::vector<CLI::Option*> options;
    collect_options(app, options);
    for (CLI::Option* option : options) {
        if (option->get_group().empty()) {
            continue; // hidden
        }
        if (!option->nonpositional()) {
            spec.positionals.push_back({first_line(option->get_description()),
                                        value_hint(path, *option, commands),
                                        option->get_expected_max() > 1});
            continue;
        }
        OptionSpec o;
        for (const auto& name : option->get_snames()) {
            o.names.push_back("-" + name);
        }
        for (const auto& name : option->get_lnames()) {
            o.names.push_back("--" + name);
        }
        o.description = first_line(option->get_description());
        if (option->get_expected_max() > 0) { // a flag expects no value
            o.value = value_hint(path, *option, commands);
        }
        spec.options.push_back(std::move(o));
    }
    std::vector<CLI::App*> children = app.get_subcommands([](CLI::App* a) { return visible(a); });
    for (CLI::App* child : children) {
        spec.subcommands.emplace_back(child->get_name(), first_line(child->get_description()));
    }
    specs.push_back(std::move(spec));
    for (CLI::App* child : children) {
        describe(*child, path + " " + child->get_name(), commands, specs);
    }
}

// 'text' for sh, bash and zsh.
std::string sh_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

// 'text' for fish, where \ and ' are escaped inside single quotes.
std::string fish_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

// "name:description" for zsh's _describe; a colon in the name must be escaped.
std::string zsh_item(const std::string& name, const std::string& description) {
    std::string out;
    for (char c : name) {
        if (c == ':') {
            out += '\\';
        }
        out += c;
    }
    return sh_quote(description.empty() ? out : out + ":" + description);
}

// ---- bash ----

std::string bash_tables(const std::vector<CommandSpec>& specs) {
    std::string out = "# The commands below a command.\n_spark_commands() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        if (spec.subcommands.empty()) {
            continue;
        }
        std::vector<std::string> names;
        for (const auto& [name, description] : spec.subcommands) {
            names.push_back(name);
        }
        out += fmt::format("    {}) echo {} ;;\n", sh_quote(spec.path), sh_quote(join(names, " ")));
    }
    out += "    esac\n}\n\n# The options of a command (global ones belong to 'spark').\n"
           "_spark_options() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        std::vector<std::string> names;
        for (const auto& option : spec.options) {
            names.insert(names.end(), option.names.begin(), option.names.end());
        }
        out += fmt::format("    {}) echo {} ;;\n", sh_quote(spec.path), sh_quote(join(names, " ")));
    }
    out += "    esac\n}\n\n# 'command|option' -> what the option's value is.\n"
           "_spark_option_value() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        for (const auto& option : spec.options) {
            if (option.value.empty()) {
                continue;
            }
            std::vector<std::string> keys;
            for (const auto& name : option.names) {
                keys.push_back(sh_quote(spec.path + "|" + name));
            }
            out += fmt::format("    {}) echo {} ;;\n", join(keys, " | "), sh_quote(option.value));
        }
    }
    out += "    *) return 1 ;;\n    esac\n}\n\n"
           "# 'command|N' -> what the Nth (from 0) positional argument is.\n"
           "_spark_positional() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        for (std::size_t i = 0; i < spec.positionals.size(); ++i) {
            const auto& positional = spec.positionals[i];
            const std::string key = spec.path + "|" + std::to_string(i);
            out += fmt::format("    {}) echo {} ;;\n", sh_quote(key), sh_quote(positional.value));
            if (positional.repeats) {
                out += fmt::format("    {}*) echo {} ;;\n", sh_quote(spec.path + "|"),
                                   sh_quote(positional.value));
            }
        }
    }
    out += "    *) return 1 ;;\n    esac\n}";
    return out;
}

// ---- zsh ----

std::string zsh_tables(const std::vector<CommandSpec>& specs) {
    std::string out = "# The commands below a command, as name:description in $reply.\n"
                      "_spark_commands() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        if (spec.subcommands.empty()) {
            continue;
        }
        std::vector<std::string> items;
        for (const auto& [name, description] : spec.subcommands) {
            items.push_back(zsh_item(name, description));
        }
        out += fmt::format("    ({}) reply=({}) ;;\n", sh_quote(spec.path), join(items, " "));
    }
    out += "    (*) reply=() ;;\n    esac\n}\n\n"
           "# The options of a command, as name:description in $reply.\n"
           "_spark_options() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        std::vector<std::string> items;
        for (const auto& option : spec.options) {
            for (const auto& name : option.names) {
                items.push_back(zsh_item(name, option.description));
            }
        }
        out += fmt::format("    ({}) reply=({}) ;;\n", sh_quote(spec.path), join(items, " "));
    }
    out += "    (*) reply=() ;;\n    esac\n}\n\n"
           "# 'command|option' -> what the option's value is.\n"
           "_spark_option_value() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        for (const auto& option : spec.options) {
            if (option.value.empty()) {
                continue;
            }
            std::vector<std::string> keys;
            for (const auto& name : option.names) {
                keys.push_back(sh_quote(spec.path + "|" + name));
            }
            out += fmt::format("    ({}) print -r -- {} ;;\n", join(keys, "|"),
                               sh_quote(option.value));
        }
    }
    out += "    (*) return 1 ;;\n    esac\n}\n\n"
           "# 'command|N' -> what the Nth (from 0) positional argument is.\n"
           "_spark_positional() {\n    case $1 in\n";
    for (const auto& spec : specs) {
        for (std::size_t i = 0; i < spec.positionals.size(); ++i) {
            const auto& positional = spec.positionals[i];
            out += fmt::format("    ({}) print -r -- {} ;;\n",
                               sh_quote(spec.path + "|" + std::to_string(i)),
                               sh_quote(positional.value));
            if (positional.repeats) {
                out += fmt::format("    ({}*) print -r -- {} ;;\n", sh_quote(spec.path + "|"),
                                   sh_quote(positional.value));
            }
        }
    }
    out += "    (*) return 1 ;;\n    esac\n}";
    return out;
}

// ---- fish ----

std::string fish_lines(const std::vector<std::pair<std::string, std::string>>& items) {
    std::string out = "printf '%s\\t%s\\n'";
    for (const auto& [name, description] : items) {
        out += " " + fish_quote(name) + " " + fish_quote(description);
    }
    return out;
}

std::string fish_tables(const std::vector<CommandSpec>& specs) {
    std::string out = "# The commands below a command, as name<TAB>description.\n"
                      "function __spark_commands\n    switch $argv[1]\n";
    for (const auto& spec : specs) {
        if (!spec.subcommands.empty()) {
            out += fmt::format("        case {}\n            {}\n", fish_quote(spec.path),
                               fish_lines(spec.subcommands));
        }
    }
    out += "    end\nend\n\n# The options of a command, as name<TAB>description.\n"
           "function __spark_options\n    switch $argv[1]\n";
    for (const auto& spec : specs) {
        std::vector<std::pair<std::string, std::string>> items;
        for (const auto& option : spec.options) {
            for (const auto& name : option.names) {
                items.emplace_back(name, option.description);
            }
        }
        if (!items.empty()) {
            out += fmt::format("        case {}\n            {}\n", fish_quote(spec.path),
                               fish_lines(items));
        }
    }
    out += "    end\nend\n\n# 'command|option' -> what the option's value is.\n"
           "function __spark_option_value\n    switch $argv[1]\n";
    for (const auto& spec : specs) {
        for (const auto& option : spec.options) {
            if (option.value.empty()) {
                continue;
            }
            std::vector<std::string> keys;
            for (const auto& name : option.names) {
                keys.push_back(fish_quote(spec.path + "|" + name));
            }
            out += fmt::format("        case {}\n            echo {}\n", join(keys, " "),
                               fish_quote(option.value));
        }
    }
    out += "        case '*'\n            return 1\n    end\nend\n\n"
           "# 'command|N' -> what the Nth (from 0) positional argument is.\n"
           "function __spark_positional\n    switch $argv[1]\n";
    for (const auto& spec : specs) {
        for (std::size_t i = 0; i < spec.positionals.size(); ++i) {
            const auto& positional = spec.positionals[i];
            out += fmt::format("        case {}\n            echo {}\n",
                               fish_quote(spec.path + "|" + std::to_string(i)),
                               fish_quote(positional.value));
            if (positional.repeats) {
                out += fmt::format("        case {}\n            echo {}\n",
                                   fish_quote(spec.path + "|*"), fish_quote(positional.value));
            }
        }
    }
    out += "        case '*'\n            return 1\n    end\nend";
    return out;
}

// ---- __complete: the workspace's people and record ids ----

struct CompleteOptions {
    std::string what;
    std::string prefix;
    std::string first; // the command's first argument: the meeting, for "followups"
};

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

void run_complete(const CompleteOptions& options, const Context& context) {
    const std::string prefix = fold_for_matching(options.prefix);
    Records records;
    try {
        const Workspace workspace = context.open_workspace();
        records =
            options.what == "people" ? load_people(workspace.root) : load_records(workspace.root);
    } catch (const std::exception&) {
        return; // outside a workspace, or an unreadable one: nothing to offer, quietly
    }
    if (options.what == "followups") {
        try {
            const RecordRef found = find_record(records, options.first);
            if (found.meeting != nullptr) {
                for (const auto& followup : open_followups(*found.meeting)) {
                    const std::string number = std::to_string(followup.number);
                    if (starts_with(number, prefix)) {
                        fmt::print("{}\t{}\n", number, single_line(followup.text));
                    }
                }
            }
        } catch (const std::exception&) {
            // No such meeting (yet): nothing to offer.
        }
        return;
    }
    if (options.what == "ids") {
        for (const auto& entry : records.entries) {
            if (starts_with(fold_for_matching(entry.id), prefix)) {
                fmt::print("{}\t{}: {}\n", entry.id, name_of(entry.kind), single_line(entry.title));
            }
        }
    }
    if (options.what == "ids" || options.what == "meetings") {
        for (const auto& meeting : records.meetings) {
            const std::string id = fold_for_matching(meeting.id);
            // A meeting is also found by the words after its date ("keuken").
            const bool by_slug =
                options.what == "meetings" && id.size() > 11 && starts_with(id.substr(11), prefix);
            if (starts_with(id, prefix) || by_slug) {
                fmt::print("{}\tmeeting: {}\n", meeting.id, single_line(meeting.title));
            }
        }
    }
    if (options.what == "tags") {
        std::set<std::string> tags;
        for (const auto& entry : records.entries) {
            for (const auto& tag : entry.tags) {
                if (starts_with(fold_for_matching(tag), prefix)) {
                    tags.insert(single_line(tag));
                }
            }
        }
        for (const auto& tag : tags) {
            fmt::print("{}\n", tag);
        }
    }
    if (options.what == "ids" || options.what == "people") {
        for (const Person* person : people_starting_with(records.people, options.prefix)) {
            fmt::print("{}\t{}\n", person->id, single_line(person->name));
        }
    }
}

// The script of cmd/completion/ with the tables where it says "# @SPARK_TABLES@".
std::string completion_script(CLI::App& app, const std::string& shell) {
    std::vector<CommandSpec> specs;
    std::vector<std::string> commands;
    for (CLI::App* command : app.get_subcommands([](CLI::App* a) { return visible(a); })) {
        commands.push_back(command->get_name());
    }
    describe(app, "spark", commands, specs);
    const std::string tables = shell == "zsh"    ? zsh_tables(specs)
                               : shell == "fish" ? fish_tables(specs)
                                                 : bash_tables(specs);
    std::string script(shell == "zsh"    ? completion_zsh
                       : shell == "fish" ? completion_fish
                                         : completion_bash);
    constexpr std::string_view marker = "# @SPARK_TABLES@";
    const auto at = script.find(marker);
    if (at == std::string::npos) {
        throw Error(fmt::format("the {} completion script has no place for its tables", shell));
    }
    return script.replace(at, marker.size(), tables);
}

} // namespace

void register_completion(CLI::App& app, Context& context) {
    auto shell = std::make_shared<std::string>();
    auto* command =
        app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
    command->add_option("SHELL", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    command->footer(
        "Completes commands, options and their values, and the people and record ids of the\n"
        "workspace you are in. Packages install the scripts; by hand:\n"
        "Examples:\n"
        "  source <(spark completion bash)                # in ~/.bashrc\n"
        "  spark completion zsh > ~/.zfunc/_spark         # a folder on $fpath\n"
        "  spark completion fish > ~/.config/fish/completions/spark.fish");
    run_when_chosen(*command, context, [shell, &app](const Context&) {
        fmt::print("{}", completion_script(app, *shell));
    });

    // Hidden: what the scripts call at TAB time. Prints "id<TAB>description" lines (tags
    // alone); quiet and successful outside a workspace.
    auto options = std::make_shared<CompleteOptions>();
    auto* complete = app.add_subcommand("__complete", "");
    complete->group("");
    complete->add_option("WHAT", options->what, "people, ids, meetings, tags or followups")
        ->required();
    complete->add_option("PREFIX", options->prefix, "What has been typed so far");
    complete->add_option("--first", options->first, "The command's first argument so far");
    run_when_chosen(*complete, context, options, run_complete);
}

} // namespace spark
