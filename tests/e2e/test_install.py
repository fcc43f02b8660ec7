"""`cmake --install` and the Debian package: what lands where, and that it runs.

The build folder is found from SPARK_BIN (the folder above it holding CMakeCache.txt), or
named by SPARK_BUILD_DIR. Installs go into temporary prefixes; the .deb is built with
`cpack -G DEB` into a temporary folder and inspected with dpkg-deb, never installed.
"""

import contextlib
import fcntl
import gzip
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
            self.assertTrue((man1 / f"{page}.gz").is_file(), f"man1/{page}.gz not installed")
        spark5 = self.prefix / "share" / "man" / "man5" / "spark.5.gz"
        self.assertTrue(spark5.is_file())
        # One page per command, as the sources have, gzipped with neither name nor time
        # inside (gzip -n: bytes 4-7 are zero, no FNAME flag).
        sources = sorted(p.name + ".gz" for p in (sparktest.HERE.parents[1] / "man").glob("*.1"))
        self.assertEqual(sorted(p.name for p in man1.iterdir()), sources)
        for page in [*man1.iterdir(), spark5]:
            header = page.read_bytes()[:10]
            self.assertEqual(header[:3], b"\x1f\x8b\x08", page)
            self.assertEqual(header[3] & 0x08, 0, f"{page}: a file name inside")
            self.assertEqual(header[4:8], b"\0\0\0\0", f"{page}: a time stamp inside")
        source = (sparktest.HERE.parents[1] / "man" / "spark.5").read_bytes()
        self.assertEqual(gzip.decompress(spark5.read_bytes()), source)

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
            # As a packager runs it: the time of the last commit, not SOURCE_DATE_EPOCH.
            env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
            done = run(["cpack", "-G", "DEB", "-B", str(out)], cwd=str(cls.build), env=env)
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

    def configured_maintainer(self):
        """The maintainer as the README promises: -DSPARK_MAINTAINER, else DEBFULLNAME and
        DEBEMAIL, else the git author of the source tree."""
        cache = (self.build / "CMakeCache.txt").read_text()
        chosen = re.search(r"^SPARK_MAINTAINER:STRING=(.*)$", cache, re.M)
        if chosen and chosen.group(1):
            return chosen.group(1)
        if "DEBFULLNAME" in os.environ and "DEBEMAIL" in os.environ:
            return f"{os.environ['DEBFULLNAME']} <{os.environ['DEBEMAIL']}>"
        source = pathlib.Path(__file__).resolve().parents[2]
        ident = run(["git", "var", "GIT_AUTHOR_IDENT"], cwd=str(source)).stdout.decode().strip()
        return re.sub(r" [0-9]+ [-+][0-9]+$", "", ident)

    def field(self, name):
        return run(["dpkg-deb", "-f", str(self.deb), name]).stdout.decode().strip()

    def test_file_name(self):
        arch = run(["dpkg", "--print-architecture"]).stdout.decode().strip()
        self.assertEqual(self.deb.name, f"spark_{spark_version()}-1_{arch}.deb")

    def test_control_fields(self):
        self.assertEqual(self.field("Package"), "spark")
        self.assertEqual(self.field("Version"), spark_version() + "-1")
        self.assertEqual(self.field("Maintainer"), self.configured_maintainer())
        self.assertNotIn("maintainers@spark.invalid", self.field("Maintainer"), "no placeholder")
        self.assertEqual(self.field("Section"), "utils")
        self.assertRegex(self.field("Maintainer"), r"^.+ <[^@\s]+@[^>\s]+>$")
        description = self.field("Description")
        self.assertIn("change initiative", description.splitlines()[0])
        for line in description.splitlines():
            self.assertLessEqual(len(line) + 1, 80, line)  # as in the control file
        self.assertGreater(len(description.splitlines()), 1, "a long description too")
        depends = self.field("Depends")
        for library in ("libc6", "libstdc++6", "libfmt9", "libtomlplusplus3"):
            self.assertRegex(depends, rf"(^|, ){re.escape(library)}\b", depends)
        self.assertNotIn("git", re.split(r",\s*", depends))
        self.assertIn("git", re.split(r",\s*", self.field("Recommends")))

    def test_contents(self):
        listing = run(["dpkg-deb", "-c", str(self.deb)]).stdout.decode()
        paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
        expected = ["/usr/bin/spark", "/usr/share/man/man1/spark.1.gz",
                    "/usr/share/man/man1/spark-completion.1.gz", "/usr/share/man/man5/spark.5.gz",
                    "/usr/share/doc/spark/copyright", "/usr/share/doc/spark/changelog.Debian.gz",
                    # Debian's zsh reads vendor-completions; other shells as installed.
                    "/usr/share/zsh/vendor-completions/_spark"]
        expected += ["/usr/" + relative for relative in COMPLETIONS.values()]
        for path in expected:
            self.assertIn(path, paths)
        self.assertFalse([p for p in paths if not p.startswith("/usr/")], paths)

    def test_lintian_finds_no_error_or_warning(self):
        if shutil.which("lintian") is None:
            self.skipTest("lintian is not installed (.ci/run installs it)")
        done = run(["lintian", "--info", "--fail-on", "error,warning", str(self.deb)])
        out = done.stdout.decode()
        self.assertEqual(done.returncode, 0, out + done.stderr.decode())
        self.assertFalse(re.findall(r"(?m)^[EW]: .*", out), out)
        # Hardening (dpkg-buildflags): not even an informational tag about it.
        self.assertNotIn("hardening-", out)

    def test_changelog(self):
        root = self.tmp / "root"
        run(["dpkg", "-x", str(self.deb), str(root)])
        changelog = root / "usr" / "share" / "doc" / "spark" / "changelog.Debian.gz"
        first = gzip.decompress(changelog.read_bytes()).decode().splitlines()[0]
        self.assertEqual(first, f"spark ({spark_version()}-1) unstable; urgency=medium")

    def test_reproducible(self):
        # Two builds of one commit, with and without SOURCE_DATE_EPOCH: the same bytes.
        def again(env):
            out = self.tmp / f"again-{len(list(self.tmp.iterdir()))}"
            with build_lock(self.build):
                done = run(["cpack", "-G", "DEB", "-B", str(out)], cwd=str(self.build),
                           env=env)
            self.assertEqual(done.returncode, 0, done.stderr.decode())
            return next(out.glob("*.deb")).read_bytes()

        plain = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        self.assertEqual(again(plain), self.deb.read_bytes())
        dated = dict(plain, SOURCE_DATE_EPOCH="1790000000")
        first = again(dated)
        self.assertEqual(first, again(dated))
        self.assertNotEqual(first, self.deb.read_bytes(), "the date is in the package")

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
