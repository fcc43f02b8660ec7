"""The --json output of list, show, people list and people show, byte for byte: the example
workspace and a workspace of hostile strings (quotes, backslashes, every control character,
non-ASCII, very long text) against golden files. Scripts parse this output; its bytes
(key order, indentation, escapes) must not drift when the writer changes.

Regenerate after an intended change with

    SPARK_UPDATE_GOLDEN=1 SPARK_BIN=build/cmd/spark python3 tests/e2e/test_json.py

and review `git diff tests/e2e/golden/json`.
"""

import json
import os
import shutil

import sparktest
from sparktest import SparkTestCase, main

GOLDEN = sparktest.HERE / "golden" / "json"
EXAMPLE = sparktest.HERE.parents[1] / "examples" / "wijkkracht"
UPDATE = os.environ.get("SPARK_UPDATE_GOLDEN") == "1"

ENTRY = "2026-06-01-koffie-bij-de-automaat-zo-kan-het-niet-langer-kw45"
MEETING = "2026-06-25-eerste-wijkkracht-lunch-v8ax"
PERSON = "samira-el-idrissi-69xa"

NASTY = [
    'quotes " and \\ backslash \\" and /slash',
    "".join(chr(c) for c in range(1, 0x20)) + "\x7f",
    "é ü ß 🔥 \x85 \u2028 \u2029 \u200b \ufeff \u202e",
    "<script>alert('x')</script> & \x1b[31mred",
    "x" * 5000,
    "",
]


def toml_string(value):
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


class JsonGoldenTest(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.env["SOURCE_DATE_EPOCH"] = "1795996800"  # 2026-11-30
        shutil.copytree(EXAMPLE, self.ws, ignore=shutil.ignore_patterns(".spark"))
        nasty = self.tmp / "nasty"
        for folder in ("people", "log/2026", "meetings/2026"):
            (nasty / folder).mkdir(parents=True)
        (nasty / "spark.toml").write_text('name = "Nasty"\nlanguage = "en"\n')
        people = []
        for i, text in enumerate(NASTY):
            pid = f"p{i}-abcd"
            people.append(pid)
            fields = [f"name = {toml_string(text or 'Leeg')}", 'group = "resident"',
                      'roles = ["critic", "poker"]', f"department = {toml_string(text)}",
                      f"note = {toml_string(text)}"]
            if i:
                fields.append(f'invited_by = "p{i - 1}-abcd"')
            (nasty / "people" / f"{pid}.toml").write_text("\n".join(fields) + "\n")
        arr = "[" + ", ".join(toml_string(t) for t in NASTY) + "]"
        for i, text in enumerate(NASTY):
            (nasty / "log" / "2026" / f"2026-05-0{i + 1}-e{i}-abcd.toml").write_text(
                f"date = 2026-05-0{i + 1}\nkind = \"match\"\ntitle = {toml_string(text or 'x')}\n"
                f"people = [\"{people[i]}\"]\ntags = {arr}\neffect = {toml_string(text)}\n"
                f"body = {toml_string(text)}\n")
            (nasty / "meetings" / "2026" / f"2026-05-0{i + 1}-m{i}-abcd.toml").write_text(
                f"date = 2026-05-0{i + 1}\ntitle = {toml_string(text or 'x')}\n"
                f"setting = \"mixed\"\nplace = {toml_string(text)}\n"
                f"attendees = [\"{people[i]}\", \"p0-abcd\"]\nquestions = {arr}\n"
                f"dilemmas = {arr}\noutcomes = []\nfollowups = {arr}\nbody = {toml_string(text)}\n")
        self.nasty = nasty

    def compare(self, name, *args):
        result = self.ok(*args)
        json.loads(result.out)  # valid JSON, whatever else
        path = GOLDEN / name
        if UPDATE:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            path.write_bytes(result.raw_out)
            return
        self.assertTrue(path.exists(), f"{path} missing; see {__file__}")
        if result.raw_out != path.read_bytes():
            self.fail(f"spark {' '.join(map(str, args))} differs from golden/json/{name}")

    def test_example_workspace(self):
        self.compare("list.json", "list", "--json")
        self.compare("list-filtered.json", "list", "--json", "--with", "anouk", "--since", "2026-09-01")
        self.compare("list-empty.json", "list", "--json", "--since", "2030-01-01")
        self.compare("show-entry.json", "show", ENTRY, "--json")
        self.compare("show-meeting.json", "show", MEETING, "--json")
        self.compare("show-person.json", "show", PERSON, "--json")
        self.compare("people-list.json", "people", "list", "--json")
        self.compare("people-show.json", "people", "show", PERSON, "--json")
        self.compare("report.json", "report", "--format", "json", "--until", "2026-11-30")
        self.compare("report-en.json", "report", "--format", "json", "--lang", "en",
                     "--until", "2026-11-30")
        self.compare("report-period.json", "report", "--format", "json", "--period", "2026-T3")
        self.compare("report-empty.json", "report", "--format", "json", "--period", "2020")

    def test_hostile_strings(self):
        ws = ["-C", str(self.nasty)]
        self.compare("nasty-list.json", *ws, "list", "--json")
        self.compare("nasty-people-list.json", *ws, "people", "list", "--json")
        self.compare("nasty-report.json", *ws, "report", "--format", "json", "--until",
                     "2026-11-30")
        for i in range(len(NASTY)):
            with self.subTest(i=i):
                self.compare(f"nasty-show-entry-{i}.json", *ws, "show", f"2026-05-0{i + 1}-e{i}",
                             "--json")
                self.compare(f"nasty-show-meeting-{i}.json", *ws, "show",
                             f"2026-05-0{i + 1}-m{i}", "--json")
                self.compare(f"nasty-show-person-{i}.json", *ws, "people", "show", f"p{i}-abcd",
                             "--json")
        # What a script reads back is exactly what was stored.
        items = json.loads(self.ok(*ws, "list", "--json").out)
        entries = [item for item in items if item["kind"] == "match"]
        self.assertEqual([e["effect"] for e in entries], NASTY)


if __name__ == "__main__":
    main()
