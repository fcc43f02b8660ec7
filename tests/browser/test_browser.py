"""The report as readers see it, in a real browser (headless Chromium):

- the Markdown report on a wiki page (cmark-gfm, as GitHub and GitLab render Markdown) with
  Mermaid 11 (--mermaid fenced) and Mermaid 9.4 (--mermaid classic, as older self-hosted
  wikis have), in Dutch and English, for the example workspace and a generated workspace of
  1,000 records: every chart renders, none is a Mermaid error;
- dates in tables stay on one line in a narrow column and copy as plain text;
- the HTML report: no console error, no request beyond the page itself, no script; printed
  to A4 every section starts a page; hostile text stays text.

Needs chromium, cmark-gfm and pdftotext (Debian packages) and Mermaid 11 and 9.4 from npm in
.cache/browser, all installed by .ci/run. Outside CI the test skips, saying what is missing,
when they are not there (exit code 77, which ctest shows as skipped); in CI (CI=true) it
fails instead. SPARK_BROWSER_SHOTS=DIR keeps a
screenshot of every page it looked at.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "e2e"))

import sparktest  # noqa: E402
import test_report_safety  # noqa: E402
import wiki  # noqa: E402
from chromium import Chromium, find_chromium  # noqa: E402

EXAMPLE = HERE.parents[1] / "examples" / "wijkkracht"
GENERATE = HERE.parent / "bench" / "generate.py"
EPOCH = "1795996800"  # 2026-11-30
SHOTS = os.environ.get("SPARK_BROWSER_SHOTS")


def missing():
    needs = {"chromium": find_chromium(), "cmark-gfm": wiki.cmark(),
             "pdftotext": shutil.which("pdftotext")}
    gone = [name for name, found in needs.items() if not found]
    gone += [f"Mermaid {v} ({path})" for v, path in wiki.MERMAID.items() if not path.exists()]
    return gone


MISSING = missing()
if MISSING:
    if os.environ.get("CI"):
        sys.exit(f"browser tests: missing in CI: {', '.join(MISSING)} (.ci/run installs them)")
    print(f"browser tests skipped: not installed: {', '.join(MISSING)} (see .ci/run)")
    sys.exit(77)  # ctest's SKIP_RETURN_CODE

browser = None
workspaces = None


def setUpModule():
    global browser, workspaces
    browser = Chromium()
    workspaces = tempfile.TemporaryDirectory(prefix="spark-browser-")
    root = pathlib.Path(workspaces.name)
    shutil.copytree(EXAMPLE, root / "example", ignore=shutil.ignore_patterns(".spark"))
    subprocess.run([sys.executable, str(GENERATE), "1000", str(root / "generated")], check=True,
                   stdout=subprocess.DEVNULL)


def tearDownModule():
    if browser is not None:
        browser.close()
    if workspaces is not None:
        workspaces.cleanup()


def report(workspace, *args):
    result = subprocess.run(
        [sparktest.SPARK, "-C", str(pathlib.Path(workspaces.name) / workspace), "report",
         "--until", "2026-11-30", *args],
        capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"},
    )
    if result.returncode != 0:
        raise AssertionError(f"spark report {' '.join(args)}: {result.stderr.decode()}")
    return result.stdout.decode()


def keep_screenshot(page, name, width=1000):
    if SHOTS:
        pathlib.Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(pathlib.Path(SHOTS) / f"{name}.png", width=width)


class BrowserTestCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="spark-page-")
        self.tmp = pathlib.Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def wiki_page(self, markdown, mermaid, name, width=1000):
        path = self.tmp / f"{name}.html"
        path.write_text(wiki.wiki_page(markdown, wiki.MERMAID[mermaid]))
        page = browser.open(path, width=width)
        return page

    def html_page(self, text, name, width=1000):
        path = self.tmp / f"{name}.html"
        path.write_text(text)
        return browser.open(path, width=width), path.resolve().as_uri()


class MermaidTests(BrowserTestCase):
    def test_every_chart_renders_on_mermaid_11_and_9(self):
        # fenced: growth and spread with Mermaid 11; classic: the spread alone with 9.4.
        for workspace in ("example", "generated"):
            for lang in ("nl", "en"):
                for style, mermaid, charts in (("fenced", "11", 2), ("classic", "9", 1)):
                    name = f"{workspace}-{lang}-{style}-mermaid{mermaid}"
                    with self.subTest(name):
                        markdown = report(workspace, "--lang", lang, "--mermaid", style)
                        page = self.wiki_page(markdown, mermaid, name)
                        rendered, errors = wiki.render_charts(page)
                        self.assertEqual(errors, [])
                        self.assertEqual(rendered, charts)
                        svgs = page.evaluate("document.querySelectorAll('.mermaid-chart svg')"
                                             ".length")
                        self.assertEqual(svgs, charts)
                        keep_screenshot(page, name)
                        page.close()

    def test_azure_blocks_render_on_mermaid_9(self):
        markdown = report("example", "--mermaid", "azure")
        page = self.wiki_page(markdown, "9", "example-azure")
        self.assertEqual(wiki.render_charts(page), (1, []))
        page.close()

    def test_dates_stay_on_one_line_and_copy_as_plain_text(self):
        markdown = report("example")
        page = self.wiki_page(markdown, "11", "narrow", width=380)
        wiki.render_charts(page)
        date_cell = r"/^\d{1,2}\s\w{3}\s\d{4}$/"
        lines = page.evaluate(f"""[...document.querySelectorAll('td')]
            .filter(td => {date_cell}.test(td.textContent))
            .map(td => {{ const r = document.createRange(); r.selectNodeContents(td);
                         return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }})""")
        # Every entry of the example (26), and the last date of each of the six elements.
        self.assertEqual(len(lines), 26 + 6)
        self.assertEqual(set(lines), {1}, "a date wraps in a narrow column")
        # Copy a row as a reader would: the date pastes with plain spaces.
        browser.send("Browser.grantPermissions", {"permissions": ["clipboardReadWrite"]})
        page.evaluate(f"""(() => {{
            const td = [...document.querySelectorAll('td')].find(td => td.textContent === '1\u00a0jun\u00a02026');
            const r = document.createRange(); r.selectNodeContents(td.parentElement);
            getSelection().removeAllRanges(); getSelection().addRange(r); }})()""")
        page.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "c", "code": "KeyC",
                                             "modifiers": 2, "commands": ["copy"]})
        page.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "c", "code": "KeyC",
                                             "modifiers": 2})
        copied = page.evaluate("navigator.clipboard.readText()")
        self.assertTrue(copied.startswith("1 jun 2026\tKoffie bij de automaat"), repr(copied))
        page.close()


class HtmlReportTests(BrowserTestCase):
    def assertStandsAlone(self, page, url):
        self.assertEqual(page.console_errors, [])
        self.assertEqual(page.requests, [url])
        self.assertEqual(page.evaluate("document.scripts.length"), 0)
        handlers = page.evaluate("""[...document.querySelectorAll('*')].flatMap(e =>
            [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))""")
        self.assertEqual(handlers, [])

    def sections_starting_pages(self, pdf):
        """The first line of every page of the PDF."""
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                               check=True).stdout.decode().split("\f")
        return [next((l.strip() for l in p.splitlines() if l.strip()), "") for p in pages]

    def test_the_page_stands_alone_and_prints_a_section_per_page(self):
        for workspace, lang in (("example", "nl"), ("example", "en"), ("generated", "nl")):
            name = f"{workspace}-{lang}-html"
            with self.subTest(name):
                page, url = self.html_page(report(workspace, "--format", "html", "--lang", lang),
                                           name)
                for scheme in ("light", "dark"):
                    page.color_scheme(scheme)
                    keep_screenshot(page, f"{name}-{scheme}")
                self.assertStandsAlone(page, url)
                headings = page.evaluate("[...document.querySelectorAll('section > h2')]"
                                         ".map(h => h.textContent)")
                self.assertEqual(len(headings), 8)
                self.assertEqual(page.evaluate("document.querySelectorAll('svg.chart').length"), 2)
                pdf = self.tmp / f"{name}.pdf"
                page.print_pdf(pdf)
                firsts = self.sections_starting_pages(pdf)
                # The title page holds the first section; every other one starts a page.
                self.assertEqual([l for l in firsts if l in headings], headings[1:])
                self.assertIn(headings[0], subprocess.run(
                    ["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                    check=True).stdout.decode())
                page.close()


class HostileTextTests(test_report_safety.SafetyTestCase):
    def test_hostile_text_stays_text(self):
        self.workspace("hostile")
        text = self.report("--format", "html", "--names", "all")
        path = self.tmp / "hostile.html"
        path.write_text(text)
        page = browser.open(path)
        keep_screenshot(page, "hostile-html")
        self.assertEqual(page.console_errors, [])
        self.assertEqual(page.requests, [path.resolve().as_uri()])
        self.assertEqual(page.evaluate(
            "document.querySelectorAll('script, img, iframe, object, embed, link, "
            "a:not([href^=\"#\"])').length"), 0)
        body = re.sub(r"\s+", " ", page.evaluate("document.body.textContent"))
        for hostile in test_report_safety.HOSTILE:
            self.assertIn(test_report_safety.one_line(hostile), body)
        page.close()


if __name__ == "__main__":
    unittest.main(verbosity=int(os.environ.get("SPARK_TEST_VERBOSITY", "1")))
