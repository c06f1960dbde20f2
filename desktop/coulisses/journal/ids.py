"""Safe, readable identifiers derived from what the maker typed."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LEN = 60
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt")
                                                     for i in range(10)}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_FILENAME_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|~]')


def slugify(name: str, fallback: str = "piece") -> str:
    """``Vase bleu ✨ #3`` → ``vase-bleu-3``: ASCII, lowercase, dashes, bounded length.

    The result is always a single safe path component: no separators, no dots
    at the start, no Windows device names, never empty.
    """
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
    slug = _NON_ALNUM.sub("-", text).strip("-")
    slug = slug[:MAX_ID_LEN].rstrip("-")
    if not slug:
        slug = fallback
    if slug in _WINDOWS_RESERVED:  # CON, NUL, COM1… are devices on Windows
        slug = f"{slug}-{fallback}"
    return slug


def unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: MAX_ID_LEN - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1


def is_valid_id(piece_id: str) -> bool:
    return bool(piece_id) and slugify(piece_id) == piece_id


def safe_filename_part(text: str, max_len: int = 80) -> str:
    """Keep a source file name recognisable but harmless inside a file name."""
    text = unicodedata.normalize("NFC", text)
    cleaned = _FILENAME_UNSAFE.sub("_", text).strip(" .")
    if len(cleaned) > max_len:
        cleaned = cleaned[-max_len:]  # keep the extension and the numbered end
    return cleaned or "photo"
