"""Finding the workspace: walking up, -C DIR, SPARK_DIR, and running outside one."""

import sparktest
from sparktest import SparkTestCase

OUTSIDE_COMMANDS = [
    ["people", "list"],
    ["people", "add", "Anna"],
    ["people", "show", "anna"],
    ["log", "match", "Nowhere"],
    ["check"],
]


class DiscoveryTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries")
        self.deep = self.ws / "log" / "deeper" / "still"
        self.deep.mkdir(parents=True)

    def test_walks_up_from_a_subfolder(self):
        result = self.ok("people", "list", cwd=self.deep)
        self.assertIn(self.anna, result.out)
        result = self.ok("log", "match", "From deep", "--with", "anna", cwd=self.deep)
        shown = result.out.strip()
        self.assertTrue(shown.startswith("../../"), shown)
        self.assertTrue((self.deep / shown).resolve().is_file())
        self.assertEqual(len(self.record_files()), 1)

    def test_C_runs_as_if_started_there(self):
        result = self.ok("-C", self.deep, "people", "list", cwd=self.tmp)
        self.assertIn(self.anna, result.out)
        result = self.ok("-C", "ws", "log", "fuel", "Via -C", cwd=self.tmp)
        self.assertTrue((self.tmp / result.out.strip()).is_file())

    def test_C_relative_to_the_current_folder(self):
        result = self.ok("-C", "deeper", "people", "list", cwd=self.ws / "log")
        self.assertIn(self.anna, result.out)

    def test_C_missing_folder(self):
        result = self.assertRejected(["-C", self.tmp / "nope", "people", "list"], 1, "nope")
        self.assertIn("cannot change", result.err)

    def test_spark_dir_names_the_root(self):
        result = self.ok("people", "list", cwd=self.tmp, env={"SPARK_DIR": str(self.ws)})
        self.assertIn(self.anna, result.out)
        result = self.ok("log", "fuel", "Via SPARK_DIR", cwd=self.tmp,
                         env={"SPARK_DIR": str(self.ws)})
        self.assertTrue((self.tmp / result.out.strip()).resolve().is_file(), result.out)
        self.assertEqual(len(self.record_files()), 1)

    def test_spark_dir_relative(self):
        result = self.ok("people", "list", cwd=self.tmp, env={"SPARK_DIR": "ws"})
        self.assertIn(self.anna, result.out)

    def test_spark_dir_wins_over_the_current_folder(self):
        other = self.init(path=self.tmp / "other", name="Ander")
        self.ok("log", "fuel", "Goes to other", cwd=self.ws, env={"SPARK_DIR": str(other)})
        self.assertEqual(self.record_files(), [])
        self.assertEqual(len(self.record_files(root=other)), 1)

    def test_empty_spark_dir_is_unset(self):
        result = self.ok("people", "list", cwd=self.deep, env={"SPARK_DIR": ""})
        self.assertIn(self.anna, result.out)

    def test_spark_dir_not_a_workspace(self):
        result = self.assertRejected(["people", "list"], 1, "SPARK_DIR", cwd=self.ws,
                                     env={"SPARK_DIR": str(self.tmp)})
        self.assertIn(str(self.tmp), result.err)

    def test_nearest_workspace_wins(self):
        inner = self.init(path=self.ws / "inner", name="Binnen")
        self.ok("log", "action", "Inner entry", cwd=inner)
        self.assertEqual(len(self.record_files(root=inner)), 1)
        self.assertEqual(len([p for p in self.record_files() if not p.startswith("inner")]), 0)

    def test_spark_toml_folder_is_not_a_workspace(self):
        fake = self.tmp / "fake"
        (fake / "spark.toml").mkdir(parents=True)
        for args in OUTSIDE_COMMANDS:
            with self.subTest(args=args):
                self.assertFails(self.spark(*args, cwd=fake), 1, "spark.toml")


class OutsideTests(SparkTestCase):
    def test_outside_a_workspace(self):
        outside = self.tmp / "outside"
        outside.mkdir()
        for args in OUTSIDE_COMMANDS:
            with self.subTest(args=args):
                result = self.spark(*args, cwd=outside)
                self.assertFails(result, 1, "not a spark workspace", "spark init")
                self.assertEqual(result.out, "")
                self.assertEqual(list(outside.iterdir()), [], "nothing created outside")

    def test_broken_spark_toml_is_named(self):
        self.init()
        (self.ws / "spark.toml").write_text('name = "Kapot\n')
        for args in OUTSIDE_COMMANDS[:4]:
            with self.subTest(args=args):
                result = self.assertRejected(args, 1, "spark.toml")
                self.assertRegex(result.err, r"spark\.toml:\d+:\d+: error: ")

    def test_spark_toml_with_unknown_language(self):
        self.init()
        text = (self.ws / "spark.toml").read_text().replace('"nl"', '"fr"')
        (self.ws / "spark.toml").write_text(text)
        result = self.assertRejected(["people", "list"], 1, "spark.toml")
        self.assertIn("fr", result.err)


if __name__ == "__main__":
    sparktest.main()
