"""spark people list: the columns id, name, group, roles, invited_by, since and first
involvement (the earliest of since, any entry, any meeting), and --json."""

import json

import sparktest
from sparktest import TODAY, SparkTestCase

COLUMNS = ["id", "name", "group", "roles", "invited_by", "since", "first_involvement"]


class PeopleListTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def table(self):
        """{id: {column: value}} from the tab-separated output."""
        result = self.ok("people", "list")
        self.assertEqual(result.err, "", result.describe())
        rows = {}
        for line in result.out.splitlines():
            fields = line.split("\t")
            self.assertEqual(len(fields), len(COLUMNS), f"{line!r}{result.describe()}")
            rows[fields[0]] = dict(zip(COLUMNS, fields))
        return rows

    def listed(self):
        data = json.loads(self.ok("people", "list", "--json").out)
        self.assertIsInstance(data, list)
        return {person["id"]: person for person in data}


class ColumnTests(PeopleListTestCase):
    def setUp(self):
        super().setUp()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                    "--role", "poker", "--since", "2026-01-01")
        self.karim = self.add_person("Karim El Idrissi", "--group", "initiator",
                                     "--role", "innovator", "--invited-by", "anna",
                                     "--since", "2026-02-01")
        self.joris = self.add_person("Joris Jansen", "--since", "2026-02-15",
                                     "--invited-by", "karim")

    def test_columns(self):
        rows = self.table()
        self.assertEqual(rows[self.anna], {
            "id": self.anna, "name": "Anna de Vries", "group": "staff", "roles": "spark,poker",
            "invited_by": "", "since": "2026-01-01", "first_involvement": "2026-01-01"})
        self.assertEqual(rows[self.karim], {
            "id": self.karim, "name": "Karim El Idrissi", "group": "initiator",
            "roles": "innovator", "invited_by": self.anna, "since": "2026-02-01",
            "first_involvement": "2026-02-01"})
        self.assertEqual(rows[self.joris]["group"], "")
        self.assertEqual(rows[self.joris]["roles"], "")
        self.assertEqual(rows[self.joris]["invited_by"], self.karim)

    def test_sorted_by_id_and_stable(self):
        result = self.ok("people", "list")
        ids = [line.split("\t")[0] for line in result.out.splitlines()]
        self.assertEqual(ids, sorted(ids))
        self.assertEqual(result.raw_out, self.ok("people", "list").raw_out)

    def test_first_involvement_is_the_earliest_of_since_entries_and_meetings(self):
        # Anna: nothing earlier than since.
        self.log("match", "Later", "--date", "2026-03-01", "--with", "anna")
        # Karim: an entry before his since.
        self.log("fuel", "Eerder contact", "--date", "2026-01-20", "--with", "karim")
        # Joris: a meeting before his since, and an entry even earlier... by hand below.
        self.ok("meet", "Kennismaking", "--date", "2026-02-05", "--with", "joris")
        rows = self.table()
        self.assertEqual(rows[self.anna]["first_involvement"], "2026-01-01")
        self.assertEqual(rows[self.karim]["first_involvement"], "2026-01-20")
        self.assertEqual(rows[self.karim]["since"], "2026-02-01", "since itself unchanged")
        self.assertEqual(rows[self.joris]["first_involvement"], "2026-02-05")
        self.log("spark", "Heel vroeg", "--date", "2025-12-24", "--with", "joris")
        self.assertEqual(self.table()[self.joris]["first_involvement"], "2025-12-24")
        listed = self.listed()
        self.assertEqual(listed[self.joris]["first_involvement"], "2025-12-24")
        self.assertEqual(listed[self.karim]["first_involvement"], "2026-01-20")
        # And check warns about the records dated before 'since', without failing.
        result = self.ok("check")
        output = result.out + result.err
        self.assertIn(self.karim, output)
        self.assertIn(self.joris, output)
        self.assertIn("since", output)

    def test_people_added_by_meet_new(self):
        result = self.ok("meet", "Buurttafel", "--date", "2026-02-20", "--with", "anna",
                         "--with", "Fatma Yilmaz", "--new", "-q")
        fatma = result.out.splitlines()[1].split("\t")[1]
        row = self.table()[fatma]
        self.assertEqual(row, {"id": fatma, "name": "Fatma Yilmaz", "group": "", "roles": "",
                               "invited_by": "", "since": "",
                               "first_involvement": "2026-02-20"})

    def test_name_with_tab_stays_on_one_row(self):
        pid = self.add_person("Tab\tNaam\nmet regel")
        self.assertEqual(self.table()[pid]["name"], "Tab Naam met regel")
        self.assertEqual(self.listed()[pid]["name"], "Tab\tNaam\nmet regel")


class JsonTests(ColumnTests):
    def test_json_fields(self):
        self.log("fuel", "Eerder contact", "--date", "2026-01-20", "--with", "karim")
        people = self.listed()
        self.assertEqual(set(people), {self.anna, self.karim, self.joris})
        karim = people[self.karim]
        self.assertEqual(karim["name"], "Karim El Idrissi")
        self.assertEqual(karim["path"], f"people/{self.karim}.toml")
        self.assertEqual(karim["group"], "initiator")
        self.assertEqual(karim["roles"], ["innovator"])
        self.assertEqual(karim["invited_by"], self.anna)
        self.assertEqual(karim["since"], "2026-02-01")
        self.assertEqual(karim["first_involvement"], "2026-01-20")
        self.assertIs(karim["public"], False)
        self.assertEqual(people[self.anna]["roles"], ["spark", "poker"])
        self.assertEqual(people[self.joris]["group"], "")

    def test_json_has_every_stored_field(self):
        pid = self.add_person("Volledig Mens", "--group", "council", "--role", "critic",
                              "--department", "Raad", "--note", "Een notitie", "--public",
                              "--since", "2026-02-02")
        person = self.listed()[pid]
        for key, value in self.read(f"people/{pid}.toml").items():
            if key == "since":
                value = value.isoformat()
            self.assertEqual(person[key], value, key)

    def test_json_rows_match_the_table(self):
        rows = self.table()
        for pid, person in self.listed().items():
            with self.subTest(id=pid):
                row = rows[pid]
                self.assertEqual(row["name"], person["name"])
                self.assertEqual(row["group"], person["group"])
                self.assertEqual(row["roles"], ",".join(person["roles"]))
                self.assertEqual(row["invited_by"], person["invited_by"])
                self.assertEqual(row["since"], person["since"])
                self.assertEqual(row["first_involvement"], person["first_involvement"])

    def test_json_order_is_the_table_order(self):
        ids = [line.split("\t")[0] for line in self.ok("people", "list").out.splitlines()]
        data = json.loads(self.ok("people", "list", "--json").out)
        self.assertEqual([p["id"] for p in data], ids)


class EdgeTests(PeopleListTestCase):
    def test_no_since_by_default(self):
        pid = self.add_person("Nog Niet Erbij")
        self.assertEqual(self.table()[pid]["since"], "", "registering someone is not joining")
        self.assertEqual(self.table()[pid]["first_involvement"], "")
        pid = self.add_person("Vandaag Erbij", "--since", "today")
        self.assertEqual(self.table()[pid]["since"], TODAY)
        self.assertEqual(self.table()[pid]["first_involvement"], TODAY)

    def test_person_without_since(self):
        (self.ws / "people" / "zonder-datum-aaaa.toml").write_text('name = "Zonder Datum"\n')
        row = self.table()["zonder-datum-aaaa"]
        self.assertEqual(row["since"], "")
        self.assertEqual(row["first_involvement"], "")
        person = self.listed()["zonder-datum-aaaa"]
        self.assertNotIn("0000", json.dumps(person))
        # A meeting gives a first involvement.
        self.ok("meet", "Eerste keer", "--date", "2026-02-03", "--with", "zonder")
        self.assertEqual(self.table()["zonder-datum-aaaa"]["first_involvement"], "2026-02-03")
        self.assertEqual(self.listed()["zonder-datum-aaaa"]["first_involvement"], "2026-02-03")

    def test_unknown_attendee_in_a_hand_edited_meeting_does_not_break_the_list(self):
        pid = self.add_person("Anna de Vries", "--since", "2026-02-01")
        folder = self.ws / "meetings" / "2026"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "2026-01-10-hand-aaaa.toml").write_text(
            f'date = 2026-01-10\ntitle = "Hand"\nattendees = ["{pid}", "spook-zzzz"]\n')
        rows = self.table()
        self.assertEqual(set(rows), {pid})
        self.assertEqual(rows[pid]["first_involvement"], "2026-01-10")

    def test_bad_arguments(self):
        self.assertRejected(["people", "list", "extra"], 2)
        self.assertRejected(["people", "list", "--bogus"], 2, "--bogus")

    def test_broken_meeting_file_is_named(self):
        self.add_person("Anna de Vries")
        folder = self.ws / "meetings" / "2026"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "2026-01-10-kapot-aaaa.toml").write_text('date = 2026-01-10\ntitle = "x\n')
        for args in (["people", "list"], ["people", "list", "--json"]):
            with self.subTest(args=args):
                self.assertRejected(args, 1, "meetings/2026/2026-01-10-kapot-aaaa.toml")


if __name__ == "__main__":
    sparktest.main()
