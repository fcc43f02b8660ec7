"""The report page is safe to publish: hostile text in titles, names, effects, questions and
places cannot inject HTML, links, Markdown blocks, table cells or Mermaid statements; people
from outside are not named unless public; -o writes the file atomically."""

import datetime
import json
import pathlib
import re
import shutil
import subprocess
import tempfile
import threading

import html_page
import sparktest
from sparktest import SparkTestCase

EPOCH = "1796040000"  # 2026-11-30 12:00 UTC

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![x](data:text/html;base64,xx)",
    "<javascript:alert(1)>",
    "https://evil.example/",
    "www.evil.example",
    "| a | b |",
    "`code` and ``` fence",
    "```",
    "~~~",
    "# heading",
    "- list",
    "+ list",
    "* list",
    "1. list",
    "2) list",
    "> quote",
    "*bold* _em_ **strong** ~~strike~~",
    "@user #123 !4 ~label %milestone $math$",
    '"]; A-->B; click A "javascript:alert(1)"',
    "end",
    ":::",
    "::: mermaid",
    "two\nlines\n# and a heading",
    "tab\tand\r\ncrlf",
    "&lt;already escaped&gt; &amp; &#60;",
    "back\\slash \\<x\\> \\",
    "---",
    "===",
    "[ref]: https://evil.example/",
    "<!-- comment",
    "a\u2028b",
    "}{%p;#35;",
    "evil@example.org",
    "mailto:evil@example.org",
    "xmpp:evil@example.org/chat",
    "schrijf a.b+c_d@sub-x.example.org.",
    "http://evil.example ftp://evil.example WWW.evil.example",
]

# Names of people who must not be named (outside, not public), and those who may.
HIDDEN = {
    "Zoë Geheim": "resident",
    "Karim Verborgen": "initiator",
    "Pia Stilzwijg": "partner",
    "Nora Zondergroep": None,
}
PUBLIC = {"Olga Openbaar": "resident"}
INSIDE = {"Anna Kern": "staff", "Bram Kern": "staff", "Dirk Leider": "teamlead"}

BLOCK = re.compile(
    r"^(#{1,6}(?= |$)|[-+*](?= |$)|\d{1,9}[.)](?= |$)|>|\||    |```|~~~|:::|<|"
    r"={2,}\s*$|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|\[[^\]]*\]:)"
)
PREFIX = re.compile(r"^(#{1,6} |- |\| |\*\*)")


def shape(line):
    """The Markdown block structure of a line: its block markers, looked for again after a
    heading, list or table prefix (so "- - x", a list in a list, differs from "- x")."""
    if not line.strip():
        return ("blank",)
    tokens = []
    rest = line
    for _ in range(3):
        m = BLOCK.match(rest)
        if not m:
            break
        tokens.append(m.group(0))
        p = PREFIX.match(rest)
        if not p:
            break
        rest = rest[p.end():]
    return tuple(tokens) or ("text",)


def cells(row):
    """The number of table cells in a row: unescaped pipes minus one."""
    count, i = 0, 0
    while i < len(row):
        if row[i] == "\\":
            i += 2
            continue
        count += row[i] == "|"
        i += 1
    return count - 1


def mermaid_blocks(text, azure=False):
    opening, closing = ("::: mermaid", ":::") if azure else ("```mermaid", "```")
    blocks, current = [], None
    for line in text.split("\n"):
        if current is None and line == opening:
            current = []
        elif current is not None and line == closing:
            blocks.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return blocks, current is None


MERMAID_LINE = [
    re.compile(r"graph LR"),
    re.compile(r'    p\d+\["(?P<label>[^"]*)"\]'),
    re.compile(r"    p\d+ --> p\d+"),
    re.compile(r"    classDef (core|outside) fill:#\w{6},stroke:#\w{6},color:#\w{6}"),
    re.compile(r"    class p\d+(,p\d+)* (core|outside)"),
    re.compile(r'%%\{init: \{("xyChart": \{"width": \d+\}, )?"themeVariables": '
               r'\{"xyChart": \{"plotColorPalette": "#\w{6}, #\w{6}"\}\}\}\}%%'),
    re.compile(r"xychart-beta"),
    re.compile(r'    title "[\w ]+"'),
    re.compile(r'    x-axis \["(\w+( \d{4})?)?\u200b*"(, "(\w+( \d{4})?)?\u200b*")*\]'),
    re.compile(r'    y-axis "\w+" 0 --> \d+'),
    re.compile(r"    (bar|line) \[\d+(, \d+)*\]"),
]
# In a label: entity codes (#35;) and nothing that ends a string, a node or a statement.
SAFE_LABEL = re.compile(r'(#\d+;|[^"\[\](){}<>;:|`#&\\])*')


def decode_label(label):
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), label)


def one_line(text):
    """Text as spark puts it on one line: control characters, Unicode line separators and
    spaces become one space."""
    return re.sub(r"[\x00-\x20\x7f-\x9f\u2028\u2029]+", " ", text).strip(" ")


def day(start, offset):
    return (datetime.date.fromisoformat(start) + datetime.timedelta(days=offset)).isoformat()


def toml_string(text):
    # JSON string escapes (\" \\ \n \t \uXXXX) are TOML basic-string escapes too.
    return json.dumps(text, ensure_ascii=False)


# The two workspaces are built once for the whole file, and copied for every test.
TEMPLATES = {}
_template_dir = None


def tearDownModule():
    if _template_dir is not None:
        _template_dir.cleanup()


class SafetyTestCase(SparkTestCase):
    """A hostile workspace, and a plain twin with the same structure."""

    def setUp(self):
        super().setUp()
        self.env["SOURCE_DATE_EPOCH"] = EPOCH

    def snapshot(self, root=None):
        return {k: v for k, v in super().snapshot(root).items() if not k.startswith(".spark")}

    def workspace(self, kind):
        """A fresh copy of the 'hostile' or 'plain' workspace as self.ws."""
        global _template_dir
        if self.ws.exists():
            shutil.rmtree(self.ws)
        if kind not in TEMPLATES:
            if _template_dir is None:
                _template_dir = tempfile.TemporaryDirectory(prefix="spark-e2e-safety-")
            texts = HOSTILE if kind == "hostile" else [f"tekst {i}" for i in range(len(HOSTILE))]
            self.build(texts)
            target = pathlib.Path(_template_dir.name) / kind
            shutil.copytree(self.ws, target)
            shutil.rmtree(self.ws)
            TEMPLATES[kind] = target
        shutil.copytree(TEMPLATES[kind], self.ws)
        return self.ws

    def build(self, texts):
        self.init()
        config = self.ws / "spark.toml"
        config.write_text(
            config.read_text()
            .replace('name = "Testvuur"', f"name = {toml_string(texts[0] + ' ' + texts[7])}")
            .replace("\nlanguage", f"\norganisation = {toml_string(texts[2])}\nlanguage")
        )
        people = {}
        for name, group in INSIDE.items():
            extra = ["--role", "spark"] if name.endswith("Kern") else []
            people[name] = self.add_person(name, "--group", group, "--since", "2026-06-01", *extra)
        for name, group in {**HIDDEN, **PUBLIC}.items():
            extra = ["--group", group] if group else []
            extra += ["--public"] if name in PUBLIC else []
            people[name] = self.add_person(name, *extra, "--since", "2026-06-01",
                                           "--invited-by", people["Anna Kern"])
        # Outside people invite each other: the spread graph has them as inviters too.
        self.add_person("Kind van Zoë", "--group", "resident", "--since", "2026-08-01",
                        "--invited-by", people["Zoë Geheim"])
        hostile_people = []
        for i, text in enumerate(texts):
            pid = f"hand-{i:02}"
            (self.ws / "people" / f"{pid}.toml").write_text(
                f"name = {toml_string(text)}\ngroup = \"staff\"\nroles = []\n"
                f"department = {toml_string(text)}\ninvited_by = \"{people['Bram Kern']}\"\n"
                f"since = 2026-05-{1 + i % 28:02}\npublic = false\n"
            )
            hostile_people.append(pid)
        everyone = list(people.values())
        # Every record on a day of its own, so the hostile and the plain report list them in
        # the same order.
        for i, text in enumerate(texts):
            date = day("2026-06-01", 2 * i)
            with_ = [f"--with={hostile_people[i]}", f"--with={everyone[i % len(everyone)]}"]
            # --opt=value and "--" before the title: texts may start with a dash.
            self.ok("log", "actie", f"--date={date}", f"--effect={text}", *with_, "--tag=t", "--",
                    text)
            self.ok("meet", f"--date={date}", f"--place={text}", f"--question={text}",
                    f"--dilemma={text}", f"--outcome={text}", f"--followup={text}", *with_,
                    "--", text)
        # Written by hand: whatever a text editor lets through.
        for i, text in enumerate(texts):
            date = day("2026-06-02", 2 * i)
            (self.ws / "log" / "2026").mkdir(parents=True, exist_ok=True)
            (self.ws / "log" / "2026" / f"{date}-hand-{i:02}.toml").write_text(
                f"date = {date}\nkind = \"match\"\ntitle = {toml_string(text)}\n"
                f"people = [\"{hostile_people[i]}\"]\ntags = []\n"
                # A measured effect in both workspaces, whatever the text: ":::" alone would
                # be a placeholder that proves nothing, and change the report's signals.
                f"effect = {toml_string('gemeten: ' + text)}\n"
            )
            (self.ws / "meetings" / "2026").mkdir(parents=True, exist_ok=True)
            (self.ws / "meetings" / "2026" / f"{date}-hm-{i:02}.toml").write_text(
                f"date = {date}\ntitle = {toml_string(text)}\n"
                f"setting = \"mixed\"\nplace = {toml_string(text)}\n"
                f"attendees = [\"{hostile_people[i]}\", \"{people['Karim Verborgen']}\"]\n"
                f"questions = [{toml_string(text)}]\ndilemmas = [{toml_string(text)}]\n"
                f"outcomes = []\nfollowups = [{toml_string(text)}]\n"
            )
        # Outside people in every place a name can stand: entries, meetings, and free text.
        hidden = [people[n] for n in HIDDEN] + [people["Olga Openbaar"]]
        self.log("brandstof", "Zoë Geheim vertelt over de tuin", "--date", "2026-11-20",
                 *[a for p in hidden for a in ("--with", p)])
        self.ok("meet", "Keukentafel bij Karim", "--date", "2026-11-21",
                "--question", "Kan Pia Stilzwijg de sleutel beheren?",
                "--dilemma", "Nora wil niet op de foto; Olga wel",
                *[a for p in hidden for a in ("--with", p)])
        check = self.spark("check")
        self.assertEqual(check.code, 0, check.describe())

    def report(self, *args):
        return self.ok("report", *args).out


class InjectionTests(SafetyTestCase):
    def reports(self):
        self.workspace("hostile")
        return {(style, names): self.report("--mermaid", style, "--names", names)
                for style in ("fenced", "azure", "off") for names in ("inside", "all")}

    def test_no_html_and_no_links(self):
        for variant, text in self.reports().items():
            with self.subTest(variant=variant):
                self.assertNotIn("<", text)
                self.assertNotIn("](", text)
                # No bare URL for an auto-linker: "https\://" is text, "https://" a link.
                self.assertNotRegex(text, r"[A-Za-z]://")
                self.assertNotRegex(text, r"(?m)^\[[^\]]*\]:")  # no link reference definitions
                blocks, _ = mermaid_blocks(text, azure="azure" in variant)
                outside_charts = "\n".join(
                    l for l in text.split("\n") if not any(l in b for b in blocks))
                self.assertNotRegex(outside_charts, r"(?<!\\)www\.")
                # Every & starts an entity spark wrote: the user's own &lt; stays text.
                self.assertNotRegex(text, r"&(?!amp;|lt;|gt;)")
                self.assertIn("&amp;lt;already escaped&amp;gt;", text)

    def test_a_gfm_renderer_finds_no_link(self):
        """GitHub and GitLab render with cmark-gfm, whose autolink extension links e-mail
        addresses, mailto: and xmpp: even when '@' is escaped."""
        cmark = shutil.which("cmark-gfm")
        if cmark is None:
            self.skipTest("cmark-gfm is not installed (.ci/run installs it)")
        for variant, text in self.reports().items():
            with self.subTest(variant=variant):
                html = subprocess.run(
                    [cmark, "-e", "autolink", "-e", "table", "-e", "strikethrough",
                     "-e", "tagfilter", "--unsafe"],
                    input=text.encode(), capture_output=True, check=True).stdout.decode()
                self.assertNotIn("<a ", html)
                self.assertNotIn("<img", html)
                self.assertNotIn("<script", html)
                self.assertNotRegex(html, r"<(?!/?(h[1-6]|p|em|strong|code|pre|table|thead|"
                                          r"tbody|tr|th|td|ul|ol|li|hr|del)[ >/])")

    def test_line_structure_is_the_same_as_with_plain_text(self):
        self.workspace("plain")
        plain = {s: self.report("--mermaid", s) for s in ("fenced", "azure")}
        self.workspace("hostile")
        for style in ("fenced", "azure"):
            with self.subTest(style=style):
                hostile = self.report("--mermaid", style).split("\n")
                twin = plain[style].split("\n")
                self.assertEqual(len(hostile), len(twin))
                for ours, theirs in zip(hostile, twin):
                    self.assertEqual(shape(ours), shape(theirs), f"\n{ours}\n{theirs}")
                    if ours.startswith("|"):
                        self.assertEqual(cells(ours), cells(theirs), f"\n{ours}\n{theirs}")

    def test_tables_keep_their_cell_count(self):
        self.workspace("hostile")
        text = self.report()
        table = []
        for line in text.split("\n") + [""]:
            if line.startswith("|"):
                table.append(line)
                continue
            if table:
                counts = {cells(row) for row in table}
                self.assertEqual(len(counts), 1, "\n".join(table))
                table = []
        self.assertGreater(text.count("\n|"), 80)

    def test_user_text_never_starts_a_line(self):
        self.workspace("hostile")
        for line in self.report().split("\n"):
            self.assertNotRegex(line, r"^(<|>|\d+[.)] |[+*] |~~~|```(?!(mermaid)?$)|\[)", line)
            if line.startswith("- "):
                self.assertNotRegex(line[2:], r"^([-+*>#] |\d+[.)] |<|`{3}|~{3}|:::|\|)", line)
            if line.startswith(":::"):
                self.assertIn(line, ("::: mermaid", ":::"))

    def test_fences_stay_balanced(self):
        self.workspace("hostile")
        # fenced: the growth and the spread; classic and azure: the spread only.
        for style, opening, closing, charts in (("fenced", "```mermaid", "```", 2),
                                                ("classic", "```mermaid", "```", 1),
                                                ("azure", "::: mermaid", ":::", 1)):
            with self.subTest(style=style):
                lines = self.report("--mermaid", style).split("\n")
                fences = [l for l in lines if l.startswith(("```", "~~~", ":::"))]
                self.assertEqual(fences, [opening, closing] * charts)
                blocks, closed = mermaid_blocks("\n".join(lines), azure=style == "azure")
                self.assertTrue(closed)
                self.assertEqual(len(blocks), charts)
        off = self.report("--mermaid", "off").split("\n")
        self.assertEqual([l for l in off if l.startswith(("```", "~~~", ":::"))], [])

    def test_mermaid_blocks_hold_only_safe_statements(self):
        self.workspace("hostile")
        names = {one_line(t) for t in HOSTILE} | set(INSIDE) | {"Olga Openbaar"}
        for style in ("fenced", "azure"):
            for mode in ("inside", "all", "none"):
                text = self.report("--mermaid", style, "--names", mode)
                blocks, _ = mermaid_blocks(text, azure=style == "azure")
                labels = []
                for block in blocks:
                    for line in block:
                        match = next((m for p in MERMAID_LINE if (m := p.fullmatch(line))), None)
                        self.assertIsNotNone(match, f"unexpected Mermaid line {line!r}")
                        if match.groupdict().get("label") is not None:
                            labels.append(match["label"])
                for label in labels:
                    self.assertRegex(label, f"^{SAFE_LABEL.pattern}$")
                decoded = {decode_label(label) for label in labels}
                if mode == "all":
                    # Every hostile name drawn comes back exactly, on one line (the graph
                    # draws the first 35 people).
                    self.assertLessEqual(decoded, names | set(HIDDEN) | {"Kind van Zoë"})
                    self.assertEqual(len(decoded), 35)

    def test_html_keeps_every_text_inert(self):
        self.workspace("hostile")
        for names in ("inside", "all"):
            with self.subTest(names=names):
                text = self.report("--format", "html", "--names", names)
                page = html_page.Page(text)
                self.assertLessEqual(page.tags, html_page.TAGS)
                self.assertLessEqual(page.attributes, html_page.ATTRIBUTES)
                self.assertTrue(all(href.startswith("#") for href in page.hrefs), page.hrefs)
                self.assertNotRegex(text, r"(?i)<(script|img|iframe|object|embed|link)")
                if names == "all":
                    # Every hostile text is on the page as text, exactly, on one line.
                    body = re.sub(r"\s+", " ", "".join(page.text))
                    for hostile in HOSTILE:
                        self.assertIn(one_line(hostile), body)

    def test_json_keeps_the_text_exactly(self):
        self.workspace("hostile")
        data = json.loads(self.report("--format", "json"))
        self.assertEqual(data["name"], HOSTILE[0] + " " + HOSTILE[7])
        self.assertEqual(data["organisation"], HOSTILE[2])
        self.assertEqual(data["counts"]["meeting"], 2 * len(HOSTILE) + 1)


class PrivacyTests(SafetyTestCase):
    def setUp(self):
        super().setUp()
        self.workspace("plain")

    def assertNamed(self, text, names):
        for name in names:
            self.assertIn(name, text)

    def assertNotNamed(self, text, names):
        for name in names:
            self.assertNotIn(name, text)
            for part in name.split():
                self.assertNotRegex(text, rf"\b{re.escape(part)}\b", f"{part!r} of {name!r}")

    def test_outside_people_are_not_named_by_default(self):
        for style in ("fenced", "azure", "off"):
            for lang in ("nl", "en"):
                with self.subTest(style=style, lang=lang):
                    text = self.report("--mermaid", style, "--lang", lang)
                    self.assertNotNamed(text, HIDDEN)
                    self.assertNamed(text, PUBLIC)
                    self.assertNamed(text, INSIDE)
        for lang in ("nl", "en"):
            with self.subTest(format="html", lang=lang):
                text = self.report("--format", "html", "--lang", lang)
                self.assertNotNamed(text, HIDDEN)
                self.assertNamed(text, PUBLIC)
                self.assertNamed(text, INSIDE)
        text = self.report()
        # Olga, resident 1, is public; Zoë and her child are residents 2 and 3.
        for label in ("inwoner 2", "inwoner 3", "initiatiefnemer 1", "partner 1", "persoon 1"):
            self.assertIn(label, text)
        # The title, redacted; a label opening a sentence is capitalised like the name was.
        self.assertIn("Inwoner 2 vertelt over de tuin", text)
        self.assertIn("Keukentafel bij initiatiefnemer 1", text)
        self.assertIn("Kan partner 1 de sleutel beheren?", text)
        english = self.report("--lang", "en")
        self.assertIn("resident 2", english)
        self.assertIn("person 1", english)

    def test_the_spread_graph_names_no_one_from_outside(self):
        blocks, _ = mermaid_blocks(self.report())
        graph = "\n".join(blocks[1])
        self.assertNotNamed(graph, HIDDEN)
        self.assertIn('["inwoner 2"]', graph)
        self.assertIn('["Olga Openbaar"]', graph)

    def test_json_names_no_one(self):
        text = self.report("--format", "json")
        self.assertNotNamed(text, HIDDEN)
        self.assertNotNamed(text, INSIDE)

    def test_names_all_shows_everyone(self):
        text = self.report("--names", "all")
        self.assertNamed(text, HIDDEN)
        self.assertNamed(text, INSIDE)
        self.assertIn("Zoë Geheim vertelt over de tuin", text)
        self.assertIn("--names all", text)

    def test_names_none_hides_inside_people_too(self):
        text = self.report("--names", "none")
        self.assertNotNamed(text, HIDDEN)
        self.assertNotNamed(text, PUBLIC)
        self.assertNotNamed(text, INSIDE)
        self.assertIn("medewerker 1", text)
        self.assertIn("teamleider 1", text)

    def test_numbers_are_stable_across_modes_and_languages(self):
        # Olga (public) and Zoë joined the same day; Olga's id sorts first, so she is
        # resident 1 even where she is shown by name, and Zoë is resident 2 everywhere.
        pattern = r"(\w+ \d) vertelt over de tuin"
        self.assertEqual(re.search(pattern, self.report())[1], "Inwoner 2")
        self.assertEqual(re.search(pattern, self.report("--names", "none"))[1], "Inwoner 2")
        self.assertEqual(re.search(pattern, self.report("--lang", "en"))[1], "Resident 2")
        self.assertIn('["inwoner 1"]', self.report("--names", "none"))
        self.assertNotIn("inwoner 1", self.report())


class OutputFileTests(SafetyTestCase):
    def setUp(self):
        super().setUp()
        self.workspace("plain")

    def test_output_file_and_nothing_on_stdout(self):
        expected = self.spark("report").raw_out
        out = self.tmp / "wiki" / "vuurmeter.md"
        out.parent.mkdir()
        result = self.ok("report", "-o", out)
        self.assertEqual(result.raw_out, b"")
        self.assertEqual(out.read_bytes(), expected)
        self.assertEqual(sorted(p.name for p in out.parent.iterdir()), ["vuurmeter.md"])
        # A relative path is relative to where spark runs, and "-" is stdout.
        self.ok("report", "--format", "json", "-o", "../data.json", cwd=self.ws / "people")
        json.loads((self.ws / "data.json").read_text())
        self.assertEqual(self.ok("report", "-o", "-").raw_out, expected)

    def test_existing_file_is_replaced(self):
        out = self.tmp / "vuurmeter.md"
        out.write_text("oud\n" * 100000)
        self.ok("report", "-o", out)
        self.assertEqual(out.read_bytes(), self.spark("report").raw_out)

    def test_readers_never_see_half_a_file(self):
        out = self.tmp / "vuurmeter.md"
        versions = {self.spark("report", "--lang", lang).raw_out for lang in ("nl", "en")}
        self.ok("report", "-o", out)
        seen, bad, stop = set(), [], threading.Event()

        def reader():
            while not stop.is_set():
                data = out.read_bytes()
                seen.add(data)
                if data not in versions:
                    bad.append(len(data))

        thread = threading.Thread(target=reader)
        thread.start()
        try:
            for i in range(12):
                self.ok("report", "--lang", ("en", "nl")[i % 2], "-o", out)
        finally:
            stop.set()
            thread.join()
        self.assertEqual(bad, [], "a reader saw a partly written report")
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir() if p.is_file()),
                         ["vuurmeter.md"])

    def test_missing_folders_are_made(self):
        out = self.tmp / "wiki" / "2026" / "vuurmeter.md"
        self.assertEqual(self.ok("report", "-o", out).out, "")
        self.assertEqual(out.read_bytes(), self.spark("report").raw_out)

    def test_unwritable_output_is_an_error_and_changes_nothing(self):
        folder = self.tmp / "a-folder"
        folder.mkdir()
        result = self.spark("report", "-o", folder)
        self.assertFails(result, 1, "a-folder")
        self.assertEqual(result.out, "")
        self.assertTrue(folder.is_dir())
        self.assertEqual(list(folder.iterdir()), [])
        plain_file = self.tmp / "a-file"
        plain_file.write_text("blijft\n")
        result = self.spark("report", "-o", plain_file / "vuurmeter.md")
        self.assertFails(result, 1, "a-file")
        self.assertEqual(plain_file.read_text(), "blijft\n")
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()),
                         ["a-file", "a-folder", "home", "ws"])


if __name__ == "__main__":
    sparktest.main()
