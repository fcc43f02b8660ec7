#!/usr/bin/env bash
# spark benchmark suite: times spark's commands on generated workspaces of N records against
# the file-system floor (read_floor) and `ledger balance` on an equivalent journal.
#
#   tests/bench/run.sh [N...]            full run; N defaults to 1000 10000 100000
#   tests/bench/run.sh --smoke           CI: N=1000, every command once, all must exit 0
#
# Options:
#   --spark PATH     spark binary         (default: build-bench/cmd/spark of this repository)
#   --floor PATH     read_floor binary    (default: compiled from read_floor.cpp into --dir)
#   --dir DIR        where workspaces, journals and results live; workspaces are reused
#                    (default: $SPARK_BENCH_DIR or ${TMPDIR:-/tmp}/spark-bench)
#   --runs K         hyperfine runs per command (default: 30 / 15 / 10 for 1k / 10k / more)
#   --baseline PATH  another spark binary (say, main's) timed in the same run for comparison
#
# Needs python3 always; hyperfine, ledger and GNU time (/usr/bin/time) for a full run (they
# are installed with apt-get when missing and running as root).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
spark="$repo/build-bench/cmd/spark"
floor=""
dir="${SPARK_BENCH_DIR:-${TMPDIR:-/tmp}/spark-bench}"
runs=""
baseline=""
smoke=0
sizes=()

while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --spark) spark=$2; shift ;;
    --floor) floor=$2; shift ;;
    --dir) dir=$2; shift ;;
    --runs) runs=$2; shift ;;
    --baseline) baseline=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) sizes+=("$1") ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "run.sh: $*" >&2; exit 1; }
[ -x "$spark" ] || die "no spark binary at '$spark' (build it, or pass --spark PATH)"
spark=$(cd "$(dirname "$spark")" && pwd)/$(basename "$spark")
command -v python3 >/dev/null || die "python3 is needed to generate workspaces"

# A workspace of N records and its journal, generated once and reused while the generator is
# unchanged. Files must be older than 2 s before spark's cache trusts them.
workspace() {
  local n=$1 stamp
  local ws="$dir/ws-$n"
  stamp=$(cksum < "$here/generate.py" | cut -d' ' -f1)
  if [ "$(cat "$ws/.bench-generated" 2>/dev/null)" != "$stamp" ] || [ ! -f "$ws.ledger" ]; then
    rm -rf "$ws" "$ws.ledger"
    python3 "$here/generate.py" "$n" "$ws" --ledger "$ws.ledger" >&2
    echo "$stamp" > "$ws/.bench-generated"
    sleep 3
  fi
  # A file as large as all records together: what the stat+map floor maps.
  if [ ! -f "$ws.blob" ] || [ "$ws/.bench-generated" -nt "$ws.blob" ]; then
    find "$ws/people" "$ws/log" "$ws/meetings" -name '*.toml' -print0 | xargs -0 cat > "$ws.blob"
  fi
  echo "$ws"
}

clean_log_runs() { rm -f "$1"/log/*/????-??-??-bench-????.toml; }

build_floor() {
  if [ -z "$floor" ]; then
    floor="$dir/read_floor"
    if [ ! -x "$floor" ] || [ "$here/read_floor.cpp" -nt "$floor" ]; then
      "${CXX:-c++}" -O2 -std=c++20 -pthread "$here/read_floor.cpp" -o "$floor"
    fi
  fi
}

# name | arguments (run without a shell); the workspace is $ws, the journal $ws.ledger.
# `log` is listed last: it adds a file (removed again), which must not touch the read runs.
# `report after log` is prepared by a `spark log` before each run (see below).
commands() {
  local ws=$1 one
  one=$(find "$ws/log" -name '*.toml' -print -quit)
  one=$(basename "$one" .toml)
  cat <<EOF
report|$spark -C $ws report
report --period 2025-T2|$spark -C $ws report --period 2025-T2
list --json|$spark -C $ws list --json
check|$spark -C $ws check
status|$spark -C $ws status
show|$spark -C $ws show $one
report (no cache)|$spark -C $ws --no-cache report
EOF
  if [ -n "$baseline" ]; then
    cat <<EOF
baseline report|$baseline -C $ws report
baseline list --json|$baseline -C $ws list --json
EOF
  fi
  cat <<EOF
stat+map floor|$floor --stat-map $ws.blob $ws
read floor|$floor $ws
ledger balance|ledger -f $ws.ledger balance
report after log|$spark -C $ws report
log|$spark -C $ws log action Bench -m x
EOF
}

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

if [ "$smoke" = 1 ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/spark-bench-smoke.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
  build_floor
  ws=$(workspace 1000)
  python3 "$here/check_format.py" "$spark" "$ws" --every 50
  failed=0
  while IFS='|' read -r name cmd; do
    case "$name" in "ledger balance"|baseline*) continue ;; esac # optional in CI
    if $cmd >/dev/null 2>"$dir/stderr"; then
      echo "ok    $name"
    else
      echo "FAIL  $name (exit $?)"; cat "$dir/stderr"; failed=1
    fi
  done < <(commands "$ws")
  [ "$failed" = 0 ] || exit 1
  echo "bench smoke: every command exited 0"
  exit 0
fi

# Full run -----------------------------------------------------------------------------------
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v ledger >/dev/null || missing+=(ledger)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing: ${missing[*]} (install them, e.g. apt-get install ${missing[*]})"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
build_floor

results="$dir/results-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$results/load.txt"
for n in "${sizes[@]}"; do
  ws=$(workspace "$n")
  clean_log_runs "$ws"
  k=${runs:-$([ "$n" -le 1000 ] && echo 30 || ([ "$n" -le 10000 ] && echo 15 || echo 10))}
  echo "== N=$n: $ws ($k runs per command)" >&2
  # Warm the page cache and spark's .spark/cache (each read command once).
  "$floor" "$ws" >/dev/null
  cat "$ws.ledger" >/dev/null
  "$spark" -C "$ws" check >/dev/null 2>&1 || die "spark check failed on $ws"
  "$spark" -C "$ws" report >/dev/null

  args=(-N --warmup 2 --runs "$k" --export-json "$results/hyperfine-$n.json")
  while IFS='|' read -r name cmd; do
    [ "$name" = log ] && continue
    if [ "$name" = "report after log" ]; then
      args+=(--prepare "$spark -C $ws log action Bench -m x")
    else
      args+=(--prepare true)
    fi
    args+=(--command-name "$name" "$cmd")
  done < <(commands "$ws")
  hyperfine "${args[@]}" >&2
  clean_log_runs "$ws"
  "$spark" -C "$ws" report >/dev/null

  # Peak memory: GNU time's maximum resident set size, one run each.
  : > "$results/rss-$n.txt"
  while IFS='|' read -r name cmd; do
    /usr/bin/time -f "%M" -o "$dir/rss.tmp" $cmd >/dev/null 2>&1 || true
    echo "$name|$(tail -1 "$dir/rss.tmp")" >> "$results/rss-$n.txt"
  done < <(commands "$ws")
  clean_log_runs "$ws"
done
# `spark log` at every size in one hyperfine run, back to back, so that the ratio between
# sizes is not the difference between two moments on a busy disk. Each run adds a file; the
# cleanup removes them.
args=(-N --warmup 2 --runs "${runs:-30}" --export-json "$results/hyperfine-log.json"
      --cleanup "bash -c 'rm -f $dir/ws-*/log/*/????-??-??-bench-????.toml'")
for n in "${sizes[@]}"; do
  args+=(--command-name "log @$n" "$spark -C $dir/ws-$n log action Bench -m x")
done
hyperfine "${args[@]}" >&2
for n in "${sizes[@]}"; do clean_log_runs "$dir/ws-$n"; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/load.txt"

python3 "$here/summarize.py" "$results" "${sizes[@]}" | tee "$results/table.md"
echo "results: $results" >&2
