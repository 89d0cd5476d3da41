import pytest

from documents.extraction.numerals import arabic_ordinal, chinese_to_int, roman_to_int


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XV", 15), ("XL", 40), ("MCMXC", 1990)],
)
def test_roman_numerals(numeral, value):
    assert roman_to_int(numeral) == value


@pytest.mark.parametrize("numeral", ["", "IIII", "VX", "IC", "ABC"])
def test_invalid_roman_numerals_have_no_value(numeral):
    assert roman_to_int(numeral) is None


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("三十五", 35), ("一百", 100),
     ("一百零五", 105), ("一百二十三", 123), ("两百", 200), ("一千零一", 1001),
     ("二〇二四", 2024), ("17", 17)],
)  # fmt: skip
def test_chinese_numerals(numeral, value):
    assert chinese_to_int(numeral) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [("الأولى", 1), ("الاولى", 1), ("الأول", 1), ("الثانية", 2), ("العاشرة", 10),
     ("الحادية عشرة", 11), ("الحادي عشر", 11), ("الثانية عشرة", 12), ("التاسعة عشرة", 19),
     ("العشرون", 20), ("الحادية والعشرون", 21), ("الخامسة والأربعون", 45), ("السبعون", 70),
     ("الأولى بعد المائة", 101)],
)  # fmt: skip
def test_arabic_ordinals(words, value):
    assert arabic_ordinal(words.split())[0] == value


def test_an_arabic_word_that_is_not_an_ordinal_has_no_value():
    assert arabic_ordinal(["الوراثية"]) is None
