import logging

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.home import home_sections

logger = logging.getLogger(__name__)


@require_GET
def home(request):
    sections = home_sections(request)
    has_latest = any(section.context.get("replaces") == "latest" for section in sections)
    return render(request, "core/home.html", {"sections": sections, "has_latest": has_latest})


@require_GET
def static_page(request, page: str, title):
    return render(request, f"core/pages/{page}.html", {"title": title})


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise; for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception=None):
    return render(request, "core/errors/404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "core/errors/403.html", status=403)


def server_error(request):
    # Render without a request context: the failure may lie in a context processor.
    from django.template import loader

    return HttpResponse(loader.get_template("core/errors/500.html").render(), status=500)
