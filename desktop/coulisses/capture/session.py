"""The capture loop, in its own thread, driven by start / stop / snap-now.

``CaptureSession`` is the seam between the capture layer and whatever drives
it: the CLI polls ``state`` and Ctrl-C calls ``stop()``; the desktop app
subscribes to events (delivered on the capture thread: hop to the GUI thread
before touching widgets) and calls the same methods from its buttons.
``state`` is always an immutable snapshot, safe to read from any thread.

What the loop promises, for runs of days:
- ticks are drift-free (``Scheduler``); missed ticks after a stall are skipped;
- idle frames are skipped (``SceneChangeDetector``) unless ``keep_idle``;
- a lost source (exception, frozen or black frames) is said once, retried
  with a capped backoff, and recorded as a gap in the journal as soon as it
  starts (a crash during the outage still leaves its start); whatever a
  driver throws while the source is lost only means "not back yet";
- reconnecting runs beside the loop, so ``stop()`` returns at once even when
  a driver takes seconds to open;
- every snap-now request resolves: a still, or ``SnapFailed``;
- with ``set_preview(True)`` the loop also publishes a small live picture
  between ticks; off, it costs nothing;
- a nearly full disk (below ``disk_margin``) or a failing write pauses the
  capture with a message and resumes by itself when space is back;
- every still is written by the journal atomically; stopping keeps them all.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import numpy as np

from coulisses.atomicio import DiskFullError
from coulisses.capture.clock import Clock, SystemClock
from coulisses.capture.health import FrameHealth
from coulisses.capture.idle import Decision, IdleSettings, SceneChangeDetector
from coulisses.capture.preview import PreviewFrame, downscale
from coulisses.capture.scheduler import Scheduler, Tick
from coulisses.capture.sources import (
    Frame,
    Source,
    SourceEnded,
    SourceError,
    SourceLost,
    SourceUnavailable,
    open_source,
)
from coulisses.i18n import tr
from coulisses.journal import Journal, JournalError
from coulisses.journal.codec import encode_still
from coulisses.journal.model import DISK_FULL, SOURCE_LOST, WRITE_ERROR, Capture
from coulisses.redaction import redact
from coulisses.units import MB, format_duration

log = logging.getLogger(__name__)

DEFAULT_DISK_MARGIN = 200 * MB


class Status(enum.StrEnum):
    STARTING = "starting"
    OK = "ok"
    LOST = "lost"
    PAUSED_DISK_FULL = "paused-disk-full"
    PAUSED_WRITE_ERROR = "paused-write-error"
    ENDED = "ended"  # finished normally (count, duration, end of file)
    STOPPED = "stopped"  # stopped by the maker
    FAILED = "failed"  # could not start


class Finish(enum.StrEnum):
    COUNT = "count"
    DURATION = "duration"
    END_OF_SOURCE = "end-of-source"
    STOPPED = "stopped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class CaptureSettings:
    interval: float = 10.0
    count: int | None = None  # stop once this many stills are stored
    duration: float | None = None  # stop after this many seconds
    keep_idle: bool = False
    idle: IdleSettings = field(default_factory=IdleSettings)
    disk_margin: int = DEFAULT_DISK_MARGIN  # pause when less than this is free
    disk_retry: float = 5.0  # how often a paused capture checks the disk again
    reconnect_first: float = 0.5
    reconnect_max: float = 4.0  # capped backoff: a camera that is back is seen within seconds
    frozen_after: float = 10.0
    black_after: float = 5.0

    def __post_init__(self) -> None:
        if self.interval <= 0:
            raise ValueError(tr("the interval must be longer than zero"))
        if self.count is not None and self.count <= 0:
            raise ValueError(tr("the count must be at least 1"))
        if self.duration is not None and self.duration <= 0:
            raise ValueError(tr("the duration must be longer than zero"))


@dataclass(frozen=True, slots=True)
class CaptureState:
    piece_id: str
    source: str  # display name, never with a password
    status: Status = Status.STARTING
    running: bool = False
    kept: int = 0
    skipped: int = 0
    ticks: int = 0  # scheduled ticks handled (kept, skipped, or missed while lost/paused)
    missed: int = 0  # ticks with no frame: source lost or capture paused
    last_still: datetime | None = None  # time the last kept frame was taken
    last_capture_id: str | None = None
    started: datetime | None = None
    outages: int = 0
    lost_seconds: float = 0.0
    next_at: datetime | None = None  # when the next scheduled still is due
    lost_since: datetime | None = None  # while lost: when the source went away
    paused_since: datetime | None = None  # while paused (disk full or write error)
    free_bytes: int | None = None  # while paused for disk: the free space last measured
    message: str = ""
    finished: Finish | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CaptureEvent:
    kind: str  # started | kept | skipped | lost | recovered | paused | resumed | finished
    state: CaptureState
    capture: Capture | None = None


Observer = Callable[[CaptureEvent], None]


class SnapFailed(Exception):
    """A snap-now request could not be served (source lost, disk full, stopped)."""


class _End(Exception):
    def __init__(self, reason: Finish) -> None:
        self.reason = reason


class CaptureSession:
    def __init__(self, journal: Journal, piece_id: str, source: Source | str,
                 settings: CaptureSettings | None = None, clock: Clock | None = None) -> None:
        self.journal = journal
        self.piece_id = piece_id
        self.clock = clock or SystemClock()
        self.settings = settings or CaptureSettings()
        self.source = open_source(source, clock=self.clock) if isinstance(source, str) else source
        self._state = CaptureState(piece_id=piece_id, source=redact(self.source.name))
        self._state_lock = threading.Lock()
        self._observers: list[Observer] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._snaps: list[Future[Capture]] = []
        self._snaps_lock = threading.Lock()
        self._snaps_open = True  # False once the loop has failed its last snaps (under the lock)
        self._thread: threading.Thread | None = None
        self._done = threading.Event()
        idle = self.settings.idle
        if idle == IdleSettings():  # not tuned by the caller: the source may know better
            idle = getattr(self.source, "idle_settings", None) or idle
        self._detector = SceneChangeDetector(idle)
        s = self.settings
        self._health = FrameHealth(s.frozen_after, s.black_after) if self.source.live else None
        # Outage / pause bookkeeping (capture thread only).
        self._gap_id: int | None = None
        self._gap_start: datetime | None = None
        self._gap_reason = ""
        self._gap_kind = SOURCE_LOST
        self._lost_mono = 0.0
        self._retry_at = 0.0
        self._retry_delay = s.reconnect_first
        self._disk_retry_at = 0.0
        self._need_bytes = 0
        self._lost_logged = False
        self._shown_tick = -1
        # A reconnect attempt running beside the loop (see _attempt_reopen).
        self._reopen_lock = threading.Lock()
        self._reopen_busy = False
        self._reopen_abandoned = False
        # Live preview: read by the capture thread, set from any thread.
        self._preview_on = False
        self._preview_side = 640
        self._preview_period = 1 / 12
        self._preview_at = 0.0
        self._preview_cost = 0.0  # how long a preview read takes (moving average)
        self._preview_seq = 0
        self._preview: PreviewFrame | None = None
        self._preview_lock = threading.Lock()
        # Reading between ticks must change nothing the capture sees: true for cameras,
        # streams and the screen, not for a video file (it would only decode more).
        self._extra_reads = bool(getattr(self.source, "extra_reads", True))

    # ------------------------------------------------------------ public seam
    @property
    def state(self) -> CaptureState:
        return self._state

    @property
    def running(self) -> bool:
        return self._thread is not None and not self._done.is_set()

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call ``observer(event)`` on the capture thread; returns an unsubscribe function."""
        self._observers.append(observer)
        return lambda: self._observers.remove(observer) if observer in self._observers else None

    def events(self, maxsize: int = 1000) -> queue.Queue[CaptureEvent]:
        """A queue receiving every event (oldest dropped if nobody reads it)."""
        q: queue.Queue[CaptureEvent] = queue.Queue(maxsize)

        def put(event: CaptureEvent) -> None:
            while True:
                try:
                    q.put_nowait(event)
                    return
                except queue.Full:
                    with contextlib.suppress(queue.Empty):
                        q.get_nowait()

        self.subscribe(put)
        return q

    def start(self) -> None:
        """Run the capture in a background thread (opening the source happens there too)."""
        if self._thread is not None:
            raise RuntimeError("a capture session can only be started once")
        self._thread = threading.Thread(target=self.run, name="coulisses-capture", daemon=True)
        self._thread.start()

    def stop(self, wait: bool = True, timeout: float | None = 30.0) -> CaptureState:
        """Ask the loop to stop after the current still; everything stored stays stored."""
        self._stop.set()
        self._wake.set()
        if wait and self._thread is not None:
            self._thread.join(timeout)
        return self._state

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the capture has finished; True if it has."""
        return self._done.wait(timeout)

    def snap_now(self) -> Future[Capture]:
        """Take one still as soon as possible, kept even if nothing changed.

        The future gives the stored ``Capture`` or raises ``SnapFailed``.
        """
        fut: Future[Capture] = Future()
        with self._snaps_lock:
            # Checked under the lock the loop takes to fail its last snaps: a request
            # is either queued before that (and failed with the rest) or refused here.
            queued = self._snaps_open and not self._stop.is_set()
            if queued:
                self._snaps.append(fut)
        if not queued:
            fut.set_exception(SnapFailed(tr("The capture is not running.")))
            return fut
        self._wake.set()
        return fut

    def set_preview(self, on: bool, max_side: int = 640, fps: float = 12.0) -> None:
        """Publish a small live picture (``preview()``) at about ``fps``, between ticks.

        Cameras, streams and the screen are read for it between scheduled stills
        (only when there is time before the next one); a video file shows the
        frames the capture reads anyway. Off: no extra read at all.
        """
        if max_side <= 0 or fps <= 0:
            raise ValueError("max_side and fps must be positive")
        with self._preview_lock:  # a frame being made as the preview is turned off is dropped
            self._preview_side, self._preview_period = int(max_side), 1.0 / fps
            self._preview_on = bool(on)
            if not on:
                self._preview = None
        self._wake.set()  # the loop recomputes when to wake up

    def preview(self) -> PreviewFrame | None:
        """The latest preview picture (None when the preview is off or nothing was read yet)."""
        return self._preview

    # ----------------------------------------------------------------- state
    def _set(self, **changes: object) -> CaptureState:
        with self._state_lock:
            if "message" in changes:
                changes["message"] = redact(str(changes["message"]))
            self._state = replace(self._state, **changes)  # type: ignore[arg-type]
            return self._state

    def _emit(self, kind: str, capture: Capture | None = None) -> None:
        event = CaptureEvent(kind, self._state, capture)
        for observer in list(self._observers):
            try:
                observer(event)
            except Exception:  # an observer must never stop a capture
                log.exception("capture observer failed")

    # ------------------------------------------------------------------ loop
    def run(self) -> CaptureState:
        """The capture loop, in the calling thread; returns the final state."""
        try:
            return self._run()
        finally:
            self._fail_snaps(tr("The capture has stopped."), last=True)
            self._done.set()

    def _run(self) -> CaptureState:
        src = self._state.source
        self._set(running=True, started=self.clock.now(), status=Status.STARTING,
                  message=tr("Opening {source}…", source=src))
        try:
            self.source.open()
        except Exception as exc:  # SourceUnavailable, or anything a driver throws
            if isinstance(exc, SourceError):
                error = redact(str(exc))
            else:
                log.exception("opening the source failed")
                error = tr("{source} cannot be opened ({reason}).", source=src,
                           reason=redact(str(exc) or type(exc).__name__))
            self._set(running=False, status=Status.FAILED, finished=Finish.FAILED,
                      error=error, message=error)
            self._fail_snaps(error, last=True)
            self._emit("finished")
            return self._state
        s = self.settings
        sched = Scheduler(s.interval, self.clock.monotonic(), s.duration)
        self._set(status=Status.OK, message=tr("Capturing from {source}.", source=src))
        self._emit("started")
        reason = Finish.STOPPED
        try:
            while True:
                tick = sched.next_tick
                self._show_next(tick)
                if tick is None:
                    # The last still is taken; the run itself lasts the time asked for.
                    end = sched.start + (s.duration or 0.0)
                    while not self._stop.is_set() and self.clock.monotonic() < end:
                        self.clock.sleep(end - self.clock.monotonic(), self._wake)
                        self._wake.clear()
                        self._serve_snaps()
                    reason = Finish.STOPPED if self._stop.is_set() else Finish.DURATION
                    break
                wake_at = tick.due
                if self._state.status == Status.LOST:
                    wake_at = min(wake_at, self._retry_at)
                elif self._state.status in (Status.PAUSED_DISK_FULL, Status.PAUSED_WRITE_ERROR):
                    wake_at = min(wake_at, self._disk_retry_at)
                elif self._preview_wanted():
                    wake_at = min(wake_at, self._preview_at)
                delay = wake_at - self.clock.monotonic()
                if delay > 0 and not self._wake.is_set():
                    self.clock.sleep(delay, self._wake)
                self._wake.clear()
                if self._stop.is_set():
                    break
                self._serve_snaps()
                now = self.clock.monotonic()
                if self._state.status == Status.LOST and now >= self._retry_at:
                    self._try_recover()
                elif (self._state.status in (Status.PAUSED_DISK_FULL, Status.PAUSED_WRITE_ERROR)
                      and now >= self._disk_retry_at):
                    self._check_disk()
                if self.clock.monotonic() < tick.due:
                    if self._preview_wanted() and self.clock.monotonic() >= self._preview_at:
                        self._preview_read(tick.due)
                    continue  # woken early (snap, retry, preview): the tick is still ahead
                self._tick()
                missed = sched.advance(self.clock.monotonic())
                if missed:
                    self._set(ticks=self._state.ticks + missed,
                              missed=self._state.missed + missed)
                if s.count is not None and self._state.kept >= s.count:
                    reason = Finish.COUNT
                    break
        except _End as end:
            reason = end.reason
        except Exception as exc:  # a bug must not lose what is stored: report and stop
            log.exception("capture loop failed")
            self._set(error=redact(str(exc) or type(exc).__name__))
            reason = Finish.FAILED
        finally:
            self._close_gap()
            if not self._abandon_reopen():  # else the reconnect attempt closes it when done
                with contextlib.suppress(Exception):
                    self.source.close()
        status = {Finish.STOPPED: Status.STOPPED, Finish.FAILED: Status.FAILED}.get(
            reason, Status.ENDED)
        self._set(running=False, status=status, finished=reason, message=self._summary(reason),
                  next_at=None, lost_since=None, paused_since=None)
        self._fail_snaps(tr("The capture has stopped."), last=True)
        self._emit("finished")
        return self._state

    def _summary(self, reason: Finish) -> str:
        st = self._state
        why = {
            Finish.COUNT: tr("Done: %n still(s) taken.", None, st.kept),
            Finish.DURATION: tr("Done: the capture time is over."),
            Finish.END_OF_SOURCE: tr("Done: {source} has ended.", source=st.source),
            Finish.STOPPED: tr("Stopped."),
            Finish.FAILED: tr("The capture stopped on an error: {error}", error=st.error or ""),
        }[reason]
        # Each count its own plural: "1 still kept, 3 idle ones skipped."
        text = why + " " + tr("{kept}, {skipped}.", kept=tr("%n still(s) kept", None, st.kept),
                              skipped=tr("%n idle one(s) skipped", None, st.skipped))
        if st.outages:
            text += " " + tr("%n outage(s) recorded ({time} in all).", None, st.outages,
                             time=format_duration(st.lost_seconds))
        return text

    # ------------------------------------------------------------ one tick
    def _tick(self) -> None:
        self._set(ticks=self._state.ticks + 1)
        if self._state.status != Status.OK:
            self._set(missed=self._state.missed + 1)
            return
        frame = self._read()
        if frame is None:
            self._set(missed=self._state.missed + 1)
            return
        if self._preview_on:
            self._publish_preview(frame.image)
        if self._health is not None and self._health.repeated:
            # The very same picture as last time (a stream between two frames, or a
            # camera starting to freeze): nothing new to keep, even with keep_idle.
            self._set(skipped=self._state.skipped + 1)
            self._emit("skipped")
            return
        decision = self._detector.decide(frame.image, self.clock.monotonic(),
                                         force=self.settings.keep_idle)
        if not decision.keep:
            self._set(skipped=self._state.skipped + 1)
            self._emit("skipped")
            return
        capture = self._store(frame, decision)
        if capture is None:
            self._set(missed=self._state.missed + 1)

    def _read(self) -> Frame | None:
        """A healthy frame, or None after switching to the lost state."""
        try:
            frame = self.source.read()
        except SourceEnded:
            raise _End(Finish.END_OF_SOURCE) from None
        except SourceLost as exc:
            self._enter_lost(str(exc), self.clock.now())
            return None
        except Exception as exc:  # cv2.error, RuntimeError…: a driver in trouble is a lost source
            log.warning("reading %s failed", self._state.source, exc_info=True)
            self._enter_lost(str(exc) or type(exc).__name__, self.clock.now())
            return None
        if self._health is not None:
            problem = self._health.check(frame.image, self.clock.monotonic(), frame.time)
            if problem is not None:
                self._enter_lost(problem.message, problem.since)
                return None
        return frame

    def _store(self, frame: Frame, decision: Decision) -> Capture | None:
        margin = self.settings.disk_margin
        free = self._free_bytes()
        if free is not None and free < margin:
            self._enter_paused(Status.PAUSED_DISK_FULL, free=free)
            return None
        jpeg, thumb = encode_still(frame.image)
        try:
            capture = self.journal.add_still(self.piece_id, jpeg, frame.time, thumbnail=thumb)
        except DiskFullError:
            self._need_bytes = 2 * (len(jpeg) + len(thumb))
            self._enter_paused(Status.PAUSED_DISK_FULL, free=self._free_bytes())
            return None
        except (OSError, JournalError) as exc:
            self._enter_paused(Status.PAUSED_WRITE_ERROR, error=exc)
            return None
        assert capture is not None
        self._detector.remember(decision)
        self._set(kept=self._state.kept + 1, last_still=frame.time,
                  last_capture_id=capture.id)
        self._emit("kept", capture)
        return capture

    def _free_bytes(self) -> int | None:
        try:
            return self.journal.free_bytes()
        except OSError:
            return None

    # ---------------------------------------------------------- snap-now
    def _serve_snaps(self) -> None:
        with self._snaps_lock:
            pending, self._snaps = self._snaps, []
        # Whatever ends this pass (the source ending, a bug in storing a still), every
        # request taken from the queue is answered: none may be left waiting forever.
        why = tr("The capture has stopped.")
        try:
            for fut in pending:
                self._serve_snap(fut)
        except _End:
            why = tr("{source} has ended.", source=self._state.source)
            raise
        except BaseException as exc:
            why = tr("The still could not be stored ({error}).",
                     error=redact(str(exc) or type(exc).__name__))
            raise
        finally:
            for fut in pending:
                _fail(fut, why)

    def _serve_snap(self, fut: Future[Capture]) -> None:
        if not fut.set_running_or_notify_cancel():
            return
        if self._state.status != Status.OK:
            fut.set_exception(SnapFailed(self._state.message))
            return
        frame = self._read()
        if frame is None:
            fut.set_exception(SnapFailed(self._state.message))
            return
        if self._preview_on:
            self._publish_preview(frame.image)
        decision = self._detector.decide(frame.image, self.clock.monotonic(), force=True)
        capture = self._store(frame, decision)
        if capture is None:
            fut.set_exception(SnapFailed(self._state.message))
        else:
            fut.set_result(capture)

    def _fail_snaps(self, message: str, last: bool = False) -> None:
        """Fail the queued snaps; ``last``: and refuse any new one (the loop is ending)."""
        with self._snaps_lock:
            pending, self._snaps = self._snaps, []
            if last:
                self._snaps_open = False
        for fut in pending:
            _fail(fut, message)

    # ------------------------------------------------------ lost source
    def _enter_lost(self, reason: str, since: datetime) -> None:
        reason = redact(reason.rstrip("."))
        src = self._state.source
        self._lost_mono = self.clock.monotonic()
        self._retry_delay = self.settings.reconnect_first
        self._retry_at = self._lost_mono + self._retry_delay
        self._lost_logged = False
        self._open_gap(since, tr("{source} lost: {reason}", source=src, reason=reason),
                       SOURCE_LOST)
        self._set(status=Status.LOST, outages=self._state.outages + 1, lost_since=since,
                  message=tr("{source} lost ({reason}); trying again every few seconds. "
                             "The gap will show on the timeline.", source=src, reason=reason))
        self._emit("lost")

    def _try_recover(self) -> None:
        outcome = self._attempt_reopen()
        if outcome is None:
            return  # stopped meanwhile
        ok, frame, error = outcome
        if isinstance(error, SourceEnded):
            raise _End(Finish.END_OF_SOURCE) from None
        if ok and frame is not None and self._health is not None:
            problem = self._health.check(frame.image, self.clock.monotonic(), frame.time)
            ok = problem is None
        if not ok:
            if error is not None and not self._lost_logged:
                # Said once per outage: a camera away for hours must not fill the log.
                self._lost_logged = True
                log.warning("%s is not back yet (%s: %s); retrying every %s s at most",
                            self._state.source, type(error).__name__,
                            redact(str(error)), self.settings.reconnect_max)
            self._retry_delay = min(self._retry_delay * 2, self.settings.reconnect_max)
            self._retry_at = self.clock.monotonic() + self._retry_delay
            return
        lost_for = self.clock.monotonic() - self._lost_mono
        self._close_gap()
        # The first still after a gap is always kept: it shows where things stand
        # (and whether the camera was knocked) right after the outage.
        self._detector.reset()
        self._set(status=Status.OK, lost_seconds=self._state.lost_seconds + lost_for,
                  lost_since=None,
                  message=tr("{source} is back after {time}; the gap is recorded.",
                             source=self._state.source, time=format_duration(lost_for)))
        self._emit("recovered")

    def _attempt_reopen(self) -> tuple[bool, Frame | None, BaseException | None] | None:
        """Reopen the source (and read a frame to check it) beside the loop.

        A driver may take seconds to open or to fail; running it in a helper thread
        keeps ``stop()`` prompt. Returns (reopened, frame, exception raised), or None
        when stopped first (the helper then closes the source when it is done).
        """
        result: list[tuple[bool, Frame | None, BaseException | None]] = []
        done = threading.Event()
        live = self._health is not None

        def attempt() -> None:
            try:
                ok = bool(self.source.reopen())
                frame = self.source.read() if ok and live else None
                result.append((ok, frame, None))
            except Exception as exc:  # whatever the driver throws: "not back yet"
                result.append((False, None, exc))
            finally:
                with self._reopen_lock:
                    self._reopen_busy = False
                    abandoned = self._reopen_abandoned
                done.set()
                if abandoned:
                    with contextlib.suppress(Exception):
                        self.source.close()

        with self._reopen_lock:
            self._reopen_busy, self._reopen_abandoned = True, False
        threading.Thread(target=attempt, name="coulisses-reconnect", daemon=True).start()
        while not done.wait(0.05):
            if self._stop.is_set():
                return None
        return result[0]

    def _abandon_reopen(self) -> bool:
        """True if a reconnect attempt is still running: it will close the source itself."""
        with self._reopen_lock:
            if self._reopen_busy:
                self._reopen_abandoned = True
            return self._reopen_busy

    # ------------------------------------------------------- next tick, preview
    def _show_next(self, tick: Tick | None) -> None:
        index = -2 if tick is None else tick.index
        if index == self._shown_tick:
            return
        self._shown_tick = index
        next_at = None
        if tick is not None:
            ahead = tick.due - self.clock.monotonic()
            next_at = self.clock.now() + timedelta(seconds=max(0.0, ahead))
        self._set(next_at=next_at)

    def _preview_wanted(self) -> bool:
        return self._preview_on and self._extra_reads and self._state.status == Status.OK

    def _preview_read(self, deadline: float) -> None:
        """One extra frame for the preview, only if it cannot delay the next tick."""
        start = self.clock.monotonic()
        self._preview_at = start + self._preview_period
        if start + 2 * self._preview_cost >= deadline:
            return  # the tick comes first; its frame is published anyway
        try:
            frame = self.source.read()
        except Exception as exc:  # the next tick says whether the source is really lost
            log.debug("preview read failed: %s", redact(str(exc)))
            self._preview_at = deadline  # no hammering a failing source until then
            return
        finally:
            # On the capture clock, like the deadline (an accelerated clock runs faster).
            cost = self.clock.monotonic() - start
            self._preview_cost = cost if not self._preview_cost else (
                0.8 * self._preview_cost + 0.2 * cost)
        self._publish_preview(frame.image)

    def _publish_preview(self, image: np.ndarray) -> None:
        # Any frame just read is the freshest picture: the next extra read can wait a period.
        self._preview_at = self.clock.monotonic() + self._preview_period
        small = downscale(image, self._preview_side)
        with self._preview_lock:
            if self._preview_on:
                self._preview_seq += 1
                self._preview = PreviewFrame(small, self._preview_seq, time.monotonic())

    # ------------------------------------------------------- paused disk
    def _enter_paused(self, status: Status, free: int | None = None,
                      error: BaseException | None = None) -> None:
        first = self._state.status != status
        self._disk_retry_at = self.clock.monotonic() + self.settings.disk_retry
        if status == Status.PAUSED_DISK_FULL:
            self._set(free_bytes=free)
        if not first:
            return  # still paused: said once already
        if status == Status.PAUSED_DISK_FULL:
            message = tr("The disk is nearly full ({free} MB free, {margin} MB kept spare): "
                         "capture is paused and resumes by itself when space is freed. "
                         "Nothing already captured is lost.",
                         free=(free or 0) // MB, margin=self.settings.disk_margin // MB)
            reason, kind = tr("paused: disk full"), DISK_FULL
        else:
            what = getattr(error, "strerror", None) or str(error)
            message = tr("A still could not be written ({error}): capture is paused and tries "
                         "again in a few seconds. Nothing already captured is lost.",
                         error=redact(what))
            reason, kind = tr("paused: write error"), WRITE_ERROR
        since = self.clock.now()
        self._open_gap(since, reason, kind)
        self._set(status=status, message=message, paused_since=since)
        self._emit("paused")

    def _check_disk(self) -> None:
        need = max(self.settings.disk_margin, self._need_bytes)
        free = self._free_bytes()
        if self._state.status == Status.PAUSED_DISK_FULL and (free is None or free < need):
            self._disk_retry_at = self.clock.monotonic() + self.settings.disk_retry
            self._set(free_bytes=free)
            return
        # Space is back (or a write error may have cleared): resume; a new failure pauses again.
        self._need_bytes = 0
        self._close_gap()
        self._set(status=Status.OK, message=tr("Capture resumed."), paused_since=None,
                  free_bytes=None)
        self._emit("resumed")

    # -------------------------------------------------------------- gaps
    def _open_gap(self, start: datetime, reason: str, kind: str) -> None:
        self._close_gap()
        self._gap_start, self._gap_reason, self._gap_kind = start, redact(reason), kind
        try:
            self._gap_id = self.journal.record_gap(self.piece_id, start, reason=self._gap_reason,
                                                   kind=kind)
        except (OSError, JournalError) as exc:
            # Disk full: remember it and record the whole gap once writing works again.
            log.warning("gap not recorded yet: %s", redact(str(exc)))
            self._gap_id = None

    def _close_gap(self) -> None:
        if self._gap_start is None:
            return
        end = self.clock.now()
        try:
            if self._gap_id is not None:
                self.journal.end_gap(self.piece_id, self._gap_id, end)
            else:
                self.journal.record_gap(self.piece_id, self._gap_start, end,
                                        reason=self._gap_reason, kind=self._gap_kind)
        except (OSError, JournalError) as exc:
            log.warning("gap end not recorded: %s", redact(str(exc)))
        self._gap_start, self._gap_id, self._gap_reason = None, None, ""


def _fail(fut: Future[Capture], message: str) -> None:
    """Answer a snap request with ``SnapFailed`` unless it is answered (or cancelled) already."""
    if fut.done():
        return
    # A request still pending is marked running first (False: its asker cancelled it).
    if not fut.running() and not fut.set_running_or_notify_cancel():
        return
    with contextlib.suppress(InvalidStateError):  # answered meanwhile: that answer stands
        fut.set_exception(SnapFailed(message))


def snap(journal: Journal, piece_id: str, source: Source | str, *,
         disk_margin: int = DEFAULT_DISK_MARGIN, clock: Clock | None = None) -> Capture:
    """Take one still now from ``source`` and store it (the ``snap`` command).

    Raises ``SourceUnavailable`` if the source cannot give a picture, and
    ``DiskFullError`` when the disk is nearly full.
    """
    clock = clock or SystemClock()
    src = open_source(source, clock=clock) if isinstance(source, str) else source
    try:
        src.open()
        try:
            frame = src.read()
        except (SourceLost, SourceEnded) as exc:
            raise SourceUnavailable(tr("{source} gave no picture ({reason}).",
                                       source=redact(src.name),
                                       reason=redact(str(exc).rstrip(".")))) from None
    except SourceError:
        raise
    except Exception as exc:  # a driver's own error (cv2.error, RuntimeError): one sentence
        log.warning("snap from %s failed", redact(src.name), exc_info=True)
        raise SourceUnavailable(tr("{source} cannot be opened ({reason}).",
                                   source=redact(src.name),
                                   reason=redact(str(exc) or type(exc).__name__))) from None
    finally:
        with contextlib.suppress(Exception):
            src.close()
    free = journal.free_bytes()
    if free < disk_margin:
        raise DiskFullError(28, tr("The disk is nearly full ({free} MB free, {margin} MB kept "
                                   "spare): free some space and try again.",
                                   free=free // MB, margin=disk_margin // MB))
    jpeg, thumb = encode_still(frame.image)
    capture = journal.add_still(piece_id, jpeg, frame.time, thumbnail=thumb)
    assert capture is not None
    return capture
