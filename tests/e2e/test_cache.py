"""The cache in .spark/cache/ is an optimisation that must never change an answer: every
kind of change to the records is seen, and a damaged cache is rebuilt silently."""

import json
import os
import shutil
import time

from sparktest import HERE, SparkTestCase, main

EXAMPLE = HERE.parents[1] / "examples" / "wijkkracht"


def settled():
    """A clock a minute ahead (spark's SPARK_CACHE_NOW): every file is old enough to be
    trusted from the cache, without waiting for it to settle."""
    return {"SPARK_CACHE_NOW": "%.3f" % (time.time() + 60)}


def unsettled(workspace):
    """A clock just after the newest record was written, however long ago that really was
    (a sanitizer build is slow): every file is too young to be trusted from the cache."""
    newest = max(p.stat().st_mtime for p in workspace.rglob("*.toml"))
    return {"SPARK_CACHE_NOW": "%.3f" % (newest + 0.5)}


class CacheTest(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.env.pop("SPARK_NO_CACHE", None)
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.alpha = self.log("action", "Alpha gedaan", "--with", "anna")
        self.beta = self.log("match", "Beta bewezen", "--effect", "werkt")

    def titles(self, env=None):
        result = self.ok("list", "--json", env=env)
        return sorted(item["title"] for item in json.loads(result.out))

    def cache_files(self):
        folder = self.ws / ".spark" / "cache"
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}

    def settle_and_cache(self):
        """Runs once with a clock by which the files have settled, so the cache trusts them."""
        self.titles(env=settled())

    def test_cache_is_written_and_reused_when_nothing_changed(self):
        self.settle_and_cache()
        before = self.cache_files()
        self.assertEqual(set(before), {"pack"})
        self.assertEqual(self.titles(), ["Alpha gedaan", "Beta bewezen"])
        self.assertEqual(self.cache_files(), before, "an unchanged workspace rewrote its cache")

    def test_gitignore_written_by_init_lists_the_cache(self):
        ws = self.init(git=True, path=self.tmp / "with-git")
        self.assertIn(".spark/", (ws / ".gitignore").read_text())

    def test_hand_edit_of_the_same_size_is_seen(self):
        self.settle_and_cache()
        path = self.ws / self.alpha
        path.write_text(path.read_text().replace("Alpha gedaan", "Omega gedaan"))
        self.assertEqual(self.titles(), ["Beta bewezen", "Omega gedaan"])

    def test_change_with_same_size_and_mtime_is_seen(self):
        # git's "racy" case: the file changes again within the clock tick the cache was
        # written in, keeping its size and (faked) modification time.
        self.titles()  # cache written while the files are fresh
        path = self.ws / self.alpha
        stat = path.stat()
        path.write_text(path.read_text().replace("Alpha", "Gamma"))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        self.assertEqual(path.stat().st_size, stat.st_size)
        self.assertEqual(self.titles(), ["Beta bewezen", "Gamma gedaan"])
        # And once settled: the same trick after the cache trusted the file.
        self.settle_and_cache()
        stat = path.stat()
        path.write_text(path.read_text().replace("Gamma", "Delta"))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        self.assertEqual(self.titles(), ["Beta bewezen", "Delta gedaan"])

    def test_git_checkout_is_seen(self):
        ws = self.init(git=True, path=self.tmp / "repo")
        self.ws = ws
        first = self.log("action", "Eerste versie")
        self.settle_and_cache()
        path = ws / first
        original = path.read_text()
        path.write_text(original.replace("Eerste versie", "Tweede versie"))
        self.git("commit", "-qam", "tweede")
        self.assertEqual(self.titles(env=settled()), ["Tweede versie"])
        self.git("checkout", "-q", "HEAD~1", "--", first)
        self.assertEqual(self.titles(), ["Eerste versie"])

    def test_deleted_and_renamed_files_are_seen(self):
        self.settle_and_cache()
        (self.ws / self.beta).unlink()
        self.assertEqual(self.titles(), ["Alpha gedaan"])
        renamed = self.ws / self.alpha
        target = renamed.with_name("2026-03-01-hernoemd-zzzz.toml")
        renamed.rename(target)
        ids = [item["id"] for item in json.loads(self.ok("list", "--json").out)]
        self.assertEqual(ids, ["2026-03-01-hernoemd-zzzz"])

    def test_new_record_from_a_concurrent_log_is_seen(self):
        self.settle_and_cache()
        self.log("fuel", "Nieuwe kans")
        self.assertEqual(self.titles(), ["Alpha gedaan", "Beta bewezen", "Nieuwe kans"])

    def test_changed_person_is_seen_by_log_and_report(self):
        self.settle_and_cache()
        person = self.ws / "people" / f"{self.anna}.toml"
        person.write_text(person.read_text().replace("Anna de Vries", "Anna de Wit"))
        shown = json.loads(self.ok("show", self.anna, "--json").out)
        self.assertEqual(shown["name"], "Anna de Wit")
        self.log("action", "Met de nieuwe naam", "--with", "Anna de Wit")

    def test_damaged_cache_is_rebuilt_silently(self):
        self.settle_and_cache()
        folder = self.ws / ".spark" / "cache"
        damages = {
            "garbage": lambda b: b"not a cache at all",
            "truncated": lambda b: b[: len(b) // 2],
            "empty": lambda b: b"",
            "flipped byte": lambda b: b[:-5] + bytes([b[-5] ^ 0xFF]) + b[-4:],
            "wrong length": lambda b: b + b"\0" * 16,
        }
        for label, damage in damages.items():
            with self.subTest(label):
                for path in folder.iterdir():
                    path.write_bytes(damage(path.read_bytes()))
                result = self.ok("list", "--json")
                self.assertEqual(result.err, "")
                titles = sorted(item["title"] for item in json.loads(result.out))
                self.assertEqual(titles, ["Alpha gedaan", "Beta bewezen"])
                self.settle_and_cache()  # rebuilt cache now trusted again
                before = self.cache_files()
                self.titles()
                self.assertEqual(self.cache_files(), before)

    def test_new_records_go_into_the_overlay_and_leave_the_pack_alone(self):
        self.settle_and_cache()
        pack = self.cache_files()["pack"]
        self.log("fuel", "Nieuwe kans")
        # Right after the write the new file is too young to trust: nothing is written.
        self.assertEqual(self.titles(), ["Alpha gedaan", "Beta bewezen", "Nieuwe kans"])
        self.assertEqual(self.cache_files(), {"pack": pack})
        # Once it has settled it goes into the small overlay; the pack stays as it was.
        self.assertEqual(self.titles(env=settled()),
                         ["Alpha gedaan", "Beta bewezen", "Nieuwe kans"])
        files = self.cache_files()
        self.assertEqual(files["pack"], pack)
        self.assertIn("overlay", files)
        self.assertEqual(self.titles(env=settled()),
                         ["Alpha gedaan", "Beta bewezen", "Nieuwe kans"])
        self.assertEqual(self.cache_files(), files, "an unchanged workspace rewrote its cache")

    def test_a_grown_overlay_is_folded_into_the_pack(self):
        self.settle_and_cache()
        pack = self.cache_files()["pack"]
        template = (self.ws / self.alpha).read_text()
        for i in range(70):
            (self.ws / "log" / "2026" / f"2026-02-01-extra-{i:03d}.toml").write_text(
                template.replace("Alpha gedaan", f"Extra {i:03d}"))
        titles = self.titles(env=settled())
        self.assertEqual(len(titles), 72)
        files = self.cache_files()
        self.assertNotIn("overlay", files)
        self.assertNotEqual(files["pack"], pack, "the pack was not rewritten")
        self.assertEqual(self.titles(env=settled()), titles)
        self.assertEqual(self.cache_files(), files)

    def test_caches_of_earlier_versions_are_removed(self):
        folder = self.ws / ".spark" / "cache"
        folder.mkdir(parents=True)
        for name in ("people", "log", "meetings"):
            (folder / name).write_bytes(b"SPKCACHE0001" + b"\0" * 64)
        self.settle_and_cache()
        self.assertEqual(set(self.cache_files()), {"pack"})

    def test_no_cache_switch_writes_no_cache(self):
        shutil.rmtree(self.ws / ".spark", ignore_errors=True)
        self.ok("--no-cache", "list")
        self.ok("list", env={"SPARK_NO_CACHE": "1"})
        self.assertFalse((self.ws / ".spark").exists())
        self.ok("list", env=unsettled(self.ws))  # too young to keep: nothing worth writing yet
        self.assertFalse((self.ws / ".spark" / "cache" / "pack").exists())
        self.ok("list", env=settled())
        self.assertTrue((self.ws / ".spark" / "cache" / "pack").is_file())

    def test_reports_are_identical_with_and_without_cache(self):
        copy = self.tmp / "example"
        shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(".spark"))
        args = ["-C", str(copy), "report", "--until", "2026-11-30"]
        without = self.ok(*args, env={"SPARK_NO_CACHE": "1"}).raw_out
        self.env.update(settled())
        first = self.ok(*args).raw_out  # builds the cache
        second = self.ok(*args).raw_out  # reads it
        self.assertEqual(first, without)
        self.assertEqual(second, without)
        for command in (["list", "--json"], ["check"], ["people", "list"], ["status"]):
            with self.subTest(command=command):
                plain = self.spark("-C", str(copy), *command, env={"SPARK_NO_CACHE": "1"})
                cached = self.spark("-C", str(copy), *command)
                self.assertEqual((cached.code, cached.raw_out), (plain.code, plain.raw_out))


if __name__ == "__main__":
    main()
