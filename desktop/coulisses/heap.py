"""Give memory freed after a burst of work back to the system.

glibc keeps what a thread freed in that thread's own arena for its next use: after
large photo decodes on worker threads (measured: 1.0 GB still held after three
110-MP decodes taking turns), or the window's once-a-minute suggestion search, the
process would hold its peaks for good. ``malloc_trim`` hands the free pages back.
Elsewhere (macOS, Windows, musl) this does nothing.

``one_arena()`` goes further for the window, which runs for weeks: glibc gives each
thread that meets a busy heap an arena of its own, and what the thumbnail, timeline
and work pools free there stays scattered between live blocks that ``malloc_trim``
cannot hand back. Measured with tests/bench/bench_soak.py (Timeline tab, 12,000
stills): RSS +36 MB after the first 1,000 stills with the default arenas, +15 MB with
one, CPU per still the same.
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
_M_ARENA_MAX = -8  # glibc's malloc.h


def one_arena() -> bool:
    """Have every thread allocate from the main heap (glibc only). Call it before any
    thread starts: arenas made earlier stay. Whether it was applied."""
    if _malloc_trim is None:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except AttributeError:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_ARENA_MAX, 1))


def give_back() -> None:
    """Return the heap's free pages to the system now (glibc only; a few milliseconds)."""
    if _malloc_trim is not None:
        _malloc_trim(0)


__all__ = ["give_back", "one_arena"]
