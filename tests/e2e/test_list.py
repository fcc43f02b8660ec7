"""spark list: entries and meetings merged in date order (ties by id), tab-separated columns
date kind id title people, the filters --kind --since --until --with --tag (combined with
AND), --json, and the README one-liner that counts newcomers per month."""

import collections
import json
import pathlib
import shutil
import subprocess
import tempfile

import sparktest
from sparktest import KIND_ALIASES, KINDS, TODAY, YESTERDAY, SparkTestCase


def stem(path):
    return pathlib.PurePath(path).stem


class ListTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def meet(self, title, *extra):
        result = self.ok("meet", title, *extra)
        (path,) = [line for line in result.out.splitlines() if line.startswith("meetings/")]
        return path

    def rows(self, *args):
        """`spark list ARGS` as a list of 5-field rows."""
        result = self.ok("list", *args)
        self.assertEqual(result.err, "", result.describe())
        rows = []
        for line in result.out.splitlines():
            fields = line.split("\t")
            self.assertEqual(len(fields), 5, f"{line!r}{result.describe()}")
            rows.append(fields)
        return rows

    def ids(self, *args):
        return [row[2] for row in self.rows(*args)]

    def listed(self, *args):
        result = self.ok("list", "--json", *args)
        data = json.loads(result.out)
        self.assertIsInstance(data, list)
        return data


# One fixture workspace per run, copied for each test: far faster than building it each time.
_FIXTURES = {}


class TimelineTestCase(ListTestCase):
    """A small timeline across three months, recorded out of order on purpose."""

    def setUp(self):
        SparkTestCase.setUp(self)
        fixture = _FIXTURES.get("timeline")
        if fixture is None:
            self.init()
            self.build()
            keep = tempfile.TemporaryDirectory(prefix="spark-e2e-fixture-")
            shutil.copytree(self.ws, pathlib.Path(keep.name) / "ws", symlinks=True,
                            ignore=shutil.ignore_patterns(".spark"))
            names = ["anna", "karim", "joris", "m_feb", "e_match", "e_spark", "m_jan",
                     "e_action", "e_fuel", "all_ids"]
            fixture = _FIXTURES["timeline"] = (keep, {n: getattr(self, n) for n in names})
        else:
            shutil.copytree(pathlib.Path(fixture[0].name) / "ws", self.ws, symlinks=True)
            for name, value in fixture[1].items():
                setattr(self, name, list(value) if isinstance(value, list) else value)

    def build(self):
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--since", "2026-01-01")
        self.karim = self.add_person("Karim El Idrissi", "--group", "initiator",
                                     "--since", "2026-02-01")
        self.joris = self.add_person("Joris Jansen", "--group", "teamlead",
                                     "--since", "2026-01-01")
        self.m_feb = stem(self.meet("Buurttafel februari", "--date", "2026-02-10",
                                    "--with", "anna", "--with", "karim"))
        self.e_match = stem(self.log("match", "Vergunning in een week", "--date", "2026-02-10",
                                     "--with", "anna", "--tag", "vergunning",
                                     "--effect", "8 -> 1 week"))
        self.e_spark = stem(self.log("vonk", "Eerste koffie", "--date", "2026-01-05",
                                     "--with", "anna", "--with", "joris", "--tag", "begin"))
        self.m_jan = stem(self.meet("Intervisie januari", "--date", "2026-01-20",
                                    "--with", "joris"))
        self.e_action = stem(self.log("actie", "Speeltuin open", "--date", "2026-03-01",
                                      "--with", "karim", "--tag", "vergunning", "--tag", "buurt"))
        self.e_fuel = stem(self.log("fuel", "Subsidieregeling", "--date", "2026-02-10"))
        self.all_ids = [self.e_spark, self.m_jan, self.m_feb, self.e_fuel, self.e_match,
                        self.e_action]
        # Same-day records come in id order.
        self.all_ids[2:5] = sorted(self.all_ids[2:5])


class ColumnAndOrderTests(TimelineTestCase):
    def test_columns(self):
        rows = {row[2]: row for row in self.rows()}
        self.assertEqual(rows[self.m_feb], ["2026-02-10", "meeting", self.m_feb,
                                            "Buurttafel februari", f"{self.anna},{self.karim}"])
        self.assertEqual(rows[self.e_spark], ["2026-01-05", "spark", self.e_spark,
                                              "Eerste koffie", f"{self.anna},{self.joris}"])
        self.assertEqual(rows[self.e_action][1], "action", "Dutch aliases are stored in English")
        self.assertEqual(rows[self.e_fuel], ["2026-02-10", "fuel", self.e_fuel,
                                             "Subsidieregeling", ""])

    def test_date_order_with_ties_by_id(self):
        self.assertEqual(self.ids(), self.all_ids)
        dates = [row[0] for row in self.rows()]
        self.assertEqual(dates, sorted(dates))

    def test_output_is_stable(self):
        first = self.ok("list")
        self.assertEqual(first.raw_out, self.ok("list").raw_out)
        self.assertEqual(self.ok("list", "--json").raw_out, self.ok("list", "--json").raw_out)

    def test_titles_are_flattened_to_one_line(self):
        mid = stem(self.meet("Twee\nregels\tmet tab", "--date", "2026-04-01"))
        eid = stem(self.log("match", "Carriage\rreturn", "--date", "2026-04-02"))
        rows = {row[2]: row for row in self.rows("--since", "2026-04-01")}
        self.assertEqual(rows[mid][3], "Twee regels met tab")
        self.assertEqual(rows[eid][3], "Carriage return")
        # --json keeps the title as written.
        titles = {item["id"]: item["title"] for item in self.listed("--since", "2026-04-01")}
        self.assertEqual(titles[mid], "Twee\nregels\tmet tab")
        self.assertEqual(titles[eid], "Carriage\rreturn")


class KindTests(TimelineTestCase):
    def test_each_kind(self):
        expected = {"spark": [self.e_spark], "match": [self.e_match], "fuel": [self.e_fuel],
                    "action": [self.e_action], "oxygen": [], "poker": [],
                    "meeting": [self.m_jan, self.m_feb]}
        for kind, ids in expected.items():
            with self.subTest(kind=kind):
                self.assertEqual(self.ids("--kind", kind), ids)
                self.assertTrue(all(row[1] == kind for row in self.rows("--kind", kind)))

    def test_dutch_aliases(self):
        for alias, kind in KIND_ALIASES.items():
            with self.subTest(alias=alias):
                self.assertEqual(self.ids("--kind", alias), self.ids("--kind", kind))
        self.assertEqual(self.ids("--kind", "ontmoeting"), [self.m_jan, self.m_feb])

    def test_repeated_kind_is_a_union_in_date_order(self):
        self.assertEqual(self.ids("--kind", "meeting", "-k", "lucifer"),
                         [i for i in self.all_ids if i in (self.m_jan, self.m_feb, self.e_match)])
        self.assertEqual(self.ids("--kind", "match", "--kind", "match"), [self.e_match])

    def test_unknown_kind_is_a_usage_error(self):
        # Like the kinds of entry, the words for meetings ignore case.
        self.assertEqual(self.ids("--kind", "Ontmoeting"), self.ids("--kind", "meeting"))
        for bad in ["bogus", "", "matches", "spark "]:
            with self.subTest(kind=bad):
                result = self.assertRejected(["list", "--kind", bad], 2, "kind")
                for name in KINDS + ["meeting"]:
                    self.assertIn(name, result.err)
        # One bad kind among good ones still fails.
        self.assertRejected(["list", "--kind", "match", "--kind", "vuurwerk"], 2, "vuurwerk")


class DateFilterTests(TimelineTestCase):
    def test_since_and_until_are_inclusive(self):
        self.assertEqual(self.ids("--since", "2026-02-10"), self.all_ids[2:])
        self.assertEqual(self.ids("--until", "2026-02-10"), self.all_ids[:5])
        self.assertEqual(self.ids("--since", "2026-02-10", "--until", "2026-02-10"),
                         self.all_ids[2:5])
        self.assertEqual(self.ids("--since", "2026-01-06", "--until", "2026-02-09"),
                         [self.m_jan])

    def test_date_words(self):
        self.assertEqual(self.ids("--since", "today"), [self.e_action])
        self.assertEqual(self.ids("--since", "vandaag"), [self.e_action])
        self.assertEqual(self.ids("--until", "yesterday"), self.all_ids[:5])
        self.assertEqual(self.ids("--until", "gisteren", "--since", YESTERDAY), [])
        self.assertEqual(TODAY, "2026-03-01")

    def test_since_after_until_is_a_usage_error(self):
        result = self.assertRejected(["list", "--since", "2026-03-01", "--until", "2026-01-01"],
                                     2, "--since", "--until")
        self.assertIn("2026-03-01", result.err)
        self.assertIn("2026-01-01", result.err)
        self.assertRejected(["list", "--since", "today", "--until", "yesterday", "--json"], 2,
                            "--since")

    def test_bad_dates(self):
        for option in ["--since", "--until"]:
            for bad in ["2026-02-30", "2026-13-01", "morgen", "30-11-26", "31-02", "", " "]:
                with self.subTest(option=option, date=bad):
                    self.assertRejected(["list", option, bad], 2, option)


class PersonAndTagTests(TimelineTestCase):
    def test_with_person_covers_entries_and_meetings(self):
        self.assertEqual(self.ids("--with", "anna"), [self.e_spark, *sorted([self.m_feb,
                                                                               self.e_match])])
        self.assertEqual(self.ids("--with", "Karim El Idrissi"),
                         [self.m_feb, self.e_action])
        self.assertEqual(self.ids("-w", self.joris), [self.e_spark, self.m_jan])
        self.assertEqual(self.ids("--with", "JORIS"), self.ids("--with", "joris"))

    def test_with_a_person_without_records(self):
        self.add_person("Zeno Zomer")
        result = self.ok("list", "--with", "zeno")
        self.assertEqual((result.out, result.err), ("", ""))

    def test_with_unknown_or_ambiguous_person(self):
        self.assertRejected(["list", "--with", "Niemand Anders"], 1, "Niemand Anders")
        bakker = self.add_person("Anna Bakker")
        result = self.assertRejected(["list", "--with", "anna"], 1, "ambiguous")
        self.assertIn(self.anna, result.err)
        self.assertIn(bakker, result.err)

    def test_with_empty_is_a_usage_error(self):
        for empty in ["", "  "]:
            with self.subTest(person=empty):
                self.assertRejected(["list", "--with", empty], 2, "--with")

    def test_tag(self):
        self.assertEqual(self.ids("--tag", "vergunning"), [self.e_match, self.e_action])
        self.assertEqual(self.ids("-t", "begin"), [self.e_spark])
        self.assertEqual(self.ids("--tag", "Vergunning"), [], "tags match exactly")
        self.assertEqual(self.ids("--tag", "nergens"), [])

    def test_tag_leaves_out_meetings(self):
        self.assertEqual(self.ids("--tag", "vergunning", "--kind", "meeting"), [])

    def test_tag_empty_is_a_usage_error(self):
        self.assertRejected(["list", "--tag", ""], 2, "--tag")

    def test_filters_combine_with_and(self):
        self.assertEqual(self.ids("--with", "anna", "--tag", "vergunning"), [self.e_match])
        self.assertEqual(self.ids("--with", "karim", "--kind", "meeting"), [self.m_feb])
        self.assertEqual(self.ids("--with", "karim", "--since", "2026-02-11"), [self.e_action])
        self.assertEqual(self.ids("--with", "anna", "--kind", "match", "--kind", "meeting",
                                  "--since", "2026-02-01", "--until", "2026-02-28",
                                  "--tag", "vergunning"), [self.e_match])
        self.assertEqual(self.ids("--with", "joris", "--tag", "vergunning"), [])

    def test_nothing_matching_prints_nothing(self):
        for args in (["--kind", "poker"], ["--since", "2027-01-01"], ["--until", "2025-12-31"],
                     ["--with", "joris", "--kind", "action"]):
            with self.subTest(args=args):
                result = self.ok("list", *args)
                self.assertEqual((result.out, result.err), ("", ""))
                self.assertEqual(self.listed(*args), [])


class JsonTests(TimelineTestCase):
    def test_every_field_of_the_record_plus_id_and_path(self):
        items = self.listed()
        self.assertEqual([item["id"] for item in items], self.all_ids)
        for item in items:
            with self.subTest(id=item["id"]):
                self.assertTrue((self.ws / item["path"]).is_file(), item["path"])
                self.assertEqual(stem(item["path"]), item["id"])
                stored = self.read(item["path"])
                for key, value in stored.items():
                    if key == "date":
                        value = value.isoformat()
                    self.assertEqual(item[key], value, key)
                if item["path"].startswith("meetings/"):
                    self.assertEqual(item["kind"], "meeting")
                    self.assertIsInstance(item["newcomers"], list)
                    for key in ["title", "setting", "place", "attendees", "questions",
                                "dilemmas", "outcomes", "followups", "body"]:
                        self.assertIn(key, item)
                else:
                    self.assertIn(item["kind"], KINDS)
                    self.assertNotIn("newcomers", item)
                    for key in ["title", "people", "tags", "effect", "body"]:
                        self.assertIn(key, item)

    def test_entry_fields(self):
        (item,) = self.listed("--kind", "match")
        self.assertEqual(item["date"], "2026-02-10")
        self.assertEqual(item["kind"], "match")
        self.assertEqual(item["title"], "Vergunning in een week")
        self.assertEqual(item["people"], [self.anna])
        self.assertEqual(item["tags"], ["vergunning"])
        self.assertEqual(item["effect"], "8 -> 1 week")
        self.assertEqual(item["body"], "")

    def test_meeting_fields_and_newcomers(self):
        items = {item["id"]: item for item in self.listed("--kind", "meeting")}
        feb = items[self.m_feb]
        self.assertEqual(feb["date"], "2026-02-10")
        self.assertEqual(feb["title"], "Buurttafel februari")
        self.assertEqual(feb["setting"], "mixed")
        self.assertEqual(feb["attendees"], [self.anna, self.karim])
        # Anna's since and first entry are earlier; Karim's since is earlier too.
        self.assertEqual(feb["newcomers"], [])
        self.assertEqual(items[self.m_jan]["newcomers"], [])

    def test_filtered_json_keeps_newcomers_from_the_whole_workspace(self):
        mid = stem(self.meet("Nieuw", "--date", "2026-02-20", "--with", "Fatma Yilmaz", "--new",
                             "--question", "Waar?", "-m", "Verslag"))
        fatma = self.listed("--kind", "meeting", "--since", "2026-02-20")[0]["newcomers"]
        self.assertEqual(len(fatma), 1)
        self.assertTrue(fatma[0].startswith("fatma-yilmaz-"))
        (item,) = self.listed("--with", "fatma")
        self.assertEqual(item["id"], mid)
        self.assertEqual(item["questions"], ["Waar?"])
        self.assertEqual(item["body"], "Verslag")
        self.assertEqual(item["newcomers"], fatma)

    def test_awkward_text_survives_json(self):
        title = 'Quote " back \\ ctl \x01 tab \t nl \n 🔥 </script>'
        eid = stem(self.log("match", title, "--date", "2026-05-01", "--effect", title))
        (item,) = self.listed("--since", "2026-05-01")
        self.assertEqual(item["id"], eid)
        self.assertEqual(item["title"], title)
        self.assertEqual(item["effect"], title)


class EmptyAndBrokenTests(ListTestCase):
    def test_empty_workspace(self):
        result = self.ok("list")
        self.assertEqual((result.out, result.err), ("", ""))
        self.assertEqual(self.listed(), [])

    def test_only_people(self):
        self.add_person("Anna de Vries")
        self.assertEqual(self.ok("list").out, "")

    def test_broken_file_is_named(self):
        self.log("match", "Goed")
        broken = self.ws / "meetings" / "2026" / "2026-01-01-kapot-aaaa.toml"
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_text('date = 2026-01-01\ntitle = "Kapot\n')
        for args in (["list"], ["list", "--json"], ["list", "--kind", "match"]):
            with self.subTest(args=args):
                result = self.assertRejected(args, 1, "meetings/2026/2026-01-01-kapot-aaaa.toml")
                self.assertRegex(result.err, r"kapot-aaaa\.toml:\d+:\d+: error: ")

    def test_unknown_option_and_extra_argument(self):
        self.assertRejected(["list", "--bogus"], 2, "--bogus")
        self.assertRejected(["list", "extra"], 2)
        self.assertRejected(["list", "--kind"], 2)
        self.assertRejected(["list", "--since"], 2)

    def test_non_utf8_options(self):
        for option in ["--with", "--tag", "--kind", "--since", "--until"]:
            with self.subTest(option=option):
                self.assertRejected(["list", option, b"caf\xe9"], 2)


class NewcomersPerMonthTests(ListTestCase):
    """The README one-liner: newcomers per month from `spark list --kind meeting --json`."""

    JQ = r'.[] | "\(.date[0:7]) \(.newcomers | length)"'

    def setUp(self):
        super().setUp()
        self.add_person("Anna de Vries", "--group", "staff", "--since", "2026-01-01")
        self.meet("Start", "--date", "2026-01-10", "--with", "anna", "--with", "Bas", "--with",
                  "Cor", "--new")
        self.meet("Tweede", "--date", "2026-01-25", "--with", "anna", "--with", "bas",
                  "--with", "Dirk", "--new")
        self.meet("Februari", "--date", "2026-02-14", "--with", "cor", "--with", "dirk")
        self.meet("Maart", "--date", "2026-03-01", "--with", "Eva", "--with", "Fenna",
                  "--with", "Gijs", "--with", "anna", "--new")
        self.log("match", "Geen ontmoeting", "--date", "2026-02-01", "--with", "Bas")
        self.expected_lines = ["2026-01 2", "2026-01 1", "2026-02 0", "2026-03 3"]
        self.expected_per_month = {"2026-01": 3, "2026-02": 0, "2026-03": 3}

    def test_count_in_python(self):
        meetings = json.loads(self.ok("list", "--kind", "meeting", "--json").out)
        lines = [f"{m['date'][0:7]} {len(m['newcomers'])}" for m in meetings]
        self.assertEqual(lines, self.expected_lines)
        per_month = collections.Counter()
        for m in meetings:
            per_month[m["date"][:7]] += len(m["newcomers"])
        self.assertEqual(dict(per_month), self.expected_per_month)
        # Every person is a newcomer exactly once, except Anna (since before the first meeting).
        people = json.loads(self.ok("people", "list", "--json").out)
        everyone = [pid for m in meetings for pid in m["newcomers"]]
        self.assertEqual(len(everyone), len(set(everyone)))
        self.assertEqual(len(everyone), len(people) - 1)

    def test_count_with_jq(self):
        jq = shutil.which("jq")
        if jq is None:
            self.skipTest("jq not installed")
        pipeline = f"'{sparktest.SPARK}' list --kind meeting --json | jq -r '{self.JQ}'"
        completed = subprocess.run(["sh", "-c", pipeline], cwd=self.ws, env=self.environment(),
                                   stdin=subprocess.DEVNULL, capture_output=True,
                                   timeout=sparktest.TIMEOUT)
        self.assertEqual(completed.returncode, 0, completed.stderr)
        self.assertEqual(completed.stderr, b"")
        self.assertEqual(completed.stdout.decode().splitlines(), self.expected_lines)

    def test_jq_on_an_empty_list(self):
        if shutil.which("jq") is None:
            self.skipTest("jq not installed")
        ws = self.init(path=self.tmp / "leeg")
        completed = subprocess.run(
            ["sh", "-c", f"'{sparktest.SPARK}' list --kind meeting --json | jq -r '{self.JQ}'"],
            cwd=ws, env=self.environment(), stdin=subprocess.DEVNULL, capture_output=True,
            timeout=sparktest.TIMEOUT)
        self.assertEqual((completed.returncode, completed.stdout, completed.stderr),
                         (0, b"", b""))


if __name__ == "__main__":
    sparktest.main()
