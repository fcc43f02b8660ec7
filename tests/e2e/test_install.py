"""`cmake --install` and the Debian package: what lands where, and that it runs.

The build folder is found from SPARK_BIN (the folder above it holding CMakeCache.txt), or
named by SPARK_BUILD_DIR. Installs go into temporary prefixes; the .deb is built with
`cpack -G DEB` into a temporary folder and inspected with dpkg-deb, never installed.
"""

import contextlib
import fcntl
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

import sparktest

TIMEOUT = 300


def build_dir():
    if os.environ.get("SPARK_BUILD_DIR"):
        return pathlib.Path(os.environ["SPARK_BUILD_DIR"])
    for folder in pathlib.Path(sparktest.SPARK).resolve().parents:
        if (folder / "CMakeCache.txt").is_file():
            return folder
    return None


@contextlib.contextmanager
def build_lock(build):
    """ctest runs this file twice at once (with and without the cache); cpack builds the
    'preinstall' target and `cmake --install` writes install_manifest.txt, so one at a time
    per build folder."""
    with open(build / "CMakeCache.txt", "rb") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=TIMEOUT, **kwargs)


def spark_version():
    out = run([sparktest.SPARK, "--version"]).stdout.decode()
    return out.split()[1]


COMPLETIONS = {
    "bash": "share/bash-completion/completions/spark",
    "zsh": "share/zsh/site-functions/_spark",
    "fish": "share/fish/vendor_completions.d/spark.fish",
}


class InstallTestCase(unittest.TestCase):
    def setUp(self):
        self.build = build_dir()
        if self.build is None:
            self.skipTest("no CMake build folder above SPARK_BIN; set SPARK_BUILD_DIR")
        if shutil.which("cmake") is None:
            self.skipTest("cmake is not installed")
        tmp = tempfile.TemporaryDirectory(prefix="spark-install-")
        self.addCleanup(tmp.cleanup)
        self.tmp = pathlib.Path(tmp.name)
        self.env = sparktest.base_environment(self.tmp)

    def completion(self, shell):
        return run([sparktest.SPARK, "completion", shell]).stdout


class CmakeInstallTests(InstallTestCase):
    def setUp(self):
        super().setUp()
        self.prefix = self.tmp / "prefix"
        with build_lock(self.build):
            done = run(["cmake", "--install", str(self.build), "--prefix", str(self.prefix)])
        self.assertEqual(done.returncode, 0, done.stderr.decode() + done.stdout.decode())

    def test_binary_runs(self):
        spark = self.prefix / "bin" / "spark"
        self.assertTrue(os.access(spark, os.X_OK))
        done = run([str(spark), "--version"], env=self.env)
        self.assertEqual(done.returncode, 0)
        self.assertEqual(done.stdout.decode(), f"spark {spark_version()}\n")
        # And works: a workspace, a person, a report.
        ws = self.tmp / "ws"
        for args in (["init", str(ws), "--name", "Installed", "--no-git"],
                     ["-C", str(ws), "people", "add", "Anna de Vries"],
                     ["-C", str(ws), "report", "--format", "json"]):
            done = run([str(spark), *args], env=self.env)
            self.assertEqual(done.returncode, 0, done.stderr.decode())

    def test_completions_are_the_binary_s_own(self):
        for shell, relative in COMPLETIONS.items():
            with self.subTest(shell=shell):
                path = self.prefix / relative
                self.assertTrue(path.is_file(), f"{relative} not installed")
                self.assertEqual(path.read_bytes(), self.completion(shell))

    def test_installed_bash_completion_works(self):
        if shutil.which("bash") is None:
            self.skipTest("bash is not installed")
        script = self.prefix / COMPLETIONS["bash"]
        done = run(["bash", "--norc", "--noprofile", "-c",
                    f'source "{script}"; COMP_WORDS=(spark rep); COMP_CWORD=1; _spark; '
                    'echo "${COMPREPLY[@]}"'], env=self.env)
        self.assertEqual(done.stdout.decode(), "report\n", done.stderr.decode())

    def test_manual_pages(self):
        man1 = self.prefix / "share" / "man" / "man1"
        for page in ("spark.1", "spark-log.1", "spark-report.1", "spark-completion.1"):
            self.assertTrue((man1 / page).is_file(), f"man1/{page} not installed")
        self.assertTrue((self.prefix / "share" / "man" / "man5" / "spark.5").is_file())
        # One page per command, as the sources have.
        sources = sorted(p.name for p in (sparktest.HERE.parents[1] / "man").glob("*.1"))
        self.assertEqual(sorted(p.name for p in man1.iterdir()), sources)

    def test_licence(self):
        self.assertTrue((self.prefix / "share" / "doc" / "spark" / "copyright").is_file())


class DebianPackageTests(InstallTestCase):
    """One package, built once for all tests in this class."""

    @classmethod
    def setUpClass(cls):
        cls.build = build_dir()
        for tool in ("cmake", "cpack", "dpkg-deb", "dpkg"):
            if shutil.which(tool) is None:
                raise unittest.SkipTest(f"{tool} is not installed")
        if cls.build is None or not (cls.build / "CPackConfig.cmake").is_file():
            raise unittest.SkipTest("no CPackConfig.cmake in a build folder above SPARK_BIN")
        cls.packages = tempfile.TemporaryDirectory(prefix="spark-deb-")
        out = pathlib.Path(cls.packages.name)
        with build_lock(cls.build):
            done = run(["cpack", "-G", "DEB", "-B", str(out)], cwd=str(cls.build))
        if done.returncode != 0:
            cls.packages.cleanup()
            raise AssertionError("cpack failed:\n" + done.stdout.decode() + done.stderr.decode())
        cls.debs = sorted(out.glob("*.deb"))
        cls.deb = cls.debs[0] if cls.debs else None

    @classmethod
    def tearDownClass(cls):
        cls.packages.cleanup()

    def setUp(self):
        super().setUp()
        self.assertEqual(len(self.debs), 1, self.debs)

    def field(self, name):
        return run(["dpkg-deb", "-f", str(self.deb), name]).stdout.decode().strip()

    def test_file_name(self):
        arch = run(["dpkg", "--print-architecture"]).stdout.decode().strip()
        self.assertEqual(self.deb.name, f"spark_{spark_version()}_{arch}.deb")

    def test_control_fields(self):
        self.assertEqual(self.field("Package"), "spark")
        self.assertEqual(self.field("Version"), spark_version())
        self.assertEqual(self.field("Section"), "utils")
        self.assertRegex(self.field("Maintainer"), r"^.+ <[^@\s]+@[^>\s]+>$")
        description = self.field("Description")
        self.assertIn("change initiative", description.splitlines()[0])
        self.assertGreater(len(description.splitlines()), 1, "a long description too")
        depends = self.field("Depends")
        for library in ("libc6", "libstdc++6", "libfmt9", "libtomlplusplus3"):
            self.assertRegex(depends, rf"(^|, ){re.escape(library)}\b", depends)
        self.assertNotIn("git", re.split(r",\s*", depends))
        self.assertIn("git", re.split(r",\s*", self.field("Recommends")))

    def test_contents(self):
        listing = run(["dpkg-deb", "-c", str(self.deb)]).stdout.decode()
        paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
        expected = ["/usr/bin/spark", "/usr/share/man/man1/spark.1",
                    "/usr/share/man/man1/spark-completion.1", "/usr/share/man/man5/spark.5",
                    "/usr/share/doc/spark/copyright",
                    # Debian's zsh reads vendor-completions; other shells as installed.
                    "/usr/share/zsh/vendor-completions/_spark"]
        expected += ["/usr/" + relative for relative in COMPLETIONS.values()]
        for path in expected:
            self.assertIn(path, paths)
        self.assertFalse([p for p in paths if not p.startswith("/usr/")], paths)

    def test_extracted_binary_runs(self):
        root = self.tmp / "root"
        done = run(["dpkg", "-x", str(self.deb), str(root)])
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        done = run([str(root / "usr" / "bin" / "spark"), "--version"], env=self.env)
        self.assertEqual(done.stdout.decode(), f"spark {spark_version()}\n")
        self.assertEqual((root / "usr" / COMPLETIONS["fish"]).read_bytes(),
                         self.completion("fish"))


if __name__ == "__main__":
    sparktest.main()
