"""Friendly error pages. Every error response says what happened in words: a page for
browsers, and an ``X-Error-Message`` header that the htmx error handler shows in place.

When the database is unreachable the 500 handler answers 503 instead: the job seeker's
answers up to the last one are saved, and the quiz continues once it is back."""

from __future__ import annotations

import logging
import sys
from urllib.parse import quote

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("careercareerquiz.errors")


class NotFound(Http404):
    """A 404 whose message is written for the job seeker and shown on the page."""


def error_response(
    request: HttpRequest, template: str, status: int, message: str, context=None
) -> HttpResponse:
    try:
        body = loader.render_to_string(template, {"message": message, **(context or {})}, request)
    except Exception:  # the error page itself must never fail (e.g. no database for the session)
        logger.exception("error page %s could not render", template)
        body = f"<!doctype html><title>{status}</title><p>{message}</p>"
    response = HttpResponse(body, status=status)
    response["X-Error-Message"] = quote(message)
    if status == 503:
        response["Retry-After"] = "30"
    return response


def _is_database_down(exc: BaseException | None) -> bool:
    return isinstance(exc, OperationalError | InterfaceError) or (
        isinstance(exc, DatabaseError) and "connection" in str(exc).lower()
    )


@requires_csrf_token
def bad_request(request, exception=None):
    return error_response(
        request,
        "400.html",
        400,
        _("We could not understand that request (it may have been too large or malformed)."),
    )


@requires_csrf_token
def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else _("You cannot open this page.")
    return error_response(request, "403.html", 403, message)


@requires_csrf_token
def page_not_found(request, exception=None):
    message = str(exception) if isinstance(exception, NotFound) else _("We could not find that page.")
    return error_response(request, "404.html", 404, message)


@requires_csrf_token
def server_error(request):
    exc = sys.exc_info()[1]
    if _is_database_down(exc):
        logger.error("database unavailable: %s", exc)
        return error_response(
            request,
            "503.html",
            503,
            _(
                "Career Quiz cannot reach its database right now. Your answers up to the last one are saved: try again in a minute."
            ),
        )
    return error_response(
        request,
        "500.html",
        500,
        _("Something went wrong on our side. Try again in a moment: your earlier answers are saved."),
    )


def csrf_failure(request, reason=""):
    return error_response(
        request,
        "403_csrf.html",
        403,
        _("This page has expired. Reload the page and try again: your saved answers are kept."),
    )


def rate_limited(request, exception=None):
    return error_response(
        request,
        "429.html",
        429,
        _(
            "Too many requests from your connection in a short time. Wait a minute, then carry on: your answers are saved."
        ),
    )
