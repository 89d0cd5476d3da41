from django.conf import settings
from django.urls import translate_url


def site(request):
    """Site name and, for the language switcher, this page's address in every language."""
    path = request.get_full_path()
    return {
        "site_name": settings.SECBIO_SITE_NAME,
        "alternate_urls": [
            (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
        ],
    }
