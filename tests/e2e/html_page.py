"""An HTML report page read back for tests (standard library only): its tags and attributes,
its sections, its tables as text, and all its text."""

import html.parser

# Everything spark's HTML report may contain; anything else came from somewhere it should not.
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "ol", "li", "a", "main",
    "section", "h1", "h2", "h3", "p", "strong", "em", "code", "ul", "div", "table", "thead",
    "tbody", "tr", "th", "td", "figure", "figcaption", "footer", "svg", "text", "line", "rect",
    "polyline", "circle", "path", "g",
}
ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "href", "id", "class", "aria-label",
    "viewbox", "width", "height", "role", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r",
    "rx", "d", "points", "text-anchor",
}
VOID = {"meta", "line", "rect", "polyline", "circle", "path"}


class Page(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = set()
        self.attributes = set()
        self.hrefs = []
        self.sections = []  # (id, heading)
        self.tables = []  # rows of cell texts
        self.text = []  # the body's text pieces
        self.title = ""
        self._stack = []
        self._cell = None
        self._heading = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        self.attributes.update(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "section":
            self.sections.append([attrs.get("id"), ""])
        elif tag == "h2" and self.sections:
            self._heading = ""
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ""
        if tag not in VOID:
            self._stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._stack.pop()

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(self._cell)
            self._cell = None
        elif tag == "h2" and self._heading is not None:
            self.sections[-1][1] = self._heading
            self._heading = None
        while self._stack:
            if self._stack.pop() == tag:
                break

    def handle_data(self, data):
        if "title" in self._stack and "svg" not in self._stack and "head" in self._stack:
            self.title += data
        if "style" in self._stack or "head" in self._stack:
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell += data
        if self._heading is not None:
            self._heading += data
