"""spark meet: every option, attendees and --new, the derived setting, newcomers (first
involvement), what check says about meetings, and bad input."""

import json
import pathlib
import re

import sparktest
from sparktest import TODAY, YESTERDAY, SparkTestCase

DIAGNOSTIC = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
                        r"(?P<severity>error|warning): (?P<message>.+)$", re.M)

MEETING_KEYS = ["date", "title", "setting", "place", "attendees", "questions", "dilemmas",
                "outcomes", "followups", "body"]


class MeetTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def meet(self, title, *extra, **kwargs):
        """Runs spark meet; returns (path, [(id, name) of newcomers], [added-person lines]).
        Data on stdout (the path, then newcomer lines), what spark did on stderr."""
        result = self.ok("meet", title, *extra, **kwargs)
        added = [line for line in result.err.splitlines() if line.startswith("added person ")]
        rest = result.out.splitlines()
        self.assertTrue(rest, result.describe())
        path = rest[0]
        self.assertRegex(path, r"^meetings/\d{4}/\d{4}-\d\d-\d\d-[^/\s]+\.toml$", result.describe())
        self.assertTrue((self.ws / path).is_file(), path)
        newcomers = []
        for line in rest[1:]:
            fields = line.split("\t")
            self.assertEqual(len(fields), 3, result.describe())
            self.assertEqual(fields[0], "newcomer", result.describe())
            newcomers.append((fields[1], fields[2]))
        return path, newcomers, added

    def meeting(self, path):
        return self.read(path)

    def newcomer_ids(self, *args, **kwargs):
        return [pid for pid, _ in self.meet(*args, **kwargs)[1]]

    def people_files(self):
        return self.record_files("people")

    def meeting_json(self, path):
        mid = pathlib.PurePath(path).stem
        return json.loads(self.ok("show", mid, "--json").out)


class BasicTests(MeetTestCase):
    def test_minimal_meeting(self):
        result = self.ok("meet", "Buurttafel Oost")
        path = result.out.strip()
        self.assertEqual(result.out, path + "\n", "only the path: no attendees, no newcomers")
        self.assertTrue(path.startswith(f"meetings/{sparktest.YEAR}/{TODAY}-buurttafel-oost-"),
                        path)
        data = self.meeting(path)
        self.assertEqual(data["date"].isoformat(), TODAY)
        self.assertEqual(data["title"], "Buurttafel Oost")
        self.assertNotIn("setting", data, "not given: derived when read")
        self.assertEqual(self.meeting_json(path)["setting"], "internal")
        self.assertEqual(data.get("attendees", []), [])
        self.assertEqual(data.get("body", ""), "")
        self.assertEqual(self.record_files("log"), [])

    def test_every_option(self):
        anna = self.add_person("Anna de Vries", "--group", "staff")
        karim = self.add_person("Karim El Idrissi", "--group", "initiator")
        path, newcomers, _ = self.meet(
            "Buurttafel Oost", "--date", "2026-02-14", "--with", "anna", "-w", "Karim",
            "--setting", "external", "--place", "Buurthuis De Linde",
            "--question", "Mag een bewoner zelf de speeltuin beheren?", "--question", "Wie betaalt?",
            "--dilemma", "Regels of ruimte?", "--dilemma", "Wie is eigenaar?",
            "--outcome", "Proef in maart", "--followup", "Anna belt de jurist",
            "--followup", "Karim zoekt buren", "-m", "Eerste alinea.", "-m", "Tweede alinea.")
        self.assertTrue(path.startswith("meetings/2026/2026-02-14-buurttafel-oost-"), path)
        data = self.meeting(path)
        self.assertEqual(data["date"].isoformat(), "2026-02-14")
        self.assertEqual(data["title"], "Buurttafel Oost")
        self.assertEqual(data["setting"], "external", "--setting wins over the derived one")
        self.assertEqual(data["place"], "Buurthuis De Linde")
        self.assertEqual(data["attendees"], [anna, karim])
        self.assertEqual(data["questions"], ["Mag een bewoner zelf de speeltuin beheren?",
                                             "Wie betaalt?"])
        self.assertEqual(data["dilemmas"], ["Regels of ruimte?", "Wie is eigenaar?"])
        self.assertEqual(data["outcomes"], ["Proef in maart"])
        self.assertEqual(data["followups"], ["Anna belt de jurist", "Karim zoekt buren"])
        self.assertEqual(data["body"], "Eerste alinea.\n\nTweede alinea.")
        # Keys in the contract's human order, body last.
        text = (self.ws / path).read_text()
        keys = [line.split(" =")[0] for line in text.splitlines()
                if re.match(r"^[a-z_]+ = ", line)]
        self.assertEqual(keys, [k for k in MEETING_KEYS if k in keys])
        self.assertEqual(keys[-1], "body")
        # Both were registered before, with no since: their first involvement is this
        # meeting.
        self.assertEqual(sorted(newcomers), sorted([(anna, "Anna de Vries"),
                                                    (karim, "Karim El Idrissi")]))
        self.ok("check")

    def test_short_options(self):
        anna = self.add_person("Anna de Vries")
        path, _, _ = self.meet("Kort", "-d", "2026-01-05", "-w", "anna", "-s", "mixed")
        data = self.meeting(path)
        self.assertEqual(data["date"].isoformat(), "2026-01-05")
        self.assertEqual(data["attendees"], [anna])
        self.assertEqual(data["setting"], "mixed")

    def test_date_words(self):
        for word, expected in [("today", TODAY), ("vandaag", TODAY), ("yesterday", YESTERDAY),
                               ("gisteren", YESTERDAY), ("2024-02-29", "2024-02-29")]:
            with self.subTest(word=word):
                path, _, _ = self.meet(f"Op {word}", "--date", word)
                self.assertEqual(self.meeting(path)["date"].isoformat(), expected)
                self.assertTrue(path.startswith(f"meetings/{expected[:4]}/{expected}-"), path)

    def test_text_round_trips(self):
        awkward = ['quote " and \\ backslash', "two\nlines", "tab\there", "🔥 é 漢字",
                   'triple """ quotes', "[not a table]", "# not a comment"]
        args = []
        for text in awkward:
            args += ["--question", text, "--dilemma", text, "--outcome", text,
                     "--followup", text]
        path, _, _ = self.meet('Titel "met" \\ vreemde 🔥 tekens', "--place", awkward[0],
                               "-m", awkward[1], *args)
        data = self.meeting(path)
        self.assertEqual(data["title"], 'Titel "met" \\ vreemde 🔥 tekens')
        self.assertEqual(data["place"], awkward[0])
        self.assertEqual(data["body"], awkward[1])
        for key in ["questions", "dilemmas", "outcomes", "followups"]:
            self.assertEqual(data[key], awkward, key)
        self.ok("check")

    def test_body_from_file_stdin_and_editor(self):
        source = self.tmp / "notes.txt"
        source.write_text("Uit een bestand\nmet twee regels\n")
        path, _, _ = self.meet("Uit bestand", "-F", source)
        self.assertEqual(self.meeting(path)["body"], "Uit een bestand\nmet twee regels\n")
        path, _, _ = self.meet("Uit stdin", "-F", "-", input="van stdin")
        self.assertEqual(self.meeting(path)["body"], "van stdin")
        editor = self.write_script("editor.sh", 'printf "Geschreven\\n# commentaar\\n" > "$1"\n')
        path, _, _ = self.meet("Met editor", "-e", env={"EDITOR": str(editor)})
        self.assertEqual(self.meeting(path)["body"], "Geschreven")

    def test_same_title_same_day_gives_two_files(self):
        first, _, _ = self.meet("Intervisie")
        second, _, _ = self.meet("Intervisie")
        self.assertNotEqual(first, second)
        self.assertEqual(len(self.record_files("meetings")), 2)

    def test_quiet_keeps_path_and_newcomers_but_not_the_added_line(self):
        result = self.ok("-q", "meet", "Stil", "--with", "Nieuwe Naam", "--new")
        lines = result.out.splitlines()
        self.assertEqual(len(lines), 2, result.describe())
        self.assertRegex(lines[0], r"^meetings/")
        self.assertRegex(lines[1], r"^newcomer\tnieuwe-naam-[a-z0-9]+\tNieuwe Naam$")
        self.assertEqual(result.err, "")

    def test_newcomer_name_on_one_line(self):
        result = self.ok("meet", "Vreemde naam", "--with", "Tab\tNaam", "--new", "-q")
        line = result.out.splitlines()[1]
        fields = line.split("\t")
        self.assertEqual(len(fields), 3, line)
        self.assertEqual(fields[2], "Tab Naam")


class SettingTests(MeetTestCase):
    def setUp(self):
        super().setUp()
        self.staff = self.add_person("Sanne Staf", "--group", "staff")
        self.director = self.add_person("Dirk Directeur", "--group", "director")
        self.resident = self.add_person("Rik Bewoner", "--group", "resident")
        self.partner = self.add_person("Pim Partner", "--group", "partner")
        self.nogroup = self.add_person("Geen Groep")

    def setting(self, *people, extra=()):
        """The setting `show --json` gives; the file holds it only when it was given."""
        args = []
        for p in people:
            args += ["--with", p]
        path, _, _ = self.meet("Setting", *args, *extra)
        stored = self.meeting(path).get("setting")
        shown = self.meeting_json(path)["setting"]
        if "--setting" in extra:
            self.assertEqual(stored, shown, "a given setting is stored")
        else:
            self.assertIsNone(stored, "a derived setting is not stored")
        return shown

    def test_derived_from_groups(self):
        cases = [
            ((self.staff,), "internal"),
            ((self.staff, self.director), "internal"),
            ((self.resident,), "external"),
            ((self.resident, self.partner), "external"),
            ((self.staff, self.resident), "mixed"),
            ((self.director, self.partner), "mixed"),
            # People without a group do not count.
            ((self.nogroup, self.resident), "external"),
            ((self.nogroup, self.staff), "internal"),
            ((self.nogroup,), "internal"),
            ((), "internal"),
        ]
        for people, expected in cases:
            with self.subTest(people=people):
                self.assertEqual(self.setting(*people), expected)

    def test_new_people_have_no_group_and_do_not_count(self):
        self.assertEqual(self.setting(self.resident, "Iemand Nieuws", extra=("--new",)),
                         "external")

    def test_derived_when_read_so_a_group_given_later_counts(self):
        path, _, _ = self.meet("Bewonersavond", "--date", "2026-02-10", "--with", "Rik Nieuw",
                               "--with", "Roos Nieuw", "--new")
        before = (self.ws / path).read_bytes()
        self.assertNotIn(b"setting", before)
        self.assertEqual(self.meeting_json(path)["setting"], "internal", "nobody has a group")
        report = self.ok("report", "--period", "2026-02", "--lang", "en").out
        self.assertIn("Setting: internal", report)
        for pid in [p for p in self.people_files() if "nieuw" in p]:
            self.ok("people", "set", pid.split("/")[1][:-len(".toml")], "--group", "resident")
        self.assertEqual((self.ws / path).read_bytes(), before, "the meeting file is untouched")
        self.assertEqual(self.meeting_json(path)["setting"], "external")
        report = self.ok("report", "--period", "2026-02", "--lang", "en").out
        self.assertIn("Setting: external", report)
        self.assertNotIn("Setting: internal", report)
        self.assertRegex(self.ok("show", pathlib.PurePath(path).stem).out,
                         r"\nsetting: +external \(from the attendees' groups\)\n")
        listed = json.loads(self.ok("list", "--kind", "meeting", "--json").out)
        self.assertEqual([m["setting"] for m in listed], ["external"])

    def test_a_stored_setting_is_kept_as_given(self):
        relative = "meetings/2026/2026-02-01-oud-aaaa.toml"
        (self.ws / relative).parent.mkdir(parents=True, exist_ok=True)
        (self.ws / relative).write_text('date = 2026-02-01\ntitle = "Oud"\nsetting = "internal"\n'
                                        f'attendees = ["{self.resident}"]\n')
        self.assertEqual(self.meeting_json(relative)["setting"], "internal",
                         "an older file's setting is treated as given")
        show = self.ok("show", "2026-02-01-oud-aaaa").out
        self.assertNotIn("from the attendees' groups", show)

    def test_explicit_setting_wins(self):
        for setting in ["internal", "external", "mixed"]:
            with self.subTest(setting=setting):
                self.assertEqual(
                    self.setting(self.staff, self.resident, extra=("--setting", setting)),
                    setting)

    def test_dutch_and_capitalised_settings_are_stored_in_english(self):
        for given, stored in [("intern", "internal"), ("extern", "external"),
                              ("gemengd", "mixed"), ("Internal", "internal")]:
            with self.subTest(setting=given):
                self.assertEqual(
                    self.setting(self.staff, self.resident, extra=("--setting", given)), stored)

    def test_unknown_setting_is_a_usage_error(self):
        for bad in ["bogus", "intenral", "internal ", ""]:
            with self.subTest(setting=bad):
                result = self.assertRejected(["meet", "Fout", "--setting", bad, "--with", "sanne"],
                                             2, "setting")
                for name in ["internal", "external", "mixed"]:
                    self.assertIn(name, result.err)
                if bad.strip():
                    self.assertIn(bad, result.err)


class AttendeeTests(MeetTestCase):
    def setUp(self):
        super().setUp()
        self.jose = self.add_person("José Álvarez", "--group", "staff")
        self.anna_v = self.add_person("Anna de Vries", "--group", "teamlead")
        self.anna_b = self.add_person("Anna Bakker", "--group", "resident")

    def attendees(self, *queries, extra=()):
        args = []
        for q in queries:
            args += ["--with", q]
        path, _, _ = self.meet("Wie", *args, *extra)
        return self.meeting(path)["attendees"]

    def test_names_resolved_like_log(self):
        for query in [self.jose, "José Álvarez", "jose", "JOSÉ", "jose alvarez", "álvarez"]:
            with self.subTest(query=query):
                self.assertEqual(self.attendees(query), [self.jose])
        self.assertEqual(self.attendees("anna de", "Anna Bakker"), [self.anna_v, self.anna_b])

    def test_same_person_repeated_is_stored_once(self):
        self.assertEqual(self.attendees("jose", "José Álvarez", self.jose, "JOSE", "anna b",
                                        "jose"),
                         [self.jose, self.anna_b])
        self.ok("check")

    def test_unknown_name_without_new_writes_nothing(self):
        result = self.assertRejected(["meet", "Onbekend", "--with", "Zeno Zomer"], 1,
                                     "Zeno Zomer", "--new")
        self.assertIn("unknown", result.err)
        # One unknown among known names: still nothing at all.
        self.assertRejected(["meet", "Onbekend", "--with", "jose", "--with", "Zeno Zomer",
                             "-m", "body"], 1, "Zeno Zomer")

    def test_unknown_name_lists_close_matches(self):
        result = self.assertRejected(["meet", "Bijna", "--with", "Anna de Vris"], 1,
                                     "Anna de Vris")
        self.assertIn(self.anna_v, result.err)
        result = self.assertRejected(["meet", "Bijna", "--with", "Jose Alvares"], 1)
        self.assertIn(self.jose, result.err)

    def test_unknown_name_with_several_close_matches_is_not_called_ambiguous(self):
        self.add_person("Anna Bakkes")
        result = self.assertRejected(["meet", "Bijna", "--with", "Anna Bakken"], 1,
                                     "Anna Bakken", "--new")
        self.assertNotIn("ambiguous", result.err)
        self.assertIn(self.anna_b, result.err)

    def test_ambiguous_name_lists_candidates_even_with_new(self):
        for extra in ([], ["--new"]):
            with self.subTest(extra=extra):
                result = self.assertRejected(["meet", "Wie?", "--with", "anna", *extra], 1,
                                             "ambiguous")
                self.assertIn(self.anna_v, result.err)
                self.assertIn(self.anna_b, result.err)

    def test_empty_with_is_a_usage_error(self):
        for empty in ["", "  ", "\t"]:
            with self.subTest(person=empty):
                self.assertRejected(["meet", "Leeg", "--with", empty], 2, "--with")

    def test_a_thousand_attendees_by_name(self):
        # A large event imported from a list, everyone named by full name (some twice).
        # Each lookup is a few binary searches (tests/unit/test_people.cpp counts them).
        ids = []
        for i in range(1000):
            pid = f"bezoeker-{i:04}-x1y2"
            (self.ws / "people" / f"{pid}.toml").write_text(f'name = "Bezoeker {i:04}"\n')
            ids.append(pid)
        args = []
        for i in range(1000):
            args += ["--with", f"Bezoeker {i:04}"]
        args += ["--with", "bezoeker 0007", "--with", ids[42]]
        lines = self.ok("meet", "Open dag", *args).out.splitlines()
        self.assertEqual(self.meeting(lines[0])["attendees"], ids)
        self.assertEqual(len(lines), 1 + 1000)  # the path, then every attendee as newcomer

    def test_broken_person_file_is_named(self):
        (self.ws / "people" / "kapot-aaaa.toml").write_text('name = "Kapot\n')
        result = self.assertRejected(["meet", "Kapot", "--with", "jose"], 1,
                                     "people/kapot-aaaa.toml")
        self.assertRegex(result.err, r"people/kapot-aaaa\.toml:\d+:\d+: error: ")


class NewPeopleTests(MeetTestCase):
    def setUp(self):
        super().setUp()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--since", "2026-01-01")

    def test_new_creates_a_person_per_unknown_name(self):
        before = set(self.people_files())
        result = self.ok("meet", "Buurttafel", "--date", "2026-02-10", "--with", "anna",
                         "--with", "Karim El Idrissi", "--with", "Fatma Yilmaz", "--new")
        added_files = sorted(set(self.people_files()) - before)
        self.assertEqual(len(added_files), 2, added_files)
        by_name = {}
        for f in added_files:
            data = self.read(f)
            by_name[data["name"]] = (pathlib.PurePath(f).stem, data)
        self.assertEqual(set(by_name), {"Karim El Idrissi", "Fatma Yilmaz"})
        for name, (pid, data) in by_name.items():
            with self.subTest(name=name):
                self.assertNotIn("since", data, "the meeting is their first record")
                self.assertNotIn("group", data, "group is left empty")
                self.assertNotIn("invited_by", data)
                self.assertIn(f"added person '{name}' (people/{pid}.toml)", result.err)
                self.assertNotIn("added person", result.out)
        lines = result.out.splitlines()
        meeting_lines = [line for line in lines if line.startswith("meetings/")]
        self.assertEqual(len(meeting_lines), 1, result.describe())
        path = meeting_lines[0]
        karim = by_name["Karim El Idrissi"][0]
        fatma = by_name["Fatma Yilmaz"][0]
        self.assertEqual(self.meeting(path)["attendees"], [self.anna, karim, fatma])
        newcomers = [line for line in lines if line.startswith("newcomer\t")]
        self.assertEqual(newcomers, [f"newcomer\t{karim}\tKarim El Idrissi",
                                     f"newcomer\t{fatma}\tFatma Yilmaz"])
        # The newcomer lines come after the path.
        self.assertLess(lines.index(path), lines.index(newcomers[0]))
        self.assertEqual(lines, [path, *newcomers], "stdout holds data only")
        self.ok("check")

    def test_new_with_only_known_names_adds_nobody(self):
        before = self.people_files()
        path, newcomers, added = self.meet("Bekend", "--with", "anna", "--new")
        self.assertEqual(self.people_files(), before)
        self.assertEqual(added, [])
        self.assertEqual(self.meeting(path)["attendees"], [self.anna])

    def test_new_with_the_same_name_twice_adds_one_person(self):
        before = set(self.people_files())
        path, newcomers, added = self.meet("Dubbel", "--with", "Zeno Zomer", "--with",
                                           "Zeno Zomer", "--with", "zeno zomer", "--with",
                                           "ZENO  ZOMER", "--new")
        added_files = sorted(set(self.people_files()) - before)
        self.assertEqual(len(added_files), 1, added_files)
        self.assertEqual(len(added), 1, added)
        zeno = pathlib.PurePath(added_files[0]).stem
        self.assertEqual(self.meeting(path)["attendees"], [zeno])
        self.assertEqual(newcomers, [(zeno, "Zeno Zomer")])
        result = self.ok("check")
        self.assertNotIn("same name", result.out + result.err)

    def test_new_refuses_a_name_close_to_known_people(self):
        # A near-miss is far more often a typo than a new person: --new does not guess.
        self.add_person("Anna Bakker")
        self.add_person("Anna Bakkes")
        result = self.assertRejected(["meet", "Bijna", "--with", "Anna Bakken", "--new"], 1,
                                     "did you mean", "Anna Bakker", "Anna Bakkes",
                                     'spark people add "Anna Bakken"')
        # Added deliberately, the new person is then found by their exact name.
        self.add_person("Anna Bakken", "--force")
        path, newcomers, added = self.meet("Bijna", "--with", "Anna Bakken", "--new")
        self.assertEqual(added, [])
        self.assertEqual(self.read(path)["title"], "Bijna")

    def test_new_refuses_a_typo_of_a_first_name(self):
        self.add_person("Anouk Verbeek")
        self.assertRejected(["meet", "Typo", "--with", "anuk", "--new"], 1, "Anouk Verbeek")

    def test_new_does_not_write_when_another_name_is_ambiguous(self):
        self.add_person("Anna Bakker")
        self.assertRejected(["meet", "Half", "--with", "Nieuw Mens", "--with", "anna", "--new"],
                            1, "ambiguous")

    def test_new_does_not_write_when_the_body_cannot_be_read(self):
        self.assertRejected(["meet", "Half", "--with", "Nieuw Mens", "--new",
                             "-F", self.tmp / "missing.txt"], 1, "missing.txt")

    def test_new_with_bad_date_writes_nothing(self):
        self.assertRejected(["meet", "Half", "--with", "Nieuw Mens", "--new",
                             "--date", "2026-02-30"], 2, "2026-02-30")

    def test_new_person_is_found_by_name_afterwards(self):
        path, newcomers, _ = self.meet("Eerste", "--with", "Karim El Idrissi", "--new")
        (karim, _), = newcomers
        path2, newcomers2, added = self.meet("Tweede", "--with", "karim")
        self.assertEqual(added, [])
        self.assertEqual(self.meeting(path2)["attendees"], [karim])
        self.assertEqual(newcomers2, [], "only the first meeting counts")

    def test_new_commits_person_and_meeting_together(self):
        if not sparktest.git_available():
            self.skipTest("git not installed")
        ws = self.init(git=True, path=self.tmp / "gitws")
        result = self.ok("meet", "Met git", "--with", "Karim El Idrissi", "--new", cwd=ws)
        self.assertEqual(self.git("status", "--porcelain", cwd=ws), "")
        files = self.git("show", "--name-only", "--format=%s", "HEAD", cwd=ws).split()
        meeting = [line for line in result.out.splitlines() if line.startswith("meetings/")][0]
        self.assertIn(meeting, files)
        self.assertTrue(any(f.startswith("people/karim-el-idrissi-") for f in files), files)
        subject = self.git("log", "-1", "--format=%s", cwd=ws).strip()
        self.assertIn("Met git", subject)


class SameTitleTests(MeetTestCase):
    """A meeting with the same title on the same day is most often one recorded twice: meet
    says so, and still writes it."""

    def test_same_title_same_day_warns_and_writes(self):
        first, _, _ = self.meet("Buurttafel Oost", "--date", "2026-02-10")
        result = self.ok("meet", "buurttafel  OOST", "--date", "2026-02-10")
        second = result.out.splitlines()[0]
        self.assertNotEqual(first, second)
        self.assertTrue((self.ws / second).is_file(), "written anyway")
        self.assertEqual(len(self.record_files("meetings")), 2)
        first_id = pathlib.PurePath(first).stem
        second_id = pathlib.PurePath(second).stem
        self.assertIn("spark: warning: a meeting with the same title on 2026-02-10", result.err)
        self.assertIn(first_id, result.err)
        self.assertIn(f"spark rm {second_id}", result.err)
        self.assertNotIn("warning", result.out)

    def test_other_day_or_other_title_is_no_warning(self):
        self.meet("Buurttafel Oost", "--date", "2026-02-10")
        for title, date in [("Buurttafel Oost", "2026-02-11"), ("Buurttafel West", "2026-02-10")]:
            with self.subTest(title=title, date=date):
                result = self.ok("meet", title, "--date", date)
                self.assertNotIn("same title", result.err)

    def test_an_entry_with_the_title_is_no_warning(self):
        self.log("action", "Buurttafel Oost", "--date", "2026-02-10")
        self.assertNotIn("same title", self.ok("meet", "Buurttafel Oost", "--date",
                                               "2026-02-10").err)


class NewGroupTests(MeetTestCase):
    """--new-group and --invited-by for the people --new adds; the hint for people left
    without a group, and check's warning about them."""

    def setUp(self):
        super().setUp()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--since", "2026-01-01")

    def added(self, result):
        """{name: (id, data)} of the people a meet run added."""
        found = {}
        for line in result.err.splitlines():
            match = re.match(r"^added person '(.+)' \((people/(.+)\.toml)\)$", line)
            if match:
                found[match.group(1)] = (match.group(3), self.read(match.group(2)))
        return found

    def test_new_people_get_the_group_and_inviter(self):
        result = self.ok("meet", "Bewonersavond", "--with", "anna", "--with", "Karim El Idrissi",
                         "--with", "Fatma Yilmaz", "--new", "--new-group", "bewoner",
                         "--invited-by", "Anna")
        added = self.added(result)
        self.assertEqual(set(added), {"Karim El Idrissi", "Fatma Yilmaz"})
        for name, (_, data) in added.items():
            with self.subTest(name=name):
                self.assertEqual(data["group"], "resident", "the Dutch word is stored in English")
                self.assertEqual(data["invited_by"], self.anna)
                self.assertNotIn("since", data)
        self.assertNotIn("people set", result.err, "everyone has a group: nothing to suggest")
        self.assertEqual(self.read(f"people/{self.anna}.toml")["group"], "staff",
                         "people already known are left as they are")
        check = self.ok("check")
        self.assertNotIn("no group", check.out + check.err)

    def test_people_added_without_a_group_are_listed_with_the_command(self):
        result = self.ok("meet", "Buurttafel", "--with", "anna", "--with", "Karim El Idrissi",
                         "--with", "Fatma Yilmaz", "--new")
        added = self.added(result)
        lines = result.err.splitlines()
        commands = [line.strip() for line in lines if "spark people set" in line]
        self.assertEqual(sorted(commands),
                         sorted(f"spark people set {pid} --group GROUP"
                                for pid, _ in added.values()))
        self.assertIn("2 new people without a group", result.err)
        self.assertIn("resident", result.err, "the groups to choose from")
        self.assertEqual(lines[-1].strip(), commands[-1], "at the end of the output")
        self.assertNotIn("people set", result.out, "stdout keeps the path and newcomers")
        quiet = self.ok("-q", "meet", "Stil", "--with", "Zeno Zomer", "--new")
        self.assertEqual(quiet.err, "")

        check = self.ok("check")
        output = check.out + check.err
        for pid, _ in added.values():
            with self.subTest(pid=pid):
                self.assertIn(f"people/{pid}.toml:1:1: warning: '{pid}' has no group", output)
                self.assertIn(f"spark people set {pid} --group GROUP", output)
        # The command it suggests is the fix.
        pid = next(iter(added.values()))[0]
        self.ok("people", "set", pid, "--group", "resident")
        self.assertNotIn(f"'{pid}' has no group", self.ok("check").err)

    def test_a_known_name_without_a_group_is_not_listed(self):
        self.add_person("Geen Groep")
        result = self.ok("meet", "Koffie", "--with", "Geen Groep", "--with", "Nieuw Mens",
                         "--new", "--new-group", "staff")
        self.assertNotIn("people set", result.err)

    def test_an_unknown_group_writes_nothing(self):
        for bad in ["bogus", "bewoners ", ""]:
            with self.subTest(group=bad):
                result = self.assertRejected(["meet", "Fout", "--with", "Nieuw Mens", "--new",
                                              "--new-group", bad], 2, "--new-group"
                                             if not bad.strip() else f"unknown group '{bad}'")
                if bad.strip():
                    self.assertIn("resident", result.err)

    def test_an_unknown_or_ambiguous_inviter_writes_nothing(self):
        self.assertRejected(["meet", "Fout", "--with", "Nieuw Mens", "--new",
                             "--invited-by", "Niemand Bekend"], 1, "Niemand Bekend")
        self.add_person("Anna Bakker", "--group", "staff")
        self.assertRejected(["meet", "Fout", "--with", "Nieuw Mens", "--new",
                             "--invited-by", "anna"], 1, "ambiguous")
        self.assertRejected(["meet", "Fout", "--with", "Nieuw Mens", "--new",
                             "--invited-by", ""], 2, "--invited-by")

    def test_the_new_options_need_new(self):
        for extra in (["--new-group", "resident"], ["--invited-by", "anna"]):
            with self.subTest(extra=extra):
                self.assertRejected(["meet", "Fout", "--with", "anna", *extra], 2, "--new")


class NewcomerTests(MeetTestCase):
    """Newcomers: attendees whose first involvement (earliest of since, any entry, any
    meeting) is this meeting."""

    def test_first_meeting_only(self):
        _, first, _ = self.meet("Eerste", "--date", "2026-01-10", "--with", "Karim", "--new")
        self.assertEqual([n for _, n in first], ["Karim"])
        _, second, _ = self.meet("Tweede", "--date", "2026-01-20", "--with", "karim")
        self.assertEqual(second, [])

    def test_since_on_the_meeting_day_is_a_newcomer(self):
        anna = self.add_person("Anna de Vries", "--since", TODAY)
        self.assertEqual(self.newcomer_ids("Vandaag", "--with", "anna"), [anna])

    def test_registered_without_since_is_a_newcomer_at_a_meeting_before_today(self):
        anna = self.add_person("Anna de Vries")
        self.assertEqual(self.newcomer_ids("Vorige maand", "--with", "anna", "--date",
                                           "2026-02-01"), [anna])

    def test_since_before_the_meeting_is_not_a_newcomer(self):
        self.add_person("Anna de Vries", "--since", "2026-01-01")
        self.assertEqual(self.newcomer_ids("Later", "--with", "anna", "--date", "2026-02-01"), [])

    def test_meeting_before_since_is_a_newcomer_and_check_warns(self):
        anna = self.add_person("Anna de Vries", "--since", "2026-02-01")
        path, newcomers, _ = self.meet("Vroeg", "--with", "anna", "--date", "2026-01-15")
        self.assertEqual([pid for pid, _ in newcomers], [anna])
        result = self.ok("check")
        output = result.out + result.err
        self.assertIn(path, output)
        self.assertIn("warning", output)
        self.assertIn(anna, output)
        self.assertIn("2026-02-01", output)
        people = {p["id"]: p for p in json.loads(self.ok("people", "list", "--json").out)}
        self.assertEqual(people[anna]["first_involvement"], "2026-01-15")

    def test_an_earlier_entry_means_not_a_newcomer(self):
        self.add_person("Anna de Vries", "--since", "2026-02-01")
        self.log("spark", "Begin", "--with", "anna", "--date", "2026-01-05")
        self.assertEqual(self.newcomer_ids("Daarna", "--with", "anna", "--date", "2026-01-20"),
                         [])

    def test_an_earlier_meeting_recorded_later_takes_the_newcomer(self):
        anna = self.add_person("Anna de Vries", "--since", "2026-03-01")
        later, newcomers, _ = self.meet("Later", "--with", "anna", "--date", "2026-02-20")
        self.assertEqual([pid for pid, _ in newcomers], [anna])
        earlier, newcomers, _ = self.meet("Eerder", "--with", "anna", "--date", "2026-02-01")
        self.assertEqual([pid for pid, _ in newcomers], [anna])
        self.assertEqual(self.meeting_json(later)["newcomers"], [])
        self.assertEqual(self.meeting_json(earlier)["newcomers"], [anna])

    def test_two_meetings_on_the_first_day_count_once(self):
        self.add_person("Anna de Vries", "--since", "2026-03-01")
        a, _, _ = self.meet("Ochtend", "--with", "anna", "--date", "2026-02-01")
        b, _, _ = self.meet("Middag", "--with", "anna", "--date", "2026-02-01")
        counts = [len(self.meeting_json(p)["newcomers"]) for p in (a, b)]
        self.assertEqual(sorted(counts), [0, 1])
        listed = json.loads(self.ok("list", "--kind", "meeting", "--json").out)
        self.assertEqual(sum(len(m["newcomers"]) for m in listed), 1)

    def test_mixed_newcomers_and_regulars(self):
        anna = self.add_person("Anna de Vries", "--since", "2026-01-01")
        bob = self.add_person("Bob Bakker", "--since", "2026-02-10")
        path, newcomers, _ = self.meet("Gemengd", "--date", "2026-02-10", "--with", "bob",
                                       "--with", "anna", "--with", "Cees Nieuw", "--new")
        ids = [pid for pid, _ in newcomers]
        self.assertEqual(len(ids), 2, newcomers)
        self.assertEqual(ids[0], bob, "in attendee order")
        self.assertNotIn(anna, ids)
        self.assertTrue(ids[1].startswith("cees-nieuw-"), ids)


class CheckTests(MeetTestCase):
    def setUp(self):
        super().setUp()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--since", "2026-01-01")

    def write(self, relative, text):
        path = self.ws / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return relative

    def diagnostics(self, result):
        return [m.groupdict() for m in DIAGNOSTIC.finditer(result.out + result.err)]

    def test_meeting_without_attendees_is_allowed_but_check_warns(self):
        path, _, _ = self.meet("Niemand")
        result = self.ok("check")
        # A file-level warning: the path, perhaps without a position.
        found = [line for line in (result.out + result.err).splitlines()
                 if line.startswith(path + ":")]
        self.assertEqual(len(found), 1, result.describe())
        self.assertRegex(found[0], r"^[^:]+(:\d+:\d+)?: warning: .*attendees")
        self.assertRegex(result.err, r"\b0 errors, 1 warning")

    def test_hand_edited_unknown_attendee(self):
        relative = self.write("meetings/2026/2026-01-20-met-de-hand-aaaa.toml",
                              'date = 2026-01-20\ntitle = "Met de hand"\nsetting = "mixed"\n'
                              f'attendees = [\n    "{self.anna}",\n    "spook-zzzz",\n]\n')
        before = self.snapshot()
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        self.assertIn("spark: error:", result.err)
        self.assertUnchanged(before)
        errors = [d for d in self.diagnostics(result) if d["severity"] == "error"]
        self.assertEqual(len(errors), 1, result.describe())
        self.assertEqual(errors[0]["path"], relative)
        self.assertEqual(errors[0]["line"], "6")
        self.assertIn("spook-zzzz", errors[0]["message"])
        # Other commands still read it and show the stored id.
        lines = self.ok("list").out.splitlines()
        self.assertEqual(lines, [f"2026-01-20\tmeeting\t2026-01-20-met-de-hand-aaaa\t"
                                 f"Met de hand\t{self.anna},spook-zzzz"])

    def test_attendee_before_since_is_a_warning_with_position(self):
        relative = self.write("meetings/2025/2025-12-01-vroeg-aaaa.toml",
                              'date = 2025-12-01\ntitle = "Vroeg"\n'
                              f'attendees = ["{self.anna}"]\n')
        result = self.ok("check")
        found = [d for d in self.diagnostics(result) if d["path"] == relative]
        self.assertEqual(len(found), 1, result.describe())
        self.assertEqual(found[0]["severity"], "warning")
        self.assertEqual(found[0]["line"], "3")
        self.assertIn(self.anna, found[0]["message"])
        self.assertIn("since", found[0]["message"])

    def test_attendee_listed_twice_by_hand_is_a_warning(self):
        relative = self.write("meetings/2026/2026-01-20-twee-keer-aaaa.toml",
                              'date = 2026-01-20\ntitle = "Twee keer"\n'
                              f'attendees = ["{self.anna}", "{self.anna}"]\n')
        result = self.ok("check")
        found = [d for d in self.diagnostics(result) if d["path"] == relative]
        self.assertTrue(any("twice" in d["message"] for d in found), result.describe())

    def test_unknown_setting_in_a_file(self):
        relative = self.write("meetings/2026/2026-01-20-raar-aaaa.toml",
                              'date = 2026-01-20\ntitle = "Raar"\nsetting = "online"\n')
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        errors = [d for d in self.diagnostics(result) if d["path"] == relative]
        self.assertTrue(errors, result.describe())
        self.assertEqual(errors[0]["line"], "3")
        self.assertIn("online", errors[0]["message"])
        self.assertRejected(["list"], 1, relative)
        self.assertRejected(["meet", "Nog een"], 1, relative)


class BadInputTests(MeetTestCase):
    def test_missing_and_empty_title(self):
        self.assertRejected(["meet"], 2, "TITLE")
        for title in ["", "  ", "\n"]:
            with self.subTest(title=title):
                self.assertRejected(["meet", title], 2, "title")

    def test_missing_option_values(self):
        for option in ["--date", "--with", "--setting", "--place", "--question", "--dilemma",
                       "--outcome", "--followup", "-m", "-F"]:
            with self.subTest(option=option):
                self.assertRejected(["meet", "T", option], 2)

    def test_empty_list_items(self):
        for option in ["--question", "--dilemma", "--outcome", "--followup"]:
            with self.subTest(option=option):
                self.assertRejected(["meet", "T", option, " "], 2, option)

    def test_unknown_and_extra_arguments(self):
        self.assertRejected(["meet", "T", "extra"], 2)
        self.assertRejected(["meet", "T", "--bogus"], 2, "--bogus")
        self.assertRejected(["meet", "T", "--tag", "x"], 2, "--tag")

    def test_bad_dates(self):
        for bad in ["2026-02-30", "2026-13-01", "tomorrow", "30-11-26", "31-04", ""]:
            with self.subTest(date=bad):
                self.assertRejected(["meet", "T", "--date", bad], 2, "date")

    def test_non_utf8(self):
        bad = b"caf\xe9"
        for args in (["meet", bad], ["meet", "T", "--place", bad], ["meet", "T", "--question", bad],
                     ["meet", "T", "--dilemma", bad], ["meet", "T", "--outcome", bad],
                     ["meet", "T", "--followup", bad], ["meet", "T", "--with", bad, "--new"],
                     ["meet", "T", "-m", bad], ["meet", "T", "--setting", bad]):
            with self.subTest(args=args):
                self.assertRejected(args, 2)

    def test_m_and_F_together(self):
        self.assertRejected(["meet", "T", "-m", "a", "-F", "-"], 2, "-m", "-F", input="x")

    def test_outside_a_workspace(self):
        outside = self.tmp / "elders"
        outside.mkdir()
        result = self.spark("meet", "Nergens", cwd=outside)
        self.assertFails(result, 1)
        self.assertEqual(list(outside.iterdir()), [])


if __name__ == "__main__":
    sparktest.main()
