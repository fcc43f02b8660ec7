"""Completion in the real shells: bash, zsh and fish run interactively on a pseudo-terminal,
the script from `spark completion SHELL` is sourced, a command line is typed, TAB pressed,
and the line as the shell left it is read back through a key binding that prints it.
Everything waits for what the shell prints (no sleeping): readline, zle and fish handle
keys in order, so the binding runs after the completion has finished.

What is checked is what a colleague notices: names with spaces, quotes and accents complete
("Jan de, Jan\\ de, 'Jan de, "Sean O'B, José, nguyen), and so do the Dutch words."""

import os
import pathlib
import pty
import re
import select
import shutil
import signal
import time

import sparktest
from sparktest import SparkTestCase

# What each shell needs: how to start it without the user's configuration, how to learn
# the completion, and a key (Ctrl-X Ctrl-P) that prints "42<the line>END".
SHELLS = {
    "bash": {
        "argv": ["bash", "--norc", "--noprofile", "-i"],
        "setup": ['source "{script}"',
                  r'''bind -x '"\C-x\C-p": printf "%s<%s>END\n" "$((6*7))" "$READLINE_LINE"' '''],
        "ready": "echo $((6*7))ok",
        "term": "dumb",
    },
    "zsh": {
        "argv": ["zsh", "-f", "-i"],
        "setup": ["autoload -Uz compinit && compinit -u -D", 'source "{script}"',
                  'spark-line() { print -r -- "$((6*7))<$BUFFER>END" }', "zle -N spark-line",
                  "bindkey '^X^P' spark-line"],
        "ready": "echo $((6*7))ok",
        "term": "xterm",
    },
    "fish": {
        "argv": ["fish", "--no-config", "-i"],
        "setup": ['source "{script}"',
                  r"""bind \cx\cp 'echo (math 6 \* 7)"<"(commandline)">END"'"""],
        "ready": r"echo (math 6 \* 7)ok",
        "term": "xterm",
    },
}


class Shell:
    """One interactive shell on a pseudo-terminal."""

    def __init__(self, test, name, script, env, cwd):
        self.test = test
        self.spec = SHELLS[name]
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the shell
            os.chdir(cwd)
            os.execvpe(self.spec["argv"][0], self.spec["argv"], env)
        self.buffer = b""
        for line in self.spec["setup"]:
            self.send(line.replace("{script}", str(script)) + "\n")
        self.sync()

    def send(self, text):
        os.write(self.fd, text.encode())

    def expect(self, pattern):
        """Reads until `pattern` shows up in the output; returns the match."""
        deadline = time.monotonic() + sparktest.TIMEOUT
        while True:
            match = re.search(pattern, self.buffer, re.S)
            if match:
                self.buffer = self.buffer[match.end():]
                return match
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                self.test.fail(f"no {pattern!r} from the shell; it printed:\n"
                               + self.buffer.decode(errors="replace")[-2000:])
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                self.test.fail("the shell exited:\n" + self.buffer.decode(errors="replace"))
            self.buffer += chunk

    def sync(self):
        """Waits until the shell has run everything typed so far."""
        self.send(self.spec["ready"] + "\n")
        self.expect(rb"42ok")

    def complete(self, line):
        """The command line after typing `line` and pressing TAB once."""
        self.send(line + "\t\x18\x10")
        result = self.expect(rb"42<(.*?)>END").group(1).decode()
        self.send("\x15")  # Ctrl-U: an empty line again
        self.sync()
        return result

    def close(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


class RealShellTestCase(SparkTestCase):
    shell = None

    def setUp(self):
        super().setUp()
        if shutil.which(self.shell) is None:
            self.skipTest(f"{self.shell} is not installed (.ci/run installs it)")
        self.init()
        self.jan = self.add_person("Jan de Vries")
        self.bart = self.add_person("Bart Jansen")
        self.jose = self.add_person("José Álvarez")
        self.tran = self.add_person("Trần Thị Nguyễn")
        self.sean = self.add_person("Sean O'Brien")
        # The script calls spark by the name typed: put it on PATH.
        bin_dir = self.tmp / "bin"
        bin_dir.mkdir()
        (bin_dir / "spark").symlink_to(os.path.abspath(sparktest.SPARK))
        script = self.tmp / f"spark.{self.shell}"
        script.write_text(self.ok("completion", self.shell).out)
        for folder in ("zdot", "config", "data"):
            (self.home / folder).mkdir()
        env = self.environment({
            "PATH": f"{bin_dir}{os.pathsep}{self.env['PATH']}", "TERM": SHELLS[self.shell]["term"],
            "INPUTRC": "/dev/null", "ZDOTDIR": str(self.home / "zdot"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"), "fish_greeting": "", "PS1": "$ "})
        self.session = Shell(self, self.shell, script, env, self.ws)
        self.addCleanup(self.session.close)

    def assertCompletes(self, typed, expected):
        self.assertEqual(self.session.complete(typed).rstrip(), expected, typed)

    def assertCompletesDone(self):
        """spark done: the meeting by words of its title, then its one open follow-up."""
        path = self.ok("meet", "Keukentafel", "--date", "2026-02-20", "--with", "jan",
                       "--followup", "Jan belt", "--followup", "Bart mailt").out.split()[0]
        meeting = os.path.basename(path)[: -len(".toml")]
        self.ok("done", meeting, "1")
        self.assertCompletes("spark done keuk", f"spark done {meeting}")
        self.assertCompletes(f"spark done {meeting} ", f"spark done {meeting} 2")


class BashTests(RealShellTestCase):
    shell = "bash"

    def test_names_with_spaces_quotes_and_accents(self):
        w = "spark log vonk Koffie --with "
        self.assertCompletes(w + '"Jan de', f'{w}"{self.jan}"')
        self.assertCompletes(w + "Jan\\ de", w + self.jan)
        self.assertCompletes(w + "'Jan de", f"{w}'{self.jan}'")
        self.assertCompletes(w + '"Sean O\'B', f'{w}"{self.sean}"')
        self.assertCompletes(w + "Sean\\ O\\'B", w + self.sean)
        self.assertCompletes(w + "José", w + self.jose)
        self.assertCompletes(w + "nguyen", w + self.tran)
        self.assertCompletes("spark meet Overleg --with=\"Jan de", f'spark meet Overleg --with="{self.jan}"')

    def test_words(self):
        self.assertCompletes("spark list --kind ontm", "spark list --kind ontmoeting")
        self.assertCompletes("spark log vonk T --date eerg", "spark log vonk T --date eergisteren")
        self.assertCompletes("spark report --period vorige-m", "spark report --period vorige-maand")
        self.assertCompletes("spark help peo", "spark help people")
        self.assertCompletes("spark sy", "spark sync")

    def test_done(self):
        self.assertCompletesDone()


class ZshTests(RealShellTestCase):
    shell = "zsh"

    def test_names_with_spaces_quotes_and_accents(self):
        w = "spark log vonk Koffie --with "
        self.assertCompletes(w + '"Jan de', f'{w}"{self.jan}"')
        self.assertCompletes(w + "Jan\\ de", w + self.jan)
        self.assertCompletes(w + "'Jan de", f"{w}'{self.jan}'")
        self.assertCompletes(w + '"Sean O\'B', f'{w}"{self.sean}"')
        self.assertCompletes(w + "José", w + self.jose)
        self.assertCompletes(w + "nguyen", w + self.tran)

    def test_words(self):
        self.assertCompletes("spark list --kind ontm", "spark list --kind ontmoeting")
        self.assertCompletes("spark log vonk T --date eerg", "spark log vonk T --date eergisteren")
        self.assertCompletes("spark people add X --group inw", "spark people add X --group inwoner")
        self.assertCompletes("spark help peo", "spark help people")

    def test_done(self):
        self.assertCompletesDone()


class FishTests(RealShellTestCase):
    shell = "fish"

    def test_names_with_spaces_quotes_and_accents(self):
        # fish keeps only offers that contain what was typed: names typed as names are
        # completed to the full name (which --with takes as well as the id).
        w = "spark log vonk Koffie --with "
        self.assertCompletes(w + '"Jan de', f'{w}"Jan de Vries"')
        self.assertCompletes(w + "Jan\\ de", w + "Jan\\ de\\ Vries")
        self.assertCompletes(w + '"Sean O\'B', f'{w}"Sean O\'Brien"')
        self.assertCompletes(w + "José", w + "José\\ Álvarez")
        self.assertCompletes(w + "nguyen", w + self.tran)
        self.assertCompletes(w + "jose", w + self.jose)

    def test_words(self):
        self.assertCompletes("spark list --kind ontm", "spark list --kind ontmoeting")
        self.assertCompletes("spark log vonk T --date eerg", "spark log vonk T --date eergisteren")
        self.assertCompletes("spark report --period dit-t", "spark report --period dit-tertiaal")

    def test_done(self):
        self.assertCompletesDone()


if __name__ == "__main__":
    sparktest.main()
