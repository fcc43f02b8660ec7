"""spark people merge | forget: references rewritten everywhere, one commit, nothing else touched."""

import hashlib
import json
import pathlib
import re
import unittest

import sparktest
from sparktest import SparkTestCase


def pseudonym(pid):
    return "forgotten-" + hashlib.sha256(pid.encode()).hexdigest()[:12]


class EditTestCase(SparkTestCase):
    """A git workspace with one person recorded twice (anna1, anna2) and references to the
    duplicate in entries, a meeting and an invited_by."""

    git_workspace = True

    def setUp(self):
        super().setUp()
        if self.git_workspace and not sparktest.git_available():
            self.skipTest("git is not installed")
        self.init(git=self.git_workspace)
        self.bob = self.add_person("Bob Bakker", "--group", "teamlead", "--since", "2026-01-01")
        self.anna1 = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                     "--since", "2026-01-10")
        self.anna2 = self.add_person("Anna de Vries", "--force", "--group", "staff",
                                     "--role", "poker", "--role", "spark", "--department", "Wijken",
                                     "--since", "2026-01-05", "--invited-by", self.bob,
                                     "--note", "via de buurtkamer")
        self.carla = self.add_person("Carla Smit", "--group", "resident",
                                     "--invited-by", self.anna2, "--since", "2026-02-01")
        self.e_both = self.log("action", "Buurtkamer open", "--with", self.anna2,
                               "--with", self.bob, "--date", "2026-02-10")
        self.e_twice = self.log("match", "Proef", "--with", self.anna2, "--with", self.anna1,
                                "--with", self.carla, "--date", "2026-02-20")
        self.e_other = self.log("fuel", "Kans", "--with", self.bob, "--date", "2026-02-21")
        result = self.ok("meet", "Koffie met Anna de Vries", "--with", self.carla,
                         "--with", self.anna2, "--date", "2026-02-15")
        self.meeting = result.out.splitlines()[0].strip()

    def all_bytes(self):
        return {str(p.relative_to(self.ws)): p.read_bytes()
                for top in ("people", "log", "meetings")
                for p in (self.ws / top).rglob("*.toml")}

    def last_commit_paths(self):
        out = self.git("show", "--name-status", "--no-renames", "--format=", "HEAD")
        return {line.split("\t")[-1] for line in out.splitlines() if line.strip()}

    def commit_count(self):
        return int(self.git("rev-list", "--count", "HEAD").strip())

    def check_clean(self):
        result = self.ok("check")
        self.assertEqual(result.out, "", result.describe())
        return result


class MergeTests(EditTestCase):
    def test_every_reference_becomes_keep(self):
        before = self.all_bytes()
        commits = self.commit_count()
        result = self.ok("people", "merge", self.anna1, self.anna2)
        lines = result.out.splitlines()
        changed = {self.e_both, self.e_twice, self.meeting, f"people/{self.carla}.toml",
                   f"people/{self.anna1}.toml"}
        self.assertEqual({line.split(" ", 1)[1] for line in lines if line.startswith("updated ")},
                         changed, result.describe())
        self.assertIn(f"removed people/{self.anna2}.toml", lines)
        self.assertIn(f"merged Anna de Vries ({self.anna2}) into Anna de Vries ({self.anna1}): "
                      "5 files updated", result.err)
        self.assertNotIn("merged", result.out)

        self.assertFalse((self.ws / f"people/{self.anna2}.toml").exists())
        after = self.all_bytes()
        for path, data in after.items():
            self.assertNotIn(self.anna2.encode(), data, path)
        # Nothing else touched.
        for path in set(before) - changed - {f"people/{self.anna2}.toml"}:
            self.assertEqual(before[path], after[path], path)
        self.assertEqual(set(after), set(before) - {f"people/{self.anna2}.toml"})

        self.assertEqual(self.read(self.e_both)["people"], [self.anna1, self.bob])
        # Listed once, in the first place either of them stood.
        self.assertEqual(self.read(self.e_twice)["people"], [self.anna1, self.carla])
        self.assertEqual(self.read(self.meeting)["attendees"], [self.carla, self.anna1])
        self.assertEqual(self.read(f"people/{self.carla}.toml")["invited_by"], self.anna1)

        keep = self.read(f"people/{self.anna1}.toml")
        self.assertEqual(keep["name"], "Anna de Vries")
        self.assertEqual(keep["group"], "staff")                # its own
        self.assertEqual(keep["roles"], ["spark", "poker"])     # united
        self.assertEqual(keep["department"], "Wijken")          # filled in
        self.assertEqual(keep["note"], "via de buurtkamer")     # filled in
        self.assertEqual(keep["since"].isoformat(), "2026-01-05")  # the earlier
        self.assertEqual(keep["invited_by"], self.bob)          # filled in

        # One commit with exactly those paths, and nothing left over.
        self.assertEqual(self.commit_count(), commits + 1)
        self.assertEqual(self.last_commit_paths(), changed | {f"people/{self.anna2}.toml"})
        self.assertIn(f"merge {self.anna2} into {self.anna1}",
                      self.git("log", "-1", "--format=%s"))
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.check_clean()

    def test_check_names_the_duplicate_and_the_command(self):
        result = self.ok("check")
        self.assertIn("same name", result.out)
        suggested = re.findall(r"'(spark people merge [^']+)'", result.out)
        self.assertEqual(len(suggested), 1, result.out)
        self.assertIn(suggested[0].split()[3:], [[self.anna1, self.anna2],
                                                  [self.anna2, self.anna1]])
        self.ok(*suggested[0].split()[1:])
        self.check_clean()

    def test_names_and_prefixes_resolve(self):
        self.ok("people", "merge", "Bob Bakker", "carla")
        self.assertFalse((self.ws / f"people/{self.carla}.toml").exists())
        self.assertEqual(self.read(self.e_twice)["people"], [self.anna2, self.anna1, self.bob])
        self.assertEqual(self.read(self.meeting)["attendees"], [self.bob, self.anna2])
        self.assertEqual(self.read(f"people/{self.bob}.toml")["since"].isoformat(), "2026-01-01")
        self.ok("check")

    def test_no_self_invitation(self):
        # DROP (anna2) was invited by KEEP (Bob): Bob must not become his own inviter.
        self.ok("people", "merge", self.bob, self.anna2)
        self.assertNotIn("invited_by", self.read(f"people/{self.bob}.toml"))
        self.assertEqual(self.read(f"people/{self.carla}.toml")["invited_by"], self.bob)
        # KEEP (Carla) invited by DROP (Bob): cleared, not pointing at herself.
        self.ok("people", "merge", self.carla, self.bob)
        self.assertNotIn("invited_by", self.read(f"people/{self.carla}.toml"))
        for path in self.record_files("people"):
            pid = pathlib.PurePath(path).stem
            self.assertNotEqual(self.read(path).get("invited_by"), pid, path)
        self.assertEqual(self.read(self.e_both)["people"], [self.carla])
        self.assertEqual(self.read(self.e_twice)["people"], [self.carla, self.anna1])
        self.check_clean()

    def test_a_cycle_is_refused(self):
        # anna1 invited by Bob, Bob invited by anna2: merged, anna1 -> Bob -> anna1.
        (self.ws / f"people/{self.bob}.toml").write_text(
            f'name = "Bob Bakker"\nroles = []\ninvited_by = "{self.anna2}"\n'
            'since = 2026-01-01\npublic = false\n')
        (self.ws / f"people/{self.anna2}.toml").write_text(
            'name = "Anna de Vries"\nroles = []\nsince = 2026-01-01\npublic = false\n')
        (self.ws / f"people/{self.anna1}.toml").write_text(
            f'name = "Anna de Vries"\nroles = []\ninvited_by = "{self.bob}"\n'
            'since = 2026-01-01\npublic = false\n')
        self.git("commit", "-qam", "hand edit")
        self.assertNotIn("error", self.ok("check").out)
        self.assertRejected(["people", "merge", self.anna1, self.anna2], 1, "cycle",
                            "nothing was changed")

    def test_hand_formatting_and_comments_survive(self):
        path = self.ws / self.e_both
        text = path.read_text().replace("people = [", "# wie waren er\npeople = [  ")
        text = text.replace(f'"{self.anna2}"', f"'{self.anna2}'")
        path.write_text(text)
        self.ok("people", "merge", self.anna1, self.anna2)
        self.assertEqual(path.read_text(), text.replace(self.anna2, self.anna1))

    def test_bad_input_changes_nothing(self):
        self.assertRejected(["people", "merge"], 2, "KEEP")
        self.assertRejected(["people", "merge", self.anna1], 2, "DROP")
        self.assertRejected(["people", "merge", self.anna1, self.anna1], 2, "same person")
        self.assertRejected(["people", "merge", "carla", self.carla], 2, "same person")
        self.assertRejected(["people", "merge", self.anna1, "nobody"], 1, "nobody")
        self.assertRejected(["people", "merge", "nobody", self.anna1], 1, "nobody")
        result = self.assertRejected(["people", "merge", "anna", "bob"], 1, "ambiguous")
        self.assertIn(self.anna1, result.err)
        self.assertIn(self.anna2, result.err)
        self.assertRejected(["people", "merge", "", self.anna1], 2)
        self.assertRejected(["people", "merge", self.anna1, self.anna2, "extra"], 2)

    def test_a_broken_file_stops_it(self):
        (self.ws / "log" / sparktest.YEAR / "broken.toml").write_text("date = \n")
        result = self.assertRejected(["people", "merge", self.anna1, self.anna2], 1)
        self.assertIn("broken.toml", result.err)

    def test_killed_at_any_point_leaves_a_valid_workspace(self):
        """SPARK_FAULT kills spark at each step; every reference must still resolve, and
        running the merge again finishes it. (No cache, so that the first temporary file
        is a record's, not the cache's.)"""
        start = self.git("rev-parse", "HEAD").strip()
        original = self.all_bytes()
        drop = self.ws / f"people/{self.anna2}.toml"
        no_cache = {"SPARK_NO_CACHE": "1"}
        for step in ["temporary-synced", "edit-written-1", "edit-written-3", "edit-written-5",
                     "edit-before-remove", "edit-removed"]:
            with self.subTest(step=step):
                try:
                    result = self.spark("people", "merge", self.anna1, self.anna2,
                                        env={"SPARK_FAULT": step, **no_cache})
                    self.assertEqual(result.code, -9, result.describe())
                    check = self.spark("check", env=no_cache)
                    self.assertEqual(check.code, 0, check.describe())
                    self.assertNotIn("error", check.out)
                    # A killed write may leave its temporary file, and the files it wrote
                    # uncommitted; check names both.
                    for line in check.out.splitlines():
                        if "leftover temporary file" in line:
                            (self.ws / line.split(":")[0]).unlink()
                        elif "saved but not committed" not in line:
                            self.assertIn("same name", line)
                    if drop.exists():
                        self.ok("people", "merge", self.anna1, self.anna2)
                    else:  # the next write commits what the killed merge wrote
                        self.add_person("Nog Iemand", "--group", "staff")
                    self.assertFalse(drop.exists())
                    self.assertEqual(self.git("status", "--porcelain"), "")
                    for path, data in self.all_bytes().items():
                        self.assertNotIn(self.anna2.encode(), data, path)
                    self.check_clean()
                finally:
                    self.git("reset", "-q", "--hard", start)
                    self.git("clean", "-qfdx")
                self.assertEqual(self.all_bytes(), original)

    def test_removing_a_file_git_never_knew(self):
        """A duplicate written while autocommit was off is removed without a commit error."""
        config = self.ws / "spark.toml"
        config.write_text(config.read_text().replace("autocommit = true", "autocommit = false"))
        late = self.add_person("Anna de Vries", "--force")
        entry = self.log("action", "Nog niet gecommit", "--with", late, "--date", "2026-02-26")
        self.git("add", "spark.toml")
        self.git("commit", "-qm", "autocommit off")
        config.write_text(config.read_text().replace("autocommit = false", "autocommit = true"))
        self.git("commit", "-qam", "autocommit on")
        result = self.ok("people", "merge", self.anna1, late)
        self.assertNotIn("not committed", result.err)
        self.assertEqual(self.last_commit_paths(), {entry})
        self.assertIn(f"merge {late} into {self.anna1}", self.git("log", "-1", "--format=%s"))
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertFalse((self.ws / f"people/{late}.toml").exists())


class MergeWithoutGitTests(EditTestCase):
    git_workspace = False

    def test_merge_without_git(self):
        self.ok("people", "merge", self.anna1, self.anna2)
        self.assertFalse((self.ws / ".git").exists())
        self.check_clean()


class ForgetTests(EditTestCase):
    def report(self):
        return json.loads(self.ok("report", "--format", "json").out)

    def test_forget_replaces_every_reference(self):
        report = self.report()
        commits = self.commit_count()
        result = self.ok("people", "forget", self.anna2)
        alias = pseudonym(self.anna2)
        self.assertIn(f"created people/{alias}.toml", result.out)
        self.assertIn(f"removed people/{self.anna2}.toml", result.out)
        self.assertFalse((self.ws / f"people/{self.anna2}.toml").exists())
        stand_in = self.read(f"people/{alias}.toml")
        self.assertEqual(stand_in["name"], f"(forgotten {alias[len('forgotten-'):][:6]})")
        self.assertEqual(stand_in["roles"], ["poker", "spark"])
        self.assertEqual(stand_in["since"].isoformat(), "2026-01-05")
        self.assertEqual(stand_in["invited_by"], self.bob)
        self.assertIs(stand_in["public"], False)
        self.assertNotIn("department", stand_in)
        self.assertNotIn("note", stand_in)
        self.assertEqual(self.read(self.e_both)["people"], [alias, self.bob])
        self.assertEqual(self.read(self.e_twice)["people"], [alias, self.anna1, self.carla])
        self.assertEqual(self.read(self.meeting)["attendees"], [self.carla, alias])
        self.assertEqual(self.read(f"people/{self.carla}.toml")["invited_by"], alias)
        for path, data in self.all_bytes().items():
            self.assertNotIn(self.anna2.encode(), data, path)
            self.assertNotIn(b"Wijken", data, path)
            self.assertNotIn(b"buurtkamer", data, path)

        # The meeting's title and the other record still carry the name: named, untouched.
        self.assertIn("free text is not rewritten", result.err)
        self.assertIn(self.meeting, result.err)
        self.assertIn(f"people/{self.anna1}.toml", result.err)
        self.assertNotIn(self.e_other, result.err)
        self.assertIn("git history", result.err)

        # The figures do not change, but for the department: forget drops it, as it may
        # point to the person.
        after = self.report()
        self.assertEqual(report["people"]["departments"], {"Wijken": 1})
        self.assertEqual(after["people"]["departments"], {})
        del report["people"]["departments"], after["people"]["departments"]
        self.assertEqual(after, report)

        # One commit, exactly those paths, and no name in its message.
        self.assertEqual(self.commit_count(), commits + 1)
        self.assertEqual(self.last_commit_paths(),
                         {f"people/{alias}.toml", f"people/{self.anna2}.toml", self.e_both,
                          self.e_twice, self.meeting, f"people/{self.carla}.toml"})
        message = self.git("log", "-1", "--format=%B")
        self.assertNotIn("Anna", message)
        self.assertNotIn(self.anna2, message)
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.ok("check")

    def test_forget_is_stable_across_clones(self):
        """The same id gives the same pseudonym: two clones that forget the same person
        write identical files and merge without conflict."""
        other = self.tmp / "other"
        self.git("clone", "-q", str(self.ws), str(other), cwd=self.tmp)
        self.ok("people", "forget", self.anna2)
        self.ok("people", "forget", self.anna2, cwd=other)
        self.assertEqual(self.all_bytes(), {
            str(p.relative_to(other)): p.read_bytes()
            for top in ("people", "log", "meetings") for p in (other / top).rglob("*.toml")})
        self.git("pull", "-q", "--no-rebase", str(other), "main",
                 env={"GIT_MERGE_AUTOEDIT": "no"})
        self.ok("check")
        self.assertTrue((self.ws / f"people/{pseudonym(self.anna2)}.toml").exists())

    def test_forget_after_a_merge_of_clones_reuses_the_pseudonym(self):
        other = self.tmp / "other"
        before = self.git("rev-parse", "HEAD").strip()
        self.git("clone", "-q", str(self.ws), str(other), cwd=self.tmp)
        self.ok("people", "forget", self.anna2, cwd=other)
        # Meanwhile this clone still uses the old id in a new entry.
        new_entry = self.log("action", "Later", "--with", self.anna2, "--date", "2026-02-25")
        self.git("pull", "-q", "--no-rebase", str(other), "main",
                 env={"GIT_MERGE_AUTOEDIT": "no"})
        self.assertFalse((self.ws / f"people/{self.anna2}.toml").exists())
        # The old person is gone and a new entry names them: check says so.
        check = self.spark("check")
        self.assertEqual(check.code, 1, check.describe())
        self.assertIn(f"unknown person '{self.anna2}'", check.out)
        # Restoring the record (as a clone that never forgot would have it) and forgetting
        # again gives the same pseudonym and repairs everything.
        self.git("checkout", before, "--", f"people/{self.anna2}.toml")
        self.git("commit", "-qm", "restore")
        self.ok("people", "forget", self.anna2)
        self.assertEqual(self.read(new_entry)["people"], [pseudonym(self.anna2)])
        self.assertEqual(len([p for p in self.record_files("people") if "forgotten-" in p]), 1)
        self.check_clean()

    def test_bad_input_changes_nothing(self):
        self.assertRejected(["people", "forget"], 2, "PERSON")
        self.assertRejected(["people", "forget", ""], 2)
        self.assertRejected(["people", "forget", "nobody"], 1, "nobody")
        self.assertRejected(["people", "forget", "anna"], 1, "ambiguous")
        self.ok("people", "forget", self.anna2)
        self.assertRejected(["people", "forget", pseudonym(self.anna2)], 1, "already")
        self.assertRejected(["people", "forget", self.anna2], 1, self.anna2)

    def test_help_explains_what_is_not_forgotten(self):
        out = self.ok("people", "forget", "--help").out
        for fragment in ["git filter-repo", "git filter-branch", "--index-filter",
                         "git rm --cached --ignore-unmatch", "every clone", "free text",
                         "Titles"]:
            self.assertIn(fragment, out)


if __name__ == "__main__":
    sparktest.main()
