"""Merge safety at scale: four clones of one workspace each write 250 records through the
CLI (people, entries and meetings; the same titles on the same days in every clone, and the
same new person's name), then are merged pairwise in a seeded random order with
`git pull --no-rebase`. No conflict, nothing lost: every file arrives with the bytes its
clone wrote. `spark check` passes but names the person recorded four times, and the
`spark people merge` commands it suggests leave a clean workspace.

1000 spark processes: autocommit is off (one `git commit` per clone) and the processes of
all clones run on a pool of 8 threads (each write is bound by fsync, not by the CPU). Full
scale, no scaling down: about 40 s on two cores, 25 s of it the 1000 writes.
"""

import concurrent.futures
import os
import random
import re
import subprocess
import time

import sparktest
from sparktest import SPARK, SparkTestCase

CLONES = 4
PEOPLE_PER_CLONE = 10   # one of them "Nieuwe Collega" in every clone
ENTRIES_PER_CLONE = 160
MEETINGS_PER_CLONE = 80
SEED = 20261129
SHARED_NAME = "Nieuwe Collega"

TITLES = ["Buurtkamer open", "Koffie met de wethouder", "Proef met de groenstrook",
          "Regelvrije dag", "Bewonersavond", "Pilot ophaalroute", "Leerkring", "Schouw",
          "Gesprek met initiatiefnemer", "Team op pad"]
MEETING_TITLES = ["Vonkenoverleg", "Inspiratiesessie", "Dilemmacafé", "Terugkomdag"]


def date_of(i):
    """The same date for the same index in every clone: 2026-01-02 .. 2026-02-28."""
    day = i % 58
    return f"2026-01-{day + 2:02d}" if day < 30 else f"2026-02-{day - 29:02d}"


class MergeAtScaleTest(SparkTestCase):
    def setUp(self):
        super().setUp()
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        self.init(git=True)
        config = self.ws / "spark.toml"
        config.write_text(config.read_text().replace("autocommit = true", "autocommit = false"))
        self.assertIn("autocommit = false", config.read_text())
        self.base_people = [self.add_person(name, "--group", group, "--since", "2026-01-01")
                            for name, group in [("Anna de Vries", "staff"),
                                                ("Bob Bakker", "teamlead"),
                                                ("Carla Smit", "resident")]]
        self.git("add", "-A")
        self.git("commit", "-qm", "base")
        self.clones = []
        for k in range(CLONES):
            path = self.tmp / f"clone{k}"
            self.git("clone", "-q", str(self.ws), str(path), cwd=self.tmp)
            self.clones.append(path)

    def run_spark(self, cwd, *args):
        completed = subprocess.run([SPARK, *args], cwd=cwd, env=self.environment(),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, timeout=sparktest.TIMEOUT)
        if completed.returncode != 0 or completed.stderr:
            raise AssertionError(f"spark {args} in {cwd}: exit {completed.returncode}\n"
                                 f"{completed.stderr.decode(errors='replace')}")
        return completed.stdout.decode().strip()

    def pull(self, into, source):
        self.git("pull", "-q", "--no-rebase", "--no-edit", str(source), "main", cwd=into,
                 env={"GIT_MERGE_AUTOEDIT": "no"})
        unmerged = self.git("diff", "--name-only", "--diff-filter=U", cwd=into)
        self.assertEqual(unmerged, "", f"conflicts merging {source} into {into}")

    def test_four_clones_merge_without_conflict_or_loss(self):
        started = time.monotonic()
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=8)
        self.addCleanup(pool.shutdown)

        # People first (entries refer to them), then entries and meetings, all clones at once.
        people_jobs = {}
        for k, clone in enumerate(self.clones):
            names = [SHARED_NAME] + [f"Persoon {k}-{j}" for j in range(1, PEOPLE_PER_CLONE)]
            for name in names:
                people_jobs[(k, name)] = pool.submit(
                    self.run_spark, clone, "people", "add", name, "--group", "staff",
                    "--role", "spark" if name == SHARED_NAME else "innovator",
                    "--since", "2026-01-01")
        written = {k: [] for k in range(CLONES)}
        new_people = {k: [] for k in range(CLONES)}
        for (k, name), job in people_jobs.items():
            path = job.result()
            written[k].append(path)
            new_people[k].append(path[len("people/"):-len(".toml")])

        record_jobs = []
        for k, clone in enumerate(self.clones):
            mine = new_people[k]
            for i in range(ENTRIES_PER_CLONE):
                kind = sparktest.KINDS[i % len(sparktest.KINDS)]
                args = ["log", kind, TITLES[i % len(TITLES)], "--date", date_of(i),
                        "--with", self.base_people[i % 3], "--with", mine[i % len(mine)],
                        "--tag", f"t{i % 5}", "-m", f"Verslag {i}: zelfde tekst in elke kloon"]
                if kind == "match":
                    args += ["--effect", "twee straten doen mee"]
                record_jobs.append((k, pool.submit(self.run_spark, clone, *args)))
            for i in range(MEETINGS_PER_CLONE):
                args = ["meet", MEETING_TITLES[i % len(MEETING_TITLES)], "--date", date_of(i),
                        "--with", self.base_people[(i + 1) % 3], "--with", mine[i % len(mine)],
                        "--question", "Hoe houden we dit vol?", "--dilemma", "Snelheid of draagvlak"]
                record_jobs.append((k, pool.submit(self.run_spark, clone, *args)))
        for k, job in record_jobs:
            written[k].append(job.result().splitlines()[0].strip())
        wrote_at = time.monotonic()

        # What each clone wrote, byte for byte; then one commit per clone.
        expected = {}
        for k, clone in enumerate(self.clones):
            self.assertEqual(len(written[k]), PEOPLE_PER_CLONE + ENTRIES_PER_CLONE
                             + MEETINGS_PER_CLONE)
            self.assertEqual(len(set(written[k])), len(written[k]), "a path printed twice")
            for path in written[k]:
                self.assertNotIn(path, expected, "two clones wrote the same path")
                expected[path] = (clone / path).read_bytes()
            self.git("add", "--", "people", "log", "meetings", cwd=clone)
            self.git("commit", "-qm", f"clone {k}: 250 records", cwd=clone)
        self.assertEqual(len(expected), CLONES * 250)

        # Pairwise merges in a seeded random order: two pairs, then the pairs.
        order = list(range(CLONES))
        random.Random(SEED).shuffle(order)
        a, b, c, d = (self.clones[i] for i in order)
        self.pull(a, b)
        self.pull(c, d)
        self.pull(a, c)
        final = a

        files = {str(p.relative_to(final)): p.read_bytes()
                 for top in ("people", "log", "meetings") for p in (final / top).rglob("*.toml")}
        self.assertEqual(len(files), len(self.base_people) + CLONES * 250)
        for path, data in expected.items():
            self.assertIn(path, files)
            self.assertEqual(files[path], data, path)
        self.assertEqual(self.git("status", "--porcelain", cwd=final), "")
        merged_at = time.monotonic()

        # check passes, and names the person recorded in every clone with the fix.
        check = self.spark("check", cwd=final)
        self.assertEqual(check.code, 0, check.describe())
        self.assertNotIn("error", check.out)
        suggestions = re.findall(r"run '(spark people merge \S+ \S+)'", check.out)
        self.assertEqual(len(suggestions), CLONES - 1, check.out)
        self.assertEqual(len(check.out.splitlines()), CLONES - 1, check.out)
        shared_ids = {people[0] for people in new_people.values()}
        keep = suggestions[0].split()[3]
        self.assertIn(keep, shared_ids)
        self.assertEqual({s.split()[4] for s in suggestions}, shared_ids - {keep})
        for suggestion in suggestions:
            self.ok(*suggestion.split()[1:], cwd=final)
        after = self.ok("check", cwd=final)
        self.assertEqual(after.out, "", after.describe())

        # Every reference to the copies now names the one that stays; nothing else is lost.
        remaining = {str(p.relative_to(final)): p.read_bytes()
                     for top in ("people", "log", "meetings") for p in (final / top).rglob("*.toml")}
        self.assertEqual(set(files) - set(remaining),
                         {f"people/{pid}.toml" for pid in shared_ids - {keep}})
        for path, data in remaining.items():
            for dropped in shared_ids - {keep}:
                self.assertNotIn(dropped.encode(), data, path)
        people = self.read(f"people/{keep}.toml", root=final)
        self.assertEqual(people["name"], SHARED_NAME)
        done = time.monotonic()
        if os.environ.get("SPARK_TEST_TIMINGS"):
            print(f"\nwrite {wrote_at - started:.1f}s, commit+merge {merged_at - wrote_at:.1f}s, "
                  f"check+people merge {done - merged_at:.1f}s")


if __name__ == "__main__":
    sparktest.main()
