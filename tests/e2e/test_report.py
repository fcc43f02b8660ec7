"""spark report on the example workspace: golden files, determinism, and what a reader checks
by eye (charts agree with their tables, one language throughout, no private names).

The golden files in tests/e2e/golden/ are `spark report` of examples/wijkkracht with "today"
pinned to 2026-11-30. After an intended change to the report, regenerate them with

    SPARK_UPDATE_GOLDEN=1 SPARK_BIN=build/cmd/spark python3 tests/e2e/test_report.py

and read the diff (git diff tests/e2e/golden) before committing.
"""

import difflib
import html
import json
import os
import pathlib
import re
import shutil
import tomllib

import html_page
import sparktest
from sparktest import SparkTestCase

GOLDEN = sparktest.HERE / "golden"
EXAMPLE = sparktest.HERE.parents[1] / "examples" / "wijkkracht"
UPDATE = os.environ.get("SPARK_UPDATE_GOLDEN") == "1"

# 2026-11-30 00:00:00 UTC
REPORT_EPOCH = "1795996800"
REPORT_DAY = "2026-11-30"

# golden file → extra arguments after `spark report --until 2026-11-30`
VARIANTS = {
    "wijkkracht.nl.md": [],
    "wijkkracht.en.md": ["--lang", "en"],
    "wijkkracht.azure.nl.md": ["--mermaid", "azure"],
    "wijkkracht.names-none.en.md": ["--lang", "en", "--names", "none"],
    "wijkkracht.nl.html": ["--format", "html"],
}

# Words that give away the other language in the fixed text of a report.
DUTCH_ONLY = [
    "Vuurmeter", "Toestand", "Signalen", "Groei per maand", "Verspreiding", "Logboek",
    "Ontmoetingen", "Generatie", "Vonken", "Zuurstof", "Lucifers", "Brandstof", "Poken",
    "Oppor-acties", "gemaakt op", "Periode", "juni", "juli", "augustus", "oktober", "mrt",
    "okt", "Aanwezig", "Vragen", "Dilemma's", "Opbrengst", "Vervolgafspraken", "Nieuw:",
    "binnen", "buiten", "kern", "lopend vuurtje", "strovuur", "inwoner", "initiatiefnemer",
    "medewerker", "Drempel", "Waarde", "Bereikt", "Mensen", "Maand", "Titel", "Datum",
    "intern", "extern", "gemengd", "weken", "lucifer", "zonder",
]
ENGLISH_ONLY = [
    "Fire gauge", "State:", "Signals", "Growth per month", "Spread", "Log entries",
    "Meetings", "Generation", "Sparks", "Oxygen", "Matches", "Fuel", "Actions", "Pokers",
    "generated on", "Period", "June", "July", "August", "October", "Oct", "Attendees",
    "Questions", "Dilemmas", "Outcomes", "Follow-ups", "New:", "inside", "outside", "core",
    "running fire", "straw fire", "resident", "initiator", "staff member", "Threshold",
    "Value", "Reached", "People", "Month", "Title", "Date", "internal", "external", "mixed",
    "weeks", "match", "without",
]
OUTSIDE_GROUPS = {"resident", "initiator", "partner", None}


def unified(expected, actual, name):
    return "".join(
        difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(keepends=True),
            actual.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="spark report",
        )
    )


def mermaid_blocks(text):
    """The bodies of ```mermaid and ::: mermaid blocks, as lists of lines."""
    blocks, current, closing = [], None, None
    for line in text.splitlines():
        if current is None:
            if line in ("```mermaid", "::: mermaid"):
                current, closing = [], ("```" if line.startswith("```") else ":::")
        elif line == closing:
            blocks.append(current)
            current = None
        else:
            current.append(line)
    return blocks


def section(text, heading):
    """The lines of a `## heading` section."""
    lines = text.splitlines()
    start = lines.index(f"## {heading}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start + 1 : end]


def table_rows(lines):
    rows = [line for line in lines if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def fixed_text(text):
    """The parts of a report that spark writes itself (headings, table headers, labels,
    months, criteria, signals, notes), without the user's titles, names and texts."""
    keep = []
    lines = text.splitlines()
    in_chart = False
    for i, line in enumerate(lines):
        if line in ("```mermaid", "::: mermaid"):
            in_chart = True
        elif in_chart:
            in_chart = line not in ("```", ":::")
        elif line.startswith("# "):
            keep.append(line.split(" — ", 1)[1])  # after the workspace's name
        elif line.startswith("### ") and " — " in line:
            keep.append(line.split(" — ")[0])  # a meeting's date
        elif line.startswith("|"):
            if i + 1 < len(lines) and lines[i + 1].startswith("|---"):
                keep.append(line)  # a header row
            elif not line.startswith("|---"):
                keep.append(line.split(" | ")[0])  # month, criterion, date, generation
        elif line.startswith("- "):
            if line.endswith("`)"):
                keep.append(line)  # a signal; other bullets are the user's
        elif " · " in line or line.startswith(("Aanwezig: ", "Attendees: ")):
            for part in line.split(" · "):
                label, colon, value = part.partition(": ")
                if part.startswith("**") and not colon:
                    continue  # the organisation
                private = label in ("Plaats", "Place", "Nieuw", "New") or not value[:1].isdigit()
                keep.append(label if colon and private and label not in ("Setting", "Periode",
                                                                         "Period") else part)
        else:
            keep.append(line)
    return "\n".join(keep)


class ReportExampleTestCase(SparkTestCase):
    def setUp(self):
        super().setUp()
        # A copy, so the cache and anything else spark writes stays out of the repository.
        shutil.copytree(EXAMPLE, self.ws, ignore=shutil.ignore_patterns(".spark"))
        self.env["SOURCE_DATE_EPOCH"] = REPORT_EPOCH

    def report(self, *args):
        return self.ok("report", "--until", REPORT_DAY, *args)

    def people(self):
        people = {}
        for path in (self.ws / "people").glob("*.toml"):
            with open(path, "rb") as f:
                people[path.stem] = tomllib.load(f)
        return people


class GoldenTests(ReportExampleTestCase):
    def test_golden_files(self):
        for name, args in VARIANTS.items():
            with self.subTest(golden=name):
                actual = self.report(*args).raw_out
                path = GOLDEN / name
                if UPDATE:
                    GOLDEN.mkdir(exist_ok=True)
                    path.write_bytes(actual)
                    continue
                self.assertTrue(
                    path.exists(),
                    f"{path} is missing; create it with SPARK_UPDATE_GOLDEN=1 (see {__file__})",
                )
                expected = path.read_bytes()
                if actual != expected:
                    self.fail(
                        f"spark report {' '.join(args)} differs from golden/{name}:\n"
                        + unified(expected, actual, name)
                        + "\nIf the change is intended, regenerate with SPARK_UPDATE_GOLDEN=1 "
                        f"python3 {__file__} and review `git diff tests/e2e/golden`."
                    )

    def test_two_runs_give_the_same_bytes(self):
        for args in VARIANTS.values():
            with self.subTest(args=args):
                self.assertEqual(self.report(*args).raw_out, self.report(*args).raw_out)
        first = self.report("--format", "json").raw_out
        self.assertEqual(first, self.report("--format", "json").raw_out)

    def test_output_file_has_the_same_bytes(self):
        out = self.tmp / "vuurmeter.md"
        result = self.report("-o", out)
        self.assertEqual(result.out, "")
        self.assertEqual(out.read_bytes(), self.report().raw_out)

    def test_generated_date_follows_source_date_epoch(self):
        text = self.report().out
        self.assertIn("gemaakt op 30 november 2026", text.splitlines()[2])
        later = self.ok("report", "--until", REPORT_DAY, env={"SOURCE_DATE_EPOCH": "1798675200"})
        self.assertIn("gemaakt op 31 december 2026", later.out.splitlines()[2])


class ReadByEyeTests(ReportExampleTestCase):
    """What a careful reader checks in the golden report, as assertions."""

    def test_growth_chart_agrees_with_the_growth_table(self):
        for lang, month_col in (("nl", "Maand"), ("en", "Month")):
            with self.subTest(lang=lang):
                text = self.report("--lang", lang).out
                lines = section(text, "Groei per maand" if lang == "nl" else "Growth per month")
                chart = mermaid_blocks("\n".join(lines))[0]
                bar = [int(x) for x in re.search(r"bar \[(.*)\]", "\n".join(chart))[1].split(", ")]
                line = [
                    int(x) for x in re.search(r"line \[(.*)\]", "\n".join(chart))[1].split(", ")
                ]
                top = int(re.search(r"y-axis \"[^\"]*\" 0 --> (\d+)", "\n".join(chart))[1])
                rows = table_rows(lines)
                self.assertEqual(len(rows), 6)
                self.assertEqual(bar, [int(r[1]) for r in rows])
                self.assertEqual(line, [int(r[2]) for r in rows])
                # At least 8, so Mermaid's ticks are whole people.
                self.assertEqual(top, max([8] + line + bar))
                self.assertIn(f"| {month_col} |", "\n".join(lines))
                # The chart says what its bars and line are, in the report's language.
                legend = {"nl": "*Staven: nieuwe mensen. Lijn: betrokken in totaal.*",
                          "en": "*Bars: new people. Line: people involved in total.*"}
                self.assertIn(legend[lang], lines)
                # Colours that read on light and dark backgrounds, set for this chart only.
                self.assertRegex(chart[0], r'^%%\{init: \{"themeVariables": \{"xyChart": '
                                           r'\{"plotColorPalette": "#\w{6}, #\w{6}"\}\}\}\}%%$')

    def test_classic_charts_show_the_growth_as_bars_in_the_table(self):
        # Older Mermaid (Azure DevOps, older self-hosted wikis) has no xychart: the table
        # draws the newcomers as bars of text, the longest for the largest number.
        data = json.loads(self.report("--format", "json").out)
        for style in ("classic", "azure", "off"):
            with self.subTest(style=style):
                text = self.report("--mermaid", style).out
                lines = section(text, "Groei per maand")
                self.assertNotIn("xychart", text)
                self.assertFalse(any(l.startswith("*Staven") for l in lines))
                rows = table_rows(lines)
                bars = [re.fullmatch(r"(▇*) ?(\d+)", r[1]).groups() for r in rows]
                self.assertEqual([int(n) for _, n in bars],
                                 [m["new_people"] for m in data["growth"]])
                self.assertEqual([len(b) for b, _ in bars], [10, 8, 5, 5, 2, 2])
                self.assertIn("|---|---|---:|", "\n".join(lines))  # bars from the left

    def test_spread_graph_agrees_with_the_generation_table_and_json(self):
        text = self.report().out
        lines = section(text, "Verspreiding")
        graph = mermaid_blocks("\n".join(lines))[0]
        labels = {}
        edges = []
        for line in graph[1:]:
            if m := re.fullmatch(r'    (p\d+)\["([^"]*)"\]', line):
                labels[m[1]] = m[2]
            elif m := re.fullmatch(r"    (p\d+) --> (p\d+)", line):
                edges.append((m[1], m[2]))
        core = re.search(r"class (\S+) core", "\n".join(graph))[1].split(",")
        # Generation of every node from the edges.
        generation = {node: 0 for node in core}
        changed = True
        while changed:
            changed = False
            for a, b in edges:
                if a in generation and generation.get(b) != generation[a] + 1:
                    generation[b] = generation[a] + 1
                    changed = True
        rows = table_rows(lines)
        per_generation = [int(r[1]) for r in rows]
        self.assertEqual(sum(per_generation), len(labels))
        for g, row in enumerate(rows):
            names = row[2].split(", ")
            self.assertEqual(len(names), per_generation[g])
            self.assertEqual(
                sorted(names), sorted(labels[n] for n, gen in generation.items() if gen == g)
            )
        data = json.loads(self.report("--format", "json").out)
        self.assertEqual(data["people"]["per_generation"], per_generation)
        self.assertEqual(data["people"]["involved"], len(labels))
        self.assertEqual(data["people"]["core"], len(core))

    def test_gauge_table_agrees_with_json(self):
        text = self.report().out
        data = json.loads(self.report("--format", "json").out)
        gauge = section(text, "Vuurmeter")
        criteria_table = gauge[: gauge.index("### Verloop")]
        rows = table_rows(criteria_table)
        self.assertEqual(len(rows), len(data["criteria"]))
        for row, criterion in zip(rows, data["criteria"]):
            self.assertEqual(row[0], criterion["label"])
            mark = "✓" if criterion["pass"] else "✗"
            if "days_left" in criterion:
                mark += f" nog {criterion['days_left']} dagen"
            self.assertEqual(row[3].replace("\u00a0", " "), mark)
            if criterion["id"] not in ("inside-outside", "friction"):
                self.assertEqual(row[1], str(criterion["value"]))
                self.assertEqual(row[2], f"≥ {criterion['threshold']}")
        self.assertEqual(data["state"], "running-fire")
        self.assertIn("**Stand van het vuur: lopend vuurtje**", text)
        # The monthly states end with the headline's.
        history = table_rows(gauge[gauge.index("### Verloop"):])
        self.assertEqual(history[-1][1], data["state_label"])
        self.assertEqual(data["history"][-1]["state"], data["state"])

    def test_log_sections_count_their_entries(self):
        text = self.report().out
        data = json.loads(self.report("--format", "json").out)
        headings = {"Vonken": "spark", "Zuurstof": "oxygen", "Lucifers": "match",
                    "Brandstof": "fuel", "Oppor-acties": "action", "Poken": "poker"}
        lines = section(text, "Logboek")
        for heading, kind in headings.items():
            start = lines.index(f"### {heading} ({data['counts'][kind]})")
            end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("### ")),
                       len(lines))
            self.assertEqual(len(table_rows(lines[start:end])), data["counts"][kind], heading)
        meetings = [l for l in section(text, "Ontmoetingen") if l.startswith("### ")]
        self.assertEqual(len(meetings), data["counts"]["meeting"])

    def test_one_language_throughout(self):
        for lang, foreign in (("nl", ENGLISH_ONLY), ("en", DUTCH_ONLY)):
            with self.subTest(lang=lang):
                fixed = fixed_text(self.report("--lang", lang).out)
                self.assertGreater(len(fixed), 3000)
                for word in foreign:
                    self.assertNotRegex(fixed, rf"\b{re.escape(word)}\b",
                                        f"{word!r} in the {lang} report")

    def test_month_names_are_in_the_report_language(self):
        nl = self.report().out
        en = self.report("--lang", "en").out
        self.assertIn("Periode: 1 juni 2026 – 30 november 2026", nl)
        self.assertIn("Period: 1 June 2026 – 30 November 2026", en)
        # The year at the first month (and at January) only.
        self.assertIn('x-axis ["jun 2026", "jul", "aug", "sep", "okt", "nov"]', nl)
        self.assertIn('x-axis ["Jun 2026", "Jul", "Aug", "Sep", "Oct", "Nov"]', en)
        self.assertIn("### 25 juni 2026 — ", nl)
        self.assertIn("### 25 June 2026 — ", en)

    def test_no_private_outside_person_by_name(self):
        people = self.people()
        hidden = [p for p in people.values()
                  if p.get("group") in OUTSIDE_GROUPS and not p.get("public", False)]
        shown = [p for p in people.values() if p not in hidden]
        self.assertGreaterEqual(len(hidden), 4)
        for args in VARIANTS.values():
            text = self.report(*args).out
            for person in hidden:
                with self.subTest(args=args, person=person["name"]):
                    self.assertNotIn(person["name"], text)
                    # The first name alone too (titles and texts), as a whole word.
                    first = person["name"].split()[0]
                    self.assertNotRegex(text, rf"\b{re.escape(first)}\b")
        nl = self.report().out
        for person in shown:
            self.assertIn(person["name"], nl)  # inside people and public ones by name
        names_all = self.report("--names", "all").out
        for person in people.values():
            self.assertIn(person["name"], names_all)

    def test_names_none_hides_inside_people_too(self):
        text = self.report("--lang", "en", "--names", "none").out
        for person in self.people().values():
            self.assertNotIn(person["name"], text)
            # Titles and texts mention people by first name or surname ("Wethouder Mulder").
            first, surname = person["name"].split(" ", 1)
            self.assertNotRegex(text, rf"\b({re.escape(first)}|{re.escape(surname)})\b")
        self.assertIn("staff member 1", text)
        self.assertIn("Everyone appears by group and number", text)

    def test_azure_blocks_replace_fences(self):
        text = self.report("--mermaid", "azure").out
        self.assertNotIn("```", text)
        self.assertEqual(text.count("\n::: mermaid\n"), 1)  # the spread graph
        self.assertEqual(mermaid_blocks(text)[0][0], "graph LR")
        classic = self.report("--mermaid", "classic").out
        self.assertEqual(classic.replace("```mermaid\n", "::: mermaid\n").replace("```\n", ":::\n"),
                         text)
        off = self.report("--mermaid", "off").out
        self.assertEqual(mermaid_blocks(off), [])
        # Only the charts go; their tables stay.
        self.assertEqual(
            [l for l in off.splitlines() if l.startswith("|")],
            [l for l in text.splitlines() if l.startswith("|")],
        )


def markdown_cell(cell):
    """A Markdown table cell as the text a reader sees."""
    return html.unescape(re.sub(r"\\(.)", r"\1", cell)).replace("\u00a0", " ")


def markdown_tables(text):
    tables, current = [], None
    for line in text.splitlines():
        if line.startswith("|"):
            if current is None:
                current = []
                tables.append(current)
            if not line.startswith("|---"):
                current.append([markdown_cell(c.strip()) for c in line.strip("|").split(" | ")])
        else:
            current = None
    return tables


class HtmlReportTests(ReportExampleTestCase):
    """--format html: one page that stands alone, with what the Markdown report says."""

    def test_the_page_stands_alone_and_runs_nothing(self):
        for lang in ("nl", "en"):
            with self.subTest(lang=lang):
                text = self.report("--format", "html", "--lang", lang).out
                self.assertTrue(text.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">\n'))
                self.assertIn('<meta charset="utf-8">', text)
                # The browser is told too: no script, nothing fetched, only the inline style.
                self.assertIn("content=\"default-src 'none'; style-src 'unsafe-inline'\"", text)
                page = html_page.Page(text)
                self.assertLessEqual(page.tags, html_page.TAGS)
                self.assertLessEqual(page.attributes, html_page.ATTRIBUTES)
                self.assertNotIn("script", page.tags)
                ids = {section_id for section_id, _ in page.sections}
                self.assertEqual(sorted(page.hrefs), sorted(f"#{i}" for i in ids))
                for outside in ("http:", "https:", "url(", "@import", "//", "src="):
                    self.assertNotIn(outside, text.replace("http-equiv", ""))

    def test_the_page_has_the_sections_and_numbers_of_the_markdown(self):
        for lang in ("nl", "en"):
            with self.subTest(lang=lang):
                markdown = self.report("--lang", lang).out
                page = html_page.Page(self.report("--format", "html", "--lang", lang).out)
                headings = [l[3:] for l in markdown.splitlines() if l.startswith("## ")]
                self.assertEqual([heading for _, heading in page.sections], headings)
                self.assertEqual([i for i, _ in page.sections],
                                 ["gauge", "signals", "elements", "growth", "spread", "stokers",
                                  "log", "meetings"])
                self.assertEqual(page.title, markdown.splitlines()[0][2:])
                self.assertEqual(page.tables, markdown_tables(markdown))
                text = re.sub(r"\s+", " ", "".join(page.text))
                for line in markdown.splitlines():
                    if line.startswith(("- ", "### ")):
                        # Bold (a signal's finding) is a style, not text.
                        bare = re.sub(r"(?<!\\)\*\*", "", line.split(" ", 1)[1])
                        item = markdown_cell(bare.replace("`", ""))
                        self.assertTrue(item in text, f"{item!r} is not on the HTML page")

    def test_output_file(self):
        out = self.tmp / "vuurmeter.html"
        self.assertEqual(self.report("--format", "html", "-o", out).out, "")
        self.assertEqual(out.read_bytes(), self.report("--format", "html").raw_out)


if __name__ == "__main__":
    sparktest.main()
