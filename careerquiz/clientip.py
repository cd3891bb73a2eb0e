"""The client's address, read one way for the admin lockout and the rate limits."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from careerquiz.errors import error_response

# Load balancers' probes come straight to the app, without the proxy's header.
PROBES = ("/-/",)


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request: HttpRequest) -> str:
    """The address in CLIENT_IP_HEADER behind a proxy, else the connection's own."""
    if settings.CLIENT_IP_HEADER:
        address = request.META.get(settings.CLIENT_IP_HEADER, "").strip()
        if _valid(address):
            return address
    return request.META.get("REMOTE_ADDR", "")


class RequireClientAddressMiddleware:
    """With CLIENT_IP_HEADER set, a request that lacks it (or carries anything but one
    address) did not come through the load balancer: 400, before a rate limit or the
    lockout could count it against the proxy's own address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        header = settings.CLIENT_IP_HEADER
        if (
            header
            and not request.path.startswith(PROBES)
            and not _valid(request.META.get(header, "").strip())
        ):
            return error_response(
                request,
                "400.html",
                400,
                _("We could not understand that request (it did not come through our proxy)."),
            )
        return self.get_response(request)
