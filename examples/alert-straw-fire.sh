#!/bin/sh
# Alert when the fire dies down: when `spark report` says straw fire, print a warning and
# the reasons (`spark status`) and exit 1 — cron mails the output to you. Silent, exit 0,
# otherwise; a failing spark (no workspace, broken files) also exits non-zero.
#
# Usage: alert-straw-fire.sh [WORKSPACE]      (default: the current folder)
# Crontab line, every morning at 08:00:
#   0 8 * * *  $HOME/bin/alert-straw-fire.sh $HOME/wijkkracht
#
# Reads the JSON with jq when it is installed, else with python3.
set -eu

spark=${SPARK:-spark}
cd "${1:-.}"
json=$("$spark" report --format json)

if command -v jq >/dev/null 2>&1; then
    state=$(printf '%s\n' "$json" | jq -r .state)
else
    state=$(printf '%s\n' "$json" | python3 -c 'import json, sys; print(json.load(sys.stdin)["state"])')
fi

[ "$state" = straw-fire ] || exit 0
echo "Het vuur dooft — the fire is dying down (straw fire):"
"$spark" status
exit 1
