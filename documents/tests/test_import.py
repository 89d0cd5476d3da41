"""`secbio import-documents` on the team's corpus: idempotent, screened, published, linked."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from documents.models import Document, DocumentRelation, RevisionStatus


def _import(path, *args) -> str:
    out = StringIO()
    call_command("import-documents", str(path), "--no-progress", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def small_corpus(tmp_path, shared_dir):
    """A few real records: a parallel pair, a Chinese law and an Arabic regulation."""
    for name in [
        "ca-hpta-en",
        "ca-hpta-fr",
        "cn-biosecurity-law-2024",
        "sa-bwc-implementing-regulation-2024",
    ]:
        (tmp_path / f"{name}.json").write_text(
            (shared_dir / "corpus" / f"{name}.json").read_text("utf-8"), "utf-8"
        )
    return tmp_path


@pytest.mark.django_db
def test_import_publishes_records_that_pass_screening_and_links_translations(
    reference_data, small_corpus
):
    output = _import(small_corpus)
    assert "created 4, updated 0, unchanged 0, held 0, refused 0" in output
    english = Document.objects.get(external_id="ca-hpta-en")
    assert english.is_published
    revision = english.published_revision
    assert revision.jurisdiction.code == "CAN" and revision.language == "en"
    assert "pathogen" in revision.files.get().extracted_text.lower()
    assert DocumentRelation.objects.filter(kind="language_version").count() == 1


@pytest.mark.django_db
def test_a_second_run_changes_nothing_and_an_edited_record_gets_a_new_version(
    reference_data, small_corpus
):
    _import(small_corpus)
    assert "created 0, updated 0, unchanged 4" in _import(small_corpus)
    path = small_corpus / "ca-hpta-en.json"
    record = json.loads(path.read_text("utf-8"))
    record["title"] += " (consolidated)"
    path.write_text(json.dumps(record), "utf-8")
    assert "updated 1, unchanged 3" in _import(small_corpus)
    document = Document.objects.get(external_id="ca-hpta-en")
    assert document.published_revision.number == 2
    assert document.revisions.get(number=1).status == RevisionStatus.SUPERSEDED


@pytest.mark.django_db
def test_review_sends_records_to_the_queue(reference_data, small_corpus):
    _import(small_corpus, "--review")
    assert not Document.objects.filter(published_revision__isnull=False).exists()
    assert Document.objects.filter(revisions__status=RevisionStatus.IN_REVIEW).count() == 4


@pytest.mark.django_db
def test_bad_records_are_reported_with_their_reason(reference_data, tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "id": "a",
                "title": "A",
                "doc_type": "poem",
                "jurisdiction": "FRA",
                "language": "fr",
                "text": "x",
            }
        )
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "id": "b",
                "title": "B",
                "doc_type": "treaty",
                "jurisdiction": "ATLANTIS",
                "language": "en",
                "text": "x",
            }
        )
    )
    (tmp_path / "c.json").write_text("{not json")
    (tmp_path / "d.json").write_text(
        json.dumps(
            {
                "id": "d",
                "title": "D",
                "doc_type": "treaty",
                "jurisdiction": "FRA",
                "language": "en",
                "files": ["../../etc/passwd"],
            }
        )
    )
    (tmp_path / "e.json").write_text(
        json.dumps(
            {
                "id": "e",
                "title": "E",
                "doc_type": "treaty",
                "jurisdiction": "FRA",
                "language": "en",
                "text": "Article 1\nText.",
                "colour": "blue",
            }
        )
    )
    output = _import(tmp_path)
    assert "created 1, updated 0, unchanged 0, held 0, refused 4" in output
    assert "Unknown document type: poem" in output
    assert "Unknown jurisdiction: ATLANTIS" in output
    assert "Not a valid JSON record" in output
    assert "outside the import folder" in output
    assert "Unknown fields, not imported: colour" in output
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_records_with_files_beside_them_are_screened_like_uploads(reference_data, tmp_path):
    (tmp_path / "law.html").write_text(
        "<html><body><h1>Act</h1><p>Article 1. Laboratories register.</p></body></html>"
    )
    (tmp_path / "fake.pdf").write_text("<html><body>not a pdf</body></html>")
    (tmp_path / "ok.json").write_text(
        json.dumps(
            {
                "id": "ok",
                "title": "Act",
                "doc_type": "national_law",
                "jurisdiction": "FRA",
                "language": "en",
                "files": ["law.html"],
            }
        )
    )
    (tmp_path / "bad.json").write_text(
        json.dumps(
            {
                "id": "bad",
                "title": "Bad",
                "doc_type": "national_law",
                "jurisdiction": "FRA",
                "language": "en",
                "files": ["fake.pdf"],
            }
        )
    )
    output = _import(tmp_path)
    assert "created 1" in output and "refused 1" in output
    assert (
        "Laboratories register"
        in Document.objects.get(external_id="ok").published_revision.files.get().extracted_text
    )
