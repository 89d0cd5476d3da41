"""Small files of each supported format, built in memory for the extraction tests."""

import io

import docx
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, List, ListItem, P, S, Span

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


def _pdf_string(line: str) -> bytes:
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def _content(lines: list[str]) -> bytes:
    shown = b" T* ".join(_pdf_string(line) + b" Tj" for line in lines)
    return b"BT /F1 12 Tf 14 TL 72 720 Td " + shown + b" ET"


def make_pdf(
    pages: list[list[str] | None], *, raw_contents: dict[int, bytes] | None = None
) -> bytes:
    """A valid PDF whose pages show ``pages`` (lines of Latin-1 text in Helvetica); a
    page given as None has no text layer. ``raw_contents`` replaces a page's content
    stream object (index: bytes of the whole object body) to make it damaged."""
    raw_contents = raw_contents or {}
    objects: list[bytes] = [b"", b"", b""]  # catalog, page tree, font: filled below
    kids = []
    for index, lines in enumerate(pages):
        content_number = len(objects) + 2
        page_number = len(objects) + 1
        kids.append(f"{page_number} 0 R".encode())
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents "
            + f"{content_number} 0 R".encode()
            + b" >>"
        )
        if index in raw_contents:
            objects.append(raw_contents[index])
        else:
            stream = _content(lines) if lines else b""
            objects.append(
                f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
            )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + f"] /Count {len(kids)} >>".encode()
    objects[2] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def make_docx(
    paragraphs: list[str],
    *,
    table: list[list[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    """A DOCX with ``paragraphs``, then ``table`` (rows of cells), header and footer."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        document.add_paragraph("After the table.")
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_odt(heading: str, paragraphs: list[str], *, table: list[list[str]] | None = None) -> bytes:
    """An ODT with a heading, paragraphs (the first split into spans with a run of
    spaces), a list of the paragraphs' first words, and ``table``."""
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    first, *others = paragraphs
    styled = P()
    words = first.split(" ", 1)
    styled.addElement(Span(text=words[0]))
    styled.addElement(S(c=3))
    styled.addElement(Span(text=words[1] if len(words) > 1 else ""))
    document.text.addElement(styled)
    for text in others:
        document.text.addElement(P(text=text))
    items = List()
    for text in paragraphs:
        item = ListItem()
        item.addElement(P(text="• " + text.split(" ")[0]))
        items.addElement(item)
    document.text.addElement(items)
    if table:
        grid = Table(name="Table1")
        grid.addElement(TableColumn(numbercolumnsrepeated=len(table[0])))
        for cells in table:
            row = TableRow()
            for text in cells:
                cell = TableCell()
                cell.addElement(P(text=text))
                row.addElement(cell)
            grid.addElement(row)
        document.text.addElement(grid)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
