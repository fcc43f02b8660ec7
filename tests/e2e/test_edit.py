"""spark edit ID: correct an entry, a meeting or a person with flags or in the editor; a new
date renames the file (git sees a rename); one commit `edit(KIND): Title`; bad input, an
aborted edit or a killed editor change nothing; a killed spark leaves the old record or the
new one, never both or neither; clones that edit and log at once merge cleanly."""

import pathlib
import subprocess
import time

import sparktest
from sparktest import SparkTestCase


class EditTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        self.init(git=True)
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.bert = self.add_person("Bert Bos", "--group", "director")
        self.karim = self.add_person("Karim El Idrissi", "--group", "resident")
        self.entry = self.log("brandstof", "Koffie bij de automaat", "--date", "2026-02-26",
                              "--with", "anna", "--tag", "buurt")
        self.entry_id = pathlib.PurePath(self.entry).stem
        result = self.ok("meet", "Buurttafel Oost", "--date", "2026-02-20", "--with", "anna",
                         "--question", "Wie beheert de sleutel?")
        self.meeting = result.out.splitlines()[0]
        self.meeting_id = pathlib.PurePath(self.meeting).stem

    def commits(self):
        return self.git("log", "--format=%s").splitlines()

    def last_commit_files(self):
        return self.git("show", "--name-only", "--format=", "HEAD").split()

    def suffix(self, record_id):
        return record_id.rsplit("-", 1)[1]

    def check_clean(self):
        check = self.ok("check")
        self.assertNotIn(": error:", check.out, check.describe())
        self.assertEqual(self.git("status", "--porcelain"), "")

    def editor(self, body):
        """EDITOR set to a shell script with `body` ($1 is the file)."""
        return {"EDITOR": str(self.write_script("editor.sh", body))}


class FixTests(EditTestCase):
    def test_title_kind_effect_people_and_tags_in_one_commit(self):
        before = len(self.commits())
        result = self.ok("edit", "koffie", "--title", "Koffie met het kernteam", "--kind",
                         "lucifer", "--effect", "3 dagen in plaats van 6 weken", "--add-with",
                         "bert", "--tag", "kernteam", "--untag", "buurt")
        self.assertEqual(result.out, self.entry_id + "\n")
        self.assertIn("kind: fuel -> match", result.err)
        self.assertIn("title: Koffie bij de automaat -> Koffie met het kernteam", result.err)
        data = self.read(self.entry)
        self.assertEqual(data["title"], "Koffie met het kernteam")
        self.assertEqual(data["kind"], "match")
        self.assertEqual(data["effect"], "3 dagen in plaats van 6 weken")
        self.assertEqual(data["people"], [self.anna, self.bert])
        self.assertEqual(data["tags"], ["kernteam"])
        self.assertEqual(data["date"].isoformat(), "2026-02-26")
        commits = self.commits()
        self.assertEqual(len(commits), before + 1)
        self.assertEqual(commits[0], "edit(match): Koffie met het kernteam")
        self.assertEqual(self.last_commit_files(), [self.entry])
        self.check_clean()

    def test_a_new_date_moves_the_file_and_git_sees_a_rename(self):
        result = self.ok("edit", self.entry_id, "--date", "30-12-2025")
        new_id = f"2025-12-30-koffie-bij-de-automaat-{self.suffix(self.entry_id)}"
        new_path = f"log/2025/{new_id}.toml"
        self.assertEqual(result.out, new_id + "\n")
        self.assertIn(f"moved {self.entry} -> {new_path}", result.err)
        self.assertFalse((self.ws / self.entry).exists())
        self.assertEqual(self.read(new_path)["date"].isoformat(), "2025-12-30")
        self.assertEqual(self.record_files("log"), [new_path])
        self.assertEqual(self.commits()[0], "edit(fuel): Koffie bij de automaat")
        status = self.git("show", "-M", "--name-status", "--format=", "HEAD").split()
        self.assertTrue(status[0].startswith("R"), status)
        self.assertEqual(status[1:], [self.entry, new_path])
        history = self.git("log", "--follow", "--format=%s", "--", new_path).splitlines()
        self.assertEqual(history, ["edit(fuel): Koffie bij de automaat",
                                   "log(fuel): Koffie bij de automaat"])
        self.assertEqual(self.ok("show", new_id).code, 0)
        self.check_clean()

    def test_a_new_date_keeps_hand_formatting(self):
        path = self.ws / self.entry
        path.write_text("# met de hand\n" + path.read_text())
        self.git("commit", "-qam", "comment")
        result = self.ok("edit", "koffie", "--date", "2026-02-01")
        moved = self.ws / f"log/2026/{result.out.strip()}.toml"
        self.assertTrue(moved.read_text().startswith("# met de hand\ndate = 2026-02-01\n"))
        self.assertNotIn("written anew", result.err)
        result = self.ok("edit", "koffie", "--title", "Anders")
        self.assertIn("written anew; its hand formatting and comments could not be kept",
                      result.err)

    def test_dates_in_every_form_the_date_parser_accepts(self):
        for typed, iso in [("gisteren", sparktest.YESTERDAY), ("-3d", "2026-02-26"),
                           ("2026-02-02", "2026-02-02"), ("15/02/2026", "2026-02-15"),
                           ("maandag", "2026-02-23"), ("vorige week", "2026-02-16")]:
            with self.subTest(typed=typed):
                result = self.ok("edit", self.suffix(self.entry_id), "--date", typed)
                self.assertTrue(result.out.startswith(iso), result.describe())
                self.assertEqual(self.record_files("log"),
                                 [f"log/2026/{result.out.strip()}.toml"])
        self.check_clean()

    def test_meeting_fixes(self):
        result = self.ok("edit", "buurttafel", "--add-attendee", "bert", "--add-with", "karim",
                         "--add-question", "Mag het?", "--add-dilemma", "Regels of ruimte?",
                         "--add-outcome", "Proef in maart", "--add-followup", "Sleutel regelen",
                         "--place", "De Kwekerij", "--setting", "gemengd", "--title",
                         "Buurttafel Oost-West")
        self.assertEqual(result.out, self.meeting_id + "\n")
        data = self.read(self.meeting)
        self.assertEqual(data["attendees"], [self.anna, self.bert, self.karim])
        self.assertEqual(data["questions"], ["Wie beheert de sleutel?", "Mag het?"])
        self.assertEqual(data["dilemmas"], ["Regels of ruimte?"])
        self.assertEqual(data["outcomes"], ["Proef in maart"])
        self.assertEqual(data["followups"], ["Sleutel regelen"])
        self.assertEqual(data["place"], "De Kwekerij")
        self.assertEqual(data["setting"], "mixed")
        self.assertEqual(self.commits()[0], "edit(meeting): Buurttafel Oost-West")
        self.ok("edit", "buurttafel", "--remove-attendee", "Bert Bos", "--date", "2026-01-31")
        moved = f"meetings/2026/2026-01-31-buurttafel-oost-{self.suffix(self.meeting_id)}.toml"
        self.assertEqual(self.read(moved)["attendees"], [self.anna, self.karim])
        self.assertEqual(self.record_files("meetings"), [moved])
        self.check_clean()

    def test_setting_given_back_to_the_attendees(self):
        self.ok("edit", "buurttafel", "--setting", "extern")
        self.assertEqual(self.read(self.meeting)["setting"], "external")
        self.ok("edit", "buurttafel", "--setting", "")
        self.assertNotIn("setting", self.read(self.meeting))
        self.assertIn("(from the attendees' groups)", self.ok("show", "buurttafel").out)
        self.check_clean()

    def test_clearing_the_effect(self):
        self.ok("edit", "koffie", "--effect", "bewezen")
        self.ok("edit", "koffie", "--effect", "")
        self.assertNotIn("effect", self.read(self.entry))

    def test_nothing_to_change_says_so_and_commits_nothing(self):
        before = self.snapshot()
        result = self.ok("edit", "koffie", "--title", "Koffie bij de automaat", "--add-with",
                         "anna", "--tag", "buurt")
        self.assertEqual(result.out, "")
        self.assertIn("already has these values; nothing was changed", result.err)
        self.assertUnchanged(before)

    def test_help(self):
        help_text = self.ok("help", "edit").out
        self.assertEqual(help_text, self.ok("edit", "--help").out)
        for option in ("--date", "--title", "--kind", "--effect", "--add-with", "--remove-with",
                       "--tag", "--untag", "--add-attendee", "--add-question", "--editor"):
            self.assertIn(option, help_text)


class BadInputTests(EditTestCase):
    def test_unknown_id(self):
        self.assertRejected(["edit", "zwembad", "--title", "x"], 1, "zwembad")

    def test_bad_date(self):
        self.assertRejected(["edit", "koffie", "--date", "31-02-2026"], 2, "--date")
        self.assertRejected(["edit", "koffie", "--date", "morgenochtend"], 2, "--date")

    def test_unknown_person(self):
        self.assertRejected(["edit", "koffie", "--add-with", "Zoë"], 1, "Zoë")

    def test_removing_someone_not_there(self):
        self.assertRejected(["edit", "koffie", "--remove-with", "bert"], 1, "--remove-with 'bert'",
                            f"{self.bert} is not in the entry's 'people'")
        self.assertRejected(["edit", "buurttafel", "--remove-attendee", "karim"], 1,
                            "not in the meeting's 'attendees'")

    def test_removing_a_tag_not_there(self):
        self.assertRejected(["edit", "koffie", "--untag", "wijk"], 1, "--untag 'wijk'")

    def test_a_kind_that_does_not_exist(self):
        self.assertRejected(["edit", "koffie", "--kind", "vuur"], 2, "unknown kind 'vuur'")
        self.assertRejected(["edit", "koffie", "--kind", "ontmoeting"], 2,
                            "not a kind of entry", "spark meet", "spark rm 20")

    def test_a_fix_for_another_type_of_record(self):
        self.assertRejected(["edit", "buurttafel", "--kind", "match"], 2,
                            "--kind applies to entries", "is a meeting")
        self.assertRejected(["edit", "koffie", "--add-question", "Q?"], 2,
                            "--add-question applies to meetings")
        self.assertRejected(["edit", "anna", "--title", "x"], 2, "is a person",
                            "spark people set")

    def test_an_empty_title(self):
        self.assertRejected(["edit", "koffie", "--title", " "], 2, "--title")

    def test_editor_and_fixes_together(self):
        self.assertRejected(["edit", "koffie", "-e", "--title", "x"], 2, "-e")

    def test_an_edit_that_would_make_the_record_invalid(self):
        # A copy by hand under the name the new date would give: the same id twice.
        suffix = self.suffix(self.entry_id)
        copy = self.ws / f"log/2025/2025-12-30-koffie-bij-de-automaat-{suffix}.toml"
        copy.parent.mkdir()
        copy.write_bytes((self.ws / self.entry).read_bytes().replace(b"2026-02-26",
                                                                     b"2025-12-30"))
        self.git("add", ".")
        self.git("commit", "-qm", "hand copy")
        self.assertRejected(["edit", self.entry_id, "--date", "2025-12-30",
                             "--title", "Koffie"], 1, "duplicate id", "nothing was changed")


class EditorTests(EditTestCase):
    def test_a_good_edit(self):
        env = self.editor("sed -i 's/^title = .*/title = \"Koffie om tien uur\"/' \"$1\"\n")
        result = self.ok("edit", "koffie", env=env)
        self.assertEqual(result.out, self.entry_id + "\n")
        self.assertEqual(self.read(self.entry)["title"], "Koffie om tien uur")
        self.assertEqual(self.commits()[0], "edit(fuel): Koffie om tien uur")
        self.check_clean()

    def test_hand_formatting_and_comments_are_kept(self):
        path = self.ws / self.entry
        path.write_text("# met de hand\n" + path.read_text())
        self.git("commit", "-qam", "comment")
        env = self.editor("sed -i 's/^title = .*/title = \"Anders\"  # beter/' \"$1\"\n")
        self.ok("edit", "koffie", env=env)
        text = path.read_text()
        self.assertTrue(text.startswith("# met de hand\n"), text)
        self.assertIn('title = "Anders"  # beter', text)

    def test_visual_wins_over_editor(self):
        visual = self.write_script("visual.sh", "sed -i 's/^title = .*/title = \"V\"/' \"$1\"\n")
        env = {"VISUAL": str(visual), **self.editor("exit 3\n")}
        self.ok("edit", "koffie", env=env)
        self.assertEqual(self.read(self.entry)["title"], "V")

    def test_a_date_changed_in_the_editor_moves_the_file(self):
        env = self.editor("sed -i 's/^date = .*/date = 2025-11-03/' \"$1\"\n")
        result = self.ok("edit", self.entry_id, env=env)
        new_path = f"log/2025/{result.out.strip()}.toml"
        self.assertTrue(result.out.startswith("2025-11-03-koffie-bij-de-automaat-"))
        self.assertEqual(self.record_files("log"), [new_path])
        status = self.git("show", "-M", "--name-status", "--format=", "HEAD").split()
        self.assertTrue(status[0].startswith("R"), status)
        self.check_clean()

    def test_a_person(self):
        env = self.editor("sed -i 's/^group = .*/group = \"teamlead\"/' \"$1\"\n")
        result = self.ok("edit", self.bert, env=env)
        self.assertEqual(result.out, self.bert + "\n")
        self.assertEqual(self.read(f"people/{self.bert}.toml")["group"], "teamlead")
        self.assertEqual(self.commits()[0], "edit(person): Bert Bos")
        self.check_clean()

    def bad_then(self, second_round):
        """An editor that breaks the title's quote the first time, keeps what spark showed
        it the second time (shown.toml), then runs `second_round`."""
        shown = self.tmp / "shown.toml"
        count = self.tmp / "count"
        return self.editor(f"""if [ ! -e '{count}' ]; then
    touch '{count}'
    sed -i 's/^title = .*/title = "Koffie/' "$1"
    exit 0
fi
cp "$1" '{shown}'
{second_round}
"""), shown

    def test_a_bad_edit_then_a_fix(self):
        env, shown = self.bad_then("sed -i 's/^title = .*/title = \"Koffie gerepareerd\"/' \"$1\"")
        result = self.ok("edit", "koffie", env=env)
        self.assertEqual(result.out, self.entry_id + "\n")
        self.assertIn(f"{self.entry}:3:", result.err)
        self.assertIn("reopening the editor", result.err)
        text = shown.read_text()
        lines = text.splitlines()
        self.assertTrue(lines[0].startswith("# spark: not saved"), text)
        self.assertRegex(lines[1], r"^# spark: line (\d+), column \d+: error: ")
        # The line named is the broken title as the editor shows it.
        number = int(lines[1].split()[3].rstrip(","))
        self.assertTrue(lines[number - 1].startswith('title = "Koffie'), text)
        # The comments went again before saving (the fix kept them in the file).
        saved = (self.ws / self.entry).read_text()
        self.assertNotIn("# spark:", saved)
        self.assertEqual(self.read(self.entry)["title"], "Koffie gerepareerd")
        self.assertEqual(self.commits()[0], "edit(fuel): Koffie gerepareerd")
        self.check_clean()

    def test_an_unknown_person_in_the_editor_is_shown_and_fixed(self):
        shown = self.tmp / "shown.toml"
        count = self.tmp / "count"
        env = self.editor(f"""if [ ! -e '{count}' ]; then
    touch '{count}'
    sed -i 's/^people = .*/people = ["{self.anna}", "niemand-x1y2"]/' "$1"
    exit 0
fi
cp "$1" '{shown}'
sed -i 's/niemand-x1y2/{self.bert}/' "$1"
""")
        self.ok("edit", "koffie", env=env)
        self.assertIn("error: unknown person 'niemand-x1y2' in 'people'", shown.read_text())
        self.assertEqual(self.read(self.entry)["people"], [self.anna, self.bert])
        self.check_clean()

    def test_a_bad_edit_then_abort_by_exit_status(self):
        env, _ = self.bad_then("exit 1")
        result = self.assertRejected(["edit", "koffie"], 1, "exited with status 1",
                                     "nothing was changed", env=env)
        self.assertIn(f"{self.entry}:3:", result.err)

    def test_a_bad_edit_then_abort_by_quitting_without_saving(self):
        env, _ = self.bad_then("exit 0")
        self.assertRejected(["edit", "koffie"], 1, "nothing was changed", env=env)

    def test_the_same_bad_text_twice_ends_the_loop(self):
        env = self.editor("sed -i 's/^title = .*/title = \"Koffie/' \"$1\"\n"
                          "sed -i '/^# spark:/d' \"$1\"\n")
        self.assertRejected(["edit", "koffie"], 1, "still has the same problems", env=env)

    def test_a_killed_editor(self):
        env = self.editor("sed -i 's/^title = .*/title = \"Half\"/' \"$1\"\nkill -9 $$\n")
        self.assertRejected(["edit", "koffie"], 1, "exited with status 137",
                            "nothing was changed", env=env)

    def test_an_unchanged_file(self):
        before = self.snapshot()
        result = self.ok("edit", "koffie", env=self.editor("exit 0\n"))
        self.assertEqual(result.out, "")
        self.assertIn("was not changed; nothing was saved", result.err)
        self.assertUnchanged(before)

    def test_no_editor_without_a_terminal(self):
        self.assertRejected(["edit", "koffie"], 1, "no editor", "export EDITOR=",
                            env={"EDITOR": None, "VISUAL": None})

    def test_no_temporary_file_is_left(self):
        self.ok("edit", "koffie", env=self.editor("exit 0\n"))
        self.spark("edit", "koffie", env=self.editor("exit 1\n"))
        self.assertEqual(list(self.home.glob("spark-edit-*")), [])


class RepairTests(EditTestCase):
    """A record file that no longer reads (a hand edit gone wrong) opens in the editor with
    its problems on top, and is saved once it reads again."""

    def setUp(self):
        super().setUp()
        self.path = self.ws / self.entry
        self.path.write_text(self.path.read_text().replace('title = "Koffie bij de automaat"',
                                                           'title = "Koffie bij de automaat'))
        self.git("commit", "-qam", "a hand edit gone wrong")

    def test_repaired_in_the_editor(self):
        shown = self.tmp / "shown.toml"
        env = self.editor(f"cp \"$1\" '{shown}'\n"
                          "sed -i 's/^title = .*/title = \"Koffie hersteld\"/' \"$1\"\n")
        result = self.ok("edit", self.entry_id, env=env)
        self.assertEqual(result.out, self.entry_id + "\n")
        lines = shown.read_text().splitlines()
        self.assertTrue(lines[0].startswith("# spark: not saved"))
        self.assertRegex(lines[1], r"^# spark: line \d+, column \d+: error: ")
        self.assertEqual(self.read(self.entry)["title"], "Koffie hersteld")
        self.assertNotIn("# spark:", self.path.read_text())
        self.assertEqual(self.commits()[0], "edit(fuel): Koffie hersteld")
        self.check_clean()

    def test_repaired_to_what_was_committed_needs_no_commit(self):
        """A hand edit gone wrong, not yet committed, undone in the editor: the file is as
        git has it, so there is nothing to commit and nothing to warn about."""
        self.git("reset", "-q", "--hard", "HEAD~1")
        good = self.path.read_text()
        self.path.write_text(good.replace('title = "', 'title = ', 1))
        committed = self.commits()
        saved = self.tmp / "good.toml"
        saved.write_text(good)
        result = self.ok("edit", self.entry_id, env=self.editor(f"cp '{saved}' \"$1\"\n"))
        self.assertNotIn("not committed", result.err)
        self.assertEqual(self.path.read_text(), good)
        self.assertEqual(self.commits(), committed)
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(list((self.ws / ".spark" / "pending").glob("*")), [])

    def test_by_the_beginning_of_its_id(self):
        env = self.editor("sed -i 's/^title = .*/title = \"Koffie\"/' \"$1\"\n")
        self.ok("edit", self.entry_id[:20], env=env)
        self.assertEqual(self.read(self.entry)["title"], "Koffie")

    def test_by_its_short_id_or_the_words_of_its_title(self):
        for query, title in ((self.entry_id[-4:], "Koffie"), ("automaat koffie", "Thee")):
            env = self.editor(f"sed -i 's/^title = .*/title = \"{title}\"/' \"$1\"\n")
            self.ok("edit", query, env=env)
            self.assertEqual(self.read(self.entry)["title"], title)
            self.path.write_text(self.path.read_text().replace(f'"{title}"', f'"{title}'))

    def test_words_that_fit_several_records_are_not_taken_for_the_broken_file(self):
        self.log("fuel", "Koffie met de buren")
        self.log("fuel", "Koffie in de wijk")
        self.assertRejected(["edit", "koffie"], 1, "ambiguous", "Koffie in de wijk",
                            env=self.editor("exit 0\n"))

    def test_quitting_without_saving_changes_nothing(self):
        self.assertRejected(["edit", self.entry_id], 1, "left as it was shown",
                            env=self.editor("exit 0\n"))

    def test_fixes_cannot_apply(self):
        self.assertRejected(["edit", self.entry_id, "--title", "x"], 1,
                            "does not read as a record", f"spark edit {self.entry_id}")


class LockTests(EditTestCase):
    def test_a_merge_waits_for_an_edit_in_its_editor_and_then_rewrites_it(self):
        """The edit holds the workspace lock (shared) while its editor is open: a merge of
        the person the editor adds waits, then rewrites the saved record."""
        twin = self.add_person("Bert Bos", "--force")
        ready, go, merge_output = self.tmp / "ready", self.tmp / "go", self.tmp / "merge.out"
        editor = self.write_script("slow-editor", f"""touch '{ready}'
while [ ! -e '{go}' ]; do sleep 0.01; done
sed -i 's/^people = .*/people = ["{self.anna}", "{twin}"]/' "$1"
""")
        edit = subprocess.Popen([sparktest.SPARK, "edit", "koffie"], cwd=self.ws,
                                env=self.environment({"EDITOR": str(editor)}),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + sparktest.TIMEOUT
        while not ready.exists():
            self.assertLess(time.monotonic(), deadline, "the editor never started")
            time.sleep(0.005)
        with open(merge_output, "wb") as out:
            merge = subprocess.Popen([sparktest.SPARK, "people", "merge", self.bert, twin],
                                     cwd=self.ws, env=self.environment(), stdout=out,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        while merge.poll() is None and b"waiting" not in merge_output.read_bytes():
            self.assertLess(time.monotonic(), deadline, "the merge neither waited nor ended")
            time.sleep(0.005)
        self.assertIsNone(merge.poll(), merge_output.read_text())
        go.touch()
        out, err = edit.communicate(timeout=sparktest.TIMEOUT)
        self.assertEqual(edit.returncode, 0, err.decode())
        self.assertEqual(merge.wait(timeout=sparktest.TIMEOUT), 0, merge_output.read_text())
        self.assertEqual(self.read(self.entry)["people"], [self.anna, self.bert])
        self.check_clean()


class CrashTests(EditTestCase):
    """SPARK_FAULT kills spark at each step of a date change: the old record or the new one,
    never both or neither; running the edit again finishes it."""

    def test_killed_at_any_step(self):
        start = self.git("rev-parse", "HEAD").strip()
        suffix = self.suffix(self.entry_id)
        new_path = f"log/2025/2025-12-30-koffie-bij-de-automaat-{suffix}.toml"
        no_cache = {"SPARK_NO_CACHE": "1"}
        for step in ["temporary-created", "partly-written", "temporary-synced",
                     "edit-written-1", "edit-moved"]:
            with self.subTest(step=step):
                try:
                    result = self.spark("edit", self.entry_id, "--date", "30-12-2025",
                                        "--title", "Koffie om tien uur",
                                        env={"SPARK_FAULT": step, **no_cache})
                    self.assertEqual(result.code, -9, result.describe())
                    records = self.record_files("log")
                    self.assertEqual(len(records), 1, records)
                    data = self.read(records[0])
                    if step in ("edit-written-1", "edit-moved"):
                        self.assertEqual(data["title"], "Koffie om tien uur")
                    else:
                        self.assertEqual(records, [self.entry])
                        self.assertEqual(data["title"], "Koffie bij de automaat")
                    check = self.spark("check", env=no_cache)
                    self.assertNotIn(": error:", check.out, check.describe())
                    # A write killed early leaves its temporary file, which check names.
                    for line in check.out.splitlines():
                        if "leftover temporary file" in line:
                            (self.ws / line.split(":")[0]).unlink()
                    # Running the edit again finishes it, and git ends in step.
                    self.ok("edit", suffix, "--date", "30-12-2025", "--title",
                            "Koffie om tien uur", env=no_cache)
                    self.assertEqual(self.record_files("log"), [new_path])
                    self.log("vonk", "Nog iets", "--date", "2026-02-27")
                    self.assertEqual(self.git("status", "--porcelain", "--", "log"), "")
                finally:
                    self.git("reset", "-q", "--hard", start)
                    self.git("clean", "-qfdx")


class CloneTests(SparkTestCase):
    """One colleague edits a record (and its date) in her clone while another logs new ones
    in his: after sync, no conflict, nothing lost, check clean."""

    def test_edit_in_one_clone_log_in_another(self):
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        remote = self.tmp / "remote.git"
        self.git("init", "--quiet", "--bare", "--initial-branch=main", remote, cwd=self.tmp)
        a = self.init(git=True, path=self.tmp / "anna")
        self.git("remote", "add", "origin", remote, cwd=a)
        self.add_person("Anna de Vries", cwd=a)
        entry = self.log("vonk", "Koffie", "--date", "2026-02-10", "--with", "anna", cwd=a)
        self.ok("sync", cwd=a)
        b = self.tmp / "bart"
        self.git("clone", "--quiet", remote, b, cwd=self.tmp)

        moved = self.ok("edit", "koffie", "--date", "2026-01-12", "--title", "Koffie!",
                        cwd=a).out.strip()
        self.log("lucifer", "Vergunning", "--date", "2026-02-11", "--with", "anna", cwd=b)
        self.ok("meet", "Buurttafel", "--date", "2026-02-12", "--with", "anna", cwd=b)
        self.log("actie", "Koffie", "--date", "2026-02-10", cwd=b)  # same title and day
        self.ok("sync", cwd=a)
        self.ok("sync", cwd=b)
        self.ok("sync", cwd=a)

        def files(clone):
            return sorted(str(p.relative_to(clone)) for p in clone.glob("[lmp]*/**/*.toml"))

        self.assertEqual(files(a), files(b))
        self.assertIn(f"log/2026/{moved}.toml", files(a))
        self.assertNotIn(entry, files(a))
        self.assertEqual(len(self.record_files("log", root=a)), 3)
        self.assertEqual(len(self.record_files("meetings", root=a)), 1)
        self.assertEqual(self.read(f"log/2026/{moved}.toml", root=b)["title"], "Koffie!")
        for clone in (a, b):
            check = self.ok("check", cwd=clone)
            self.assertNotIn(": error:", check.out)
            self.assertEqual(self.git("status", "--porcelain", cwd=clone), "")


if __name__ == "__main__":
    sparktest.main()
