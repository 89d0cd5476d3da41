"""ZIP containers are measured from their directories: ZIP bombs and swarms of entries are
refused without being unpacked."""

import tracemalloc

from documents.tests.screening.samples import checks, declare_size, docx_like, screen, zip_bytes


def test_a_highly_compressed_docx_is_refused_as_a_zip_bomb():
    data = docx_like({"word/media/padding.bin": bytes(5 * 1024 * 1024)})

    result = screen("law.docx", data)

    assert checks(result) == [("archive_ratio", "refuse")]
    assert result.findings[0].detail["ratio"] > 100
    assert "ZIP bomb" in str(result.findings[0].message)


def test_an_entry_declaring_300_mb_is_refused_without_being_unpacked():
    data = docx_like({"word/media/huge.bin": bytes(2 * 1024 * 1024)})
    data = declare_size(data, "word/media/huge.bin", 300_000_000)
    tracemalloc.start()

    result = screen("law.docx", data)

    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert checks(result) == [("archive_ratio", "refuse")]
    assert result.findings[0].detail["uncompressed"] > 300_000_000
    assert peak < 20 * 1024 * 1024


def test_a_small_docx_compressing_well_is_not_a_bomb():
    data = docx_like({"word/styles.xml": b"<w:styles/>" * 20_000})

    assert screen("law.docx", data).passed


def test_too_many_entries_are_refused(settings):
    settings.SECBIO_ARCHIVE_MAX_ENTRIES = 100
    data = docx_like({f"word/media/image{number}.png": b"x" for number in range(150)})

    result = screen("law.docx", data)

    assert checks(result) == [("archive_entries", "refuse")]
    assert result.findings[0].detail == {"entries": 152, "max_entries": 100}


def test_entries_of_nested_zips_count(settings):
    settings.SECBIO_ARCHIVE_MAX_ENTRIES = 100
    inner = zip_bytes({f"sheet{number}.xml": b"<x/>" for number in range(80)})
    middle = zip_bytes({"inner.zip": inner, **{f"part{n}.xml": b"<x/>" for n in range(20)}})
    data = docx_like({"word/embeddings/package.xlsx": middle, "word/media/a.png": b"x"})

    result = screen("law.docx", data)

    assert checks(result) == [("archive_entries", "refuse")]
    assert result.findings[0].detail["entries"] > 100


def test_the_sizes_of_nested_zips_count(settings):
    settings.SECBIO_ARCHIVE_MAX_UNCOMPRESSED = 1024 * 1024
    inner = zip_bytes({"zeros.bin": bytes(2 * 1024 * 1024)})
    data = docx_like({"word/embeddings/object.zip": inner})

    assert checks(screen("law.docx", data)) == [("archive_ratio", "refuse")]
