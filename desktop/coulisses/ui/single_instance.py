"""One app per journal: a second launch brings the first window forward and exits.

A local socket alone (connect, and listen if nobody answers) lets two
launches started together both find nobody and both become primary. A lock
file decides who is primary; the socket only carries "come forward" from the
others. The lock records the holder's process id, so a primary that crashed
(or was killed) leaves a stale lock the next launch removes at once.

Both live in a folder only this user can write in (``$XDG_RUNTIME_DIR``, else
``/run/user/<uid>``, else a 0700 folder in the user's cache folder), never in
the shared temp folder: there, another local user could plant a lock or a
socket under the predictable name and stop every launch, or answer in our
place. Where a socket path would be too long, and on Windows (whose pipe names
anyone may take), the primary listens on an unguessable name and writes it in
that private folder for the others to read.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import logging
import os
import secrets
import shutil
import stat
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from coulisses import APP_ID
from coulisses.atomicio import write_text

log = logging.getLogger(__name__)

_ACTIVATE = b"activate\n"
_ACK = b"ok\n"
_RETRY_MS = 50
# sockaddr_un holds 108 bytes on Linux, 104 on macOS: a longer path cannot be bound.
MAX_SOCKET_PATH = 100


def key_for(journal_home: Path) -> str:
    """A short name, safe as a lock file and local socket name, per user and journal."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): the home folder will do
        user = str(Path.home())
    folder = os.path.normcase(str(Path(journal_home).expanduser().resolve()))
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


def _lock_dir() -> Path:
    """This user's own folder for the lock and the socket (see the module's docstring)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(runtime)] if runtime else []
    if hasattr(os, "getuid"):
        candidates.append(Path("/run/user") / str(os.getuid()))
    for folder in candidates:
        if _owned_by_us_only(folder):
            return folder
    from platformdirs import user_cache_path

    private = _private_dir(user_cache_path(APP_ID, appauthor=False) / "run")
    if private is not None:
        return private
    # Nowhere private to share with the next launch: better two windows than a
    # folder another user controls (mkdtemp's is ours alone, and unguessable).
    log.warning("no private folder for the single-instance lock; launches will not be merged")
    return Path(tempfile.mkdtemp(prefix=f"{APP_ID}-"))


def _owned_by_us_only(folder: Path) -> bool:
    """A real folder (not a link), ours, that no other user may write in."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if os.name == "nt":  # per-user folders there are guarded by their ACLs
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_dir(folder: Path) -> Path | None:
    """``folder``, made if missing and set to owner-only (0700); None if it is not ours."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
        if os.name != "nt" and stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() \
                and stat.S_IMODE(st.st_mode) != 0o700:
            os.chmod(folder, 0o700)
    except OSError as exc:
        log.warning("cannot use %s for the single-instance lock: %s", folder, exc)
        return None
    return folder if _owned_by_us_only(folder) else None


class SingleInstance(QObject):
    """``acquire()`` once at start-up; ``activated`` fires when another launch asks for us."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.folder = _lock_dir()
        self.lock_path = self.folder / f"{key}.lock"
        # Where the primary listens: a socket in the private folder when its path fits;
        # else an unguessable name, written in the private folder (``name_file``).
        socket_path = str(self.folder / key)
        self.fixed_name: str | None = socket_path if os.name != "nt" and \
            len(os.fsencode(socket_path)) <= MAX_SOCKET_PATH else None
        self.name_file = self.folder / f"{key}.server"
        self.server_name: str | None = None  # the name listened on, while primary
        self._socket_dir: Path | None = None  # a private temp folder for a long path
        # Qt's default staleLockTime (30 s) is kept on purpose: on this machine Qt
        # judges a lock by its recorded process (alive: never stale, however old;
        # gone: stale at once), and the age only matters for a lock it cannot read,
        # e.g. one left empty by a crash between creating and writing it.
        self._lock = QLockFile(str(self.lock_path))
        self._server: QLocalServer | None = None

    @property
    def is_primary(self) -> bool:
        return self._server is not None

    def acquire(self, timeout_ms: int = 3000) -> bool:
        """True: we are the primary and listen. False: another primary runs and was told.

        When the lock holder does not answer within ``timeout_ms`` (it is starting
        or hung), we still return False: a second camera owner is worse than a
        launch that has to be repeated.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            if self._lock.tryLock(0):
                self._listen()
                return True
            if self._tell_primary(deadline):
                return False
            if time.monotonic() >= deadline:
                log.warning("another Coulisses holds %s but does not answer", self.lock_path)
                return False
            # The holder took the lock but is not listening yet, or is quitting.
            time.sleep(_RETRY_MS / 1000)

    def release(self) -> None:
        """Stop listening and free the lock (at quit; also done when this object goes)."""
        if self._server is not None:
            self._server.close()
            self._server = None
            if self.fixed_name is None and self._lock.isLocked():
                with contextlib.suppress(OSError):
                    self.name_file.unlink()
            if self._socket_dir is not None:
                shutil.rmtree(self._socket_dir, ignore_errors=True)
                self._socket_dir = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = self.fixed_name or self._unguessable_name()
        # We hold the lock, so a socket file left under this name is a crashed primary's.
        QLocalServer.removeServer(name)
        if not server.listen(name):
            log.warning("cannot listen on %s: %s; other launches cannot bring this window "
                        "forward", name, server.errorString())
        elif self.fixed_name is None:
            try:
                write_text(self.name_file, name)
            except OSError as exc:
                log.warning("cannot write %s: %s; other launches cannot bring this window "
                            "forward", self.name_file, exc)
        self.server_name = name
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _unguessable_name(self) -> str:
        if os.name == "nt":  # a pipe name: anyone may take a name they can guess
            return f"{self.key}-{secrets.token_hex(16)}"
        self._socket_dir = Path(tempfile.mkdtemp(prefix=f"{APP_ID}-"))  # 0700, ours
        return str(self._socket_dir / "s")

    def _primary_name(self) -> str | None:
        """The name the primary listens on; None while it has not said it yet."""
        if self.fixed_name is not None:
            return self.fixed_name
        try:
            return self.name_file.read_text("utf-8").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # the message may have arrived with the connection

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            if bytes(socket.readLine().data()) == _ACTIVATE:
                # Answer before acting: a slot that quits must not leave the sender
                # unanswered (it would then take over as primary).
                socket.write(_ACK)
                socket.flush()
                self.activated.emit()

    def _tell_primary(self, deadline: float) -> bool:
        """Ask the running primary to come forward; True once it acknowledged."""
        name = self._primary_name()
        if name is None:
            return False
        socket = QLocalSocket()
        socket.connectToServer(name)
        try:
            if not socket.waitForConnected(_remaining_ms(deadline, floor=_RETRY_MS)):
                return False
            socket.write(_ACTIVATE)
            if not socket.waitForBytesWritten(_remaining_ms(deadline, floor=_RETRY_MS)):
                return False
            # The primary answers from its event loop; it may be busy starting up.
            while not socket.canReadLine():
                if not socket.waitForReadyRead(_remaining_ms(deadline, floor=_RETRY_MS)):
                    # Told but not acknowledged in time: it still heard us unless it died.
                    return socket.state() == QLocalSocket.LocalSocketState.ConnectedState
            return True
        finally:
            socket.abort()


def _remaining_ms(deadline: float, floor: int) -> int:
    return max(floor, int((deadline - time.monotonic()) * 1000))
