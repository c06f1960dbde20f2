"""Run long jobs off the GUI thread and hear about them on it.

One helper for every job (capture, import, export): the job is a plain
function taking ``(cancel: CancelToken, progress: ProgressCallback)``; it runs
on Qt's thread pool and its progress, result or error arrive as signals on the
GUI thread (queued connections), so widgets are only touched there and no
QPixmap is ever made off the GUI thread.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from coulisses.i18n import tr
from coulisses.jobs import Cancelled, CancelToken, Progress, ProgressCallback
from coulisses.os_errors import describe_os_error, own_sentence

log = logging.getLogger(__name__)

Job = Callable[[CancelToken, ProgressCallback], Any]


class TaskSignals(QObject):
    progress = Signal(object)  # Progress
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # one sentence for the maker
    cancelled = Signal()


class Task:
    """A job and its signals. The pool runs ``task.run`` through a runnable it owns.

    Not a QRunnable on purpose: a Python-owned QRunnable dies with its last
    Python reference, which the GUI thread can drop (a finished signal) while
    the pool thread is still returning from ``run()``: a use-after-free that
    crashed under many short thumbnail jobs. Here the pool owns its runnable.
    """

    def __init__(self, job: Job) -> None:
        self.job = job
        self.token = CancelToken()
        self.signals = TaskSignals()
        self.started = False
        self.dropped = False  # taken off the queue before it started: run() does nothing
        self.ended = False  # the job returned or raised: set on the pool thread, signals or not
        self.returned = False  # run() is past its last use of the signals (it may be dropped)
        self.freeing = False  # its signals' QObject is being deleted (TaskRunner._sweep)

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:  # runs on a pool thread
        try:
            self._run()
        finally:
            self.returned = True

    def _run(self) -> None:
        if self.dropped:
            return
        self.started = True

        def report(p: Progress) -> None:
            if not _emit(self.signals.progress, p):
                self.token.cancel()  # nobody is listening any more: stop the work

        try:
            result = self.job(self.token, report)
        except Cancelled:
            self.ended = True
            _emit(self.signals.cancelled)
        except Exception as exc:  # every failure reaches the maker as a sentence
            self.ended = True
            _emit(self.signals.failed, failure_text(exc))
        else:
            self.ended = True
            if self.token.cancelled:
                _emit(self.signals.cancelled)
            else:
                _emit(self.signals.finished, result)


# Python's own errors from a slip in our code: their text ("'frame'", "list index
# out of range") means nothing to a maker.
_PROGRAMMING_ERRORS = (LookupError, AttributeError, TypeError, NameError, AssertionError,
                       ArithmeticError, NotImplementedError, RecursionError, UnicodeError,
                       StopIteration, MemoryError)


def failure_text(exc: BaseException) -> str:
    """The sentence a maker reads when a job fails, in the UI language.

    Our own errors already say what happened and what to do. An OSError's text
    is the system's English ("[Errno 13] Permission denied: '…'"): it becomes a
    translated phrase and the path (an OSError without an error number carries
    a message someone wrote: it stays). Python's own errors (a bare
    ``KeyError``) get a generic sentence; their class and traceback go to the
    log only.
    """
    own = own_sentence(exc)
    if own is not None:
        return own
    if isinstance(exc, OSError) and exc.errno is not None:
        log.info("job failed: %r", exc)
        if exc.filename is not None:
            return tr("Coulisses could not use {path}: {problem}.", path=exc.filename,
                      problem=describe_os_error(exc))
        return tr("Coulisses could not read or write a file: {problem}.",
                  problem=describe_os_error(exc))
    text = str(exc)
    if not text or isinstance(exc, _PROGRAMMING_ERRORS):
        log.error("job failed with %s", exc.__class__.__name__,
                  exc_info=(type(exc), exc, exc.__traceback__))
        return tr("Something unexpected went wrong inside Coulisses (the technical details "
                  "were logged).")
    return text


def _emit(signal, *args: Any) -> bool:
    """Emit unless the receiving side is gone (the app quitting under a running job)."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted"
        return False
    return True


# Named pools, one per kind of resource (Picard's named pools, Vorta's per-resource
# queues): many small thumbnail loads that a scroll can make stale, and the heavy
# work (import, export, suggestions) one job at a time so two never fight for
# the disk and both cores.
POOL_SIZES = {"thumbnails": 2, "work": 1, "probe": 1, "timeline": 1, "preview": 1,
              "player": 1}
_pools: dict[str, QThreadPool] = {}


def pool(name: str) -> QThreadPool:
    """The application's thread pool called ``name`` (see POOL_SIZES)."""
    if name not in _pools:
        p = QThreadPool()
        p.setMaxThreadCount(POOL_SIZES[name])
        p.setObjectName(f"coulisses-{name}")
        _pools[name] = p
    return _pools[name]


def wait_all_pools(msecs: int = 5000) -> bool:
    """Let running jobs end (used at quit); queued ones are dropped."""
    ok = True
    for p in _pools.values():
        p.clear()
        ok = p.waitForDone(msecs) and ok
    return ok


# Runners of work the maker started and would lose by quitting (an import, an export,
# an edit): quitting asks first. The rest (suggestions, thumbnails, loads) just stops.
_makers_work: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


def makers_work_running() -> bool:
    """Whether an import, an export or an edit the maker started is still running (or
    waiting to): a job that ended counts as done even if its signals found no one."""
    return any(not task.ended for runner in list(_makers_work) if shiboken6.isValid(runner)
               for task in list(runner._running))


RETIRE_MS = 250  # how often ended tasks are checked for whether they can be freed
_retiring: list[Task] = []
_sweeper: QTimer | None = None


def _retire(task: Task) -> None:
    """Free a task that ended, on the GUI thread: a week of stills starts thousands.

    Its signals hold it (its runner's slot, often the caller's slots too), a cycle
    through Qt connections that Python's garbage collector cannot see; only deleting
    the signals' QObject breaks it. That deletion must happen on the GUI thread its
    QObject lives in, and only once the pool thread is done with it: ``deleteLater``
    once ``run()`` is past its last emit, the task kept here until the QObject is
    gone, so the last reference the pool thread drops can never be the one that
    deletes it there (what b16f62a got wrong). One list and one timer for the whole
    app, not one per runner: a runner (a window's page) may be deleted before the
    tasks it started end.
    """
    global _sweeper
    if task not in _retiring:
        _retiring.append(task)
    if _sweeper is None or not shiboken6.isValid(_sweeper):
        app = QCoreApplication.instance()
        if app is None:  # no event loop to delete anything on: nothing to free
            _retiring.clear()
            return
        _sweeper = QTimer(app)
        _sweeper.setInterval(RETIRE_MS)
        _sweeper.timeout.connect(_sweep)
    if not _sweeper.isActive():
        _sweeper.start()


def _sweep() -> None:
    keep = []
    for task in _retiring:
        if not shiboken6.isValid(task.signals):
            continue  # deleted: the cycle is broken, the task goes with its last reference
        if task.returned and not task.freeing:
            task.freeing = True
            task.signals.deleteLater()
        keep.append(task)
    _retiring[:] = keep
    if not keep and _sweeper is not None and shiboken6.isValid(_sweeper):
        _sweeper.stop()


def tasks_retiring() -> int:
    """How many ended tasks are still waiting to be freed (tests, the soak bench)."""
    return len(_retiring)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they end.

    ``makers_work``: these tasks are work the maker asked for (an import, an export,
    an edit), which quitting would cancel; the window asks before it does.
    """

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | str | None = None,
                 *, makers_work: bool = False) -> None:
        super().__init__(parent)
        if isinstance(pool, str):
            pool = globals()["pool"](pool)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()
        if makers_work:
            _makers_work.add(self)

    def start(self, job: Job | Task) -> Task:
        """Run ``job`` (or a prepared Task whose signals are already connected)."""
        task = job if isinstance(job, Task) else Task(job)
        self._running.add(task)
        for sig in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            sig.connect(lambda *_a, t=task: self._retire(t))
        self.pool.start(task.run)
        return task

    def _retire(self, task: Task) -> None:
        self._running.discard(task)
        _retire(task)

    @property
    def busy(self) -> bool:
        return bool(self._running)


    def clear_queued(self) -> list[Task]:
        """Drop tasks that have not started yet (stale thumbnail requests after a scroll)."""
        dropped = []
        for task in list(self._running):
            if not task.started:
                task.dropped = True  # the pool will call run(), which returns at once
                self._retire(task)
                dropped.append(task)
        return dropped

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
