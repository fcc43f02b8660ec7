#!/usr/bin/env python3
"""Turns one run.sh result folder (hyperfine-N.json, rss-N.txt) into the Markdown table of
medians, CPU time, peak memory and the targets of the performance issue.

    summarize.py RESULTS_DIR N...
"""

import json
import os
import sys

SPARK = ["report", "report --period 2025-T2", "list --json", "check", "status", "show",
         "report (no cache)", "report after log", "log"]
ORDER = SPARK[:-2] + ["baseline report", "baseline list --json", "stat+map floor",
                      "read floor", "ledger balance", "report after log", "log"]


def label(n):
    return "%dk" % (n // 1000) if n % 1000 == 0 else str(n)


def load(results, n):
    with open(os.path.join(results, "hyperfine-%d.json" % n)) as f:
        data = json.load(f)["results"]
    out = {}
    for r in data:
        out[r["command"]] = {"median": r["median"] * 1000, "mean": r["mean"] * 1000,
                             "cpu": (r["user"] + r["system"]) * 1000,
                             "runs": len(r["times"])}
    log_file = os.path.join(results, "hyperfine-log.json")
    if os.path.exists(log_file):  # spark log at every size, measured back to back
        with open(log_file) as f:
            for r in json.load(f)["results"]:
                if r["command"] == "log @%d" % n:
                    out["log"] = {"median": r["median"] * 1000, "mean": r["mean"] * 1000,
                                  "cpu": (r["user"] + r["system"]) * 1000,
                                  "runs": len(r["times"])}
    with open(os.path.join(results, "rss-%d.txt" % n)) as f:
        for line in f:
            name, _, kb = line.rstrip("\n").rpartition("|")
            if name in out and kb.strip().isdigit():
                out[name]["rss"] = int(kb) / 1024
    return out


def main():
    results = sys.argv[1]
    sizes = [int(a) for a in sys.argv[2:]]
    data = {n: load(results, n) for n in sizes}
    head = "| command | " + " | ".join(
        "%s median ms | %s CPU ms | %s peak MiB" % (label(n), label(n), label(n))
        for n in sizes) + " |"
    print(head)
    print("|---|" + "---:|" * (3 * len(sizes)))
    for name in ORDER:
        cells = []
        for n in sizes:
            r = data[n].get(name)
            if r is None:
                cells += ["–"] * 3
                continue
            cells += ["%.1f" % r["median"], "%.1f" % r["cpu"],
                      "%.1f" % r["rss"] if "rss" in r else "–"]
        print("| `%s` | %s |" % (name, " | ".join(cells)))
    print()
    print("Median = median wall time over the runs; CPU = mean user+system time per run; "
          "peak = maximum resident set size (GNU time), one run.")
    print()

    verdicts = []

    def verdict(ok, text):
        verdicts.append("- %s %s" % ("✓ met:" if ok else "✗ MISSED:", text))

    big, small = max(sizes), min(sizes)
    at100 = 100000 if 100000 in data else big

    def ratio_row(title, a, b, key="median"):
        cells = []
        for n in sizes:
            if a in data[n] and b in data[n]:
                cells.append("%.2f" % (data[n][a][key] / max(data[n][b][key], 0.001)))
            else:
                cells.append("–")
        print("| %s | %s |" % (title, " | ".join(cells)))

    print("| ratio (medians) | " + " | ".join(label(n) for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    ratio_row("report / stat+map floor", "report", "stat+map floor")
    ratio_row("report / ledger balance", "report", "ledger balance")
    for c in ("status", "check", "show", "list --json"):
        ratio_row("%s / report" % c, c, "report")
    ratio_row("report after log / report", "report after log", "report")
    ratio_row("report (no cache) / read floor", "report (no cache)", "read floor")
    ratio_row("baseline report / report", "baseline report", "report")
    ratio_row("baseline list --json / list --json", "baseline list --json", "list --json")
    print()

    d = data[at100]
    at = label(at100)

    def against(c, ref, limit, what):
        if c in d and ref in d:
            r = d[c]["median"] / d[ref]["median"]
            verdict(r <= limit, "%s @%s ≤ %.2g× %s: %.1f / %.1f ms = %.2f×" % (
                what, at, limit, ref, d[c]["median"], d[ref]["median"], r))

    against("report", "stat+map floor", 1.3, "warm report")
    against("report", "ledger balance", 0.25, "warm report")
    rss = d["report"].get("rss", 0)
    verdict(rss <= 64, "warm report @%s ≤ 64 MiB peak: %.1f MiB" % (at, rss))
    for c in ("status", "check", "show"):
        against(c, "report", 1.2, c)
    against("list --json", "report", 1.3, "list --json")
    against("report after log", "report", 2.0, "report right after a log")
    if big != small and "log" in d:
        lg = d["log"]["median"] / data[small]["log"]["median"]
        verdict(lg <= 1.2, "log @%s ≤ 1.2× log @%s: %.1f ms vs %.1f ms = %.2f×" % (
            at, label(small), d["log"]["median"], data[small]["log"]["median"], lg))
    against("report (no cache)", "read floor", 1.5, "report --no-cache")
    if 100000 in data and 300000 in data:
        parts, ok = [], True
        for c in ("report", "report (no cache)", "list --json"):
            t = data[300000][c]["median"] / data[100000][c]["median"]
            m = data[300000][c].get("rss", 0) / max(data[100000][c].get("rss", 1), 1)
            ok = ok and t <= 3.6 and m <= 3.6
            parts.append("`%s` time %.2f×, memory %.2f×" % (c, t, m))
        verdict(ok, "linear 100k → 300k (3× the records, ≤ 3.6× allowing 20% noise): " +
                ", ".join(parts))
    print("\n".join(verdicts))
    load_file = os.path.join(results, "load.txt")
    if os.path.exists(load_file):
        print()
        print("Load average (1, 5, 15 min): " + "; ".join(
            l.strip() for l in open(load_file)))


if __name__ == "__main__":
    main()
