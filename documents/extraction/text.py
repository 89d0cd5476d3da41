"""Plain-text decoding and the normalisation every extracted text goes through."""

import codecs
import re
import unicodedata

from django.utils.translation import gettext

from .base import RawPages

# C0 controls except tab and newline, DEL, C1 controls, and stray byte-order marks.
_CONTROL = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)}
_CONTROL[0xFEFF] = None
_CONTROL[0x00AD] = None  # soft hyphen: invisible unless a line breaks there
# Line and page breaks that are not "\n" become one, so no line is glued to the next.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\v": "\n", "\f": "\n", "\u2028": "\n", "\u2029": "\n"})
# Horizontal spaces that collapse; the ideographic space (U+3000) belongs to CJK text and stays.
_SPACE_RUN = re.compile(r"[ \u00a0\u1680\u2000-\u200a\u202f\u205f]{2,}")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_BLANK_LINES = re.compile(r"\n{4,}")  # more than two blank lines
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")


def normalise(text: str) -> str:
    """Return ``text`` in NFC without control characters, soft hyphens, runs of spaces
    or more than two consecutive blank lines. Letters themselves are never changed."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = _SOFT_HYPHEN_BREAK.sub("", text)  # a word hyphenated at a line end is rejoined
    text = unicodedata.normalize("NFC", text).translate(_CONTROL)
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n\n", text)
    return text.strip()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bom(data: bytes) -> str | None:
    """Decode ``data`` by its byte-order mark, or return None when it has none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    return None


def decode_first(data: bytes, encodings: list[str | None]) -> tuple[str, str] | None:
    """Decode with the first of ``encodings`` that is known and fits every byte."""
    for encoding in encodings:
        if not encoding:
            continue
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: most characters of Latin text have a zero byte on one side."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode plain text: a BOM wins, then the declared charset, UTF-16 recognised by its
    zero bytes (which UTF-8 would accept), UTF-8, and last Windows-1252 or Latin-1, which cannot fail (with a warning)."""
    text = decode_bom(data)
    if text is not None:
        return text, []
    decoded = decode_first(data, [declared, _looks_utf16(data), "utf-8"])
    if decoded is not None:
        return decoded[0], []
    text, encoding = decode_first(data, ["cp1252", "latin-1"])  # latin-1 decodes anything
    warning = gettext(
        "The text is not valid UTF-8; it was read as %(encoding)s, so some letters may be wrong."
    ) % {"encoding": encoding}
    return text, [warning]


def extract_txt(data: bytes, charset: str | None = None) -> RawPages:
    """Read a plain-text file as one page."""
    text, warnings = decode_text(data, charset)
    return RawPages(pages=[text], method="txt", page_count=1, warnings=warnings)
