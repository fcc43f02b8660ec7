"""spark people set: change a person's fields, one commit, nothing changed on bad input."""

import sparktest
from sparktest import SparkTestCase


class PeopleSetTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init(git=True)
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.karim = self.add_person("Karim El Idrissi")
        self.cor = self.add_person("Cor Claes", "--invited-by", "karim")

    def person(self, pid):
        return self.read(f"people/{pid}.toml")

    def commits(self):
        return self.git("log", "--format=%s").splitlines()


class HappyPathTests(PeopleSetTestCase):
    def test_set_group_roles_inviter_in_one_commit(self):
        before = len(self.commits())
        result = self.ok("people", "set", "karim", "--group", "inwoner", "--invited-by", "anna",
                         "--add-role", "pook", "--add-role", "critic", "--since", "15-01-2026",
                         "--department", "Buurt Oost")
        self.assertEqual(result.out, f"people/{self.karim}.toml\n")
        self.assertIn("group: (none) -> resident", result.err)
        self.assertIn(f"invited_by: (none) -> {self.anna}", result.err)
        data = self.person(self.karim)
        self.assertEqual(data["group"], "resident")
        self.assertEqual(data["roles"], ["poker", "critic"])
        self.assertEqual(data["invited_by"], self.anna)
        self.assertEqual(data["since"].isoformat(), "2026-01-15")
        self.assertEqual(data["department"], "Buurt Oost")
        self.assertEqual(data["name"], "Karim El Idrissi")
        commits = self.commits()
        self.assertEqual(len(commits), before + 1)
        self.assertEqual(commits[0], "people: set Karim El Idrissi")
        self.assertEqual(self.git("show", "--name-only", "--format=", "HEAD").split(),
                         [f"people/{self.karim}.toml"])
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.ok("check")

    def test_roles_set_add_remove(self):
        self.ok("people", "set", "anna", "--role", "poker", "--role", "innovator")
        self.assertEqual(self.person(self.anna)["roles"], ["poker", "innovator"])
        self.ok("people", "set", "anna", "--remove-role", "poker")
        self.assertEqual(self.person(self.anna)["roles"], ["innovator"])
        self.ok("people", "set", "anna", "--remove-role", "innovator")
        self.assertEqual(self.person(self.anna)["roles"], [])

    def test_name_changes_but_not_the_id(self):
        result = self.ok("people", "set", self.anna, "--name", "Anna van Vries", "--public")
        self.assertEqual(result.out, f"people/{self.anna}.toml\n")
        data = self.person(self.anna)
        self.assertEqual(data["name"], "Anna van Vries")
        self.assertIs(data["public"], True)
        self.assertEqual(self.record_files("people"),
                         sorted(f"people/{p}.toml" for p in (self.anna, self.karim, self.cor)))
        self.assertIn("Anna van Vries", self.ok("people", "show", self.anna).out)

    def test_empty_clears_since_and_inviter(self):
        self.ok("people", "set", "cor", "--invited-by", "", "--since", "")
        data = self.person(self.cor)
        self.assertNotIn("invited_by", data)
        self.assertNotIn("since", data)

    def test_a_since_after_their_records_or_to_come_is_saved_with_a_warning(self):
        self.ok("log", "fuel", "Buurtgesprek", "--with", "karim", "--date", "2026-02-10")
        result = self.ok("people", "set", "karim", "--since", "2026-02-20")
        self.assertIn("takes part on 2026-02-10, before joining on 2026-02-20", result.err)
        self.assertEqual(self.person(self.karim)["since"].isoformat(), "2026-02-20")
        self.assertIn("joined ('since') on 2026-02-20", self.ok("check").out)
        result = self.ok("people", "set", "karim", "--since", "2026-02-01")
        self.assertNotIn("before joining", result.err)
        result = self.ok("people", "set", "cor", "--since", "2027-01-01")
        self.assertIn("2027-01-01", result.err)
        self.assertNotIn("before joining", result.err)

    def test_nothing_changes_says_so_and_commits_nothing(self):
        before = self.snapshot()
        result = self.ok("people", "set", "anna", "--group", "medewerker")
        self.assertEqual(result.out, "")
        self.assertIn("already has these values; nothing was changed", result.err)
        self.assertUnchanged(before)


class BadInputTests(PeopleSetTestCase):
    def test_no_change_asked(self):
        self.assertRejected(["people", "set", "anna"], 2, "nothing to change")

    def test_unknown_person(self):
        self.assertRejected(["people", "set", "zeno", "--group", "staff"], 1, "zeno")

    def test_unknown_group_and_role(self):
        self.assertRejected(["people", "set", "anna", "--group", "tovenaar"], 2,
                            "unknown group 'tovenaar'")
        self.assertRejected(["people", "set", "anna", "--add-role", "held"], 2,
                            "unknown role 'held'")

    def test_role_with_add_role(self):
        self.assertRejected(["people", "set", "anna", "--role", "spark", "--add-role", "poker"],
                            2, "cannot be combined")

    def test_public_and_private(self):
        self.assertRejected(["people", "set", "anna", "--public", "--private"], 2,
                            "cannot be combined")

    def test_bad_date(self):
        self.assertRejected(["people", "set", "anna", "--since", "31-02-2026"], 2, "--since")

    def test_self_invitation(self):
        self.assertRejected(["people", "set", "anna", "--invited-by", "anna"], 1,
                            "cannot have invited themselves")

    def test_cycle(self):
        self.assertRejected(["people", "set", "karim", "--invited-by", "cor"], 1,
                            "would form a cycle", f"{self.karim} -> {self.cor} -> {self.karim}")

    def test_empty_name(self):
        self.assertRejected(["people", "set", "anna", "--name", " "], 2, "--name")


class CrashTests(PeopleSetTestCase):
    """SPARK_FAULT kills spark at each step: the old record or the new one, never neither."""

    def test_killed_at_any_step(self):
        path = self.ws / f"people/{self.karim}.toml"
        old = path.read_bytes()
        start = self.git("rev-parse", "HEAD").strip()
        for step in ["temporary-created", "partly-written", "temporary-synced", "edit-written-1"]:
            with self.subTest(step=step):
                result = self.spark("people", "set", "karim", "--group", "partner",
                                    env={"SPARK_FAULT": step, "SPARK_NO_CACHE": "1"})
                self.assertEqual(result.code, -9, result.describe())
                data = self.person(self.karim)
                if step == "edit-written-1":
                    self.assertEqual(data["group"], "partner")
                else:
                    self.assertEqual(path.read_bytes(), old)
                check = self.spark("check")
                self.assertNotIn("error", check.out, check.describe())
                self.git("reset", "-q", "--hard", start)
                self.git("clean", "-qfdx")
        self.ok("people", "set", "karim", "--group", "partner")
        self.assertEqual(self.person(self.karim)["group"], "partner")


if __name__ == "__main__":
    sparktest.main()
