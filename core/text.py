import unicodedata


def sort_key(text: str) -> str:
    """A language-neutral sort key: case and accents ignored, so "Égypte" sorts with "E"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
