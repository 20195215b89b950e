"""The client's address, the same for the login lockout (django-axes) and the proof of work's
cost, and the network it is counted under.

`X-Forwarded-For` is believed only as far as it was written by a proxy we trust
(`TRUSTED_PROXIES`: addresses and networks). The header is walked from the right: the peer
(`REMOTE_ADDR`) must be a trusted proxy for the header to be read at all, and each hop that is
itself a trusted proxy is skipped; the first one that is not is the client. A client reaching
gunicorn directly, with a header it wrote itself, is its own peer address.

Every hop is parsed with `ipaddress`: ports are stripped (`1.2.3.4:5678`, `[2001:db8::1]:443`),
anything that is not an address is ignored, so no garbage reaches the database's inet column.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

UNKNOWN = "unknown"


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def trusted_networks(spec: Iterable[str]) -> tuple[Network, ...]:
    """The networks of a `TRUSTED_PROXIES` list; an entry that is not one raises ValueError
    (at start-up, from settings)."""
    return _networks(tuple(item.strip() for item in spec if item.strip()))


def parse_address(text: str) -> Address | None:
    """An address from a header or REMOTE_ADDR, without a port or brackets; None for
    anything else."""
    text = text.strip()
    if not text or len(text) > 64:
        return None
    if text.startswith("["):  # [2001:db8::1] or [2001:db8::1]:443
        end = text.find("]")
        if end < 0:
            return None
        text = text[1:end]
    elif text.count(":") == 1:  # 1.2.3.4:5678 (a bare IPv6 address has two or more colons)
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> Address | None:
    """The client's address, or None when there is none to be had (a test's request)."""
    peer = parse_address(str(request.META.get("REMOTE_ADDR", "") or ""))
    networks = trusted_networks(getattr(settings, "TRUSTED_PROXIES", ()))
    if peer is None or not _trusted(peer, networks):
        return peer
    header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    client = peer
    for hop in reversed(header.split(",")):
        address = parse_address(hop)
        if address is None:
            # Garbage where an address should be: nothing further left can be believed.
            break
        client = address
        if not _trusted(address, networks):
            break
    return client


def client_address(request: HttpRequest) -> str:
    address = client_ip(request)
    return UNKNOWN if address is None else str(address)


def client_network(request: HttpRequest) -> str:
    """What the proof of work's cost is counted under: an IPv4 address alone (/32), an IPv6
    address's /64 (one household or office gets a whole /64 and may rotate within it)."""
    address = client_ip(request)
    if address is None:
        return UNKNOWN
    return network_of(address)


def network_of(address: Address) -> str:
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return f"{address}/32"


def axes_client_ip(request: HttpRequest) -> str | None:
    """django-axes stores the address in an IP column: a valid address or None (a test's
    force_login), never a placeholder, a port or garbage."""
    address = client_ip(request)
    return None if address is None else str(address)
