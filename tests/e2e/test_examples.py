"""The scripts in examples/ do what their comments promise, run against a temporary copy of
examples/wijkkracht or a fresh workspace: the weekly wiki report, the pre-commit hook, the
CSV import and the straw-fire alert. Every script finds spark through $SPARK."""

import json
import os
import shutil
import subprocess

import sparktest
from sparktest import SparkTestCase

EXAMPLES = sparktest.HERE.parents[1] / "examples"
# 2026-11-30 12:00 UTC: the example workspace is a running fire; three months later, with
# nothing new, a straw fire.
NOVEMBER = "1796040000"
MARCH = "1803988800"  # 2027-03-01


class ExampleTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.env["SPARK"] = os.path.abspath(sparktest.SPARK)

    def script(self, name, *args, cwd=None, env=None, check=None):
        """Runs examples/NAME; returns the Result (code, out, err)."""
        completed = subprocess.run(
            [str(EXAMPLES / name), *map(str, args)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=self.environment(env), cwd=str(cwd or self.tmp), timeout=sparktest.TIMEOUT)
        result = sparktest.Result(completed.returncode, completed.stdout, completed.stderr,
                                  [name, *args])
        if check is not None:
            self.assertEqual(result.code, check, result.describe())
        return result

    def copy_example(self):
        shutil.copytree(EXAMPLES / "wijkkracht", self.ws)
        return self.ws

    def commits(self, repo):
        return int(self.git("rev-list", "--count", "HEAD", cwd=repo).strip())


class WeeklyReportTests(ExampleTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()
        self.env["SOURCE_DATE_EPOCH"] = NOVEMBER
        # The intranet wiki: a bare repository and a checkout of it with an upstream.
        self.remote = self.tmp / "wiki.git"
        self.git("init", "--bare", "--quiet", self.remote, cwd=self.tmp)
        self.wiki = self.tmp / "wiki"
        self.git("clone", "--quiet", self.remote, self.wiki, cwd=self.tmp)
        (self.wiki / "Home.md").write_text("# Wiki\n")
        self.git("add", "Home.md", cwd=self.wiki)
        self.git("commit", "--quiet", "-m", "Home", cwd=self.wiki)
        self.git("push", "--quiet", "-u", "origin", "HEAD", cwd=self.wiki)

    def remote_log(self):
        return self.git("log", "--format=%s", "main", cwd=self.remote).splitlines()

    def test_writes_commits_and_pushes_only_changes(self):
        result = self.script("weekly-report.sh", self.ws, self.wiki, check=0)
        self.assertIn("updated", result.out)
        page = (self.wiki / "Vuurmeter.md").read_text()
        self.assertEqual(page, self.ok("report").out)
        self.assertIn("Wijkkracht Lindewaard", page)
        self.assertEqual(len(self.remote_log()), 2)
        self.assertTrue(self.remote_log()[0].startswith("Vuurmeter: spark report of "))

        # The same day, nothing new: no commit.
        result = self.script("weekly-report.sh", self.ws, self.wiki, check=0)
        self.assertIn("unchanged", result.out)
        self.assertEqual(len(self.remote_log()), 2)
        self.assertEqual(self.git("status", "--porcelain", cwd=self.wiki), "")

        # Something happened: a new commit with only the page.
        self.log("actie", "Repaircafe in de wijk", "--date", "2026-11-28")
        self.script("weekly-report.sh", self.ws, self.wiki, check=0)
        self.assertEqual(len(self.remote_log()), 3)
        changed = self.git("show", "--name-only", "--format=", "HEAD", cwd=self.wiki)
        self.assertEqual(changed.split(), ["Vuurmeter.md"])

    def test_page_name_and_report_options(self):
        self.script("weekly-report.sh", self.ws, self.wiki, "Fire/Gauge.md", "--lang", "en",
                    "--mermaid", "azure", check=0)
        page = (self.wiki / "Fire" / "Gauge.md").read_text()
        self.assertIn("::: mermaid", page)
        self.assertIn("Fire gauge", page)

    def test_relative_paths(self):
        # As a user types it from the folder holding both: the page lands in the wiki.
        result = self.script("weekly-report.sh", self.ws.name, self.wiki.name, cwd=self.tmp,
                             check=0)
        self.assertIn("updated", result.out)
        self.assertTrue((self.wiki / "Vuurmeter.md").is_file())
        self.assertFalse((self.ws / self.wiki.name).exists())

    def test_pulls_the_workspace_before_reporting(self):
        # The workspace is a clone of the team's repository; a colleague pushed a record.
        team = self.tmp / "team.git"
        self.git("init", "--quiet", ws := self.ws, cwd=self.tmp)
        (ws / ".gitignore").write_text(".spark/\n")
        self.git("add", ".", cwd=ws)
        self.git("commit", "--quiet", "-m", "wijkkracht", cwd=ws)
        self.git("clone", "--quiet", "--bare", ws, team, cwd=self.tmp)
        self.git("remote", "add", "origin", team, cwd=ws)
        self.git("fetch", "--quiet", "origin", cwd=ws)
        self.git("branch", "--quiet", "--set-upstream-to=origin/main", cwd=ws)
        colleague = self.tmp / "colleague"
        self.git("clone", "--quiet", team, colleague, cwd=self.tmp)
        self.ok("log", "actie", "Buurtbus rijdt weer", "--date", "2026-11-27", cwd=colleague)
        self.git("push", "--quiet", cwd=colleague)
        self.script("weekly-report.sh", ws, self.wiki, check=0)
        self.assertIn("Buurtbus rijdt weer", (self.wiki / "Vuurmeter.md").read_text())
        self.assertEqual(self.git("status", "--porcelain", cwd=ws), "")

    def test_checkout_without_upstream_commits_locally(self):
        local = self.tmp / "local-wiki"
        self.git("init", "--quiet", local, cwd=self.tmp)
        self.script("weekly-report.sh", self.ws, local, check=0)
        self.assertEqual(self.commits(local), 1)

    def test_failing_report_changes_nothing(self):
        result = self.script("weekly-report.sh", self.tmp / "nowhere", self.wiki)
        self.assertNotEqual(result.code, 0)
        self.assertIn("spark: error:", result.err)
        self.assertFalse((self.wiki / "Vuurmeter.md").exists())
        self.assertEqual(len(self.remote_log()), 1)
        self.assertEqual(self.script("weekly-report.sh", self.ws).code, 2)


class PreCommitTests(ExampleTestCase):
    def setUp(self):
        super().setUp()
        if not sparktest.git_available():
            self.skipTest("git is not installed")
        self.init(git=True)
        hook = self.ws / ".git" / "hooks" / "pre-commit"
        shutil.copy(EXAMPLES / "pre-commit", hook)
        hook.chmod(0o755)

    def commit(self, *args):
        return subprocess.run(["git", "commit", "--quiet", "-m", "hand edit", *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=self.environment(), cwd=str(self.ws),
                              timeout=sparktest.TIMEOUT)

    def test_spark_own_commits_pass(self):
        before = self.commits(self.ws)
        self.add_person("Anna de Vries")
        self.log("vonk", "Eerste koffie", "--with", "anna")
        self.assertEqual(self.commits(self.ws), before + 2)

    def test_broken_staged_file_is_refused(self):
        (self.ws / "people" / "broken.toml").write_text('name = "Bart"\ngroup = "astronaut"\n')
        self.git("add", "people/broken.toml")
        before = self.commits(self.ws)
        done = self.commit()
        self.assertNotEqual(done.returncode, 0)
        err = done.stderr.decode()
        self.assertRegex(err, r"people/broken\.toml:2:\d+: error:")
        self.assertIn("pre-commit:", err)
        self.assertEqual(self.commits(self.ws), before)
        # --no-verify is the way around it.
        self.assertEqual(self.commit("--no-verify").returncode, 0)
        self.assertEqual(self.commits(self.ws), before + 1)

    def test_checks_the_index_not_the_disk(self):
        path = self.ws / "people" / "bart.toml"
        path.write_text('name = "Bart"\ngroup = "astronaut"\n')
        self.git("add", "people/bart.toml")
        path.write_text('name = "Bart"\ngroup = "staff"\n')  # fixed on disk, not staged
        self.assertNotEqual(self.commit().returncode, 0)
        self.git("add", "people/bart.toml")
        self.assertEqual(self.commit().returncode, 0)
        # A broken file that is not staged does not stop a good commit.
        (self.ws / "people" / "draft.toml").write_text("name = \n")
        (self.ws / "people" / "carla.toml").write_text('name = "Carla"\n')
        self.git("add", "people/carla.toml")
        self.assertEqual(self.commit().returncode, 0)
        self.assertEqual(self.git("status", "--porcelain"), "?? people/draft.toml\n")

    def test_workspace_in_a_subfolder(self):
        repo = self.tmp / "repo"
        self.init(path=repo / "initiative")  # --no-git: the repository is repo/
        self.git("init", "--quiet", repo, cwd=self.tmp)
        shutil.copy(EXAMPLES / "pre-commit", repo / ".git" / "hooks" / "pre-commit")
        (repo / "initiative" / "people" / "x.toml").write_text("name = [\n")
        self.git("add", ".", cwd=repo)
        done = subprocess.run(["git", "commit", "--quiet", "-m", "x"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.environment(), cwd=str(repo),
                              timeout=sparktest.TIMEOUT)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("people/x.toml:1:", done.stderr.decode())
        self.assertIn("initiative", done.stderr.decode())


class ImportCsvTests(ExampleTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def people(self):
        """name -> the person's record, read back through spark."""
        return {p["name"]: p for p in json.loads(self.ok("people", "list", "--json").out)}

    def import_samples(self):
        self.script("import-csv.sh", "people", EXAMPLES / "people.csv", cwd=self.ws, check=0)
        self.script("import-csv.sh", "meetings", EXAMPLES / "meetings.csv", cwd=self.ws,
                    check=0)

    def test_samples_are_excel_files(self):
        for name in ("people.csv", "meetings.csv"):
            data = (EXAMPLES / name).read_bytes()
            self.assertTrue(data.startswith(b"\xef\xbb\xbf"), f"{name}: byte order mark")
            self.assertIn(b";\"", data, f"{name}: quoted fields")
            self.assertTrue(data.endswith(b"\r\n"), f"{name}: CRLF line ends")
        # A cell with a line break (Alt+Enter) is stored as a bare LF inside quotes.
        self.assertIn(b"?\nWie", (EXAMPLES / "meetings.csv").read_bytes())

    def test_people_and_meetings(self):
        self.import_samples()
        people = self.people()
        self.assertEqual(set(people), {"Anouk Verbeek", "Ruben Hoekstra", "Kees Dijkman",
                                       "Fatima Ouali", "Ingrid Bos", "José Álvarez",
                                       "Jeroen de Graaf"})  # the last one new at a meeting
        anouk, kees, ingrid = people["Anouk Verbeek"], people["Kees Dijkman"], people["Ingrid Bos"]
        self.assertEqual((anouk["group"], anouk["roles"], anouk["since"]),
                         ("staff", ["spark"], "2026-06-01"))
        self.assertEqual(kees["invited_by"], anouk["id"])
        self.assertEqual(kees["note"], 'Zegt: "eerst kijken, dan schrijven"; denkt mee')
        self.assertEqual(ingrid["department"], "Vergunningen; Toezicht")
        self.assertEqual(ingrid["roles"], ["critic", "innovator"])
        self.assertEqual(ingrid["since"], "2026-07-02")
        self.assertTrue(people["Fatima Ouali"]["public"])
        self.assertEqual(people["José Álvarez"]["group"], "resident")

        meetings = json.loads(self.ok("list", "--kind", "meeting", "--json").out)
        self.assertEqual([m["title"] for m in meetings],
                         ["Keukentafel De Kwekerij", "Intervisie vergunningen"])
        kwekerij, intervisie = meetings
        self.assertEqual(kwekerij["date"], "2026-06-25")
        self.assertEqual(kwekerij["setting"], "mixed")
        self.assertEqual(kwekerij["place"], "De Kwekerij; kas 2")
        self.assertEqual(kwekerij["questions"], ["Mag een bewoner zelf de tuin beheren?",
                                                 "Wie is aansprakelijk bij een ongeluk?"])
        self.assertEqual(kwekerij["followups"], ['Verzekering uitzoeken ("wie betaalt?")'])
        self.assertEqual(len(kwekerij["attendees"]), 3)
        self.assertEqual(intervisie["setting"], "internal")
        self.assertEqual(len(intervisie["attendees"]), 3)
        self.assertEqual(intervisie["dilemmas"], ["Snelheid of zorgvuldigheid?",
                                                  "Wat als het misgaat?"])
        self.ok("check")

    def test_running_again_adds_nothing(self):
        self.import_samples()
        before = self.snapshot()
        for kind in ("people", "meetings"):
            result = self.script("import-csv.sh", kind, EXAMPLES / f"{kind}.csv", cwd=self.ws,
                                 check=0)
            self.assertIn("0 added", result.out)
            self.assertIn("already there", result.out)
        self.assertUnchanged(before)

    def test_bad_rows_are_named_and_the_rest_imported(self):
        csv = self.tmp / "bad.csv"
        csv.write_bytes("Groep;Naam;Sinds\r\nastronaut;Bart Jansen;1-1-2026\r\n"
                        "staff;Carla de Wit;31-2-2026\r\nstaff;Dirk Smit;2026-01-05\r\n"
                        .encode())
        result = self.script("import-csv.sh", "people", csv, cwd=self.ws, check=1)
        self.assertIn(f"{csv}:2: spark: error:", result.err)
        self.assertIn("astronaut", result.err)
        self.assertIn(f"{csv}:3: spark: error:", result.err)
        self.assertIn("1 added, 0 already there, 2 refused", result.out)
        self.assertEqual(set(self.people()), {"Dirk Smit"})

    def test_windows_1252_and_plain_line_ends(self):
        csv = self.tmp / "ansi.csv"
        csv.write_bytes("Naam;Groep\nJosé Álvarez;bewoner\n".encode("cp1252"))
        self.script("import-csv.sh", "people", csv, cwd=self.ws, check=0)
        self.assertEqual(self.people()["José Álvarez"]["group"], "resident")

    def test_usage_and_missing_columns(self):
        self.assertEqual(self.script("import-csv.sh", "things", "x.csv", cwd=self.ws).code, 2)
        csv = self.tmp / "nameless.csv"
        csv.write_text("Groep;Sinds\nstaff;1-1-2026\n")
        result = self.script("import-csv.sh", "people", csv, cwd=self.ws)
        self.assertNotEqual(result.code, 0)
        self.assertIn("naam", result.err)
        self.assertEqual(self.people(), {})


class AlertStrawFireTests(ExampleTestCase):
    def setUp(self):
        super().setUp()
        self.copy_example()
        # PATH with spark and python3 but without jq, for the python3 branch.
        self.no_jq = self.tmp / "no-jq"
        self.no_jq.mkdir()
        os.symlink(shutil.which("python3"), self.no_jq / "python3")

    def variants(self):
        yield "python3", {"PATH": str(self.no_jq)}
        if shutil.which("jq"):
            yield "jq", {}

    def test_running_fire_is_silent(self):
        for name, env in self.variants():
            with self.subTest(json=name):
                result = self.script("alert-straw-fire.sh", self.ws, check=0,
                                     env={"SOURCE_DATE_EPOCH": NOVEMBER, **env})
                self.assertEqual((result.out, result.err), ("", ""))

    def test_straw_fire_alerts_with_the_reasons(self):
        for name, env in self.variants():
            with self.subTest(json=name):
                result = self.script("alert-straw-fire.sh", self.ws, check=1,
                                     env={"SOURCE_DATE_EPOCH": MARCH, **env})
                self.assertIn("straw fire", result.out)
                self.assertIn("strovuur (straw-fire)", result.out)  # spark status
                self.assertIn("geen nieuwe mensen", result.out)

    def test_the_mail_names_no_resident(self):
        """The alert is mailed: a title naming a resident reaches it redacted, as in the
        report."""
        self.ok("log", "actie", "Jeroens buurtapp met Noor Bakker en Wim", "--date",
                "2027-01-10", env={"SOURCE_DATE_EPOCH": MARCH})
        result = self.script("alert-straw-fire.sh", self.ws, check=1,
                             env={"SOURCE_DATE_EPOCH": MARCH})
        self.assertIn("buurtapp met", result.out)
        for name in ("Jeroen", "Noor", "Bakker", "Wim"):
            self.assertNotIn(name, result.out)

    def test_default_is_the_current_folder(self):
        result = self.script("alert-straw-fire.sh", cwd=self.ws / "people",
                             env={"SOURCE_DATE_EPOCH": MARCH})
        self.assertEqual(result.code, 1, result.describe())

    def test_failing_spark_is_not_silence(self):
        result = self.script("alert-straw-fire.sh", self.tmp)
        self.assertNotEqual(result.code, 0)
        self.assertIn("spark: error:", result.err)


if __name__ == "__main__":
    sparktest.main()
