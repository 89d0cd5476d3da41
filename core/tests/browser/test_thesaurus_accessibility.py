"""The thesaurus pages, in each language, pass axe-core and lay out right-to-left in Arabic."""

import pytest

from core.tests.browser.conftest import LANGUAGES, axe_violations, describe_violations
from search.models import Concept
from search.tests.vocabularies import SKOS_FILE, imported

pytestmark = pytest.mark.browser


@pytest.fixture
def concept(transactional_db, tmp_path):
    imported(tmp_path, "glossary.rdf", SKOS_FILE, "glossary")
    return Concept.objects.get(uri="https://example.org/lmo")


@pytest.mark.parametrize(
    "page", ["/{language}/search/thesaurus/", "/{language}/search/thesaurus/{pk}/"]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation_in_the_thesaurus(axe_page, concept, language, page):
    url = page.format(language=language, pk=concept.pk)
    response = axe_page.goto(url)
    assert response.status == 200
    assert axe_page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    violations = axe_violations(axe_page)
    assert not violations, f"axe on {url}:\n{describe_violations(violations)}"
