"""Language-aware analysis, the same for indexing and for queries on every backend.

Text becomes a string of normalised tokens: accents and Arabic diacritics and letter variants
folded, Snowball stems for Arabic, English, French, Russian and Spanish, jieba words for Chinese.
The backends then only split on spaces, so SQLite FTS5 and PostgreSQL see the same terms.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

STEMMERS = {"ar": "arabic", "en": "english", "fr": "french", "ru": "russian", "es": "spanish"}
_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TOKEN = re.compile(r"\w+", re.UNICODE)


@cache
def _stemmer(language: str):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def _stem(language: str, word: str) -> str:
    # Words repeat (a text of 60 000 characters has a few thousand distinct ones) and the pure
    # Python Snowball stemmer took 40 % of an import: each distinct word is stemmed once.
    return _stemmer(language).stemWord(word)


def fold(text: str) -> str:
    """Lower case, no accents, Arabic letters unified; scripts other than Latin keep their letters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_LETTERS)
    decomposed = unicodedata.normalize("NFD", text)
    # Drop combining accents, but keep those of scripts where they change the letter (й stays й).
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and "LATIN" in unicodedata.name(kept[-1], ""):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


@cache
def chinese_segmenter():
    """jieba, set up once per process."""
    import jieba

    jieba.setLogLevel(60)  # once: each call clears the logging module's caches
    return jieba


def _chinese_words(text: str) -> list[str]:
    return [word for word in chinese_segmenter().cut_for_search(text) if _TOKEN.fullmatch(word)]


def tokens(text: str, language: str | None) -> list[str]:
    """The index terms of `text` read as `language` (None: fold only, no stemming)."""
    folded = fold(text)
    words: list[str] = []
    for token in _TOKEN.findall(folded):
        if _HAN.search(token):
            words.extend(_chinese_words(token))
        else:
            words.append(token)
    if _stemmer(language or "") is not None:
        words = [_stem(language, word) if not _HAN.search(word) else word for word in words]
    return words


def analyse(text: str, language: str | None) -> str:
    return " ".join(tokens(text, language))


# The scripts that only one of the six languages writes.
_SCRIPT_LANGUAGES = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "zh": _HAN,
}


def query_languages(text: str, reader_language: str | None) -> set[str]:
    """The languages a query is likely written in: its reader's, and Russian, Arabic or Chinese
    when it holds their letters. Latin letters could be English, French or Spanish: the reader's
    language decides (an English query typed on the French site is read as French first; its
    words still match English labels as written, search.thesaurus.concepts_in)."""
    found = {code for code, letters in _SCRIPT_LANGUAGES.items() if letters.search(text)}
    return found | ({reader_language} if reader_language else set())
