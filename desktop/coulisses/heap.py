"""Give memory freed after a burst of work back to the system.

glibc keeps what a thread freed in that thread's own arena for its next use: after
large photo decodes on worker threads (measured: 1.0 GB still held after three
110-MP decodes taking turns), or the window's once-a-minute suggestion search, the
process would hold its peaks for good. ``malloc_trim`` hands the free pages back.
Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable


def _libc_malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # glibc only
    except (OSError, AttributeError):  # musl, a static build
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_malloc_trim = _libc_malloc_trim()


def give_back() -> None:
    """Return the heap's free pages to the system now (glibc only; a few milliseconds)."""
    if _malloc_trim is not None:
        _malloc_trim(0)


__all__ = ["give_back"]
