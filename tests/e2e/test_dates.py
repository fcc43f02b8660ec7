"""Dates and periods as people type them, through every option that takes one: log --date,
meet --date, people add --since, list --since/--until/--period, report --since/--until/
--period. One parser answers them all (tests/unit/test_date.cpp and test_period.cpp hold
the full tables); here each option is shown to use it, and bad input to be refused with
exit 2 and nothing stored. "Today" is Sunday 1 March 2026."""

import json
import pathlib

import sparktest
from sparktest import SparkTestCase


class DateOptionTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def test_log_and_meet_take_dutch_dates(self):
        path = self.log("vonk", "Koffie", "--date", "eergisteren")
        self.assertEqual(self.read(path)["date"].isoformat(), "2026-02-27")
        path = self.log("actie", "Oud", "--date", "30-11-2025")
        self.assertTrue(path.startswith("log/2025/2025-11-30-"), path)
        result = self.ok("meet", "Buurttafel", "--date", "maandag")
        meeting = result.out.splitlines()[0]
        self.assertEqual(self.read(meeting)["date"].isoformat(), "2026-02-23")
        result = self.ok("meet", "Intervisie", "-d", "vorige week")
        self.assertEqual(self.read(result.out.splitlines()[0])["date"].isoformat(), "2026-02-16")

    def test_people_add_since(self):
        self.add_person("Anna de Vries", "--since", "1/2/2026")
        (path,) = self.record_files("people")
        self.assertEqual(self.read(path)["since"].isoformat(), "2026-02-01")
        self.add_person("Joris Jansen", "--since", "-2w")
        joris = [p for p in self.record_files("people") if "joris" in p][0]
        self.assertEqual(self.read(joris)["since"].isoformat(), "2026-02-15")
        self.assertRejected(["people", "add", "Bart", "--since", "31-02"], 2,
                            "invalid date '31-02' for --since: February 2026 has no day 31")

    def test_list_filters(self):
        for date in ("2025-12-31", "2026-01-15", "2026-02-02", "2026-02-20", "2026-02-27"):
            self.log("fuel", f"Op {date}", "--date", date)

        def dates(*args):
            return [line.split("\t")[0] for line in self.ok("list", *args).out.splitlines()]

        self.assertEqual(dates("--since", "maandag"), ["2026-02-27"])
        self.assertEqual(dates("--since", "-2w", "--until", "zaterdag"),
                         ["2026-02-20", "2026-02-27"])
        self.assertEqual(dates("--until", "15-01"), ["2025-12-31", "2026-01-15"])
        self.assertEqual(dates("--period", "vorige-maand"),
                         ["2026-02-02", "2026-02-20", "2026-02-27"])
        self.assertEqual(dates("--period", "vorige week"), ["2026-02-20"])
        self.assertEqual(dates("--period", "deze-week"), ["2026-02-27"])
        self.assertEqual(dates("--period", "dit-jaar"),
                         ["2026-01-15", "2026-02-02", "2026-02-20", "2026-02-27"])
        self.assertEqual(dates("--period", "last-year"), ["2025-12-31"])
        self.assertEqual(dates("--period", "2026-01"), ["2026-01-15"])
        self.assertEqual(dates("--period", "dit-kwartaal"), dates("--period", "2026-Q1"))
        self.assertEqual(dates("--period", "dit-tertiaal"), dates("--period", "2026-T1"))
        self.assertRejected(["list", "--period", "volgende-maand"], 2,
                            "invalid period 'volgende-maand'", "vorige-maand", "dit-tertiaal")
        self.assertRejected(["list", "--period", "2026-02", "--since", "2026-01-01"], 2,
                            "--period cannot be combined")
        self.assertRejected(["list", "--since", "zaterdag", "--until", "maandag"], 2,
                            "--since 2026-02-28 is after --until 2026-02-23")

    def test_report_period_and_since(self):
        self.log("fuel", "In februari", "--date", "2026-02-10")
        self.log("fuel", "In januari", "--date", "2026-01-10")
        report = json.loads(self.ok("report", "--period", "vorige-maand",
                                    "--format", "json").out)
        self.assertEqual(report["period"], {"since": "2026-02-01", "until": "2026-02-28"})
        report = json.loads(self.ok("report", "--period", "vorig-tertiaal",
                                    "--format", "json").out)
        self.assertEqual(report["period"], {"since": "2025-09-01", "until": "2025-12-31"})
        report = json.loads(self.ok("report", "--since", "1-2", "--until", "gisteren",
                                    "--format", "json").out)
        self.assertEqual(report["period"], {"since": "2026-02-01", "until": "2026-02-28"})
        self.assertRejected(["report", "--period", "vorige"], 2, "invalid period 'vorige'")
        self.assertRejected(["report", "--since", "30-11-26"], 2, "write the year in full")


if __name__ == "__main__":
    sparktest.main()
