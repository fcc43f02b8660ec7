"""spark undo: reverts spark's last commit (each kind of write), an undo of an undo redoes
it, refused with nothing changed when the workspace has uncommitted changes or the last
commit is not spark's; list and report follow at once, with and without the cache."""

import json
import time

import sparktest
from sparktest import SparkTestCase


def settled():
    """A clock a minute ahead: every file is old enough to be trusted from the cache."""
    return {"SPARK_CACHE_NOW": "%.3f" % (time.time() + 60), "SPARK_NO_CACHE": None}


class UndoTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        self.init(git=True)
        since = ("--since", "2026-01-01")
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                    *since)
        self.bob = self.add_person("Bob Bakker", "--group", "teamlead", "--invited-by", "anna",
                                   *since)
        self.kept = self.log("action", "Buurtkamer open", "--with", "anna",
                             "--date", "2026-02-10")

    def subjects(self):
        return self.git("log", "--format=%s").splitlines()

    def head(self):
        return self.git("rev-parse", "HEAD").strip()

    def tree(self):
        return self.git("rev-parse", "HEAD^{tree}").strip()

    def titles(self, env=None):
        return [row["title"] for row in json.loads(self.ok("list", "--json", env=env).out)]

    def undo(self, subject, check_clean=True):
        """Runs spark undo; asserts it reverted the commit with `subject`, left nothing
        uncommitted and (with `check_clean`) nothing for check to say."""
        before = self.head()
        result = self.ok("undo")
        self.assertIn(f"undid {before[:7]}", result.err)
        self.assertIn(subject, result.err)
        self.assertEqual(self.subjects()[0], f'Revert "{subject}"')
        self.assertEqual(self.git("status", "--porcelain", "--untracked-files=no", "--", "."), "")
        if check_clean:
            self.assertEqual(self.ok("check").out, "")
        return result


class UndoEachWriteTests(UndoTestCase):
    def test_log(self):
        tree = self.tree()
        path = self.log("match", "Melding", "--effect", "9 dagen", "--with", "bob")
        result = self.undo("log(match): Melding")
        self.assertEqual(result.out, f"removed {path}\n")
        self.assertFalse((self.ws / path).exists())
        self.assertEqual(self.tree(), tree)
        self.assertEqual(self.titles(), ["Buurtkamer open"])

    def test_undo_of_an_undo_redoes(self):
        path = self.log("match", "Melding", "--effect", "9 dagen")
        data = (self.ws / path).read_bytes()
        self.undo("log(match): Melding")
        result = self.undo('Revert "log(match): Melding"')
        self.assertEqual(result.out, f"restored {path}\n")
        self.assertEqual((self.ws / path).read_bytes(), data)
        self.assertEqual(self.titles(), ["Buurtkamer open", "Melding"])
        self.undo('Revert "Revert "log(match): Melding""')
        self.assertEqual(self.titles(), ["Buurtkamer open"])

    def test_meet_with_new_people(self):
        tree = self.tree()
        out = self.ok("meet", "Keukentafel", "--with", "anna", "--with", "Cor Claes",
                      "--new").out
        meeting = out.splitlines()[0].strip()
        result = self.undo("meet: Keukentafel")
        removed = sorted(result.out.splitlines())
        self.assertIn(f"removed {meeting}", removed)
        self.assertTrue(any(line.startswith("removed people/cor-claes") for line in removed))
        self.assertEqual(self.tree(), tree)

    def test_people_add(self):
        tree = self.tree()
        cor = self.add_person("Cor Claes")
        result = self.undo("people: add Cor Claes")
        self.assertEqual(result.out, f"removed people/{cor}.toml\n")
        self.assertEqual(self.tree(), tree)
        self.assertNotIn("Cor Claes", self.ok("people", "list").out)

    def test_people_set(self):
        before = (self.ws / f"people/{self.bob}.toml").read_bytes()
        self.ok("people", "set", "bob", "--group", "director")
        result = self.undo("people: set Bob Bakker")
        self.assertEqual(result.out, f"updated people/{self.bob}.toml\n")
        self.assertEqual((self.ws / f"people/{self.bob}.toml").read_bytes(), before)
        shown = json.loads(self.ok("people", "show", "bob", "--json").out)
        self.assertEqual(shown["group"], "teamlead")

    def test_people_merge(self):
        tree = self.tree()
        twin = self.add_person("Anna de Vries", "--force")
        self.log("fuel", "Kans", "--with", twin)
        tree_with_twin = self.tree()
        self.ok("people", "merge", self.anna, twin)
        self.assertFalse((self.ws / f"people/{twin}.toml").exists())
        result = self.undo(f"people: merge {twin} into {self.anna}", check_clean=False)
        self.assertIn("same name", self.ok("check").out)  # the duplicate is back
        self.assertIn(f"restored people/{twin}.toml", result.out)
        self.assertEqual(self.tree(), tree_with_twin)
        self.assertNotEqual(self.tree(), tree)

    def test_rm(self):
        tree = self.tree()
        other = self.log("fuel", "Kans")
        tree = self.tree()
        self.ok("rm", "buurtkamer", "kans")
        self.assertEqual(self.titles(), [])
        result = self.undo("rm: 2 records")
        self.assertEqual(sorted(result.out.splitlines()),
                         sorted([f"restored {self.kept}", f"restored {other}"]))
        self.assertEqual(self.tree(), tree)
        self.assertEqual(self.titles(), ["Buurtkamer open", "Kans"])

    def test_edit_that_moved_the_file(self):
        tree = self.tree()
        data = (self.ws / self.kept).read_bytes()
        moved = self.ok("edit", "buurtkamer", "--date", "2025-12-30", "--title",
                        "Buurtkamer geopend").out.strip()
        self.assertTrue(moved.startswith("2025-12-30-buurtkamer-open-"))
        result = self.undo("edit(action): Buurtkamer geopend")
        self.assertEqual(sorted(result.out.splitlines()),
                         sorted([f"removed log/2025/{moved}.toml", f"restored {self.kept}"]))
        self.assertEqual((self.ws / self.kept).read_bytes(), data)
        self.assertEqual(self.tree(), tree)
        self.assertEqual(self.titles(), ["Buurtkamer open"])

    def test_done(self):
        meeting = self.ok("meet", "Keukentafel", "--with", "anna", "--followup", "Jurist bellen",
                          "--date", "2026-02-12").out.splitlines()[0].strip()
        before = (self.ws / meeting).read_bytes()
        self.ok("done", "keukentafel", "1")
        self.assertEqual(self.ok("list", "--followups").out, "")
        result = self.undo("done(meeting): Keukentafel")
        self.assertEqual(result.out, f"updated {meeting}\n")
        self.assertEqual((self.ws / meeting).read_bytes(), before)
        self.assertIn("Jurist bellen", self.ok("list", "--followups").out)

    def test_quiet_prints_only_the_files(self):
        path = self.log("fuel", "Kans")
        result = self.ok("-q", "undo")
        self.assertEqual(result.out, f"removed {path}\n")
        self.assertEqual(result.err, "")

    def test_people_forget(self):
        tree = self.tree()
        cor = self.add_person("Cor Claes", "--group", "resident", "--since", "2026-01-01")
        self.log("fuel", "Kans", "--with", cor)
        tree = self.tree()
        self.ok("people", "forget", cor)
        subject = self.subjects()[0]
        self.assertTrue(subject.startswith("people: forget a person"), subject)
        result = self.undo(subject)
        self.assertIn(f"restored people/{cor}.toml", result.out)
        self.assertEqual(self.tree(), tree)

    def test_help(self):
        self.assertEqual(self.ok("help", "undo").out, self.ok("undo", "--help").out)
        self.assertEqual(self.ok("help", "rm").out, self.ok("rm", "--help").out)

    def test_a_workspace_inside_a_larger_repository(self):
        outer = self.tmp / "outer"
        outer.mkdir()
        self.git("init", "-q", cwd=outer)
        (outer / "README").write_text("outer\n")
        self.git("add", "README", cwd=outer)
        self.git("commit", "-qm", "outer", cwd=outer)
        self.ws = outer / "vuur"
        self.ok("init", str(self.ws), "--name", "Vuur", cwd=outer)
        path = self.log("fuel", "Kans")
        (outer / "README").write_text("changed, not staged\n")  # outside: does not count
        (outer / "notes.txt").write_text("new\n")
        result = self.undo("log(fuel): Kans", check_clean=False)
        self.assertEqual(result.out, f"removed {path}\n")
        self.assertEqual((outer / "README").read_text(), "changed, not staged\n")
        self.git("add", "README", cwd=outer)  # staged: git revert would refuse
        self.assertRejected(["undo"], 1, "uncommitted changes", "README")

    def test_not_the_commit_of_another_workspace_in_the_same_repository(self):
        outer = self.tmp / "outer"
        outer.mkdir()
        self.git("init", "-q", cwd=outer)
        self.git("commit", "-q", "--allow-empty", "-m", "root", cwd=outer)
        for name in ("a", "b"):
            self.ok("init", str(outer / name), "--name", name.upper(), cwd=outer)
        self.ok("-C", str(outer / "a"), "people", "add", "Anna X", "--group", "staff")
        self.ok("-C", str(outer / "b"), "people", "add", "Bert Y", "--group", "staff")
        head = self.git("rev-parse", "HEAD", cwd=outer)
        self.assertRejected(["-C", str(outer / "a"), "undo"], 1, "outside this workspace",
                            "people: add Bert Y")
        self.assertEqual(self.git("rev-parse", "HEAD", cwd=outer), head)
        self.assertEqual(len(list((outer / "b" / "people").glob("*.toml"))), 1)

    def test_warns_when_the_result_has_errors(self):
        """An entry committed by hand named a person before spark added them: undoing the
        add leaves the entry naming nobody, and undo says so."""
        entry = self.ws / "log" / sparktest.YEAR / "2026-02-20-met-cor-ab12.toml"
        entry.write_text('date = 2026-02-20\nkind = "fuel"\ntitle = "Met Cor"\n'
                         'people = ["cor-claes-zz99"]\n')
        self.git("add", ".")
        self.git("commit", "-qm", "Entry by hand")
        (self.ws / "people" / "cor-claes-zz99.toml").write_text(
            'name = "Cor Claes"\ngroup = "resident"\n')
        self.git("add", ".")
        self.git("commit", "-qm", "people: add Cor Claes")
        self.assertEqual(self.ok("check").out, "")
        result = self.undo("people: add Cor Claes", check_clean=False)
        self.assertIn("spark check' finds 1 error", result.err)
        self.assertEqual(self.spark("check").code, 1)


class CacheTests(UndoTestCase):
    """The record cache never answers with what the undo took back."""

    def test_list_and_report_after_undo_with_the_cache(self):
        path = self.log("match", "Melding", "--effect", "9 dagen", "--with", "bob")
        env = settled()
        self.assertEqual(self.titles(env), ["Buurtkamer open", "Melding"])
        report = self.ok("report", "--format", "json", env=env).out
        self.assertTrue((self.ws / ".spark" / "cache").exists())
        self.undo("log(match): Melding")
        self.assertEqual(self.titles(env), ["Buurtkamer open"])
        self.assertNotEqual(self.ok("report", "--format", "json", env=env).out, report)
        self.assertNotIn("Melding", self.ok("report", env=env).out)
        self.undo('Revert "log(match): Melding"')
        self.assertTrue((self.ws / path).exists())
        self.assertEqual(self.titles(env), ["Buurtkamer open", "Melding"])
        self.assertEqual(self.ok("report", "--format", "json", env=env).out, report)

    def test_a_person_back_to_a_file_of_the_same_size(self):
        env = settled()
        self.ok("people", "set", "bob", "--group", "director")  # as long as "teamlead"
        self.assertEqual(json.loads(self.ok("people", "show", "bob", "--json", env=env).out)
                         ["group"], "director")
        report = self.ok("report", "--format", "json", env=env).out
        self.undo("people: set Bob Bakker")
        self.assertEqual(json.loads(self.ok("people", "show", "bob", "--json", env=env).out)
                         ["group"], "teamlead")
        no_cache = {"SPARK_NO_CACHE": "1"}
        after = self.ok("report", "--format", "json", env=env).out
        self.assertNotEqual(after, report)
        self.assertEqual(after, self.ok("report", "--format", "json", env=no_cache).out)


class RefusedTests(UndoTestCase):
    def test_uncommitted_change_to_a_record(self):
        path = self.ws / self.kept
        path.write_text(path.read_text().replace("Buurtkamer open", "Buurtkamer dicht"))
        self.assertRejected(["undo"], 1, "uncommitted changes", f"M {self.kept}",
                            "nothing was undone")

    def test_staged_change(self):
        path = self.ws / self.kept
        path.write_text(path.read_text().replace("Buurtkamer open", "Buurtkamer dicht"))
        self.git("add", self.kept)
        self.assertRejected(["undo"], 1, "uncommitted changes", self.kept)

    def test_new_record_file_not_in_git(self):
        config = self.ws / "spark.toml"
        config.write_text(config.read_text().replace("autocommit = true", "autocommit = false"))
        self.git("commit", "-qam", "autocommit off")
        self.git("commit", "-q", "--allow-empty", "-m", "log(action): by hand, looks like spark")
        path = self.log("action", "Niet gecommit")
        self.assertRejected(["undo"], 1, "uncommitted changes", f"?? {path}")

    def test_a_revert_under_way(self):
        self.log("fuel", "Kans")
        self.git("revert", "--no-commit", "HEAD")
        self.assertRejected(["undo"], 1, "middle of a revert", "git revert --abort")
        self.git("revert", "--abort")
        self.undo("log(fuel): Kans")

    def test_other_untracked_files_do_not_count(self):
        (self.ws / "rapport.md").write_text("# rapport\n")
        self.undo("log(action): Buurtkamer open")
        self.assertTrue((self.ws / "rapport.md").exists())

    def test_last_commit_is_not_sparks(self):
        (self.ws / "NOTES.md").write_text("notes\n")
        self.git("add", "NOTES.md")
        self.git("commit", "-qm", "Add notes")
        self.assertRejected(["undo"], 1, "not one of spark's", "Add notes", "git revert")

    def test_a_merge_is_not_sparks(self):
        self.git("checkout", "-qb", "side")
        self.log("fuel", "Kans")
        self.git("checkout", "-q", "main")
        self.log("fuel", "Andere kans")
        self.git("merge", "-q", "--no-edit", "side")
        self.assertRejected(["undo"], 1, "not one of spark's")

    def test_the_first_commit(self):
        ws = self.tmp / "fresh"
        self.init(git=True, path=ws)
        self.ws = ws
        self.assertRejected(["undo"], 1, "created the workspace")

    def test_without_git(self):
        ws = self.tmp / "plain"
        self.init(path=ws)
        self.ws = ws
        self.log("action", "Zonder git")
        self.assertRejected(["undo"], 1, "not in a git repository")

    def test_extra_argument(self):
        self.assertRejected(["undo", "HEAD~2"], 2)


if __name__ == "__main__":
    sparktest.main()
