"""The export's folder in the maker's output folder: built hidden, shown whole.

An export is written into a hidden ``.<name>.partial`` folder and renamed to
``<name>`` at the very end, so the maker sees a complete export or none. The
first thing written inside is Coulisses' marker (``.coulisses-export``, a small
JSON document naming the process and the computer), and it stays there until
after the rename: a second export cleaning up leftovers sees a live owner
until the folder has its final name, and it only ever deletes folders that
carry this marker with a dead owner, never a hidden folder the maker made.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import socket
import time
from datetime import datetime
from pathlib import Path

from coulisses.atomicio import fsync_dir, write_text

PARTIAL_SUFFIX = ".partial"
MARKER = ".coulisses-export"
MARKER_FORMAT = "coulisses-export-in-progress"
OTHER_HOST_STALE_AFTER = 86400.0  # seconds; another computer's process cannot be checked


def name_for(piece_id: str, when: datetime | None = None) -> str:
    """``<piece-id>-<YYYYMMDD-HHMM>``, made safe as a file name."""
    when = when or datetime.now()
    safe_id = re.sub(r"[^\w.-]+", "-", piece_id).strip(".-") or "reel"
    return f"{safe_id}-{when:%Y%m%d-%H%M}"


def partial_name(name: str) -> str:
    return f".{name}{PARTIAL_SUFFIX}"


def free_name(out_dir: Path, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… : a name neither final nor partial folder uses."""
    name, n = base, 2
    # lexists: a dangling link holds a name too (exists() says no, mkdir says taken).
    while os.path.lexists(out_dir / name) or os.path.lexists(out_dir / partial_name(name)):
        name = f"{base}-{n}"
        n += 1
    return name


# --------------------------------------------------------------------------- the marker
def marker_text(pid: int | None = None, host: str | None = None) -> str:
    return json.dumps({"format": MARKER_FORMAT, "version": 1,
                       "pid": os.getpid() if pid is None else pid,
                       "host": socket.gethostname() if host is None else host,
                       "started": datetime.now().astimezone().isoformat(timespec="seconds")},
                      ensure_ascii=False) + "\n"


def read_marker(folder: Path) -> tuple[int, str] | None:
    """(pid, host) of the export that owns ``folder``; None when it carries no
    Coulisses marker (the maker's own folder, or anything else)."""
    try:
        with open(folder / MARKER, "rb") as fh:
            doc = json.loads(fh.read(4096))
        if not isinstance(doc, dict) or doc.get("format") != MARKER_FORMAT:
            return None
        pid, host = doc["pid"], doc["host"]
    except (OSError, ValueError, KeyError):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
        return None
    return pid, host


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours (PermissionError), or cannot tell: alive
        return True
    return True


def _abandoned(folder: Path) -> bool:
    """True only for Coulisses' own partial folder whose export is gone."""
    owner = read_marker(folder)
    if owner is None:
        return False
    pid, host = owner
    if host != socket.gethostname():
        # Another computer's export into a shared folder: its process cannot be
        # checked from here, so only a day-old leftover is taken as abandoned.
        try:
            return time.time() - folder.stat().st_mtime > OTHER_HOST_STALE_AFTER
        except OSError:
            return False
    return pid != os.getpid() and not _pid_alive(pid)


def clean_stale_partials(out_dir: str | os.PathLike[str]) -> list[Path]:
    """Remove the hidden leftovers of Coulisses exports that were killed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(out_dir))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(PARTIAL_SUFFIX)
                and entry.is_dir(follow_symlinks=False)):
            continue
        path = Path(entry.path)
        if _abandoned(path):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


# --------------------------------------------------------------------------- permissions
def _umask() -> int:
    """The process umask, read without changing it (os.umask would briefly set it
    for every thread, e.g. a capture writing stills at the same moment)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def share_modes(folder: Path) -> None:
    """Crash-safe temp files are created private (0600); an export is meant to be
    shared, so give its files the user's usual permissions."""
    mask = _umask()
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                os.chmod(path, 0o666 & ~mask)


# --------------------------------------------------------------------------- the folder
class PartialFolder:
    """One export's hidden working folder, from creation to its final name."""

    def __init__(self, out_dir: Path, name: str, base: str | None = None) -> None:
        self.out_dir = out_dir
        self.name = name
        self.base = base or name  # the name asked for, before any -2, -3…
        self.path = out_dir / partial_name(name)
        self.published = False

    @classmethod
    def create(cls, out_dir: Path, base: str) -> PartialFolder:
        """Make a new hidden folder for ``base`` (or the next free name) and mark it."""
        while True:
            name = free_name(out_dir, base)
            try:
                (out_dir / partial_name(name)).mkdir()
            except FileExistsError:  # another export took this name meanwhile: next one
                continue
            folder = cls(out_dir, name, base)
            try:
                write_text(folder.path / MARKER, marker_text())
            except BaseException:
                folder.discard()
                raise
            return folder

    def publish(self) -> Path:
        """Give the finished export its final name; the marker leaves only afterwards."""
        share_modes(self.path)
        fsync_dir(self.path)
        name = self.name
        while True:
            if os.path.lexists(self.out_dir / name):
                # From the name asked for: vase-…-3 after a rival took -2, not -2-2.
                name = free_name(self.out_dir, self.base)
            final = self.out_dir / name
            try:
                os.rename(self.path, final)
            except OSError as exc:
                # Someone took that name meanwhile (a folder, or a file: ENOTDIR): never
                # replace theirs, take the next free one. Any other error is raised.
                if (exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR)
                        and os.path.lexists(final)):
                    continue
                raise
            break
        self.name, self.path, self.published = final.name, final, True
        fsync_dir(self.out_dir)
        # The export is complete and visible now; a marker left by a crash at this
        # instant is a harmless hidden file, never a reason to delete the folder.
        with contextlib.suppress(OSError):
            (final / MARKER).unlink()
            fsync_dir(final)
        return final

    def discard(self) -> None:
        """Remove the unfinished folder (never a published one)."""
        if not self.published:
            shutil.rmtree(self.path, ignore_errors=True)


def default_reels_dir() -> Path:
    """Where reels go unless the maker says otherwise: <Videos>/Coulisses, else ~/Coulisses.

    The window and ``coulisses demo`` both ask here, so a maker finds every reel
    in one place. platformdirs knows the localised folder (~/Vidéos, ~/Movies);
    it names one even when it does not exist, hence the check.
    """
    try:
        import platformdirs

        videos = Path(platformdirs.user_videos_dir())
    except Exception:  # noqa: BLE001 - a system without a videos folder
        videos = None
    base = videos if videos is not None and videos.is_dir() else Path.home()
    return base / "Coulisses"
