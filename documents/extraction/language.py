"""Language of a text, by py3langid's naive Bayes model (loaded once, on first use)."""

import threading

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 20_000
MIN_LETTERS = 40

# Varieties the model tells apart but the platform does not: Wu and Cantonese are
# written in the same characters and win on some Mandarin texts; Moroccan and Egyptian
# Arabic win on some short Modern Standard Arabic ones.
_VARIETIES = {"wuu": "zh", "yue": "zh", "cmn": "zh", "lzh": "zh", "ary": "ar", "arz": "ar"}
_NO_LANGUAGE = {"zxx", "und"}

_lock = threading.Lock()
_identifier_instance: LanguageIdentifier | None = None


def _identifier() -> LanguageIdentifier:
    """The model, loaded on first use (about a second). A private instance, because
    py3langid's module-level one can be restricted to some languages by other callers."""
    global _identifier_instance
    if _identifier_instance is None:
        with _lock:
            if _identifier_instance is None:
                _identifier_instance = LanguageIdentifier.from_model_file(MODEL_FILE)
    return _identifier_instance


def detect_language(text: str) -> str | None:
    """The ISO 639 code of ``text``'s language (two letters for the six UN languages;
    others as the model names them, like "de" or "fuv"), Chinese and Arabic varieties
    folded into "zh" and "ar"; None when the sample has fewer than ``MIN_LETTERS`` letters."""
    sample = text[:SAMPLE_CHARS]
    letters = 0
    for char in sample:
        if char.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                break
    else:
        return None
    code, _score = _identifier().classify(sample)
    code = code.split("-")[0].split("_")[0].lower()
    if code in _NO_LANGUAGE:
        return None
    return _VARIETIES.get(code, code)
