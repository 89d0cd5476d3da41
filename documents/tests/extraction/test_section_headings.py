from documents.extraction import Section, split_sections


def anchors(text: str) -> list[str]:
    return [section.anchor for section in split_sections(text)]


def test_articles_with_roman_numerals_and_their_offsets():
    text = "Preamble text.\n\nArticle I\n\nFirst article.\n\nArticle II\n\nSecond article.\n"

    sections = split_sections(text)

    assert sections == [
        Section("Article I", "art-1", 1, text.index("Article I\n"), text.index("Article II")),
        Section("Article II", "art-2", 1, text.index("Article II"), len(text)),
    ]
    assert text[sections[0].start : sections[0].end] == "Article I\n\nFirst article.\n\n"


def test_chapters_are_above_articles_and_titles_keep_the_heading_line():
    text = (
        "CHAPTER 1. General provisions\nArticle 1. Purpose\nText.\nArt. 2 Scope\nText.\n"
        "CHAPTER II\nArticle 3\nText.\n"
    )

    sections = split_sections(text)

    assert [(s.anchor, s.level, s.title) for s in sections] == [
        ("chap-1", 1, "CHAPTER 1. General provisions"),
        ("art-1", 2, "Article 1. Purpose"),
        ("art-2", 2, "Art. 2 Scope"),
        ("chap-2", 1, "CHAPTER II"),
        ("art-3", 2, "Article 3"),
    ]


def test_parts_titles_chapters_sections_and_articles_are_nested_in_that_order():
    text = (
        "Part I\nTitle 1\nChapter 1\nSection 1\nArticle 1\nx\nArticle 2\nx\nSection 2\n"
        "Article 3\nx\nAnnex\nx\n"
    )

    levels = [(s.anchor, s.level) for s in split_sections(text)]

    assert levels == [
        ("part-1", 1), ("title-1", 2), ("chap-1", 3), ("sec-1", 4), ("art-1", 5),
        ("art-2", 5), ("sec-2", 4), ("art-3", 5), ("annex", 1),
    ]  # fmt: skip


def test_a_cross_reference_inside_a_sentence_is_not_a_heading():
    text = (
        "Article 1\nAs provided in Article 3 of the Convention, the Parties shall act.\n"
        "Article 2\nText.\n"
        "Article 3 of the Convention applies to all agents.\n"  # a wrapped sentence
        "article 4 applies too.\n"
        "Articles 7 and 8 of this Act are repealed.\n"
    )

    assert anchors(text) == ["art-1", "art-2"]


def test_french_headings():
    text = (
        "TITRE Ier : DÉFINITIONS\nChapitre II : Utilisation confinée\nSection 1 : Interdictions\n"
        "Article premier\nx\nArticle 1er\nx\nArticle L2341-1\nx\nArt. R. 4421-1\nx\n"
        "Sous-section 2\nArticle L2341-5-1\nx\nAnnexe\nx\n"
        "Les infractions aux articles L. 2341-1 et L. 2341-2 sont punies.\n"
    )

    assert anchors(text) == [
        "title-1", "chap-2", "sec-1", "art-1", "art-1-2", "art-l2341-1", "art-r4421-1",
        "subsec-2", "art-l2341-5-1", "annex",
    ]  # fmt: skip


def test_spanish_headings():
    text = (
        "TÍTULO PRELIMINAR\nCAPÍTULO I. Disposiciones generales\nArtículo 1. Objeto.\nx\n"
        "ARTÍCULO 2° — Se declara\nx\nArt. 3°- La Comisión\nx\nArtículo 4.- Glosario\nx\n"
        "Artículo 5 bis. Añadido\nx\nDisposición adicional única. Remisión\nx\n"
        "Disposición final primera. Guía.\nx\nDISPOSICIONES COMPLEMENTARIAS FINALES\nx\n"
        "ANEXO I. Lista\nx\nde conformidad con el artículo 6 de la Ley 31/1995.\n"
    )

    assert anchors(text) == [
        "title-preliminar", "chap-1", "art-1", "art-2", "art-3", "art-4", "art-5-bis",
        "disp-adicional-unica", "disp-final-1", "disp-complementarias-finales", "annex-1",
    ]  # fmt: skip


def test_russian_headings():
    text = (
        "Раздел XII. ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА\nГЛАВА 34. ПРЕСТУПЛЕНИЯ\n"
        "Статья 353. Планирование агрессивной войны\n1. Текст.\n"
        "Статья 3541. Реабилитация нацизма\n"
        "статьей 355 настоящего Кодекса, -\n"
        "Приложение N 1\nx\n"
    )

    sections = split_sections(text)

    assert [(s.anchor, s.level) for s in sections] == [
        ("part-12", 1), ("chap-34", 2), ("art-353", 3), ("art-3541", 3), ("annex-1", 1),
    ]  # fmt: skip


def test_chinese_headings_convert_their_numerals():
    text = (
        "第一章 总 则\n\n第一条 为了维护国家安全，制定本法。\n\n第二条 本法所称生物安全。\n\n"
        "第二章 风险防控\n\n第一节 一般规定\n\n第十二条 国家建立制度。\n\n"
        "第一百零五条之一 新增条款。\n\n第 7 至 10 条 – 事先知情同意\n\n"
        "依照本法第十条规定处理。\n第2条要求每一缔约方采取措施。\n\n附件1-监管表\n\n附录A\n"
    )

    sections = split_sections(text)

    assert [(s.anchor, s.level, s.title) for s in sections] == [
        ("chap-1", 2, "第一章 总 则"),
        ("art-1", 4, "第一条"),
        ("art-2", 4, "第二条"),
        ("chap-2", 2, "第二章 风险防控"),
        ("sec-1", 3, "第一节 一般规定"),
        ("art-12", 4, "第十二条"),
        ("art-105-1", 4, "第一百零五条之一"),
        ("art-7-10", 4, "第 7 至 10 条"),
        ("annex-1", 1, "附件1-监管表"),
        ("app-a", 1, "附录A"),
    ]


def test_arabic_headings_read_ordinal_words_and_digits():
    text = (
        "الباب الأول الأحكام العامة\n\nالفصل الأول التعريفات\n\nالمادة الأولى\n\nنص.\n\n"
        "المادة (2) : الهدف\n\nنص.\n\nمادة ١٥\n\nنص.\n\nالمادة الحادية عشرة\n\nنص.\n\n"
        "المادة الثالثة والعشرون\n\nنص.\n\nالمادة الثالثة من هذا النظام تطبق.\n\n"
        "المادة الوراثية : سلسلة من القواعد\n\nالملحق\n\nنص.\n"
    )

    sections = split_sections(text)

    assert [(s.anchor, s.level) for s in sections] == [
        ("part-1", 1), ("chap-1", 2), ("art-1", 3), ("art-2", 3), ("art-15", 3),
        ("art-11", 3), ("art-23", 3), ("annex", 1),
    ]  # fmt: skip
    assert sections[0].title == "الباب الأول الأحكام العامة"


def test_united_states_code_sections():
    text = "§\u202f175. Prohibitions\n(a) In general.\n§ 175a. Requests\nx\nSection 176. Seizure\n"

    assert anchors(text) == ["sec-175", "sec-175a", "sec-176"]


def test_anchors_are_unique():
    text = "Article 1\nx\nArticle 1\nx\nArticle 1\nx\nArticle 1-2\nx\n"

    assert anchors(text) == ["art-1", "art-1-2", "art-1-3", "art-1-2-2"]


def test_a_heading_written_twice_in_a_row_is_one_section_titled_by_its_longer_line():
    text = "المادة الأولى\n\nمادة (1) : تعاريف\n\nنص.\n\nالمادة الثانية\n\nنص.\n"

    sections = split_sections(text)

    assert [(s.anchor, s.title) for s in sections] == [
        ("art-1", "مادة (1) : تعاريف"),
        ("art-2", "المادة الثانية"),
    ]


def test_a_name_on_the_line_after_a_bare_heading_joins_its_title():
    text = "TITULO I\n\nDISPOSICIONES GENERALES\n\nCAPITULO I\n\nDEL OBJETO\n\nArtículo 1.- Objeto\nx\n"

    titles = [s.title for s in split_sections(text)]

    assert titles == ["TITULO I — DISPOSICIONES GENERALES", "CAPITULO I — DEL OBJETO",
                      "Artículo 1.- Objeto"]  # fmt: skip


def test_an_article_whose_text_follows_on_a_long_line_is_titled_by_its_label():
    body = (
        "El control de las exportaciones se regirá por las disposiciones del presente decreto " * 2
    )
    text = f"Artículo 1°- {body}\nArtículo 2°- {body}\n"

    assert [s.title for s in split_sections(text)] == ["Artículo 1°", "Artículo 2°"]


def test_fewer_than_two_headings_give_no_sections():
    assert split_sections("") == []
    assert split_sections("Article 1\nThe only article.") == []
    assert split_sections("Plain prose without any heading at all.\n" * 50) == []
