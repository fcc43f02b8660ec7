"""No confident wrong answer: `report` and `status` refuse data that `spark check` calls an
error (an invited_by cycle, an unknown person, a duplicate id), naming each position, and
with --force report anyway under a warning no reader can miss."""

import json

import sparktest
from sparktest import SparkTestCase


class BrokenDataTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.anna = self.add_person("Anna de Vries", "--group", "staff", "--role", "spark")
        self.bob = self.add_person("Bob Bakker", "--group", "teamlead", "--invited-by",
                                   self.anna)
        self.entry = self.log("actie", "Buurtkamer open", "--with", self.bob)

    def make_cycle(self):
        """Anna invited by Bob, Bob by Anna: a cycle made by hand."""
        path = self.ws / "people" / f"{self.anna}.toml"
        path.write_text(path.read_text().replace(
            "public = false", f'invited_by = "{self.bob}"\npublic = false'))
        return f"people/{self.anna}.toml"

    def make_unknown_person(self):
        path = self.ws / self.entry
        path.write_text(path.read_text().replace(f'"{self.bob}"', '"niemand-x1y2"'))
        return self.entry


class RefusalTests(BrokenDataTestCase):
    def test_a_cycle_is_refused_with_its_position(self):
        where = self.make_cycle()
        for args in (["report"], ["report", "--format", "json"], ["report", "--format", "html"],
                     ["status"]):
            with self.subTest(args=args):
                result = self.assertRejected(args, 1, f"{where}:", "forms a cycle", "--force",
                                             "spark check")
                self.assertRegex(result.err, rf"{where}:\d+:\d+: error:")

    def test_an_unknown_person_is_refused_with_its_position(self):
        where = self.make_unknown_person()
        for args in (["report"], ["status"]):
            with self.subTest(args=args):
                result = self.assertRejected(args, 1, "unknown person 'niemand-x1y2'", "--force")
                self.assertRegex(result.err, rf"{where}:\d+:\d+: error:")

    def test_nothing_is_written_with_o(self):
        self.make_cycle()
        out = self.tmp / "vuurmeter.md"
        self.assertRejected(["report", "-o", out], 1, "forms a cycle")
        self.assertFalse(out.exists())

    def test_warnings_alone_do_not_stop_a_report(self):
        # A meeting without attendees is only a warning.
        self.ok("meet", "Leeg overleg")
        self.ok("report")
        self.ok("status")


class ForceTests(BrokenDataTestCase):
    def test_force_reports_under_a_visible_warning(self):
        where = self.make_cycle()
        unknown = self.make_unknown_person()
        for lang, heading in (("nl", "Let op"), ("en", "Warning")):
            with self.subTest(lang=lang):
                text = self.ok("report", "--force", "--lang", lang).out
                top = text.split("\n## ", 2)
                # Right under the title, before the fire gauge.
                self.assertIn(heading, top[1].split("\n")[0], text[:600])
                self.assertIn(where, top[1])
                self.assertIn(unknown, top[1])
                self.assertIn("spark check", top[1])
        html = self.ok("report", "--force", "--format", "html").out
        self.assertLess(html.index("Let op"), html.index("Vuurmeter"))
        self.assertIn(where, html)
        data = json.loads(self.ok("report", "--force", "--format", "json").out)
        self.assertEqual(len(data["problems"]), 2)
        self.assertTrue(any(p.startswith(where + ":") for p in data["problems"]))
        status = self.ok("status", "--force")
        self.assertIn("spark: warning:", status.err)
        self.assertIn("2 problems", status.err)
        self.assertTrue(status.out.startswith("Testvuur: "), status.out)

    def test_clean_data_has_no_warning_and_no_problems_key(self):
        self.assertNotIn("Let op", self.ok("report", "--force").out)
        self.assertNotIn("problems", json.loads(self.ok("report", "--format", "json").out))


if __name__ == "__main__":
    sparktest.main()
