import pytest
from django.urls import reverse
from django.utils import translation

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_served_in_each_language_with_its_direction(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html


@pytest.mark.django_db
def test_root_redirects_to_a_language_prefix(client):
    response = client.get("/", headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
def test_pages_link_every_language_version(client):
    html = client.get("/en/organizations/").content.decode()
    for language in LANGUAGES:
        assert f'hreflang="{language}" href="/{language}/organizations/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["about", "terms", "privacy", "accessibility"])
def test_footer_pages_exist(client, page):
    with translation.override("es"):
        url = reverse(f"core:{page}")
    assert url.startswith("/es/")
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_home_page_needs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get("/en/")


@pytest.mark.django_db
def test_unknown_page_gives_a_translated_404(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert response.templates[0].name == "core/errors/404.html"
    assert '<html lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_unknown_language_prefix_gives_a_404_page(client):
    response = client.get("/xx/", headers={"accept-language": "ru"})
    assert response.status_code == 404
    assert '<html lang="ru"' in response.content.decode()


@pytest.mark.django_db
def test_security_headers_are_set(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_pages_reference_only_assets_served_by_secbio(client):
    html = client.get("/en/").content.decode()
    assert "http://" not in html.replace('xmlns="http://www.w3.org', "")
    assert "https://" not in html
    assert "/static/vendor/htmx/htmx.min.js" in html


def test_the_server_error_page_speaks_the_request_language_and_direction():
    from django.test import RequestFactory
    from django.utils import translation

    from core.views import server_error

    with translation.override("ar"):
        html = server_error(RequestFactory().get("/ar/")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "Sorry, there is a problem with the service" not in html
