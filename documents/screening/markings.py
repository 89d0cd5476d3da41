"""Security classification markings in the six UN languages, found in the extracted text.

A marking counts only as a banner: a line that is the marking and nothing else, once
decorations, caveats ("SECRET//NOFORN"), a label ("Classification:", "Гриф:", "密级：") and a
page number are set aside. In Latin and Cyrillic scripts the line must be in capitals, or in
the header or footer of the page (its first or last three lines) and start with a capital;
"the confidential nature of the data" or "секретно" inside a sentence never count.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from documents.screening.findings import HOLD, Finding, excerpt, interpolate_lazy

MARKINGS = (
    # English
    "TOP SECRET",
    "SECRET",
    "CONFIDENTIAL",
    "RESTRICTED",
    "FOR OFFICIAL USE ONLY",
    # French
    "TRÈS SECRET",
    "TRÈS SECRET DÉFENSE",
    "SECRET DÉFENSE",
    "CONFIDENTIEL DÉFENSE",
    "DIFFUSION RESTREINTE",
    "SECRET SPÉCIAL",
    "RESTREINT UE",
    # Russian
    "СОВЕРШЕННО СЕКРЕТНО",
    "СЕКРЕТНО",
    "ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ",
    "ДСП",
    # Chinese
    "绝密",
    "机密",
    "秘密",
    "内部",
    # Arabic
    "سري للغاية",
    "سري جدا",
    "سري",
    "مقيد",
    # Spanish
    "ALTO SECRETO",
    "SECRETO",
    "CONFIDENCIAL",
    "RESERVADO",
    "DIFUSIÓN LIMITADA",
)
# Abbreviations that are also ordinary words ("ДСП" is particle board): the line itself only.
STANDALONE_ONLY = {"ДСП"}
# Caseless words common enough in ordinary text ("internal", "restricted") to count only in
# the header or footer of a page.
MARGIN_ONLY = {"内部", "مقيد"}
HEADER_LINES = 3
MAX_LINE = 120

# Caveats, separators of header cells and decorations split a line into segments.
_SEGMENTS = re.compile(r"//+|\s*[|｜]\s*|\s[-‐–—]+\s|[★☆]|\t|\s{3,}")
_LABEL = re.compile(
    r"^(?:(?:security\s+)?classification(?:\s+de\s+s[ée]curit[ée])?|classified|marking"
    r"|grif|гриф(?:\s+секретности)?|clasificaci[óo]n|distr(?:ibution)?\.?"
    r"|密级|التصنيف|درجة\s+السرية)\s*:\s*",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|pág\.?|página|стр\.?|страница|صفحة)?\s*\d+(?:\s*(?:/|of|de|sur|из|من)\s*\d+)?\s+"
    r"|\s+(?:page|p\.|pág\.?|página|стр\.?|страница|صفحة)?\s*\d+(?:\s*(?:/|of|de|sur|из|من)\s*\d+)?$",
    re.IGNORECASE,
)
_QUALIFIER_PREFIX = re.compile(r"^(?:NATO|OTAN|COSMIC|EU)\s+", re.IGNORECASE)
_QUALIFIER_SUFFIX = re.compile(r"\s*/\s*(?:EU|UE)\s.*$|\s+(?:UE|EU)$", re.IGNORECASE)
_INNER_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_·•*.]+")
_ARABIC_FORMS = str.maketrans({"ى": "ي", "ی": "ي", "أ": "ا", "إ": "ا", "آ": "ا", "ـ": None})
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# A word every marking contains (Arabic also reversed): lines without one are skipped at once.
_MARKING_WORD = re.compile(
    r"secret|confiden|restr|official|reservad|difusi|секрет|служеб|дсп|绝密|机密|秘密|内部"
    r"|س\W?ر|ر\W?س|مقيد|ديقم"
)


def _key(text: str) -> str:
    """`text` compared loosely: no accents or harakat, one Arabic spelling, any case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.translate(_ARABIC_FORMS).casefold()
    return _INNER_SEPARATORS.sub(" ", text).strip()


_BY_KEY = {_key(marking): marking for marking in MARKINGS}


@dataclass(frozen=True)
class _Match:
    marking: str
    case: str  # "caseless" (Chinese, Arabic), "upper", "capitalised" or "lower"


def find_markings(pages: list[str]) -> list[Finding]:
    """One finding per marking found, at the first page where it stands as a banner."""
    found: dict[str, list[tuple[int, str]]] = {}
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines()]
        lines = [line for line in lines if line]
        for index, line in enumerate(lines):
            match = match_line(line)
            if match is None:
                continue
            in_margin = index < HEADER_LINES or index >= len(lines) - HEADER_LINES
            anywhere = match.case == "upper" or (
                match.case == "caseless" and match.marking not in MARGIN_ONLY
            )
            if anywhere or (in_margin and match.case in ("capitalised", "caseless")):
                found.setdefault(match.marking, []).append((number, line))
    return [_finding(marking, places) for marking, places in found.items()]


def match_line(line: str) -> _Match | None:
    """The marking that `line` consists of, if any."""
    if len(line) > MAX_LINE:
        return None
    line = unicodedata.normalize("NFKC", line).strip()
    if not line or not _MARKING_WORD.search(line.casefold()):
        return None
    whole = _match_segment(line)
    if whole is not None:
        return whole
    for segment in _SEGMENTS.split(line):
        match = _match_segment(segment)
        if match is not None and match.marking not in STANDALONE_ONLY:
            return match
    return None


def _match_segment(segment: str) -> _Match | None:
    core = _strip_edges(_LABEL.sub("", _strip_edges(segment), count=1))
    plain = core == segment.strip() or _LABEL.match(_strip_edges(segment)) is not None
    numbered = _strip_edges(_PAGE_NUMBER.sub("", core))
    if numbered != core:
        core, plain = numbered, False
    if not core:
        return None
    for candidate in _candidates(core):
        marking = _BY_KEY.get(_key(candidate))
        if marking is None:
            continue
        if marking in STANDALONE_ONLY and not (plain and candidate == core):
            return None
        return _Match(marking, _case(candidate))
    return None


def _candidates(core: str) -> list[str]:
    """`core`, without NATO/EU qualifiers, and Arabic read in reverse (PDFs often store it
    in visual order)."""
    candidates = [core]
    unqualified = _QUALIFIER_SUFFIX.sub("", _QUALIFIER_PREFIX.sub("", core)).strip()
    if unqualified != core:
        candidates += [_QUALIFIER_SUFFIX.sub("", core).strip(), unqualified]
    if _ARABIC.search(core):
        candidates += [core[::-1], " ".join(reversed(core.split()))]
    return candidates


def _strip_edges(text: str) -> str:
    """`text` without the punctuation, symbols and spaces around it."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _case(text: str) -> str:
    cased = [char for char in text if char.lower() != char.upper()]
    if not cased:
        return "caseless"
    if all(char.isupper() for char in cased):
        return "upper"
    return "capitalised" if cased[0].isupper() else "lower"


def _finding(marking: str, places: list[tuple[int, str]]) -> Finding:
    page, line = places[0]
    message = interpolate_lazy(
        _(
            "The document is marked %(marking)s (page %(page)s). Only unclassified, non-sensitive "
            "documents can be published: a moderator will check it."
        ),
        {"marking": marking, "page": page},
    )
    detail = {
        "marking": marking,
        "count": len(places),
        "pages": sorted({number for number, _line in places})[:50],
    }
    return Finding(
        "classification_marking", HOLD, message, page=page, excerpt=excerpt(line), detail=detail
    )
