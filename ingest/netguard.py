"""Refuse fetches that would reach this machine or its private network (SSRF guard).

Item links are written by whoever controls a feed: ``http://169.254.169.254/`` (cloud metadata),
``http://localhost:5432/`` or ``http://10.0.0.7/admin`` must not be fetched on a publisher's say.
``check_url`` resolves the host and refuses when any address is loopback, private, link-local,
multicast, reserved or unspecified (IPv4-mapped IPv6 included). ``GuardedTransport`` connects only to
the address it checked — so DNS rebinding between check and connect does not help — and the client
checks again at every redirect hop, because each hop is a new request through the transport.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import httpx

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(Exception):
    """The URL points at an address the configuration does not allow; the message says which."""


def is_public(address: IpAddress) -> bool:
    """True for a globally routable unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(host: str, port: int) -> list[IpAddress]:
    """Every address ``host`` resolves to (a literal address gives itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedAddress(f"cannot resolve {host!r}: {exc}") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_url(url: str, *, allow_private: bool) -> IpAddress:
    """The address to connect to for ``url``; BlockedAddress when the scheme or any address is refused."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BlockedAddress(f"not an http(s) URL: {url[:200]!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(parts.hostname, port)
    if not addresses:
        raise BlockedAddress(f"{parts.hostname!r} has no address")
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise BlockedAddress(f"{parts.hostname} resolves to non-public address {address} (SSRF guard)")
    return addresses[0]


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport that checks every request's host (each redirect hop too) before connecting."""

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Refuse the request when its host resolves to a forbidden address, else connect to that address."""
        address = check_url(str(request.url), allow_private=self.allow_private)
        host = request.url.host
        if host != str(address):
            request.extensions = {**request.extensions, "sni_hostname": host}
            request.url = request.url.copy_with(host=str(address))  # the Host header keeps the name
        return super().handle_request(request)
