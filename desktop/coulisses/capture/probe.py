"""Which cameras this computer has, for the app's source menu.

On Linux the kernel lists them in sysfs, without opening anything: each USB
webcam shows up as two or more ``/dev/videoN`` nodes, and only the one whose
``index`` is 0 gives pictures (the others carry metadata). Reading names
there is instant and never disturbs a camera another program is using, so
no device is opened (opening one takes a second of warm-up and may fail
while busy). Elsewhere there is no such list: indices are tried with OpenCV
and released at once, stopping after two missing ones in a row.

Called off the GUI thread; never raises (a problem gives an empty list and a
log line).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coulisses.i18n import tr

log = logging.getLogger(__name__)

SYSFS = Path("/sys/class/video4linux")


@dataclass(frozen=True)
class CameraInfo:
    index: int  # what ``--source`` takes (``0`` for /dev/video0)
    name: str  # what the maker sees in the menu


Opener = Callable[[int], bool]  # index -> could it be opened (and was released)


def list_cameras(max_index: int = 6, *, sysfs: Path | None = None,
                 opener: Opener | None = None) -> list[CameraInfo]:
    """The cameras on this computer, by index; [] when none (or on any problem)."""
    try:
        if sysfs is not None or (sys.platform.startswith("linux") and opener is None):
            return _from_sysfs(sysfs or SYSFS)
        return _by_opening(max_index, opener or _opencv_opens)
    except Exception:  # a menu with no cameras beats an app that cannot start
        log.warning("listing the cameras failed", exc_info=True)
        return []


def _from_sysfs(root: Path) -> list[CameraInfo]:
    if not root.is_dir():
        return []  # no V4L2 device at all (or no sysfs): no camera
    found: list[CameraInfo] = []
    for node in root.iterdir():
        if not node.name.startswith("video") or not node.name[5:].isdigit() or not node.is_dir():
            continue
        index = int(node.name[5:])
        try:
            if _read(node / "index", "0") != "0":
                continue  # a secondary node of a device (metadata): gives no picture
            name = _read(node / "name", "") or tr("camera {index}", index=index)
        except OSError as exc:  # a node unplugged while we read it
            log.info("skipping %s: %s", node.name, exc)
            continue
        found.append(CameraInfo(index, name))
    return sorted(found, key=lambda c: c.index)


def _read(path: Path, missing: str) -> str:
    """A sysfs attribute, stripped; ``missing`` when the kernel does not provide it."""
    if not path.exists():
        return missing
    return path.read_text(encoding="utf-8", errors="replace").strip()


def _by_opening(max_index: int, opener: Opener) -> list[CameraInfo]:
    found: list[CameraInfo] = []
    misses = 0
    for index in range(max_index + 1):
        if opener(index):
            found.append(CameraInfo(index, tr("camera {index}", index=index)))
            misses = 0
        else:
            misses += 1
            if misses >= 2:  # each failed try can cost a second on some backends
                break
    return found


def _opencv_opens(index: int) -> bool:
    import cv2

    from coulisses.capture.camera import default_backend
    from coulisses.capture.source_base import quiet_opencv

    quiet_opencv()
    cap = cv2.VideoCapture(index, default_backend())
    try:
        return bool(cap.isOpened())
    finally:
        cap.release()
