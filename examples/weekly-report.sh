#!/bin/sh
# Weekly report into the intranet wiki.
#
# GitLab, GitHub and Azure DevOps wikis are git repositories. This first pulls what
# colleagues pushed to the workspace (when it has an upstream), then writes `spark report`
# into a page of a checkout of such a wiki, and commits (and pushes, when the checkout has
# an upstream) only if the page changed. Run twice on one day: one commit.
#
# Usage: weekly-report.sh WORKSPACE WIKI_CHECKOUT [PAGE [REPORT_OPTION...]]
#   PAGE defaults to Vuurmeter.md; options go to `spark report`, for example
#   weekly-report.sh ~/wijkkracht ~/wiki Vuurmeter.md --mermaid azure   (Azure DevOps)
#
# Crontab line (crontab -e), every Monday at 07:00; the account needs a git identity
# (git config --global user.name/user.email) and, to push, access to the wiki:
#   0 7 * * 1  $HOME/bin/weekly-report.sh $HOME/wijkkracht $HOME/wiki >>$HOME/weekly-report.log 2>&1
set -eu

spark=${SPARK:-spark}
[ $# -ge 2 ] || { echo "usage: $0 WORKSPACE WIKI_CHECKOUT [PAGE [REPORT_OPTION...]]" >&2; exit 2; }
workspace=$1 wiki=$2 page=${3:-Vuurmeter.md}
shift $(( $# >= 3 ? 3 : 2 ))

# Report on everyone's records: bring the workspace up to date with what colleagues pushed
# (read only: this script never pushes the workspace; `spark sync` does that).
ws_upstream=$(git -C "$workspace" rev-parse --abbrev-ref --symbolic-full-name '@{u}' 2>/dev/null || true)
[ -z "$ws_upstream" ] || git -C "$workspace" pull --quiet --rebase

# Start from what others pushed, so the push below is a fast-forward.
upstream=$(git -C "$wiki" rev-parse --abbrev-ref --symbolic-full-name '@{u}' 2>/dev/null || true)
[ -z "$upstream" ] || git -C "$wiki" pull --quiet --ff-only

# -o writes atomically: a failed report never leaves half a page behind. Its path is taken
# from the workspace (-C), so give it as an absolute one.
wiki_dir=$(cd "$wiki" && pwd)
"$spark" -C "$workspace" report -o "$wiki_dir/$page" "$@"

git -C "$wiki" add -- "$page"
if git -C "$wiki" diff --cached --quiet -- "$page"; then
    echo "weekly-report: $page unchanged"
    exit 0
fi
git -C "$wiki" commit --quiet -m "Vuurmeter: spark report of $(date +%Y-%m-%d)" -- "$page"
[ -z "$upstream" ] || git -C "$wiki" push --quiet
echo "weekly-report: $page updated"
