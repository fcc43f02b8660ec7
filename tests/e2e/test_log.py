"""spark log: kinds, round-trip of text, body sources, dates, --with, bad input, concurrency."""

import os
import pathlib
import subprocess
import time

import sparktest
from sparktest import KIND_ALIASES, KINDS, TODAY, YESTERDAY, SparkTestCase

# Text that is hard to store in TOML; each must come back exactly.
AWKWARD_TITLES = [
    'She said "hello"',
    "back\\slash \\n \\u0041 not escapes",
    "two\nlines",
    "tab\there",
    "emoji 🔥🧯 and ZWJ 👩‍👩‍👧",
    'triple """ quotes',
    "'single' and '''triple single'''",
    "controls \x01\x07\x08\x0b\x0c\x1b[31m red\x7f",
    "carriage\rreturn and crlf\r\n",
    "ends with a backslash \\",
    'ends with a quote "',
    "  leading and trailing spaces  ",
    "é ß 漢字 \u200b zero width",
    "# not a comment = not a key",
    "[not a table]",
]

AWKWARD_BODIES = AWKWARD_TITLES + [
    'ends with two quotes ""',
    'ends with three quotes """',
    'ends with four """"',
    '""" starts with triple quotes',
    "\nstarts with a newline",
    "\n\n\nthree leading newlines",
    "trailing newline\n",
    "trailing blank lines\n\n\n",
    "line one\nline two\n\nparagraph \\\nbackslash at end of line",
    "windows\r\nline\r\nendings\r\n",
    "mixed \t tabs \t\n\tand indents",
    " ",
    "x" * 5000,
]


class LogTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def entry(self, path):
        return self.read(path)


class KindTests(LogTestCase):
    def test_english_kinds_are_stored_as_given(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                path = self.log(kind, f"a {kind}")
                self.assertEqual(self.entry(path)["kind"], kind)

    def test_dutch_aliases_store_the_english_kind(self):
        for alias, kind in KIND_ALIASES.items():
            with self.subTest(alias=alias):
                path = self.log(alias, f"een {alias}")
                data = self.entry(path)
                self.assertEqual(data["kind"], kind)
                self.assertIn(f'kind = "{kind}"', (self.ws / path).read_text())

    def test_entry_layout(self):
        path = self.log("lucifer", "Vergunning in een week", "--effect", "8 -> 1 week",
                        "--tag", "vergunning", "--tag", "snelheid", "-m", "Wat we deden.")
        self.assertTrue(path.startswith(f"log/{sparktest.YEAR}/{TODAY}-vergunning-in-een-week-"),
                        path)
        data = self.entry(path)
        self.assertEqual(data["date"].isoformat(), TODAY)
        self.assertEqual(data["kind"], "match")
        self.assertEqual(data["title"], "Vergunning in een week")
        self.assertEqual(data["tags"], ["vergunning", "snelheid"])
        self.assertEqual(data["effect"], "8 -> 1 week")
        self.assertEqual(data["body"], "Wat we deden.")
        # Keys in the contract's human order, body last.
        text = (self.ws / path).read_text()
        keys = [line.split(" =")[0] for line in text.splitlines() if " = " in line
                and not line.startswith(" ")]
        order = ["date", "kind", "title", "people", "tags", "effect", "body"]
        self.assertEqual(keys, [k for k in order if k in keys])
        self.assertEqual(keys[-1], "body")

    def test_a_meeting_is_not_a_kind_and_points_to_meet(self):
        self.add_person("Anna de Vries")
        for word in ["ontmoeting", "meeting", "Ontmoeting", "ontmoetingen", "MEETINGS"]:
            with self.subTest(word=word):
                result = self.assertRejected(["log", word, "Buurttafel", "--with", "anna"], 2,
                                             f"'{word}' is not a kind of entry", "spark meet")
                self.assertNotIn("expected one of", result.err)
        result = self.assertRejected(["log", "meeting", "Buurttafel Oost"], 2)
        self.assertIn("spark meet 'Buurttafel Oost' --with PERSON", result.err)
        result = self.assertRejected(["log", "meeting", "Anna's tafel"], 2)
        self.assertIn("spark meet TITLE --with PERSON", result.err)
        # Other unknown words still list the kinds.
        self.assertRejected(["log", "vergadering", "Overleg"], 2, "unknown kind 'vergadering'",
                            "vonk")

    def test_repeated_tags_are_stored_once(self):
        path = self.log("action", "Tags", "-t", "a", "--tag", "b", "--tag", "a")
        self.assertEqual(self.entry(path)["tags"], ["a", "b"])

    def test_same_title_same_day_gives_two_files(self):
        first = self.log("match", "Same title")
        second = self.log("match", "Same title")
        self.assertNotEqual(first, second)
        self.assertEqual(len(self.record_files()), 2)
        self.ok("check")

    def test_quiet_still_prints_the_path(self):
        result = self.ok("-q", "log", "fuel", "Quiet")
        self.assertRegex(result.out, r"^log/\d{4}/.*\.toml\n$")
        self.assertEqual(result.err, "")

    def test_never_waits_for_input_without_e(self):
        # stdin is a pipe nobody writes to or closes: spark must not read it.
        process = subprocess.Popen(
            [sparktest.SPARK, "log", "match", "No waiting"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=self.ws, env=self.environment())
        try:
            out, err = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            self.fail("spark log waited for standard input")
        finally:
            if process.stdin and not process.stdin.closed:
                process.stdin.close()
        self.assertEqual(process.returncode, 0, err)


class PathTests(LogTestCase):
    def test_path_is_relative_to_the_invocation_folder(self):
        path = self.log("spark", "From the root")
        self.assertTrue((self.ws / path).is_file())

        sub = self.ws / "people"
        result = self.ok("log", "spark", "From people/", cwd=sub)
        shown = result.out.strip()
        self.assertTrue(shown.startswith("../log/"), shown)
        self.assertTrue((sub / shown).is_file())

        result = self.ok("-C", "ws", "log", "spark", "With -C", cwd=self.tmp)
        shown = result.out.strip()
        self.assertTrue(shown.startswith("ws/log/"), shown)
        self.assertTrue((self.tmp / shown).is_file())

    def test_file_names_stay_short_and_inside_the_log(self):
        for title in ["woord " * 300, "é" * 400, "🔥", "../../etc/passwd", ".hidden",
                      "a/b\\c", "-", "CON", "x" * 1000]:
            with self.subTest(title=title[:30]):
                path = self.log("match", title)
                name = path.rsplit("/", 1)[1]
                self.assertLessEqual(len(name.encode()), 120, name)
                self.assertRegex(name, rf"^{TODAY}-[a-z0-9-]+\.toml$")
                self.assertTrue(path.startswith(f"log/{sparktest.YEAR}/"))
                self.assertEqual(self.entry(path)["title"], title)
        self.ok("check")

    def test_date_chooses_the_year_folder(self):
        path = self.log("action", "Old year", "--date", "2025-12-31")
        self.assertTrue(path.startswith("log/2025/2025-12-31-old-year-"), path)
        self.ok("check")


class RoundTripTests(LogTestCase):
    def test_titles_round_trip_exactly(self):
        for title in AWKWARD_TITLES:
            with self.subTest(title=title):
                path = self.log("match", title)
                self.assertEqual(self.entry(path)["title"], title)
        self.ok("check")

    def test_bodies_round_trip_with_m(self):
        for body in AWKWARD_BODIES:
            with self.subTest(body=body[:40]):
                path = self.log("action", "Body via -m", "-m", body)
                self.assertEqual(self.entry(path)["body"], body)

    def test_bodies_round_trip_with_F_file(self):
        for i, body in enumerate(AWKWARD_BODIES):
            with self.subTest(body=body[:40]):
                source = self.tmp / f"body-{i}.txt"
                source.write_bytes(body.encode("utf-8"))
                path = self.log("action", "Body via -F", "-F", source)
                self.assertEqual(self.entry(path)["body"], body)

    def test_bodies_round_trip_with_F_stdin(self):
        for body in AWKWARD_BODIES:
            with self.subTest(body=body[:40]):
                path = self.log("action", "Body via stdin", "-F", "-", input=body.encode())
                self.assertEqual(self.entry(path)["body"], body)
        self.ok("check")

    def test_effect_and_tags_round_trip(self):
        effect = 'from "8" to \\1\\ week\n\t🔥 """'
        tag = 'tag "with" \\ odd \x01'
        path = self.log("match", "Effect", "--effect", effect, "--tag", tag)
        data = self.entry(path)
        self.assertEqual(data["effect"], effect)
        self.assertEqual(data["tags"], [tag])

    def test_file_is_valid_utf8_toml_without_raw_control_characters(self):
        path = self.log("match", "ctl \x01\x1b\x7f", "-m", "ctl \x02\r end")
        raw = (self.ws / path).read_bytes()
        raw.decode("utf-8")
        for byte in raw:
            self.assertFalse(byte < 0x20 and byte not in (0x09, 0x0A), raw)
            self.assertNotEqual(byte, 0x7F, raw)

    def test_nul_bytes_in_a_body_file_round_trip(self):
        body = "before\x00after\n"
        source = self.tmp / "nul.txt"
        source.write_bytes(body.encode())
        path = self.log("action", "NUL via -F", "-F", source)
        self.assertEqual(self.entry(path)["body"], body)
        path = self.log("action", "NUL via stdin", "-F", "-", input=body)
        self.assertEqual(self.entry(path)["body"], body)
        self.ok("check")

    def test_large_body_from_stdin(self):
        body = ("Regel met tekst en een \"quote\" en \\.\n" * 20000)
        path = self.log("action", "Large", "-F", "-", input=body)
        self.assertEqual(self.entry(path)["body"], body)


class BodySourceTests(LogTestCase):
    def test_repeated_m_gives_paragraphs(self):
        path = self.log("action", "Paragraphs", "-m", "one", "-m", "two", "--message", "three")
        self.assertEqual(self.entry(path)["body"], "one\n\ntwo\n\nthree")

    def test_no_body(self):
        path = self.log("action", "No body")
        self.assertEqual(self.entry(path).get("body", ""), "")

    def test_F_stdin_empty(self):
        path = self.log("action", "Empty stdin", "-F", "-", input=b"")
        self.assertEqual(self.entry(path).get("body", ""), "")

    def test_F_relative_to_invocation_folder(self):
        sub = self.ws / "people"
        (sub / "notes.txt").write_text("relative body")
        result = self.ok("log", "action", "Relative -F", "-F", "notes.txt", cwd=sub)
        data = self.read(sub / result.out.strip())
        self.assertEqual(data["body"], "relative body")


class EditorTests(LogTestCase):
    def editor(self, body, name="editor.sh"):
        return str(self.write_script(name, body))

    def test_editor_text_becomes_the_body_without_comment_lines(self):
        editor = self.editor(
            'printf "First line\\n# a comment\\n\\nSecond \\"q\\" \\\\ line\\n#another\\n" > "$1"\n')
        path = self.log("match", "Edited", "-e", env={"EDITOR": editor})
        self.assertEqual(self.entry(path)["body"], 'First line\n\nSecond "q" \\ line')

    def test_editor_sees_the_m_text_and_the_hint(self):
        seen = self.tmp / "seen.txt"
        editor = self.editor(f'cp "$1" "{seen}"\nprintf "kept\\n" >> "$1"\n')
        path = self.log("match", "Prefilled", "-m", "from -m", "-e", env={"EDITOR": editor})
        self.assertIn("from -m", seen.read_text())
        self.assertIn("#", seen.read_text())
        self.assertEqual(self.entry(path)["body"], "from -m\nkept")

    def test_editor_template_speaks_the_workspace_language(self):
        seen = self.tmp / "seen.txt"
        editor = self.editor(f'cp "$1" "{seen}"\nprintf "tekst\n" > "$1"\n')
        self.log("lucifer", "Vergunning", "-e", env={"EDITOR": editor})
        self.assertEqual(seen.read_text(),
                         "\n# Schrijf op wat er gebeurde: lucifer 'Vergunning'\n"
                         "# Regels die met '#' beginnen tellen niet mee; een lege tekst breekt "
                         "af.\n")
        self.ok("meet", "Buurttafel", "-e", env={"EDITOR": editor})
        self.assertIn("# Schrijf over de ontmoeting 'Buurttafel'", seen.read_text())
        english = self.init("--lang", "en", path=self.tmp / "en")
        self.ok("log", "lucifer", "Permit", "-e", env={"EDITOR": editor}, cwd=english)
        self.assertEqual(seen.read_text(),
                         "\n# Write what happened: match 'Permit'\n"
                         "# Lines starting with '#' are ignored; an empty text cancels.\n")
        self.ok("meet", "Round table", "-e", env={"EDITOR": editor}, cwd=english)
        self.assertIn("# Write about the meeting 'Round table'", seen.read_text())

    def test_visual_wins_over_editor(self):
        visual = self.editor('printf "from visual\\n" > "$1"\n', "visual.sh")
        editor = self.editor('printf "from editor\\n" > "$1"\n')
        path = self.log("match", "Visual", "-e", env={"EDITOR": editor, "VISUAL": visual})
        self.assertEqual(self.entry(path)["body"], "from visual")

    def test_editor_with_arguments(self):
        script = self.editor('printf "%s\\n" "$1" > "$2"\n')
        path = self.log("match", "Args", "-e", env={"EDITOR": f"{script} from-argument"})
        self.assertEqual(self.entry(path)["body"], "from-argument")

    def test_editor_failure_saves_nothing(self):
        editor = self.editor('printf "text\\n" > "$1"\nexit 3\n')
        self.assertRejected(["log", "match", "Editor fails", "-e"], 1, "editor",
                            env={"EDITOR": editor})

    def test_empty_editor_text_saves_nothing(self):
        editor = self.editor('printf "# only a comment\\n\\n   \\n" > "$1"\n')
        self.assertRejected(["log", "match", "Editor empty", "-e"], 1, "empty",
                            env={"EDITOR": editor})

    def test_missing_editor_saves_nothing(self):
        result = self.assertRejected(["log", "match", "No editor", "-e"], 1,
                                     env={"EDITOR": str(self.tmp / "no-such-editor")})
        self.assertIn("editor", result.err)

    def test_editor_temp_file_is_removed(self):
        editor = self.editor('printf "x\\n" > "$1"\n')
        self.log("match", "Cleanup", "-e", env={"EDITOR": editor})
        leftovers = [p for p in self.home.iterdir() if p.name.startswith("spark-edit")]
        self.assertEqual(leftovers, [])


class DateTests(LogTestCase):
    def test_date_words(self):
        # TODAY is Sunday 1 March 2026.
        for word, expected in [("today", TODAY), ("vandaag", TODAY), ("Today ", TODAY),
                               ("yesterday", YESTERDAY), ("gisteren", YESTERDAY),
                               ("eergisteren", "2026-02-27"), ("2024-02-29", "2024-02-29"),
                               ("2026-12-31", "2026-12-31"), ("2026-1-1", "2026-01-01"),
                               ("2026/01/02", "2026-01-02"), ("30-11-2025", "2025-11-30"),
                               ("3-1-2026", "2026-01-03"), ("30/11/2025", "2025-11-30"),
                               ("28-02", "2026-02-28"), ("15-12", "2025-12-15"),
                               ("maandag", "2026-02-23"), ("zondag", "2026-02-22"),
                               ("Friday", "2026-02-27"), ("vorige week", "2026-02-16"),
                               ("last-week", "2026-02-16"), ("-3d", "2026-02-26"),
                               ("-2w", "2026-02-15")]:
            with self.subTest(word=word):
                path = self.log("fuel", f"Dated {word}", "--date", word)
                self.assertEqual(self.entry(path)["date"].isoformat(), expected)
                self.assertIn(f"/{expected}-dated-", path)

    def test_short_date_option(self):
        path = self.log("fuel", "Short", "-d", "2026-01-15")
        self.assertEqual(self.entry(path)["date"].isoformat(), "2026-01-15")

    def test_default_date_is_today(self):
        path = self.log("fuel", "Default")
        self.assertEqual(self.entry(path)["date"].isoformat(), TODAY)

    def test_bad_dates_are_usage_errors(self):
        for bad in ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                    "26-01-01", "30-11-26", "29-02", "11/30/2026", "tomorrow", "morgen", "",
                    "2026-01-01T10:00", "２０２６-01-01", "0000-01-01", "2026-03", "-3m"]:
            with self.subTest(date=bad):
                result = self.assertRejected(["log", "match", "Bad date", "--date", bad], 2,
                                             "date")
                self.assertIn(repr(bad)[1:-1] if bad else "date", result.err)

    def test_bad_dates_say_what_is_wrong_or_what_is_accepted(self):
        err = self.assertRejected(["log", "match", "T", "--date", "30-11-26"], 2).err
        self.assertIn("invalid date '30-11-26' for --date: write the year in full "
                      "(30-11-2026 or 30-11-1926)", err)
        err = self.assertRejected(["log", "match", "T", "--date", "11/30/2026"], 2).err
        self.assertIn("there is no month 30; spark reads the day first", err)
        err = self.assertRejected(["log", "match", "T", "--date", "morgen"], 2).err
        for form in ("YYYY-MM-DD", "DD-MM-YYYY", "DD/MM/YYYY", "DD-MM", "eergisteren",
                     "maandag", "vorige week", "last week", "-3d", "-2w"):
            self.assertIn(form, err)


class WithTests(LogTestCase):
    def setUp(self):
        super().setUp()
        self.jose = self.add_person("José Álvarez", "--group", "staff")
        self.anna_v = self.add_person("Anna de Vries")
        self.anna_b = self.add_person("Anna Bakker")
        self.joris = self.add_person("Joris Jansen")

    def people_of(self, *queries):
        args = []
        for q in queries:
            args += ["--with", q]
        path = self.log("spark", "With", *args)
        return self.entry(path)["people"]

    def test_resolution(self):
        cases = {
            self.jose: "id",
            "José Álvarez": "full name",
            "jose": "accent-insensitive prefix",
            "JOSÉ": "upper case",
            "José álvarez": "mixed case",
            "jose alvarez": "folded full name",
            "álvarez": "prefix of a later word",
            "anna de": "prefix with a space",
            "Anna Bakker": "full name among same first names",
            "jor": "prefix",
        }
        expected = {
            "anna de": self.anna_v, "Anna Bakker": self.anna_b, "jor": self.joris,
        }
        for query, why in cases.items():
            with self.subTest(query=query, why=why):
                self.assertEqual(self.people_of(query), [expected.get(query, self.jose)])

    def test_several_people_keep_their_order_and_repeats_collapse(self):
        self.assertEqual(self.people_of("joris", "jose", "José Álvarez", "anna b"),
                         [self.joris, self.jose, self.anna_b])

    def test_ambiguous_lists_the_candidates(self):
        result = self.assertRejected(["log", "spark", "Who?", "--with", "anna"], 1, "anna")
        self.assertIn(self.anna_v, result.err)
        self.assertIn(self.anna_b, result.err)
        result = self.assertRejected(["log", "spark", "Who?", "--with", "jo"], 1)
        self.assertIn(self.jose, result.err)
        self.assertIn(self.joris, result.err)

    def test_unknown_person(self):
        self.assertRejected(["log", "spark", "Who?", "--with", "Zeno"], 1, "Zeno")
        # One bad name among good ones still writes nothing.
        self.assertRejected(["log", "spark", "Who?", "--with", "jose", "--with", "Zeno"], 1,
                            "Zeno")

    def test_empty_person(self):
        for empty in ["", "   ", "\t"]:
            with self.subTest(person=empty):
                self.assertRejected(["log", "spark", "Who?", "--with", empty], 2)

    def test_near_miss_suggests(self):
        result = self.assertRejected(["log", "spark", "Who?", "--with", "Joris Janssen"], 1)
        self.assertIn(self.joris, result.err)

    def test_with_on_a_workspace_with_a_broken_person_file(self):
        (self.ws / "people" / "broken.toml").write_text('name = "unterminated\n')
        result = self.assertRejected(["log", "spark", "Who?", "--with", "jose"], 1)
        self.assertIn("people/broken.toml", result.err)


class BadInputTests(LogTestCase):
    def test_unknown_kind(self):
        for kind in ["bogus", "matches", "", "vonkje", "spark "]:
            with self.subTest(kind=kind):
                result = self.assertRejected(["log", kind, "Title"], 2, "kind")
                for listed in KINDS:
                    self.assertIn(listed, result.err)

    def test_empty_title(self):
        for title in ["", " ", "\t\n", "\n"]:
            with self.subTest(title=title):
                self.assertRejected(["log", "match", title], 2, "title")

    def test_missing_arguments(self):
        self.assertRejected(["log"], 2, "KIND")
        self.assertRejected(["log", "match"], 2, "TITLE")
        self.assertRejected(["log", "match", "T", "--date"], 2)
        self.assertRejected(["log", "match", "T", "--with"], 2)
        self.assertRejected(["log", "match", "T", "-m"], 2)
        self.assertRejected(["log", "match", "T", "-F"], 2)

    def test_extra_and_unknown_arguments(self):
        self.assertRejected(["log", "match", "T", "extra"], 2)
        self.assertRejected(["log", "match", "T", "--bogus"], 2, "--bogus")
        self.assertRejected(["log", "match", "T", "-Z"], 2)

    def test_non_utf8_arguments(self):
        bad = b"caf\xe9"
        for args in (["log", "match", bad], ["log", "match", "T", "-m", bad],
                     ["log", "match", "T", "--tag", bad], ["log", "match", "T", "--effect", bad],
                     ["log", "match", "T", "--with", bad], ["log", bad, "T"],
                     ["log", "match", "T", "--date", bad]):
            with self.subTest(args=args):
                self.assertRejected(args, 2)

    def test_non_utf8_title_message_names_it(self):
        self.assertRejected(["log", "match", b"\xff\xfe title"], 2, "title", "UTF-8")

    def test_non_utf8_body_from_file_or_stdin(self):
        source = self.tmp / "latin1.txt"
        source.write_bytes("café".encode("latin-1"))
        result = self.assertRejected(["log", "match", "T", "-F", source], 2, "UTF-8")
        self.assertIn("latin1.txt", result.err)
        self.assertRejected(["log", "match", "T", "-F", "-"], 2, "UTF-8",
                            input=b"\xc3\x28 broken")

    def test_overlong_and_surrogate_utf8_rejected(self):
        for bad in (b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"):
            with self.subTest(bytes=bad):
                self.assertRejected(["log", "match", b"t " + bad], 2, "UTF-8")

    def test_missing_body_file(self):
        self.assertRejected(["log", "match", "T", "-F", self.tmp / "nope.txt"], 1, "nope.txt")

    def test_body_file_is_a_folder(self):
        self.assertRejected(["log", "match", "T", "-F", self.tmp], 1)

    def test_m_and_F_together(self):
        self.assertRejected(["log", "match", "T", "-m", "a", "-F", "-"], 2, "-m", "-F",
                            input="x")

    def test_empty_tag(self):
        self.assertRejected(["log", "match", "T", "--tag", ""], 2, "tag")

    def test_bad_source_date_epoch(self):
        self.assertRejected(["log", "match", "T"], 2, "SOURCE_DATE_EPOCH",
                            env={"SOURCE_DATE_EPOCH": "yesterday"})

    def test_unreadable_log_folder(self):
        if os.geteuid() == 0:
            self.skipTest("root ignores permissions")
        folder = self.ws / "log"
        folder.chmod(0o555)
        self.addCleanup(folder.chmod, 0o755)
        result = self.spark("log", "match", "No permission")
        self.assertFails(result, 1, "log/")
        self.assertEqual(list(folder.iterdir()), [])


class FutureDateTests(LogTestCase):
    def test_a_date_after_today_is_saved_with_a_warning(self):
        result = self.ok("log", "action", "Gepland", "--date", "2026-03-31")
        self.assertIn("spark: warning: the date 2026-03-31 is 30 days from now", result.err)
        self.assertEqual(self.read(result.out.strip())["date"].isoformat(), "2026-03-31")
        result = self.ok("log", "action", "Vandaag", "--date", "today")
        self.assertEqual(result.err, "")


class CrashTests(LogTestCase):
    """SPARK_FAULT=<step> makes spark SIGKILL itself at that step of a write (lib/fault.cpp)."""

    STEPS = ["temporary-created", "partly-written", "temporary-synced", "published"]

    def test_killed_write_leaves_no_file_or_a_whole_one(self):
        self.anna = self.add_person("Anna de Vries")
        for step in self.STEPS:
            with self.subTest(step=step):
                before = set(self.record_files())
                result = self.spark("log", "match", f"Killed at {step}", "--with", "anna",
                                    "-m", "body " * 500, env={"SPARK_FAULT": step})
                self.assertEqual(result.code, -9, result.describe())
                new = set(self.record_files()) - before
                if step == "published":
                    self.assertEqual(len(new), 1)
                    data = self.read(new.pop())
                    self.assertEqual(data["title"], f"Killed at {step}")
                    self.assertEqual(data["body"], "body " * 500)
                else:
                    self.assertEqual(new, set(), "no record from a write killed early")
                # Leftover temporary files are at most a warning; the workspace stays valid.
                result = self.ok("check")
                self.assertNotIn("error", result.out)
        path = self.log("match", "After the crashes")
        self.assertEqual(self.read(path)["title"], "After the crashes")
        result = self.ok("people", "list")
        self.assertIn(self.anna, result.out)

    def test_killed_people_add(self):
        for step in self.STEPS:
            with self.subTest(step=step):
                result = self.spark("people", "add", f"Person {step}",
                                    env={"SPARK_FAULT": step})
                self.assertEqual(result.code, -9, result.describe())
                self.ok("check")
        people = self.record_files("people")
        self.assertEqual(len(people), 1, people)
        self.assertEqual(self.read(people[0])["name"], "Person published")


class ConcurrencyTests(SparkTestCase):
    def start_many(self, count, title):
        processes = [
            subprocess.Popen([sparktest.SPARK, "log", "match", title, "-m", f"body {i}"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, cwd=self.ws, env=self.environment())
            for i in range(count)
        ]
        results = []
        deadline = time.monotonic() + 60
        for p in processes:
            out, err = p.communicate(timeout=max(1, deadline - time.monotonic()))
            results.append((p.returncode, out.decode(), err.decode()))
        return results

    def check_twenty(self):
        results = self.start_many(20, "Tegelijk")
        for code, out, err in results:
            self.assertEqual(code, 0, err)
            self.assertEqual(err, "", "no warning expected")
        printed = sorted(out.strip() for _, out, _ in results)
        files = self.record_files()
        self.assertEqual(len(files), 20)
        self.assertEqual(printed, files)
        bodies = sorted(self.read(f)["body"] for f in files)
        self.assertEqual(bodies, sorted(f"body {i}" for i in range(20)))
        leftovers = [p for p in (self.ws / "log").rglob("*") if p.name.startswith(".")]
        self.assertEqual(leftovers, [])
        result = self.ok("check")
        self.assertEqual(result.out, "")

    def test_twenty_at_once_without_git(self):
        self.init(git=False)
        self.check_twenty()

    def test_twenty_at_once_with_git(self):
        if not sparktest.git_available():
            self.skipTest("git not installed")
        self.init(git=True)
        self.check_twenty()
        # Every entry committed, one commit each, nothing left staged or untracked.
        self.assertEqual(self.git("status", "--porcelain"), "")
        count = int(self.git("rev-list", "--count", "HEAD").strip())
        self.assertEqual(count, 21)


if __name__ == "__main__":
    sparktest.main()
