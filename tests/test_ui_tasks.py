from __future__ import annotations

import threading

from coulisses.jobs import CancelToken, Progress


def test_qt_s_main_thread_is_the_process_s_main_thread(qapp) -> None:
    """Qt takes the first thread that touches it for its main thread. Capture tests run
    earlier translate plurals on capture threads (a QTranslator): without tests/conftest.py
    touching Qt first, a dead worker would be Qt's main thread and this QApplication a
    stranger to it (flag keys and queued signals failing at random later in a run)."""
    from PySide6.QtCore import QThread

    assert threading.current_thread() is threading.main_thread()
    assert QThread.currentThread().objectName() == "Qt mainThread"
    assert qapp.thread() is QThread.currentThread()


def test_job_runs_off_the_gui_thread_and_reports_on_it(qtbot) -> None:
    from coulisses.ui.tasks import Task, TaskRunner

    job_threads: list[threading.Thread] = []
    progress_threads: list[threading.Thread] = []
    progress: list[int] = []

    def job(cancel: CancelToken, report) -> str:
        job_threads.append(threading.current_thread())
        for i in range(5):
            report(Progress(i + 1, 5))
        return "done"

    def on_progress(p: Progress) -> None:
        progress_threads.append(threading.current_thread())
        progress.append(p.done)

    task = Task(job)  # connect before starting: nothing can be missed
    task.signals.progress.connect(on_progress)
    with qtbot.waitSignal(task.signals.finished, timeout=5000) as blocker:
        TaskRunner().start(task)
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: len(progress) == 5, timeout=5000)
    assert progress == [1, 2, 3, 4, 5]
    assert job_threads[0] is not threading.main_thread()
    assert all(t is threading.main_thread() for t in progress_threads)


def test_cancel_stops_the_job_and_says_so(qtbot) -> None:
    from coulisses.ui.tasks import Task, TaskRunner

    started = threading.Event()

    def job(cancel: CancelToken, report) -> None:
        started.set()
        while not cancel.wait(0.01):
            pass
        cancel.raise_if_cancelled()

    task = Task(job)
    runner = TaskRunner()
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        runner.start(task)
        assert started.wait(5)
        task.cancel()


def test_failures_arrive_as_one_sentence(qtbot) -> None:
    from coulisses.ui.tasks import Task, TaskRunner

    def job(cancel: CancelToken, report) -> None:
        raise OSError("the camera was unplugged")

    task = Task(job)
    with qtbot.waitSignal(task.signals.failed, timeout=5000) as blocker:
        TaskRunner().start(task)
    assert blocker.args == ["the camera was unplugged"]


def test_cross_thread_signals_keep_reference_counts_sound() -> None:
    """Task results and capture events cross threads as Python objects in signals.

    PySide6 6.12.0 corrupted reference counts doing this (a crash within seconds
    under thumbnail loads); it runs in a subprocess because the failure is a crash.
    """
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import os, threading
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication, QObject, Signal
        app = QCoreApplication([])
        class S(QObject):
            sig = Signal(object)
        s, got = S(), []
        s.sig.connect(got.append)
        def worker():
            for i in range(20000):
                s.sig.emit(None if i % 2 else (i, 1.5))
        t = threading.Thread(target=worker)
        t.start()
        while t.is_alive():
            app.processEvents()
        app.processEvents()
        print(len(got))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "20000"


def test_tasks_that_ended_are_freed_with_what_their_jobs_hold(qtbot):
    """A window left open for weeks starts a task every few stills (thumbnails, loads): a
    task that ended, however it ended, must not stay in memory with its job's closure and
    its signals' QObject (a slot holding the task through its own signals kept them all:
    ~3 MB per 1,000 stills, issue 22's soak)."""
    import gc
    import weakref

    from coulisses.jobs import Cancelled
    from coulisses.ui.tasks import Task, TaskRunner, tasks_retiring

    class Payload:  # what a job's closure holds (a batch of stills to load)
        pass

    def fail(_c, _p):
        raise OSError("no disk")

    def cancel(_c, _p):
        raise Cancelled()

    def holding(payload: Payload):
        return lambda _c, _p: payload

    runner = TaskRunner(None, "work")
    seen: list[object] = []
    payloads, tasks = [], []
    for k in range(15):
        payload = Payload()
        payloads.append(weakref.ref(payload))
        task = Task((holding(payload), fail, cancel)[k % 3])
        task.signals.finished.connect(lambda r: seen.append(r))  # a caller's own slot
        tasks.append(weakref.ref(task))
        runner.start(task)
        del task, payload
    qtbot.waitUntil(lambda: not runner.busy and not tasks_retiring(), timeout=5000)
    seen.clear()
    gc.collect()
    assert [t for t in tasks if t() is not None] == []
    assert [p for p in payloads if p() is not None] == []
