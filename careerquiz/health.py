"""Endpoints for load balancers: liveness without the database, readiness with it."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def ping(request: HttpRequest) -> JsonResponse:
    """The process answers. Also the benchmark's floor: a bare view through every middleware."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Ready to serve: the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Quiz steps and results are personal: crawlers keep to the landing and role pages."""
    lines = ["User-agent: *", "Disallow: /attempts/", "Disallow: /results/", "Disallow: /admin/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
