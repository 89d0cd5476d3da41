from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.static_page, {"page": "about", "title": _("About SecBio")}, name="about"),
    path("terms/", views.static_page, {"page": "terms", "title": _("Terms of use")}, name="terms"),
    path("privacy/", views.static_page, {"page": "privacy", "title": _("Privacy")}, name="privacy"),
    path(
        "accessibility/",
        views.static_page,
        {"page": "accessibility", "title": _("Accessibility")},
        name="accessibility",
    ),
]
