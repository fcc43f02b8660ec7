"""Hostile text end to end: every nasty string goes in through log, meet and people add and
through hand-written files, comes back exactly, passes check, and reaches the report only
escaped."""

import json
import re

from sparktest import SparkTestCase, main

NASTY = {
    "html": "<b>vet</b> & <i>schuin</i>",
    "script": "<script>alert('x')</script>",
    "image": '<img src=x onerror="alert(1)">',
    "js link": "[klik hier](javascript:alert(1))",
    "data link": "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "autolink": "<javascript:alert(1)> en https://evil.example/pad",
    "pipes and backticks": "| a | b | `code` ``` fence",
    "mermaid": '"]; A-->B; click A "javascript:alert(1)"; end ::: mermaid',
    "markdown blocks": "# kop\n- lijst\n1. genummerd\n> citaat\n---",
    "gitlab references": "@iedereen #123 !45 ~label %mijlpaal $snippet",
    "quotes and escapes": 'he said "\\"" and \'\'\' and """ and \\ at the end \\',
    "control characters": "a\tb\rc\x01d\x1be\x7ff\x0bg",
    "right-to-left": "abc\u202edcba\u200f \u05e9\u05dc\u05d5\u05dd",
    "combining accents": "Jose\u0301 A\u0301lvarez",
    "emoji": "vuur \U0001F525 en \U0001F9EF",
    "long line": "x" * (1 << 20),
}


def toml_string(value):
    """A TOML basic string for any text (Python's json escapes differ from TOML's)."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class HostileTextTest(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")

    def assert_report_is_inert(self, names="all"):
        for mermaid in ("fenced", "azure"):
            report = self.ok("report", "--names", names, "--mermaid", mermaid).out
            self.assertNotIn("<", report, "raw '<' reached the page")
            self.assertNotRegex(report, r"\]\((javascript|data):", "a link was formed")
            self.assertEqual(report.count("```") % 2, 0, "code fences unbalanced")
            for line in report.splitlines():
                if line.startswith("|"):
                    cells = len(re.findall(r"(?<!\\)\|", line))
                    self.assertIn(cells, (3, 4, 5, 6, 7), f"table row broken: {line[:120]}")
                if line.startswith("    p") and '["' in line:
                    label = line.split('["', 1)[1].rsplit('"]', 1)[0]
                    plain = re.sub(r"#\d+;", "", label)  # Mermaid's entity codes are fine
                    self.assertNotRegex(plain, r'["\[\]();<>`#]', f"unsafe Mermaid label {label}")
            json.loads(self.ok("report", "--format", "json").out)

    def test_cli_round_trip_and_safe_report(self):
        for label, text in NASTY.items():
            # One command-line argument holds at most 128 KiB; the full megabyte goes in
            # through -F and hand-written files.
            text = text[:100_000]
            with self.subTest(label):
                body_file = self.tmp / "body.txt"
                body_file.write_bytes(text.encode("utf-8"))
                entry = self.log("match", text, "--with", "anna", "--effect", text,
                                 "--tag", text, "-F", body_file)
                data = self.read(entry)
                self.assertEqual((data["title"], data["effect"], data["body"], data["tags"]),
                                 (text, text, text, [text]))
                result = self.ok("meet", text, "--with", "anna", "--question", text,
                                 "--dilemma", text, "--place", text, "--with", text, "--new")
                path = next(line for line in result.out.splitlines()
                            if line.startswith("meetings/"))
                meeting = self.read(path)
                self.assertEqual((meeting["title"], meeting["questions"], meeting["place"]),
                                 (text, [text], text))
        result = self.ok("check")
        self.assertNotIn(": error:", result.out)
        self.assert_report_is_inert()
        self.assert_report_is_inert(names="inside")

    def test_hand_written_files_round_trip_or_are_named(self):
        year = self.ws / "log" / "2026"
        year.mkdir(parents=True, exist_ok=True)
        nul = "a\x00b"
        for index, (label, text) in enumerate({**NASTY, "nul": nul}.items()):
            path = year / f"2026-02-{index % 27 + 1:02d}-hand-{index}.toml"
            path.write_text(
                f"date = 2026-02-{index % 27 + 1:02d}\nkind = \"action\"\n"
                f"title = {toml_string(text)}\npeople = [\"{self.anna}\"]\ntags = []\n"
                f"body = {toml_string(text)}\n", encoding="utf-8")
        result = self.ok("check")
        self.assertNotIn(": error:", result.out)
        listed = {item["title"]: item for item in json.loads(self.ok("list", "--json").out)}
        for text in list(NASTY.values()) + [nul]:
            self.assertIn(text, listed)
            self.assertEqual(listed[text]["body"], text)
        self.assert_report_is_inert()

    def test_invalid_utf8_is_refused_or_named(self):
        before = self.snapshot()
        for args in (["log", "action", b"kapot \xff"], ["meet", b"\xc3\x28"],
                     ["people", "add", b"\xed\xa0\x80 surrogaat"],
                     ["log", "action", "titel", "--effect", b"\xf8\x88\x80\x80\x80"]):
            result = self.spark(*args)
            self.assertEqual(result.code, 2, result.describe())
            self.assertIn("not valid UTF-8", result.err)
        self.assertUnchanged(before)
        broken = self.ws / "log" / "2026" / "2026-02-02-kapot-abcd.toml"
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_bytes(b'date = 2026-02-02\nkind = "action"\ntitle = "ka\xffpot"\n')
        result = self.spark("check")
        self.assertEqual(result.code, 1)
        self.assertIn("log/2026/2026-02-02-kapot-abcd.toml:3:12: error: invalid UTF-8",
                      result.out)
        result = self.spark("report")
        self.assertEqual(result.code, 1)
        self.assertIn("2026-02-02-kapot-abcd.toml:3:12", result.err)


if __name__ == "__main__":
    main()
