"""spark show ID: one entry, meeting or person, found by exact id, unique id prefix, the part
after the date, or (a person) by name; readable text or --json; unknown and ambiguous ids
list the candidates."""

import json
import pathlib
import shutil
import tempfile

import sparktest
from sparktest import SparkTestCase


def stem(path):
    return pathlib.PurePath(path).stem


# One fixture workspace per run, copied for each test: far faster than building it each time.
_FIXTURES = {}


class ShowTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        fixture = _FIXTURES.get("show")
        if fixture is None:
            self.init()
            self.build()
            keep = tempfile.TemporaryDirectory(prefix="spark-e2e-fixture-")
            shutil.copytree(self.ws, pathlib.Path(keep.name) / "ws", symlinks=True,
                            ignore=shutil.ignore_patterns(".spark"))
            names = ["anna", "karim", "joris", "entry_path", "entry", "meeting_path", "meeting",
                     "fatma"]
            fixture = _FIXTURES["show"] = (keep, {n: getattr(self, n) for n in names})
        else:
            shutil.copytree(pathlib.Path(fixture[0].name) / "ws", self.ws, symlinks=True)
            for name, value in fixture[1].items():
                setattr(self, name, value)

    def build(self):
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                    "--since", "2026-01-01", "--department", "Wijkzaken")
        self.karim = self.add_person("Karim El Idrissi", "--group", "initiator",
                                     "--invited-by", "anna", "--since", "2026-02-01")
        self.joris = self.add_person("Joris Jansen", "--invited-by", "anna",
                                     "--since", "2026-01-15")
        self.entry_path = self.log("lucifer", "Vergunning in een week", "--date", "2026-02-12",
                                   "--with", "anna", "--with", "karim", "--tag", "vergunning",
                                   "--effect", "van 8 naar 1 week", "-m", "Zo deden we het.")
        self.entry = stem(self.entry_path)
        result = self.ok("meet", "Buurttafel Oost", "--date", "2026-02-10", "--with", "anna",
                         "--with", "Fatma Yilmaz", "--new", "--setting", "mixed",
                         "--place", "Buurthuis De Linde", "--question", "Wie beheert de tuin?",
                         "--dilemma", "Regels of ruimte?", "--outcome", "Proef in maart",
                         "--followup", "Anna belt de jurist", "-m", "Verslag van de avond.")
        self.meeting_path = [line for line in result.out.splitlines()
                             if line.startswith("meetings/")][0]
        self.meeting = stem(self.meeting_path)
        self.fatma = [line.split("\t")[1] for line in result.out.splitlines()
                      if line.startswith("newcomer\t")][0]

    def show(self, *args):
        result = self.ok("show", *args)
        self.assertEqual(result.err, "", result.describe())
        return result.out

    def show_json(self, *args):
        return json.loads(self.show(*args, "--json"))


class EntryTests(ShowTestCase):
    def test_readable_entry(self):
        out = self.show(self.entry)
        for text in ["2026-02-12", "match", "Vergunning in een week", self.entry,
                     self.entry_path, "Anna de Vries", "Karim El Idrissi", "vergunning",
                     "van 8 naar 1 week", "Zo deden we het."]:
            self.assertIn(text, out)

    def test_entry_json_has_every_field(self):
        data = self.show_json(self.entry)
        self.assertEqual(data["id"], self.entry)
        self.assertEqual(data["path"], self.entry_path)
        stored = self.read(self.entry_path)
        for key, value in stored.items():
            if key == "date":
                value = value.isoformat()
            self.assertEqual(data[key], value, key)
        self.assertEqual(data["kind"], "match")
        self.assertEqual(data["people"], [self.anna, self.karim])
        self.assertEqual(data["tags"], ["vergunning"])
        self.assertEqual(data["effect"], "van 8 naar 1 week")

    def test_ways_to_name_an_entry(self):
        for query in [self.entry, self.entry[:-2], "2026-02-12-verg", "vergunning",
                      "vergunning-in-een-week", self.entry[len("2026-02-12-"):]]:
            with self.subTest(query=query):
                self.assertEqual(self.show_json(query)["id"], self.entry)

    def test_entry_json_matches_list_json(self):
        listed = {i["id"]: i for i in json.loads(self.ok("list", "--json").out)}
        self.assertEqual(self.show_json(self.entry), listed[self.entry])

    def test_awkward_text(self):
        title = 'Quote " back \\ tab \t nl \n 🔥 <b>'
        eid = stem(self.log("fuel", title, "--effect", title, "-m", title))
        data = self.show_json(eid)
        self.assertEqual((data["title"], data["effect"], data["body"]), (title, title, title))
        self.assertIn("🔥", self.show(eid))


class MeetingTests(ShowTestCase):
    def test_readable_meeting(self):
        out = self.show(self.meeting)
        for text in ["2026-02-10", "meeting", "Buurttafel Oost", self.meeting,
                     self.meeting_path, "mixed", "Buurthuis De Linde", "Anna de Vries",
                     "Fatma Yilmaz", "Wie beheert de tuin?", "Regels of ruimte?",
                     "Proef in maart", "Anna belt de jurist", "Verslag van de avond."]:
            self.assertIn(text, out)
        newcomer_lines = [line for line in out.splitlines() if "newcomer" in line.lower()]
        self.assertEqual(len(newcomer_lines), 1, out)
        self.assertIn("Fatma Yilmaz", newcomer_lines[0])
        self.assertNotIn("Anna", newcomer_lines[0])

    def test_meeting_json(self):
        data = self.show_json("buurttafel")
        self.assertEqual(data["id"], self.meeting)
        self.assertEqual(data["path"], self.meeting_path)
        self.assertEqual(data["kind"], "meeting")
        self.assertEqual(data["date"], "2026-02-10")
        self.assertEqual(data["title"], "Buurttafel Oost")
        self.assertEqual(data["setting"], "mixed")
        self.assertEqual(data["place"], "Buurthuis De Linde")
        self.assertEqual(data["attendees"], [self.anna, self.fatma])
        self.assertEqual(data["questions"], ["Wie beheert de tuin?"])
        self.assertEqual(data["dilemmas"], ["Regels of ruimte?"])
        self.assertEqual(data["outcomes"], ["Proef in maart"])
        self.assertEqual(data["followups"], ["Anna belt de jurist"])
        self.assertEqual(data["body"], "Verslag van de avond.")
        self.assertEqual(data["newcomers"], [self.fatma])
        stored = self.read(self.meeting_path)
        for key, value in stored.items():
            if key == "date":
                value = value.isoformat()
            self.assertEqual(data[key], value, key)

    def test_meeting_without_attendees(self):
        result = self.ok("meet", "Leeg", "--date", "2026-02-20")
        mid = stem(result.out.strip())
        data = self.show_json(mid)
        self.assertEqual((data["attendees"], data["newcomers"]), ([], []))
        self.assertIn("Leeg", self.show(mid))

    def test_meeting_with_a_hand_written_unknown_attendee(self):
        path = self.ws / "meetings" / "2026" / "2026-02-21-hand-aaaa.toml"
        path.write_text('date = 2026-02-21\ntitle = "Hand"\nattendees = ["spook-zzzz"]\n')
        self.assertIn("spook-zzzz", self.show("hand"))
        self.assertEqual(self.show_json("hand")["attendees"], ["spook-zzzz"])


class PersonTests(ShowTestCase):
    def test_ways_to_name_a_person(self):
        for query in [self.anna, "anna", "Anna de Vries", "ANNA DE VRIES", "anna de",
                      "vries", "Karim El Idrissi", "idrissi", "fatma"]:
            with self.subTest(query=query):
                data = self.show_json(query)
                self.assertIn(data["id"], (self.anna, self.karim, self.fatma))
                self.assertEqual(data["id"] == self.anna,
                                 "anna" in query.lower() or "vries" in query.lower())

    def test_readable_person_shows_what_they_took_part_in_and_who_they_invited(self):
        out = self.show("anna")
        for text in ["Anna de Vries", self.anna, "staff", "spark", "Wijkzaken", "2026-01-01",
                     "Karim El Idrissi", self.karim, "Joris Jansen", self.joris,
                     "Vergunning in een week", self.entry, "Buurttafel Oost", self.meeting]:
            self.assertIn(text, out)
        # Meeting (02-10) before the entry (02-12).
        self.assertLess(out.index(self.meeting), out.index(self.entry))

    def test_person_json(self):
        data = self.show_json("anna")
        self.assertEqual(data["id"], self.anna)
        self.assertEqual(data["path"], f"people/{self.anna}.toml")
        self.assertEqual(data["name"], "Anna de Vries")
        self.assertEqual(data["group"], "staff")
        self.assertEqual(data["roles"], ["spark"])
        self.assertEqual(data["department"], "Wijkzaken")
        self.assertEqual(data["since"], "2026-01-01")
        self.assertEqual(data["first_involvement"], "2026-01-01")
        self.assertEqual(data["took_part_in"], [self.meeting, self.entry])
        self.assertEqual(sorted(data["invited"]), sorted([self.karim, self.joris]))

        karim = self.show_json("karim")
        self.assertEqual(karim["invited_by"], self.anna)
        self.assertEqual(karim["invited"], [])
        self.assertEqual(karim["took_part_in"], [self.entry])
        self.assertEqual(karim["first_involvement"], "2026-02-01")

        fatma = self.show_json(self.fatma)
        self.assertEqual(fatma["name"], "Fatma Yilmaz")
        self.assertEqual(fatma["group"], "")
        self.assertEqual(fatma["since"], "", "added by meet --new: the meeting is her start")
        self.assertEqual(fatma["first_involvement"], "2026-02-10")
        self.assertEqual(fatma["took_part_in"], [self.meeting])

    def test_person_json_matches_people_show(self):
        self.assertEqual(self.show_json("karim"),
                         json.loads(self.ok("people", "show", "karim", "--json").out))
        self.assertEqual(self.show("karim"), self.ok("people", "show", "karim").out)

    def test_first_involvement_before_since(self):
        self.log("spark", "Vroeg", "--date", "2026-01-03", "--with", "karim")
        self.assertEqual(self.show_json("karim")["first_involvement"], "2026-01-03")
        out = self.show("karim")
        self.assertIn("2026-01-03", out)
        self.assertIn("before", out)

    def test_person_without_since(self):
        (self.ws / "people" / "zonder-datum-aaaa.toml").write_text('name = "Zonder Datum"\n')
        out = self.show("zonder-datum")
        self.assertIn("Zonder Datum", out)
        self.assertNotIn("0000", out)
        data = self.show_json("zonder-datum")
        self.assertNotIn("0000", json.dumps(data))
        self.assertEqual(data["took_part_in"], [])


class AmbiguityTests(ShowTestCase):
    def test_unknown_id(self):
        result = self.assertRejected(["show", "2027-01-01-nergens"], 1, "2027-01-01-nergens")
        self.assertIn("no record", result.err)
        self.assertRejected(["show", "zzz"], 1, "zzz")

    def test_unknown_id_suggests_close_ids(self):
        close = self.entry[:-1] + ("x" if self.entry[-1] != "x" else "y")
        result = self.assertRejected(["show", close], 1, close)
        self.assertIn(self.entry, result.err)

    def test_ambiguous_id_lists_the_candidates(self):
        second = stem(self.ok("meet", "Buurttafel West", "--date", "2026-02-11").out.strip())
        result = self.assertRejected(["show", "buurttafel"], 1, "ambiguous", "buurttafel")
        self.assertIn(self.meeting, result.err)
        self.assertIn(second, result.err)
        self.assertNotIn(self.entry, result.err)
        # --json changes nothing about it.
        self.assertRejected(["show", "buurttafel", "--json"], 1, self.meeting, second)
        # A longer prefix is unique again.
        self.assertEqual(self.show_json("buurttafel-w")["id"], second)

    def test_date_prefix_across_types(self):
        result = self.assertRejected(["show", "2026-02-1"], 1, "ambiguous")
        self.assertIn(self.entry, result.err)
        self.assertIn(self.meeting, result.err)
        self.assertIn("entry", result.err)
        self.assertIn("meeting", result.err)

    def test_many_candidates_are_cut_short(self):
        for i in range(25):
            self.log("fuel", f"Veel {i}", "--date", "2026-02-27")
        result = self.assertRejected(["show", "2026-02-27-veel"], 1, "ambiguous")
        listed = [line for line in result.err.splitlines() if "2026-02-27-veel" in line
                  and not line.startswith("spark:")]
        self.assertLessEqual(len(listed), 20, result.err)
        self.assertIn("5 more", result.err)

    def test_ambiguous_person_name_lists_the_candidates(self):
        bakker = self.add_person("Anna Bakker", "--since", "2026-01-01")
        for query in ["anna", "ANNA", "Anna", "ánna"]:
            with self.subTest(query=query):
                result = self.assertRejected(["show", query], 1, "ambiguous")
                self.assertIn(self.anna, result.err)
                self.assertIn(bakker, result.err)
        # The full name is unique.
        self.assertEqual(self.show_json("Anna Bakker")["id"], bakker)
        self.assertEqual(self.show_json("anna b")["id"], bakker)

    def test_a_person_prefix_and_a_record_slug_together_are_ambiguous(self):
        eid = stem(self.log("fuel", "Karim zijn idee", "--date", "2026-02-25"))
        result = self.assertRejected(["show", "karim"], 1, "ambiguous")
        self.assertIn(self.karim, result.err)
        self.assertIn(eid, result.err)
        # Exact id and full name still work.
        self.assertEqual(self.show_json(self.karim)["id"], self.karim)
        self.assertEqual(self.show_json(eid)["id"], eid)

    def test_exact_id_wins_over_a_longer_one(self):
        folder = self.ws / "log" / "2026"
        (folder / "2026-02-26-plan-aaaa.toml").write_text(
            'date = 2026-02-26\nkind = "fuel"\ntitle = "Kort"\n')
        (folder / "2026-02-26-plan-aaaab.toml").write_text(
            'date = 2026-02-26\nkind = "fuel"\ntitle = "Lang"\n')
        self.assertEqual(self.show_json("2026-02-26-plan-aaaa")["title"], "Kort")
        self.assertEqual(self.show_json("2026-02-26-plan-aaaab")["title"], "Lang")
        self.assertRejected(["show", "2026-02-26-plan"], 1, "ambiguous")

    def test_bad_arguments(self):
        self.assertRejected(["show"], 2, "ID")
        for empty in ["", " "]:
            with self.subTest(id=empty):
                self.assertRejected(["show", empty], 2)
        self.assertRejected(["show", "anna", "extra"], 2)
        self.assertRejected(["show", "anna", "--bogus"], 2, "--bogus")
        self.assertRejected(["show", b"caf\xe9"], 2, "UTF-8")

    def test_broken_file_is_named(self):
        (self.ws / "log" / "2026" / "2026-02-28-kapot-aaaa.toml").write_text(
            'date = 2026-02-28\nkind = "match"\ntitle = "kapot\n')
        result = self.assertRejected(["show", "anna"], 1, "log/2026/2026-02-28-kapot-aaaa.toml")
        self.assertRegex(result.err, r"kapot-aaaa\.toml:\d+:\d+: error: ")

    def test_empty_workspace(self):
        ws = self.init(path=self.tmp / "leeg")
        result = self.spark("show", "iets", cwd=ws)
        self.assertFails(result, 1, "iets")
        self.assertEqual(result.out, "")


if __name__ == "__main__":
    sparktest.main()
