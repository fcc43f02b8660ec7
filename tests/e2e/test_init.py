"""spark init: layout, spark.toml, options, and refusing what it must refuse."""

import os

import sparktest
from sparktest import TODAY, SparkTestCase


class InitTests(SparkTestCase):
    def test_layout_and_config(self):
        result = self.ok("init", "ws", "--name", "Wijkkracht", "--org", "Gemeente Zaanstad",
                         "--no-git", cwd=self.tmp)
        self.assertIn("Initialized spark workspace 'Wijkkracht'", result.err)
        self.assertEqual(result.out, "", "a message, not data: on stderr")
        for folder in ["people", "log", "meetings"]:
            self.assertTrue((self.ws / folder).is_dir(), folder)
        config = self.read("spark.toml")
        self.assertEqual(config["name"], "Wijkkracht")
        self.assertEqual(config["organisation"], "Gemeente Zaanstad")
        self.assertEqual(config["language"], "nl")
        self.assertEqual(config["started"].isoformat(), TODAY)
        self.ok("check")
        self.assertEqual(self.ok("people", "list").out, "")

    def test_default_folder_is_the_current_one(self):
        self.ws.mkdir()
        self.ok("init", "--name", "Hier", "--no-git", cwd=self.ws)
        self.assertEqual(self.read("spark.toml")["name"], "Hier")

    def test_missing_parent_folders_are_created(self):
        target = self.tmp / "a" / "b" / "c"
        self.ok("init", target, "--name", "Diep", "--no-git")
        self.assertTrue((target / "spark.toml").is_file())

    def test_existing_folder_with_other_files(self):
        self.ws.mkdir()
        (self.ws / "README.md").write_text("mine\n")
        self.init()
        self.assertEqual((self.ws / "README.md").read_text(), "mine\n")

    def test_english(self):
        self.init("--lang", "en")
        self.assertEqual(self.read("spark.toml")["language"], "en")

    def test_with_C(self):
        self.ok("-C", self.tmp, "init", "ws", "--name", "Via C", "--no-git", cwd="/")
        self.assertEqual(self.read("spark.toml")["name"], "Via C")

    def test_quiet(self):
        result = self.ok("-q", "init", self.ws, "--name", "Stil", "--no-git")
        self.assertEqual((result.out, result.err), ("", ""))

    def test_name_round_trips(self):
        name = 'Het "Vuurtje" \\ van 🔥 Zaanstad\tmet tab'
        self.init(name=name)
        self.assertEqual(self.read("spark.toml")["name"], name)

    def test_same_arguments_same_bytes(self):
        one = self.init("--org", "Org", path=self.tmp / "one")
        two = self.init("--org", "Org", path=self.tmp / "two")
        self.assertEqual((one / "spark.toml").read_bytes(), (two / "spark.toml").read_bytes())


class InitRefusalTests(SparkTestCase):
    def test_existing_workspace_is_refused(self):
        for git in (False, True):
            with self.subTest(git=git):
                if git and not sparktest.git_available():
                    continue
                ws = self.init(git=git, path=self.tmp / f"ws-{git}")
                self.log("match", "Existing entry", cwd=ws)
                before = self.snapshot(ws)
                for args in (["init", ws, "--name", "Again"],
                             ["init", ws, "--name", "Again", "--no-git"]):
                    result = self.spark(*args)
                    self.assertFails(result, 1, "already")
                    self.assertIn(str(ws), result.err)
                    self.assertUnchanged(before, root=ws)
                result = self.spark("init", "--name", "Here", cwd=ws)
                self.assertFails(result, 1, "already")
                self.assertUnchanged(before, root=ws)

    def assertNothingCreated(self, args, code, *fragments):
        target = self.tmp / "new"
        result = self.spark("init", target, *args)
        self.assertFails(result, code, *fragments)
        self.assertFalse(target.exists(), "a failed init must not leave a folder behind")

    def test_usage_errors_create_nothing(self):
        self.assertNothingCreated([], 2, "--name")
        self.assertNothingCreated(["--name"], 2)
        self.assertNothingCreated(["--name", ""], 2, "name")
        self.assertNothingCreated(["--name", "   "], 2, "name")
        self.assertNothingCreated(["--name", b"caf\xe9"], 2, "UTF-8")
        self.assertNothingCreated(["--name", "X", "--org", b"\xff"], 2, "UTF-8")
        self.assertNothingCreated(["--name", "X", "--lang", "fr"], 2, "fr")
        self.assertNothingCreated(["--name", "X", "--bogus"], 2, "--bogus")

    def test_target_is_a_file(self):
        target = self.tmp / "file"
        target.write_text("not a folder\n")
        result = self.spark("init", target, "--name", "X", "--no-git")
        self.assertNotEqual(result.code, 0)
        self.assertIn("spark: error:", result.err)
        self.assertEqual(target.read_text(), "not a folder\n")

    def test_unwritable_parent(self):
        if os.geteuid() == 0:
            self.skipTest("root ignores permissions")
        parent = self.tmp / "ro"
        parent.mkdir(mode=0o555)
        self.addCleanup(parent.chmod, 0o755)
        result = self.spark("init", parent / "ws", "--name", "X", "--no-git")
        self.assertFails(result, 1)


if __name__ == "__main__":
    sparktest.main()
