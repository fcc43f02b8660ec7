"""The fire gauge on storylines a participation adviser lives, entered only through the CLI.

Each storyline is one of the situations the article "Ga vonken!" warns about, or the one it
hopes for. For each, the verdict (state), the signals and the advice are what an adviser would
sign, for the whole history and per month, quarter, tertial and year. Today is 30 November 2026.

Run with STORYLINES_SHOW=1 to print every report for reading by eye.
"""

import json
import os
import pathlib
import shutil
import tempfile

import sparktest
from sparktest import SparkTestCase

EPOCH = "1796040000"  # 2026-11-30 12:00 UTC
TODAY = "2026-11-30"

BUILT = {}
_built_dir = None


def tearDownModule():
    if _built_dir is not None:
        _built_dir.cleanup()


class Storyline(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.env["SOURCE_DATE_EPOCH"] = EPOCH

    # ---- entering a storyline through the CLI ----

    def person(self, name, group, *extra, since=None, invited_by=None):
        args = ["--group", group, *extra]
        if since:
            args += ["--since", since]
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

    def built(self, name):
        """The storyline `name` (a build_<name> method), entered once per run and copied."""
        global _built_dir
        if name not in BUILT:
            if _built_dir is None:
                _built_dir = tempfile.TemporaryDirectory(prefix="spark-e2e-gauge-")
            self.init()
            people = getattr(self, f"build_{name}")()
            folder = pathlib.Path(_built_dir.name) / name
            shutil.copytree(self.ws, folder)
            BUILT[name] = (folder, people)
        else:
            if self.ws.exists():
                shutil.rmtree(self.ws)
            shutil.copytree(BUILT[name][0], self.ws)
        return dict(BUILT[name][1])

    # ---- the storylines ----

    def build_running(self):
        """Spreading inside and outside, a team lead acting, a poker, friction and proof."""
        p = {}
        p["anna"] = self.person("Anna Kern", "staff", "--role", "spark", since="2026-06-01")
        p["bram"] = self.person("Bram Kern", "staff", "--role", "spark", since="2026-06-01")
        self.entry("vonk", "Koffie bij de automaat", "2026-06-01", p["anna"], p["bram"])
        p["dirk"] = self.person("Dirk Leider", "teamlead", "--role", "pook",
                                invited_by=p["bram"])
        p["carla"] = self.person("Carla Staf", "staff", invited_by=p["anna"])
        p["eva"] = self.person("Eva Inwoner", "resident", invited_by=p["anna"])
        self.meeting("Eerste lunch", "2026-06-20", p["anna"], p["bram"], p["carla"], p["dirk"],
                     dilemmas=["Werktijd of eigen tijd?"])
        self.entry("zuurstof", "Dirk geeft vier uur per week", "2026-06-25", p["dirk"], p["anna"])
        self.entry("actie", "Spreekuur in de hal", "2026-07-08", p["anna"], p["carla"], p["eva"])
        p["femke"] = self.person("Femke Partner", "partner", invited_by=p["eva"])
        p["gijs"] = self.person("Gijs Staf", "staff", "--role", "criticus", invited_by=p["carla"])
        self.meeting("Buurtavond", "2026-09-10", p["anna"], p["eva"], p["femke"], p["gijs"],
                     questions=["Wie beheert de speeltuin?"])
        self.entry("lucifer", "Melding in plaats van vergunning", "2026-09-20", p["bram"],
                   p["eva"], effect="9 dagen in plaats van 14 weken")
        p["hanna"] = self.person("Hanna Nieuw", "initiator", invited_by=p["femke"])
        p["ivo"] = self.person("Ivo Nieuw", "staff", invited_by=p["gijs"])
        self.entry("actie", "Handreiking eerst bellen", "2026-11-05", p["carla"], p["dirk"])
        self.entry("lucifer", "Repaircafé in het oude loket", "2026-11-15", p["dirk"],
                   p["hanna"], effect="46 bezoekers in vier zaterdagen")
        self.meeting("Open lunch", "2026-11-25", p["anna"], p["ivo"], p["hanna"], p["dirk"],
                     dilemmas=["Formeel programma of klein blijven?"])
        return p

    def build_too_smooth(self):
        """A monthly inspiration session with many people and no question, dilemma, critic or
        proven effect: it goes too smoothly."""
        p = {}
        p["anna"] = self.person("Anna Kern", "staff", "--role", "spark", since="2026-06-01")
        p["petra"] = self.person("Petra Directeur", "director", invited_by=p["anna"])
        self.entry("zuurstof", "Petra opent de reeks", "2026-06-03", p["petra"], p["anna"])
        previous = [p["anna"], p["petra"]]
        months = ["06", "07", "08", "09", "10", "11"]
        for i, month in enumerate(months):
            new = [
                self.person(f"Collega {month}a", "staff", invited_by=previous[-1]),
                self.person(f"Collega {month}b", "staff", invited_by=previous[-1]),
                self.person(f"Bewoner {month}", "resident", invited_by=previous[-2]),
            ]
            self.meeting(f"Inspiratiesessie {i + 1}", f"2026-{month}-18", *previous, *new)
            self.entry("lucifer", f"Inspiratie toegepast {i + 1}", f"2026-{month}-24",
                       p["anna"], new[0], effect="nog niet bekend")
            previous += new
        return p

    def build_residents_only(self):
        """Carried by residents and one civil servant: no leadership, no zuurstof."""
        p = {}
        p["rik"] = self.person("Rik Bewoner", "resident", "--role", "spark", since="2026-06-01")
        p["sara"] = self.person("Sara Bewoner", "initiator", "--role", "spark",
                                since="2026-06-01")
        p["tom"] = self.person("Tom Ambtenaar", "staff", invited_by=p["rik"])
        self.meeting("Tuinoverleg", "2026-06-10", p["rik"], p["sara"], p["tom"],
                     questions=["Mogen we de grond gebruiken?"])
        previous = p["sara"]
        for i, month in enumerate(["07", "08", "09", "10", "11"]):
            new = self.person(f"Buur {month}", "resident", invited_by=previous)
            self.meeting(f"Tuinoverleg {month}", f"2026-{month}-10", p["rik"], p["sara"], new,
                         dilemmas=["Wie is aansprakelijk?"])
            self.entry("actie", f"Moestuin uitgebreid {i + 1}", f"2026-{month}-20", p["rik"],
                       new, effect=f"{4 + i} nieuwe bakken")
            previous = new
        self.entry("lucifer", "Bewoners beheren zelf", "2026-10-25", p["sara"], p["tom"],
                   effect="geen meldingen meer over de braakliggende grond")
        return p

    def build_died(self):
        """Spread inside and outside in June–August, then nothing after the summer."""
        p = {}
        p["anna"] = self.person("Anna Kern", "staff", "--role", "spark", since="2026-05-01")
        p["bram"] = self.person("Bram Kern", "staff", "--role", "spark", since="2026-05-01")
        self.entry("vonk", "Begonnen", "2026-05-01", p["anna"], p["bram"])
        p["dirk"] = self.person("Dirk Leider", "teamlead", "--role", "pook",
                                invited_by=p["bram"])
        p["eva"] = self.person("Eva Inwoner", "resident", invited_by=p["dirk"])
        p["femke"] = self.person("Femke Partner", "partner", invited_by=p["eva"])
        self.meeting("Lunch", "2026-06-10", p["anna"], p["bram"], p["dirk"],
                     dilemmas=["Mag dat wel?"])
        self.entry("zuurstof", "Dirk geeft ruimte", "2026-06-12", p["dirk"])
        self.meeting("Buurtavond", "2026-07-15", p["anna"], p["eva"], p["femke"], p["dirk"],
                     questions=["Wat kunnen we samen?"])
        self.entry("lucifer", "Vergunning eenvoudiger", "2026-08-15", p["anna"], p["eva"],
                   effect="3 weken sneller")
        return p

    def build_young(self):
        """Growing fast inside the organisation, three generations, nobody from outside yet."""
        p = {}
        p["anna"] = self.person("Anna Kern", "staff", "--role", "spark", since="2026-09-01")
        p["dirk"] = self.person("Dirk Leider", "teamlead", "--role", "pook",
                                invited_by=p["anna"])
        p["carla"] = self.person("Carla Staf", "staff", invited_by=p["dirk"])
        p["gijs"] = self.person("Gijs Staf", "staff", "--role", "criticus", invited_by=p["carla"])
        self.meeting("Eerste lunch", "2026-09-15", p["anna"], p["dirk"],
                     questions=["Hoe krijgen we tijd?"])
        self.entry("zuurstof", "Dirk maakt een middag vrij", "2026-09-20", p["dirk"], p["anna"])
        self.meeting("Tweede lunch", "2026-10-20", p["anna"], p["dirk"], p["carla"],
                     dilemmas=["Eerst regels of eerst doen?"])
        self.entry("lucifer", "Eerst bellen", "2026-11-10", p["carla"], p["gijs"],
                   effect="de helft minder bezwaren")
        self.meeting("Derde lunch", "2026-11-20", p["anna"], p["carla"], p["gijs"])
        return p

    def build_summer(self):
        """Active until the summer recess; the workspace sets the recess."""
        p = {}
        p["anna"] = self.person("Anna Kern", "staff", "--role", "spark", since="2026-05-01")
        p["dirk"] = self.person("Dirk Leider", "teamlead", "--role", "pook",
                                invited_by=p["anna"])
        p["eva"] = self.person("Eva Inwoner", "resident", invited_by=p["dirk"])
        p["femke"] = self.person("Femke Partner", "partner", invited_by=p["eva"])
        self.meeting("Lunch", "2026-05-20", p["anna"], p["dirk"], dilemmas=["Mag dat?"])
        self.entry("zuurstof", "Ruimte van Dirk", "2026-05-25", p["dirk"])
        self.meeting("Buurtavond", "2026-06-20", p["anna"], p["eva"], p["dirk"],
                     questions=["Samen de speeltuin?"])
        self.entry("lucifer", "Speeltuin in zelfbeheer", "2026-07-08", p["eva"], p["femke"],
                   effect="14 buren doen mee")
        return p

    # ---- reading ----

    def report(self, *args, lang=None):
        extra = ["--lang", lang] if lang else []
        data = json.loads(self.ok("report", "--format", "json", *extra, *args).out)
        if os.environ.get("STORYLINES_SHOW"):
            print(self.ok("report", *extra, *args).out)
        return data

    def signals(self, data):
        return [s["id"] for s in data["signals"]]

    def signal(self, data, id):
        return next(s for s in data["signals"] if s["id"] == id)

    def criterion(self, data, id):
        return next(c for c in data["criteria"] if c["id"] == id)

    def failing(self, data):
        return {c["id"] for c in data["criteria"] if not c["pass"]}

    def history(self, data):
        return [(m["month"], m["state"]) for m in data["history"]]

    def set_config(self, text):
        with open(self.ws / "spark.toml", "a") as f:
            f.write("\n" + text)


class RunningFire(Storyline):
    def setUp(self):
        super().setUp()
        self.p = self.built("running")

    def test_the_whole_history_is_a_running_fire(self):
        data = self.report()
        self.assertEqual(data["state"], "running-fire")
        self.assertEqual(self.failing(data), set())
        self.assertEqual(self.signals(data), [])
        self.assertEqual(data["last_activity"], "2026-11-25")
        # Over time: smouldering while it spread, quiet in August (nothing between 8 July and
        # 10 September), running since — with a dip in October, before the newcomers of
        # November.
        self.assertEqual(self.history(data), [
            ("2026-06", "smouldering"), ("2026-07", "smouldering"), ("2026-08", "straw-fire"),
            ("2026-09", "running-fire"), ("2026-10", "smouldering"), ("2026-11", "running-fire"),
        ])
        markdown = self.ok("report").out
        self.assertIn("**Stand van het vuur: lopend vuurtje**", markdown)
        self.assertIn("Laatste activiteit: 25 november 2026 (5 dagen geleden)", markdown)
        self.assertIn("**Poken:** Dirk Leider", markdown)
        self.assertIn("**Critici:** Gijs Staf", markdown)

    def test_periods(self):
        # November: all of it within the last six weeks.
        self.assertEqual(self.report("--period", "2026-11")["state"], "running-fire")
        self.assertEqual(self.report("--period", "2026-Q4")["state"], "running-fire")
        self.assertEqual(self.report("--period", "2026-T3")["state"], "running-fire")
        self.assertEqual(self.report("--period", "2026")["state"], "running-fire")
        # August: nothing at all between 8 July and 10 September. The summer recess, once
        # set, keeps the fire of July in the window.
        august = self.report("--period", "2026-08")
        self.assertEqual(august["state"], "straw-fire")
        self.assertEqual(self.signals(august), ["nothing-in-period"])
        self.set_config('[gauge]\nrecess = [["07-13", "08-31"]]\n')
        self.assertEqual(self.report("--period", "2026-08")["state"], "smouldering")

    def test_criteria_that_hold_for_a_while_say_how_long(self):
        data = self.report()
        # The latest newcomers (Hanna, Ivo) joined on 15 and 25 November.
        self.assertEqual(self.criterion(data, "new-people")["days_left"], 37)
        self.assertEqual(self.criterion(data, "meetings")["days_left"], 37)
        self.assertNotIn("days_left", self.criterion(data, "generations"))
        # Kept on one line with no-break spaces, as dates are.
        self.assertIn("| ✓\u00a0nog\u00a037\u00a0dagen |", self.ok("report").out)
        # A period that has ended has no countdown.
        self.assertNotIn("days_left", self.criterion(self.report("--until", "2026-11-29"),
                                                     "new-people"))


class TooSmooth(Storyline):
    def setUp(self):
        super().setUp()
        self.built("too_smooth")

    def test_many_people_and_no_friction_is_not_a_running_fire(self):
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        self.assertEqual(self.failing(data), {"friction", "proven-matches"})
        friction = self.criterion(data, "friction")
        self.assertEqual((friction["value"], friction["meetings"]), (0, 6))
        self.assertEqual(self.signals(data), ["no-pokers", "too-smooth", "unproven-matches"])
        self.assertIn("te gladjes: 0 van 6 ontmoetingen", self.signal(data, "too-smooth")["message"])
        self.assertIn("kritisch-constructieve", self.signal(data, "too-smooth")["advice"])
        self.assertIn("6 lucifers zonder bewezen effect",
                      self.signal(data, "unproven-matches")["message"])
        markdown = self.ok("report").out
        self.assertIn("ontbreekt nog: wrijving en bewezen effect", markdown)

    def test_every_period_says_the_same(self):
        for period in ("2026-11", "2026-Q4", "2026-T3", "2026"):
            with self.subTest(period=period):
                data = self.report("--period", period)
                self.assertEqual(data["state"], "smouldering")
                self.assertIn("too-smooth", self.signals(data))

    def test_one_critic_who_never_came_does_not_make_it_rough(self):
        # Registered as having joined today (an explicit since: without one, someone who
        # never took part is not counted yet).
        self.person("Karel Kritisch", "resident", "--role", "criticus", since=TODAY)
        data = self.report()
        self.assertIn("too-smooth", self.signals(data))
        # JSON names nobody: the critic by group and number.
        self.assertIn("Vraag inwoner 7 (criticus)", self.signal(data, "too-smooth")["advice"])
        self.assertIn("Vraag inwoner 7 (criticus)", self.ok("report").out)


class ResidentsOnly(Storyline):
    def setUp(self):
        super().setUp()
        self.built("residents_only")

    def test_the_organisation_has_not_caught_fire(self):
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        self.assertEqual(self.failing(data), {"groups", "leadership", "oxygen"})
        self.assertEqual(self.signals(data)[:2], ["no-pokers", "leadership-missing"])
        self.assertIn("no-oxygen", self.signals(data))
        self.assertIn("nog geen leiding betrokken, 26 weken na de start",
                      self.signal(data, "leadership-missing")["message"])
        self.assertIn("Nodig vrij snel een teamleider",
                      self.signal(data, "leadership-missing")["advice"])
        for period in ("2026-11", "2026-Q4", "2026-T3", "2026"):
            with self.subTest(period=period):
                self.assertEqual(self.report("--period", period)["state"], "smouldering")

    def test_a_director_acting_makes_it_run(self):
        tom = next(p for p in (self.ws / "people").iterdir() if p.name.startswith("tom"))
        director = self.person("Petra Directeur", "director", invited_by=tom.stem)
        self.entry("zuurstof", "Petra geeft de grond in bruikleen", "2026-11-26", director)
        self.assertEqual(self.report()["state"], "running-fire")


class DeadFire(Storyline):
    def setUp(self):
        super().setUp()
        self.p = self.built("died")

    def test_three_months_of_silence_is_a_straw_fire(self):
        data = self.report()
        self.assertEqual(data["state"], "straw-fire")
        self.assertEqual(self.signals(data)[0], "gone-quiet")
        self.assertIn("al 15 weken geen nieuwe deelnemers, ontmoeting of actie",
                      self.signal(data, "gone-quiet")["message"])
        self.assertIn("Vraag teamleider 1 (pook)", self.signal(data, "gone-quiet")["advice"])
        self.assertIn("Vraag Dirk Leider (pook)", self.ok("report").out)
        self.assertEqual(self.history(data), [("2026-05", "spark"),
                                              ("2026-06", "smouldering"),
                                              ("2026-07", "smouldering"),
                                              ("2026-08", "smouldering"),
                                              ("2026-09", "straw-fire"),
                                              ("2026-10", "straw-fire"),
                                              ("2026-11", "straw-fire")])

    def test_an_empty_month_says_so_in_one_line(self):
        data = self.report("--period", "2026-10")
        self.assertEqual(data["state"], "straw-fire")
        self.assertEqual(self.signals(data), ["nothing-in-period"])
        self.assertIn("de laatste activiteit was op 15 augustus 2026",
                      data["signals"][0]["message"])

    def test_registering_a_colleague_and_one_action_do_not_relight_it(self):
        colleague = self.person("Vergeten Collega", "staff", invited_by=self.p["anna"])
        self.assertEqual(self.report()["state"], "straw-fire")  # registering is not joining
        self.entry("actie", "Eindelijk weer iets", TODAY, colleague, self.p["anna"])
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        self.assertIn("meetings", self.failing(data))
        self.assertNotEqual(data["state"], "running-fire")


class YoungFire(Storyline):
    def test_growing_inside_without_outside_is_smouldering(self):
        self.built("young")
        data = self.report()
        self.assertEqual(data["state"], "smouldering")
        self.assertEqual(self.failing(data), {"inside-outside", "groups"})
        self.assertIn("no-outside", self.signals(data))
        self.assertIn("Nodig mensen uit met wie en voor wie je werkt",
                      self.signal(data, "no-outside")["advice"])
        self.assertNotIn("gone-quiet", self.signals(data))


class SummerRecess(Storyline):
    def test_the_recess_does_not_put_out_a_fire_on_holiday(self):
        self.built("summer")
        before = self.report("--until", "2026-09-05")
        self.assertEqual(before["state"], "straw-fire")
        self.set_config('[gauge]\nrecess = [["07-13", "08-31"]]\n')
        during = self.report("--until", "2026-09-05")
        self.assertEqual(during["state"], "running-fire")
        self.assertEqual(during["window"]["since"], "2026-06-06")
        self.assertIn("(reces niet meegeteld)", self.criterion(during, "actions")["label"])

    def test_a_bad_recess_is_reported_with_its_position(self):
        self.init()
        self.set_config('[gauge]\nrecess = [["13-07", "08-31"]]\n')
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        self.assertRegex(result.out + result.err, r"spark\.toml:\d+:\d+: error: 'recess'")


class NoCliff(Storyline):
    def test_a_criterion_lapsing_overnight_leaves_a_living_fire_smouldering(self):
        self.built("running")
        # The newcomers of 10 September leave the window on 22 October.
        self.assertEqual(self.report("--until", "2026-10-21")["state"], "running-fire")
        after = self.report("--until", "2026-10-22")
        self.assertEqual(after["state"], "smouldering")


class Honesty(Storyline):
    def test_a_running_period_counts_weeks_to_today(self):
        p = self.built("died")
        # A chance seen in September (fuel is not a sign of life), so the tertial is not empty.
        self.entry("brandstof", "Kans gezien", "2026-09-05", p["anna"])
        tertial = self.report("--period", "2026-T3")
        self.assertEqual(tertial["state"], "straw-fire")
        status = self.ok("status").out
        message = self.signal(tertial, "gone-quiet")["message"]
        self.assertIn("al 15 weken", message)
        self.assertIn("al 15 weken", status)

    def test_placeholder_effects_prove_nothing(self):
        self.built("young")
        anna = next(p.stem for p in (self.ws / "people").iterdir() if p.name.startswith("anna"))
        for effect in ("nog niet bekend", "n.v.t.", "?", "tbd"):
            self.entry("lucifer", f"Proef {effect}", "2026-11-21", anna, effect=effect)
        data = self.report()
        self.assertEqual(data["unproven_matches"], 4)
        self.assertEqual(data["proven_matches"], 1)

    def test_status_report_and_json_agree(self):
        self.built("too_smooth")
        data = self.report()
        status = self.ok("status").out.splitlines()
        self.assertEqual(status[0], "Testvuur: smeulend (smouldering)")
        self.assertIn("ontbreekt nog: wrijving en bewezen effect", status[1])
        for signal in data["signals"][:3]:
            self.assertIn(f"  ! {signal['message']}", status)
        english = self.report(lang="en")
        self.assertEqual(english["state_label"], "smouldering")
        self.assertIn("too smooth: 0 of 6 meetings", self.signal(english, "too-smooth")["message"])


if __name__ == "__main__":
    sparktest.main()
