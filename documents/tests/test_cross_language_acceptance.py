"""The search issue's acceptance: a French query finds the English and Chinese laws on the same
subject, in the demo library and in the team's corpus (../shared/corpus), through the API."""

import pytest
from django.core.management import call_command

from documents.tests.test_import import _import
from search.thesaurus import GLOSSARY, GLOSSARY_SOURCE


def _found(client, query: str) -> list[str]:
    response = client.get("/api/v1/search", {"q": query, "page_size": 10})
    assert response.status_code == 200
    return [result["external_id"] for result in response.json()["results"]]


@pytest.fixture
def glossary(db):
    call_command("import-thesaurus", str(GLOSSARY), source=GLOSSARY_SOURCE, verbosity=0)


@pytest.mark.django_db
def test_in_the_demo_a_french_query_finds_the_english_and_chinese_laws(client, glossary):
    call_command("demo", verbosity=0)
    call_command("reindex", "--no-progress", verbosity=0)  # the tasks wait for a commit here
    found = _found(client, "loi sur la biosécurité")
    assert "demo-chn-biosecurity-law" in found[:3]  # 中华人民共和国生物安全法
    assert "demo-woah-manual-1-1-4" in found  # Biosafety and biosecurity: standard for ...
    assert "demo-fra-code-defense-l2341" not in found[:1]  # the French text, on weapons


@pytest.fixture
def corpus(tmp_path, shared_dir, reference_data):
    """Real records on pathogens and toxins (en, zh) and on another subject (es)."""
    for name in [
        "ca-hpta-en",
        "cn-pathogen-lab-biosafety-regulation-2018",
        "pe-ley-29811",
    ]:
        (tmp_path / f"{name}.json").write_text(
            (shared_dir / "corpus" / f"{name}.json").read_text("utf-8"), "utf-8"
        )
    _import(tmp_path)
    call_command("reindex", "--no-progress", verbosity=0)  # the tasks wait for a commit here


@pytest.mark.django_db
def test_in_the_corpus_a_french_query_finds_the_english_and_chinese_laws(client, glossary, corpus):
    found = _found(client, "laboratoires qui manipulent des agents pathogènes et des toxines")
    assert set(found[:2]) == {"ca-hpta-en", "cn-pathogen-lab-biosafety-regulation-2018"}
    assert "pe-ley-29811" not in found[:2]  # Peru's moratorium on living modified organisms
