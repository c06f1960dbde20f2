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


# A still's file name is ``<stamp>[-seq]~<part>.jpg`` (at most 30 bytes besides the
# part) and atomicio writes it first as ``.<name>.<8 random>.tmp`` (14 more): a
# part of at most 200 UTF-8 bytes keeps both within ext4's 255-byte limit, and
# NTFS/APFS count UTF-16 units or characters, never more than UTF-8 bytes.
MAX_PART_BYTES = 200
MAX_PART_CHARS = 80  # what names were cut to before: old journals' names stay the same
# Characters that only make sense after the one before them (combining marks are
# checked separately): a cut must not start a name with one of these.
_JOINERS = frozenset("\u200c\u200d\ufe0e\ufe0f") | {chr(c) for c in range(0x1F3FB, 0x1F400)}


def valid_text(text: str) -> str:
    """``text`` as valid Unicode: a file name that was not UTF-8 (os.listdir gives its
    bytes as lone surrogates) is read as the Latin-1/Windows-1252 it most likely was
    (``caf\udce9.jpg`` → ``café.jpg``); any other lone surrogate becomes "_"."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    raw = text.encode("utf-8", "surrogateescape") if _only_escapes(text) else None
    if raw is not None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", "replace").replace("\ufffd", "_")
    return "".join("_" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _only_escapes(text: str) -> bool:
    # surrogateescape stands for bytes 0x80-0xff as U+DC80-U+DCFF, and only those.
    return all(not ("\ud800" <= ch <= "\udfff") or "\udc80" <= ch <= "\udcff" for ch in text)


def safe_filename_part(text: str, max_len: int = MAX_PART_CHARS,
                       max_bytes: int = MAX_PART_BYTES) -> str:
    """Keep a source file name recognisable but harmless inside a file name.

    Long names keep their end (the numbered part, ``IMG_1234``) and are cut to
    ``max_len`` characters and ``max_bytes`` UTF-8 bytes, never inside a
    character nor before a combining mark or joiner.
    """
    text = unicodedata.normalize("NFC", valid_text(text))
    cleaned = _FILENAME_UNSAFE.sub("_", text).strip(" .")
    if len(cleaned) > max_len:
        cleaned = cleaned[-max_len:]  # keep the extension and the numbered end
    encoded = cleaned.encode("utf-8")
    if len(encoded) > max_bytes:
        # Dropping bytes from the start may split the first character: "ignore"
        # drops its orphaned continuation bytes.
        cleaned = encoded[-max_bytes:].decode("utf-8", "ignore")
    start = 0
    while start < len(cleaned) and (unicodedata.combining(cleaned[start])
                                    or cleaned[start] in _JOINERS):
        start += 1
    cleaned = cleaned[start:].strip(" .")
    return cleaned or "photo"
