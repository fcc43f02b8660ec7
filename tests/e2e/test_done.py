"""spark done: follow-ups of a meeting marked done (or reopened) in the meeting's file, one
commit, nothing changed on bad input; list --followups, show, status and the report then
tell open from done."""

import csv
import datetime
import io
import json

import sparktest
from sparktest import SparkTestCase

KEUKEN = "Keukentafel bij de Kwekerij"
FOLLOWUPS = ["Anna belt de jurist", "Karim zoekt buren", "Anna belt de wethouder"]


class DoneTestCase(SparkTestCase):
    git_workspace = True

    def setUp(self):
        super().setUp()
        self.init(git=self.git_workspace)
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark",
                                    "--since", "01-01-2026")
        self.karim = self.add_person("Karim El Idrissi", "--group", "resident", "--since",
                                     "01-01-2026")
        args = ["meet", KEUKEN, "--date", "20-02-2026", "--with", "anna", "--with", "karim"]
        for text in FOLLOWUPS:
            args += ["--followup", text]
        self.keuken = self.ok(*args).out.splitlines()[0]
        self.keuken_id = self.keuken.rsplit("/", 1)[1][: -len(".toml")]
        self.lunch = self.ok("meet", "Open lunch", "--date", "25-02-2026", "--with", "anna",
                             "--followup", "Kees mailt het verslag").out.splitlines()[0]
        self.lunch_id = self.lunch.rsplit("/", 1)[1][: -len(".toml")]

    def meeting(self, path=None):
        return self.read(path or self.keuken)

    def commits(self):
        return self.git("log", "--format=%s").splitlines()


class HappyPathTests(DoneTestCase):
    def test_done_by_number_in_one_commit(self):
        before = len(self.commits())
        result = self.ok("done", "keukentafel", "2")
        self.assertEqual(result.out, self.keuken + "\n")
        self.assertEqual(result.err, "done: 2. Karim zoekt buren\n")
        data = self.meeting()
        self.assertEqual(data["followups"], FOLLOWUPS)
        self.assertEqual(data["followups_done"],
                         [{"followup": "Karim zoekt buren", "date": datetime.date(2026, 3, 1)}])
        commits = self.commits()
        self.assertEqual(len(commits), before + 1)
        self.assertEqual(commits[0], f"done(meeting): {KEUKEN}")
        self.assertEqual(self.git("show", "--name-only", "--format=", "HEAD").split(),
                         [self.keuken])
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(self.ok("check").out, "")

    def test_by_words_and_short_id_with_a_date(self):
        short = self.keuken_id.rsplit("-", 1)[1]
        result = self.ok("done", short, "JURIST", "--date", "gisteren")
        self.assertEqual(result.err, "done: 1. Anna belt de jurist\n")
        self.assertEqual(self.meeting()["followups_done"],
                         [{"followup": "Anna belt de jurist", "date": datetime.date(2026, 2, 28)}])

    def test_several_at_once_in_the_order_of_the_meeting(self):
        self.ok("done", self.keuken_id, "3", "1", "wethouder")
        self.assertEqual([d["followup"] for d in self.meeting()["followups_done"]],
                         ["Anna belt de jurist", "Anna belt de wethouder"])
        self.ok("done", "keukentafel", "2")
        self.assertEqual([d["followup"] for d in self.meeting()["followups_done"]], FOLLOWUPS)

    def test_reopen_gives_back_the_file_as_it_was(self):
        path = self.ws / self.keuken
        original = path.read_bytes()
        self.ok("done", "keukentafel", "2")
        result = self.ok("done", "keukentafel", "karim", "--reopen")
        self.assertEqual(result.err, "reopened: 2. Karim zoekt buren\n")
        self.assertEqual(path.read_bytes(), original)
        self.assertEqual(self.commits()[0], f"done(meeting): {KEUKEN} (reopened)")

    def test_show_numbers_and_marks_them(self):
        self.ok("done", "keukentafel", "2", "--date", "27-02-2026")
        out = self.ok("show", "keukentafel").out
        self.assertIn("Follow-ups:\n"
                      "  1. [ ] Anna belt de jurist\n"
                      "  2. [x] Karim zoekt buren (done 2026-02-27)\n"
                      "  3. [ ] Anna belt de wethouder\n", out)
        data = json.loads(self.ok("show", "keukentafel", "--json").out)
        self.assertEqual(data["followups"], FOLLOWUPS)
        self.assertEqual(data["followups_done"],
                         [{"date": "2026-02-27", "followup": "Karim zoekt buren"}])

    def test_a_file_from_before_done_still_reads_and_can_be_marked(self):
        # Written by hand the way older spark versions wrote meetings: no followups_done.
        path = self.ws / "meetings" / "2026" / "2026-02-10-oud-overleg-x1y2.toml"
        path.write_text('date = 2026-02-10\ntitle = "Oud overleg"\n'
                        f'attendees = ["{self.anna}"]\n'
                        'followups = ["Bellen met de wijkraad", "Zaal huren"]\n'
                        '# een notitie\n')
        self.git("add", ".")
        self.git("commit", "-qm", "hand")
        self.assertEqual(self.ok("check").out, "")
        self.assertIn("  2. [ ] Zaal huren\n", self.ok("show", "x1y2").out)
        hand = path.read_text()
        # The hand formatting and the comment stay; the done ones are added at the end.
        result = self.ok("done", "x1y2", "zaal")
        self.assertNotIn("warning", result.err)
        self.assertEqual(path.read_text(), hand + "followups_done = [\n"
                         '    { followup = "Zaal huren", date = 2026-03-01 },\n]\n')
        self.ok("done", "x1y2", "1", "--date", "2026-02-28")
        data = self.read(path.relative_to(self.ws))
        self.assertEqual(data["followups"], ["Bellen met de wijkraad", "Zaal huren"])
        self.assertEqual(data["followups_done"],
                         [{"followup": "Bellen met de wijkraad", "date": datetime.date(2026, 2, 28)},
                          {"followup": "Zaal huren", "date": datetime.date(2026, 3, 1)}])
        self.assertTrue(path.read_text().startswith(hand))
        self.ok("done", "x1y2", "1", "2", "--reopen")
        self.assertEqual(path.read_text(), hand)

    def test_a_hand_made_done_list_is_written_anew_with_a_warning(self):
        path = self.ws / self.keuken
        path.write_text(path.read_text() + "# notitie\n"
                        'followups_done = [{followup="Anna belt de jurist",date=2026-02-21}]\n')
        result = self.ok("done", "keukentafel", "2")
        self.assertIn("was written anew", result.err)
        self.assertEqual([d["followup"] for d in self.meeting()["followups_done"]],
                         ["Anna belt de jurist", "Karim zoekt buren"])
        self.assertNotIn("# notitie", path.read_text())

    def test_a_future_date_is_allowed_with_a_warning(self):
        result = self.ok("done", "keukentafel", "1", "--date", "2026-03-04")
        self.assertIn("warning: the date 2026-03-04 is 3 days from now", result.err)


class WithoutGitTests(DoneTestCase):
    git_workspace = False

    def test_done_without_git(self):
        self.ok("done", "keukentafel", "1")
        self.assertEqual(len(self.meeting()["followups_done"]), 1)
        self.assertFalse((self.ws / ".git").exists())


class BadInputTests(DoneTestCase):
    def test_unknown_meeting(self):
        self.assertRejected(["done", "zwembad", "1"], 1, "'zwembad'")

    def test_an_entry_or_a_person_is_not_a_meeting(self):
        entry = self.log("action", "Stoep geveegd", "--with", "anna")
        entry_id = entry.rsplit("/", 1)[1][: -len(".toml")]
        self.assertRejected(["done", entry_id, "1"], 1, f"'{entry_id}' is an entry",
                            "not a meeting")
        self.assertRejected(["done", "karim", "1"], 1, "'karim' is a person", "not a meeting")

    def test_number_out_of_range(self):
        for number in ["4", "0", "99999999999999999999"]:
            with self.subTest(number=number):
                self.assertRejected(["done", "keukentafel", number], 1,
                                    f"there is no follow-up {number} of '{self.keuken_id}'",
                                    "1. Anna belt de jurist")

    def test_words_that_fit_none_or_several(self):
        self.assertRejected(["done", "keukentafel", "burgemeester"], 1,
                            "no follow-up of", "has the words 'burgemeester'")
        self.assertRejected(["done", "keukentafel", "anna"], 1, "'anna' fits 2 follow-ups",
                            "1. Anna belt de jurist", "3. Anna belt de wethouder")

    def test_one_bad_among_good_ones_changes_nothing(self):
        self.assertRejected(["done", "keukentafel", "1", "7"], 1, "no follow-up 7")

    def test_already_done_and_still_open(self):
        self.ok("done", "keukentafel", "2", "--date", "27-02-2026")
        self.assertRejected(["done", "keukentafel", "2"], 1,
                            "follow-up 2 of", "is already done (2026-02-27): Karim zoekt buren")
        self.assertRejected(["done", "keukentafel", "1", "--reopen"], 1,
                            "follow-up 1 of", "is still open: Anna belt de jurist")

    def test_no_follow_up_named_lists_them(self):
        self.assertRejected(["done", "keukentafel"], 2, "name the follow-ups of",
                            "  1. Anna belt de jurist\n  2. Karim zoekt buren\n")

    def test_a_meeting_without_follow_ups(self):
        self.ok("meet", "Kort overleg", "--date", "26-02-2026", "--with", "anna")
        self.assertRejected(["done", "kort overleg", "1"], 1, "has no follow-ups")

    def test_bad_dates(self):
        self.assertRejected(["done", "keukentafel", "1", "--date", "19-02-2026"], 2,
                            "--date 2026-02-19 is before the meeting itself (2026-02-20)")
        self.assertRejected(["done", "keukentafel", "1", "--date", "31-02-2026"], 2, "--date")
        self.assertRejected(["done", "keukentafel", "1", "--reopen", "--date", "gisteren"], 2,
                            "--date", "--reopen")

    def test_a_damaged_done_item_is_named_at_its_position(self):
        path = self.ws / self.keuken
        path.write_text(path.read_text() +
                        'followups_done = [{ followup = "Karim zoekt bruen", date = 2026-02-27 }]\n')
        result = self.spark("check")
        self.assertEqual(result.code, 1, result.describe())
        self.assertRegex(result.out, rf"{self.keuken}:\d+:19: error: 'followups_done' names "
                                     r"'Karim zoekt bruen', which is not one of the 'followups'")
        self.assertRejected(["done", "keukentafel", "1"], 1, self.keuken)

    def test_list_options_that_do_not_go_together(self):
        self.assertRejected(["list", "--followups", "--kind", "match"], 2,
                            "--followups", "--kind")
        self.assertRejected(["list", "--followups", "--tag", "x"], 2, "--followups", "--tag")
        self.assertRejected(["list", "--all"], 2, "--all goes with --followups")


class CrashTests(DoneTestCase):
    """SPARK_FAULT kills spark at each step: the old file or the new one, never neither."""

    def test_killed_at_any_step(self):
        path = self.ws / self.keuken
        old = path.read_bytes()
        start = self.git("rev-parse", "HEAD").strip()
        for step in ["temporary-created", "partly-written", "temporary-synced", "edit-written-1"]:
            with self.subTest(step=step):
                result = self.spark("done", "keukentafel", "2",
                                    env={"SPARK_FAULT": step, "SPARK_NO_CACHE": "1"})
                self.assertEqual(result.code, -9, result.describe())
                if step == "edit-written-1":
                    self.assertEqual(self.meeting()["followups_done"][0]["followup"],
                                     "Karim zoekt buren")
                else:
                    self.assertEqual(path.read_bytes(), old)
                check = self.spark("check")
                self.assertNotIn("error", check.out, check.describe())
                self.git("reset", "-q", "--hard", start)
                self.git("clean", "-qfdx")

    def test_the_next_write_commits_what_a_killed_done_left(self):
        result = self.spark("done", "keukentafel", "2", env={"SPARK_FAULT": "edit-written-1"})
        self.assertEqual(result.code, -9, result.describe())
        self.assertNotEqual(self.git("status", "--porcelain"), "")
        self.ok("done", "keukentafel", "1")
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(len(self.meeting()["followups_done"]), 2)


class ListFollowupsTests(DoneTestCase):
    def setUp(self):
        super().setUp()
        self.ok("done", "keukentafel", "2", "--date", "27-02-2026")

    def test_tab_separated_open_ones_in_date_order(self):
        self.assertEqual(self.ok("list", "--followups").out,
                         f"2026-02-20\t{self.keuken_id}\t1\tAnna belt de jurist\t\n"
                         f"2026-02-20\t{self.keuken_id}\t3\tAnna belt de wethouder\t\n"
                         f"2026-02-25\t{self.lunch_id}\t1\tKees mailt het verslag\t\n")

    def test_all_adds_the_done_ones_with_their_date(self):
        lines = self.ok("list", "--followups", "--all", "--format", "tsv").out.splitlines()
        self.assertEqual(len(lines), 4)
        self.assertEqual(lines[1],
                         f"2026-02-20\t{self.keuken_id}\t2\tKarim zoekt buren\t2026-02-27")

    def test_csv(self):
        out = self.ok("list", "--followups", "--all", "--format", "csv").out
        rows = list(csv.reader(io.StringIO(out, newline="")))
        self.assertEqual(rows[0], ["date", "meeting", "number", "followup", "done"])
        self.assertEqual(rows[2], ["2026-02-20", self.keuken_id, "2", "Karim zoekt buren",
                                   "2026-02-27"])
        self.assertTrue(out.endswith("\r\n"))

    def test_json(self):
        data = json.loads(self.ok("list", "--followups", "--json").out)
        self.assertEqual([(d["meeting"], d["number"]) for d in data],
                         [(self.keuken_id, 1), (self.keuken_id, 3), (self.lunch_id, 1)])
        self.assertEqual(data[0], {"date": "2026-02-20", "done": "",
                                   "followup": "Anna belt de jurist",
                                   "meeting": self.keuken_id, "meeting_title": KEUKEN,
                                   "number": 1})
        done = json.loads(self.ok("list", "--followups", "--all", "--json").out)
        self.assertEqual(done[1]["done"], "2026-02-27")

    def test_table_for_a_person(self):
        short = self.keuken_id.rsplit("-", 1)[1]
        lines = self.ok("list", "--followups", "--format", "table").out.splitlines()
        self.assertEqual(lines[0].split(), ["DATUM", "ONTMOETING", "NR", "VERVOLGAFSPRAAK", "ID"])
        self.assertRegex(lines[1], rf"^2026-02-20  {KEUKEN}  1   Anna belt de jurist +{short}$")
        lines = self.ok("list", "--followups", "--all", "--format", "table").out.splitlines()
        self.assertEqual(lines[0].split(),
                         ["DATUM", "ONTMOETING", "NR", "VERVOLGAFSPRAAK", "GEDAAN", "ID"])
        self.assertRegex(lines[2], r"  2 +Karim zoekt buren +2026-02-27  [a-z0-9]{4}$")

    def test_filters_pick_meetings_and_texts(self):
        out = self.ok("list", "--followups", "--with", "karim").out
        self.assertEqual(len(out.splitlines()), 2)
        self.assertNotIn("Kees", out)
        out = self.ok("list", "--followups", "--since", "2026-02-21").out
        self.assertEqual(out, f"2026-02-25\t{self.lunch_id}\t1\tKees mailt het verslag\t\n")
        out = self.ok("list", "--followups", "--grep", "wethouder").out
        self.assertEqual(out, f"2026-02-20\t{self.keuken_id}\t3\tAnna belt de wethouder\t\n")
        # The meeting's title counts too.
        self.assertEqual(len(self.ok("list", "--followups", "--grep", "lunch").out.splitlines()),
                         1)
        self.assertEqual(self.ok("list", "--followups", "--grep", "zwembad").out, "")

    def test_the_timeline_is_unchanged(self):
        self.assertEqual(len(self.ok("list").out.splitlines()), 2)


class ReportAndStatusTests(DoneTestCase):
    def test_status_counts_the_open_ones(self):
        self.assertIn("  open vervolgafspraken: 4 (spark list --followups)\n",
                      self.ok("status").out)
        self.ok("done", "keukentafel", "1", "2")
        self.assertIn("  open vervolgafspraken: 2 (spark list --followups)\n",
                      self.ok("status").out)

    def test_report_lists_only_open_ones(self):
        self.ok("done", "keukentafel", "karim")
        for fmt in ("markdown", "html"):
            with self.subTest(format=fmt):
                out = self.ok("report", "--format", fmt, "--names", "all").out
                self.assertIn("Anna belt de jurist", out)
                self.assertIn("Kees mailt het verslag", out)
                self.assertNotIn("Karim zoekt buren", out)
        data = json.loads(self.ok("report", "--format", "json").out)
        self.assertEqual(data["open_followups"], 3)
        self.ok("done", "keukentafel", "1", "3")
        self.ok("done", "lunch", "1")
        out = self.ok("report", "--names", "all").out
        self.assertNotIn("Vervolgafspraken", out)
        self.assertEqual(json.loads(self.ok("report", "--format", "json").out)["open_followups"],
                         0)
        self.assertIn("  open vervolgafspraken: 0 (spark list --followups)\n",
                      self.ok("status").out)

    def test_a_report_of_a_past_period_lists_what_was_open_then(self):
        self.ok("done", "keukentafel", "karim", "--date", "23-02-2026")
        earlier = ("--since", "2026-02-01", "--until", "2026-02-22", "--names", "all")
        self.assertIn("Karim zoekt buren", self.ok("report", *earlier).out)
        data = json.loads(self.ok("report", "--format", "json", *earlier).out)
        self.assertEqual(data["open_followups"], 3)
        self.assertNotIn("Karim zoekt buren",
                         self.ok("report", "--until", "2026-02-23", "--names", "all").out)


if __name__ == "__main__":
    sparktest.main()
