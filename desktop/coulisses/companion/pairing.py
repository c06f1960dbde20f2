"""Pairing a phone: one-time codes, per-device tokens, and a limit on wrong guesses.

The QR code carries a short-lived code that works once; the page trades it for
a token of its own. Only a hash of each token is kept, in ``companion.json``
in the user's private config folder (beside the preferences, never in the
journal, which is synced and backed up). Forgetting a phone drops its hash: its
next request gets the same 404 as a stranger's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from coulisses.atomicio import write_text

log = logging.getLogger(__name__)

FILE_NAME = "companion.json"
CODE_SECONDS = 5 * 60  # long enough to find the phone, short enough to be useless later
MAX_CODES = 8
MAX_DEVICES = 32
FAILURES_ALLOWED = 10  # wrong codes or tokens from one address within FAILURE_WINDOW ...
FAILURE_WINDOW = 60.0  # ... then every request from it gets 404 until they age out
MAX_TRACKED = 1024  # addresses remembered for the limit (a flood cannot grow memory)


def devices_path() -> Path:
    """``companion.json`` beside the preferences (``$COULISSES_CONFIG`` in tests)."""
    from coulisses.preferences import preferences_path

    return preferences_path().with_name(FILE_NAME)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Device:
    id: str  # short, shown nowhere but used to forget it
    name: str  # "iPhone", "Android phone": from its browser, for the maker to tell them apart
    paired: datetime
    token_hash: str
    seen: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "paired": self.paired.isoformat(),
                "token_sha256": self.token_hash}

    @classmethod
    def from_json(cls, d: Any) -> Device | None:
        try:
            token_hash = str(d["token_sha256"])
            if len(token_hash) != 64 or not all(c in "0123456789abcdef" for c in token_hash):
                return None
            return cls(str(d["id"])[:32], str(d["name"])[:64],
                       datetime.fromisoformat(d["paired"]), token_hash)
        except (KeyError, TypeError, ValueError):
            return None


def device_name(user_agent: str | None) -> str:
    """A plain name for a phone from its browser's User-Agent (never stored whole)."""
    ua = (user_agent or "").lower()
    for needle, name in (("iphone", "iPhone"), ("ipad", "iPad"), ("android", "Android"),
                         ("macintosh", "Mac"), ("windows", "Windows"), ("linux", "Linux")):
        if needle in ua:
            return name
    return "?"


class Pairing:
    """Codes, tokens and failures; safe to use from the server's thread and the GUI's."""

    def __init__(self, path: Path | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path if path is not None else devices_path()
        self.clock = clock
        self._lock = threading.Lock()
        self._codes: dict[str, float] = {}  # code -> expiry (clock)
        self._failures: dict[str, deque[float]] = {}
        self._devices: dict[str, Device] = {d.token_hash: d for d in self._load()}
        self.changed: Callable[[], None] = lambda: None  # the window's list refreshes

    # ------------------------------------------------------------ devices on disk
    def _load(self) -> list[Device]:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            # A damaged file only means phones pair again: never a reason not to serve.
            log.warning("paired phones not read from %s: %s", self.path, exc)
            return []
        items = doc.get("devices") if isinstance(doc, dict) else None
        found = [Device.from_json(d) for d in items or ()]
        return [d for d in found if d is not None][:MAX_DEVICES]

    def _save(self) -> None:
        doc = {"devices": [d.to_json() for d in self._devices.values()]}
        write_text(self.path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")

    def devices(self) -> list[Device]:
        with self._lock:
            return sorted(self._devices.values(), key=lambda d: d.paired)

    def forget(self, device_id: str) -> bool:
        with self._lock:
            found = [h for h, d in self._devices.items() if d.id == device_id]
            for h in found:
                del self._devices[h]
            if found:
                self._save()
        if found:
            self.changed()
        return bool(found)

    # ------------------------------------------------------------ codes and tokens
    def new_code(self) -> str:
        """A fresh one-time code for the QR (older unexpired ones keep working once)."""
        code = secrets.token_urlsafe(12)
        with self._lock:
            self._drop_expired()
            while len(self._codes) >= MAX_CODES:
                del self._codes[min(self._codes, key=self._codes.__getitem__)]
            self._codes[code] = self.clock() + CODE_SECONDS
        return code

    def code_valid(self, code: str) -> bool:
        with self._lock:
            self._drop_expired()
            return code in self._codes

    def _drop_expired(self) -> None:
        now = self.clock()
        for code in [c for c, t in self._codes.items() if t <= now]:
            del self._codes[code]

    def redeem(self, code: str, user_agent: str | None = None) -> str | None:
        """The new device's token for a valid code (which is then used up), else None."""
        with self._lock:
            self._drop_expired()
            if self._codes.pop(code, None) is None:
                return None
            token = secrets.token_urlsafe(32)
            device = Device(secrets.token_hex(6), device_name(user_agent),
                            datetime.now().astimezone().replace(microsecond=0), _hash(token))
            self._devices[device.token_hash] = device
            while len(self._devices) > MAX_DEVICES:  # the oldest pairing goes first
                oldest = min(self._devices.values(), key=lambda d: d.paired)
                del self._devices[oldest.token_hash]
            try:
                self._save()
            except OSError as exc:
                # The phone works until the companion closes; it pairs again next time.
                log.warning("paired phone not saved to %s: %s", self.path, exc)
        self.changed()
        return token

    def device_for(self, token: str) -> Device | None:
        """The paired device holding ``token`` (noting it was seen), else None."""
        if not token or len(token) > 128:
            return None
        h = _hash(token)
        with self._lock:
            device = self._devices.get(h)
            if device is not None:
                device = replace(device, seen=datetime.now().astimezone())
                self._devices[h] = device
            return device

    # ------------------------------------------------------------ the limit on failures
    def blocked(self, client: str) -> bool:
        with self._lock:
            return len(self._recent(client)) >= FAILURES_ALLOWED

    def failed(self, client: str) -> None:
        with self._lock:
            if client not in self._failures and len(self._failures) >= MAX_TRACKED:
                with contextlib.suppress(StopIteration):
                    del self._failures[next(iter(self._failures))]
            self._recent(client).append(self.clock())

    def _recent(self, client: str) -> deque[float]:
        times = self._failures.setdefault(client, deque(maxlen=FAILURES_ALLOWED))
        while times and times[0] <= self.clock() - FAILURE_WINDOW:
            times.popleft()
        return times
