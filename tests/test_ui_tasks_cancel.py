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
