"""Hostile files on the reading side: spark reads only regular files of a sane size inside
the workspace, says which file or folder it could not read, and never hangs or crashes on
a FIFO, a device, a huge sparse file or a symbolic link pointing elsewhere, in the records
or in its own cache."""

import os
import shutil
import subprocess
import time

from sparktest import SPARK, TIMEOUT, YEAR, SparkTestCase, main

READ_COMMANDS = [["check"], ["report"], ["status"], ["list"], ["list", "--json"]]


class HostileFilesTest(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.entry = self.log("action", "Alpha gedaan", "--with", "anna")

    def assert_every_read_fails(self, *fragments):
        for command in READ_COMMANDS:
            with self.subTest(command=command):
                # Not assertRejected: its snapshot would itself wait on a FIFO or read a
                # 60 GB file. check prints the problems on stdout, the others on stderr.
                result = self.spark(*command)
                self.assertFails(result, 1)
                shown = result.out if command == ["check"] else result.err
                for fragment in fragments:
                    self.assertIn(fragment, shown, result.describe())
                if command != ["check"]:
                    self.assertEqual(result.out, "", result.describe())

    def test_fifo_named_like_a_record_is_an_error_not_a_hang(self):
        os.mkfifo(self.ws / "log" / YEAR / "2026-02-01-pijp-abcd.toml")
        self.assert_every_read_fails(f"log/{YEAR}/2026-02-01-pijp-abcd.toml", "not a regular file")

    def test_device_named_like_a_person_is_an_error(self):
        (self.ws / "people" / "nul-abcd.toml").symlink_to("/dev/zero")
        self.assert_every_read_fails("people/nul-abcd.toml")

    def test_record_over_the_size_limit_is_an_error_naming_it(self):
        big = self.ws / "log" / YEAR / "2026-02-01-groot-abcd.toml"
        big.write_text('date = 2026-02-01\nkind = "fuel"\ntitle = "Groot"\nbody = """\n'
                       + "x" * (9 << 20) + '\n"""\n')
        self.assert_every_read_fails(f"log/{YEAR}/2026-02-01-groot-abcd.toml", "too large")

    def test_sparse_huge_record_among_many_is_an_error_not_an_abort(self):
        # >= 256 files: the loader runs on several threads.
        template = (self.ws / self.entry).read_text()
        folder = self.ws / "log" / YEAR
        for i in range(300):
            (folder / f"2026-02-01-kopie-{i:04d}.toml").write_text(template)
        with open(folder / "2026-02-01-leeg-abcd.toml", "wb") as f:
            f.truncate(60 << 30)
        self.assert_every_read_fails(f"log/{YEAR}/2026-02-01-leeg-abcd.toml", "too large")

    def test_symlinked_year_folder_pointing_outside_is_not_followed(self):
        outside = self.tmp / "elders"
        outside.mkdir()
        shutil.copy(self.ws / self.entry, outside / "2025-05-05-van-buiten-abcd.toml")
        (self.ws / "log" / "2025").symlink_to(outside)
        self.assert_every_read_fails("log/2025", "symbolic link", "outside the workspace")

    def test_symlinked_year_folder_staying_inside_is_read(self):
        archive = self.ws / "archief" / "2025"
        archive.mkdir(parents=True)
        shutil.copy(self.ws / self.entry, archive / "2025-05-05-uit-het-archief-abcd.toml")
        (self.ws / "log" / "2025").symlink_to(archive)
        ids = self.ok("list").out
        self.assertIn("2025-05-05-uit-het-archief-abcd", ids)

    def test_symlinked_record_pointing_outside_is_not_followed(self):
        outside = self.tmp / "buiten.toml"
        shutil.copy(self.ws / self.entry, outside)
        (self.ws / "log" / YEAR / "2026-02-02-link-abcd.toml").symlink_to(outside)
        self.assert_every_read_fails(f"log/{YEAR}/2026-02-02-link-abcd.toml", "symbolic link")

    def run_as_nobody(self, *args):
        """spark as an unprivileged user (root reads every file regardless of its mode)."""
        argv = [SPARK, *args]
        if os.geteuid() == 0:
            argv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *argv]
        return subprocess.run(argv, cwd=self.ws, env=self.environment(), capture_output=True,
                              timeout=TIMEOUT, stdin=subprocess.DEVNULL)

    def make_world_readable(self):
        for dirpath, dirnames, filenames in os.walk(self.tmp):
            os.chmod(dirpath, 0o777)
            for name in filenames:
                os.chmod(os.path.join(dirpath, name), 0o666)

    def test_unreadable_year_folder_fails_the_command(self):
        self.make_world_readable()
        folder = self.ws / "log" / YEAR
        folder.chmod(0)
        self.addCleanup(folder.chmod, 0o777)
        for command in (["check"], ["report"], ["list"]):
            with self.subTest(command=command):
                done = self.run_as_nobody(*command)
                self.assertEqual(done.returncode, 1, done)
                self.assertIn(f"log/{YEAR}: error: cannot read folder",
                              done.stderr.decode() + done.stdout.decode())
                self.assertIn("spark: error:", done.stderr.decode())

    def test_unreadable_record_fails_the_command(self):
        self.make_world_readable()
        record = self.ws / self.entry
        record.chmod(0)
        for command in (["check"], ["report"], ["list"]):
            with self.subTest(command=command):
                done = self.run_as_nobody(*command)
                self.assertEqual(done.returncode, 1, done)
                self.assertIn(f"{self.entry}: error: cannot read",
                              done.stderr.decode() + done.stdout.decode())


class HostileCacheTest(SparkTestCase):
    """Whatever sits where spark keeps its cache, the answer is the same as without one and
    the cache becomes a regular file of spark's again."""

    def setUp(self):
        super().setUp()
        self.init()
        self.env.pop("SPARK_NO_CACHE", None)
        self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.log("action", "Alpha gedaan", "--with", "anna")
        self.cache = self.ws / ".spark" / "cache"
        self.expected = self.ok("list", "--json", env={"SPARK_NO_CACHE": "1"}).raw_out
        # A clock by which the files have settled, so that every read writes what it keeps.
        self.env["SPARK_CACHE_NOW"] = "%.3f" % (time.time() + 60)
        self.ok("list")  # writes the cache
        self.names = sorted(p.name for p in self.cache.iterdir())
        self.assertTrue(self.names)

    def replace_cache(self, make):
        for name in self.names:
            path = self.cache / name
            path.unlink()
            make(path)

    def assert_answers_and_rebuilds(self):
        started = time.monotonic()
        for _ in range(2):
            result = self.ok("list", "--json")
            self.assertEqual(result.raw_out, self.expected)
            self.assertEqual(result.err, "")
        self.assertLess(time.monotonic() - started, 20)
        for name in self.names:
            path = self.cache / name
            self.assertTrue(path.is_file() and not path.is_symlink(), f"{name} not rebuilt")
            self.assertLess(path.stat().st_size, 1 << 20)

    def test_cache_that_is_a_fifo(self):
        self.replace_cache(os.mkfifo)
        self.assert_answers_and_rebuilds()

    def test_cache_that_links_to_dev_zero(self):
        self.replace_cache(lambda path: path.symlink_to("/dev/zero"))
        self.assert_answers_and_rebuilds()

    def test_cache_that_is_a_huge_sparse_file(self):
        def sparse(path):
            with open(path, "wb") as f:
                f.truncate(30 << 30)

        self.replace_cache(sparse)
        self.assert_answers_and_rebuilds()

    def test_cache_folder_linking_outside_is_neither_read_nor_written(self):
        outside = self.tmp / "elders"
        outside.mkdir()
        shutil.rmtree(self.ws / ".spark")
        (self.ws / ".spark").symlink_to(outside)
        result = self.ok("list", "--json")
        self.assertEqual(result.raw_out, self.expected)
        self.assertEqual(list(outside.iterdir()), [], "spark wrote through the link")


if __name__ == "__main__":
    main()
