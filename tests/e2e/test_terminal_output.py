"""Hostile text never reaches the terminal raw: whatever a record or a file name holds,
every human-readable output shows control characters as visible escapes (\\e, \\x07,
\\u009b), bidirectional overrides as \\u202e and bytes that are not UTF-8 as U+FFFD, so a
title cannot recolour the terminal, move the cursor, retitle the window or hide text."""

import re

import sparktest
from sparktest import SparkTestCase

# Escape sequences a hostile title might carry: colours, clearing the screen, an OSC
# window title ended by BEL, a C1 CSI, a right-to-left override.
TITLE = "Rood\x1b[31m scherm\x1b[2J titel\x1b]0;gehackt\x07 c1\u009b31m rtl\u202egnimmoc"
NAME = "Eva\x1b[8m Verborgen"

# What must never be written: ESC, BEL and the other C0 controls but newline and tab, DEL,
# C1 controls (UTF-8 encoded), bidirectional overrides and isolates.
RAW = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


class TerminalOutputTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.eva = self.add_person(NAME, "--group", "staff", "--note", "noot\x1b[41m rood")
        self.entry = self.log("actie", TITLE, "--with", self.eva, "--tag", "t\x1b[1m",
                              "--effect", "effect\x07", "-m", "regel 1\nregel\x1b[K 2")
        self.meeting = self.ok("meet", TITLE, "--with", self.eva, "--question",
                               "vraag\x1b[5m?", "--place", "plek\u202e").out.split()[0]

    def assertSafe(self, result):
        for stream, data in (("stdout", result.raw_out), ("stderr", result.raw_err)):
            match = RAW.search(data)
            self.assertIsNone(match, f"raw {match and match.group()!r} on {stream}:"
                                     f"{result.describe()}")

    def test_every_human_readable_output_is_escaped(self):
        entry_id = self.entry.rsplit("/", 1)[1][:-5]
        meeting_id = self.meeting.rsplit("/", 1)[1][:-5]
        for args in (["list"], ["list", "--kind", "actie"], ["show", entry_id],
                     ["show", meeting_id], ["show", self.eva], ["people", "list"],
                     ["people", "show", self.eva], ["status"], ["check"]):
            with self.subTest(args=args):
                result = self.ok(*args)
                self.assertSafe(result)
        # The escapes are visible: the reader sees that something was there.
        self.assertIn("Rood\\e[31m scherm", self.ok("list").out)
        shown = self.ok("show", entry_id).out
        self.assertIn("\\e]0;gehackt\\x07", shown)
        self.assertIn("c1\\u009b31m", shown)
        self.assertIn("rtl\\u202egnimmoc", shown)
        self.assertIn("regel 1\n", shown)  # a body keeps its lines
        self.assertIn("Eva\\e[8m Verborgen", self.ok("people", "list").out)

    def test_check_and_errors_escape_what_they_quote(self):
        # A hand-edited file naming an unknown person with escapes in the id, and a stray
        # file whose name carries an escape and a byte that is not UTF-8.
        path = self.ws / self.entry
        path.write_text(path.read_text().replace(f'"{self.eva}"', '"x\\u001b[31my"'))
        (self.ws / "log" / "2026" / b"stray\x1b[2J\xff.txt".decode("utf-8", "surrogateescape")
         ).write_bytes(b"")
        check = self.spark("check")
        self.assertEqual(check.code, 1, check.describe())
        self.assertSafe(check)
        self.assertIn("x\\e[31my", check.out)
        self.assertIn("stray\\e[2J\ufffd.txt", check.out)
        for args in (["show", "zz\x1b[31m"], ["people", "show", "zz\x07"]):
            with self.subTest(args=args):
                result = self.spark(*args)
                self.assertNotEqual(result.code, 0, result.describe())
                self.assertSafe(result)
        for args in (["list"], ["status"], ["people", "list"]):
            with self.subTest(args=args):
                self.assertSafe(self.spark(*args))

    def test_json_and_the_files_keep_the_text_exactly(self):
        self.assertEqual(self.read(self.entry)["title"], TITLE)
        data = self.ok("show", "--json", self.entry.rsplit("/", 1)[1][:-5]).out
        self.assertIn("\\u001b[31m", data.lower())
        self.assertNotIn("\x1b", data)


if __name__ == "__main__":
    sparktest.main()
