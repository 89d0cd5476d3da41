"""axe-core finds no serious or critical WCAG 2.1 A/AA violation on the public pages."""

import pytest

from core.tests.browser.conftest import LANGUAGES, axe_violations, describe_violations
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/{language}/",
    "login": "/{language}/accounts/login/",
    "signup": "/{language}/accounts/signup/",
    "organizations": "/{language}/organizations/",
}


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(axe_page, language, page_name):
    OrganizationFactory(code="FRA", name="France")
    OrganizationFactory(code="PER", name="Peru")
    url = PAGES[page_name].format(language=language)

    response = axe_page.goto(url)
    assert response.status == 200

    violations = axe_violations(axe_page)
    assert not violations, f"axe on {url}:\n{describe_violations(violations)}"
