"""Help that teaches: the overview without a command, --help on every command (a one-line
purpose, examples), and usage errors in git's style — what went wrong first, the subject in
quotes, a "did you mean" when a close spelling exists, and where to read more."""

import re

import sparktest
from sparktest import SparkTestCase

from test_cli import subcommands

# Phrases of CLI11's own messages that must not reach the user.
CLI11_PHRASES = ["The following argument", "arguments were not expected", "is required",
                 " not in {", "required TEXT missing", "A subcommand", "Could not convert"]


class OverviewTests(SparkTestCase):
    def test_no_command_prints_a_short_overview(self):
        result = self.ok(cwd=self.tmp)
        self.assertEqual(result.err, "")
        out = result.out
        self.assertTrue(out.startswith("Usage: spark "), out)
        self.assertLess(len(out.splitlines()), 30, "short: one line per command")
        commands = subcommands(self.ok("--help").out)
        for name in commands:
            self.assertRegex(out, rf"(?m)^  {re.escape(name)} +\S", name)
        self.assertIn("spark COMMAND --help", out)
        self.assertNotIn("__complete", out)

    def test_overview_outside_and_inside_a_workspace_is_the_same(self):
        self.init()
        self.assertEqual(self.ok(cwd=self.ws).out, self.ok(cwd=self.tmp).out)


class HelpTests(SparkTestCase):
    def command_paths(self):
        paths, queue = [], [[]]
        while queue:
            path = queue.pop(0)
            for name in subcommands(self.ok(*path, "--help", cwd=self.tmp).out):
                paths.append(path + [name])
                queue.append(path + [name])
        return paths

    def test_every_help_has_a_purpose_and_examples(self):
        for path in [[]] + self.command_paths():
            with self.subTest(command=" ".join(path)):
                out = self.ok(*path, "--help", cwd=self.tmp).out
                purpose = out.splitlines()[0]
                self.assertTrue(purpose[:1].isupper() or purpose.startswith("spark "), purpose)
                self.assertLessEqual(len(purpose), 100)
                self.assertIn("Usage: spark", out.splitlines()[1])
                examples = re.search(r"(?m)^Examples?[^\n]*:\n((?:  .*\n?)+)", out)
                self.assertIsNotNone(examples, f"no examples in:\n{out}")
                for line in examples.group(1).splitlines():
                    if not line.startswith("      "):  # continuation lines are indented more
                        self.assertRegex(line, r"^  (spark |vim |source |\S+=)", line)

    def test_help_is_clean_and_fits_80_columns(self):
        for path in [[]] + self.command_paths():
            with self.subTest(command=" ".join(path)):
                out = self.ok(*path, "--help", cwd=self.tmp).out
                self.assertNotIn("REQUIRED", out)
                self.assertNotIn("TEXT REQUIRED", out)
                self.assertNotIn("\n\n\n", out, "never two blank lines in a row")
                options = out.split("Examples")[0]  # examples are written by hand
                for line in options.splitlines():
                    self.assertLessEqual(len(line), 80, line)

    def test_help_command_prints_the_commands_help(self):
        for path in [["log"], ["people"], ["people", "add"], ["report"], ["help"]]:
            with self.subTest(command=" ".join(path)):
                self.assertEqual(self.ok("help", *path, cwd=self.tmp).out,
                                 self.ok(*path, "--help", cwd=self.tmp).out)
        self.assertEqual(self.ok("help", cwd=self.tmp).out, self.ok(cwd=self.tmp).out)
        result = self.spark("help", "peple", cwd=self.tmp)
        self.assertEqual((result.code, result.out), (2, ""))
        self.assertEqual(result.err, "spark: error: unknown command 'peple'; did you mean "
                                     "'people'?\n")
        result = self.spark("help", "people", "ad", cwd=self.tmp)
        self.assertEqual(result.err, "spark: error: unknown command 'people ad'; did you mean "
                                     "'people add'?\n")

    def test_options_are_grouped(self):
        log = self.ok("log", "--help").out
        self.assertRegex(log, r"(?s)Options:.*--with.*\nBody:\n.*-m,--message.*-F,--file.*-e,"
                              r"--edit")
        self.assertIn("Output", self.ok("report", "--help").out)


class UsageErrorTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def usage_error(self, *args):
        """Runs spark; it must exit 2 with git-style lines and nothing on stdout. Returns the
        lines on stderr."""
        result = self.assertRejected(list(args), 2)
        lines = result.err.splitlines()
        self.assertTrue(lines[0].startswith("spark: error: "), result.describe())
        message = lines[0][len("spark: error: "):]
        self.assertTrue(message[0].islower() or message[0] in "'-", message)
        for phrase in CLI11_PHRASES:
            self.assertNotIn(phrase, result.err)
        self.assertRegex(lines[-1], r"^Run 'spark( [a-z]+)* --help' for usage\.$")
        return lines

    def test_misspelt_command_suggests_the_closest(self):
        lines = self.usage_error("lgo")
        self.assertEqual(lines[0], "spark: error: unknown command 'lgo'")
        self.assertEqual(lines[1], "did you mean 'log'?")
        self.assertEqual(self.usage_error("stauts")[1], "did you mean 'status'?")
        self.assertEqual(self.usage_error("reprot", "--lang", "en")[1], "did you mean 'report'?")

    def test_misspelt_command_before_a_real_one(self):
        # "peple" is not a word of `list`: it was meant as the command.
        lines = self.usage_error("peple", "list")
        self.assertEqual(lines, ["spark: error: unknown command 'peple'",
                                 "did you mean 'people'?", "Run 'spark --help' for usage."])
        lines = self.usage_error("people", "lsit", "show")
        self.assertEqual(lines[0], "spark: error: unknown command 'people lsit'")

    def test_unknown_option_before_a_missing_argument(self):
        lines = self.usage_error("log", "vonk", "--bogus", "x")
        self.assertEqual(lines, ["spark: error: unknown option '--bogus'",
                                 "Run 'spark log --help' for usage."])

    def test_unknown_command_without_a_close_one(self):
        lines = self.usage_error("frobnicate")
        self.assertEqual(lines, ["spark: error: unknown command 'frobnicate'",
                                 "Run 'spark --help' for usage."])

    def test_misspelt_people_command(self):
        lines = self.usage_error("people", "ad", "Anna")
        self.assertEqual(lines[0], "spark: error: unknown command 'people ad'")
        self.assertEqual(lines[1], "did you mean 'people add'?")
        self.assertEqual(lines[-1], "Run 'spark people --help' for usage.")

    def test_missing_command(self):
        lines = self.usage_error("people")
        self.assertRegex(lines[0], r"^spark: error: missing command after 'spark people': "
                                   r"expected add, list, show")

    def test_unknown_option_suggests_the_closest(self):
        lines = self.usage_error("log", "match", "T", "--wiht", "anna")
        self.assertEqual(lines[0], "spark: error: unknown option '--wiht'")
        self.assertEqual(lines[1], "did you mean '--with'?")
        self.assertEqual(lines[-1], "Run 'spark log --help' for usage.")
        self.assertEqual(self.usage_error("--colour", "never", "status")[1],
                         "did you mean '--color'?")
        self.assertEqual(self.usage_error("report", "--lnag=en")[:2],
                         ["spark: error: unknown option '--lnag'", "did you mean '--lang'?"])

    def test_missing_required(self):
        self.assertEqual(self.usage_error("init", "x")[0],
                         "spark: error: missing required option '--name'")
        self.assertEqual(self.usage_error("log", "match")[0],
                         "spark: error: missing required argument 'TITLE'")
        self.assertEqual(self.usage_error("people", "show")[0],
                         "spark: error: missing required argument 'PERSON'")

    def test_option_without_its_value(self):
        self.assertEqual(self.usage_error("log", "match", "T", "--date")[0],
                         "spark: error: option '--date' needs a value")
        self.assertEqual(self.usage_error("-C")[0], "spark: error: option '-C' needs a value")

    def test_invalid_choice(self):
        lines = self.usage_error("report", "--lang", "xx")
        self.assertEqual(lines[0], "spark: error: invalid value 'xx' for '--lang': expected "
                                   "one of nl, en")
        self.assertEqual(len(lines), 2, "no suggestion when nothing is close")
        lines = self.usage_error("--color", "alwyas", "status")
        self.assertEqual(lines[1], "did you mean 'always'?")
        self.assertIn("expected one of fenced, classic, azure, off",
                      self.usage_error("report", "--mermaid", "gitlab")[0])

    def test_unexpected_argument(self):
        self.assertEqual(self.usage_error("check", "extra")[0],
                         "spark: error: unexpected argument 'extra'")
        lines = self.usage_error("people", "list", "extra")
        self.assertEqual(lines[0], "spark: error: unexpected argument 'extra'")
        self.assertEqual(lines[-1], "Run 'spark people list --help' for usage.")
        self.assertEqual(self.usage_error("log", "match", "T", "two words")[0],
                         "spark: error: unexpected argument 'two words'")


if __name__ == "__main__":
    sparktest.main()
