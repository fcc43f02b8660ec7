"""spark check: clean workspaces pass; hand-broken files are all reported in one run as
`path:line:col: error: message`, exit 1, and nothing is changed."""

import re

import sparktest
from sparktest import SparkTestCase

DIAGNOSTIC = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): "
                        r"(?P<message>.+)$", re.M)


class CheckTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.bob = self.add_person("Bob Bakker", "--group", "staff", "--invited-by", "anna")
        self.good = self.log("match", "Good entry", "--with", "anna", "--with", "bob")

    def write(self, relative, text):
        path = self.ws / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)
        return relative

    def check_fails(self):
        """Runs check, expects exit 1 and no change; returns {path: [(line, col, message)]}."""
        before = self.snapshot()
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        self.assertIn("spark: error:", result.err)
        self.assertUnchanged(before)
        found = {}
        for m in DIAGNOSTIC.finditer(result.out + result.err):
            if m["severity"] == "error":
                found.setdefault(m["path"], []).append(
                    (int(m["line"]), int(m["col"]), m["message"]))
        return found, result


class CleanTests(CheckTestCase):
    def test_clean_workspace_passes(self):
        before = self.snapshot()
        result = self.ok("check")
        self.assertEqual(result.out, "")
        self.assertRegex(result.err, r"\b3 records checked: 0 errors, 0 warnings")
        self.assertUnchanged(before)

    def test_quiet_prints_nothing(self):
        result = self.ok("-q", "check")
        self.assertEqual((result.out, result.err), ("", ""))

    def test_fresh_workspace_passes(self):
        ws = self.init(path=self.tmp / "fresh")
        self.ok("check", cwd=ws)

    def test_hand_edit_that_stays_valid_passes(self):
        path = self.ws / self.good
        text = path.read_text().replace('title = "Good entry"', 'title = "Edited by hand"')
        path.write_text("# a comment a person added\n" + text)
        self.ok("check")
        self.assertEqual(self.read(self.good)["title"], "Edited by hand")

    def test_warnings_alone_pass(self):
        self.write("log/2026/notes.txt", "not a record")
        result = self.ok("check")
        self.assertIn("log/2026/notes.txt", result.out + result.err)
        self.assertIn("warning", result.out + result.err)


class GroupTests(CheckTestCase):
    def test_a_person_without_a_group_is_a_warning_with_the_fix(self):
        carla = self.add_person("Carla Zonder Groep")
        result = self.ok("check")
        self.assertIn(f"people/{carla}.toml:1:1: warning: '{carla}' has no group", result.out)
        self.assertIn(f"spark people set {carla} --group GROUP", result.out)
        self.assertIn("0 errors, 1 warning", result.err)
        self.ok("people", "set", carla, "--group", "partner")
        self.assertIn("0 errors, 0 warnings", self.ok("check").err)


class BrokenFileTests(CheckTestCase):
    def test_all_problems_in_one_run(self):
        broken = {
            "log/2026/2026-03-01-unterminated-aaaa.toml":
                'date = 2026-03-01\nkind = "match"\ntitle = "unterminated\n',
            "log/2026/2026-03-01-no-kind-aaaa.toml": 'date = 2026-03-01\ntitle = "No kind"\n',
            "log/2026/2026-03-01-bad-kind-aaaa.toml":
                'date = 2026-03-01\nkind = "vuurwerk"\ntitle = "Bad kind"\n',
            "log/2026/2026-02-30-bad-date-aaaa.toml":
                'date = 2026-02-30\nkind = "match"\ntitle = "Impossible date"\n',
            "log/2026/2026-03-01-string-date-aaaa.toml":
                'date = "2026-03-01"\nkind = "match"\ntitle = "Date as a string"\n',
            "log/2026/2026-03-01-ghost-aaaa.toml":
                'date = 2026-03-01\nkind = "match"\ntitle = "Ghost"\npeople = ["ghost-zzzz"]\n',
            "log/2026/2026-03-01-empty-title-aaaa.toml":
                'date = 2026-03-01\nkind = "match"\ntitle = "  "\n',
            "log/2026/2026-03-01-dup-key-aaaa.toml":
                'date = 2026-03-01\nkind = "match"\ntitle = "A"\ntitle = "B"\n',
            "people/cees-aaaa.toml": 'name = "Cees"\ninvited_by = "nobody-xxxx"\n',
            "people/dirk-aaaa.toml": 'name = "Dirk"\ninvited_by = "eva-aaaa"\n',
            "people/eva-aaaa.toml": 'name = "Eva"\ninvited_by = "dirk-aaaa"\n',
            "people/no-name-aaaa.toml": 'group = "staff"\n',
            "people/latin1-aaaa.toml": b'name = "Jos\xe9"\n',
            "people/empty-aaaa.toml": "",
        }
        for path, text in broken.items():
            self.write(path, text)
        found, result = self.check_fails()
        for line in result.out.splitlines():
            self.assertRegex(line, DIAGNOSTIC, "every problem as path:line:col: error: message")
        for path in broken:
            if path == "people/eva-aaaa.toml":
                continue  # the cycle is reported once, on one of its members
            with self.subTest(path=path):
                self.assertIn(path, found, result.describe())
        # The good records (an entry, Anna) are not among them: exactly the broken files.
        self.assertEqual(set(found) | {"people/eva-aaaa.toml"}, set(broken), result.describe())

        # Positions point at the trouble.
        self.assertEqual(found["people/cees-aaaa.toml"][0][0], 2)
        self.assertIn("nobody-xxxx", found["people/cees-aaaa.toml"][0][2])
        self.assertEqual(found["log/2026/2026-03-01-ghost-aaaa.toml"][0][0], 4)
        self.assertIn("ghost-zzzz", found["log/2026/2026-03-01-ghost-aaaa.toml"][0][2])
        self.assertIn("kind", found["log/2026/2026-03-01-no-kind-aaaa.toml"][0][2])
        self.assertIn("vuurwerk", found["log/2026/2026-03-01-bad-kind-aaaa.toml"][0][2])
        self.assertEqual(found["log/2026/2026-03-01-bad-kind-aaaa.toml"][0][0], 2)
        self.assertEqual(found["log/2026/2026-02-30-bad-date-aaaa.toml"][0][0], 1)
        self.assertEqual(found["log/2026/2026-03-01-unterminated-aaaa.toml"][0][:2], (3, 9))
        self.assertIn("string not closed", found["log/2026/2026-03-01-unterminated-aaaa.toml"][0][2])
        self.assertEqual(found["log/2026/2026-03-01-dup-key-aaaa.toml"][0][0], 4)
        self.assertIn("name", found["people/no-name-aaaa.toml"][0][2])
        cycle = found.get("people/dirk-aaaa.toml", []) + found.get("people/eva-aaaa.toml", [])
        self.assertTrue(any("cycle" in message for _, _, message in cycle), cycle)
        self.assertRegex(result.err, r"\b\d+ problems found")

    def test_missing_required_key(self):
        self.write("log/2026/2026-03-01-no-title-aaaa.toml", 'date = 2026-03-01\nkind = "fuel"\n')
        found, _ = self.check_fails()
        [(line, col, message)] = found["log/2026/2026-03-01-no-title-aaaa.toml"]
        self.assertIn("title", message)
        self.assertGreaterEqual(line, 1)

    def test_invited_by_naming_nobody(self):
        self.write("people/cees-aaaa.toml", 'name = "Cees"\ninvited_by = "nobody-xxxx"\n')
        found, _ = self.check_fails()
        self.assertEqual(list(found), ["people/cees-aaaa.toml"])
        [(line, col, message)] = found["people/cees-aaaa.toml"]
        self.assertEqual(line, 2)
        self.assertIn("nobody-xxxx", message)

    def test_invited_by_cycle_of_one_two_and_three(self):
        self.write("people/self-aaaa.toml", 'name = "Self"\ninvited_by = "self-aaaa"\n')
        self.write("people/p1-aaaa.toml", 'name = "P1"\ninvited_by = "p2-aaaa"\n')
        self.write("people/p2-aaaa.toml", 'name = "P2"\ninvited_by = "p1-aaaa"\n')
        self.write("people/q1-aaaa.toml", 'name = "Q1"\ninvited_by = "q2-aaaa"\n')
        self.write("people/q2-aaaa.toml", 'name = "Q2"\ninvited_by = "q3-aaaa"\n')
        self.write("people/q3-aaaa.toml", 'name = "Q3"\ninvited_by = "q1-aaaa"\n')
        # Hanging off a cycle is not itself a cycle.
        self.write("people/tail-aaaa.toml", 'name = "Tail"\ninvited_by = "q1-aaaa"\n')
        found, result = self.check_fails()
        messages = [m for problems in found.values() for _, _, m in problems]
        cycles = [m for m in messages if "cycle" in m]
        self.assertEqual(len(cycles), 3, result.describe())
        self.assertEqual(len(messages), 3, "nothing about the tail: " + result.describe())
        self.assertTrue(any("self-aaaa" in m for m in cycles))
        self.assertTrue(any("q1-aaaa" in m and "q2-aaaa" in m and "q3-aaaa" in m
                            for m in cycles))

    def test_duplicate_ids_across_years(self):
        # A whole-file problem has no position: `path: error: message` (the team's choice,
        # see tests/unit/test_check.cpp); problems inside a file always carry line:col.
        text = (self.ws / self.good).read_text()
        name = self.good.rsplit("/", 1)[1]
        self.write(f"log/2025/{name}", text)
        before = self.snapshot()
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        self.assertUnchanged(before)
        self.assertRegex(result.out, rf"(?m)^log/202[56]/{re.escape(name)}(:\d+:\d+)?: error: "
                                     rf"duplicate id '{re.escape(name[:-5])}'")

    def test_unclosed_quote_in_a_hand_edit_is_explained(self):
        path = self.ws / self.good
        path.write_text(path.read_text().replace('title = "Good entry"', 'title = "Good entry'))
        found, result = self.check_fails()
        self.assertIn(f'{self.good}:3:9: error: string not closed: the " here has no closing " '
                      'on its line', result.out)
        self.assertNotIn("Error while parsing", result.out + result.err)
        self.assertNotIn("U+0009", result.out + result.err)

    def test_broken_spark_toml(self):
        self.write("spark.toml", 'name = "unterminated\n')
        found, result = self.check_fails()
        self.assertIn("spark.toml", found, result.describe())

    def test_other_commands_name_the_broken_file(self):
        self.write("people/broken-aaaa.toml", 'name = [1, 2\n')
        for args in (["people", "list"], ["people", "show", "anna"],
                     ["log", "match", "X", "--with", "anna"],
                     ["people", "add", "New", "--invited-by", "anna"]):
            with self.subTest(args=args):
                result = self.assertRejected(args, 1, "people/broken-aaaa.toml")
                self.assertIn("spark check", result.err)

    def test_leftover_temporary_file_is_a_warning(self):
        self.write(f"log/2026/.{self.good.rsplit('/', 1)[1]}.tmp-abc123", "partial")
        result = self.ok("check")
        self.assertIn(".tmp-abc123", result.out + result.err)
        self.assertIn("warning", result.out + result.err)

    def test_unknown_key_is_an_error(self):
        path = self.write("log/2026/2026-03-01-extra-aaaa.toml",
                          'date = 2026-03-01\nkind = "match"\ntitle = "x"\ntitel = "typo"\n')
        found, _ = self.check_fails()
        self.assertEqual(found[path][0][0], 4)
        self.assertIn("titel", found[path][0][2])

    def test_colour_only_when_asked(self):
        self.write("people/cees-aaaa.toml", 'name = "Cees"\ninvited_by = "nobody-xxxx"\n')
        plain = self.spark("check")
        self.assertNotIn("\x1b[", plain.out + plain.err)
        coloured = self.spark("--color", "always", "check")
        self.assertEqual(coloured.code, 1)
        self.assertIn("\x1b[", coloured.out + coloured.err)
        no_color = self.spark("check", env={"NO_COLOR": "1"})
        self.assertNotIn("\x1b[", no_color.out + no_color.err)


if __name__ == "__main__":
    sparktest.main()
