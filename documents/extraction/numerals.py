"""Numbers written as Roman numerals, Chinese numerals and Arabic, French or Spanish
ordinal words, turned into integers for section anchors."""

import re
import unicodedata

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(numeral: str) -> int | None:
    """The value of an upper-case Roman numeral, or None if it is not a valid one."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


_CHINESE_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
CHINESE_NUMERAL_CHARS = "".join([*_CHINESE_DIGITS, *_CHINESE_UNITS])


def chinese_to_int(numeral: str) -> int | None:
    """The value of a Chinese numeral such as 十二, 一百零五 or 二〇二四, or of digits."""
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(c not in _CHINESE_DIGITS and c not in _CHINESE_UNITS for c in numeral):
        return None
    if all(c in _CHINESE_DIGITS for c in numeral):  # positional, like 二〇二四
        return int("".join(str(_CHINESE_DIGITS[c]) for c in numeral))
    total, section, digit = 0, 0, None
    for char in numeral:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        elif char == "万":
            total += (section + (digit or 0)) * 10_000
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * _CHINESE_UNITS[char]  # 十 alone is 10
            digit = None
    return total + section + (digit or 0)


_ARABIC_FOLDS = str.maketrans({
    "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER TEH MARBUTA}": "\N{ARABIC LETTER HEH}",
})  # fmt: skip


def _fold_arabic(word: str) -> str:
    """Spelling variants folded: hamza on alef, ta marbuta, alef maqsura, diacritics, tatweel."""
    word = "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")
    return word.translate(_ARABIC_FOLDS)


def _arabic_table(words: dict[int, str]) -> dict[str, int]:
    return {_fold_arabic(w): n for n, spellings in words.items() for w in spellings.split()}


# Masculine and feminine ordinals ("الفصل الأول", "المادة الأولى"); the first also
# in its compound form (الحادي عشر, الحادية والعشرون).
_ARABIC_UNITS = _arabic_table({
    1: "الأول الأولى الحادي الحادية", 2: "الثاني الثانية", 3: "الثالث الثالثة",
    4: "الرابع الرابعة", 5: "الخامس الخامسة", 6: "السادس السادسة", 7: "السابع السابعة",
    8: "الثامن الثامنة", 9: "التاسع التاسعة", 10: "العاشر العاشرة",
})  # fmt: skip
_ARABIC_TENS = _arabic_table({
    20: "العشرون العشرين", 30: "الثلاثون الثلاثين", 40: "الأربعون الأربعين",
    50: "الخمسون الخمسين", 60: "الستون الستين", 70: "السبعون السبعين",
    80: "الثمانون الثمانين", 90: "التسعون التسعين", 100: "المائة المئة",
})  # fmt: skip
_ARABIC_TEEN = {_fold_arabic("عشر"), _fold_arabic("عشرة")}
_ARABIC_AFTER = _fold_arabic("بعد")


def arabic_ordinal(words: list[str]) -> tuple[int, int] | None:
    """Read an Arabic ordinal at the start of ``words``: (value, number of words used),
    or None. Handles 1-10, the teens (الثالثة عشرة), tens with units (الحادية والعشرون)
    and "... بعد المائة" up to 199."""
    folded = [_fold_arabic(w) for w in words[:5]]
    if not folded:
        return None
    first = folded[0]
    if first in _ARABIC_TENS:
        value, used = _ARABIC_TENS[first], 1
    elif first in _ARABIC_UNITS:
        value, used = _ARABIC_UNITS[first], 1
        following = folded[1] if len(folded) > 1 else ""
        if following in _ARABIC_TEEN and value < 10:
            value, used = 10 + value, 2
        elif following.startswith("و") and following[1:] in _ARABIC_TENS and value < 10:
            value, used = value + _ARABIC_TENS[following[1:]], 2
    else:
        return None
    if folded[used : used + 2] == [_ARABIC_AFTER, _fold_arabic("المائة")] and value < 100:
        value, used = value + 100, used + 2
    return value, used


def _fold_latin(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


_LATIN_ORDINALS = {
    _fold_latin(w): n
    for n, spellings in {
        1: "premier première primero primera", 2: "segundo segunda", 3: "tercero tercera",
        4: "cuarto cuarta", 5: "quinto quinta", 6: "sexto sexta", 7: "séptimo séptima",
        8: "octavo octava", 9: "noveno novena", 10: "décimo décima",
        11: "undécimo undécima decimoprimero decimoprimera",
        12: "duodécimo duodécima decimosegundo decimosegunda",
    }.items()
    for w in spellings.split()
}  # fmt: skip
LATIN_ORDINAL_WORDS = sorted(_LATIN_ORDINALS, key=len, reverse=True)


def latin_ordinal(word: str) -> int | None:
    """The value of a French or Spanish ordinal word ("premier", "segunda"), or None."""
    return _LATIN_ORDINALS.get(_fold_latin(word))


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens: "Única" gives "unica"."""
    ascii_text = _fold_latin(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
