"""Text of HTML pages with lxml: navigation, scripts and styles dropped, blocks kept as
lines, table rows as cells joined with " | "."""

import re

from django.utils.translation import gettext_lazy as _
from lxml import etree
from lxml import html as lxml_html

from .base import ExtractionError, RawPages
from .text import decode_bom, decode_first

_DROPPED = {
    "script", "style", "nav", "noscript", "template", "head",
    "iframe", "object", "embed", "svg", "math", "button", "select", "datalist", "dialog",
}  # fmt: skip
# The page's banner and footer; inside an article or section they hold its title or notes.
_PAGE_MARGINS = {"header", "footer"}
_CONTENT = {"article", "section", "main"}
# Blocks separated by a blank line, and blocks that only start a new line.
_PARAGRAPHS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
    "dl", "section", "article", "main", "aside", "figure", "address", "hr", "form",
    "fieldset", "details", "body",
}  # fmt: skip
_LINES = {"div", "li", "dt", "dd", "caption", "figcaption", "summary", "legend", "center"}
_CELLS = {"td", "th"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode with the BOM, else the first that fits every byte of: the charset the
    upload declared, the page's meta charset, UTF-8, Windows-1252, and last Latin-1."""
    text = decode_bom(data)
    if text is not None:
        return text
    meta = _META_CHARSET.search(data[:8192])
    candidates = [declared, meta.group(1).decode("ascii") if meta else None]
    decoded = decode_first(data, [*candidates, "utf-8", "cp1252"])
    return decoded[0] if decoded else data.decode("latin-1")  # latin-1 decodes every byte


def extract_html(data: bytes, charset: str | None = None) -> RawPages:
    """The visible text of an HTML page as one page."""
    source = _XML_DECLARATION.sub("", decode_html(data, charset), count=1)
    if not source.strip():
        return RawPages(pages=[""], method="html", page_count=1)
    try:
        root = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(_("This HTML page could not be read.")) from exc
    return RawPages(pages=[_visible_text(root)], method="html", page_count=1)


class _Writer:
    """Collects text into nested buffers: the page, then each table cell being read.
    Line breaks between blocks are held back and merged, so that nested blocks give one
    blank line, not several; inside a cell they become spaces."""

    def __init__(self) -> None:
        self.buffers: list[list[str]] = [[]]
        self.rows: list[list[str]] = []
        self.pending = 0  # newlines owed before the next text of the page
        self.preformatted = 0

    def write(self, text: str | None) -> None:
        if not text:
            return
        if not self.preformatted:
            text = _WHITESPACE.sub(" ", text)
            if text == " " and self.pending and len(self.buffers) == 1:
                return  # white space between blocks
        self._flush()
        self.buffers[-1].append(text)

    def write_break(self, newlines: int) -> None:
        if len(self.buffers) > 1:
            self.buffers[-1].append(" ")
        else:
            self.pending = max(self.pending, newlines)

    def _flush(self) -> None:
        if self.pending and len(self.buffers) == 1:
            self.buffers[0].append("\n" * self.pending)
            self.pending = 0

    def start(self, tag: str) -> None:
        if tag == "pre":
            self.preformatted += 1
        if tag == "tr":
            self.rows.append([])
        elif tag in _CELLS:
            self.buffers.append([])
        elif tag == "br":
            self._flush()
            self.buffers[-1].append("\n" if len(self.buffers) == 1 else " ")
        elif tag in _PARAGRAPHS:
            self.write_break(2)
        elif tag in _LINES:
            self.write_break(1)

    def end(self, tag: str) -> None:
        if tag == "pre":
            self.preformatted -= 1
        if tag in _CELLS and len(self.buffers) > 1:
            cell = " ".join("".join(self.buffers.pop()).split())
            if self.rows:
                self.rows[-1].append(cell)
            else:  # a cell outside any row
                self.write(cell + " ")
        elif tag == "tr" and self.rows:
            cells = self.rows.pop()
            if any(cells):
                self.write_break(1)
                self.write(" | ".join(cells))
                self.write_break(1)
        elif tag in _PARAGRAPHS:
            self.write_break(2)
        elif tag in _LINES:
            self.write_break(1)

    def text(self) -> str:
        text = "".join(self.buffers[0])
        return re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()


def _visible_text(root) -> str:
    writer = _Writer()
    skipping = 0  # depth inside a dropped element
    content = 0  # depth inside article, section or main, whose headers are their titles
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""  # comments have no name
        dropped = (
            tag in _DROPPED
            or (tag in _PAGE_MARGINS and not content)
            or element.get("hidden") is not None
        )
        if event == "start":
            content += tag in _CONTENT
            if dropped:
                skipping += 1
            if not skipping and tag:
                writer.start(tag)
                writer.write(element.text)
        else:
            if not skipping and tag:
                writer.end(tag)
            if dropped:
                skipping -= 1
            content -= tag in _CONTENT
            if not skipping:
                writer.write(element.tail)
    return writer.text()
