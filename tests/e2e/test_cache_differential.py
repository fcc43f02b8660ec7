"""The cache must never change an answer: random changes to a workspace, and after each one
every read command with the cache (trusting settled files, or with the real clock) and
without it, compared byte for byte with its exit code.

The changes are the ones a cache keyed on file stamps could miss: same-size edits in the
same second, back-dated `touch -d`, renames within and between year folders, deletes, adds,
stray and temporary files, new year folders, broken TOML, people added and removed (so
references change meaning), follow-ups marked done, redated (same size) and reopened. SPARK_DIFF_ROUNDS and SPARK_DIFF_SEED vary the run.
"""

import json
import os
import random
import re
import shutil
import time
import tomllib

from sparktest import HERE, SparkTestCase, main

EXAMPLE = HERE.parents[1] / "examples" / "wijkkracht"
ROUNDS = int(os.environ.get("SPARK_DIFF_ROUNDS", "40"))
SEED = int(os.environ.get("SPARK_DIFF_SEED", "20261201"))


class CacheDifferentialTest(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.env.pop("SPARK_NO_CACHE", None)
        self.env["SOURCE_DATE_EPOCH"] = "1795996800"  # 2026-11-30
        shutil.copytree(EXAMPLE, self.ws, ignore=shutil.ignore_patterns(".spark"))
        self.rng = random.Random(SEED)
        self.counter = 0

    # ---- the workspace ----

    def records(self, top=None):
        tops = [top] if top else ["people", "log", "meetings"]
        return sorted(p for t in tops for p in (self.ws / t).rglob("*.toml") if p.is_file())

    def pick(self, top=None):
        files = self.records(top)
        return self.rng.choice(files) if files else None

    def fresh_name(self, stem):
        self.counter += 1
        return f"{stem}-d{self.counter:03d}"

    # ---- changes ----

    def same_size_edit(self):
        path = self.pick()
        data = bytearray(path.read_bytes())
        at = data.find(b"title = \"")
        at = at + 9 if at >= 0 else data.find(b"name = \"") + 8
        if at >= 8 and 0x61 <= data[at] <= 0x7A:
            data[at] = 0x61 + (data[at] - 0x61 + 1) % 26  # same size, same second
            path.write_bytes(bytes(data))
        return f"same-size edit {path.name}"

    def backdated_edit(self):
        path = self.pick("log")
        stat = path.stat()
        text = path.read_text()
        path.write_text(text.replace('title = "', 'title = "Z', 1))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**12))
        return f"back-dated edit {path.name}"

    def rename_within_year(self):
        path = self.pick(self.rng.choice(["log", "meetings"]))
        target = path.with_name(path.name[:11] + self.fresh_name("hernoemd") + ".toml")
        path.rename(target)
        return f"rename {path.name} -> {target.name}"

    def rename_between_years(self):
        path = self.pick("log")
        folder = self.ws / "log" / self.rng.choice(["2025", "2027"])
        folder.mkdir(exist_ok=True)
        path.rename(folder / path.name)
        return f"move {path.name} to {folder.name}"

    def delete(self):
        path = self.pick(self.rng.choice(["log", "meetings", "people"]))
        path.unlink()
        return f"delete {path.name}"

    def add(self):
        path = self.pick(self.rng.choice(["log", "meetings"]))
        copy = path.with_name(path.name[:11] + self.fresh_name("kopie") + ".toml")
        copy.write_bytes(path.read_bytes())
        return f"add {copy.name}"

    def stray_and_temporary(self):
        folder = self.pick("log").parent
        (folder / "notities.txt").write_text("los\n")
        (folder / f".x.toml.tmp-{self.fresh_name('t')}").write_text("half")
        return "stray and temporary files"

    def new_year_folder(self):
        path = self.pick("meetings")
        folder = self.ws / "meetings" / "2024"
        folder.mkdir(exist_ok=True)
        if path.parent == folder:  # a copy made before: copying it onto itself fails
            return "new year folder (there already)"
        shutil.copy(path, folder / path.name.replace("2026", "2024", 1))
        return "new year folder"

    def broken_toml(self):
        path = self.pick()
        path.write_text(path.read_text() + "\n[[[ kapot\n")
        return f"break {path.name}"

    def repair_or_remove_broken(self):
        for path in self.records():
            text = path.read_text()
            if "[[[ kapot" in text:
                path.write_text(text.replace("\n[[[ kapot\n", ""))
        return "repair broken files"

    def add_person(self):
        name = self.fresh_name("nieuw")
        (self.ws / "people" / f"{name}.toml").write_text(
            f'name = "Nieuw {name}"\ngroup = "resident"\n')
        entry = self.pick("log")
        text = entry.read_text()
        entry.write_text(text.replace("people = [", f'people = ["{name}", ', 1))
        return f"add person {name}, referenced from {entry.name}"

    def remove_person(self):
        path = self.pick("people")
        path.unlink()
        return f"remove person {path.stem}"

    def restore_person(self):
        removed = [p for p in (EXAMPLE / "people").glob("*.toml")
                   if not (self.ws / "people" / p.name).exists()]
        if removed:
            shutil.copy(self.rng.choice(removed), self.ws / "people")
        return "restore a person"

    def followup_done_by_hand(self):
        path = self.pick("meetings")
        text = path.read_text()
        done = re.search(r"(?m)^followups_done = \[\{ followup = .*, date = 2026-11-0(\d) \}\]\n",
                         text)
        if done and self.rng.random() < 0.5:  # another day: same size, same second
            day = str((int(done[1]) % 8) + 1)
            path.write_text(text[:done.start(1)] + day + text[done.end(1):])
            return f"redate a done follow-up in {path.name}"
        if done:
            path.write_text(text[:done.start()] + text[done.end():])
            return f"reopen a follow-up in {path.name}"
        followups = tomllib.loads(text).get("followups", []) if "[[[" not in text else []
        if not followups:
            return f"no follow-ups in {path.name}"
        item = json.dumps(self.rng.choice(followups))  # a JSON string is a TOML basic string
        path.write_text(text + f"followups_done = [{{ followup = {item}, date = 2026-11-01 }}]\n")
        return f"mark a follow-up done in {path.name}"

    CHANGES = [same_size_edit, backdated_edit, rename_within_year, rename_between_years, delete,
               add, stray_and_temporary, new_year_folder, broken_toml, repair_or_remove_broken,
               add_person, remove_person, restore_person, followup_done_by_hand]

    # ---- comparing ----

    def commands(self):
        shown = self.pick("log") or self.pick()
        return [["check"], ["list", "--json"], ["list"], ["list", "--followups", "--all"],
                ["report", "--until", "2026-11-30"],
                ["report", "--format", "json", "--until", "2026-11-30"], ["status"],
                ["people", "list", "--json"], ["show", shown.stem, "--json"]]

    def compare(self, change):
        settled = {"SPARK_CACHE_NOW": "%.3f" % (time.time() + 60)}
        for command in self.commands():
            plain = self.spark(*command, env={"SPARK_NO_CACHE": "1"})
            for clock in ({}, settled):
                cached = self.spark(*command, env=clock)
                self.assertEqual(
                    (cached.code, cached.raw_out, cached.raw_err),
                    (plain.code, plain.raw_out, plain.raw_err),
                    f"after {change}: spark {' '.join(command)} differs with the cache "
                    f"({'settled' if clock else 'real'} clock)")

    def test_random_changes_never_change_an_answer(self):
        self.compare("nothing")
        for _ in range(ROUNDS):
            change = self.rng.choice(self.CHANGES)(self)
            self.compare(change)


if __name__ == "__main__":
    main()
