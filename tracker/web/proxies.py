"""The client's address, and the proxy headers believed only from a trusted proxy.

Behind the TLS proxy every request comes from the proxy's address, so login lock-outs
and API throttles counted every client as one: five wrong passwords from anyone
locked an account for everybody (issue 17). The proxy names the client in
X-Forwarded-For, but any client can send that header too — and X-Forwarded-Proto,
which Django believes through SECURE_PROXY_SSL_HEADER. So both are believed only from
the addresses (or networks) in settings.WB_TRUSTED_PROXIES, and dropped from every
other request before any middleware reads them.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

# What a proxy tells the app; from anyone else, a forgery.
PROXY_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(
        ip in ipaddress.ip_network(network, strict=False) for network in settings.WB_TRUSTED_PROXIES
    )


def client_address(request) -> str:
    """REMOTE_ADDR; when that is a trusted proxy, the last address in X-Forwarded-For
    that is not one (each proxy appends the address it saw; a client can only prepend)."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for address in reversed([part.strip() for part in forwarded if part.strip()]):
        if not is_trusted_proxy(address):
            return address
    return remote


class TrustedProxyMiddleware:
    """First of all middleware: a request not from a trusted proxy loses the proxy
    headers, so neither the HTTPS check nor the client's address can be forged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in PROXY_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
