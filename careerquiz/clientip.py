"""The client's address, read one way for the admin lockout and the rate limits.

Behind the proxy (deploy/nginx), nginx puts the address it sees into a header
(CLIENT_IP_HEADER, e.g. ``HTTP_X_REAL_IP``). The header is believed only when the
connection itself comes from one of TRUSTED_PROXY_IPS, as gunicorn's
``forwarded_allow_ips`` does: anyone who reaches the app directly cannot pick an address
of their own and step past the rate limits and the lockout."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

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


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def from_trusted_proxy(request: HttpRequest) -> bool:
    """Whether the connection's peer is one of TRUSTED_PROXY_IPS (addresses or networks)."""
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(peer in network for network in _networks(tuple(settings.TRUSTED_PROXY_IPS)))


def client_ip(request: HttpRequest) -> str:
    """The address in CLIENT_IP_HEADER when a trusted proxy sent the request, else the
    connection's own."""
    if settings.CLIENT_IP_HEADER and from_trusted_proxy(request):
        address = request.META.get(settings.CLIENT_IP_HEADER, "").strip()
        if _valid(address):
            return address
    return request.META.get("REMOTE_ADDR", "")


class RequireClientAddressMiddleware:
    """With CLIENT_IP_HEADER set, a request from the proxy that lacks the header (or
    carries anything but one address) means a proxy that is not configured as documented:
    400, before a rate limit or the lockout could count it against the proxy's own address.
    Requests from other peers are served under their own address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        header = settings.CLIENT_IP_HEADER
        if (
            header
            and not request.path.startswith(PROBES)
            and from_trusted_proxy(request)
            and not _valid(request.META.get(header, "").strip())
        ):
            return error_response(
                request,
                "400.html",
                400,
                _("We could not understand that request (it did not come through our proxy)."),
            )
        return self.get_response(request)
