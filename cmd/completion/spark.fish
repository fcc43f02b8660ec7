# fish completion for spark.
#
# Printed by 'spark completion fish': this file (cmd/completion/spark.fish in spark's source)
# with the tables of commands, options and values filled in from spark's own option tables,
# so they always match the spark that printed them. People, record ids and tags come from
# the workspace at TAB time, through the hidden 'spark __complete'.
# Install: save as ~/.config/fish/completions/spark.fish, or run
#   spark completion fish | source

# @SPARK_TABLES@

# The value an option takes (people, ids, tags, file, dir, words:…, none), looking in the
# command and then in the commands above it; fails for a flag or an unknown option.
function __spark_value_of --argument-names cmd option
    while true
        __spark_option_value "$cmd|$option"; and return 0
        string match -q -- '* *' $cmd; or return 1
        set cmd (string replace -r -- ' [^ ]*$' '' $cmd)
    end
end

# Prints the values for a hint as "value<TAB>description": fixed words, files, folders, or
# people, record ids and tags read from the workspace by spark itself. fish keeps only
# offers that contain what was typed, so what is typed like an id ("nguy", "jose") is
# answered with ids, and anything else ("Jan de", "José", "O'B") with names.
function __spark_fill --argument-names hint cur
    set -l workspace $argv[3..-1]
    switch $hint
        case people ids meetings tags followups
            set -l program (commandline -opc)[1]
            set -l found ($program $workspace __complete $hint --first "$__spark_first" -- "$cur" 2>/dev/null)
            if test "$hint" = tags; or string match -qr -- '^[a-z0-9-]*$' "$cur"
                string join \n -- $found
            else
                string replace -r -- '^([^\t]*)\t(.*)$' '$2\t$1' $found
            end
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
    # The word being typed without its quotes and backslashes: "Jan de and Jan\ de are
    # Jan de.
    set -l cur (commandline -ct | string replace -r -- '^["\']' '' | string replace -r -- '["\']$' '' | string replace -a -- '\\ ' ' ')
    set -e tokens[1]
    set -l cmd spark
    set -l expect
    set -l only_args
    set -l npos 0
    # The command's first argument (the meeting of 'spark done'), for __spark_fill.
    set -g __spark_first ''
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
            test $npos -eq 0; and set -g __spark_first $word
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
