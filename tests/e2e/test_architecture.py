"""ARCHITECTURE.md names every library file, so a reader can find each concept's one home:
a new lib/ file without a line there fails here. Standard library only."""

import pathlib
import re
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]


class ArchitectureTests(unittest.TestCase):
    def test_every_lib_file_is_placed_in_a_layer(self):
        text = (ROOT / "ARCHITECTURE.md").read_text()
        named = set()
        # A row names one file or several: "| `toml_writer`, `record_writer` | …".
        for row in re.findall(r"^\| (`[a-z0-9_]+`(?:, `[a-z0-9_]+`)*) \|", text, re.M):
            named.update(re.findall(r"`([a-z0-9_]+)`", row))
        files = {p.stem for p in (ROOT / "lib").iterdir() if p.suffix in (".cpp", ".hpp")}
        missing = sorted(files - named)
        self.assertEqual(missing, [], "add these lib/ files to a layer in ARCHITECTURE.md")
        gone = sorted(named - files)
        self.assertEqual(gone, [], "ARCHITECTURE.md names lib/ files that no longer exist")


if __name__ == "__main__":
    unittest.main()
