"""spark report and spark status on storylines built through the CLI: which fire state and
which signals follow from what happened, the [gauge] thresholds, the --period forms, and the
terminal output of status (colours only for a terminal)."""

import json
import os
import pathlib
import pty
import re
import shutil
import subprocess
import tempfile

import sparktest
from sparktest import SparkTestCase

# "Today" in these storylines: 2026-11-30 12:00 UTC. The default window of 42 days is
# 2026-10-20 … 2026-11-30.
EPOCH = "1796040000"
TODAY = "2026-11-30"

ALL_SIGNALS = {
    "nothing-in-period", "gone-quiet", "no-new-people", "lapsing", "no-pokers",
    "leadership-missing", "no-outside", "no-inside", "talk-no-action", "no-action",
    "no-meetings", "too-smooth", "no-oxygen", "no-proof", "unproven-matches", "shallow-spread",
    "few-groups", "late-leadership", "late-society",
}
ANSI = re.compile(r"\x1b\[")

# Storylines built once through the CLI and copied for every test that starts from them:
# name -> (folder, the ids the builder returned).
BUILT = {}
_built_dir = None


def tearDownModule():
    if _built_dir is not None:
        _built_dir.cleanup()


class StorylineTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.env["SOURCE_DATE_EPOCH"] = EPOCH
        self.init()

    def snapshot(self, root=None):
        """The stored records; .spark/ holds only a derived cache that reading may refresh."""
        return {k: v for k, v in super().snapshot(root).items() if not k.startswith(".spark")}

    # ---- building a storyline ----

    def person(self, name, group, since, *extra, invited_by=None):
        args = ["--group", group, "--since", since, *extra] if group else ["--since", since,
                                                                            *extra]
        if invited_by:
            args += ["--invited-by", invited_by]
        return self.add_person(name, *args)

    def entry(self, kind, title, date, *people, effect=None):
        args = ["--date", date]
        for p in people:
            args += ["--with", p]
        if effect is not None:
            args += ["--effect", effect]
        return self.log(kind, title, *args)

    def meeting(self, title, date, *people, dilemmas=(), questions=()):
        args = ["meet", title, "--date", date]
        for p in people:
            args += ["--with", p]
        for d in dilemmas:
            args += ["--dilemma", d]
        for q in questions:
            args += ["--question", q]
        return self.ok(*args)

    def cached(self, name, build):
        """self.ws as `build` leaves it, built once per run; returns what `build` returned."""
        global _built_dir
        if name not in BUILT:
            if _built_dir is None:
                _built_dir = tempfile.TemporaryDirectory(prefix="spark-e2e-storylines-")
            result = build()
            folder = pathlib.Path(_built_dir.name) / name
            shutil.copytree(self.ws, folder)
            BUILT[name] = (folder, result)
        else:
            shutil.rmtree(self.ws)
            shutil.copytree(BUILT[name][0], self.ws)
        result = BUILT[name][1]
        return dict(result) if isinstance(result, dict) else result

    def core(self):
        return self.cached("core", self.build_core)

    def spreading_start(self):
        return self.cached("spreading_start", self.build_spreading_start)

    def spreading(self):
        return self.cached("spreading", self.build_spreading)

    def build_core(self):
        """Two founders with role spark, and their first spark."""
        a = self.person("Anna Kern", "staff", "2026-06-01", "--role", "spark")
        b = self.person("Bram Kern", "staff", "2026-06-01", "--role", "spark")
        self.entry("vonk", "Koffie bij de automaat", "2026-06-01", a, b)
        return a, b

    def build_spreading_start(self):
        """June–September: the fire spreads over three generations, inside and outside."""
        a, b = self.build_core()
        p = {"anna": a, "bram": b}
        p["carla"] = self.person("Carla Staf", "staff", "2026-07-01", invited_by=a)
        p["dirk"] = self.person("Dirk Leider", "teamlead", "2026-07-15", "--role", "poker",
                                invited_by=b)
        p["eva"] = self.person("Eva Inwoner", "resident", "2026-08-01", invited_by=a)
        p["femke"] = self.person("Femke Partner", "partner", "2026-09-01", invited_by=p["eva"])
        p["gijs"] = self.person("Gijs Staf", "staff", "2026-09-15", "--role", "critic",
                                invited_by=p["carla"])
        self.entry("actie", "Spreekuur in de hal", "2026-07-20", a, p["carla"])
        self.entry("lucifer", "Melding in plaats van vergunning", "2026-08-10", b, p["eva"],
                   effect="9 dagen in plaats van 14 weken")
        self.meeting("Eerste lunch", "2026-07-15", a, b, p["carla"], p["dirk"],
                     dilemmas=["Werktijd of eigen tijd?"])
        self.meeting("Buurtavond", "2026-09-10", a, p["eva"], p["femke"], p["gijs"],
                     questions=["Wie beheert de speeltuin?"])
        return p

    def build_spreading(self):
        """The start, then recent newcomers (a third generation) and recent action."""
        p = self.build_spreading_start()
        p["hanna"] = self.person("Hanna Nieuw", "initiator", "2026-11-10", invited_by=p["femke"])
        p["ivo"] = self.person("Ivo Nieuw", "staff", "2026-11-20", invited_by=p["gijs"])
        self.entry("actie", "Handreiking eerst bellen", "2026-11-05", p["carla"], p["dirk"])
        self.entry("lucifer", "Repaircafé in het oude loket", "2026-11-15", p["dirk"],
                   p["hanna"], effect="46 bezoekers in vier zaterdagen")
        self.meeting("Open lunch", "2026-11-25", p["anna"], p["ivo"], p["hanna"], p["dirk"],
                     dilemmas=["Formeel programma of klein blijven?"])
        return p

    # ---- reading the report ----

    def report(self, *args, lang=None):
        extra = ["--lang", lang] if lang else []
        return json.loads(self.ok("report", "--format", "json", *extra, *args).out)

    def signals(self, data):
        return [s["id"] for s in data["signals"]]

    def criterion(self, data, id):
        return next(c for c in data["criteria"] if c["id"] == id)

    def set_gauge(self, **settings):
        lines = [f"{key} = {value}" for key, value in settings.items()]
        with open(self.ws / "spark.toml", "a") as f:
            f.write("\n[gauge]\n" + "\n".join(lines) + "\n")


class FireStateTests(StorylineTestCase):
    def test_spreading_storyline_is_a_running_fire(self):
        self.spreading()
        data = self.report()
        self.assertEqual(data["state"], "running-fire")
        self.assertEqual(data["state_label"], "lopend vuurtje")
        self.assertEqual(self.signals(data), [])
        self.assertEqual(self.criterion(data, "generations")["value"], 3)
        self.assertEqual(self.criterion(data, "new-people")["value"], 2)
        self.assertEqual(self.criterion(data, "actions")["value"], 2)
        self.assertEqual(self.criterion(data, "meetings")["value"], 1)
        self.assertEqual(self.criterion(data, "proven-matches")["value"], 2)
        self.assertTrue(all(c["pass"] for c in data["criteria"]), data["criteria"])
        self.assertEqual(data["people"]["per_generation"], [2, 3, 2, 2])
        self.assertEqual(data["people"]["inside"], 6)
        self.assertEqual(data["people"]["outside"], 3)
        self.assertEqual(data["people"]["core"], 2)
        self.assertEqual(data["window"], {"since": "2026-10-20", "until": TODAY, "days": 42})
        self.assertEqual(data["period"], {"since": "2026-06-01", "until": TODAY})
        markdown = self.ok("report").out
        self.assertIn("**Stand van het vuur: lopend vuurtje**", markdown)
        self.assertIn("Geen signalen", markdown)

    def test_dying_storyline_is_a_straw_fire(self):
        self.spreading_start()  # nothing at all after 15 September: eleven weeks of silence
        data = self.report()
        self.assertEqual(data["state"], "straw-fire")
        signals = self.signals(data)
        # One signal says it went quiet, instead of three saying what is missing.
        self.assertEqual(signals[0], "gone-quiet")
        for quiet in ("no-new-people", "no-meetings", "no-action", "talk-no-action"):
            self.assertNotIn(quiet, signals)
        message = data["signals"][0]["message"]
        # Gijs first came to the meeting of 10 September: 81 days, 11 weeks ago.
        self.assertIn("al 11 weken geen nieuwe deelnemers, ontmoeting of actie", message)
        english = self.report(lang="en")
        self.assertIn("no new participants, meeting or action for 11 weeks",
                      english["signals"][0]["message"])
        self.assertEqual(self.criterion(data, "actions")["value"], 0)
        self.assertFalse(self.criterion(data, "actions")["pass"])

    def test_the_same_storyline_reported_up_to_september_was_running(self):
        self.spreading_start()
        data = self.report("--until", "2026-09-30")
        self.assertEqual(data["window"], {"since": "2026-08-20", "until": "2026-09-30",
                                          "days": 42})
        self.assertEqual(self.criterion(data, "new-people")["value"], 2)
        # No action between 20 August and 30 September: alive, not running, and the signal
        # says why.
        self.assertEqual(data["state"], "smouldering")
        # Dirk, the team lead, came to a lunch but acted in nothing: no oxygen either.
        self.assertEqual(self.signals(data), ["no-action", "no-oxygen"])
        self.assertIn("geen actie of lucifer in de laatste 6 weken", data["signals"][0]["message"])
        self.set_gauge(window_days=56)  # back to 5 August: the match of 10 August counts
        data = self.report("--until", "2026-09-30")
        self.assertEqual([c["id"] for c in data["criteria"] if not c["pass"]], ["oxygen"])
        self.assertEqual(data["state"], "smouldering")

    def test_only_the_core_is_a_spark(self):
        self.core()
        data = self.report()
        self.assertEqual(data["state"], "spark")
        self.assertEqual(data["people"]["involved"], 2)
        self.assertEqual(data["people"]["core"], 2)
        self.assertIn("no-new-people", self.signals(data))
        self.assertIn("no-pokers", self.signals(data))
        self.assertIn("leadership-missing", self.signals(data))  # 26 weeks after the start
        self.assertNotIn("no-outside", self.signals(data))  # not yet the point for a spark
        self.assertIn("nog niemand buiten de kern", data["signals"][0]["message"])

    def test_empty_workspace_is_no_fire(self):
        data = self.report()
        self.assertEqual(data["state"], "no-fire")
        self.assertEqual(data["state_label"], "geen vuur")
        self.assertEqual(data["people"]["involved"], 0)
        markdown = self.ok("report").out
        self.assertIn("**Stand van het vuur: geen vuur**", markdown)
        self.assertEqual(self.ok("report", "--lang", "en").out.count("No entries in this period."),
                         6)
        # No newcomers: no pie for Azure DevOps (an empty pie does not render), table only.
        azure = self.ok("report", "--mermaid", "azure").out
        self.assertNotIn("::: mermaid", azure)
        self.assertIn("| november\u00a02026 | 0 | 0 | 0 | 0 | 0 |", azure)

    def test_no_fire_in_a_period_before_anything_happened(self):
        self.spreading()
        data = self.report("--period", "2026-03")
        self.assertEqual(data["state"], "no-fire")
        self.assertEqual(data["people"]["involved"], 0)


class SignalTests(StorylineTestCase):
    def test_talk_no_action(self):
        a, b = self.core()
        c = self.person("Carla Staf", "staff", "2026-10-01", invited_by=a)
        for day in ("2026-10-05", "2026-10-19", "2026-11-02"):
            self.meeting(f"Lunch {day}", day, a, b, c)
        data = self.report("--since", "2026-10-01")
        self.assertIn("talk-no-action", self.signals(data))
        self.assertNotIn("no-action", self.signals(data))  # the stronger of the two
        message = next(s["message"] for s in data["signals"] if s["id"] == "talk-no-action")
        self.assertIn("3 ontmoetingen en geen actie in deze periode", message)
        self.entry("actie", "Eindelijk iets gedaan", "2026-11-03", a)
        self.assertNotIn("talk-no-action", self.signals(self.report("--since", "2026-10-01")))

    def test_shallow_spread(self):
        a, b = self.core()
        c = self.person("Carla Staf", "staff", "2026-11-01", invited_by=a)
        self.person("Ria Inwoner", "resident", "2026-11-02", invited_by=b)
        self.entry("actie", "Gedaan", "2026-11-03", a, c)
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        self.assertIn("shallow-spread", self.signals(data))
        message = next(s["message"] for s in data["signals"] if s["id"] == "shallow-spread")
        self.assertIn("generatie 1", message)
        self.person("Kim Staf", "staff", "2026-11-04", invited_by=c)
        data = self.report()
        self.assertNotIn("shallow-spread", self.signals(data))
        self.assertTrue(self.criterion(data, "generations")["pass"])

    def test_no_inside(self):
        a = self.person("Ria Inwoner", "resident", "2026-11-01", "--role", "spark")
        self.person("Sam Inwoner", "resident", "2026-11-02", invited_by=a)
        data = self.report()
        self.assertIn("no-inside", self.signals(data))
        self.assertNotIn("no-outside", self.signals(data))

    def test_every_signal_has_a_sentence_in_both_languages(self):
        a, _ = self.core()
        self.meeting("Praatje", "2026-11-02", a)
        self.entry("lucifer", "Oude proef", "2026-06-02", a)
        seen = set()
        for lang in ("nl", "en"):
            for data in (self.report(lang=lang), self.report("--since", "2026-11-01", lang=lang)):
                for signal in data["signals"]:
                    seen.add(signal["id"])
                    self.assertNotEqual(signal["message"], signal["id"])
                    self.assertNotIn("{", signal["message"])
                    self.assertRegex(signal["message"], r" — ")
        self.assertLessEqual(seen, ALL_SIGNALS)
        self.assertGreaterEqual(len(seen), 6, seen)
        # Every id is in the reference, so scripts can rely on it.
        manual = (sparktest.HERE.parents[1] / "man" / "spark-report.1").read_text()
        for signal in ALL_SIGNALS:
            self.assertIn(signal.replace("-", "\\-"), manual)

    def test_a_match_also_counts_as_action(self):
        a, b = self.core()
        self.meeting("Lunch", "2026-11-02", a, b)
        self.entry("lucifer", "Proef", "2026-11-03", a, effect="werkt")
        self.assertNotIn("talk-no-action", self.signals(self.report()))

    def test_unproven_matches_are_counted(self):
        a, b = self.core()
        self.entry("lucifer", "Proef een", "2026-11-01", a)
        data = self.report()
        self.assertEqual(data["unproven_matches"], 1)
        self.assertIn("1 lucifer zonder bewezen effect",
                      next(s["message"] for s in data["signals"] if s["id"] == "unproven-matches"))
        self.entry("lucifer", "Proef twee", "2026-11-02", a, effect="  ")  # blank is no proof
        self.entry("lucifer", "Proef drie", "2026-11-03", b, effect="3 weken sneller")
        data = self.report()
        self.assertEqual(data["unproven_matches"], 2)
        self.assertEqual(data["proven_matches"], 1)
        messages = {s["id"]: s["message"] for s in self.report(lang="en")["signals"]}
        self.assertIn("2 matches without proven effect", messages["unproven-matches"])

    def test_leadership_missing_until_a_team_lead_takes_part(self):
        a, _ = self.core()
        self.person("Carla Staf", "staff", "2026-10-01", invited_by=a)
        self.assertIn("leadership-missing", self.signals(self.report()))
        for group in ("teamlead", "director", "executive", "council"):
            with self.subTest(group=group):
                pid = self.person(f"Leiding {group}", group, "2026-10-02", invited_by=a)
                # Registered is not yet taking part.
                self.assertIn("leadership-missing", self.signals(self.report()))
                meeting = self.meeting(f"Kennismaking {group}", "2026-10-05", a, pid)
                self.assertNotIn("leadership-missing", self.signals(self.report()))
                (self.ws / "people" / f"{pid}.toml").unlink()
                (self.ws / meeting.out.splitlines()[0]).unlink()

    def test_no_outside_until_someone_from_outside_joins(self):
        a, _ = self.core()
        self.person("Carla Staf", "staff", "2026-10-01", invited_by=a)
        data = self.report()
        self.assertIn("no-outside", self.signals(data))
        self.assertFalse(self.criterion(data, "inside-outside")["pass"])
        # Without a group is neither inside nor outside for the gauge.
        self.person("Zonder Groep", None, "2026-10-02", invited_by=a)
        self.assertIn("no-outside", self.signals(self.report()))
        self.person("Ria Inwoner", "resident", "2026-10-03", invited_by=a)
        data = self.report()
        self.assertNotIn("no-outside", self.signals(data))
        self.assertTrue(self.criterion(data, "inside-outside")["pass"])

    def test_too_smooth_until_a_question_a_dilemma_or_a_critic_who_came(self):
        a, b = self.core()
        self.meeting("Gladde lunch", "2026-11-02", a, b)
        self.assertIn("too-smooth", self.signals(self.report()))
        karel = self.person("Kritische Karel", "staff", "2026-11-03", "--role", "critic",
                            invited_by=a)
        self.assertIn("too-smooth", self.signals(self.report()))  # he never came
        self.meeting("Lunch met Karel", "2026-11-04", a, karel)
        self.assertNotIn("too-smooth", self.signals(self.report()))

    def test_a_dilemma_alone_is_enough_against_too_smooth(self):
        a, b = self.core()
        self.meeting("Lunch", "2026-11-02", a, b, dilemmas=["Regels of ruimte?"])
        data = self.report()
        self.assertNotIn("too-smooth", self.signals(data))
        self.assertEqual(data["dilemmas"], 1)

    def test_signal_messages_in_both_languages(self):
        self.core()
        for lang, phrase in (("nl", "nog geen leiding betrokken"),
                             ("en", "no leadership involved yet")):
            data = self.report(lang=lang)
            self.assertIn(phrase, " ".join(s["message"] for s in data["signals"]))
        # The page shows words and the next step, not the ids scripts use.
        markdown = self.ok("report", "--lang", "en").out
        self.assertNotIn("leadership-missing", markdown)
        self.assertIn("**No leadership involved yet, 26 weeks after the start", markdown)
        self.assertIn("Next step: Invite a team lead, director", markdown)


class GaugeSettingsTests(StorylineTestCase):
    def test_min_generations_changes_the_state(self):
        self.spreading()
        self.set_gauge(min_generations=4)
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        self.assertEqual(self.criterion(data, "generations"),
                         {**self.criterion(data, "generations"), "value": 3, "threshold": 4,
                          "pass": False})

    def test_a_short_window_misses_the_newcomers(self):
        self.spreading()
        self.set_gauge(window_days=7)  # 24–30 November: nobody new since the 20th
        data = self.report()
        self.assertEqual(data["window"], {"since": "2026-11-24", "until": TODAY, "days": 7})
        self.assertEqual(data["state"], "smouldering")  # the meeting of the 25th: alive
        self.assertIn("no-new-people", self.signals(data))
        self.assertEqual(self.criterion(data, "new-people")["label"],
                         "Nieuwe deelnemers in de laatste 1 week")

    def test_a_window_of_days_is_named_in_days(self):
        self.spreading()
        self.set_gauge(window_days=10)
        data = self.report(lang="en")
        self.assertEqual(data["window"], {"since": "2026-11-21", "until": TODAY, "days": 10})
        self.assertEqual(self.criterion(data, "meetings")["label"], "Meetings in the last 10 days")
        self.assertIn("Actions and matches in the last 10 days",
                      self.ok("report", "--lang", "en").out)

    def test_thresholds_of_zero_and_higher_minimums(self):
        self.spreading()
        self.set_gauge(min_new_people=3, min_meetings=2, min_proven_matches=5)
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        messages = {s["id"]: s["message"] for s in data["signals"]}
        self.assertIn("maar 2 mensen nieuw in de laatste 6 weken", messages["no-new-people"])
        self.assertIn("maar 1 ontmoeting in de laatste 6 weken", messages["no-meetings"])
        self.assertFalse(self.criterion(data, "proven-matches")["pass"])

    def test_bad_gauge_values_are_reported_with_their_position(self):
        self.spreading()
        with open(self.ws / "spark.toml", "a") as f:
            f.write("\n[gauge]\nwindow_days = 0\nmin_generations = \"twee\"\nmin_groepen = 3\n")
        lines = (self.ws / "spark.toml").read_text().splitlines()
        row = {key: lines.index(next(l for l in lines if l.startswith(key))) + 1
               for key in ("window_days", "min_generations", "min_groepen")}
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        self.assertRegex(result.out + result.err,
                         rf"spark\.toml:{row['window_days']}:\d+: error: .*window_days")
        self.assertRegex(result.out + result.err,
                         rf"spark\.toml:{row['min_generations']}:\d+: error: .*min_generations")
        self.assertRegex(result.out + result.err,
                         rf"spark\.toml:{row['min_groepen']}:\d+: error: .*min_groepen")
        self.assertFails(self.spark("report"), 1, "spark.toml")
        self.assertFails(self.spark("status"), 1, "spark.toml")


class PeriodTests(StorylineTestCase):
    def setUp(self):
        super().setUp()
        self.spreading()

    def test_period_forms(self):
        cases = {
            "2026-11": ("2026-11-01", "2026-11-30", ["2026-11"]),
            "2026-Q4": ("2026-10-01", "2026-12-31", ["2026-10", "2026-11", "2026-12"]),
            "2026-q3": ("2026-07-01", "2026-09-30", ["2026-07", "2026-08", "2026-09"]),
            "2026-T1": ("2026-01-01", "2026-04-30", ["2026-01", "2026-02", "2026-03", "2026-04"]),
            "2026-T2": ("2026-05-01", "2026-08-31", ["2026-05", "2026-06", "2026-07", "2026-08"]),
            "2026-T3": ("2026-09-01", "2026-12-31", ["2026-09", "2026-10", "2026-11", "2026-12"]),
            "2026": ("2026-01-01", "2026-12-31", [f"2026-{m:02}" for m in range(1, 13)]),
            "2024-02": ("2024-02-01", "2024-02-29", ["2024-02"]),
        }
        for text, (since, until, months) in cases.items():
            with self.subTest(period=text):
                data = self.report("--period", text)
                self.assertEqual(data["period"], {"since": since, "until": until})
                self.assertEqual([m["month"] for m in data["growth"]], months)

    def test_tertial_counts_only_its_months(self):
        data = self.report("--period", "2026-T3")
        counts = data["counts"]
        # September–December: the spark of June and the July/August entries stay out.
        self.assertEqual(counts["spark"], 0)
        self.assertEqual(counts["action"], 1)
        self.assertEqual(counts["match"], 1)
        self.assertEqual(counts["meeting"], 2)
        self.assertEqual(data["people"]["new_in_period"], 4)  # Femke, Gijs, Hanna, Ivo
        markdown = self.ok("report", "--period", "2026-T3").out
        self.assertIn("Periode: 1 september 2026 – 31 december 2026", markdown)
        self.assertIn('x-axis ["sep 2026", "okt", "nov", "dec"]', markdown)

    def test_growth_counts_people_from_before_the_period(self):
        data = self.report("--period", "2026-11")
        self.assertEqual(data["growth"][0]["new_people"], 2)
        self.assertEqual(data["growth"][0]["people"], 9)

    def test_period_across_the_year_labels_months_with_their_year(self):
        markdown = self.ok("report", "--since", "2026-11-01", "--until", "2027-01-15").out
        self.assertIn('x-axis ["nov 2026", "dec", "jan 2027"]', markdown)

    def test_period_with_since_or_until_is_a_usage_error(self):
        for extra in (["--since", "2026-01-01"], ["--until", "2026-12-31"]):
            with self.subTest(extra=extra):
                self.assertRejected(["report", "--period", "2026-11", *extra], 2, "--period")

    def test_invalid_periods_are_usage_errors(self):
        for text in ("2026-T4", "2026-T0", "2026-Q5", "2026-Q0", "2026-13", "2026-00", "26",
                     "2026-1", "2026-11-01", "2026-W12", "november", "", "0000", "2026-T"):
            with self.subTest(period=text):
                self.assertRejected(["report", "--period", text], 2, "period")

    def test_invalid_since_until(self):
        self.assertRejected(["report", "--since", "2026-02-30"], 2, "--since")
        self.assertRejected(["report", "--since", "2026-12-01", "--until", "2026-11-01"], 2,
                            "--since")

    def test_until_before_the_first_record(self):
        data = self.report("--until", "2026-01-31")
        self.assertEqual(data["period"], {"since": "2026-01-31", "until": "2026-01-31"})
        self.assertEqual(data["state"], "no-fire")


class StatusTests(StorylineTestCase):
    def status_lines(self, *args, env=None):
        result = self.ok(*args, "status", env=env)
        return result.out.splitlines()

    def test_status_lines(self):
        self.spreading()
        lines = self.status_lines()
        self.assertEqual(lines[0], "Testvuur: lopend vuurtje (running-fire)")
        self.assertIn("Het vuur verspreidt zich", lines[1])
        self.assertEqual(lines[2], "  9 mensen betrokken (+2 nieuw in de laatste 6 weken)")
        self.assertEqual(
            lines[3], "  laatste vermelding: 2026-11-15 (15 dagen geleden) Repaircafé in het oude loket"
        )
        self.assertEqual(lines[4], "  laatste ontmoeting: 2026-11-25 (5 dagen geleden) Open lunch")
        self.assertEqual(len(lines), 5)  # no signals

    def test_status_signals_and_more(self):
        a, b = self.core()
        self.meeting("Praatje", "2026-11-29", a, b)
        lines = self.status_lines()
        self.assertEqual(lines[0], "Testvuur: vonk (spark)")
        self.assertEqual(lines[2], "  2 mensen betrokken (+0 nieuw in de laatste 6 weken)")
        self.assertEqual(lines[4], "  laatste ontmoeting: 2026-11-29 (gisteren) Praatje")
        signals = [line for line in lines if line.startswith("  ! ")]
        self.assertEqual(len(signals), 3)
        self.assertIn("nog niemand buiten de kern", signals[0])
        self.assertRegex(lines[-1], r"^  … en nog \d+: spark report$")

    def test_status_in_english_and_empty(self):
        (self.ws / "spark.toml").write_text(
            (self.ws / "spark.toml").read_text().replace('language = "nl"', 'language = "en"'))
        lines = self.status_lines()
        self.assertEqual(lines[0], "Testvuur: no fire (no-fire)")
        self.assertEqual(lines[1], "  Nothing has been recorded yet.")
        self.assertEqual(lines[2], "  0 people involved (+0 new in the last 6 weeks)")
        self.assertEqual(lines[3], "  last entry: nothing yet")
        self.assertEqual(lines[4], "  last meeting: nothing yet")
        a = self.person("Anna Kern", "staff", TODAY, "--role", "spark")
        self.entry("spark", "Vandaag begonnen", TODAY, a)
        lines = self.status_lines()
        self.assertEqual(lines[2], "  1 person involved (+0 new in the last 6 weeks)")
        self.assertEqual(lines[3], "  last entry: 2026-11-30 (today) Vandaag begonnen")

    def test_status_titles_cannot_drive_the_terminal(self):
        a, b = self.core()
        (self.ws / "log" / "2026" / "2026-11-29-hand-x1y2.toml").write_text(
            'date = 2026-11-29\nkind = "action"\ntitle = "rood \\u001b[31m en \\u009b2J '
            'titel \\u001b]0;pwned\\u0007"\npeople = []\n')
        self.ok("check")
        for args in ([], ["--color", "always"]):
            out = self.ok(*args, "status").out
            entry_line = next(l for l in out.splitlines() if "laatste vermelding" in l)
            self.assertNotIn("\x1b", entry_line)
            self.assertNotIn("\x9b", entry_line)
            self.assertNotIn("\x07", entry_line)
            self.assertIn("rood", entry_line)

    def test_no_colours_when_not_a_terminal(self):
        self.spreading()
        self.assertNotRegex(self.ok("status").out, ANSI)
        self.assertNotRegex(self.ok("--color", "auto", "status").out, ANSI)
        self.assertNotRegex(self.ok("--color", "never", "status").out, ANSI)
        coloured = self.ok("--color", "always", "status").out
        self.assertRegex(coloured.splitlines()[0], ANSI)
        self.assertIn("lopend vuurtje (running-fire)", re.sub(r"\x1b\[[0-9;]*m", "", coloured))
        # --color always wins over NO_COLOR (an explicit flag beats the environment).
        self.assertRegex(self.ok("--color", "always", "status", env={"NO_COLOR": "1"}).out, ANSI)

    def run_in_terminal(self, *args, env):
        """Runs spark with a pseudo-terminal as stdout; returns what it printed."""
        leader, follower = pty.openpty()
        try:
            process = subprocess.Popen(
                [sparktest.SPARK, *args], stdout=follower, stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL, cwd=self.ws, env=self.environment(env))
            os.close(follower)
            follower = None
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # EIO: the other side is closed
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            process.wait(timeout=sparktest.TIMEOUT)
            self.assertEqual(process.returncode, 0, process.stderr.read())
            process.stderr.close()
            return b"".join(chunks).decode("utf-8")
        finally:
            os.close(leader)
            if follower is not None:
                os.close(follower)

    def test_colours_on_a_terminal_unless_no_color(self):
        self.spreading()
        self.assertRegex(self.run_in_terminal("status", env={"TERM": "xterm"}), ANSI)
        self.assertNotRegex(
            self.run_in_terminal("status", env={"TERM": "xterm", "NO_COLOR": "1"}), ANSI)
        self.assertNotRegex(self.run_in_terminal("--color", "never", "status",
                                                 env={"TERM": "xterm"}), ANSI)
        self.assertNotRegex(self.run_in_terminal("status", env={"TERM": "dumb"}), ANSI)


if __name__ == "__main__":
    sparktest.main()
