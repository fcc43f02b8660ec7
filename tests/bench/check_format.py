#!/usr/bin/env python3
"""Proves that generate.py writes the bytes spark writes: every Kth record of a generated
workspace is written again through the real CLI (spark log / meet / people add) into a scratch
workspace, and the two files must be identical (only the random id suffix differs, and it is
not part of the file's content).

    check_format.py SPARK WORKSPACE [--every K]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib


def run(spark, scratch, args, body=None):
    cmd = [spark, "-C", scratch, "-q"] + args
    if body is not None:
        cmd += ["-F", "-"]
    done = subprocess.run(cmd, input=(body or "").encode(), capture_output=True)
    if done.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), done.stderr.decode()))
    return done.stdout.decode().strip().splitlines()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("spark")
    parser.add_argument("workspace")
    parser.add_argument("--every", type=int, default=25)
    args = parser.parse_args()
    src = os.path.abspath(args.workspace)
    checked = 0
    with tempfile.TemporaryDirectory(prefix="spark-format-") as tmp:
        scratch = os.path.join(tmp, "ws")
        subprocess.run([args.spark, "init", scratch, "--name", "x", "--no-git"], check=True,
                       capture_output=True)
        # People first, copied as generated, so that --with and --invited-by resolve.
        shutil.rmtree(os.path.join(scratch, "people"))
        shutil.copytree(os.path.join(src, "people"), os.path.join(scratch, "people"))

        files = []
        for top in ("people", "log", "meetings"):
            for folder, _, names in sorted(os.walk(os.path.join(src, top))):
                files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".toml")]
        for path in files[::args.every]:
            original = open(path, "rb").read()
            rec = tomllib.loads(original.decode())
            rel = os.path.relpath(path, src)
            if rel.startswith("people"):
                cmd = ["people", "add", rec["name"], "--force", "--since", str(rec["since"]),
                       "--public" if rec["public"] else "--private"]
                if "group" in rec:
                    cmd += ["--group", rec["group"]]
                for role in rec["roles"]:
                    cmd += ["--role", role]
                if rec.get("department"):
                    cmd += ["--department", rec["department"]]
                if rec.get("invited_by"):
                    cmd += ["--invited-by", rec["invited_by"]]
                if rec.get("note"):
                    cmd += ["--note", rec["note"]]
                written = run(args.spark, scratch, cmd)
            elif rel.startswith("log"):
                cmd = ["log", rec["kind"], rec["title"], "--date", str(rec["date"])]
                for p in rec["people"]:
                    cmd += ["--with", p]
                for t in rec["tags"]:
                    cmd += ["--tag", t]
                if rec.get("effect"):
                    cmd += ["--effect", rec["effect"]]
                written = run(args.spark, scratch, cmd, rec.get("body", ""))
            else:
                cmd = ["meet", rec["title"], "--date", str(rec["date"]), "--setting",
                       rec["setting"]]
                if rec.get("place"):
                    cmd += ["--place", rec["place"]]
                for p in rec["attendees"]:
                    cmd += ["--with", p]
                for key, flag in (("questions", "--question"), ("dilemmas", "--dilemma"),
                                  ("outcomes", "--outcome"), ("followups", "--followup")):
                    for value in rec[key]:
                        cmd += [flag, value]
                written = run(args.spark, scratch, cmd, rec.get("body", ""))
            written_path = written if os.path.isabs(written) else os.path.join(scratch, written)
            if not os.path.exists(written_path):
                written_path = os.path.join(os.getcwd(), written)
            ours = open(written_path, "rb").read()
            if ours != original:
                sys.stderr.write("MISMATCH %s\n--- generated\n%s\n--- spark\n%s\n" % (
                    rel, original.decode(), ours.decode()))
                return 1
            if os.path.basename(written_path)[:-10] != os.path.basename(path)[:-10]:
                sys.stderr.write("id differs beyond the suffix: %s vs %s\n" % (
                    os.path.basename(path), os.path.basename(written_path)))
                return 1
            checked += 1
    print("format: %d records byte-identical to what spark writes" % checked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
