"""The command line as a whole: exit codes, error format, --version, --help everywhere,
and output that cannot be written."""

import os
import re
import subprocess

import sparktest
from sparktest import SparkTestCase


def subcommands(help_text):
    """Names listed under 'Subcommands:' in a help text."""
    names = []
    in_section = False
    for line in help_text.splitlines():
        if line.strip().lower().startswith("subcommands"):
            in_section = True
            continue
        if in_section:
            m = re.match(r"^  (\S+)\s", line + " ")
            if not m:
                if line.strip():
                    break
                continue
            names.append(m.group(1))
    return names


class UsageErrorTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def test_bad_flags_and_arguments_exit_2(self):
        cases = [
            ["--bogus"],
            ["-Z"],
            ["frobnicate"],
            ["--color", "sometimes"],
            ["--color"],
            ["-C"],
            ["log", "--bogus", "match", "T"],
            ["log", "match", "T", "--date"],
            ["people", "add", "X", "--group"],
            ["people", "list", "extra"],
            ["check", "extra"],
            ["init", "--name"],
        ]
        for args in cases:
            with self.subTest(args=args):
                result = self.assertRejected(args, 2)
                first = result.err.splitlines()[0]
                self.assertTrue(first.startswith("spark: error: "), result.describe())
                self.assertIn("--help", result.err)

    def test_error_names_the_offending_argument(self):
        self.assertIn("--bogus", self.assertRejected(["--bogus"], 2).err)
        self.assertIn("frobnicate", self.assertRejected(["frobnicate"], 2).err)
        self.assertIn("sometimes", self.assertRejected(["--color", "sometimes"], 2).err)

    def test_non_utf8_arguments_exit_2(self):
        for args in (["log", "match", b"\xff"], ["people", "add", b"\xfe\xff"],
                     ["people", "show", b"\x80"], ["init", "x", "--name", b"\xc3"]):
            with self.subTest(args=args):
                result = self.assertRejected(args, 2, "UTF-8")
                result.err.encode("utf-8")  # the message itself is valid UTF-8
                self.assertNotIn("\udcff", result.err)

    def test_failure_exit_1(self):
        self.assertRejected(["people", "show", "nobody"], 1, "nobody")

    def test_errors_go_to_stderr_only(self):
        result = self.spark("log", "nonsense", "T")
        self.assertEqual(result.out, "")
        self.assertTrue(result.err.startswith("spark: error: "))

    def test_color_values(self):
        for value in ["auto", "always", "never"]:
            with self.subTest(value=value):
                self.ok("--color", value, "people", "list")


class VersionHelpTests(SparkTestCase):
    def test_version(self):
        result = self.ok("--version")
        self.assertRegex(result.out, r"^spark \d+\.\d+\.\d+\S*\n$")
        self.assertEqual(result.err, "")

    def test_no_arguments_shows_usage(self):
        result = self.spark()
        self.assertIn("Usage", result.out + result.err)
        self.assertIn(result.code, (0, 2))

    def all_command_paths(self):
        paths = []
        queue = [[]]
        while queue:
            path = queue.pop(0)
            result = self.ok(*path, "--help")
            for name in subcommands(result.out):
                paths.append(path + [name])
                queue.append(path + [name])
        return paths

    def test_help_on_every_subcommand(self):
        paths = self.all_command_paths()
        names = {" ".join(p) for p in paths}
        for expected in ["init", "log", "check", "people", "people add", "people list",
                         "people show"]:
            self.assertIn(expected, names)
        for path in [[]] + paths:
            for flag in ["--help", "-h"]:
                with self.subTest(command=" ".join(path), flag=flag):
                    result = self.spark(*path, flag, cwd=self.tmp)  # outside any workspace
                    self.assertEqual(result.code, 0, result.describe())
                    self.assertEqual(result.err, "")
                    self.assertIn("Usage: spark" + "".join(" " + p for p in path), result.out)

    def test_help_wins_over_missing_arguments(self):
        for args in (["log", "--help"], ["log", "match", "--help"], ["people", "add", "-h"],
                     ["init", "--help"]):
            with self.subTest(args=args):
                result = self.ok(*args, cwd=self.tmp)
                self.assertIn("Usage", result.out)
        self.assertFalse((self.tmp / "spark.toml").exists())

    def test_log_help_lists_kinds_and_dates(self):
        out = self.ok("log", "--help").out
        for word in ["vonk", "zuurstof", "lucifer", "brandstof", "actie", "pook",
                     "yesterday", "gisteren", "30-11-2026", "maandag", "-3d", "--with", "-m", "-F",
                     "-e"]:
            self.assertIn(word, out)


class DataOnStdoutTests(SparkTestCase):
    """Scripts read stdout: every write prints only what it wrote (paths, newcomer lines),
    and what spark did for the person at the terminal goes to stderr."""

    def test_writes_print_only_data(self):
        result = self.ok("init", "ws", "--name", "Stroom", cwd=self.tmp, env={})
        self.assertEqual(result.out, "")
        self.assertIn("Initialized", result.err)
        lines = lambda r: r.out.splitlines()  # noqa: E731
        path = r"^(people|log/\d{4}|meetings/\d{4})/[a-z0-9-]+\.toml$"
        anna = self.ok("people", "add", "Anna de Vries")
        self.assertRegex(anna.out, path)
        self.assertEqual(len(lines(anna)), 1)
        entry = self.ok("log", "vonk", "Koffie", "--with", "anna")
        self.assertRegex(entry.out, path)
        self.assertEqual(len(lines(entry)), 1)
        meeting = self.ok("meet", "Buurttafel", "--with", "anna", "--with", "Bart Bos", "--new")
        self.assertRegex(lines(meeting)[0], path)
        self.assertTrue(all(line.startswith("newcomer\t") for line in lines(meeting)[1:]),
                        meeting.describe())
        self.assertIn("added person 'Bart Bos'", meeting.err)
        stem = lambda r: r.out.strip()[len("people/"):-len(".toml")]  # noqa: E731
        twice = self.ok("people", "add", "Anna de Vries", "--force")
        merged = self.ok("people", "merge", stem(anna), stem(twice))
        for line in lines(merged):
            self.assertRegex(line, r"^(updated|removed|created) \S+\.toml$", merged.describe())
        self.assertIn("merged", merged.err)
        quiet = self.ok("-q", "meet", "Nog een", "--with", "Cor Cels", "--new")
        self.assertRegex(lines(quiet)[0], path)
        self.assertNotIn("added person", quiet.err)


class OutputFailureTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def many_people(self, count):
        for i in range(count):
            (self.ws / "people" / f"person-{i:05}.toml").write_text(
                f'name = "Person number {i} with a name long enough to fill pipes"\n')

    def run_to_dev_full(self, *args):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "wb") as full:
            return self.spark(*args, stdout=full)

    def test_people_list_to_dev_full(self):
        self.add_person("Anna de Vries")
        for args in (["people", "list"], ["people", "list", "--json"], ["--version"],
                     ["--help"], ["people", "show", "anna"]):
            with self.subTest(args=args):
                result = self.run_to_dev_full(*args)
                self.assertNotEqual(result.code, 0, result.describe())
                self.assertIn("spark: error:", result.err)
                self.assertEqual(len(result.err.splitlines()), 1, "one clear message")
                self.assertRegex(result.err, r"(?i)write|space")

    def test_every_read_command_to_dev_full(self):
        # Read commands end with a flush and an immediate exit: a failed write must still be
        # one clear error, whether the output is small or larger than any buffer.
        self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        for i in range(300):
            self.log("action", f"Actie nummer {i} met een titel die ruimte inneemt", "-m", "x" * 200)
        anna = "anna"
        for args in (["list"], ["list", "--json"], ["report"], ["report", "--format", "json"],
                     ["status"], ["show", anna, "--json"], ["people", "list"]):
            with self.subTest(args=args):
                result = self.run_to_dev_full(*args)
                self.assertEqual(result.code, 1, result.describe())
                self.assertEqual(len(result.err.splitlines()), 1, result.err)
                self.assertRegex(result.err, r"^spark: error: cannot write output")

    def test_every_read_command_into_a_closed_pipe(self):
        self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        for i in range(300):
            self.log("action", f"Actie nummer {i} met een titel die ruimte inneemt", "-m", "x" * 200)
        for args in (["list"], ["list", "--json"], ["report"], ["status"]):
            with self.subTest(args=args):
                process = subprocess.Popen(
                    [sparktest.SPARK, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    stdin=subprocess.DEVNULL, cwd=self.ws, env=self.environment(),
                    restore_signals=False)
                process.stdout.read(1)
                process.stdout.close()
                err = process.stderr.read()
                process.stderr.close()
                self.assertEqual(process.wait(timeout=30), 0, err)
                self.assertEqual(err, b"")

    def test_large_list_to_dev_full(self):
        self.many_people(1500)
        result = self.run_to_dev_full("people", "list")
        self.assertEqual(result.code, 1, result.describe())
        self.assertEqual(len(result.err.splitlines()), 1, result.err)

    def test_log_to_dev_full_still_saves_once(self):
        # The record is written before the path is printed; the failure is reported.
        result = self.run_to_dev_full("log", "match", "Full stdout")
        self.assertNotEqual(result.code, 0)
        self.assertIn("spark: error:", result.err)
        self.assertLessEqual(len(self.record_files()), 1)

    def pipe_to_head(self, restore_signals):
        process = subprocess.Popen(
            [sparktest.SPARK, "people", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, cwd=self.ws, env=self.environment(),
            restore_signals=restore_signals)
        first = process.stdout.read(1)
        process.stdout.close()
        err = process.stderr.read()
        process.stderr.close()
        code = process.wait(timeout=30)
        return first, code, err.decode()

    def test_closed_pipe_is_not_an_error(self):
        self.many_people(2000)
        # As in a shell: SIGPIPE default, spark ends quietly like `yes | head -c1`.
        first, code, err = self.pipe_to_head(restore_signals=True)
        self.assertEqual(first, b"p")
        self.assertIn(code, (0, -13), err)
        self.assertEqual(err, "")
        # SIGPIPE ignored (as under some supervisors): EPIPE must not be an error either.
        first, code, err = self.pipe_to_head(restore_signals=False)
        self.assertEqual(first, b"p")
        self.assertEqual(code, 0, err)
        self.assertEqual(err, "")

    def test_shell_pipeline(self):
        self.many_people(2000)
        completed = subprocess.run(
            ["/bin/sh", "-c", f'"{sparktest.SPARK}" people list | head -c1; '
                              'echo " status=$?"'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.ws,
            env=self.environment(), timeout=30)
        self.assertEqual(completed.stdout, b"p status=0\n")
        self.assertEqual(completed.stderr, b"")


if __name__ == "__main__":
    sparktest.main()
