"""Suggestion signatures stored when a still is stored: one append-only file per day.

``<piece>/cache/signatures/<day>.csg`` holds fixed-size records::

    b"CSG2" | key (60 bytes) | signature (648 bytes) | checksum (u32, little-endian)

A signature is the still's brightness at 24x18 and its two chroma channels at
12x9 (YCrCb, area averages: journal.codec makes them). Journals written before
colour was kept have grey-only ``<day>.sig`` files (``b"CSG1"``, 432 bytes a
signature): still read (``read_day(..., GREY)``) and moved with their stills,
but the finder no longer uses them; those stills' colour signatures are made
lazily from their thumbnails, as for journals older than stored signatures.

The key is the capture id (UTF-8, NUL-padded), or for an id longer than 60
bytes its first 43 bytes, "/" (never part of an id) and a 16-hex-digit hash.
Appending one record costs the same for the first still and the 100,000th,
and each record is written with one ``O_APPEND`` write, so several processes
(a capture, an import, the app) can add to the same day at once.

It is a cache, written without fsync: a power cut may leave a torn or zeroed
tail, and a later append then lands after it. The reader checks every record
(magic and checksum) and, past a bad one, finds the next magic; a still whose
record is missing simply has its signature computed again from its thumbnail.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coulisses.journal.confine import open_append

log = logging.getLogger(__name__)

# A signature is a still's brightness shrunk to 24x18 and its chroma (Cr, Cb) to 12x9,
# in that order (journal.codec makes them). Defined here, without OpenCV, so reading
# stored ones never loads it.
SIG_W, SIG_H = 24, 18
CHROMA_W, CHROMA_H = 12, 9
LUMA_SIZE = SIG_W * SIG_H
SIG_SIZE = LUMA_SIZE + 2 * CHROMA_W * CHROMA_H  # 648 bytes

KEY_BYTES = 60


@dataclass(frozen=True)
class Format:
    """One record layout of the day files."""

    magic: bytes
    suffix: str
    size: int  # signature bytes

    @property
    def body(self) -> int:
        return KEY_BYTES + self.size

    @property
    def record(self) -> int:
        return len(self.magic) + self.body + 4

    @property
    def dtype(self) -> np.dtype:
        return np.dtype([("magic", "S4"), ("key", f"S{KEY_BYTES}"), ("sig", "u1", (self.size,)),
                         ("check", "<u4")])

    @property
    def empty(self) -> Day:
        return np.array([], dtype=f"S{KEY_BYTES}"), np.zeros((0, self.size), np.uint8)


COLOUR = Format(b"CSG2", ".csg", SIG_SIZE)
GREY = Format(b"CSG1", ".sig", LUMA_SIZE)  # journals before colour was kept: read only
FORMATS = (COLOUR, GREY)
SUFFIX, MAGIC, RECORD = COLOUR.suffix, COLOUR.magic, COLOUR.record
# Position-weighted byte sum: a torn, shifted or zeroed record does not match it.
_WEIGHTS = np.arange(1, COLOUR.body + 1, dtype=np.uint32)

Day = tuple[np.ndarray, np.ndarray]  # sorted unique keys (S60), signatures (n, size) uint8
EMPTY: Day = COLOUR.empty


def key_of(capture_id: str) -> bytes:
    raw = capture_id.encode("utf-8")
    if len(raw) <= KEY_BYTES:
        return raw
    digest = hashlib.blake2b(raw, digest_size=8).hexdigest().encode("ascii")
    return raw[:KEY_BYTES - 17] + b"/" + digest


def keys_of(capture_ids: list[str]) -> np.ndarray:
    return np.array([key_of(c) for c in capture_ids], dtype=f"S{KEY_BYTES}")


def _checksum(body: np.ndarray) -> np.ndarray:
    return body.astype(np.uint32) @ _WEIGHTS[:body.shape[-1]]


def format_of(signature: np.ndarray) -> Format:
    """The record layout for a signature of this size (ValueError for any other)."""
    for fmt in FORMATS:
        if signature.size == fmt.size:
            return fmt
    raise ValueError(f"a signature has {SIG_SIZE} values, not {signature.size}")


def record(capture_id: str, signature: np.ndarray) -> bytes:
    sig = np.ascontiguousarray(signature, dtype=np.uint8).reshape(-1)
    fmt = format_of(sig)
    body = key_of(capture_id).ljust(KEY_BYTES, b"\0") + sig.tobytes()
    check = int(_checksum(np.frombuffer(body, np.uint8)))
    return fmt.magic + body + check.to_bytes(4, "little")


def day_path(folder: Path, day: str, fmt: Format = COLOUR) -> Path:
    return folder / f"{day}{fmt.suffix}"


def append(folder: Path, day: str, capture_id: str, signature: np.ndarray) -> None:
    """Add one still's signature; a failure only costs a decode later, so it is logged.

    A grey signature (an old journal's, moved to another piece) goes to the old file."""
    data = record(capture_id, signature)
    fmt = format_of(np.asarray(signature).reshape(-1))
    try:
        fd = open_append(day_path(folder, day, fmt))
        try:
            os.write(fd, data)  # one write per record: O_APPEND keeps writers apart
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("signature of %s not stored: %s", capture_id, exc)


def _valid(records: np.ndarray, fmt: Format) -> np.ndarray:
    raw = records.view(np.uint8).reshape(len(records), fmt.record)
    body = raw[:, len(fmt.magic):len(fmt.magic) + fmt.body]
    return (records["magic"] == fmt.magic) & (_checksum(body) == records["check"])


def _resync(raw: bytes, fmt: Format) -> np.ndarray:
    """Good records of a file with a torn one inside (after a crash): slow, and rare."""
    good: list[bytes] = []
    pos = 0
    while True:
        at = raw.find(fmt.magic, pos)
        if at < 0 or at + fmt.record > len(raw):
            break
        rec = raw[at:at + fmt.record]
        if _valid(np.frombuffer(rec, fmt.dtype), fmt)[0]:
            good.append(rec)
            pos = at + fmt.record
        else:
            pos = at + 1
    return np.frombuffer(b"".join(good), fmt.dtype)


def read_day(folder: Path, day: str, fmt: Format = COLOUR) -> Day:
    """The stored signatures of one day, keys sorted; the last record of a key wins."""
    path = day_path(folder, day, fmt)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return fmt.empty
    except OSError as exc:
        log.info("stored signatures %s not read (%s)", path, exc)
        return fmt.empty
    whole = len(raw) - len(raw) % fmt.record
    records = np.frombuffer(raw, fmt.dtype, count=whole // fmt.record)
    if len(raw) != whole or not _valid(records, fmt).all():
        log.info("stored signatures %s have damaged records; they are skipped", path)
        records = _resync(raw, fmt)
    if not len(records):
        return fmt.empty
    # Keep each key's last record: reverse, then np.unique keeps first occurrences.
    keys = records["key"][::-1]
    uniq, first = np.unique(keys, return_index=True)
    return uniq, records["sig"][::-1][first]


def lookup(stored: Day, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hit mask, index into stored) for each key."""
    ids, _ = stored
    if not ids.size or not keys.size:
        return np.zeros(keys.size, bool), np.zeros(keys.size, np.int64)
    at = np.minimum(np.searchsorted(ids, keys), ids.size - 1)
    return ids[at] == keys, at


__all__ = ["CHROMA_H", "CHROMA_W", "COLOUR", "EMPTY", "FORMATS", "GREY", "LUMA_SIZE", "RECORD",
           "SIG_H", "SIG_SIZE", "SIG_W", "Format", "append", "day_path", "format_of", "key_of",
           "keys_of", "lookup", "read_day", "record"]
