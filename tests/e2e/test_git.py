"""spark and git: init, autocommit of exactly the written file, failures that only warn,
and the merge of two clones that logged the same title on the same day."""

import os
import pathlib
import shutil
import unittest

import sparktest
from sparktest import TODAY, SparkTestCase

NO_IDENTITY = {
    "GIT_AUTHOR_NAME": None,
    "GIT_AUTHOR_EMAIL": None,
    "GIT_COMMITTER_NAME": None,
    "GIT_COMMITTER_EMAIL": None,
    "EMAIL": None,
    "GIT_CONFIG_NOSYSTEM": "1",
    # Without this git may invent user@host.domain and succeed on some machines.
    "GIT_CONFIG_COUNT": "1",
    "GIT_CONFIG_KEY_0": "user.useConfigOnly",
    "GIT_CONFIG_VALUE_0": "true",
}


@unittest.skipUnless(sparktest.git_available(), "git not installed")
class GitTestCase(SparkTestCase):
    def head_files(self, cwd=None):
        return self.git("show", "--name-only", "--format=", "HEAD", cwd=cwd).split()

    def head_subject(self, cwd=None):
        return self.git("log", "-1", "--format=%s", cwd=cwd).strip()

    def commit_count(self, cwd=None):
        return int(self.git("rev-list", "--count", "HEAD", cwd=cwd).strip())


class InitTests(GitTestCase):
    def test_init_runs_git_init_and_commits(self):
        self.init(git=True, name="Wijkkracht")
        self.assertTrue((self.ws / ".git").is_dir())
        self.assertEqual(self.commit_count(), 1)
        self.assertEqual(sorted(self.head_files()), [".gitignore", "spark.toml"])
        self.assertIn("Wijkkracht", self.head_subject())
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertIn(".spark/", (self.ws / ".gitignore").read_text())
        self.assertIs(self.read("spark.toml")["git"]["autocommit"], True)

    def test_no_git(self):
        self.init(git=False)
        self.assertFalse((self.ws / ".git").exists())
        self.assertIs(self.read("spark.toml")["git"]["autocommit"], False)
        # Explicitly off stays off, even after the user runs git init.
        self.git("init", "-q")
        self.log("match", "Not committed")
        self.assertEqual(self.git("rev-list", "--all").strip(), "")

    def test_inside_an_existing_repository(self):
        outer = self.tmp / "outer"
        outer.mkdir()
        self.git("init", "-q", cwd=outer)
        (outer / ".gitignore").write_text("*.o\n")
        self.git("add", ".gitignore", cwd=outer)
        self.git("commit", "-q", "-m", "outer", cwd=outer)
        ws = outer / "initiative"
        self.ok("init", ws, "--name", "Binnen", cwd=self.tmp)
        self.assertFalse((ws / ".git").exists(), "no nested repository")
        path = self.log("match", "In outer repo", cwd=ws)
        self.assertEqual(self.head_files(cwd=outer), ["initiative/" + path])
        self.assertEqual(self.git("status", "--porcelain", cwd=outer), "")

    def test_existing_gitignore_is_kept(self):
        self.ws.mkdir()
        (self.ws / ".gitignore").write_text("secret.txt")
        self.init(git=True)
        self.assertEqual((self.ws / ".gitignore").read_text(), "secret.txt\n.spark/\n")


class AutocommitTests(GitTestCase):
    def setUp(self):
        super().setUp()
        self.init(git=True)

    def test_a_record_git_ignores_is_saved_with_a_warning(self):
        with open(self.ws / ".gitignore", "a") as ignore:
            ignore.write("log/2027/\n")
        self.git("commit", "-qam", "ignore 2027")
        count = self.commit_count()
        result = self.ok("log", "vonk", "Later", "--date", "2027-01-05")
        self.assertIn("not committed", result.err)
        self.assertEqual(self.commit_count(), count)

    def test_log_commits_exactly_its_file(self):
        path = self.log("lucifer", "Vergunning in een week", "--tag", "x")
        self.assertEqual(self.head_files(), [path])
        self.assertEqual(self.head_subject(), "log(match): Vergunning in een week")
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(self.git("log", "-1", "--format=%an <%ae>").strip(),
                         "Test Author <author@example.org>")

    def test_people_add_commits_exactly_its_file(self):
        result = self.ok("people", "add", "Anna de Vries")
        path = result.out.strip()
        self.assertEqual(self.head_files(), [path])
        self.assertEqual(self.head_subject(), "people: add Anna de Vries")

    def test_commit_subject_is_the_first_line_of_the_title(self):
        self.log("action", "First line\nsecond line")
        self.assertEqual(self.head_subject(), "log(action): First line")

    def test_commit_message_keeps_odd_titles(self):
        title = 'Quotes "x" \\ and $HOME `date` 🔥'
        self.log("fuel", title)
        self.assertEqual(self.head_subject(), f"log(fuel): {title}")

    def test_staged_work_of_the_user_stays_staged_and_out_of_the_commit(self):
        (self.ws / "notes.md").write_text("staged by the user\n")
        self.git("add", "notes.md")
        (self.ws / "spark.toml").write_bytes((self.ws / "spark.toml").read_bytes() + b"# edit\n")
        path = self.log("match", "Only mine")
        self.assertEqual(self.head_files(), [path])
        status = self.git("status", "--porcelain").splitlines()
        self.assertIn("A  notes.md", status)
        self.assertIn(" M spark.toml", status)
        self.assertEqual(len(status), 2, status)

    def test_paths_with_odd_characters_commit(self):
        path = self.log("match", "*?[]:~^ glob chars")
        self.assertEqual(self.head_files(), [path])

    def test_no_identity_saves_and_warns(self):
        env = dict(NO_IDENTITY, HOME=str(self.tmp / "empty-home"))
        (self.tmp / "empty-home").mkdir()
        result = self.spark("log", "match", "No identity", env=env)
        self.assertEqual(result.code, 0, result.describe())
        self.assertIn("spark: warning:", result.err)
        self.assertIn("not committed", result.err)
        path = result.out.strip()
        self.assertEqual(self.read(path)["title"], "No identity")
        self.assertEqual(self.commit_count(), 1)
        self.ok("check")

    def test_refusing_pre_commit_hook_saves_and_warns(self):
        hook = self.ws / ".git" / "hooks" / "pre-commit"
        hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
        hook.chmod(0o755)
        result = self.spark("log", "match", "Hook refuses")
        self.assertEqual(result.code, 0, result.describe())
        self.assertIn("spark: warning:", result.err)
        self.assertIn("not committed", result.err)
        self.assertIn("hook says no", result.err)
        self.assertEqual(self.read(result.out.strip())["title"], "Hook refuses")
        self.assertEqual(self.commit_count(), 1)

    def test_failed_write_commits_nothing(self):
        before = self.snapshot()
        result = self.spark("log", "nonsense", "Title")
        self.assertEqual(result.code, 2)
        self.assertUnchanged(before)
        self.assertEqual(self.commit_count(), 1)

    def test_quiet_hides_nothing_from_git(self):
        self.ok("-q", "log", "match", "Quiet commit")
        self.assertEqual(self.commit_count(), 2)


class WithoutGitTests(GitTestCase):
    """PATH holds only a folder with `sh` (for $EDITOR); spark needs nothing else."""

    def setUp(self):
        super().setUp()
        self.bin = self.tmp / "bin"
        self.bin.mkdir()
        os.symlink(shutil.which("sh") or "/bin/sh", self.bin / "sh")
        self.no_git = {"PATH": str(self.bin)}

    def test_init_without_git_works_and_says_so(self):
        result = self.spark("init", self.ws, "--name", "Zonder git", env=self.no_git,
                            cwd=self.tmp)
        self.assertEqual(result.code, 0, result.describe())
        self.assertIn("spark: warning:", result.err)
        self.assertIn("git", result.err)
        self.assertFalse((self.ws / ".git").exists())
        path = self.spark("log", "match", "Works", env=self.no_git).out.strip()
        self.assertEqual(self.read(path)["title"], "Works")
        self.assertEqual(self.spark("check", env=self.no_git).code, 0)

    def test_git_workspace_used_where_git_is_missing(self):
        self.init(git=True)
        editor = self.write_script("editor.sh", 'printf "from the editor\\n" > "$1"\n')
        result = self.spark("log", "match", "Git gone", "-e",
                            env=dict(self.no_git, EDITOR=str(editor)))
        self.assertEqual(result.code, 0, result.describe())
        self.assertIn("spark: warning:", result.err)
        self.assertIn("git is not installed", result.err)
        data = self.read(result.out.strip())
        self.assertEqual(data["body"], "from the editor")
        self.assertEqual(self.spark("people", "list", env=self.no_git).code, 0)


class MergeTests(GitTestCase):
    """Two clones log the same title on the same day; `git pull` merges without conflict."""

    def clone(self, name):
        path = self.tmp / name
        self.git("clone", "-q", self.ws, path, cwd=self.tmp)
        return path

    def test_two_clones_same_title_same_day_merge_cleanly(self):
        self.init(git=True)
        anna = self.add_person("Anna de Vries")
        a = self.clone("a")
        b = self.clone("b")

        path_a = self.log("match", "Vergunning in een week", "--with", "anna", "-m", "from A",
                          cwd=a)
        path_b = self.log("match", "Vergunning in een week", "--with", "anna", "-m", "from B",
                          cwd=b)
        self.assertTrue(path_a.startswith(f"log/2026/{TODAY}-vergunning-in-een-week-"))
        self.assertNotEqual(path_a, path_b)
        # The same person added independently in both clones: two records, no conflict.
        self.add_person("Joris Jansen", cwd=a)
        self.add_person("Joris Jansen", cwd=b)

        self.git("pull", "--no-rebase", "--no-edit", "-q", str(a), "main", cwd=b)

        self.assertEqual(self.git("ls-files", "--unmerged", cwd=b), "")
        self.assertEqual(self.git("status", "--porcelain", cwd=b), "")
        entries = self.record_files(root=b)
        self.assertEqual(sorted(entries), sorted([path_a, path_b]))
        bodies = sorted(self.read(p, root=b)["body"] for p in entries)
        self.assertEqual(bodies, ["from A", "from B"])
        for p in entries:
            self.assertEqual(self.read(p, root=b)["people"], [anna])
        self.assertEqual(len(self.record_files("people", root=b)), 3)
        result = self.ok("check", cwd=b)
        self.assertNotIn("error", result.out)
        # The same person twice is worth a warning, not a failure.
        self.assertIn("joris-jansen", result.out)
        self.assertIn("warning", result.out)

        # And back again: A fast-forwards to the merge.
        self.git("pull", "--no-rebase", "--no-edit", "-q", str(b), "main", cwd=a)
        self.assertEqual(sorted(self.record_files(root=a)), sorted([path_a, path_b]))
        self.ok("check", cwd=a)

    def test_many_entries_both_sides(self):
        self.init(git=True)
        a = self.clone("a")
        b = self.clone("b")
        for i in range(5):
            self.log("action", "Dagelijkse actie", "-m", f"A{i}", cwd=a)
            self.log("action", "Dagelijkse actie", "-m", f"B{i}", cwd=b)
        self.git("pull", "--no-rebase", "--no-edit", "-q", str(a), "main", cwd=b)
        entries = self.record_files(root=b)
        self.assertEqual(len(entries), 10)
        self.assertEqual(sorted(self.read(p, root=b)["body"] for p in entries),
                         sorted([f"A{i}" for i in range(5)] + [f"B{i}" for i in range(5)]))
        self.ok("check", cwd=b)


if __name__ == "__main__":
    sparktest.main()
