"""Peak memory of the running program, measured right.

``ru_maxrss`` is the wrong figure for a child process on Linux: exec keeps the
high-water mark of the address space it replaces, so a child spawned by a 600 MB
test session reports 600 MB before it has done anything. ``VmHWM`` in
``/proc/self/status`` is the peak of this program's own address space.
"""

from __future__ import annotations


def peak_rss_mb() -> float:
    """Peak resident memory of this process since it started, in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # macOS: bytes; elsewhere kB

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import sys

    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024
