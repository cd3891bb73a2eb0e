"""Endpoints for load balancers: liveness without the database, readiness with it."""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def ping(request: HttpRequest) -> JsonResponse:
    """The process answers. Also the benchmark's floor: a bare view through every middleware."""
    return JsonResponse({"status": "ok"})


def _cache_answers() -> bool:
    key = "careerquiz:health"
    try:
        cache.set(key, "ok", 10)
        return cache.get(key) == "ok"
    except Exception:  # noqa: BLE001 - any failure of the cache means it is unreachable
        return False


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Ready to serve: each dependency and its state. The database is required (503
    without it); without the cache the quiz works more slowly ("degraded", 200)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except DatabaseError:
        database = "unreachable"
    cache_state = "ok" if _cache_answers() else "unreachable"
    states = {("ok", "ok"): "ok", ("ok", "unreachable"): "degraded"}
    status = states.get((database, cache_state), "unavailable")
    return JsonResponse(
        {"status": status, "database": database, "cache": cache_state},
        status=503 if database != "ok" else 200,
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Quiz steps and results are personal: crawlers keep to the landing and role pages."""
    lines = ["User-agent: *", "Disallow: /attempts/", "Disallow: /results/", "Disallow: /admin/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
