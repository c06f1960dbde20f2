"""The companion's host in the window: a phone's flag is the bench's flag.

The server runs on its own thread; flags and captions are done on the GUI thread
through the ``Bench``, so a phone's flag is the same undoable edit as F8–F11
(Ctrl+Z takes it back, the window shows it at once) and lands where a key's
would. The server's worker thread waits for the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from coulisses.companion.host import FLAG_KINDS, HostError, ReelMaker
from coulisses.i18n import tr
from coulisses.journal import Journal
from coulisses.journal.model import Moment
from coulisses.ui.main_window.bench import Bench

GUI_WAIT = 10.0  # seconds: a window busy longer than this answers the phone with an error


class _OnGui(QObject):
    """Runs callables on the thread this object lives on (the GUI thread)."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(job: Callable[[], None]) -> None:
        job()

    def post(self, job: Callable[[], None]) -> None:
        self._call.emit(job)

    def call(self, fn: Callable[[], Any]) -> Any:
        future: Future = Future()

        def job() -> None:
            if not future.set_running_or_notify_cancel():
                return  # the phone gave up waiting: do nothing late
            try:
                future.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                future.set_exception(exc)

        self._call.emit(job)
        try:
            return future.result(GUI_WAIT)
        except FutureTimeout:
            future.cancel()
            raise HostError(tr("The computer is busy; try again in a moment.")) from None


class WindowHost(QObject):
    captioned = Signal(str)  # moment id: the window's caption prompt stops asking for it

    def __init__(self, journal: Journal, bench: Bench, reels: ReelMaker,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.bench = bench
        self.reels = reels  # the window's (ui/companion/auto_reel.py): one reel at a time
        self._gui = _OnGui(self)

    def piece_id(self) -> str | None:
        # Plain attributes (no Qt call), read from the server's thread.
        return self.bench.target_piece or None

    def recording(self) -> bool | None:
        return self.bench.capture.recording

    def flag(self, kind: str) -> Moment:
        """The bench's flag, on the GUI thread; waits for the edit (which may be queued
        behind another edit of the piece) or the sentence saying why it failed."""
        if kind not in FLAG_KINDS:
            raise HostError(tr("Unknown kind of moment."))
        future: Future = Future()
        bench = self.bench

        def start() -> None:
            def flagged(_piece_id: str, moment: Moment) -> None:
                if moment.kind == kind and not future.done():
                    future.set_result(moment)
                    done()

            def problem(text: str) -> None:
                if not future.done():
                    future.set_exception(HostError(text))
                    done()

            def done() -> None:
                bench.flagged.disconnect(flagged)
                bench.problem.disconnect(problem)

            bench.flagged.connect(flagged)
            bench.problem.connect(problem)
            bench.flag(kind)

        self._gui.post(start)
        try:
            return future.result(GUI_WAIT)
        except FutureTimeout:
            raise HostError(tr("The computer is busy; try again in a moment.")) from None

    def caption(self, piece_id: str, moment_id: str, text: str) -> None:
        def caption() -> bool:
            done = self.bench.caption(piece_id, moment_id, text)
            if done:
                self.captioned.emit(moment_id)
            return done

        if not self._gui.call(caption):
            raise HostError(tr("Another change to this piece is being saved; try again in "
                               "a moment."))
