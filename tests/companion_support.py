"""A real companion server on 127.0.0.1 over a small real piece with a real export, and a
plain HTTP client (urllib, http.client) as a phone's browser would talk to it."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from coulisses.companion.host import HeadlessHost, ReelMaker
from coulisses.companion.pairing import Pairing
from coulisses.companion.server import CompanionServer
from coulisses.export import ExportOptions, export_with_options

QUICK = ExportOptions(duration=2, end_card=False, result_first=False,
                      outputs=frozenset({"mp4", "post", "cover", "carousel"}))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def request(base: str, method: str, path: str, body: Any = None,
            headers: dict[str, str] | None = None) -> Reply:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    data = json.dumps(body).encode() if body is not None else None
    hdrs = {"Content-Type": "application/json"} if data is not None else {}
    conn.request(method, path, body=data, headers={**hdrs, **(headers or {})})
    r = conn.getresponse()
    reply = Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    conn.close()
    return reply


def pair(server: CompanionServer, user_agent: str = "Mozilla/5.0 (iPhone)") -> str:
    path = urlsplit(server.pairing_url()).path
    reply = request(server.base_url, "POST", path, headers={"User-Agent": user_agent})
    assert reply.status == 200, reply
    return reply.json()["token"]


def start_server(journal, piece_id: str, out: Path, config: Path,
                 clock: Clock | None = None) -> CompanionServer:
    host = HeadlessHost(journal, piece_id, ReelMaker(journal, out_dir=out))
    pairing = Pairing(config / "companion.json", clock=clock or Clock())
    server = CompanionServer(host, pairing, "127.0.0.1", 0)
    server.start()
    return server


def export_quick(journal, piece_id: str, out: Path):
    return export_with_options(journal.snapshot(piece_id), out, QUICK)
