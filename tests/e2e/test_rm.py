"""spark rm: entries and meetings removed in one commit; people refused; nothing changed on
bad input; a kill at any step leaves each record whole or gone."""

import json

import sparktest
from sparktest import SparkTestCase


class RmTestCase(SparkTestCase):
    """A git workspace with two people, three entries and a meeting."""

    def setUp(self):
        super().setUp()
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        self.init(git=True)
        since = ("--since", "2026-01-01")
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                    *since)
        self.bob = self.add_person("Bob Bakker", "--group", "resident", "--invited-by", "anna",
                                   *since)
        self.lonely = self.add_person("Dirk Dekker", "--group", "staff", *since)
        self.match = self.log("match", "Melding in plaats van vergunning", "--with", "anna",
                              "--effect", "9 dagen", "--date", "2026-02-10")
        self.action = self.log("action", "Buurtkamer open", "--with", "bob",
                               "--date", "2026-02-12")
        self.fuel = self.log("fuel", "Kans bij de bibliotheek", "--date", "2026-02-14")
        self.meeting = self.ok("meet", "Keukentafel", "--with", "anna", "--with", "bob",
                               "--date", "2026-02-15").out.splitlines()[0].strip()

    def commits(self):
        return self.git("log", "--format=%s").splitlines()

    def last_commit_paths(self):
        out = self.git("show", "--name-status", "--no-renames", "--format=", "HEAD")
        return sorted(line for line in out.splitlines() if line.strip())

    def listed_titles(self):
        return [row["title"] for row in json.loads(self.ok("list", "--json").out)]

    def id_of(self, path):
        return path.rsplit("/", 1)[-1].removesuffix(".toml")


class HappyPathTests(RmTestCase):
    def test_one_entry_one_commit(self):
        result = self.ok("rm", self.id_of(self.match))
        self.assertEqual(result.out, f"removed {self.match}\n")
        self.assertIn("Melding in plaats van vergunning", result.err)
        self.assertFalse((self.ws / self.match).exists())
        self.assertEqual(self.commits()[0], "rm(match): Melding in plaats van vergunning")
        self.assertEqual(self.last_commit_paths(), [f"D\t{self.match}"])
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertNotIn("Melding in plaats van vergunning", self.listed_titles())
        self.assertEqual(self.ok("check").out, "")

    def test_several_by_prefix_short_id_and_title_words(self):
        short = self.id_of(self.fuel).rsplit("-", 1)[-1]
        result = self.ok("rm", "buurtkamer", short, "keukentafel")
        self.assertEqual(result.out.splitlines(),
                         [f"removed {self.action}", f"removed {self.fuel}",
                          f"removed {self.meeting}"])
        self.assertEqual(self.commits()[0], "rm: 3 records")
        self.assertEqual(self.last_commit_paths(),
                         sorted(f"D\t{p}" for p in (self.action, self.fuel, self.meeting)))
        self.assertEqual(self.listed_titles(), ["Melding in plaats van vergunning"])
        self.assertEqual(self.ok("check").out, "")

    def test_meeting_subject(self):
        self.ok("rm", self.id_of(self.meeting))
        self.assertEqual(self.commits()[0], "rm(meeting): Keukentafel")

    def test_the_same_record_twice_goes_once(self):
        self.ok("rm", self.id_of(self.fuel), "bibliotheek")
        self.assertEqual(self.commits()[0], "rm(fuel): Kans bij de bibliotheek")

    def test_report_and_status_follow(self):
        before = self.ok("report", "--format", "json").out
        self.ok("rm", self.id_of(self.match))
        after = json.loads(self.ok("report", "--format", "json").out)
        self.assertNotEqual(json.loads(before), after)
        self.assertNotIn("Melding in plaats van vergunning", self.ok("report").out)

    def test_force_removes_a_person_nobody_names(self):
        result = self.ok("rm", "--force", "dirk")
        self.assertEqual(result.out, f"removed people/{self.lonely}.toml\n")
        self.assertEqual(self.commits()[0], "rm(person): Dirk Dekker")
        self.assertFalse((self.ws / f"people/{self.lonely}.toml").exists())
        self.assertEqual(self.ok("check").out, "")

    def test_force_with_what_names_the_person(self):
        self.ok("rm", "--force", self.id_of(self.action), "bob", self.id_of(self.meeting))
        self.assertEqual(self.commits()[0], "rm: 3 records")
        self.assertEqual(self.ok("check").out, "")

    def test_without_git(self):
        ws = self.tmp / "plain"
        self.init(path=ws)
        self.ws = ws
        path = self.log("action", "Zonder git")
        self.assertEqual(self.ok("rm", "zonder").out, f"removed {path}\n")
        self.assertEqual(self.record_files(), [])

    def test_from_a_subfolder(self):
        result = self.ok("rm", "buurtkamer", cwd=self.ws / "log")
        self.assertEqual(result.out, f"removed {self.action.removeprefix('log/')}\n")


class BadInputTests(RmTestCase):
    def test_unknown_id_names_it_and_removes_nothing(self):
        result = self.assertRejected(["rm", self.id_of(self.match), "no-such-record"], 1,
                                     "'no-such-record'", "nothing was removed")
        self.assertNotIn("removed ", result.out)

    def test_ambiguous_words(self):
        self.log("action", "Buurtkamer dicht", "--date", "2026-02-13")
        self.assertRejected(["rm", "buurtkamer"], 1, "ambiguous", "nothing was removed")

    def test_a_person_is_pointed_to_merge_and_forget(self):
        self.assertRejected(["rm", "anna"], 1, f"'anna' is a person ({self.anna})",
                            "spark people merge", "spark people forget")
        self.assertRejected(["rm", self.id_of(self.fuel), "dirk"], 1, "is a person")

    def test_force_refuses_a_person_who_is_named(self):
        self.assertRejected(["rm", "--force", "bob"], 1, f"cannot remove {self.bob}",
                            self.action, self.meeting, "spark people forget")
        self.assertRejected(["rm", "--force", "anna"], 1, f"people/{self.bob}.toml")

    def test_usage_errors(self):
        self.assertRejected(["rm"], 2)
        self.assertRejected(["rm", ""], 2)
        self.assertRejected(["rm", "--bogus", "x"], 2)

    def test_a_broken_file_stops_it(self):
        (self.ws / "log" / sparktest.YEAR / "broken.toml").write_text("date = \n")
        result = self.assertRejected(["rm", self.id_of(self.fuel)], 1)
        self.assertIn("broken.toml", result.err)


class CrashTests(RmTestCase):
    """SPARK_FAULT kills spark at each step: every record is whole or gone, never half, the
    workspace stays valid, and the same command run again finishes it in one commit."""

    def record_bytes(self):
        return {str(p.relative_to(self.ws)): p.read_bytes()
                for top in ("people", "log", "meetings")
                for p in (self.ws / top).rglob("*.toml")}

    def test_killed_at_any_step(self):
        start = self.git("rev-parse", "HEAD").strip()
        original = self.record_bytes()
        doomed = [self.match, self.fuel, self.meeting]
        ids = [self.id_of(p) for p in doomed]
        steps = ["edit-before-remove:1", "edit-removed:1", "edit-before-remove:2",
                 "edit-removed:2", "edit-before-remove:3", "edit-removed:3", "committed"]
        no_cache = {"SPARK_NO_CACHE": "1"}
        for number, step in enumerate(steps):
            with self.subTest(step=step):
                try:
                    result = self.spark("rm", *ids, env={"SPARK_FAULT": step, **no_cache})
                    self.assertEqual(result.code, -9, result.describe())
                    now = self.record_bytes()
                    gone = [p for p in doomed if p not in now]
                    # Each record whole or gone, in the order asked; nothing else touched.
                    for path, data in now.items():
                        self.assertEqual(data, original[path], path)
                    self.assertEqual(gone, doomed[:len(gone)])
                    self.assertEqual(set(original) - set(now), set(gone))
                    expected_gone = (number + 1) // 2 if step != "committed" else 3
                    self.assertEqual(len(gone), expected_gone)
                    check = self.spark("check", env=no_cache)
                    self.assertEqual(check.code, 0, check.describe())
                    for line in check.out.splitlines():
                        self.assertIn("saved but not committed", line)
                    # The same command again finishes the job, in one commit.
                    again = self.ok("rm", *ids)
                    self.assertEqual(again.out.splitlines(), [f"removed {p}" for p in doomed])
                    if step != "committed":
                        self.assertEqual(self.commits()[0], "rm: 3 records")
                        self.assertEqual(self.last_commit_paths(),
                                         sorted(f"D\t{p}" for p in doomed))
                    self.assertEqual(self.git("status", "--porcelain"), "")
                    self.assertEqual(self.ok("check").out, "")
                    self.assertEqual(self.listed_titles(), ["Buurtkamer open"])
                finally:
                    self.git("reset", "-q", "--hard", start)
                    self.git("clean", "-qfdx")
                self.assertEqual(self.record_bytes(), original)

    def test_the_next_write_commits_what_a_killed_rm_removed(self):
        self.spark("rm", self.id_of(self.fuel), self.id_of(self.match),
                   env={"SPARK_FAULT": "edit-removed:2"})
        self.assertFalse((self.ws / self.match).exists())
        self.add_person("Nog Iemand", "--group", "staff")
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertIn("interrupted", self.git("log", "--format=%s").splitlines()[1])
        self.assertEqual(self.ok("check").out, "")

    def test_an_exact_id_only_finishes_what_was_removed(self):
        """Only an id typed in full names a record that is gone; a prefix does not."""
        self.spark("rm", self.id_of(self.fuel), self.id_of(self.match),
                   env={"SPARK_FAULT": "edit-removed:1"})
        self.assertFalse((self.ws / self.fuel).exists())
        self.assertRejected(["rm", "bibliotheek"], 1, "'bibliotheek'")


if __name__ == "__main__":
    sparktest.main()
