"""Requests the job seeker's pages never need are refused before anything reads the body."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from careerquiz.errors import error_response


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
