"""Creating an account and signing in, through the browser."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, UserFactory
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-long-and-unusual-passphrase-42"


def test_sign_up_confirm_and_sign_in(page):
    france = OrganizationFactory(code="FRA", name="France")
    page.goto("/en/accounts/signup/")

    page.fill("[name=full_name]", "Ada Lovelace")
    page.fill("[name=email]", "ada@example.org")
    page.select_option("select[name=organization]", value=str(france.pk))
    page.select_option("select[name=preferred_language]", value="en")
    page.fill("[name=password1]", NEW_PASSWORD)
    page.fill("[name=password2]", NEW_PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/en/accounts/confirm-email/$"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    assert link, message.body

    page.goto(link.group(0))
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))

    page.fill("[name=login]", "ada@example.org")
    page.fill("[name=password]", NEW_PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    banner = page.locator(".status-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("France")
    expect(banner).to_contain_text("awaits verification")


def test_sign_in_lands_on_the_profile(page):
    user = UserFactory(email="someone@example.org")
    page.goto("/fr/accounts/login/")

    page.fill("[name=login]", user.email)
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))


def test_wrong_password_shows_an_error(page):
    user = UserFactory(email="someone@example.org")
    page.goto("/fr/accounts/login/")

    page.fill("[name=login]", user.email)
    page.fill("[name=password]", "not-the-password")
    page.locator("main form button[type=submit]").click()

    expect(page.locator(".error-summary")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/fr/accounts/login/$"))
    assert "profile" not in page.url
