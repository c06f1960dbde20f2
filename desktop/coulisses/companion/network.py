"""Which addresses the companion listens on and which clients it answers.

The page is for the maker's own network: it listens on a local-network address
(never a public one, never every address at once) and answers only clients on
loopback, private (RFC 1918, RFC 4193) or link-local addresses. Both rules are
plain functions so tests check them without a network.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_PRIVATE = tuple(ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",  # RFC 1918
    "fc00::/7",  # RFC 4193 unique local addresses
))
_LINK_LOCAL = tuple(ipaddress.ip_network(n) for n in ("169.254.0.0/16", "fe80::/10"))


def _parse(text: str | None) -> Address | None:
    if not text:
        return None
    text = text.strip().strip("[]").split("%")[0]  # an IPv6 zone ("fe80::1%wlan0") is no matter
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # "::ffff:192.168.1.5" is that IPv4 client
    return address


def is_local_network(text: str | None) -> bool:
    """True for loopback, private (RFC 1918, RFC 4193) and link-local addresses only."""
    address = _parse(text)
    if address is None:
        return False
    if address.is_loopback:
        return True
    return any(address in net for net in (*_PRIVATE, *_LINK_LOCAL)
               if net.version == address.version)


def client_allowed(peer: str | None) -> bool:
    """Whether a request from ``peer`` (the socket's remote address) may be answered."""
    return is_local_network(peer)


def listen_problem(host: str) -> str | None:
    """Why the companion must not listen on ``host`` (English, for the caller to word), or
    None. "0.0.0.0" would also listen on a public address the computer may have."""
    address = _parse(host)
    if address is None:
        return "not an IP address"
    if address.is_unspecified:
        return "every address"
    if not is_local_network(host):
        return "not a local-network address"
    return None


def default_host() -> str:
    """The computer's address on its local network (the one its default route uses),
    found without sending anything; loopback when it has none that is local."""
    for family, probe in ((socket.AF_INET, ("10.255.255.255", 9)),
                          (socket.AF_INET6, ("fd00::1", 9))):
        with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as s:
            s.connect(probe)  # UDP connect: picks a route and a source address, sends nothing
            host = s.getsockname()[0]
            if listen_problem(host) is None and not _parse(host).is_loopback:  # type: ignore[union-attr]
                return host
    return "127.0.0.1"


def url_host(host: str) -> str:
    """``host`` as it goes into a URL (IPv6 in brackets)."""
    address = _parse(host)
    return f"[{address}]" if isinstance(address, ipaddress.IPv6Address) else host
