"""Shared helpers for spark's end-to-end tests (Python 3.11+, standard library only).

Every test runs the real binary (env SPARK_BIN) on a fresh temporary workspace with a
controlled environment:

- SOURCE_DATE_EPOCH is pinned, so spark's "today" is TODAY (and "yesterday" YESTERDAY,
  across a month boundary on purpose);
- HOME is an empty temporary folder and GIT_CONFIG_NOSYSTEM=1, so no user or system git
  configuration leaks in; the git identity comes from GIT_AUTHOR_*/GIT_COMMITTER_* only;
- SPARK_DIR, EDITOR, VISUAL, NO_COLOR and the like are removed unless a test sets them.

Output is captured as bytes; `out`/`err` are decoded as UTF-8 with surrogateescape, so
nothing is lost and a non-UTF-8 byte shows up instead of raising.
"""

import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile
import tomllib
import unittest

HERE = pathlib.Path(__file__).resolve().parent
SPARK = os.environ.get("SPARK_BIN") or str(HERE.parents[1] / "build-e2e" / "cmd" / "spark")

# 2026-03-01 12:00:00 UTC: "yesterday" is 2026-02-28, a different month.
EPOCH = 1772366400
TODAY = "2026-03-01"
YESTERDAY = "2026-02-28"
YEAR = "2026"

AUTHOR = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.org",
    "GIT_COMMITTER_NAME": "Test Committer",
    "GIT_COMMITTER_EMAIL": "committer@example.org",
}

# Hand-written kinds: the Dutch alias and the English name spark stores.
KIND_ALIASES = {
    "vonk": "spark",
    "zuurstof": "oxygen",
    "lucifer": "match",
    "brandstof": "fuel",
    "actie": "action",
    "oppor-actie": "action",
    "pook": "poker",
}
KINDS = ["spark", "oxygen", "match", "fuel", "action", "poker"]

TIMEOUT = 60


class Result(tuple):
    """(code, out, err) that also keeps the raw bytes: .raw_out, .raw_err."""

    def __new__(cls, code, raw_out, raw_err, argv):
        out = raw_out.decode("utf-8", "surrogateescape")
        err = raw_err.decode("utf-8", "surrogateescape")
        self = super().__new__(cls, (code, out, err))
        self.raw_out = raw_out
        self.raw_err = raw_err
        self.argv = argv
        return self

    code = property(lambda self: self[0])
    out = property(lambda self: self[1])
    err = property(lambda self: self[2])

    def describe(self):
        return (
            f"\n$ {' '.join(map(repr, self.argv))}\nexit {self.code}\n"
            f"--- stdout ---\n{self.out}--- stderr ---\n{self.err}"
        )


def to_arg(value):
    if isinstance(value, (bytes, os.PathLike)):
        return value
    return str(value)


def base_environment(home):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TMPDIR": str(home),
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "TERM": "dumb",
        "SOURCE_DATE_EPOCH": str(EPOCH),
        "GIT_CONFIG_NOSYSTEM": "1",
        # Quiet, predictable git: no hints about the default branch name.
        "GIT_CONFIG_COUNT": "2",
        "GIT_CONFIG_KEY_0": "init.defaultBranch",
        "GIT_CONFIG_VALUE_0": "main",
        "GIT_CONFIG_KEY_1": "advice.detachedHead",
        "GIT_CONFIG_VALUE_1": "false",
    }
    env.update(AUTHOR)
    # ctest runs the whole suite a second time with the cache switched off.
    if os.environ.get("SPARK_NO_CACHE"):
        env["SPARK_NO_CACHE"] = os.environ["SPARK_NO_CACHE"]
    return env


class SparkTestCase(unittest.TestCase):
    """A temporary folder per test: self.tmp, self.home, and self.ws for the workspace."""

    maxDiff = None

    def setUp(self):
        if not os.access(SPARK, os.X_OK):
            self.fail(f"spark binary not found at {SPARK}; set SPARK_BIN")
        self._tmp = tempfile.TemporaryDirectory(prefix="spark-e2e-")
        self.addCleanup(self._tmp.cleanup)
        self.tmp = pathlib.Path(self._tmp.name).resolve()
        self.home = self.tmp / "home"
        self.home.mkdir()
        self.ws = self.tmp / "ws"
        self.env = base_environment(self.home)

    # ---- running ----

    def environment(self, env=None):
        merged = dict(self.env)
        for key, value in (env or {}).items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        return merged

    def spark(self, *args, input=None, env=None, cwd=None, stdout=None, stdin=None):
        """Runs spark; returns Result (code, out, err). `input` is str or bytes; `env`
        entries override the test environment (None removes a variable); `cwd` defaults
        to the workspace. (Not called `run`: unittest.TestCase.run is taken.)"""
        argv = [SPARK, *map(to_arg, args)]
        if isinstance(input, str):
            input = input.encode("utf-8")
        kwargs = {}
        if input is not None:
            kwargs["input"] = input
        else:
            kwargs["stdin"] = stdin if stdin is not None else subprocess.DEVNULL
        completed = subprocess.run(
            argv,
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.environment(env),
            cwd=str(cwd if cwd is not None else (self.ws if self.ws.exists() else self.tmp)),
            timeout=TIMEOUT,
            **kwargs,
        )
        return Result(completed.returncode, completed.stdout or b"", completed.stderr, argv)

    def ok(self, *args, **kwargs):
        """Runs spark and asserts exit 0 and no error on stderr; returns the Result."""
        result = self.spark(*args, **kwargs)
        self.assertEqual(result.code, 0, result.describe())
        self.assertNotIn("spark: error:", result.err, result.describe())
        return result

    def git(self, *args, cwd=None, env=None, check=True):
        completed = subprocess.run(
            ["git", *map(to_arg, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=self.environment(env),
            cwd=str(cwd or self.ws),
            timeout=TIMEOUT,
        )
        if check and completed.returncode != 0:
            self.fail(
                f"git {' '.join(map(str, args))} failed ({completed.returncode}):\n"
                + completed.stdout.decode(errors="replace")
                + completed.stderr.decode(errors="replace")
            )
        return completed.stdout.decode("utf-8", "surrogateescape")

    # ---- workspaces ----

    def init(self, *extra, git=False, name="Testvuur", path=None):
        """Creates a workspace (default self.ws) and returns its path."""
        path = pathlib.Path(path or self.ws)
        args = ["init", str(path), "--name", name, *extra]
        if not git:
            args.append("--no-git")
        self.ok(*args, cwd=self.tmp)
        self.assertTrue((path / "spark.toml").is_file())
        return path

    def add_person(self, name, *extra, cwd=None):
        """Adds a person; returns the id."""
        result = self.ok("people", "add", name, *extra, cwd=cwd)
        path = result.out.strip()
        self.assertRegex(path, r"^people/[a-z0-9-]+\.toml$", result.describe())
        return pathlib.PurePath(path).stem

    def log(self, kind, title, *extra, **kwargs):
        """Logs an entry; returns the path it printed (relative to the workspace root)."""
        result = self.ok("log", kind, title, *extra, **kwargs)
        path = result.out.strip()
        self.assertRegex(path, rf"^log/\d{{4}}/[^/\s]+\.toml$", result.describe())
        self.assertEqual(result.out, path + "\n", result.describe())
        return path

    # ---- reading ----

    def read(self, relative, root=None):
        """A record file parsed with tomllib."""
        with open(pathlib.Path(root or self.ws) / relative, "rb") as f:
            return tomllib.load(f)

    def record_files(self, top="log", root=None):
        root = pathlib.Path(root or self.ws)
        return sorted(
            str(p.relative_to(root)) for p in (root / top).rglob("*.toml") if p.is_file()
        )

    def snapshot(self, root=None):
        """Every path under the workspace (folders too, .git included) with its bytes/mode,
        except spark's derived cache in .spark/, which any command may refresh."""
        root = pathlib.Path(root or self.ws)
        state = {}
        if not root.exists():
            return state
        for dirpath, dirnames, filenames in os.walk(root):
            if pathlib.Path(dirpath) == root and ".spark" in dirnames:
                dirnames.remove(".spark")
            for name in dirnames + filenames:
                full = pathlib.Path(dirpath) / name
                relative = str(full.relative_to(root))
                info = full.lstat()
                if stat.S_ISDIR(info.st_mode):
                    state[relative] = ("dir", stat.S_IMODE(info.st_mode))
                elif stat.S_ISLNK(info.st_mode):
                    state[relative] = ("link", os.readlink(full))
                else:
                    state[relative] = ("file", stat.S_IMODE(info.st_mode), full.read_bytes())
        return state

    def assertUnchanged(self, before, root=None, msg=""):
        after = self.snapshot(root)
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
        if added or removed or changed:
            self.fail(f"workspace changed{msg}: added {added}, removed {removed}, changed {changed}")

    # ---- expected failures ----

    def assertFails(self, result, code, *fragments):
        """Exit code `code`, an `spark: error:` line, each fragment on stderr, no data."""
        self.assertEqual(result.code, code, result.describe())
        self.assertIn("spark: error:", result.err, result.describe())
        for fragment in fragments:
            self.assertIn(fragment, result.err, result.describe())
        self.assertNotIn("Traceback", result.err)
        self.assertNotIn("terminate called", result.err, result.describe())

    def assertRejected(self, args, code, *fragments, input=None, env=None, cwd=None):
        """Runs spark with args; it must fail with `code` and change nothing stored."""
        before = self.snapshot()
        result = self.spark(*args, input=input, env=env, cwd=cwd)
        self.assertFails(result, code, *fragments)
        self.assertEqual(result.out, "", result.describe())
        self.assertUnchanged(before, msg=f" after {args!r}")
        return result

    # ---- tools ----

    def write_script(self, name, body):
        """An executable /bin/sh script in the temp folder; returns its path."""
        path = self.tmp / name
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(0o755)
        return path


def git_available():
    return shutil.which("git") is not None


def main():
    unittest.main(verbosity=int(os.environ.get("SPARK_TEST_VERBOSITY", "1")))


if __name__ == "__main__":
    sys.exit("sparktest.py is a helper module; run the test_*.py files")
