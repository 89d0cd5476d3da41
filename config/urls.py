from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from accounts.views import set_language
from core.views import healthz
from search.views import search_api

admin.site.site_header = "SecBio"
admin.site.site_title = "SecBio"
# The admin signs in through allauth, so rate limits and two-factor authentication apply there too.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/search", search_api, name="api-search"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("alerts/", include("alerts.urls_feeds")),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("organizations/", include("organizations.urls")),
    path("library/", include("documents.urls")),
    path("moderation/", include("documents.urls_moderation")),
    path("implementation/", include("implementation.urls")),
    path("search/", include("search.urls")),
    path("alerts/", include("alerts.urls")),
    path("notifications/", include("notifications.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler403 = "core.views.permission_denied"
handler500 = "core.views.server_error"
