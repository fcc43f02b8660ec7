# bash completion for spark                                 -*- shell-script -*-
# shellcheck shell=bash
#
# Printed by 'spark completion bash': this file (cmd/completion/spark.bash in spark's source)
# with the tables of commands, options and values filled in from spark's own option tables,
# so they always match the spark that printed them. People, record ids and tags come from
# the workspace at TAB time, through the hidden 'spark __complete'.
# Install: copy to /usr/share/bash-completion/completions/spark, or add to ~/.bashrc:
#   source <(spark completion bash)

# @SPARK_TABLES@

# The value an option takes (people, ids, tags, file, dir, words:…, none), looking in the
# command and then in the commands above it; fails for a flag or an unknown option.
_spark_value_of() {
    local cmd=$1
    while :; do
        _spark_option_value "$cmd|$2" && return 0
        [[ $cmd == *' '* ]] || return 1
        cmd=${cmd% *}
    done
}

# A word as the shell will pass it, from the word as typed: "Jan de, 'Jan de' and Jan\ de
# all become Jan de (an unfinished quote is fine: the word is still being typed).
_spark_dequote() {
    local word=$1 out='' i c
    case $word in
    \'*)
        word=${word#\'}
        REPLY=${word%\'}
        return
        ;;
    \"*)
        word=${word#\"}
        word=${word%\"}
        ;;
    esac
    for ((i = 0; i < ${#word}; i++)); do
        c=${word:i:1}
        if [[ $c == \\ ]] && ((i + 1 < ${#word})); then
            ((i++))
            c=${word:i:1}
        fi
        out+=$c
    done
    REPLY=$out
}

# Fills COMPREPLY for a value hint: fixed words, files, folders, or people, record ids and
# tags read from the workspace by spark itself. $2 is the word as typed.
_spark_fill() {
    local hint=$1 typed=$2 cur id _
    shift 2
    _spark_dequote "$typed"
    cur=$REPLY
    case $hint in
    people | ids | meetings | tags | followups)
        # The program as typed: a spark that is not on PATH completes too.
        local program=${COMP_WORDS[0]}
        [[ $program == \~/* ]] && program=$HOME/${program#\~/}
        local -a found=() starting=()
        while IFS=$'\t' read -r id _; do
            [[ -n $id ]] || continue
            # A tag may hold spaces: quoted for the command line unless a quote is open.
            [[ $typed == [\'\"]* ]] || printf -v id '%q' "$id"
            found+=("$id")
            # Matched by a name but not by what was typed ("Jan de" for jan-de-vries-k3m9):
            # offered only when nothing else is, as readline would otherwise cut the word
            # back to what the matches have in common.
            [[ $id == "$cur"* ]] && starting+=("$id")
        done < <("$program" "$@" __complete "$hint" --first "$first" -- "$cur" 2>/dev/null)
        if ((${#starting[@]})); then
            COMPREPLY=("${starting[@]}")
        else
            COMPREPLY=("${found[@]}")
        fi
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
    # The command's first argument (the meeting of 'spark done'), seen by _spark_fill.
    local first=
    local -a workspace=()
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -n $expect ]]; then
            [[ $word == = ]] && continue # --option=value split at '='
            if [[ $expect == -C ]]; then
                _spark_dequote "$word"
                workspace=(-C "$REPLY")
            fi
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
            if ((npos == 0)); then
                _spark_dequote "$word"
                first=$REPLY
            fi
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
