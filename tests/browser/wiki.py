"""A Markdown report as a wiki shows it: cmark-gfm (GitHub's Markdown, tables, safe mode: raw
HTML dropped) turned into a page that renders every Mermaid block with a local mermaid.js,
light or dark, and lists the Mermaid errors in `window.mermaidErrors`.

Mermaid comes from the npm packages that .ci/run installs into .cache/browser (mermaid11 and
mermaid9, see tests/browser/package.json); nothing is fetched at build or test time.
"""

import html
import os
import pathlib
import re
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
NODE_MODULES = pathlib.Path(os.environ.get("SPARK_BROWSER_DEPS", ROOT / ".cache" / "browser")) / "node_modules"

MERMAID = {
    "11": NODE_MODULES / "mermaid11" / "dist" / "mermaid.min.js",
    "9": NODE_MODULES / "mermaid9" / "dist" / "mermaid.min.js",
}


def cmark():
    return shutil.which("cmark-gfm")


def azure_to_fences(markdown):
    """Azure DevOps' `::: mermaid` blocks as fences, so cmark-gfm sees the same charts."""
    return re.sub(r"^::: mermaid\n(.*?)^:::\n", r"```mermaid\n\1```\n", markdown,
                  flags=re.S | re.M)


def markdown_to_html(markdown):
    return subprocess.run(
        [cmark(), "--extension", "table", "--extension", "strikethrough", "--extension",
         "autolink", "--extension", "tagfilter", "--to", "html"],
        input=azure_to_fences(markdown).encode(), capture_output=True, check=True,
    ).stdout.decode()


STYLE = """
body { font: 15px/1.5 "DejaVu Sans", sans-serif; max-width: 980px; margin: 1.5em auto;
       padding: 0 1em; color: #1f2328; background: #fff; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; }
pre { background: #f6f8fa; padding: 1em; }
body.dark { color: #e6edf3; background: #0d1117; }
body.dark th, body.dark td { border-color: #3d444d; }
body.dark pre { background: #161b22; }
.mermaid-chart { margin: 1em 0; }
"""

SCRIPT = """
window.mermaidDone = (async () => {
  const errors = [];
  mermaid.initialize({startOnLoad: false, theme: THEME, securityLevel: 'strict'});
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  let n = 0;
  for (const code of blocks) {
    const text = code.textContent;
    const chart = document.createElement('div');
    chart.className = 'mermaid-chart';
    code.parentElement.replaceWith(chart);
    const id = 'chart' + (n++);
    try {
      const out = mermaid.renderAsync ? await mermaid.renderAsync(id, text)
                                      : await mermaid.render(id, text);
      const svg = typeof out === 'string' ? out : out.svg;
      if (/Syntax error|Parse error/i.test(svg)) {
        errors.push(id + ': Mermaid drew an error: ' + text.split('\\n')[0]);
      }
      chart.innerHTML = svg;
    } catch (e) {
      errors.push(id + ': ' + (e && e.message ? e.message : String(e)) + '\\n' + text);
      const leftover = document.getElementById('d' + id);
      if (leftover) leftover.remove();
    }
  }
  window.mermaidErrors = errors;
  window.mermaidCharts = n;
  return errors;
})();
"""


def wiki_page(markdown, mermaid_js, dark=False, title="report"):
    """An HTML page (text) that shows the Markdown as a wiki would, with Mermaid charts."""
    body = markdown_to_html(markdown)
    theme = "'dark'" if dark else "'default'"
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style>"
        f"<script src=\"{pathlib.Path(mermaid_js).resolve().as_uri()}\"></script>"
        f"</head><body class=\"{'dark' if dark else 'light'}\">\n{body}\n"
        f"<script>const THEME = {theme};{SCRIPT}</script></body></html>\n"
    )


def render_charts(page, timeout=60):
    """Waits for the page's Mermaid run; returns (number of charts, errors)."""
    errors = page.evaluate("window.mermaidDone", timeout=timeout)
    return page.evaluate("window.mermaidCharts"), errors
