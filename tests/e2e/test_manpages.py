"""Every registered subcommand has a manual page and a working --help, and the pages do not
outlive the commands they describe.

The list of commands comes from `spark --help` itself, so a new subcommand without
man/spark-<name>.1 fails here. Standard library only; env SPARK_BIN is the binary.
"""

import os
import pathlib
import re
import subprocess
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MAN = ROOT / "man"
SPARK = os.environ.get("SPARK_BIN") or str(ROOT / "build-e2e" / "cmd" / "spark")
TIMEOUT = 60


def run(*args):
    """Runs spark outside any workspace with a plain environment; returns (code, out, err)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPARK_")}
    env.pop("NO_COLOR", None)
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run(
            [SPARK, *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    return (
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def subcommands(help_text):
    """Names listed under 'Subcommands:' in a CLI11 help text."""
    names = []
    in_section = False
    for line in help_text.splitlines():
        if line.strip().lower().startswith("subcommands"):
            in_section = True
            continue
        if in_section:
            m = re.match(r"^\s+([a-z][a-z0-9-]*)(\s|$)", line)
            if not m:
                if line.strip():
                    break
                continue
            names.append(m.group(1))
    return names


def plain(roff):
    """Page source with font escapes dropped and roff hyphens and quotes made plain."""
    text = re.sub(r"\\f[BIRP]|\\f\(..|\\f\[[A-Z]*\]|\\&|\\c\b", "", roff)
    return text.replace("\\-", "-").replace("\\(dq", '"')


class ManPageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        code, out, err = run("--help")
        if code != 0:
            raise AssertionError(f"spark --help exited {code}:\n{out}{err}")
        cls.commands = subcommands(out)

    def test_help_lists_commands(self):
        self.assertIn("init", self.commands)
        self.assertIn("people", self.commands)
        self.assertIn("report", self.commands)

    def test_every_command_has_a_page_and_a_help(self):
        for name in self.commands:
            with self.subTest(command=name):
                page = MAN / f"spark-{name}.1"
                self.assertTrue(page.is_file(), f"{page} is missing for 'spark {name}'")
                source = plain(page.read_text(encoding="utf-8"))
                self.assertRegex(source, r"(?m)^\.TH SPARK-" + re.escape(name.upper()) + r" 1 ")
                self.assertIn(f"spark-{name} - ", source, "NAME section")
                code, out, err = run(name, "--help")
                self.assertEqual(code, 0, f"spark {name} --help exited {code}:\n{err}")
                self.assertTrue(out.strip(), f"spark {name} --help printed nothing")
                self.assertEqual(err, "", f"spark {name} --help wrote to stderr")

    def test_overview_page_names_every_command(self):
        overview = plain((MAN / "spark.1").read_text(encoding="utf-8"))
        for name in self.commands:
            with self.subTest(command=name):
                self.assertIn(f".BR spark-{name} (1)", overview)

    def test_no_page_for_a_command_that_does_not_exist(self):
        for page in sorted(MAN.glob("spark-*.1")):
            name = page.name[len("spark-") : -len(".1")]
            with self.subTest(page=page.name):
                self.assertIn(name, self.commands, f"{page.name} has no 'spark {name}'")

    def test_people_subcommands_are_documented(self):
        code, out, err = run("people", "--help")
        self.assertEqual(code, 0, err)
        names = subcommands(out)
        self.assertIn("add", names)
        page = plain((MAN / "spark-people.1").read_text(encoding="utf-8"))
        for name in names:
            with self.subTest(subcommand=name):
                self.assertRegex(page, rf"spark people {re.escape(name)}\b")
                code, out, err = run("people", name, "--help")
                self.assertEqual(code, 0, f"spark people {name} --help exited {code}:\n{err}")
                self.assertTrue(out.strip())

    def test_pages_list_every_kind_group_and_role_that_help_lists(self):
        """--help takes its word lists from spark's vocabulary tables; the pages must keep up,
        so adding a kind or a group shows up here until it is documented."""
        code, out, err = run("log", "--help")
        self.assertEqual(code, 0, err)
        kinds = re.search(r"(?m)^\s+KIND\s+(.*?)\n\s+TITLE", out, re.S)[1]
        code, out, err = run("people", "add", "--help")
        self.assertEqual(code, 0, err)
        groups = re.search(r"--group GROUP\s+(.*?)\n\s+-r,", out, re.S)[1]
        roles = re.search(r"--role ROLE\s+(.*?);", out, re.S)[1]
        for page, text in (("spark-log.1", kinds), ("spark.5", kinds), ("spark-people.1", groups),
                           ("spark.5", groups), ("spark-people.1", roles), ("spark.5", roles)):
            words = set(re.findall(r"[a-z][a-z-]+", text)) - {"inside", "outside", "or"}
            self.assertGreaterEqual(len(words), 4, text)
            source = plain((MAN / page).read_text(encoding="utf-8"))
            for word in sorted(words):
                with self.subTest(page=page, word=word):
                    self.assertRegex(source, rf"\b{re.escape(word)}\b")

    def test_file_format_page_exists(self):
        page = MAN / "spark.5"
        self.assertTrue(page.is_file())
        self.assertRegex(page.read_text(encoding="utf-8"), r"(?m)^\.TH SPARK 5 ")


if __name__ == "__main__":
    unittest.main()
