"""The window's heap: one glibc arena for every thread (coulisses/heap.py), so what pool
threads free can be handed back instead of staying scattered in arenas of their own."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.installed import clean_env

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")

# Threads allocating at the same time, then glibc's own report of its arenas (stderr).
PROGRAM = textwrap.dedent("""
    import ctypes, sys, threading
    from coulisses.heap import one_arena
    if sys.argv[1] == "one":
        assert one_arena()
    barrier = threading.Barrier(6)
    def churn():
        barrier.wait()
        for _ in range(20000):
            block = [bytearray(300) for _ in range(8)]
            del block
    threads = [threading.Thread(target=churn) for _ in range(6)]
    for t in threads: t.start()
    for t in threads: t.join()
    ctypes.CDLL(None).malloc_stats()
""")


def _arenas(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True,
                          text=True, env=clean_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    return sum(1 for line in done.stderr.splitlines() if line.startswith("Arena "))


def test_threads_share_one_arena_once_asked():
    assert _arenas("default") > 1  # the measurement can tell: threads get arenas of their own
    assert _arenas("one") == 1
