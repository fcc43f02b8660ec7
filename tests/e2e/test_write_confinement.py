"""spark writes only where it means to: `report -o` writes through a symbolic link to the
file it names and refuses devices, pipes and folders (only '-' and /dev/stdout mean
standard output); a symbolic link in the workspace (.spark, people, log/2026,
meetings/2026) that leads out of it, committed or not, is never written through."""

import os
import shutil
import stat

import sparktest
from sparktest import SparkTestCase


class ReportOutputTests(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.expected = self.ok("report").raw_out

    def test_a_symbolic_link_is_written_through(self):
        wiki = self.tmp / "wiki"
        wiki.mkdir()
        target = wiki / "vuurmeter.md"
        target.write_text("oud\n")
        link = self.tmp / "rapport.md"
        link.symlink_to(target)
        self.ok("report", "-o", link)
        self.assertTrue(link.is_symlink(), "the link was replaced by a file")
        self.assertEqual(target.read_bytes(), self.expected)
        self.assertEqual(sorted(p.name for p in wiki.iterdir()), ["vuurmeter.md"])
        # A link to a link, and a link whose file does not exist yet.
        second = self.tmp / "nog-een.md"
        second.symlink_to(link)
        self.ok("report", "--lang", "en", "-o", second)
        self.assertTrue(second.is_symlink() and link.is_symlink())
        self.assertEqual(target.read_bytes(), self.ok("report", "--lang", "en").raw_out)
        dangling = self.tmp / "nieuw.md"
        dangling.symlink_to(wiki / "nieuw-rapport.md")
        self.ok("report", "-o", dangling)
        self.assertTrue(dangling.is_symlink())
        self.assertEqual((wiki / "nieuw-rapport.md").read_bytes(), self.expected)

    def test_the_file_keeps_its_permissions(self):
        out = self.tmp / "vuurmeter.md"
        out.write_text("oud\n")
        out.chmod(0o600)
        self.ok("report", "-o", out)
        self.assertEqual(stat.S_IMODE(out.stat().st_mode), 0o600)
        self.assertEqual(out.read_bytes(), self.expected)

    def test_devices_pipes_and_folders_are_refused(self):
        fifo = self.tmp / "pijp"
        os.mkfifo(fifo)
        to_null = self.tmp / "naar-null"
        to_null.symlink_to("/dev/null")
        folder = self.tmp / "map"
        folder.mkdir()
        for target, fragment in ((fifo, "pijp"), (to_null, "/dev/null"), (folder, "map")):
            with self.subTest(target=target.name):
                result = self.assertRejected(["report", "-o", target], 1, fragment,
                                             "not a regular file")
                self.assertIn("'-o -'", result.err)  # names the way to standard output
        self.assertTrue(stat.S_ISFIFO(fifo.lstat().st_mode))
        self.assertTrue(to_null.is_symlink())
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()),
                         ["home", "map", "naar-null", "pijp", "ws"])

    def test_standard_output_by_name(self):
        for name in ("-", "/dev/stdout"):
            with self.subTest(name=name):
                result = self.ok("report", "-o", name)
                self.assertEqual(result.raw_out, self.expected)


class WorkspaceLinkTests(SparkTestCase):
    """Links committed into a workspace (or made by someone else) that lead outside it."""

    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.outside = self.tmp / "outside"
        self.outside.mkdir()

    def outside_files(self):
        return sorted(str(p.relative_to(self.outside)) for p in self.outside.rglob("*"))

    def link(self, relative):
        path = self.ws / relative
        if path.exists():
            for child in path.iterdir():
                child.rename(self.outside / child.name)
            path.rmdir()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(self.outside, target_is_directory=True)
        return path

    def assertRefusedLink(self, result, folder):
        """Refused, naming the folder: by the writer ("outside the workspace") or, when the
        command reads the records first, by the reader ("is a symbolic link")."""
        self.assertEqual(result.code, 1, result.describe())
        self.assertIn(folder, result.err, result.describe())
        self.assertTrue("outside the workspace" in result.err or "symbolic link" in result.err,
                        result.describe())

    def test_a_year_folder_leading_outside_is_not_written(self):
        self.link("log/2026")
        before = self.outside_files()
        result = self.spark("log", "actie", "Buurtkamer", "--with", self.anna)
        self.assertFails(result, 1, "log/2026", "symbolic link", str(self.outside))
        self.assertEqual(self.outside_files(), before)
        self.link("meetings/2026")
        result = self.spark("meet", "Koffie", "--with", self.anna)
        self.assertRefusedLink(result, "meetings/2026")
        self.assertEqual(self.outside_files(), before)

    def test_people_leading_outside_is_not_written(self):
        self.link("people")
        before = self.outside_files()
        result = self.spark("people", "add", "Bram Bos")
        self.assertRefusedLink(result, "people")
        self.assertEqual(self.outside_files(), before)

    def test_merge_and_forget_write_nothing_outside(self):
        bob = self.add_person("Bob Bakker")
        self.log("actie", "Buurtkamer", "--with", bob, "--date", "2025-06-01")
        self.link("log/2025")
        before = {p: p.read_bytes() for p in self.outside.rglob("*") if p.is_file()}
        for args in (["people", "merge", self.anna, bob], ["people", "forget", bob]):
            with self.subTest(args=args):
                result = self.spark(*args)
                self.assertRefusedLink(result, "log/2025")
                self.assertEqual({p: p.read_bytes() for p in self.outside.rglob("*")
                                  if p.is_file()}, before)
                self.assertTrue((self.ws / "people" / f"{bob}.toml").exists())

    def test_a_cache_folder_leading_outside_is_not_written(self):
        shutil.rmtree(self.ws / ".spark", ignore_errors=True)
        self.link(".spark")
        for args in (["list"], ["report"], ["people", "list"]):
            self.ok(*args)
        self.assertEqual(self.outside_files(), [])
        # forget would clear the cache and needs the workspace lock in .spark: it takes
        # neither through the link, and says how to make .spark a folder again.
        (self.outside / "cache").mkdir()
        (self.outside / "cache" / "people").write_text("niet van spark\n")
        self.assertRejected(["people", "forget", self.anna], 1, "'.spark' is not a folder",
                            "mkdir .spark")
        self.assertEqual((self.outside / "cache" / "people").read_text(), "niet van spark\n")
        self.assertEqual(self.outside_files(), ["cache", "cache/people"])

    def test_a_link_inside_the_workspace_is_written_and_read_through(self):
        # As the reader follows a link that stays inside, so does the writer: the record
        # lands in the folder the link leads to and reads back.
        archive = self.ws / "archief-2026"
        archive.mkdir()
        (self.ws / "log" / "2026").symlink_to(archive, target_is_directory=True)
        path = self.log("actie", "Buurtkamer", "--with", self.anna)
        self.assertEqual([p.name for p in archive.iterdir()], [path.rsplit("/", 1)[1]])
        self.assertIn("Buurtkamer", self.ok("list").out)


if __name__ == "__main__":
    sparktest.main()
