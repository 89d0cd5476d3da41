from search.analysis import analyse, fold, tokens
from search.query import parse


def test_accents_and_case_are_folded_and_words_stemmed_per_language():
    assert analyse("Les LABORATOIRES évaluent", "fr") == analyse("les laboratoire evaluent", "fr")
    assert tokens("laboratories", "en") == tokens("laboratory", "en")
    assert tokens("лабораторий", "ru") == tokens("лаборатории", "ru")


def test_arabic_diacritics_and_letter_variants_are_unified():
    assert fold("المُخْتَبَر") == fold("المختبر")
    assert fold("إدارة") == fold("ادارة")


def test_chinese_is_segmented_into_words():
    words = tokens("病原微生物实验室生物安全管理条例", "zh")
    assert "实验室" in words and "生物" in words


def test_queries_keep_phrases_and_exclusions():
    query = parse('biological "risk assessment" -nuclear')
    assert query.words == ["biological"]
    assert query.phrases == ["risk assessment"]
    assert query.excluded == ["nuclear"]


def test_operators_and_garbage_are_only_text():
    for raw in [
        '" * ^ : NEAR OR AND - ( )',
        "'; DROP TABLE x; --",
        "a\x00b\x07c",
        "\ud800lone",
        '"unbalanced',
    ]:
        query = parse(raw)
        for group in query.clauses("en")[0]:
            assert all(token.isalnum() or "_" in token for token in group)


def test_a_very_long_query_is_truncated_with_a_flag():
    query = parse("word " * 3000)
    assert query.truncated and len(query.text) == 500


def test_stop_words_only_or_empty_queries_are_empty():
    assert parse("").is_empty
    assert parse("   ").is_empty
    assert parse("-only").is_empty
