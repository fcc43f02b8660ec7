#compdef spark
# zsh completion for spark.
#
# Printed by 'spark completion zsh': this file (cmd/completion/spark.zsh in spark's source)
# with the tables of commands, options and values filled in from spark's own option tables,
# so they always match the spark that printed them. People, record ids and tags come from
# the workspace at TAB time, through the hidden 'spark __complete'.
# Install: save as _spark in a folder on $fpath (e.g. /usr/share/zsh/site-functions), or
# add to ~/.zshrc after compinit:
#   source <(spark completion zsh)

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

# Offers the values for a hint: fixed words, files, folders, or people, record ids and tags
# read from the workspace by spark itself. $2 is the word without its quotes.
_spark_fill() {
    local hint=$1 cur=$2 line program
    shift 2
    local -a items
    case $hint in
    (people|ids|meetings|tags|followups)
        program=${(Q)words[1]}
        [[ $program == \~/* ]] && program=$HOME/${program#\~/}
        for line in ${(f)"$("$program" "$@" __complete $hint --first "$first" -- "$cur" 2>/dev/null)"}; do
            items+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
        done
        # -U: people are found by name too ("Jan de" offers jan-de-vries-k3m9), so the
        # offers need not start with what was typed.
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
    # What was typed so far, without quotes and backslashes: "Jan de and Jan\ de are Jan de.
    local cur=${(Q)${PREFIX}}
    local -i i npos=0
    local -a workspace reply
    # The command's first argument (the meeting of 'spark done'), seen by _spark_fill.
    local first=
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
            (( npos == 0 )) && first=${(Q)word}
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
