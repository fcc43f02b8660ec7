#!/usr/bin/env python3
"""Turns one run.sh result folder (hyperfine-N.json, rss-N.txt) into the Markdown table of
medians, CPU time, peak memory and the targets of the performance issue.

    summarize.py RESULTS_DIR N...
"""

import json
import os
import sys

SPARK = ["report", "report --period 2025-T2", "list --json", "check", "status",
         "report (no cache)", "log"]
ORDER = SPARK[:-1] + ["read floor", "ledger balance", "log"]


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
    d = data[big]
    rep = d["report"]["median"]
    print("| ratio | " + " | ".join(label(n) for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    print("| report / read floor | " + " | ".join(
        "%.2f" % (data[n]["report"]["median"] / data[n]["read floor"]["median"]) for n in sizes)
        + " |")
    print("| report (no cache) / read floor | " + " | ".join(
        "%.2f" % (data[n]["report (no cache)"]["median"] / data[n]["read floor"]["median"])
        for n in sizes) + " |")
    if all("ledger balance" in data[n] for n in sizes):
        print("| report / ledger balance | " + " | ".join(
            "%.2f" % (data[n]["report"]["median"] / data[n]["ledger balance"]["median"])
            for n in sizes) + " |")
    print("| report CPU / read floor CPU | " + " | ".join(
        "%.2f" % (data[n]["report"]["cpu"] / max(data[n]["read floor"]["cpu"], 0.001))
        for n in sizes) + " |")
    print()

    floor_ratio = rep / d["read floor"]["median"]
    verdict(floor_ratio <= 1.6, "report @%s ≤ 1.6× read floor: %.1f ms vs %.1f ms = %.2f×" % (
        label(big), rep, d["read floor"]["median"], floor_ratio))
    if "ledger balance" in d:
        lr = rep / d["ledger balance"]["median"]
        verdict(lr <= 0.5, "report @%s ≤ 0.5× ledger balance: %.1f ms vs %.1f ms = %.2f×" % (
            label(big), rep, d["ledger balance"]["median"], lr))
    worst = max(((data[n][c].get("rss", 0), c, n) for n in sizes for c in SPARK
                 if c in data[n]))
    verdict(worst[0] <= 160, "peak memory ≤ 160 MiB: largest is `%s` @%s with %.1f MiB" % (
        worst[1], label(worst[2]), worst[0]))
    for n in sizes:
        r = data[n]["report"]
        slower = ["`%s` %.1f ms (CPU %.1f)" % (c, data[n][c]["median"], data[n][c]["cpu"])
                  for c in ("status", "list --json", "check")
                  if data[n][c]["median"] > r["median"]]
        verdict(not slower, "status, list, check no slower than report @%s (report %.1f ms, "
                "CPU %.1f)%s" % (label(n), r["median"], r["cpu"],
                                 ": slower: " + ", ".join(slower) if slower else ""))
    if 1000 in data:
        over = ["`%s` %.1f ms" % (c, data[1000][c]["median"]) for c in SPARK
                if data[1000][c]["median"] > 30]
        verdict(not over, "every spark command ≤ 30 ms @1k%s" % (
            ": over: " + ", ".join(over) if over else " (slowest: %.1f ms)" % max(
                data[1000][c]["median"] for c in SPARK)))
    if big != small:
        lg = d["log"]["median"] / data[small]["log"]["median"]
        verdict(lg <= 1.2, "log @%s ≤ 1.2× log @%s: %.1f ms vs %.1f ms = %.2f×" % (
            label(big), label(small), d["log"]["median"], data[small]["log"]["median"], lg))
    if 10000 in data and 100000 in data:
        parts, ok = [], True
        for c in SPARK[:-1]:
            f = data[100000][c]["median"] / data[10000][c]["median"]
            ok = ok and f <= 12
            parts.append("`%s` %.1f×" % (c, f))
        verdict(ok, "cost linear 10k→100k (time ratio ≤ ~10×, allowing 20% noise): " +
                ", ".join(parts))
    parts, ok = [], True
    for c in ("report (no cache)", "report", "list --json", "check"):
        u = d[c]["cpu"] / d[c]["mean"]
        ok = ok and u > 1
        parts.append("`%s` %.2f" % (c, u))
    verdict(ok, "both cores used @%s ((user+sys)/wall > 1): " % label(big) + ", ".join(parts))
    print("\n".join(verdicts))
    load_file = os.path.join(results, "load.txt")
    if os.path.exists(load_file):
        print()
        print("Load average (1, 5, 15 min): " + "; ".join(
            l.strip() for l in open(load_file)))


if __name__ == "__main__":
    main()
