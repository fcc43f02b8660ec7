"""A reference left dangling by a pull — a person merged or forgotten in one clone while a
colleague logged something with them in another — is explained by `spark check` with its
repair, and `spark check --fix` applies the safe ones: the pseudonym of a forgotten person,
the person a duplicate was merged into. Nothing else is changed by --fix."""

import hashlib
import unittest

import sparktest
from sparktest import SparkTestCase


def pseudonym(pid):
    return "forgotten-" + hashlib.sha256(pid.encode()).hexdigest()[:12]


@unittest.skipUnless(sparktest.git_available(), "git not installed")
class DanglingReferenceTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init(git=True)
        since = ("--since", "2026-01-01")
        self.anna1 = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                     *since)
        self.anna2 = self.add_person("Anna de Vries", "--force", "--group", "staff", *since)
        self.karim = self.add_person("Karim El Idrissi", "--group", "resident", *since)
        self.other = self.tmp / "other"
        self.git("clone", "-q", str(self.ws), str(self.other), cwd=self.tmp)

    def pull(self):
        self.git("pull", "-q", "--no-rebase", str(self.other), "main",
                 env={"GIT_MERGE_AUTOEDIT": "no"})

    def porcelain(self):
        return self.git("status", "--porcelain")

    def assertRepaired(self, gone):
        """check passes, and says nothing more about the person who is gone."""
        check = self.ok("check")
        self.assertNotIn(gone, check.out, check.describe())

    def test_a_person_forgotten_in_another_clone(self):
        entry = self.log("actie", "Buurtkamer", "--with", self.karim, "--date", "2026-02-20")
        self.ok("people", "forget", self.karim, cwd=self.other)
        self.pull()
        check = self.spark("check")
        self.assertEqual(check.code, 1, check.describe())
        self.assertIn(f"{entry}:", check.out)
        self.assertIn(f"unknown person '{self.karim}'", check.out)
        # The advice stands at the reference, after its error.
        self.assertRegex(check.out, rf"{entry}:\d+:\d+: warning: '{self.karim}' was forgotten")
        self.assertIn(pseudonym(self.karim), check.out)
        self.assertIn("spark check --fix", check.out)

        fixed = self.ok("check", "--fix")
        self.assertIn(f"updated {entry}", fixed.out)
        self.assertEqual(self.read(entry)["people"], [pseudonym(self.karim)])
        self.assertEqual(self.porcelain(), "")
        self.assertIn(pseudonym(self.karim), self.git("log", "-1", "--format=%s"))
        self.assertNotIn(self.karim, self.git("log", "-1", "--format=%s"))
        self.assertRepaired(self.karim)

    def test_a_person_merged_in_another_clone(self):
        entry = self.log("actie", "Koffie", "--with", self.anna2, "--with", self.karim,
                         "--date", "2026-02-21")
        bram = self.add_person("Bram Bos", "--invited-by", self.anna2)
        self.ok("people", "merge", self.anna1, self.anna2, cwd=self.other)
        self.pull()
        check = self.spark("check")
        self.assertEqual(check.code, 1, check.describe())
        self.assertIn(f"merged into '{self.anna1}'", check.out)

        fixed = self.ok("check", "--fix")
        self.assertEqual(self.read(entry)["people"], [self.anna1, self.karim])
        self.assertEqual(self.read(f"people/{bram}.toml")["invited_by"], self.anna1)
        self.assertEqual(self.porcelain(), "")
        self.assertIn("2 references", fixed.err + fixed.out)
        self.assertRepaired(self.anna2)

    def test_a_chain_of_merges_is_followed(self):
        entry = self.log("actie", "Koffie", "--with", self.anna2, "--date", "2026-02-21")
        anna3 = self.add_person("Anna de Vries", "--force", cwd=self.other)
        self.ok("people", "merge", anna3, self.anna2, cwd=self.other)
        self.ok("people", "merge", self.anna1, anna3, cwd=self.other)
        self.pull()
        self.ok("check", "--fix")
        self.assertEqual(self.read(entry)["people"], [self.anna1])
        self.assertRepaired(self.anna2)

    def test_a_record_removed_by_hand_is_not_guessed(self):
        entry = self.log("actie", "Koffie", "--with", self.karim, "--date", "2026-02-21")
        self.git("rm", "-q", f"people/{self.karim}.toml", cwd=self.other)
        self.git("commit", "-qm", "weg", cwd=self.other)
        removal = self.git("rev-parse", "--short", "HEAD", cwd=self.other).strip()
        self.pull()
        check = self.spark("check")
        self.assertEqual(check.code, 1, check.describe())
        # The safe repair: the record back from history, by its exact command.
        self.assertIn(f"git checkout {removal}^ -- people/{self.karim}.toml", check.out)
        before = self.snapshot()
        result = self.spark("check", "--fix")
        self.assertEqual(result.code, 1, result.describe())
        self.assertIn("no safe repair", result.err + result.out)
        self.assertUnchanged(before)
        self.git("checkout", f"{removal}^", "--", f"people/{self.karim}.toml")
        self.assertRepaired(self.karim)
        self.assertEqual(self.read(entry)["people"], [self.karim])

    def test_nothing_to_fix(self):
        before = self.snapshot()
        result = self.ok("check", "--fix")
        self.assertEqual(result.out, self.ok("check").out)  # only check's own warnings
        self.assertNotIn("updated", result.out)
        self.assertUnchanged(before)


if __name__ == "__main__":
    sparktest.main()
