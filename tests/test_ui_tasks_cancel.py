"""Task.run's last word: finished, cancelled or failed, and exactly one of them.

A mutation run left the cancelled-vs-finished check in ``Task.run`` undetected: a job
that returns normally after the maker pressed Cancel (an export loop that stops at the
next frame and returns what it has) must say *cancelled*, so the window does not show
a half-made reel as done; a job that ran to its end must say *finished*.
"""

from __future__ import annotations

import threading

from coulisses.jobs import Cancelled, CancelToken, Progress


def _record(task) -> list[tuple]:
    """Every end signal the task sends, in order."""
    seen: list[tuple] = []
    task.signals.finished.connect(lambda r: seen.append(("finished", r)))
    task.signals.cancelled.connect(lambda: seen.append(("cancelled",)))
    task.signals.failed.connect(lambda m: seen.append(("failed", m)))
    return seen


def _settle(qtbot, runner, seen: list[tuple]) -> None:
    """Wait for the first end signal, the pool to be idle, then deliver anything queued."""
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert runner.wait(5000)
    qtbot.wait(50)


def test_a_job_cancelled_while_running_that_returns_normally_reports_cancelled(qtbot):
    from coulisses.ui.tasks import Task, TaskRunner

    started, cancelled_seen = threading.Event(), threading.Event()

    def job(cancel: CancelToken, report) -> str:
        started.set()
        assert cancel.wait(5), "the test cancels while the job runs"
        cancelled_seen.set()
        return "half a reel"  # stops early without raising Cancelled

    task = Task(job)
    seen = _record(task)
    runner = TaskRunner()
    runner.start(task)
    assert started.wait(5)
    task.cancel()
    _settle(qtbot, runner, seen)
    assert cancelled_seen.is_set()
    assert seen == [("cancelled",)]
    assert not runner.busy  # the cancelled signal released it


def test_a_job_that_ran_to_its_end_reports_finished_not_cancelled(qtbot):
    from coulisses.ui.tasks import Task, TaskRunner

    def job(cancel: CancelToken, report) -> str:
        report(Progress(1, 1))
        return "done"

    task = Task(job)
    seen = _record(task)
    runner = TaskRunner()
    runner.start(task)
    _settle(qtbot, runner, seen)
    assert seen == [("finished", "done")]
    assert not task.token.cancelled and not runner.busy


def test_a_cancel_pressed_after_the_job_returned_does_not_undo_finished(qtbot):
    """The maker presses Cancel as the export completes: the job's result stands."""
    from coulisses.ui.tasks import Task, TaskRunner

    task = Task(lambda cancel, report: 42)
    seen = _record(task)
    runner = TaskRunner()
    runner.start(task)
    assert runner.wait(5000)  # the job has returned; its signal is still queued
    task.cancel()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    qtbot.wait(50)
    assert seen == [("finished", 42)]


def test_a_job_raising_cancelled_reports_cancelled_never_failed(qtbot):
    from coulisses.ui.tasks import Task, TaskRunner

    def job(cancel: CancelToken, report) -> None:
        raise Cancelled()

    task = Task(job)
    seen = _record(task)
    runner = TaskRunner()
    runner.start(task)
    _settle(qtbot, runner, seen)
    assert seen == [("cancelled",)]


def test_a_job_failing_after_cancel_reports_the_failure(qtbot):
    """A real error on the way out is still the maker's to read, not hidden as a cancel."""
    from coulisses.ui.tasks import Task, TaskRunner

    started = threading.Event()

    def job(cancel: CancelToken, report) -> None:
        started.set()
        cancel.wait(5)
        raise OSError("the disk went away")

    task = Task(job)
    seen = _record(task)
    runner = TaskRunner()
    runner.start(task)
    assert started.wait(5)
    task.cancel()
    _settle(qtbot, runner, seen)
    assert seen == [("failed", "the disk went away")]


def test_run_on_the_calling_thread_tells_finished_and_cancelled_apart(qtbot):
    """The same check without a pool: direct connections, no timing involved."""
    from coulisses.ui.tasks import Task

    done = Task(lambda cancel, report: "ok")
    seen_done = _record(done)
    done.run()
    assert seen_done == [("finished", "ok")] and done.started

    def cancels_itself(cancel: CancelToken, report) -> str:
        cancel.cancel()  # as the window's Cancel does, from inside the run
        return "partial"

    stopped = Task(cancels_itself)
    seen_stopped = _record(stopped)
    stopped.run()
    assert seen_stopped == [("cancelled",)]


def test_a_dropped_task_does_not_run_or_report(qtbot):
    from coulisses.ui.tasks import Task

    ran: list[bool] = []
    task = Task(lambda cancel, report: ran.append(True))
    seen = _record(task)
    task.dropped = True
    task.run()
    qtbot.wait(20)
    assert ran == [] and seen == [] and not task.started


def test_progress_with_nobody_listening_cancels_the_job(qtbot):
    """The app quit under a running job (its signals object deleted): the job is told to
    stop at its next progress report instead of running on for nobody."""
    import shiboken6

    from coulisses.ui.tasks import Task

    tokens: list[bool] = []

    def job(cancel: CancelToken, report) -> None:
        report(Progress(1, 10))
        tokens.append(cancel.cancelled)

    task = Task(job)
    shiboken6.delete(task.signals)
    task.run()  # every emit meets a deleted source: no exception escapes either
    assert tokens == [True]

    listened = Task(job)
    listened.signals.progress.connect(lambda p: None)
    listened.run()
    assert tokens == [True, False]


# ------------------------------------------------------------------ the runner's cancels
def test_clear_queued_drops_only_the_tasks_not_started(qtbot):
    """Stale thumbnail requests after a scroll: the queued ones never run nor report; the
    one already running goes on and finishes."""
    from PySide6.QtCore import QThreadPool

    from coulisses.ui.tasks import Task, TaskRunner

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    runner = TaskRunner(pool=pool)
    release, started = threading.Event(), threading.Event()
    ran: list[str] = []

    def first(cancel: CancelToken, report) -> str:
        started.set()
        release.wait(5)
        return "first"

    running = Task(first)
    queued = [Task(lambda cancel, report, n=n: ran.append(n)) for n in ("b", "c")]
    seen = [_record(t) for t in (running, *queued)]
    runner.start(running)
    assert started.wait(5)
    for task in queued:
        runner.start(task)
    dropped = runner.clear_queued()
    assert set(dropped) == set(queued) and len(dropped) == 2
    assert all(t.dropped for t in queued) and not running.dropped
    release.set()
    assert pool.waitForDone(5000)
    qtbot.waitUntil(lambda: bool(seen[0]), timeout=5000)
    qtbot.wait(50)
    assert seen == [[("finished", "first")], [], []]
    assert ran == [] and not runner.busy
    assert runner.clear_queued() == []


def test_cancel_all_cancels_every_running_task(qtbot):
    from PySide6.QtCore import QThreadPool

    from coulisses.ui.tasks import Task, TaskRunner

    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    runner = TaskRunner(pool=pool)
    both = threading.Barrier(3)

    def job(cancel: CancelToken, report) -> None:
        both.wait(5)
        while not cancel.wait(0.01):
            pass
        cancel.raise_if_cancelled()

    tasks = [Task(job), Task(job)]
    seen = [_record(t) for t in tasks]
    for task in tasks:
        runner.start(task)
    both.wait(5)  # both are running
    runner.cancel_all()
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: all(seen), timeout=5000)
    assert seen == [[("cancelled",)], [("cancelled",)]]
    assert not runner.busy


def test_a_plain_function_is_started_as_its_own_task(qtbot):
    from PySide6.QtCore import QObject

    from coulisses.ui.tasks import Task, TaskRunner, pool

    parent = QObject()
    runner = TaskRunner(parent, pool="work")
    assert runner.parent() is parent
    assert runner.pool is pool("work") and TaskRunner(pool="work").pool is runner.pool
    assert runner.pool.maxThreadCount() == 1
    go = threading.Event()
    task = runner.start(lambda cancel, report: go.wait(5) and "made")
    assert isinstance(task, Task)
    with qtbot.waitSignal(task.signals.finished, timeout=5000) as blocker:
        go.set()  # connected first: the result cannot go out before anyone listens
    assert blocker.args == ["made"]


def test_wait_all_pools_says_whether_every_job_ended(qtbot):
    """At quit: True once every pool is idle, False while a job outlives the wait."""
    from coulisses.ui.tasks import TaskRunner, wait_all_pools

    release, started = threading.Event(), threading.Event()
    runner = TaskRunner(pool="work")
    runner.start(lambda cancel, report: started.set() or release.wait(5))
    assert started.wait(5)  # a job still queued would be dropped, not waited for
    assert wait_all_pools(50) is False
    release.set()
    assert wait_all_pools() is True
