"""Text of word-processing files: DOCX with python-docx, ODT with odfpy."""

import io
import logging
from collections.abc import Iterable, Iterator

import docx
from django.utils.translation import gettext_lazy as _
from docx.table import Table
from docx.text.paragraph import Paragraph
from odf import opendocument
from odf.element import Element, Node
from odf.namespaces import OFFICENS, STYLENS, TABLENS, TEXTNS

from .base import ExtractionError, RawPages

logger = logging.getLogger(__name__)

CELL_SEPARATOR = " | "


# DOCX


def extract_docx(data: bytes) -> RawPages:
    """Paragraphs and tables in reading order (a table row per line, its cells joined
    with " | "), then the headers and footers; blocks are separated by a blank line."""
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [*_docx_blocks(document.iter_inner_content()), *_docx_margins(document)]
    except Exception as exc:  # python-docx, zipfile and lxml raise many kinds of errors
        logger.info("unreadable DOCX: %r", exc)
        raise ExtractionError(
            _("This Word document is damaged or is not a DOCX file, so its text cannot be read.")
        ) from exc
    return RawPages(pages=["\n\n".join(blocks)], method="docx", page_count=1)


def _docx_blocks(items: Iterable[Paragraph | Table]) -> Iterator[str]:
    for item in items:
        text = item.text if isinstance(item, Paragraph) else "\n".join(_docx_rows(item))
        if text.strip():
            yield text


def _docx_rows(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(" ".join(_docx_blocks(cell.iter_inner_content())).split()))
        if any(cells):
            yield CELL_SEPARATOR.join(cells)


def _docx_margins(document) -> Iterator[str]:
    """The text of each distinct header and footer, first-page and even-page ones too."""
    seen: set[str] = set()
    for section in document.sections:
        for part in (
            section.header, section.first_page_header, section.even_page_header,
            section.footer, section.first_page_footer, section.even_page_footer,
        ):  # fmt: skip
            if part.is_linked_to_previous:
                continue
            for block in _docx_blocks(part.iter_inner_content()):
                if block not in seen:
                    seen.add(block)
                    yield block


# ODT

_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
_TABLE = (TABLENS, "table")
_SKIPPED = {
    (OFFICENS, "annotation"),  # comments
    (TEXTNS, "note"),  # foot- and endnotes, gathered apart
    (TEXTNS, "table-of-content"),  # would repeat every heading
    (TEXTNS, "tracked-changes"),  # deleted text
}


def extract_odt(data: bytes) -> RawPages:
    """Headings, paragraphs, lists and tables (a row per line, cells joined with " | ")
    in reading order, then notes, headers and footers."""
    try:
        document = opendocument.load(io.BytesIO(data))
        blocks = list(_odt_blocks(document.body))
        notes = [
            text
            for note in _odt_find(document.body, (TEXTNS, "note-body"))
            for text in _odt_blocks(note)
        ]
        margins = [
            text
            for kind in ("header", "footer")
            for part in _odt_find(document.masterstyles, (STYLENS, kind))
            for text in _odt_blocks(part)
        ]
    except Exception as exc:  # zipfile, odfpy and the XML parser raise many kinds of errors
        logger.info("unreadable ODT: %r", exc)
        raise ExtractionError(
            _(
                "This OpenDocument text is damaged or is not an ODT file, so its text cannot be read."
            )
        ) from exc
    blocks += notes + list(dict.fromkeys(margins))
    return RawPages(pages=["\n\n".join(blocks)], method="odt", page_count=1)


def _odt_blocks(element: Element) -> Iterator[str]:
    for child in element.childNodes:
        if child.nodeType != Node.ELEMENT_NODE or child.qname in _SKIPPED:
            continue
        if child.qname in _PARAGRAPHS:
            text = _odt_inline(child)
            if text.strip():
                yield text
        elif child.qname == _TABLE:
            rows = list(_odt_rows(child))
            if rows:
                yield "\n".join(rows)
        else:  # lists, sections, frames, ...
            yield from _odt_blocks(child)


def _odt_rows(table: Element) -> Iterator[str]:
    for row in _odt_find(table, (TABLENS, "table-row")):
        cells = [
            " ".join(" ".join(_odt_blocks(cell)).split())
            for cell in row.childNodes
            if cell.nodeType == Node.ELEMENT_NODE and cell.qname == (TABLENS, "table-cell")
        ]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            yield CELL_SEPARATOR.join(cells)


def _odt_inline(element: Element) -> str:
    parts: list[str] = []
    for node in element.childNodes:
        if node.nodeType == Node.TEXT_NODE:
            parts.append(node.data)
        elif node.nodeType != Node.ELEMENT_NODE or node.qname in _SKIPPED:
            continue
        elif node.qname == (TEXTNS, "s"):
            parts.append(" " * _space_count(node))
        elif node.qname == (TEXTNS, "tab"):
            parts.append("\t")
        elif node.qname == (TEXTNS, "line-break"):
            parts.append("\n")
        else:  # spans, links, fields
            parts.append(_odt_inline(node))
    return "".join(parts)


def _space_count(node: Element) -> int:
    """The number of spaces a text:s stands for, kept small: the file sets it."""
    try:
        return max(1, min(int(node.getAttrNS(TEXTNS, "c") or 1), 100))
    except ValueError:
        return 1


def _odt_find(element: Element | None, qname: tuple[str, str]) -> Iterator[Element]:
    """Descendants of ``element`` named ``qname``, not looking inside the matches."""
    if element is None:
        return
    for child in element.childNodes:
        if child.nodeType != Node.ELEMENT_NODE:
            continue
        if child.qname == qname:
            yield child
        else:
            yield from _odt_find(child, qname)
