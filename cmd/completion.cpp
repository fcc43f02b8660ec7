// `spark completion bash|zsh|fish` prints a completion script generated from the CLI11 tree,
// so a new command or option completes without touching this file. What lives in the
// workspace (people, record ids) is answered at TAB time by the hidden `spark __complete`.

#include "commands.hpp"
#include "model.hpp"
#include "people.hpp"
#include "records.hpp"
#include "text.hpp"

#include <fmt/format.h>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace spark {

namespace {

// What a value is completed with: "none" (free text), "people", "ids", "tags" (asked from
// the workspace at TAB time), "file", "dir", or "words:a b c" (a fixed list).
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
std::string value_hint(const std::string& command_path, CLI::Option& option) {
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
    if (placeholder == "TAG") {
        return "tags";
    }
    if (placeholder == "KIND" || named("kind")) {
        auto kinds = kind_input_names();
        if (command_path == "spark list") {
            kinds.emplace_back("meeting");
        }
        return words_hint(kinds);
    }
    if (placeholder == "DATE") {
        return words_hint({"today", "yesterday", "vandaag", "gisteren"});
    }
    if (placeholder == "GROUP" || named("group")) {
        return words_hint(group_ids());
    }
    if (placeholder == "ROLE" || named("role")) {
        return words_hint(role_ids());
    }
    if (placeholder == "SETTING" || named("setting")) {
        return words_hint(setting_ids());
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

void describe(CLI::App& app, const std::string& path, std::vector<CommandSpec>& specs) {
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
                                        value_hint(path, *option), option->get_expected_max() > 1});
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
            o.value = value_hint(path, *option);
        }
        spec.options.push_back(std::move(o));
    }
    std::vector<CLI::App*> children = app.get_subcommands([](CLI::App* a) { return visible(a); });
    for (CLI::App* child : children) {
        spec.subcommands.emplace_back(child->get_name(), first_line(child->get_description()));
    }
    specs.push_back(std::move(spec));
    for (CLI::App* child : children) {
        describe(*child, path + " " + child->get_name(), specs);
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

constexpr const char* bash_engine = R"BASH(
# The value an option takes (people, ids, file, dir, words:…, none), looking in the command
# and then in the commands above it; fails for a flag or an unknown option.
_spark_value_of() {
    local cmd=$1
    while :; do
        _spark_option_value "$cmd|$2" && return 0
        [[ $cmd == *' '* ]] || return 1
        cmd=${cmd% *}
    done
}

# Fills COMPREPLY for a value hint: fixed words, files, folders, or people and record ids
# read from the workspace by spark itself.
_spark_fill() {
    local hint=$1 cur=$2 id _
    shift 2
    case $hint in
    people | ids | tags)
        local program=${COMP_WORDS[0]}
        [[ $program == '~/'* ]] && program=$HOME/${program#'~/'}
        local -a found=()
        while IFS=$'\t' read -r id _; do
            [[ -n $id ]] && found+=("$id")
            # Matched by a name but not by what was typed: offered only when nothing else is,
            # as readline would otherwise shorten the word to the matches' common prefix.
            [[ -n $id && $id == "$cur"* ]] && COMPREPLY+=("$id")
        done < <("$program" "$@" __complete "$hint" -- "$cur" 2>/dev/null)
        ((${#COMPREPLY[@]})) || COMPREPLY=("${found[@]}")
        ;;
    file)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        ;;
    dir)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        ;;
    words:*)
        mapfile -t COMPREPLY < <(compgen -W "${hint#words:}" -- "$cur")
        ;;
    esac
}

_spark() {
    local cur=${COMP_WORDS[COMP_CWORD]} cmd=spark word expect='' only_args='' hint='' i npos=0
    local -a workspace=()
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -n $expect ]]; then
            [[ $word == = ]] && continue # --option=value split at '='
            [[ $expect == -C ]] && workspace=(-C "$word")
            expect=''
        elif [[ -z $only_args && $word == -?* ]]; then
            if [[ $word == -- ]]; then
                only_args=1
            elif [[ $word != *=* ]] && _spark_value_of "$cmd" "$word" >/dev/null; then
                expect=$word
            fi
        elif ((npos == 0)) && [[ " $(_spark_commands "$cmd") " == *" $word "* ]]; then
            cmd="$cmd $word"
        else
            ((npos++))
        fi
    done
    [[ $cur == = ]] && cur=''
    if [[ -n $expect ]]; then
        hint=$(_spark_value_of "$cmd" "$expect") && _spark_fill "$hint" "$cur" "${workspace[@]}"
    elif [[ -z $only_args && $cur == --*=* ]]; then # '=' not in COMP_WORDBREAKS
        hint=$(_spark_value_of "$cmd" "${cur%%=*}") || return 0
        _spark_fill "$hint" "${cur#*=}" "${workspace[@]}"
        COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
    elif [[ -z $only_args && $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_spark_options "$cmd")" -- "$cur")
    elif ((npos == 0)) && [[ -n $(_spark_commands "$cmd") ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_spark_commands "$cmd")" -- "$cur")
    elif hint=$(_spark_positional "$cmd|$npos"); then
        _spark_fill "$hint" "$cur" "${workspace[@]}"
    else
        mapfile -t COMPREPLY < <(compgen -W "$(_spark_options "$cmd")" -- "$cur")
    fi
    return 0
}

complete -F _spark spark
)BASH";

std::string bash_script(const std::vector<CommandSpec>& specs) {
    std::string out =
        "# bash completion for spark                                 -*- shell-script -*-\n"
        "# Generated by 'spark completion bash' from spark's own option tables; do not edit.\n"
        "# Install: copy to /usr/share/bash-completion/completions/spark, or add to ~/.bashrc:\n"
        "#   source <(spark completion bash)\n\n";
    out += "# The commands below a command.\n_spark_commands() {\n    case $1 in\n";
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
    out += "    *) return 1 ;;\n    esac\n}\n";
    out += bash_engine;
    return out;
}

// ---- zsh ----

constexpr const char* zsh_engine = R"ZSH(
_spark_value_of() {
    local cmd=$1
    while :; do
        _spark_option_value "$cmd|$2" && return 0
        [[ $cmd == *' '* ]] || return 1
        cmd=${cmd% *}
    done
}

# Offers the values for a hint: fixed words, files, folders, or people and record ids read
# from the workspace by spark itself.
_spark_fill() {
    local hint=$1 cur=$2 line program
    shift 2
    local -a items
    case $hint in
    (people|ids|tags)
        program=${(Q)words[1]}
        [[ $program == '~/'* ]] && program=$HOME/${program#'~/'}
        for line in ${(f)"$("$program" "$@" __complete $hint -- "$cur" 2>/dev/null)"}; do
            items+=("${line%%$'\t'*}:${line#*$'\t'}")
        done
        _describe -t $hint ${${${hint/people/person}/ids/record}/tags/tag} items -U
        ;;
    (file) _files ;;
    (dir) _files -/ ;;
    (words:*)
        items=(${=hint#words:})
        compadd -a items
        ;;
    esac
}

_spark() {
    local cmd=spark word expect= only_args= hint= REPLY
    local cur=${(Q)words[CURRENT]}
    local -i i npos=0
    local -a workspace reply
    for (( i = 2; i < CURRENT; i++ )); do
        word=${(Q)words[i]}
        if [[ -n $expect ]]; then
            [[ $expect == -C ]] && workspace=(-C "$word")
            expect=
        elif [[ -z $only_args && $word == -?* ]]; then
            if [[ $word == -- ]]; then
                only_args=1
            elif [[ $word != *=* ]] && _spark_value_of "$cmd" "$word" >/dev/null; then
                expect=$word
            fi
        elif (( npos == 0 )) && _spark_commands "$cmd" && (( ${reply[(I)$word:*]} )); then
            cmd="$cmd $word"
        else
            (( npos++ ))
        fi
    done
    if [[ -n $expect ]]; then
        hint=$(_spark_value_of "$cmd" "$expect") && _spark_fill "$hint" "$cur" "${workspace[@]}"
    elif [[ -z $only_args && $cur == --*=* ]]; then
        hint=$(_spark_value_of "$cmd" "${cur%%=*}") || return 1
        compset -P '*='
        _spark_fill "$hint" "${cur#*=}" "${workspace[@]}"
    elif [[ -z $only_args && $cur == -* ]]; then
        _spark_options "$cmd"
        _describe -t options option reply
    elif (( npos == 0 )) && _spark_commands "$cmd" && (( $#reply )); then
        _describe -t commands 'spark command' reply
    elif hint=$(_spark_positional "$cmd|$npos"); then
        _spark_fill "$hint" "$cur" "${workspace[@]}"
    else
        _spark_options "$cmd"
        _describe -t options option reply
    fi
}

if [[ $funcstack[1] == _spark ]]; then
    _spark "$@"
else
    compdef _spark spark
fi
)ZSH";

std::string zsh_script(const std::vector<CommandSpec>& specs) {
    std::string out = "#compdef spark\n"
                      "# zsh completion for spark, generated by 'spark completion zsh' from "
                      "spark's own option\n"
                      "# tables; do not edit. Install: save as _spark in a folder on $fpath "
                      "(e.g.\n"
                      "# /usr/share/zsh/site-functions), or add to ~/.zshrc after compinit:\n"
                      "#   source <(spark completion zsh)\n\n";
    out += "# The commands below a command, as name:description in $reply.\n"
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
    out += "    (*) return 1 ;;\n    esac\n}\n";
    out += zsh_engine;
    return out;
}

// ---- fish ----

constexpr const char* fish_engine = R"FISH(
function __spark_value_of --argument-names cmd option
    while true
        __spark_option_value "$cmd|$option"; and return 0
        string match -q -- '* *' $cmd; or return 1
        set cmd (string replace -r -- ' [^ ]*$' '' $cmd)
    end
end

# Prints the values for a hint: fixed words, files, folders, or people and record ids read
# from the workspace by spark itself (as "id<TAB>name").
function __spark_fill --argument-names hint cur
    set -l workspace $argv[3..-1]
    switch $hint
        case people ids tags
            set -l program (commandline -opc)[1]
            $program $workspace __complete $hint -- "$cur" 2>/dev/null
        case file
            __fish_complete_path "$cur"
        case dir
            __fish_complete_directories "$cur"
        case 'words:*'
            string split ' ' -- (string replace 'words:' '' -- $hint)
    end
end

function __spark_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -e tokens[1]
    set -l cmd spark
    set -l expect
    set -l only_args
    set -l npos 0
    set -l workspace
    set -l hint
    for word in $tokens
        if test -n "$expect"
            test "$expect" = -C; and set workspace -C $word
            set expect
        else if test -z "$only_args"; and string match -q -- '-?*' "$word"
            if test "$word" = --
                set only_args 1
            else if not string match -q -- '*=*' "$word"; and __spark_value_of $cmd $word >/dev/null
                set expect $word
            end
        else if test $npos -eq 0; and contains -- "$word" (__spark_commands $cmd | string replace -r '\t.*' '')
            set cmd "$cmd $word"
        else
            set npos (math $npos + 1)
        end
    end
    if test -n "$expect"
        set hint (__spark_value_of $cmd $expect); and __spark_fill $hint "$cur" $workspace
    else if test -z "$only_args"; and string match -q -- '--*=*' "$cur"
        set -l option (string replace -r -- '=.*' '' "$cur")
        set hint (__spark_value_of $cmd $option); or return 0
        __spark_fill $hint (string replace -r -- '^[^=]*=' '' "$cur") $workspace | string replace -r -- '^' "$option="
    else if test -z "$only_args"; and string match -q -- '-*' "$cur"
        __spark_options $cmd
    else if test $npos -eq 0; and test -n "$(__spark_commands $cmd)"
        __spark_commands $cmd
    else if set hint (__spark_positional "$cmd|$npos")
        __spark_fill $hint "$cur" $workspace
    else
        __spark_options $cmd
    end
end

complete -c spark -e
complete -c spark -f -a '(__spark_complete)'
)FISH";

std::string fish_lines(const std::vector<std::pair<std::string, std::string>>& items) {
    std::string out = "printf '%s\\t%s\\n'";
    for (const auto& [name, description] : items) {
        out += " " + fish_quote(name) + " " + fish_quote(description);
    }
    return out;
}

std::string fish_script(const std::vector<CommandSpec>& specs) {
    std::string out = "# fish completion for spark, generated by 'spark completion fish' from "
                      "spark's own option\n"
                      "# tables; do not edit. Install: save as "
                      "~/.config/fish/completions/spark.fish, or run\n"
                      "#   spark completion fish | source\n\n";
    out += "# The commands below a command, as name<TAB>description.\n"
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
    out += "        case '*'\n            return 1\n    end\nend\n";
    out += fish_engine;
    return out;
}

// ---- __complete: the workspace's people and record ids ----

struct CompleteOptions {
    std::string what;
    std::string prefix;
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
    if (options.what == "ids") {
        for (const auto& entry : records.entries) {
            if (starts_with(fold_for_matching(entry.id), prefix)) {
                fmt::print("{}\t{}: {}\n", entry.id, name_of(entry.kind), single_line(entry.title));
            }
        }
        for (const auto& meeting : records.meetings) {
            if (starts_with(fold_for_matching(meeting.id), prefix)) {
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

std::string completion_script(CLI::App& app, const std::string& shell) {
    std::vector<CommandSpec> specs;
    describe(app, "spark", specs);
    if (shell == "zsh") {
        return zsh_script(specs);
    }
    if (shell == "fish") {
        return fish_script(specs);
    }
    return bash_script(specs);
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
    complete->add_option("WHAT", options->what, "people, ids or tags")->required();
    complete->add_option("PREFIX", options->prefix, "What has been typed so far");
    run_when_chosen(*complete, context, options, run_complete);
}

} // namespace spark
