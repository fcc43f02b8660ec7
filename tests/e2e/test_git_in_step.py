"""Git stays in step with the records: a lock file left by a killed git is reported at once
with the exact command that removes it safely, and records that were written but not
committed (spark killed between the two) are reported by `status` and `check` and committed
by the next spark write; records edited by hand are never committed behind your back."""

import os
import random
import re
import signal
import subprocess
import time
import unittest

import sparktest
from sparktest import SparkTestCase


@unittest.skipUnless(sparktest.git_available(), "git not installed")
class GitInStepTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init(git=True)
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")

    def porcelain(self):
        return self.git("status", "--porcelain", "--untracked-files=all")

    def committed(self, path):
        return self.git("log", "--format=%s", "--", path).strip() != ""

    def lock(self, age_seconds):
        lock = self.ws / ".git" / "index.lock"
        lock.write_bytes(b"")
        then = time.time() - age_seconds
        os.utime(lock, (then, then))
        return lock

    def safe_command(self, text):
        """The command spark gives to remove the lock, run as a shell would."""
        match = re.search(r"rm '([^']*\.lock)'", text)
        self.assertIsNotNone(match, text)
        return match[1]


class StaleLockTests(GitInStepTestCase):
    def test_a_stale_lock_is_reported_at_once_with_the_safe_command(self):
        lock = self.lock(age_seconds=120)
        started = time.monotonic()
        result = self.ok("log", "actie", "Buurtkamer", "--with", self.anna)
        elapsed = time.monotonic() - started
        path = result.out.strip()
        self.assertTrue((self.ws / path).is_file())
        self.assertIn("saved but not committed", result.err)
        self.assertEqual(self.safe_command(result.err), str(lock))
        self.assertNotIn("manually", result.err)
        self.assertIn("no git is running", result.err)
        # No waiting for a lock no one will release (it took 3-4 s).
        self.assertLess(elapsed, 2.0, result.describe())

        # status and check say so too, with the same command and the record.
        status = self.ok("status")
        self.assertEqual(self.safe_command(status.out), str(lock))
        self.assertIn(path, status.out)
        check = self.ok("check")
        self.assertIn(".git/index.lock: warning:", check.out)
        self.assertEqual(self.safe_command(check.out), str(lock))
        self.assertIn(f"{path}: warning: saved but not committed", check.out)

        # The command is all it takes: the next write commits both records.
        os.remove(self.safe_command(result.err))
        second = self.log("actie", "Tweede", "--with", self.anna)
        self.assertEqual(self.porcelain(), "")
        self.assertTrue(self.committed(path) and self.committed(second))
        self.assertNotIn("not committed", self.ok("status").out)
        self.assertNotIn("warning", self.ok("check").out)

    def test_a_lock_someone_holds_is_not_called_stale(self):
        # However old, a lock a process still has open belongs to a git at work: spark
        # waits a little for it and then says so, without offering to remove it.
        lock = self.lock(age_seconds=120)
        with open(lock, "rb") as held:
            holder = subprocess.Popen(["sleep", "60"], stdin=held)
        self.addCleanup(holder.wait)
        self.addCleanup(holder.kill)
        result = self.ok("log", "actie", "Buurtkamer", "--with", self.anna)
        self.assertIn("saved but not committed", result.err)
        self.assertNotIn("no git is running", result.err)
        self.assertNotIn("rm '", result.err)


class UncommittedRecordTests(GitInStepTestCase):
    def test_a_record_left_by_a_killed_log_is_committed_by_the_next_write(self):
        killed = self.spark("log", "actie", "Half af", "--with", self.anna,
                            env={"SPARK_FAULT": "published"})
        self.assertEqual(killed.code, -signal.SIGKILL, killed.describe())
        [path] = [p for p in self.record_files() if "half-af" in p]
        self.assertFalse(self.committed(path))
        status = self.ok("status")
        self.assertIn("not committed", status.out)
        self.assertIn(path, status.out)
        check = self.ok("check")  # a warning: nothing is wrong with the record itself
        self.assertIn(f"{path}: warning: saved but not committed", check.out)
        self.assertIn("next spark write", check.out)

        self.ok("people", "add", "Bram Bos")
        self.assertEqual(self.porcelain(), "")
        self.assertTrue(self.committed(path))
        subjects = self.git("log", "--format=%s").splitlines()
        self.assertIn("spark: commit records an interrupted spark left uncommitted (1)",
                      subjects)

    def test_an_interrupted_merge_is_committed_by_the_next_write(self):
        bob = self.add_person("Bob Bakker")
        entry = self.log("actie", "Samen", "--with", bob)
        killed = self.spark("people", "merge", self.anna, bob,
                            env={"SPARK_FAULT": "edit-removed"})
        self.assertEqual(killed.code, -signal.SIGKILL, killed.describe())
        self.assertNotEqual(self.porcelain(), "")
        self.log("actie", "Daarna", "--with", self.anna)
        self.assertEqual(self.porcelain(), "")
        self.assertEqual(self.read(entry)["people"], [self.anna])
        self.assertFalse(self.committed(f"people/{bob}.toml") and
                         (self.ws / f"people/{bob}.toml").exists())
        self.ok("check")

    def test_hand_edits_are_never_committed_by_spark(self):
        killed = self.spark("log", "actie", "Half af", "--with", self.anna,
                            env={"SPARK_FAULT": "published"})
        self.assertEqual(killed.code, -signal.SIGKILL)
        person = self.ws / f"people/{self.anna}.toml"
        person.write_text(person.read_text().replace('group = "staff"', 'group = "teamlead"'))
        handmade = self.ws / "people" / "eigen-werk.toml"
        handmade.write_text('name = "Eigen Werk"\nroles = []\npublic = false\n')
        self.log("actie", "Daarna", "--with", self.anna)
        self.assertEqual(sorted(self.porcelain().splitlines()),
                         [f" M people/{self.anna}.toml", "?? people/eigen-werk.toml"])
        # Nor do status and check call them records spark left behind.
        self.assertNotIn("not committed", self.ok("status").out)
        self.assertNotIn("not committed", self.ok("check").out)

    def test_a_running_spark_is_not_an_interrupted_one(self):
        # A second spark that is still writing (its own note, its own process) is left to
        # commit its own record.
        sleeper = subprocess.Popen(["sleep", "30"])
        self.addCleanup(sleeper.wait)
        self.addCleanup(sleeper.kill)
        pending = self.ws / ".spark" / "pending"
        pending.mkdir(parents=True, exist_ok=True)
        with open(f"/proc/{sleeper.pid}/stat") as stat:
            start = stat.read().rsplit(")", 1)[1].split()[19]
        (pending / f"{sleeper.pid}-{start}").write_text("log/2026/nog-bezig.toml\n")
        (self.ws / "log" / "2026").mkdir(parents=True, exist_ok=True)
        (self.ws / "log" / "2026" / "nog-bezig.toml").write_text(
            'date = 2026-03-01\nkind = "action"\ntitle = "Bezig"\npeople = []\ntags = []\n')
        self.log("actie", "Daarna", "--with", self.anna)
        self.assertEqual(self.porcelain(), "?? log/2026/nog-bezig.toml\n")
        self.assertNotIn("not committed", self.ok("status").out)


class ProcessGroupKillTests(GitInStepTestCase):
    """spark and the git it runs killed together, at random moments: whatever is left, the
    next write (after the safe command, when spark gives one) leaves git clean."""

    def test_killing_spark_and_git_together(self):
        rng = random.Random(20261201)
        for i in range(24):
            args = (["log", "match", f"Willekeurig {i}", "--with", "anna"] if i % 3 else
                    ["people", "add", f"Gast {i:02} {rng.randrange(10**6)}"])
            process = subprocess.Popen([sparktest.SPARK, *args], cwd=self.ws,
                                       env=self.environment(), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
            time.sleep(rng.uniform(0.0, 0.03))
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
        # A lock a killed git left (index.lock, HEAD.lock, the branch's) is called stale
        # only once it is a few seconds old: age them instead of waiting.
        for lock in (self.ws / ".git").rglob("*.lock"):
            os.utime(lock, (time.time() - 120, time.time() - 120))
        # Each lock is named with the command that removes it; after that, a write commits.
        for attempt in range(4):
            result = self.ok("log", "actie", f"Na de storm {attempt}", "--with", "anna")
            if "rm '" not in result.err:
                break
            os.remove(self.safe_command(result.err))
        self.assertNotIn("not committed", result.err)
        # Temporary files of killed writes are no records: check reports them, and they
        # are never committed or deleted behind anyone's back.
        left = [line for line in self.porcelain().splitlines()
                if not re.search(r"/\.[^/]+\.tmp-[a-z0-9]{6}$", line)]
        self.assertEqual(left, [])
        check = self.ok("check")
        self.assertNotIn("error", check.out)


if __name__ == "__main__":
    sparktest.main()
