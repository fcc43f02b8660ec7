"""Names in any script: readable ids and lookup without accents for the residents a Dutch
municipality has (Vietnamese, Romanian, Turkish, Polish, Greek), one rule for "the same
name" everywhere (lookup, people add, meet --new, check), and ids made before this rule
still found."""

import json

import sparktest
from sparktest import SparkTestCase

NAMES = {
    # name: (id prefix, what a colleague types on a Dutch keyboard)
    "Trần Thị Nguyễn": ("tran-thi-nguyen-", "nguyen"),
    "Ștefan Pușcaș": ("stefan-puscas-", "puscas"),
    "Işıl Yılmaz": ("isil-yilmaz-", "isil"),
    "Łukasz Żółć": ("lukasz-zolc-", "zolc"),
    "Γιώργος Παπαδόπουλος": ("giorgos-papadopoulos-", "papadopoulos"),
}


class UnicodeNameTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def test_readable_ids_and_found_without_accents(self):
        ids = {name: self.add_person(name, "--group", "resident") for name in NAMES}
        for name, (prefix, typed) in NAMES.items():
            with self.subTest(name=name):
                self.assertTrue(ids[name].startswith(prefix), ids[name])
                shown = json.loads(self.ok("people", "show", typed, "--json").out)
                self.assertEqual(shown["name"], name)
                path = self.log("fuel", f"Gesprek met {typed}", "--with", typed)
                self.assertEqual(self.read(path)["people"], [ids[name]])
        # Upper case and the name as typed with its accents find the same person.
        self.assertEqual(json.loads(self.ok("people", "show", "ΠΑΠΑΔΌΠΟΥΛΟΣ", "--json").out)
                         ["id"], ids["Γιώργος Παπαδόπουλος"])
        self.assertEqual(json.loads(self.ok("people", "show", "Stefan Puscas", "--json").out)
                         ["id"], ids["Ștefan Pușcaș"])

    def test_ids_made_before_stay_and_are_found(self):
        # Before utf8proc, "Trần Thị Nguyễn" got the id tr-n-th-nguy-n-…: such files keep
        # their id, and the name still finds them.
        (self.ws / "people" / "tr-n-th-nguy-n-k3m9.toml").write_text(
            'name = "Trần Thị Nguyễn"\ngroup = "resident"\nroles = []\nsince = 2026-01-05\n'
            "public = false\n", encoding="utf-8")
        self.assertEqual(json.loads(self.ok("people", "show", "nguyen", "--json").out)["id"],
                         "tr-n-th-nguy-n-k3m9")
        path = self.log("fuel", "Gesprek", "--with", "tran thi")
        self.assertEqual(self.read(path)["people"], ["tr-n-th-nguy-n-k3m9"])
        self.assertEqual(self.ok("check").code, 0)
        self.assertTrue((self.ws / "people" / "tr-n-th-nguy-n-k3m9.toml").exists())


class SameNameTests(SparkTestCase):
    """"José  Álvarez" (two spaces) and "jose alvarez" are one name to every command."""

    def setUp(self):
        super().setUp()
        self.init()
        self.jose = self.add_person("José Álvarez")

    def test_people_add_refuses_the_same_name(self):
        for name in ("José  Álvarez", "jose alvarez", " JOSE ALVAREZ ", "Jose\u0301 A\u0301lvarez"):
            with self.subTest(name=name):
                self.assertRejected(["people", "add", name], 1, "already exists", self.jose)

    def test_lookup_and_meet_new_find_the_existing_person(self):
        result = self.ok("meet", "Overleg", "--with", "José  Álvarez", "--with", "Zeno Zomer",
                         "--with", "zeno  ZOMER", "--new")
        (path,) = [line for line in result.out.splitlines() if line.startswith("meetings/")]
        meeting = self.read(path)
        self.assertEqual(meeting["attendees"][0], self.jose)
        self.assertEqual(len(meeting["attendees"]), 2)  # Zeno once
        self.assertEqual(len(self.record_files("people")), 2)

    def test_check_warns_about_the_same_name_twice(self):
        forced = self.ok("people", "add", "José  Álvarez", "--force").out.strip()
        result = self.spark("check")
        self.assertIn("has the same name as", result.err + result.out)
        self.assertIn(pathlib_stem(forced), result.err + result.out)


def pathlib_stem(path):
    return path.rsplit("/", 1)[-1][: -len(".toml")]


if __name__ == "__main__":
    sparktest.main()
