"""spark completion bash|zsh|fish and the hidden `spark __complete` it calls at TAB time.

The bash script is exercised for real: sourced in `bash --norc`, COMP_WORDS/COMP_CWORD set as
bash would set them, the completion function called, COMPREPLY read back. zsh and fish
scripts are checked for syntax (and fish for behaviour, via `complete -C`) when those shells
are installed; otherwise those tests are skipped.
"""

import os
import re
import shutil
import subprocess

import sparktest
from sparktest import SparkTestCase


class CompletionTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.anouk = self.add_person("Anouk Verbeek", "--group", "director")
        self.bart = self.add_person("Bart Jansen", "--group", "resident")
        self.entry = self.log("match", "Vergunning in een week", "--with", "anna",
                              "--tag", "vergunningen", "--date", "2026-02-10")
        # The scripts call the program by the name typed (COMP_WORDS[0]): put `spark` on PATH.
        self.bin = self.tmp / "bin"
        self.bin.mkdir()
        (self.bin / "spark").symlink_to(os.path.abspath(sparktest.SPARK))
        self.env["PATH"] = f"{self.bin}{os.pathsep}{self.env['PATH']}"
        self.scripts = {}

    def meeting_with_followups(self):
        """A meeting with follow-ups 1 and 3 open and 2 done; returns its id."""
        path = self.ok("meet", "Keukentafel bij de Kwekerij", "--date", "2026-02-20", "--with",
                       "anna", "--followup", "Anna belt de jurist", "--followup",
                       "Karim zoekt buren", "--followup", "Bart huurt de zaal").out.split()[0]
        self.ok("done", "keukentafel", "2")
        return os.path.basename(path)[: -len(".toml")]

    def script(self, shell):
        if shell not in self.scripts:
            result = self.ok("completion", shell)
            self.assertEqual(result.err, "")
            path = self.tmp / f"spark.{shell}"
            path.write_text(result.out)
            self.scripts[shell] = path
        return self.scripts[shell]

    def bash(self, code, cwd=None):
        if shutil.which("bash") is None:
            self.skipTest("bash is not installed")
        completed = subprocess.run(
            ["bash", "--norc", "--noprofile", "-c", f'source "{self.script("bash")}"\n{code}'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=self.environment(), cwd=str(cwd or self.ws), timeout=sparktest.TIMEOUT)
        self.assertEqual(completed.returncode, 0, completed.stderr.decode())
        self.assertEqual(completed.stderr.decode(), "")
        return completed.stdout.decode()

    def complete(self, line, cwd=None, split_at_equals=True):
        """What bash offers for `line` (the last word is being completed; a trailing space
        means a new, empty word), as a list. Words are split as bash splits them with its
        default COMP_WORDBREAKS: "--lang=e" is "--lang", "=", "e", and "--lang=" ends in "="."""
        words = line.split(" ")
        if split_at_equals:
            words = [part for word in words
                     for part in re.split(r"(=)", word) if part or word == ""]
        quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
        out = self.bash(
            f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMP_LINE='{line}'; "
            f"COMP_POINT={len(line)}; COMPREPLY=(); _spark\n"
            'printf "%s\\n" "${COMPREPLY[@]}"', cwd=cwd)
        return [w for w in out.split("\n") if w]


class BashTests(CompletionTestCase):
    def test_with_offers_matching_people_ids(self):
        self.assertEqual(sorted(self.complete("spark log vonk T --with an")),
                         sorted([self.anna, self.anouk]))
        self.assertEqual(self.complete("spark log vonk T -w ano"), [self.anouk])
        self.assertEqual(sorted(self.complete("spark log vonk T --with ")),
                         sorted([self.anna, self.anouk, self.bart]))

    def test_people_found_by_a_word_of_their_name(self):
        # Nothing starts with "jans", so the person whose name does is offered (bash then
        # replaces the word with the id).
        self.assertEqual(self.complete("spark meet Overleg --with jans"), [self.bart])
        self.assertEqual(self.complete("spark list --with Vri"), [self.anna])

    def test_people_everywhere_a_person_is_asked(self):
        for line in ("spark people show an", "spark people add X --invited-by an",
                     "spark list --with an", "spark meet T --with an",
                     "spark meet T --new --invited-by an",
                     "spark log match T --with=an"):
            with self.subTest(line=line):
                self.assertEqual(sorted(self.complete(line)), sorted([self.anna, self.anouk]))

    def test_show_offers_record_ids(self):
        entry_id = os.path.basename(self.entry)[: -len(".toml")]
        self.assertEqual(self.complete("spark show 2026-02"), [entry_id])
        self.assertIn(self.anna, self.complete("spark show an"))

    def test_edit_offers_ids_people_tags_kinds_and_its_fixes(self):
        entry_id = os.path.basename(self.entry)[: -len(".toml")]
        self.assertEqual(self.complete("spark edit 2026-02"), [entry_id])
        self.assertEqual(sorted(self.complete(f"spark edit {entry_id} --add-with an")),
                         sorted([self.anna, self.anouk]))
        self.assertEqual(self.complete(f"spark edit {entry_id} --untag verg"), ["vergunningen"])
        self.assertEqual(self.complete(f"spark edit {entry_id} --kind luc"), ["lucifer"])
        self.assertEqual(sorted(self.complete(f"spark edit {entry_id} --add-")),
                         ["--add-attendee", "--add-dilemma", "--add-followup", "--add-outcome",
                          "--add-question", "--add-with"])

    def test_done_offers_meetings_then_their_open_followups(self):
        meeting = self.meeting_with_followups()
        self.assertEqual(self.complete("spark done 2026-0"), [meeting])
        self.assertEqual(self.complete("spark done keuk"), [meeting])
        self.assertEqual(self.complete(f"spark done {meeting} "), ["1", "3"])
        self.assertEqual(self.complete("spark done keukentafel "), ["1", "3"])
        self.assertEqual(self.complete(f"spark done {meeting} 1 "), ["1", "3"])
        self.assertEqual(self.complete("spark done zwembad "), [])

    def test_rm_offers_record_ids_for_every_argument(self):
        entry_id = os.path.basename(self.entry)[: -len(".toml")]
        self.assertEqual(self.complete("spark rm 2026-02"), [entry_id])
        self.assertEqual(self.complete(f"spark rm {entry_id} 2026-02"), [entry_id])
        self.assertIn("--force", self.complete("spark rm -"))

    def test_tags_from_the_workspace(self):
        self.assertEqual(self.complete("spark log fuel T --tag verg"), ["vergunningen"])

    def test_subcommands(self):
        self.assertEqual(sorted(self.complete("spark l")), ["list", "log"])
        top = self.complete("spark ")
        for name in ("init", "people", "log", "meet", "list", "show", "rm", "undo", "check",
                     "status", "report", "completion"):
            self.assertIn(name, top)
        self.assertNotIn("__complete", top)
        self.assertTrue({"add", "list", "show"} <= set(self.complete("spark people ")))
        # After a global option and its value, commands are still offered.
        self.assertEqual(self.complete("spark -C . --color never st"), ["status"])

    def test_options(self):
        self.assertEqual(self.complete("spark log vonk T --wi"), ["--with"])
        self.assertEqual(self.complete("spark --col"), ["--color"])
        report = self.complete("spark report --")
        for option in ("--since", "--until", "--period", "--lang", "--format", "--mermaid",
                       "--names", "--output", "--help"):
            self.assertIn(option, report)  # options in option groups too
        # Nothing left to type positionally: the options are offered.
        self.assertIn("--date", self.complete("spark log vonk T "))

    def test_every_option_in_help_completes(self):
        # Generated from the option tables, so what --help shows, completion knows.
        for command in (["log"], ["meet"], ["list"], ["report"], ["people", "add"], ["init"]):
            with self.subTest(command=command):
                help_text = self.ok(*command, "--help").out
                options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text.split(
                    "Examples:")[0]))
                offered = set(self.complete("spark " + " ".join(command) + " --"))
                self.assertLessEqual(options, offered)

    def test_values(self):
        self.assertEqual(self.complete("spark report --lang "), ["nl", "en"])
        self.assertEqual(self.complete("spark report --lang=e"), ["en"])
        self.assertEqual(self.complete("spark report --lang="), ["nl", "en"])
        self.assertEqual(self.complete("spark report --lang=e", split_at_equals=False),
                         ["--lang=en"])
        self.assertEqual(self.complete("spark report --format j"), ["json"])
        self.assertEqual(self.complete("spark report --mermaid a"), ["azure"])
        self.assertEqual(sorted(self.complete("spark report --names ")),
                         ["all", "inside", "none"])
        self.assertEqual(sorted(self.complete("spark meet T --setting ")),
                         ["extern", "external", "gemengd", "intern", "internal", "mixed"])
        self.assertEqual(self.complete("spark people add X --group exe"), ["executive"])
        self.assertEqual(self.complete("spark people add X --role cr"), ["critic", "criticus"])
        self.assertEqual(self.complete("spark people add X --group inw"), ["inwoner"])
        self.assertEqual(self.complete("spark meet T --new --new-group inw"), ["inwoner"])
        self.assertEqual(self.complete("spark list --period vorige-m"), ["vorige-maand"])
        self.assertEqual(self.complete("spark report --period dit-t"), ["dit-tertiaal"])
        self.assertEqual(self.complete("spark log vonk T --date eer"), ["eergisteren"])
        self.assertEqual(self.complete("spark log vonk T --date maa"), ["maandag"])
        self.assertEqual(self.complete("spark help peo"), ["people"])
        self.assertEqual(sorted(self.complete("spark --color a")), ["always", "auto"])
        self.assertEqual(self.complete("spark completion f"), ["fish"])
        self.assertEqual(self.complete("spark log vonk T --date gis"), ["gisteren"])

    def test_kinds_in_english_and_dutch(self):
        kinds = self.complete("spark log ")
        for kind in sparktest.KINDS + list(sparktest.KIND_ALIASES):
            self.assertIn(kind, kinds)
        self.assertEqual(sorted(self.complete("spark log lu")), ["lucifer"])
        self.assertEqual(sorted(self.complete("spark list --kind m")),
                         ["match", "meeting", "meetings"])
        self.assertEqual(sorted(self.complete("spark list --kind ont")),
                         ["ontmoeting", "ontmoetingen"])
        self.assertNotIn("ontmoeting", self.complete("spark log "))

    def test_title_and_free_text_offer_nothing(self):
        self.assertEqual(self.complete("spark log vonk "), [])
        self.assertEqual(self.complete("spark log vonk T --effect "), [])

    def test_files_and_folders(self):
        (self.tmp / "body-text.md").write_text("x")
        (self.tmp / "somedir").mkdir()
        self.assertEqual(self.complete(f"spark log vonk T -F {self.tmp}/body-"),
                         [f"{self.tmp}/body-text.md"])
        self.assertEqual(self.complete(f"spark init {self.tmp}/so"), [f"{self.tmp}/somedir"])

    def test_dash_C_names_the_workspace(self):
        elsewhere = self.tmp / "elsewhere"
        elsewhere.mkdir()
        self.assertEqual(self.complete("spark log vonk T --with an", cwd=elsewhere), [])
        self.assertEqual(sorted(self.complete(f"spark -C {self.ws} log vonk T --with an",
                                              cwd=elsewhere)),
                         sorted([self.anna, self.anouk]))

    def test_complete_function_is_registered(self):
        self.assertIn("complete -F _spark spark", self.bash("complete -p spark"))


class HiddenCompleteTests(CompletionTestCase):
    def test_people_lines(self):
        result = self.ok("__complete", "people", "an")
        self.assertEqual(result.out,
                         f"{self.anna}\tAnna de Vries\n{self.anouk}\tAnouk Verbeek\n")
        self.assertEqual(self.ok("__complete", "people", "ANO").out.split("\t")[0], self.anouk)
        self.assertEqual(self.ok("__complete", "people", "--", "-x").out, "")

    def test_meetings_and_followups_lines(self):
        meeting = self.meeting_with_followups()
        self.assertEqual(self.ok("__complete", "meetings", "").out,
                         f"{meeting}\tmeeting: Keukentafel bij de Kwekerij\n")
        self.assertEqual(self.ok("__complete", "followups", "--first", "keukentafel", "--", "").out,
                         "1\tAnna belt de jurist\n3\tBart huurt de zaal\n")
        self.assertEqual(self.ok("__complete", "followups", "--first", meeting, "--", "3").out,
                         "3\tBart huurt de zaal\n")
        # Not a meeting, or none yet: nothing, quietly.
        for first in ("anna", "zwembad", ""):
            result = self.ok("__complete", "followups", "--first", first, "--", "")
            self.assertEqual((result.out, result.err), ("", ""))

    def test_quiet_outside_a_workspace(self):
        for what in ("people", "ids", "meetings", "followups", "tags", "nonsense"):
            with self.subTest(what=what):
                result = self.spark("__complete", what, "a", cwd=self.tmp)
                self.assertEqual((result.code, result.out, result.err), (0, "", ""))

    def test_broken_files_do_not_stop_it(self):
        (self.ws / "people" / "broken.toml").write_text("name = \n")
        result = self.spark("__complete", "people", "an")
        self.assertEqual(result.code, 0)
        self.assertIn(self.anna, result.out)

    def test_hidden_from_help_and_overview(self):
        self.assertNotIn("__complete", self.ok("--help").out)
        self.assertNotIn("__complete", self.ok().out)

    def test_unknown_shell(self):
        result = self.spark("completion", "tcsh")
        self.assertFails(result, 2, "'tcsh'", "bash, zsh, fish")


class OtherShellTests(CompletionTestCase):
    def test_zsh_syntax(self):
        if shutil.which("zsh") is None:
            self.skipTest("zsh is not installed")
        script = self.script("zsh")
        self.assertTrue(script.read_text().startswith("#compdef spark\n"))
        completed = subprocess.run(["zsh", "-n", str(script)], stderr=subprocess.PIPE,
                                   timeout=sparktest.TIMEOUT)
        self.assertEqual(completed.returncode, 0, completed.stderr.decode())

    def fish(self, code):
        if shutil.which("fish") is None:
            self.skipTest("fish is not installed")
        completed = subprocess.run(
            ["fish", "--no-config", "-c", f'source "{self.script("fish")}"; {code}'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=self.environment(), cwd=str(self.ws), timeout=sparktest.TIMEOUT)
        self.assertEqual(completed.returncode, 0, completed.stderr.decode())
        return completed.stdout.decode()

    def test_fish_syntax(self):
        if shutil.which("fish") is None:
            self.skipTest("fish is not installed")
        completed = subprocess.run(["fish", "--no-execute", str(self.script("fish"))],
                                   stderr=subprocess.PIPE, timeout=sparktest.TIMEOUT)
        self.assertEqual(completed.returncode, 0, completed.stderr.decode())

    def test_fish_completes(self):
        out = self.fish("complete -C'spark log vonk T --with an'")
        self.assertEqual(sorted(line.split("\t")[0] for line in out.splitlines()),
                         sorted([self.anna, self.anouk]))
        self.assertIn("Anna de Vries", out)
        commands = [line.split("\t")[0] for line in self.fish("complete -C'spark l'").splitlines()]
        self.assertEqual(sorted(commands), ["list", "log"])
        self.assertIn("--lang=nl", self.fish("complete -C'spark report --lang='"))
        meeting = self.meeting_with_followups()
        self.assertEqual(self.fish(f"complete -C'spark done {meeting} '").splitlines(),
                         ["1\tAnna belt de jurist", "3\tBart huurt de zaal"])


if __name__ == "__main__":
    sparktest.main()
