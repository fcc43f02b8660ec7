"""What `list` and `people list` look like: an aligned table in the workspace's language
on a terminal (a real pseudo-terminal here), tab-separated lines as before in a pipe,
RFC 4180 CSV with --format csv (--csv-sep, --bom), JSON with --format json; the --grep
filter; and `show` finding a record by words of its title or its short id."""

import csv
import io
import json
import os
import pty
import subprocess

import sparktest
from sparktest import SparkTestCase


class FormatTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.karim = self.add_person("Karim El Idrissi", "--group", "initiator",
                                     "--role", "critic", "--invited-by", "anna")
        self.match = self.log("lucifer", 'Vergunning "in" een week, eindelijk', "--with", "anna",
                              "--date", "2026-02-10", "--effect", "8 weken -> 1 week")
        self.meeting = self.ok("meet", "Buurttafel op het schoolplein", "--with", "anna",
                               "--with", "karim", "--date", "2026-02-12",
                               "--question", "Mag een bewoner zelf de sleutel beheren?",
                               "--dilemma", "Regels óf ruimte?").out.splitlines()[0]

    def on_terminal(self, *args, columns=None):
        """spark's stdout as a person sees it: attached to a pseudo-terminal."""
        main, child = pty.openpty()
        env = self.environment({"COLUMNS": str(columns)} if columns else {"COLUMNS": None})
        with subprocess.Popen([sparktest.SPARK, *args], stdout=child, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, cwd=self.ws, env=env) as process:
            os.close(child)
            chunks = []
            while True:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # EIO: the other end closed
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            err = process.stderr.read()
            self.assertEqual(process.wait(timeout=sparktest.TIMEOUT), 0, err)
        os.close(main)
        return b"".join(chunks).decode().replace("\r\n", "\n")


class ListTableTests(FormatTestCase):
    def test_a_table_on_a_terminal_in_dutch(self):
        out = self.on_terminal("list")
        lines = out.splitlines()
        self.assertEqual(lines[0].split(), ["DATUM", "SOORT", "TITEL", "MENSEN", "ID"])
        self.assertIn("lucifer", lines[1])
        self.assertIn("Anna de Vries", lines[1])
        self.assertIn("ontmoeting", lines[2])
        self.assertIn("Anna de Vries +1", lines[2])
        self.assertTrue(lines[2].rstrip().endswith(self.meeting[-9:-5]), lines[2])
        # Columns line up: every column starts where its heading does.
        for heading in ("SOORT", "TITEL", "MENSEN", "ID"):
            at = lines[0].index(heading)
            for line in lines[1:]:
                self.assertNotEqual(line[at], " ", f"{heading} in {line!r}")
                self.assertEqual(line[at - 2:at], "  ", f"{heading} in {line!r}")

    def test_a_narrow_terminal_cuts_the_title(self):
        out = self.on_terminal("list", columns=60)
        for line in out.splitlines():
            self.assertLessEqual(len(line), 60, line)
        self.assertIn("…", out)

    def test_english_workspace(self):
        self.ws = self.init("--lang", "en", path=self.tmp / "en")
        self.log("lucifer", "Permit", "--date", "2026-02-10")
        out = self.on_terminal("list")
        self.assertEqual(out.splitlines()[0].split(), ["DATE", "KIND", "TITLE", "PEOPLE", "ID"])
        self.assertIn("match", out.splitlines()[1])

    def test_a_pipe_gets_the_tab_separated_lines_as_before(self):
        out = self.ok("list").out
        self.assertEqual(out, self.ok("list", "--format", "tsv").out)
        first = out.splitlines()[0].split("\t")
        self.assertEqual(first[:2], ["2026-02-10", "match"])
        self.assertEqual(first[4], self.anna)
        table = self.ok("list", "--format", "table").out
        self.assertTrue(table.startswith("DATUM"), table)


class CsvTests(FormatTestCase):
    def test_rfc_4180(self):
        result = self.ok("list", "--format", "csv")
        raw = result.raw_out
        self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), "no BOM unless asked")
        self.assertTrue(raw.endswith(b"\r\n"))
        self.assertEqual(raw.count(b"\r\n"), 3)
        rows = list(csv.reader(io.StringIO(raw.decode(), newline="")))
        self.assertEqual(rows[0], ["date", "kind", "id", "title", "people"])
        self.assertEqual(rows[1][3], 'Vergunning "in" een week, eindelijk')
        self.assertEqual(rows[2][4], f"{self.anna},{self.karim}")
        self.assertIn(b'"Vergunning ""in"" een week, eindelijk"', raw)

    def test_semicolons_and_a_bom_for_dutch_excel(self):
        raw = self.ok("list", "--format", "csv", "--csv-sep", ";", "--bom").raw_out
        self.assertTrue(raw.startswith(b"\xef\xbb\xbfdate;kind;id;title;people\r\n"))
        rows = list(csv.reader(io.StringIO(raw[3:].decode(), newline=""), delimiter=";"))
        self.assertEqual(rows[1][3], 'Vergunning "in" een week, eindelijk')
        self.assertNotIn(b'"Buurttafel', raw, "quoted only when needed")

    def test_people_list_csv(self):
        rows = list(csv.reader(io.StringIO(self.ok("people", "list", "--format", "csv").out,
                                           newline="")))
        self.assertEqual(rows[0], ["id", "name", "group", "roles", "invited_by", "since",
                                   "first_involvement"])
        self.assertEqual(rows[2][:5], [self.karim, "Karim El Idrissi", "initiator", "critic",
                                       self.anna])

    def test_json_either_way(self):
        self.assertEqual(self.ok("list", "--format", "json").out, self.ok("list", "--json").out)
        self.assertEqual(len(json.loads(self.ok("people", "list", "--format", "json").out)), 2)

    def test_contradictions_are_usage_errors(self):
        for args, message in (
                (["--csv-sep", ";"], "--csv-sep needs --format csv"),
                (["--bom"], "--bom needs --format csv"),
                (["--format", "csv", "--csv-sep", ";;"], "invalid value ';;' for '--csv-sep'"),
                (["--format", "csv", "--csv-sep", '"'], "for '--csv-sep'"),
                (["--json", "--format", "csv"], "--json cannot be combined with --format csv"),
                (["--format", "xml"], "invalid value 'xml' for '--format'")):
            for command in (["list"], ["people", "list"]):
                with self.subTest(command=command, args=args):
                    self.assertRejected([*command, *args], 2, message)


class PeopleTableTests(FormatTestCase):
    def test_people_on_a_terminal(self):
        lines = self.on_terminal("people", "list").splitlines()
        self.assertEqual(lines[0].split(), ["NAAM", "GROEP", "ROLLEN", "UITGENODIGD", "DOOR",
                                            "BETROKKEN", "ID"])
        self.assertEqual(lines[1].split()[:4], ["Anna", "de", "Vries", "medewerker"])
        self.assertIn("initiatiefnemer", lines[2])
        self.assertIn("criticus", lines[2])
        self.assertIn("Anna de Vries", lines[2])
        tsv = self.ok("people", "list").out.splitlines()
        self.assertEqual(tsv[1].split("\t")[:5], [self.karim, "Karim El Idrissi", "initiator",
                                                 "critic", self.anna])


class GrepTests(FormatTestCase):
    def ids(self, *args):
        return [line.split("\t")[2] for line in self.ok("list", *args).out.splitlines()]

    def test_grep_searches_every_text_ignoring_case_and_accents(self):
        match = self.match.rsplit("/", 1)[1][:-5]
        meeting = self.meeting.rsplit("/", 1)[1][:-5]
        self.assertEqual(self.ids("--grep", "vergunning"), [match])           # title
        self.assertEqual(self.ids("--grep", "8 WEKEN"), [match])              # effect
        self.assertEqual(self.ids("--grep", "sleutel"), [meeting])            # question
        self.assertEqual(self.ids("--grep", "regels of ruimte"), [meeting])   # dilemma, accent
        self.assertEqual(self.ids("--grep", "SCHOOLPLEIN"), [meeting])
        self.assertEqual(self.ids("-g", "een", "-g", "week"), [match])        # all must hold
        self.assertEqual(self.ids("--grep", "nergens"), [])
        body = self.log("fuel", "Notitie", "-m", "Gesprek met de wethouder  over\nbudget",
                        "--date", "2026-02-20").rsplit("/", 1)[1][:-5]
        self.assertEqual(self.ids("--grep", "wethouder over budget"), [body])  # white space
        self.assertEqual(self.ids("--grep", "week", "--kind", "meeting"), [])
        self.assertRejected(["list", "--grep", ""], 2, "--grep")


class ShowByWordsTests(FormatTestCase):
    def test_words_of_a_title_pick_one_record(self):
        shown = json.loads(self.ok("show", "schoolplein", "--json").out)
        self.assertEqual(shown["title"], "Buurttafel op het schoolplein")
        shown = json.loads(self.ok("show", "Vergunning week", "--json").out)
        self.assertEqual(shown["kind"], "match")

    def test_several_titles_list_the_candidates(self):
        self.log("fuel", "Ook het schoolplein vegen", "--date", "2026-02-13")
        result = self.assertRejected(["show", "schoolplein"], 1,
                                     "'schoolplein' is in the title of 2 records; candidates:")
        self.assertIn("Ook het schoolplein vegen", result.err)
        self.assertIn("Buurttafel op het schoolplein", result.err)

    def test_the_short_id_of_the_table(self):
        suffix = self.meeting[-9:-5]
        shown = json.loads(self.ok("show", suffix, "--json").out)
        self.assertEqual(shown["title"], "Buurttafel op het schoolplein")

    def test_nothing_found(self):
        self.assertRejected(["show", "zwembad"], 1, "no record with id 'zwembad' and no title")


if __name__ == "__main__":
    sparktest.main()
