"""The README's "A first workspace" block, run as written: the commands a new user copies
first must work, and the residents' evening in it must leave nobody without a group."""

import json
import pathlib
import shlex

import sparktest
from sparktest import SparkTestCase

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def first_workspace_commands():
    """The shell lines of the block under '## A first workspace', continuations joined and
    comments dropped."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## A first workspace", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words:
            commands.append(words)
    return commands


class FirstWorkspaceTests(SparkTestCase):
    def test_the_block_runs_and_the_new_resident_has_a_group_and_inviter(self):
        if not sparktest.git_available():
            self.skipTest("git not installed")
        cwd = self.tmp
        results = []
        for words in first_workspace_commands():
            if words[0] == "cd":
                cwd = cwd / words[1]
                continue
            self.assertEqual(words[0], "spark", words)
            results.append((words, self.ok(*words[1:], cwd=cwd)))
        self.ws = cwd
        meet = next(result for words, result in results if words[1] == "meet")
        self.assertIn("added person 'Jeroen de Graaf'", meet.err)
        self.assertNotIn("people set", meet.err, "--new-group left nobody without a group")

        people = {p["name"]: p for p in json.loads(self.ok("people", "list", "--json").out)}
        jeroen = people["Jeroen de Graaf"]
        self.assertEqual(jeroen["group"], "resident")
        self.assertEqual(jeroen["invited_by"], people["Fatima Ouali"]["id"])
        check = self.ok("check")
        self.assertIn("0 errors, 0 warnings", check.err)
        self.assertEqual(self.git("status", "--porcelain", "--untracked-files=no"), "")


if __name__ == "__main__":
    sparktest.main()
