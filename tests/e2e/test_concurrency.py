"""Colleagues at work at once on one workspace lose nothing: `people merge` and `people
forget` take the workspace lock (.spark/lock) exclusively, so two opposite merges run one
after the other and the second sees the first's result, and no command that names people
(log, meet) runs in the middle of one."""

import shutil
import subprocess
import time

import sparktest
from sparktest import SparkTestCase

ROUNDS = 20


class ConcurrencyTestCase(SparkTestCase):
    def start(self, *args, cwd):
        return subprocess.Popen([sparktest.SPARK, *map(str, args)], cwd=cwd,
                                env=self.environment(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

    def finish(self, process):
        out, err = process.communicate(timeout=sparktest.TIMEOUT)
        return process.returncode, out.decode(), err.decode()

    def template(self):
        """A workspace with Anna twice (a and b), each named in entries and a meeting."""
        self.init()
        self.a = self.add_person("Anna de Vries", "--group", "staff")
        self.b = self.add_person("Anna de Vries", "--force", "--group", "staff")
        self.carla = self.add_person("Carla Smit", "--invited-by", self.b)
        for i in range(3):
            self.log("actie", f"Samen {i}", "--with", self.a, "--with", self.b,
                     "--date", f"2026-02-{10 + i}")
        self.ok("meet", "Koffie", "--with", self.a, "--with", self.b, "--with", self.carla,
                "--date", "2026-02-20")
        return self.ws

    def assertConsistent(self, ws):
        check = self.spark("check", cwd=ws)
        self.assertNotIn(": error:", check.out, check.describe())
        self.assertEqual(check.code, 0, check.describe())


class OppositeMergeTests(ConcurrencyTestCase):
    def test_opposite_merges_run_one_after_the_other(self):
        template = self.template()
        for round_ in range(ROUNDS):
            with self.subTest(round=round_):
                ws = self.tmp / f"round-{round_}"
                shutil.copytree(template, ws)
                first = self.start("people", "merge", self.a, self.b, cwd=ws)
                second = self.start("people", "merge", self.b, self.a, cwd=ws)
                results = [self.finish(first), self.finish(second)]
                people = sorted(p.stem for p in (ws / "people").glob("*.toml"))
                # Exactly one Anna is left, with Carla, and exactly one merge happened.
                self.assertEqual(len([p for p in people if p.startswith("anna")]), 1,
                                 (people, results))
                self.assertEqual(sorted(code for code, _, _ in results), [0, 1], results)
                failed = next(err for code, _, err in results if code == 1)
                # The second saw the first's result: the person it would drop is gone.
                self.assertIn("unknown person", failed)
                self.assertConsistent(ws)

    def test_forget_and_merge_at_once(self):
        template = self.template()
        for round_ in range(ROUNDS // 2):
            with self.subTest(round=round_):
                ws = self.tmp / f"forget-{round_}"
                shutil.copytree(template, ws)
                merge = self.start("people", "merge", self.a, self.b, cwd=ws)
                forget = self.start("people", "forget", self.b, cwd=ws)
                self.finish(merge)
                self.finish(forget)
                self.assertConsistent(ws)
                self.assertFalse((ws / "people" / f"{self.b}.toml").exists())


class MergeDuringLogTests(ConcurrencyTestCase):
    def wait_for(self, condition, what):
        deadline = time.monotonic() + sparktest.TIMEOUT
        while not condition():
            self.assertLess(time.monotonic(), deadline, f"timed out waiting for {what}")
            time.sleep(0.005)

    def test_a_log_that_named_the_person_before_the_merge_is_rewritten_by_it(self):
        """The log has resolved Anna b and waits in its editor; the merge starts. It must
        wait for the log, and then rewrite the log's entry, instead of removing b while the
        log is about to write a reference to b."""
        ws = shutil.copytree(self.template(), self.tmp / "slow-log")
        ready, go, merge_output = self.tmp / "ready", self.tmp / "go", self.tmp / "merge.out"
        editor = self.write_script("slow-editor", f"""touch '{ready}'
while [ ! -e '{go}' ]; do sleep 0.01; done
echo 'Het verslag' > "$1"
""")
        log = subprocess.Popen([sparktest.SPARK, "log", "actie", "Traag", "--with", self.b, "-e"],
                               cwd=ws, env=self.environment({"EDITOR": str(editor)}),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL)
        self.wait_for(ready.exists, "the log to resolve its people")
        with open(merge_output, "wb") as out:
            merge = subprocess.Popen([sparktest.SPARK, "people", "merge", self.a, self.b],
                                     cwd=ws, env=self.environment(), stdout=out,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.wait_for(lambda: merge.poll() is not None or b"waiting" in merge_output.read_bytes(),
                      "the merge to wait or finish")
        go.touch()
        self.assertEqual(self.finish(log)[0], 0)
        self.assertEqual(merge.wait(timeout=sparktest.TIMEOUT), 0, merge_output.read_text())
        self.assertConsistent(ws)
        [entry] = [p for p in (ws / "log").rglob("*traag*.toml")]
        self.assertIn(self.a, entry.read_text())
        self.assertNotIn(self.b, entry.read_text())

    def test_logs_naming_the_dropped_person_never_dangle(self):
        template = self.template()
        for round_ in range(ROUNDS // 4):
            with self.subTest(round=round_):
                ws = self.tmp / f"log-{round_}"
                shutil.copytree(template, ws)
                logs = [self.start("log", "actie", f"Tegelijk {i}", "--with", self.b,
                                   "--date", "2026-02-25", cwd=ws) for i in range(6)]
                merge = self.start("people", "merge", self.a, self.b, cwd=ws)
                logs += [self.start("log", "actie", f"Daarna {i}", "--with", self.b,
                                    "--date", "2026-02-26", cwd=ws) for i in range(6)]
                code, _, err = self.finish(merge)
                self.assertEqual(code, 0, err)
                for process in logs:
                    code, _, err = self.finish(process)
                    # Before the merge: written and rewritten by it; after: refused.
                    self.assertIn(code, (0, 1), err)
                    if code == 1:
                        self.assertIn("unknown", err)
                self.assertFalse((ws / "people" / f"{self.b}.toml").exists())
                self.assertConsistent(ws)
                for path in (ws / "log").rglob("*.toml"):
                    self.assertNotIn(self.b, path.read_text(), path)


if __name__ == "__main__":
    sparktest.main()
