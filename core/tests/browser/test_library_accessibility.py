"""The library's pages, in each language, pass axe-core and lay out right-to-left in Arabic."""

import pytest

from accounts.tests.factories import UserFactory
from core.tests.browser.conftest import LANGUAGES, axe_violations, describe_violations
from documents.tests.factories import published_document
from organizations.models import MembershipRole
from organizations.tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.browser

PAGES = {
    "library": "/{language}/library/",
    "list": "/{language}/library/documents/",
    "document": "/{language}/library/documents/{uid}/",
    "reading": "/{language}/library/documents/{uid}/read/",
    "profile": "/{language}/organizations/fra/",
    "implementation": "/{language}/implementation/fra/",
}


@pytest.fixture
def document(transactional_db):
    france = OrganizationFactory(code="FRA", name="France", name_fr="France")
    contributor = UserFactory()
    MembershipFactory(user=contributor, organization=france, role=MembershipRole.CONTRIBUTOR)
    moderator = UserFactory(isu_role="moderator")
    return published_document(contributor=contributor, moderator=moderator, organization=france)


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation_in_the_library(axe_page, document, language, page_name):
    url = PAGES[page_name].format(language=language, uid=document.uid)
    response = axe_page.goto(url)
    assert response.status == 200
    assert axe_page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    violations = axe_violations(axe_page)
    assert not violations, f"axe on {url}:\n{describe_violations(violations)}"
