import unicodedata

from documents.extraction.text import normalise


def test_text_is_composed_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Réglement, Artículo, Йод")

    assert normalise(decomposed) == "Réglement, Artículo, Йод"


def test_control_characters_are_removed_but_tabs_and_newlines_kept():
    assert normalise("a\x00b\x01c\td\ne\x9f\ufefff") == "abc\td\nef"


def test_windows_and_old_mac_line_ends_and_page_breaks_become_newlines():
    assert normalise("one\r\ntwo\rthree\ffour") == "one\ntwo\nthree\nfour"


def test_runs_of_spaces_collapse_and_lines_lose_trailing_spaces():
    assert normalise("a  b\u00a0\u00a0 c   \nd") == "a b c\nd"


def test_at_most_two_blank_lines_are_kept():
    assert normalise("a\n\n\n\n\n\nb\n\n\nc") == "a\n\n\nb\n\n\nc"


def test_soft_hyphens_are_removed_and_words_broken_by_them_rejoined():
    assert normalise("bio\u00adsafety and labo\u00ad\nratory") == "biosafety and laboratory"


def test_arabic_and_chinese_are_left_as_they_are():
    arabic = "الْمَادَّةُ الأولى\u200c – لا يجوز"  # diacritics and a zero-width non-joiner
    chinese = "第一条\u3000\u3000为了维护国家安全，制定本法。"  # ideographic spaces

    assert normalise(arabic) == arabic
    assert normalise(chinese) == chinese
