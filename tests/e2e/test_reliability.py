"""Nothing lost: writes killed at any point, a full disk and a read-only workspace leave
every record either absent or whole and valid, and the workspace usable."""

import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import uuid

import sparktest
from sparktest import SparkTestCase, main

STEPS = ["temporary-created", "partly-written", "temporary-synced", "published"]


def can_mount():
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = tempfile.mkdtemp(prefix="spark-mount-")
    try:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
                            capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", probe], capture_output=True)
        return ok
    finally:
        os.rmdir(probe)


MOUNT = can_mount()


class CrashTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")

    def assert_workspace_sound(self):
        """check passes (temporary leftovers are warnings only), and every record reads."""
        result = self.spark("check")
        self.assertEqual(result.code, 0, result.describe())
        self.assertNotIn(": error:", result.out)
        for top in ("people", "log", "meetings"):
            for path in self.record_files(top):
                self.read(path)  # whole, valid TOML
        for command in (["list"], ["report"], ["people", "list"]):
            self.ok(*command)

    def test_meet_with_new_people_killed_at_every_step(self):
        # Two new people then the meeting: three publishes, each killed at each step.
        for step in STEPS:
            for nth in (1, 2, 3):
                with self.subTest(step=step, nth=nth):
                    # Names far apart, or --new would take them for typos of each other.
                    result = self.spark(
                        "meet", f"Kill {step} {nth}", "--with", "anna", "--with",
                        f"Gast {uuid.uuid4().hex[:10]}", "--with", f"Gast {uuid.uuid4().hex[:10]}",
                        "--new", "--question", "Wat nu?", env={"SPARK_FAULT": f"{step}:{nth}"})
                    self.assertEqual(result.code, -signal.SIGKILL, result.describe())
                    self.assert_workspace_sound()
        meetings = self.record_files("meetings")
        # Only the runs killed after publishing the meeting itself left one.
        self.assertEqual(len(meetings), 1, meetings)
        self.assertEqual(self.read(meetings[0])["title"], "Kill published 3")

    def test_stray_temporary_files_are_reported_not_deleted(self):
        self.spark("log", "action", "Half", "-m", "x" * 5000,
                   env={"SPARK_FAULT": "partly-written"})
        strays = [p for p in (self.ws / "log" / sparktest.YEAR).iterdir()
                  if p.name.startswith(".")]
        self.assertEqual(len(strays), 1, strays)
        self.assertRegex(strays[0].name, r"^\.2026-03-01-half-[a-z0-9]+\.toml\.tmp-[a-z0-9]{6}$")
        result = self.ok("check")
        self.assertIn("warning: leftover temporary file", result.out)
        self.assertTrue(strays[0].exists(), "check must not delete anything")
        self.assertEqual(self.ok("list").out, "")

    def test_random_kills_during_log_and_meet(self):
        rng = random.Random(20261129)
        for i in range(40):
            args = (["log", "match", f"Random {i}", "--with", "anna", "-m", "tekst " * 200]
                    if i % 2 else
                    ["meet", f"Random {i}", "--with", "anna", "--with",
                     f"Gast {uuid.uuid4().hex[:10]}", "--new"])
            process = subprocess.Popen([sparktest.SPARK, *args], cwd=self.ws,
                                       env=self.environment(), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, 0.012))
            process.send_signal(signal.SIGKILL)
            process.wait()
        self.assert_workspace_sound()


@unittest.skipUnless(MOUNT, "needs root and tmpfs mounts")
class FullAndReadOnlyDiskTests(SparkTestCase):
    def mount(self, size):
        point = self.tmp / "disk"
        point.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                       check=True)
        self.addCleanup(subprocess.run, ["umount", "-l", str(point)])
        return point

    def test_full_disk_fails_clearly_and_loses_nothing(self):
        disk = self.mount("256k")
        self.ws = disk / "ws"
        self.init()
        kept = self.log("action", "Voor de volle schijf", "-m", "inhoud")
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096) > 0:
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        before = self.snapshot()
        result = self.spark("log", "match", "Past niet meer", "-m", "x" * 20000)
        self.assertEqual(result.code, 1, result.describe())
        self.assertRegex(result.err, r"spark: error: cannot (write|create|create folder|create a "
                                     r"file in) '.*': No space left on device")
        self.assertUnchanged(before)
        self.assertEqual(self.read(kept)["title"], "Voor de volle schijf")
        (disk / "filler").unlink()
        self.ok("check")

    def test_read_only_workspace_refuses_writes_and_still_reads(self):
        disk = self.mount("1m")
        self.ws = disk / "ws"
        self.init()
        self.log("action", "Al vastgelegd")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = self.snapshot()
        result = self.spark("log", "match", "Mag niet")
        self.assertEqual(result.code, 1, result.describe())
        self.assertIn("Read-only file system", result.err)
        result = self.spark("people", "add", "Iemand")
        self.assertEqual(result.code, 1, result.describe())
        self.assertUnchanged(before)
        # Reading works; the cache simply isn't written.
        self.assertIn("Al vastgelegd", self.ok("list").out)
        self.ok("report")
        self.ok("check")


if __name__ == "__main__":
    main()
