"""HTML pages saved from a council site -> plain text, with the standard library's parser.

Scripts, styles and comments go; block elements end a line; table cells are separated by
a tab so run-together cells stay apart (``Drucksache-Art:\tAntrag\tBeschluss``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "form",
        "blockquote",
        "pre",
        "dl",
        "dt",
        "dd",
        "hr",
        "main",
        "aside",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "address",
        "fieldset",
        "figure",
        "figcaption",
        "body",
        "html",
        "title",
    }
)
_CELL = frozenset({"td", "th"})
_PARAGRAPH = frozenset({"p", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "section"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_pre = 0
        self.row_has_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
            return
        if tag == "pre":
            self.in_pre += 1
        if tag in _CELL:
            if self.row_has_cell:
                self.parts.append("\t")
            self.row_has_cell = True
        elif tag in _BLOCK:
            self._newline(tag)
        if tag == "tr":
            self.row_has_cell = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        if tag in _BLOCK:
            self._newline(tag)
        if tag == "tr":
            self.row_has_cell = False

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if not self.in_pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        self.parts.append(data)

    def _newline(self, tag: str) -> None:
        self.parts.append("\n\n" if tag in _PARAGRAPH else "\n")


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block per line, cells split by tabs."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.parts)
    lines = [re.sub(r" *\t *", "\t", line).strip(" ") for line in text.split("\n")]
    text = "\n".join(line.strip("\t") if not line.strip(" \t\u00a0") else line for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag (or an XML declaration), if any."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or re.search(rb"""<\?xml[^>]+encoding=["']([\w.-]+)""", head)
    return m.group(1).decode("ascii").lower() if m else None


def looks_like_html(data: bytes) -> bool:
    """True when the start of ``data`` is an HTML document or fragment."""
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or bool(
        re.search(rb"<(?:html|body|head|table|div|p)[\s>]", head)
    )
