#!/usr/bin/env python3
"""Pictures of a report as readers see it, to look at while working on the report.

    screenshot.py REPORT.md OUT_PREFIX [--mermaid 11|9] [--width 1000] [--clip TOP:HEIGHT]
    screenshot.py REPORT.html OUT_PREFIX [--width 1000] [--pdf]

Writes OUT_PREFIX.light.png and OUT_PREFIX.dark.png (Markdown: as a wiki with Mermaid in its
light and dark theme; HTML: the page under prefers-color-scheme light and dark), and with
--pdf also OUT_PREFIX.pdf as printed to A4. Prints the Mermaid or console errors.
"""

import argparse
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import wiki  # noqa: E402
from chromium import Chromium  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("prefix")
    parser.add_argument("--mermaid", default="11", choices=sorted(wiki.MERMAID))
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--clip", help="TOP:HEIGHT, a band of the page in CSS pixels")
    args = parser.parse_args()
    report = pathlib.Path(args.report)
    status = 0
    with Chromium() as browser, tempfile.TemporaryDirectory() as tmp:
        for scheme in ("light", "dark"):
            if report.suffix == ".md":
                page_path = pathlib.Path(tmp) / f"{scheme}.html"
                page_path.write_text(wiki.wiki_page(report.read_text(), wiki.MERMAID[args.mermaid],
                                                    dark=scheme == "dark"))
                page = browser.open(page_path, width=args.width)
                charts, errors = wiki.render_charts(page)
                print(f"{scheme}: {charts} charts, errors: {errors}")
                status |= bool(errors)
            else:
                page = browser.open(report, width=args.width)
                page.color_scheme(scheme)
                errors = page.console_errors
                print(f"{scheme}: console errors: {errors}")
                if args.pdf and scheme == "light":
                    page.print_pdf(f"{args.prefix}.pdf")
            clip = tuple(int(n) for n in args.clip.split(":")) if args.clip else None
            page.screenshot(f"{args.prefix}.{scheme}.png", width=args.width, clip=clip)
            page.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
