"""spark sync: two clones of one workspace exchange records through a shared (bare, local)
repository, as colleagues do through GitLab: pull --rebase, push, check. Every record is its
own file, so clones that sync while both log never conflict and lose nothing; where git
cannot go on (no remote, uncommitted changes, one file edited on both sides) spark says so
and changes nothing."""

import concurrent.futures
import subprocess

import sparktest
from sparktest import SparkTestCase


class SyncTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        self.remote = self.tmp / "remote.git"
        self.git("init", "--quiet", "--bare", "--initial-branch=main", self.remote, cwd=self.tmp)
        self.a = self.init(git=True, path=self.tmp / "anna")
        self.git("remote", "add", "origin", self.remote, cwd=self.a)
        self.ok("sync", cwd=self.a)
        self.git("clone", "--quiet", self.remote, self.tmp / "bart", cwd=self.tmp)
        self.b = self.tmp / "bart"

    def records(self, clone):
        return sorted(str(p.relative_to(clone)) for p in clone.glob("[lmp]*/**/*.toml"))

    def head(self, clone):
        return self.git("rev-parse", "HEAD", cwd=clone).strip()


class ExchangeTests(SyncTestCase):
    def test_first_sync_sets_the_upstream(self):
        self.assertEqual(self.git("rev-parse", "--abbrev-ref", "@{u}", cwd=self.a).strip(),
                         "origin/main")
        self.assertEqual(self.head(self.a), self.head(self.b))

    def test_records_go_both_ways(self):
        self.log("vonk", "Koffie", "--date", "2026-02-10", cwd=self.a)
        self.log("lucifer", "Vergunning", "--date", "2026-02-11", cwd=self.b)
        result = self.ok("sync", cwd=self.a)
        self.assertIn("sent 1 commit to origin/main", result.err)
        self.assertEqual(result.out, "")
        result = self.ok("sync", cwd=self.b)
        self.assertIn("received 1 commit from origin/main", result.err)
        self.assertIn("sent 1 commit to origin/main", result.err)
        self.assertIn("records checked: 0 errors", result.err)
        self.ok("sync", cwd=self.a)
        self.assertEqual(self.records(self.a), self.records(self.b))
        self.assertEqual(len(self.records(self.a)), 2)
        self.assertIn("in step with origin/main", self.ok("sync", cwd=self.a).err)

    def test_two_clones_sync_while_both_log(self):
        # Anna and Bart each log and sync in turn, at the same time as the other: pushes
        # race, a refused push is fetched, rebased and sent again. The same title on the
        # same day in both clones is two records, not a conflict.
        def work(clone, name, rounds=3):
            for i in range(rounds):
                for title in (f"{name} ronde {i}", "Buurttafel"):
                    result = self.spark("log", "fuel", title, "--date", "2026-02-20", cwd=clone)
                    assert result.code == 0, result.describe()
                result = self.spark("sync", cwd=clone)
                assert result.code == 0, result.describe()

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for done in [pool.submit(work, self.a, "Anna"), pool.submit(work, self.b, "Bart")]:
                done.result()
        for clone in (self.a, self.b, self.a):
            self.ok("sync", cwd=clone)
        self.assertEqual(self.records(self.a), self.records(self.b))
        self.assertEqual(len(self.records(self.a)), 12)
        titles = [self.read(p, root=self.a)["title"] for p in self.records(self.a)]
        self.assertEqual(titles.count("Buurttafel"), 6)
        self.assertEqual(self.head(self.a), self.head(self.b))
        for clone in (self.a, self.b):
            self.assertEqual(self.git("status", "--porcelain", cwd=clone), "")
        merges = self.git("rev-list", "--merges", "--count", "HEAD", cwd=self.a).strip()
        self.assertEqual(merges, "0", "rebased, a straight history")


class RefusalTests(SyncTestCase):
    def test_no_remote(self):
        lone = self.init(git=True, path=self.tmp / "lone")
        result = self.assertRejected(["sync"], 1, "no remote to sync with",
                                     "git remote add origin URL", cwd=lone)
        self.assertEqual(result.out, "")

    def test_not_a_git_workspace(self):
        plain = self.init(path=self.tmp / "plain")
        self.assertRejected(["sync"], 1, "not in a git repository", cwd=plain)

    def test_uncommitted_changes_are_left_alone(self):
        path = self.log("vonk", "Koffie", cwd=self.a)
        (self.a / path).write_text((self.a / path).read_text().replace("Koffie", "Thee"))
        self.ws = self.a
        before = self.head(self.a)
        self.assertRejected(["sync"], 1, "uncommitted changes in: " + path, "git stash",
                            cwd=self.a)
        self.assertEqual(self.head(self.a), before)

    def test_one_file_edited_on_both_sides_is_undone_with_advice(self):
        path = self.log("vonk", "Koffie", "--date", "2026-02-10", cwd=self.a)
        self.ok("sync", cwd=self.a)
        self.ok("sync", cwd=self.b)
        for clone, title in ((self.a, "Koffie met Anna"), (self.b, "Koffie met Bart")):
            record = clone / path
            record.write_text(record.read_text().replace('"Koffie"', f'"{title}"'))
            self.git("commit", "--quiet", "-am", f"hand edit: {title}", cwd=clone)
        self.ok("sync", cwd=self.a)
        before = self.head(self.b)
        result = self.spark("sync", cwd=self.b)
        self.assertFails(result, 1, f"the same file was changed here and on 'origin/main': {path}",
                         "git pull --rebase", "nothing changed here")
        self.assertEqual(result.out, "")
        self.assertEqual(self.head(self.b), before)
        self.assertEqual(self.git("status", "--porcelain", cwd=self.b), "")
        self.assertIn("Koffie met Bart", (self.b / path).read_text())

    def test_a_broken_file_from_a_colleague_fails_the_check(self):
        broken = self.b / "log" / "2026" / "2026-02-10-kapot-aaaa.toml"
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_text('date = 2026-02-10\nkind = "fuel"\ntitle = "kapot\n')
        self.git("add", ".", cwd=self.b)
        self.git("commit", "--quiet", "-m", "hand-made record", cwd=self.b)
        self.spark("sync", cwd=self.b)  # sends it, then its own check fails
        result = self.spark("sync", cwd=self.a)
        self.assertEqual(result.code, 1, result.describe())
        self.assertIn("received 1 commit", result.err)
        self.assertIn("log/2026/2026-02-10-kapot-aaaa.toml:3:9: error: string not closed",
                      result.out)


if __name__ == "__main__":
    sparktest.main()
