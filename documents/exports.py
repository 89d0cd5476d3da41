"""Exports of a list of documents: CSV and XLSX of the records, a ZIP of the files for offline reading.

Callers pass documents already filtered by documents.selectors, so exports show only what the
reader may read; files come through selectors.file_for_download for the same reason.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator

from openpyxl import Workbook

from documents.languages import language_name
from documents.models import Document

COLUMNS = [
    ("identifier", lambda d, r: str(d.uid)),
    ("external_id", lambda d, r: d.external_id or ""),
    ("title", lambda d, r: r.title),
    ("title_in_reader_language", lambda d, r: r.display_title()),
    ("type", lambda d, r: str(r.get_doc_type_display())),
    ("jurisdiction", lambda d, r: r.jurisdiction.code),
    ("jurisdiction_name", lambda d, r: r.jurisdiction.name),
    ("official_number", lambda d, r: r.official_number),
    ("adopted", lambda d, r: r.date_adopted.isoformat() if r.date_adopted else ""),
    ("entry_into_force", lambda d, r: r.date_in_force.isoformat() if r.date_in_force else ""),
    ("legal_status", lambda d, r: str(r.get_legal_status_display())),
    ("language", lambda d, r: r.language),
    ("language_name", lambda d, r: language_name(r.language)),
    ("access", lambda d, r: str(r.get_access_level_display())),
    ("contributed_by", lambda d, r: d.organization.name),
    ("version", lambda d, r: str(r.number)),
    ("source_url", lambda d, r: r.source_url),
    ("licence", lambda d, r: r.licence),
]


def _rows(documents: Iterable[Document]) -> Iterator[list[str]]:
    for document in documents:
        revision = document.published_revision
        yield [getter(document, revision) for _name, getter in COLUMNS]


def _safe(value: str) -> str:
    # Spreadsheet formula injection: a cell must never start a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _Echo:
    def write(self, value):
        return value


def csv_stream(documents: Iterable[Document]) -> Iterator[str]:
    """CSV lines (UTF-8 with a BOM so spreadsheet programs read Arabic and Chinese right)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([name for name, _getter in COLUMNS])
    for row in _rows(documents):
        yield writer.writerow([_safe(value) for value in row])


def xlsx_bytes(documents: Iterable[Document]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("SecBio")
    sheet.append([name for name, _getter in COLUMNS])
    for row in _rows(documents):
        sheet.append([_safe(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_write(target, documents: Iterable[Document], readable_file) -> None:
    """A ZIP with metadata.json, metadata.csv and each document's files in its own folder.

    `readable_file(file)` returns the file when the reader may download it, else None.
    """
    records = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            revision = document.published_revision
            folder = f"{document.uid}"
            record = dict(
                zip([name for name, _getter in COLUMNS], next(_rows([document])), strict=True)
            )
            record["files"] = []
            for file in revision.files.all():
                if readable_file(file) is None:
                    continue
                name = f"{folder}/{file.original_name}"
                with file.file.open("rb") as handle:
                    archive.writestr(name, handle.read())
                record["files"].append(name)
            records.append(record)
        archive.writestr("metadata.json", json.dumps(records, ensure_ascii=False, indent=2))
        archive.writestr("metadata.csv", "".join(csv_stream(documents)))
