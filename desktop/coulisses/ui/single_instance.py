"""One app per journal: a second launch brings the first window forward and exits.

A local socket alone (connect, and listen if nobody answers) lets two
launches started together both find nobody and both become primary. A lock
file decides who is primary; the socket only carries "come forward" from the
others. The lock records the holder's process id, so a primary that crashed
(or was killed) leaves a stale lock the next launch removes at once.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from coulisses import APP_ID

log = logging.getLogger(__name__)

_ACTIVATE = b"activate\n"
_ACK = b"ok\n"
_RETRY_MS = 50


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
    # XDG_RUNTIME_DIR is per user and cleared at logout; elsewhere the temp folder
    # (per user on Windows and macOS; on Linux the key already names the user).
    # Not QStandardPaths.RuntimeLocation: it warns and invents a folder when unset.
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    return Path(folder or QDir.tempPath())


class SingleInstance(QObject):
    """``acquire()`` once at start-up; ``activated`` fires when another launch asks for us."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.lock_path = _lock_dir() / f"{key}.lock"
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
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket file left under this name is a crashed primary's.
        QLocalServer.removeServer(self.key)
        if not server.listen(self.key):
            log.warning("cannot listen on %s: %s; other launches cannot bring this window "
                        "forward", self.key, server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

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
        socket = QLocalSocket()
        socket.connectToServer(self.key)
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
