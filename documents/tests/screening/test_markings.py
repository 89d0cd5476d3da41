"""Classification markings are held when they stand as a banner, in any of the six languages,
and never when the same words are used in a sentence."""

import pytest

from documents.screening import screen_text
from documents.screening.markings import MARGIN_ONLY, MARKINGS

BODY = "Article 3. Each State Party shall adopt the measures necessary to prohibit the transfer."


def _page(*lines: str) -> str:
    return "\n".join(lines)


def _markings(pages: list[str]) -> list[tuple[str, int | None]]:
    return [
        (finding.detail["marking"], finding.page)
        for finding in screen_text(pages=pages)
        if finding.check == "classification_marking"
    ]


@pytest.mark.parametrize(
    ("header", "marking"),
    [
        ("SECRET", "SECRET"),
        ("TOP SECRET//NOFORN", "TOP SECRET"),
        ("Classification: CONFIDENTIAL", "CONFIDENTIAL"),
        ("*** RESTRICTED ***", "RESTRICTED"),
        ("FOR OFFICIAL USE ONLY", "FOR OFFICIAL USE ONLY"),
        ("CONFIDENTIEL DÉFENSE", "CONFIDENTIEL DÉFENSE"),
        ("— DIFFUSION RESTREINTE —", "DIFFUSION RESTREINTE"),
        ("СЕКРЕТНО", "СЕКРЕТНО"),
        ("Гриф: СОВЕРШЕННО СЕКРЕТНО", "СОВЕРШЕННО СЕКРЕТНО"),
        ("ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ", "ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ"),
        ("ДСП", "ДСП"),
        ("机密", "机密"),
        ("★绝密★", "绝密"),
        ("密级：机密", "机密"),
        ("秘密★10年", "秘密"),
        ("سري", "سري"),
        ("سري للغاية", "سري للغاية"),
        ("RESERVADO", "RESERVADO"),
        ("ALTO SECRETO", "ALTO SECRETO"),
        ("DIFUSIÓN LIMITADA", "DIFUSIÓN LIMITADA"),
    ],
)
def test_a_marking_as_header_line_is_held_with_its_page(header, marking):
    pages = [_page("Introduction", BODY), _page(header, "Chapter 2", BODY, BODY)]

    findings = screen_text(pages=pages)

    assert [(f.check, f.severity, f.page) for f in findings] == [
        ("classification_marking", "hold", 2)
    ]
    assert findings[0].detail["marking"] == marking
    assert findings[0].excerpt == header
    assert marking in str(findings[0].message)


def test_a_marking_in_capitals_counts_anywhere_on_the_page():
    page = _page(BODY, BODY, BODY, BODY, "SECRET", BODY, BODY, BODY, BODY)

    assert _markings([page]) == [("SECRET", 1)]


def test_a_capitalised_marking_counts_only_in_the_header_or_footer():
    in_footer = _page(BODY, BODY, BODY, BODY, BODY, "Confidential")
    in_body = _page(BODY, BODY, BODY, "Confidential", BODY, BODY, BODY)

    assert _markings([in_footer]) == [("CONFIDENTIAL", 1)]
    assert _markings([in_body]) == []


def test_markings_that_are_also_common_words_count_only_in_the_header_or_footer():
    in_header = _page("内部", BODY, BODY, BODY, BODY)
    in_body = _page(BODY, BODY, BODY, "内部", BODY, BODY, BODY)

    assert _markings([in_header]) == [("内部", 1)]
    assert _markings([in_body]) == []


def test_arabic_stored_in_visual_order_is_recognised():
    assert _markings([_page("يرس", BODY)]) == [("سري", 1)]


def test_one_finding_per_marking_lists_every_page():
    pages = [_page("SECRET", BODY, "SECRET")] * 3

    findings = screen_text(pages=pages)

    assert len(findings) == 1
    assert findings[0].detail == {"marking": "SECRET", "count": 6, "pages": [1, 2, 3]}


@pytest.mark.parametrize(
    "sentence",
    [
        "The parties shall respect the confidential nature of the data exchanged.",
        "This Act does not affect the protection of trade secrets.",
        "Se garantiza el secreto profesional de los inspectores.",
        "Las comunicaciones tienen carácter confidencial y reservado.",
        "Le secret de la défense nationale est protégé par la loi.",
        "Обеспечивается конфиденциальность сведений о работах.",
        "Сведения, отнесённые к категории секретно, не подлежат передаче.",
        "机密信息的保护应当遵守国家有关规定。",
        "第十条 涉及国家秘密的，依照有关法律的规定办理。",
        "تحافظ الدول الأطراف على سرية المعلومات المتبادلة.",
        "يجب أن تبقى هذه المعلومات سري للغاية وفقا للقانون الوطني.",
        "secret",
        "Приказ № 12 | ДСП",
        "UNCLASSIFIED",
        "Distr.: General",
    ],
)
def test_ordinary_words_in_sentences_are_not_markings(sentence):
    page = _page(BODY, BODY, BODY, BODY, sentence, BODY, BODY, BODY, BODY)

    assert _markings([page]) == []
    assert _markings([_page(sentence, BODY)]) == (
        [] if sentence != "Confidential" else [("CONFIDENTIAL", 1)]
    )


def test_a_clean_text_has_no_finding():
    assert screen_text(pages=[_page("Biosafety Act", BODY, BODY), _page(BODY)]) == []


@pytest.mark.parametrize("marking", MARKINGS)
def test_every_marking_alone_on_a_line_in_the_body_is_held_unless_margin_only(marking):
    expected = [] if marking in MARGIN_ONLY else [(marking, 1)]

    assert _markings([_page(BODY, BODY, BODY, BODY, marking, BODY, BODY, BODY, BODY)]) == expected


def test_full_width_capitals_are_read_as_capitals():
    assert _markings([_page(BODY, BODY, BODY, BODY, "ＳＥＣＲＥＴ", BODY, BODY, BODY)]) == [
        ("SECRET", 1)
    ]
