"""A table of contents for legal texts: headings such as "Article 12", "CHAPITRE II",
"Статья 353", "第十二条" or "المادة الأولى" found at the start of a line."""

import re
from dataclasses import dataclass

from .numerals import (
    CHINESE_NUMERAL_CHARS,
    LATIN_ORDINAL_WORDS,
    arabic_ordinal,
    chinese_to_int,
    latin_ordinal,
    roman_to_int,
    slug,
)


@dataclass(frozen=True)
class Section:
    """A heading of ``text``: ``text[start:end]`` runs from its line to the next heading.

    ``level`` is 1 for the highest kind of heading found in this text (part, annex,
    title, chapter, section, in that order) and largest for articles. ``anchor`` is a
    slug such as "art-12" or "chap-2", unique within the text.
    """

    title: str
    anchor: str
    level: int
    start: int
    end: int


# kind: (rank, anchor prefix); a lower rank is a higher level.
_KINDS = {
    "part": (0, "part"),
    "annex": (0, "annex"),
    "appendix": (0, "app"),
    "schedule": (0, "sched"),
    "title": (1, "title"),
    "dispositions": (1, "disp"),
    "chapter": (2, "chap"),
    "section": (3, "sec"),
    "subsection": (4, "subsec"),
    "article": (5, "art"),
    "paragraph": (5, "sec"),  # "§ 175": the unit of the United States Code
    "disposition": (5, "disp"),
}
_ARTICLE_RANK = 5
_NUMBER_OPTIONAL = {"annex", "appendix", "schedule"}

_LATIN_MARKERS = {
    "article": r"articles?|art[ií]culos?|artigos?|arts?\.|статья|статьи",
    "section": r"section|secci[oó]n|sec\.",
    "subsection": r"sous-section|subsection|subsecci[oó]n",
    "chapter": r"chapter|chapitre|cap[ií]tulo|capltulo|глава",
    "title": r"title|titre|t[ií]tulo",
    "part": r"part|partie|parte|раздел|book|livre|libro",
    "annex": r"annex|annexe|anexo|приложение",
    "appendix": r"appendix|appendice|ap[eé]ndice",
    "schedule": r"schedule",
    "paragraph": r"§",
}
_HS = r"[^\S\n]"  # horizontal white space
_LINE_START = r"^[^\S\n]*+(?:#++[^\S\n]*+)?"  # indentation, Markdown heading marks
_WORDS = "|".join([*LATIN_ORDINAL_WORDS, "único", "única", "unico", "unica", "unique"])
_WORDS += "|preliminar|préliminaire|preliminary"
_NOT_LETTER = r"(?![^\W\d_])"
# Bounded repetitions keep numbers short enough for int() and the matching linear.
_NUM = r"\d{1,9}"
_PARTS = "{0,5}"
_PARTS_ROMAN = "{1,15}"
_LATIN = re.compile(
    rf"{_LINE_START}(?P<marker>(?i:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LATIN_MARKERS.items())
    + rf")){_NOT_LETTER}{_HS}*"
    rf"(?:(?:N|№|No\.|Nº|n°|nº){_HS}?(?=\d))?"  # "Приложение N 1", "Schedule No. 2"
    rf"(?:(?P<code>[LRDA]\.?{_HS}?\*?{_NUM}(?:[-.]{_NUM}){_PARTS})"
    rf"|(?P<num>{_NUM}(?:[._-]{_NUM}){_PARTS}(?:[a-z]{_NOT_LETTER})?)(?:°|º|\.?ª|\.º|er|re|ère|ème)?"
    rf"(?:{_HS}*(?:to|and|&|a|y|et|à|au|и|–|-){_HS}*(?P<num2>{_NUM}))?"
    rf"|(?P<roman>[IVXLCDM]{_PARTS_ROMAN})(?:er|re)?{_NOT_LETTER}"
    rf"|(?P<word>(?i:{_WORDS})){_NOT_LETTER}"
    rf"|(?P<letter>[A-Z]){_NOT_LETTER})?"
    rf"(?:(?:{_HS}|-){{0,3}}(?P<bis>bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies){_NOT_LETTER})?",
    re.MULTILINE,
)
_DISPOSITION = re.compile(
    rf"{_LINE_START}(?P<marker>(?i:disposici[oó]n(?P<plural>es)?))"
    rf"(?P<kinds>(?:{_HS}+(?i:(?:y{_HS}+)?(?:adicional|final|transitoria|derogatoria|complementaria)(?:e?s)?){_NOT_LETTER})+)"
    rf"(?:{_HS}+(?P<ordinal>(?i:{_WORDS}){_NOT_LETTER}|{_NUM}(?:°|º|\.?ª)?))?",
    re.MULTILINE,
)
_CHINESE_KINDS = {"编": "part", "章": "chapter", "节": "section", "条": "article"}
_CHINESE = re.compile(
    rf"{_LINE_START}(?:第{_HS}*(?P<zhnum>[\d{CHINESE_NUMERAL_CHARS}]{{1,12}}){_HS}*"
    rf"(?:[至和、到及-]{_HS}*(?P<zhnum2>[\d{CHINESE_NUMERAL_CHARS}]{{1,12}}){_HS}*)?"  # "第 7 至 10 条"
    r"(?P<zhkind>[编章节条])"
    rf"(?:之(?P<zhsub>[\d{CHINESE_NUMERAL_CHARS}]{{1,6}}))?"
    rf"|(?P<zhannex>附件|附录){_HS}*(?P<zhid>[\d一二三四五六七八九十]{{1,6}}|[A-Z])?)",
    re.MULTILINE,
)
_ARABIC_KINDS = {
    "المادة": "article", "مادة": "article", "الفصل": "chapter", "فصل": "chapter",
    "الباب": "part", "باب": "part", "الجزء": "part", "القسم": "section",
    "الملحق": "annex", "ملحق": "annex",
}  # fmt: skip
_ARABIC = re.compile(
    rf"{_LINE_START}(?P<armarker>{'|'.join(_ARABIC_KINDS)}){_NOT_LETTER}",
    re.MULTILINE,
)
_ARABIC_NUMBER = re.compile(r"\s*(?:رقم\s*)?[(\[]?\s*(\d{1,9})\s*[)\]]?")
_ARABIC_TOKEN = re.compile(r"[^\W\d_]+")
# Words that make "المادة الثالثة من ..." a reference rather than a heading.
_ARABIC_CONTINUATIONS = {"من", "في", "على", "إلى", "الى", "عن", "أو", "او", "و", "بشأن", "المشار"}

# A heading may go on after its number with a separator and a title ...
# Full-width and other dashes and punctuation on purpose: the texts are multilingual.
_SEPARATORS = ".:：-–—‒―)(（）|·/、．"
_SENTENCE_END = ".;:,?!。；：，？！،؛؟"
_MAX_TITLE = 120


@dataclass
class _Heading:
    kind: str
    number: str  # slug of the number, "" when the heading has none
    start: int  # start of the line
    line_end: int
    marker_end: int  # end of the marker and number within text
    title_line: tuple[int, int] | None = None  # another line naming it, when written twice


def _rest_is_title(rest: str, *, cased: bool) -> bool:
    """Whether what follows a marker and number on its line makes it a heading: nothing,
    a separator, or a title. A lower-case word ("Article 3 of the Convention") does not."""
    stripped = rest.lstrip()
    if not stripped or stripped[0] in _SEPARATORS:
        return True
    if len(stripped) == len(rest):  # glued to the number, like "Article 3of"
        return False
    first = stripped[0]
    if first.isdigit() or first == ",":
        return False
    if cased and first.islower():
        return False
    word = _ARABIC_TOKEN.match(stripped)
    return not (word and word.group() in _ARABIC_CONTINUATIONS)


def _digits(number: str) -> str:
    """ASCII digits for any script's digits ("١٢" gives "12"), other characters kept."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), number)


def _latin_heading(match: re.Match, text: str, line_end: int) -> _Heading | None:
    kind = next(k for k in _LATIN_MARKERS if match.group(k))
    marker = match.group("marker")
    if marker[0].isalpha() and not marker[0].isupper():
        return None  # "article 3 ..." on a wrapped line is a reference
    number = ""
    if match.group("code"):
        number = re.sub(r"[.\s*]", "", match.group("code")).lower()
    elif match.group("num"):
        number = slug(_digits(match.group("num")))
        if match.group("num2"):
            number += "-" + _digits(match.group("num2"))
    elif match.group("roman"):
        roman = match.group("roman")
        value = roman_to_int(roman)
        if value is None or (len(roman) == 1 and roman in "CDLM"):
            return None if len(roman) > 1 else _letter_heading(match, kind, text, line_end, roman)
        number = str(value)
    elif match.group("word"):
        value = latin_ordinal(match.group("word"))
        number = str(value) if value else slug(match.group("word"))
    elif match.group("letter"):
        number = match.group("letter").lower()
    elif kind not in _NUMBER_OPTIONAL:
        return None
    if match.group("bis"):
        number += "-" + match.group("bis").lower()
    if not _rest_is_title(text[match.end() : line_end], cased=True):
        return None
    return _Heading(kind, number, match.start(), line_end, match.end())


def _letter_heading(
    match: re.Match, kind: str, text: str, line_end: int, letter: str
) -> _Heading | None:
    """ "Annex C", "Section D": a letter that would otherwise read as a Roman numeral."""
    if not _rest_is_title(text[match.end() : line_end], cased=True):
        return None
    return _Heading(kind, letter.lower(), match.start(), line_end, match.end())


def _disposition_heading(match: re.Match, text: str, line_end: int) -> _Heading | None:
    if not match.group("marker")[0].isupper():
        return None
    if not _rest_is_title(text[match.end() : line_end], cased=True):
        return None
    words = [slug(w) for w in match.group("kinds").split() if w.lower() != "y"]
    ordinal = match.group("ordinal") or ""
    value = latin_ordinal(ordinal) if ordinal else None
    number = "-".join([*words, str(value) if value else slug(_digits(ordinal))]).strip("-")
    kind = "dispositions" if match.group("plural") else "disposition"
    return _Heading(kind, number, match.start(), line_end, match.end())


def _chinese_heading(match: re.Match, text: str, line_end: int) -> _Heading | None:
    if match.group("zhannex"):
        kind = "annex" if match.group("zhannex") == "附件" else "appendix"
        ident = match.group("zhid") or ""
        number = (
            str(chinese_to_int(ident))
            if ident and ident[0] not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            else ident.lower()
        )
    else:
        kind = _CHINESE_KINDS[match.group("zhkind")]
        value = chinese_to_int(_digits(match.group("zhnum")))
        if value is None:
            return None
        number = str(value)
        if match.group("zhnum2"):
            number += f"-{chinese_to_int(_digits(match.group('zhnum2')))}"
        if match.group("zhsub"):
            sub = chinese_to_int(_digits(match.group("zhsub")))
            number += f"-{sub}"
    rest = text[match.end() : line_end]
    # "第2条要求……" continues a sentence; a heading is followed by a space or punctuation.
    if rest and not (rest[0].isspace() or rest[0] in _SEPARATORS):
        return None
    return _Heading(kind, number, match.start(), line_end, match.end())


def _arabic_heading(match: re.Match, text: str, line_end: int) -> _Heading | None:
    kind = _ARABIC_KINDS[match.group("armarker")]
    after = match.end()
    number_match = _ARABIC_NUMBER.match(text, after, line_end)
    number = ""
    if number_match:
        number, after = str(int(number_match.group(1))), number_match.end()
    else:
        tokens = list(_ARABIC_TOKEN.finditer(text, after, min(line_end, after + 120)))
        ordinal = arabic_ordinal([t.group() for t in tokens])
        if ordinal:
            number, after = str(ordinal[0]), tokens[ordinal[1] - 1].end()
        elif kind not in _NUMBER_OPTIONAL:
            return None
    if not _rest_is_title(text[after:line_end], cased=False):
        return None
    return _Heading(kind, number, match.start(), line_end, after)


_PARSERS = ((_LATIN, _latin_heading), (_DISPOSITION, _disposition_heading),
            (_CHINESE, _chinese_heading), (_ARABIC, _arabic_heading))  # fmt: skip


def _find_headings(text: str) -> list[_Heading]:
    found: dict[int, _Heading] = {}
    for pattern, parse in _PARSERS:
        for match in pattern.finditer(text):
            if match.start() in found:
                continue
            line_end = text.find("\n", match.end())
            heading = parse(match, text, len(text) if line_end < 0 else line_end)
            if heading:
                found[heading.start] = heading
    headings: list[_Heading] = []
    for start in sorted(found):
        heading, previous = found[start], headings[-1] if headings else None
        # "المادة الأولى" then "مادة (1) : تعاريف": one heading written twice, whose
        # longer line becomes its title.
        if (
            previous
            and (previous.kind, previous.number) == (heading.kind, heading.number)
            and not text[previous.line_end : heading.start].strip()
        ):
            if heading.line_end - heading.start > previous.line_end - previous.start:
                previous.title_line = (heading.start, heading.line_end)
            continue
        headings.append(heading)
    return headings


def _title(heading: _Heading, text: str, end: int) -> str:
    """The heading's line; only its label when the line goes on with the article's text;
    the label and the next line when that line names it ("TITULO I" / "DISPOSICIONES
    GENERALES")."""
    line_start, line_end = heading.title_line or (heading.start, heading.line_end)
    line = " ".join(text[line_start:line_end].split()).lstrip("#").strip()
    label = " ".join(text[heading.start : heading.marker_end].split()).lstrip("#").strip()
    label = label.rstrip(_SEPARATORS + " ")
    is_article = _KINDS[heading.kind][0] == _ARTICLE_RANK
    run_in = is_article and not heading.title_line and text[heading.marker_end : line_end].strip()
    if len(line) > _MAX_TITLE or (run_in and label.startswith("第")):  # 第一条 and its text
        return label
    if line == label:
        first, _, more = text[line_end:end].strip().partition("\n")
        first = " ".join(first.split())
        # An article whose whole text is one short line has no title of its own.
        if first and _is_title_line(first) and (more.strip() or not is_article):
            return f"{label} — {first}"
    return line


def _is_title_line(line: str) -> bool:
    return (
        len(line) <= 100
        and line[-1] not in _SENTENCE_END
        and not line[0].isdigit()
        and line[0] not in "(-–—•*"
        and not line[0].islower()
    )


def split_sections(text: str) -> list[Section]:
    """The headings of ``text`` in order, or [] when it has fewer than two."""
    headings = _find_headings(text)
    if len(headings) < 2:
        return []
    ranks = sorted({_KINDS[h.kind][0] for h in headings})
    sections: list[Section] = []
    anchors: set[str] = set()
    suffixes: dict[str, int] = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        rank, prefix = _KINDS[heading.kind]
        anchor = f"{prefix}-{heading.number}" if heading.number else prefix
        unique = anchor
        while unique in anchors:  # "art-1-2" may itself be taken, by "Article 1-2"
            suffixes[anchor] = suffixes.get(anchor, 1) + 1
            unique = f"{anchor}-{suffixes[anchor]}"
        anchors.add(unique)
        title = _title(heading, text, end)
        sections.append(Section(title, unique, ranks.index(rank) + 1, heading.start, end))
    return sections
