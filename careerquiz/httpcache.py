"""Pages that never change, served from the cache as they go over the wire.

A ``StoredPage`` holds the bytes of a rendered page (plain and gzipped, compressed once
when it is stored) and its validators. Serving it needs no database query and no template:
the response carries an ``ETag`` and ``Last-Modified``, a conditional request gets 304, and
``Cache-Control: public`` lets a shared cache or CDN keep it. Such a page must not depend
on the visitor: no CSRF token, no session, no cookie (the tests check the headers).
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding header takes gzip, q-values included (``gzip;q=0``
    refuses it; ``*`` takes it unless gzip is named)."""
    weights = {}
    for part in header.split(","):
        name, _sep, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key.lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name:
            weights[name.strip().lower()] = q
    for name in ("gzip", "x-gzip"):
        if name in weights:
            return weights[name] > 0
    return weights.get("*", 0) > 0


@dataclass(frozen=True)
class StoredPage:
    body: bytes
    gzipped: bytes
    digest: str
    last_modified: int  # seconds since the epoch
    content_type: str

    @classmethod
    def of(cls, response: HttpResponse, last_modified: datetime) -> StoredPage:
        body = response.content
        return cls(
            body=body,
            # mtime=0: the same page compresses to the same bytes in every process.
            gzipped=gzip.compress(body, compresslevel=6, mtime=0),
            digest=hashlib.sha256(body).hexdigest()[:32],
            last_modified=int(last_modified.timestamp()),
            content_type=response["Content-Type"],
        )

    def response(self, request: HttpRequest, *, max_age: int, vary: tuple[str, ...] = ()) -> HttpResponse:
        """The page for this request: gzipped when the client takes it (each encoding
        with its own ETag), or 304 when the client's copy is current."""
        compressed = accepts_gzip(request.headers.get("Accept-Encoding", ""))
        response = HttpResponse(self.gzipped if compressed else self.body, content_type=self.content_type)
        etag = f'"{self.digest}-gzip"' if compressed else f'"{self.digest}"'
        if compressed:
            response["Content-Encoding"] = "gzip"
        response["ETag"] = etag
        response["Last-Modified"] = http_date(self.last_modified)
        response["Cache-Control"] = f"public, max-age={max_age}"
        patch_vary_headers(response, (*vary, "Accept-Encoding"))
        return get_conditional_response(
            request, etag=etag, last_modified=self.last_modified, response=response
        )


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's GZipMiddleware (with its BREACH padding) that also honours q-values: a
    client sending ``gzip;q=0`` gets the page uncompressed."""

    def process_response(self, request, response):
        if not accepts_gzip(request.headers.get("Accept-Encoding", "")):
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        return super().process_response(request, response)
