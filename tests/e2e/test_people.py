"""spark people add | list | show."""

import json

import sparktest
from sparktest import TODAY, SparkTestCase


class PeopleTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def person(self, pid):
        return self.read(f"people/{pid}.toml")


class AddTests(PeopleTestCase):
    def test_add_minimal(self):
        result = self.ok("people", "add", "Anna de Vries")
        self.assertRegex(result.out, r"^people/anna-de-vries-[a-z0-9]+\.toml\n$")
        pid = result.out.strip()[len("people/"):-len(".toml")]
        data = self.person(pid)
        self.assertEqual(data["name"], "Anna de Vries")
        self.assertNotIn("since", data, "registering someone is not joining")
        self.assertIs(data.get("public", False), False)
        self.assertNotIn("invited_by", data)

    def test_add_everything(self):
        anna = self.add_person("Anna de Vries", "--role", "spark")
        note = 'Kwam via "de buurtkamer"\nTweede regel \\ met 🔥'
        pid = self.add_person("José Álvarez", "--group", "teamlead", "--role", "poker",
                              "-r", "critic", "--role", "poker", "--invited-by", "anna",
                              "--since", "2026-01-05", "--department", "Wijken & Zorg",
                              "--public", "--note", note)
        self.assertTrue(pid.startswith("jose-alvarez-"), pid)
        data = self.person(pid)
        self.assertEqual(data["name"], "José Álvarez")
        self.assertEqual(data["group"], "teamlead")
        self.assertEqual(data["roles"], ["poker", "critic"])
        self.assertEqual(data["invited_by"], anna)
        self.assertEqual(data["since"].isoformat(), "2026-01-05")
        self.assertEqual(data["department"], "Wijken & Zorg")
        self.assertIs(data["public"], True)
        self.assertEqual(data["note"], note)
        self.ok("check")

    def test_every_group_and_role(self):
        for group in ["staff", "teamlead", "director", "executive", "council", "resident",
                      "initiator", "partner"]:
            with self.subTest(group=group):
                pid = self.add_person(f"Person {group}", "--group", group)
                self.assertEqual(self.person(pid)["group"], group)
        for role in ["spark", "poker", "critic", "innovator"]:
            with self.subTest(role=role):
                pid = self.add_person(f"Role {role}", "--role", role)
                self.assertEqual(self.person(pid)["roles"], [role])

    def test_since_words(self):
        pid = self.add_person("Gisteren Gekomen", "--since", "gisteren")
        self.assertEqual(self.person(pid)["since"].isoformat(), sparktest.YESTERDAY)

    def test_names_round_trip(self):
        for name in ['Ann "Nan" O\'Neil', "Back\\slash", "Zoë 🔥 Ünal", "名前", "Tab\tName"]:
            with self.subTest(name=name):
                pid = self.add_person(name)
                self.assertEqual(self.person(pid)["name"], name)
        self.ok("check")

    def test_name_without_letters_gets_an_id(self):
        pid = self.add_person("🔥🔥")
        self.assertRegex(pid, r"^[a-z0-9-]+$")
        self.assertEqual(self.person(pid)["name"], "🔥🔥")

    def test_same_name_needs_force(self):
        self.add_person("Anna de Vries")
        self.assertRejected(["people", "add", "anna de vries"], 1, "already exists", "--force")
        self.assertRejected(["people", "add", "ÁNNA DE VRIES"], 1, "already exists")
        second = self.add_person("Anna de Vries", "--force")
        self.assertEqual(len(self.record_files("people")), 2)
        self.assertIn(second, self.ok("people", "list").out)

    def test_people_add_is_deterministic_apart_from_the_id(self):
        a = self.add_person("Same Bytes", "--group", "staff", "--force")
        b = self.add_person("Same Bytes", "--group", "staff", "--force")
        self.assertNotEqual(a, b)
        self.assertEqual((self.ws / f"people/{a}.toml").read_bytes(),
                         (self.ws / f"people/{b}.toml").read_bytes())


class SinceTests(PeopleTestCase):
    """Without --since a person joins with their first record, not on the day they were
    registered."""

    def last_month_meeting(self, *people):
        args = ["meet", "Buurttafel februari", "--date", "2026-02-10"]
        for person in people:
            args += ["--with", person]
        return self.ok(*args)

    def test_meeting_of_last_month_with_people_added_today(self):
        anna = self.add_person("Anna de Vries", "--group", "staff")
        karim = self.add_person("Karim El Idrissi", "--group", "resident")
        meeting = self.last_month_meeting("anna", "karim")
        newcomers = [line.split("\t")[1] for line in meeting.out.splitlines()[1:]]
        self.assertEqual(sorted(newcomers), sorted([anna, karim]))
        check = self.ok("check")
        self.assertIn("0 errors, 0 warnings", check.err, "no record is before a since")
        report = json.loads(self.ok("report", "--period", "2026-02", "--format", "json").out)
        self.assertEqual(report["people"]["new_in_period"], 2, "new in February")
        self.assertEqual([m["new_people"] for m in report["growth"]], [2])
        march = json.loads(self.ok("report", "--period", "2026-03", "--format", "json").out)
        self.assertEqual(march["people"]["new_in_period"], 0, "not new again in March")
        people = {p["id"]: p for p in json.loads(self.ok("people", "list", "--json").out)}
        self.assertEqual(people[anna]["since"], "")
        self.assertEqual(people[anna]["first_involvement"], "2026-02-10")

    def test_an_explicit_since_still_warns_about_an_earlier_record(self):
        anna = self.add_person("Anna de Vries", "--group", "staff", "--since", TODAY)
        self.last_month_meeting("anna")
        check = self.ok("check")
        self.assertIn("warning", check.out + check.err)
        self.assertIn(anna, check.out + check.err)
        self.assertIn(TODAY, check.out + check.err)

    def test_someone_only_registered_is_not_counted_yet(self):
        self.add_person("Anna de Vries", "--group", "staff")
        report = json.loads(self.ok("report", "--period", "2026-03", "--format", "json").out)
        self.assertEqual(report["people"]["involved"], 0)


class DutchValueTests(PeopleTestCase):
    def test_dutch_groups_and_roles_are_stored_in_english(self):
        cases = [("medewerker", "staff"), ("Teamleider", "teamlead"), ("directeur", "director"),
                 ("wethouder", "executive"), ("raadslid", "council"), ("inwoner", "resident"),
                 ("initiatiefnemer", "initiator")]
        for index, (given, stored) in enumerate(cases):
            with self.subTest(group=given):
                pid = self.add_person(f"Persoon {index}", "--group", given, "--role", "criticus",
                                      "--role", "vonk")
                data = self.read(f"people/{pid}.toml")
                self.assertEqual((data["group"], data["roles"]), (stored, ["critic", "spark"]))


class AddBadInputTests(PeopleTestCase):
    def setUp(self):
        super().setUp()
        self.anna = self.add_person("Anna de Vries")
        self.annb = self.add_person("Anna Bakker")

    def test_missing_name(self):
        self.assertRejected(["people", "add"], 2, "NAME")

    def test_empty_name(self):
        for name in ["", "  ", "\n"]:
            with self.subTest(name=name):
                self.assertRejected(["people", "add", name], 2, "name")

    def test_unknown_group_and_role(self):
        result = self.assertRejected(["people", "add", "X", "--group", "boss"], 2, "boss")
        self.assertIn("teamlead", result.err)
        result = self.assertRejected(["people", "add", "X", "--role", "hero"], 2, "hero")
        self.assertIn("innovator", result.err)

    def test_bad_since(self):
        self.assertRejected(["people", "add", "X", "--since", "2026-02-30"], 2, "2026-02-30")
        self.assertRejected(["people", "add", "X", "--since", "soon"], 2, "soon")
        self.assertRejected(["people", "add", "X", "--since", ""], 2, "--since")

    def test_public_and_private(self):
        self.assertRejected(["people", "add", "X", "--public", "--private"], 2)

    def test_invited_by_unknown_ambiguous_empty(self):
        self.assertRejected(["people", "add", "X", "--invited-by", "zeno"], 1, "zeno")
        result = self.assertRejected(["people", "add", "X", "--invited-by", "anna"], 1,
                                     "ambiguous")
        self.assertIn(self.anna, result.err)
        self.assertIn(self.annb, result.err)
        self.assertRejected(["people", "add", "X", "--invited-by", ""], 2, "--invited-by")
        self.assertRejected(["people", "add", "X", "--invited-by", " "], 2, "--invited-by")

    def test_non_utf8(self):
        self.assertRejected(["people", "add", b"Jos\xe9"], 2, "UTF-8")
        self.assertRejected(["people", "add", "X", "--department", b"\xff"], 2, "UTF-8")
        self.assertRejected(["people", "add", "X", "--note", b"\xc3"], 2, "UTF-8")
        self.assertRejected(["people", "add", "X", "--invited-by", b"\xe9"], 2, "UTF-8")


class ListShowTests(PeopleTestCase):
    def setUp(self):
        super().setUp()
        self.jose = self.add_person("José Álvarez", "--group", "staff", "--role", "spark",
                                    "--role", "poker")
        self.karim = self.add_person("Karim El Idrissi", "--group", "initiator",
                                     "--invited-by", "jose", "--since", "2026-01-05")

    def test_list_tab_separated(self):
        result = self.ok("people", "list")
        lines = result.out.splitlines()
        self.assertEqual(len(lines), 2, result.out)
        rows = {line.split("\t")[0]: line.split("\t") for line in lines}
        self.assertEqual(rows[self.jose][1], "José Álvarez")
        self.assertEqual(rows[self.jose][2], "staff")
        self.assertIn("spark", rows[self.jose][3])
        self.assertEqual(rows[self.karim][1], "Karim El Idrissi")
        self.assertIn(self.jose, rows[self.karim])
        self.assertIn("2026-01-05", rows[self.karim])
        self.assertEqual(result.err, "")

    def test_list_is_stable(self):
        self.assertEqual(self.ok("people", "list").raw_out, self.ok("people", "list").raw_out)

    def test_list_json(self):
        data = json.loads(self.ok("people", "list", "--json").out)
        self.assertIsInstance(data, list)
        by_id = {p["id"]: p for p in data}
        self.assertEqual(set(by_id), {self.jose, self.karim})
        self.assertEqual(by_id[self.jose]["name"], "José Álvarez")
        self.assertEqual(by_id[self.jose]["roles"], ["spark", "poker"])
        self.assertEqual(by_id[self.karim]["invited_by"], self.jose)
        self.assertEqual(by_id[self.karim]["since"], "2026-01-05")

    def test_list_json_of_awkward_names(self):
        name = 'Quote " Back \\ Ctl \x01 Tab \t 🔥'
        pid = self.add_person(name)
        data = json.loads(self.ok("people", "list", "--json").out)
        self.assertEqual({p["id"]: p["name"] for p in data}[pid], name)

    def test_list_empty_workspace(self):
        ws = self.init(path=self.tmp / "empty")
        self.assertEqual(self.ok("people", "list", cwd=ws).out, "")
        self.assertEqual(json.loads(self.ok("people", "list", "--json", cwd=ws).out), [])

    def test_show_by_id_name_prefix_accents(self):
        for query in [self.jose, "José Álvarez", "jose", "JOSE ALVAREZ", "álv", "jos"]:
            with self.subTest(query=query):
                result = self.ok("people", "show", query)
                self.assertIn("José Álvarez", result.out)
                self.assertIn(self.jose, result.out)

    def test_show_json(self):
        data = json.loads(self.ok("people", "show", "karim", "--json").out)
        self.assertEqual(data["id"], self.karim)
        self.assertEqual(data["group"], "initiator")
        self.assertEqual(data["invited_by"], self.jose)

    def test_show_unknown_ambiguous_empty(self):
        self.assertRejected(["people", "show", "nobody"], 1, "nobody")
        self.add_person("Josephine Baker")
        result = self.assertRejected(["people", "show", "jos"], 1, "ambiguous")
        self.assertIn(self.jose, result.err)
        self.assertIn("josephine-baker", result.err)
        self.assertRejected(["people", "show", ""], 2)
        self.assertRejected(["people", "show"], 2, "PERSON")

    def test_broken_person_file_is_named(self):
        (self.ws / "people" / "kapot-aaaa.toml").write_text('name = "Kapot\ngroup = staff\n')
        for args in (["people", "list"], ["people", "list", "--json"],
                     ["people", "show", "jose"]):
            with self.subTest(args=args):
                result = self.assertRejected(args, 1, "people/kapot-aaaa.toml")
                self.assertRegex(result.err, r"people/kapot-aaaa\.toml:\d+:\d+: error: ")

    def test_person_missing_required_key_is_named(self):
        (self.ws / "people" / "nameless-aaaa.toml").write_text('group = "staff"\n')
        result = self.assertRejected(["people", "list"], 1, "people/nameless-aaaa.toml", "name")
        self.assertNotIn("José", result.out)

    def test_people_needs_a_subcommand(self):
        self.assertRejected(["people"], 2)
        self.assertRejected(["people", "remove", "jose"], 2)


if __name__ == "__main__":
    sparktest.main()
