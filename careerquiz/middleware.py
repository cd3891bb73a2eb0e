"""Requests the job seeker's pages never need are refused before anything reads the body;
rate limits that cannot count because Redis is full refuse instead of letting all through."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from redis.exceptions import OutOfMemoryError

from careerquiz.errors import error_response, rate_limited


class RefuseUnneededBodiesMiddleware:
    """The quiz posts small forms and never a file. Outside the admin, a body larger than
    DATA_UPLOAD_MAX_MEMORY_SIZE is refused with 413 before anything reads it (Django's own
    limit does not count files, which it would spool to the server's disk), and a form that
    carries a file is refused with 400. Placed before the CSRF middleware, which reads the
    form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not request.path.startswith(ADMIN_PREFIX) and request.method not in ("GET", "HEAD", "OPTIONS"):
            content_type = request.META.get("CONTENT_TYPE", "")
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = -1
            if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                return error_response(request, "400.html", 413, _("That request is too large."))
            if length < 0 or (content_type.lower().startswith("multipart/") and request.FILES):
                return error_response(
                    request,
                    "400.html",
                    400,
                    _("We could not understand that request: send the form as it is."),
                )
        return self.get_response(request)


ADMIN_PREFIX = "/admin/"


class RateLimitStoreFullMiddleware:
    """When Redis refuses to store a rate-limit counter because its memory is full
    (careerquiz.cache.RateLimitClient lets that one error through), the limited view is
    refused with the friendly 429: a full cache must never mean "no limits". An outage,
    where Redis cannot be reached at all, fails open instead (RATELIMIT_FAIL_OPEN)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, OutOfMemoryError):
            return rate_limited(request, exception)
        return None
