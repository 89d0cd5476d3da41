"""Limits on ZIP containers (DOCX and ODT are ZIPs), read from their directories only.

Nothing is decompressed except the first bytes of members, to find ZIPs nested inside, and
those nested ZIPs' own directories.
"""

import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from documents.screening.filetype import ZIP_ERRORS, ZIP_SIGNATURES
from documents.screening.findings import REFUSE, Finding, file_size_lazy, interpolate_lazy, limit

# Below this, a high ratio cannot hurt: a 10 KB file that unpacks to 2 MB is no bomb.
RATIO_FLOOR = 1024 * 1024
MAX_DEPTH = 3
# An honest directory entry rarely takes more; a bigger directory hides entries we would
# otherwise have to load one by one.
DIRECTORY_BYTES_PER_ENTRY = 1024
_MIN_ZIP = 22
_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


@dataclass
class _Totals:
    entries: int = 0
    uncompressed: int = 0


def screen_archive(file: BinaryIO, *, size: int) -> list[Finding]:
    """Refuse a ZIP with too many entries or that unpacks far beyond its size (a ZIP bomb)."""
    max_entries = limit("SECBIO_ARCHIVE_MAX_ENTRIES")
    directory = _directory_summary(file, size)
    if directory and (
        directory[0] > max_entries or directory[1] > max_entries * DIRECTORY_BYTES_PER_ENTRY
    ):
        return [_too_many(directory[0], max_entries)]
    totals = _Totals()
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            _measure(archive, totals, depth=0)
    except ZIP_ERRORS:
        pass  # an unreadable ZIP is for the format checks to report
    if totals.entries > max_entries:
        return [_too_many(totals.entries, max_entries)]
    max_uncompressed = limit("SECBIO_ARCHIVE_MAX_UNCOMPRESSED")
    max_ratio = limit("SECBIO_ARCHIVE_MAX_RATIO")
    ratio = totals.uncompressed / max(size, 1)
    if totals.uncompressed > max_uncompressed or (
        totals.uncompressed > RATIO_FLOOR and ratio > max_ratio
    ):
        message = interpolate_lazy(
            _(
                "The file would unpack to %(uncompressed)s, %(ratio)s times its size: it looks "
                "like a ZIP bomb. Upload the document saved again by your word processor."
            ),
            {"uncompressed": file_size_lazy(totals.uncompressed), "ratio": round(ratio)},
        )
        detail = {
            "uncompressed": totals.uncompressed,
            "compressed": size,
            "ratio": round(ratio, 1),
            "max_ratio": max_ratio,
            "max_uncompressed": max_uncompressed,
        }
        return [Finding("archive_ratio", REFUSE, message, detail=detail)]
    return []


def _too_many(entries: int, max_entries: int) -> Finding:
    message = interpolate_lazy(
        _(
            "The file holds %(entries)s packed parts; at most %(max)s are allowed. "
            "Upload the document saved again by your word processor."
        ),
        {"entries": entries, "max": max_entries},
    )
    detail = {"entries": entries, "max_entries": max_entries}
    return Finding("archive_entries", REFUSE, message, detail=detail)


def _measure(archive: zipfile.ZipFile, totals: _Totals, *, depth: int) -> None:
    """Add up entries and declared sizes, nested ZIPs included; stop once over a limit."""
    max_entries = limit("SECBIO_ARCHIVE_MAX_ENTRIES")
    max_uncompressed = limit("SECBIO_ARCHIVE_MAX_UNCOMPRESSED")
    for info in archive.infolist():
        totals.entries += 1
        totals.uncompressed += info.file_size
        if totals.entries > max_entries or totals.uncompressed > max_uncompressed:
            return
        if depth < MAX_DEPTH and info.file_size >= _MIN_ZIP and not info.is_dir():
            try:
                with archive.open(info) as member:
                    if not member.read(4).startswith(ZIP_SIGNATURES):
                        continue
                    member.seek(0)
                    with zipfile.ZipFile(member) as nested:
                        _measure(nested, totals, depth=depth + 1)
            except ZIP_ERRORS:
                continue  # an encrypted or damaged member: its declared size is counted
        if totals.entries > max_entries or totals.uncompressed > max_uncompressed:
            return


def _directory_summary(file: BinaryIO, size: int) -> tuple[int, int] | None:
    """(entries, directory bytes) from the end-of-directory record, before anything is loaded.

    zipfile builds an object per entry, so a directory of a million entries must be refused
    from these two numbers. None when the record is missing (the ZIP is damaged).
    """
    tail_size = min(size, _EOCD.size + 65535)
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or position + _EOCD.size > len(tail):
        return None
    fields = _EOCD.unpack_from(tail, position)
    entries, directory_size = fields[4], fields[5]
    if entries == 0xFFFF or directory_size == 0xFFFFFFFF:
        locator_at = position - _ZIP64_LOCATOR.size
        if locator_at < 0:
            return entries, directory_size
        signature, _disk, record_at, _disks = _ZIP64_LOCATOR.unpack_from(tail, locator_at)
        if signature != b"PK\x06\x07" or record_at + _ZIP64_EOCD.size > size:
            return entries, directory_size
        file.seek(record_at)
        record = file.read(_ZIP64_EOCD.size)
        if len(record) == _ZIP64_EOCD.size and record.startswith(b"PK\x06\x06"):
            zip64 = _ZIP64_EOCD.unpack(record)
            entries, directory_size = zip64[7], zip64[8]
    return entries, directory_size
