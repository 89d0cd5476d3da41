"""The six languages: each page speaks its language, and the switcher keeps the page."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser.conftest import LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_speaks_its_language(page, language):
    page.goto("/en/")
    english_title = page.locator("h1").first.inner_text().strip()

    response = page.goto(f"/{language}/")

    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang").lower() in {language, language.split("-")[0]}
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    heading = page.locator("h1").first
    expect(heading).to_be_visible()
    if language != "en":
        assert heading.inner_text().strip() != english_title, (
            f"the /{language}/ home page heading is still in English: {english_title!r}"
        )


def test_switcher_keeps_the_page_from_english_to_french(page):
    page.goto("/en/organizations/")

    page.locator("form.language-switcher button[name=language][value=fr]").click()

    expect(page).to_have_url(re.compile(r"/fr/organizations/$"))
    assert page.locator("html").get_attribute("lang") == "fr"


def test_switcher_keeps_the_page_from_french_to_arabic(page):
    page.goto("/fr/accounts/login/")

    page.locator("form.language-switcher button[name=language][value=ar]").click()

    expect(page).to_have_url(re.compile(r"/ar/accounts/login/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
