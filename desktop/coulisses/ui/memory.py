"""Give memory freed after a burst of work back to the system.

The window stays open for days. A suggestion search every minute while stills
arrive takes ~20 MB for a moment on a worker thread, and glibc keeps what a
thread's arena freed for that thread's next use: the window's resident memory
creeps up to its peaks and stays there. ``malloc_trim`` hands the free pages
back. Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

_trim: Callable[[int], int] | None = None
_looked = False


def give_back() -> None:
    """Return the heap's free pages to the system (glibc only; a few milliseconds)."""
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _trim = libc.malloc_trim
                _trim.argtypes = [ctypes.c_size_t]
                _trim.restype = ctypes.c_int
            except (OSError, AttributeError) as exc:  # musl, a static build
                log.debug("no malloc_trim here: %s", exc)
    if _trim is not None:
        _trim(0)


__all__ = ["give_back"]
