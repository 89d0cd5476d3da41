import io

from documents.extraction import extract


def extract_html(data: bytes, mime_type: str = "text/html"):
    return extract(file=io.BytesIO(data), mime_type=mime_type)


PAGE = """<!DOCTYPE html>
<html lang="fr"><head><title>Code de la défense</title>
<style>body { color: red }</style><script>var secret = "do not index";</script></head>
<body>
<header>Légifrance — menu</header>
<nav><a href="/">Accueil</a> <a href="/codes">Codes</a></nav>
<main>
<h1>Chapitre Ier : Armes biologiques</h1>
<p>Sont interdits la mise au point,
   la fabrication et la détention<br>des agents biologiques.</p>
<ul><li>premier point</li><li>second point</li></ul>
<table><tr><th>Article</th><th>Peine</th></tr><tr><td>L2341-4</td><td><b>vingt</b> <i>ans</i></td></tr></table>
<div hidden>texte caché</div>
<!-- a comment -->
</main>
<footer>Mentions légales</footer>
<script>document.write("late script")</script>
</body></html>
"""


def test_scripts_styles_navigation_headers_and_footers_are_dropped():
    text = extract_html(PAGE.encode()).text

    for dropped in ("secret", "color", "menu", "Accueil", "Mentions", "late script", "caché",
                    "comment", "Code de la défense"):  # fmt: skip
        assert dropped not in text


def test_the_header_of_an_article_is_kept_as_its_title():
    page = (
        "<body><header>Site banner</header><article><header><h2>Article 3</h2></header>"
        "<p>Each State Party undertakes not to transfer.</p><footer>Amended 2024</footer>"
        "</article><footer>Contact us</footer></body>"
    )

    text = extract_html(page.encode()).text

    assert text == "Article 3\n\nEach State Party undertakes not to transfer.\n\nAmended 2024"


def test_blocks_become_lines_and_table_rows_lines_of_cells():
    extraction = extract_html(PAGE.encode())

    assert extraction.method == "html"
    assert extraction.text == (
        "Chapitre Ier : Armes biologiques\n\n"
        "Sont interdits la mise au point, la fabrication et la détention\n"
        "des agents biologiques.\n\n"
        "premier point\nsecond point\n\n"
        "Article | Peine\nL2341-4 | vingt ans"
    )
    assert extraction.language == "fr"


def test_the_meta_charset_decodes_a_page_that_is_not_utf8():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Статья 355. Разработка оружия</p></body></html>'

    text = extract_html(page.encode("cp1251")).text

    assert text == "Статья 355. Разработка оружия"


def test_the_http_equiv_charset_is_understood():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><p>Réglementation</p></body></html>"
    )

    assert extract_html(page.encode("latin-1")).text == "Réglementation"


def test_the_charset_declared_with_the_upload_comes_first():
    page = "<p>Интернет-страница</p>".encode("koi8-r")

    assert extract_html(page, "text/html; charset=KOI8-R").text == "Интернет-страница"


def test_bytes_that_are_not_utf8_and_declare_nothing_fall_back_to_windows_1252():
    page = "<p>Président – « texte »</p>".encode("cp1252")

    assert extract_html(page).text == "Président – « texte »"


def test_a_wrong_declared_charset_falls_back_instead_of_failing():
    page = "<p>Canción — niño</p>".encode("cp1252")

    assert extract_html(page, "text/html; charset=utf-8").text == "Canción — niño"


def test_an_xhtml_page_with_an_xml_declaration_is_read():
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>第一条 总则</p></body></html>'
    )

    assert extract_html(page.encode(), "application/xhtml+xml").text == "第一条 总则"


def test_arabic_and_chinese_text_is_kept_as_written():
    page = "<html><body><p>المادة الأولى</p><p>第一条　为了维护国家安全</p></body></html>"

    assert extract_html(page.encode()).text == "المادة الأولى\n\n第一条　为了维护国家安全"


def test_an_empty_page_gives_no_text_and_a_warning():
    extraction = extract_html(b"   ")

    assert extraction.text == ""
    assert extraction.language is None
    assert extraction.warnings == ["No text was found in this file."]
