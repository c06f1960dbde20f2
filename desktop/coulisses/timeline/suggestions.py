"""Suggested struggle moments: sudden changes of the workpiece that *stay*.

A pot slumping or a piece breaking changes the picture at one instant and the
picture stays changed; hands moving around the piece change it for a still
or two, and the light drifts slowly all day. So, for every still ``i`` of a
session, compare the *median* picture of the ``w`` stills before it with the
median of the ``w`` stills from it on:

- the per-pixel median ignores whatever is in fewer than half of a window's
  stills (hands, a sleeve, a passing tool);
- every signature is brightness-normalised first (zero mean, unit spread), so
  light drift, auto-exposure and a lamp switched on do not count;
- the 24×18 area-averaged signatures (``signatures.py``) average away sensor
  noise.

The step ``d[i]`` (mean absolute difference of the two medians) is then
judged against the session's usual step (its median): a gradual change, like
walls being pulled up, moves every ``d`` a little and stands out nowhere. A
still is suggested when its step is a local peak, several times the usual
step and large in absolute terms. Each session keeps its best few; stills
near a moment the maker already flagged, and dismissed ones, are left out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from coulisses.i18n import tr
from coulisses.jobs import CancelToken, ProgressCallback
from coulisses.journal.model import PieceSnapshot, iso
from coulisses.timeline.growing import Run, Times
from coulisses.timeline.sessions import Session, moment_anchor, split_sessions, timestamps
from coulisses.timeline.signatures import load_signatures

WINDOW = 7  # stills on each side of a candidate
MIN_WINDOW = 3
RATIO = 4.0  # a step this many times the session's usual step stands out
MIN_STEP = 0.12  # ...and this large in brightness-normalised units (noise is ~0.02)
AREA_LEVEL = 0.5  # a cell changed by more than this counts towards the changed area
PERSIST = 0.5  # neighbouring windows may differ by at most half the step
PER_SESSION = 3  # a handful per session at most
# Rows per batch: bounded memory on 100,000 stills. 512 rows keep a batch in the CPU's
# cache: a 4,000-still segment is searched in half the time of 4,096-row batches and
# with a third of the memory at the peak (~20 MB, not ~67 MB: the window searches
# again every minute while stills arrive, and freed memory is not always given back).
CHUNK = 512


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A still where something probably went wrong (or right): the maker decides."""

    capture: str  # capture id: also the key remembered when dismissed
    time: datetime
    score: float  # how many times the session's usual change (higher = surer)
    area: float  # fraction of the picture that changed and stayed changed
    session: int
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"capture": self.capture, "time": iso(self.time), "score": round(self.score, 2),
                "area": round(self.area, 3), "session": self.session, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Change:
    """A lasting change found in a sequence of signatures (index of the first changed one)."""

    index: int
    score: float
    step: float
    area: float


def normalise(sigs: np.ndarray, keep: float = 0.75) -> np.ndarray:
    """Signatures mapped onto the same light level: drift and exposure no longer count.

    Each still is fitted to the sequence's median picture by a gain and an
    offset (the light changing), by least squares refitted on the ``keep``
    best-matching cells so that a hand or a collapse does not bend the fit;
    the result is in units of the median picture's contrast. Row batches
    keep the temporaries small on 100,000 stills.
    """
    n = sigs.shape[0]
    if n == 0:
        return sigs.astype(np.float32)
    # The median picture from at most ~2,000 evenly spread stills is as good.
    ref = np.median(sigs[:: max(1, n // 2000)].astype(np.float32), axis=0)
    spread = max(float(np.subtract(*np.percentile(ref, [75, 25]))), 4.0)
    out = np.empty(sigs.shape, np.float32)
    kth = min(sigs.shape[1] - 1, int(keep * sigs.shape[1]))
    for lo in range(0, n, CHUNK):
        x = sigs[lo:lo + CHUNK].astype(np.float32)
        gain, offset = _weighted_fit(ref, x, None)
        for _ in range(2):
            residual = np.abs(x - (gain * ref + offset))
            cut = np.partition(residual, kth, axis=1)[:, kth:kth + 1]
            gain, offset = _weighted_fit(ref, x, (residual <= cut).astype(np.float32))
        # A near-flat still (lens cap, lights off) gets no huge gain out of noise.
        gain = np.maximum(gain, 0.05)
        x -= offset
        x /= gain
        x -= ref
        x /= spread
        out[lo:lo + CHUNK] = x
    return out


def _weighted_fit(ref: np.ndarray, x: np.ndarray,
                  w: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Per-row gain and offset of ``x ≈ gain * ref + offset`` (weighted least squares).

    Written with matrix products over the shared ``ref`` (BLAS does the work).
    """
    ref = ref.astype(np.float32)
    if w is None:
        sw = np.full(x.shape[0], float(x.shape[1]), np.float32)
        swr = np.full(x.shape[0], ref.sum(), np.float32)
        swrr = np.full(x.shape[0], (ref * ref).sum(), np.float32)
        wx = x
    else:
        sw = np.maximum(w.sum(axis=1), 1.0)
        swr = w @ ref
        swrr = w @ (ref * ref)
        wx = w * x
    swx = wx @ np.ones(x.shape[1], np.float32)
    swxr = wx @ ref
    mr, mx = swr / sw, swx / sw
    cov = swxr - sw * mr * mx
    var = swrr - sw * mr * mr
    gain = cov / np.maximum(var, 1e-6)
    offset = mx - gain * mr
    return gain[:, None], offset[:, None]


# Devillard's 13-exchange median-of-7 network (checked against np.median in the tests).
_MEDIAN7 = ((0, 5), (0, 3), (1, 6), (2, 4), (0, 1), (3, 5), (2, 6), (2, 3), (3, 6), (4, 5),
            (1, 4), (1, 3), (3, 4))


def _median_of(slices: list[np.ndarray]) -> np.ndarray:
    """Element-wise median of equally shaped arrays (sorted in place, by min/max)."""
    w = len(slices)
    pairs: tuple[tuple[int, int], ...]
    if w == 7:
        pairs = _MEDIAN7
    else:  # odd-even transposition sort: fine for the small windows of short sessions
        pairs = tuple((i, i + 1) for p in range(w) for i in range(p % 2, w - 1, 2))
    for a, b in pairs:
        low = np.minimum(slices[a], slices[b])
        np.maximum(slices[a], slices[b], out=slices[b])
        slices[a] = low
    if w == 7 or w % 2:
        return slices[w // 2]
    return (slices[w // 2 - 1] + slices[w // 2]) / 2


def rolling_median(x: np.ndarray, w: int) -> np.ndarray:
    """``out[k] = median(x[k:k+w])`` for every full window, batched to bound memory.

    A min/max sorting network over ``w`` shifted copies: about six times
    faster than ``np.median`` over a sliding-window view.
    """
    n = x.shape[0] - w + 1
    out = np.empty((max(n, 0), x.shape[1]), np.float32)
    for lo in range(0, max(n, 0), CHUNK):
        hi = min(n, lo + CHUNK)
        out[lo:hi] = _median_of([x[lo + j:hi + j].copy() for j in range(w)])
    return out


def lasting_changes(sigs: np.ndarray, *, window: int = WINDOW, ratio: float = RATIO,
                    min_step: float = MIN_STEP, head: bool = True) -> list[Change]:
    """Where a sequence of signatures changes suddenly and stays changed.

    ``sigs`` is (n, cells) of one session, in time order (uint8 or float).
    Returns candidates best first, not yet limited in number.

    Windows count stills, not minutes: a capture every half second is judged
    on seconds, one every ten seconds on minutes. A change needs a window
    after it, one before it and an earlier one showing the old state had
    lasted, so ``2w`` stills before it. At the start of a session (``head``:
    ``sigs`` begins where the session does), where a pot often collapses
    while being centred, the windows shrink to as few as ``MIN_WINDOW``
    stills for the changes the full windows cannot reach, judged against the
    usual step of the whole session.
    """
    n = sigs.shape[0]
    w = min(window, n // 3)  # room for an earlier, a before and an after window
    if w < MIN_WINDOW:
        return []
    x = normalise(sigs)
    found, base = _changes(x, w, w, ratio, min_step)
    if head:
        prefix = x[: 5 * w]  # enough for the after, later and peak windows of those stills
        for short in range(w - 1, MIN_WINDOW - 1, -1):
            for c in _changes(prefix, short, short, ratio, min_step, base)[0]:
                # Only stills out of reach of the full windows (2w onwards is), once.
                if c.index < 2 * w and all(abs(c.index - f.index) > w for f in found):
                    found.append(c)
    found.sort(key=lambda c: -c.score)
    return found


def _changes(x: np.ndarray, wb: int, wa: int, ratio: float, min_step: float,
             base: float | None = None) -> tuple[list[Change], float]:
    """Lasting changes in normalised signatures ``x``, and the usual step they stand out of.

    Judged with windows of ``wb`` stills before a change and ``wa`` after it;
    ``base`` imposes the usual step (of the whole session, when ``x`` is its start).
    """
    n = x.shape[0]
    if n < wb + wa:
        return [], base or min_step / ratio
    med_b = rolling_median(x, wb)  # med_b[k] = median of x[k:k+wb]
    med_a = med_b if wa == wb else rolling_median(x, wa)
    # Step at i (the first still after the change), for i in wb..n-wa.
    first = wb
    before = med_b[: n - wa - wb + 1]  # before[k]: the window ending just before i = k + wb
    after = med_a[wb:]  # after[k]: the window starting at i
    m = before.shape[0]
    step = np.empty(m, np.float32)
    area = np.empty(m, np.float32)
    for lo in range(0, m, CHUNK):  # batched: one long session must not triple memory
        diff = np.abs(after[lo:lo + CHUNK] - before[lo:lo + CHUNK])
        step[lo:lo + CHUNK] = diff.mean(axis=1)
        area[lo:lo + CHUNK] = (diff > AREA_LEVEL).mean(axis=1)
    if base is None:
        # The noise floor keeps a perfectly still scene from turning a flicker into a peak.
        base = max(float(np.median(step)), min_step / ratio)
    reach = max(wb, wa)
    found = []
    for k in range(step.size):
        s = step[k]
        if s < min_step or s < ratio * base:
            continue
        lo, hi = max(0, k - reach), min(step.size, k + reach + 1)
        window_steps = step[lo:hi]
        if s < window_steps.max() or np.argmax(window_steps) + lo != k:
            continue  # not the peak (the first of equal peaks wins)
        # The old state had lasted (the window before "before" matches it) and
        # the new one lasts (the window after "after", when there is one yet,
        # matches it). A window that happens to catch the same hand in most
        # of its stills is an outlier of its neighbours and fails this.
        i = k + first
        earlier, later = i - 2 * wb, i + wa
        if earlier < 0 or float(np.abs(med_b[earlier] - before[k]).mean()) > PERSIST * s:
            continue
        if later < med_a.shape[0] and \
                float(np.abs(med_a[later] - after[k]).mean()) > PERSIST * s:
            continue
        index, clear_cut = _change_point(x, i, wb, wa, before[k], after[k])
        if not clear_cut:
            continue
        found.append(Change(index=index, score=float(s / base), step=float(s),
                            area=float(area[k])))
    return found, base


def _change_point(x: np.ndarray, i: int, wb: int, wa: int, before: np.ndarray,
                  after: np.ndarray) -> tuple[int, bool]:
    """The first still of the new state near ``i``, and whether the cut is clear.

    Window medians stay put while fewer than half of a window's stills have
    changed, so the step is flat-topped over a few stills; instead, label each
    still around ``i`` by which median it resembles and pick the split that
    agrees with the most labels (a stray hand only flips one label). The cut
    is clear when all but at most one still of each window side with their
    own median: a window where the same hand sits in four stills of seven
    has a median, but three of its stills disagree with it.
    """
    # Medians may step a few stills off the real change: label a wider stretch.
    lo, hi = max(0, i - 2 * wb), min(x.shape[0], i + 2 * wa)
    seg = x[lo:hi]
    looks_after = (np.abs(seg - after).mean(axis=1) < np.abs(seg - before).mean(axis=1))
    # agree[s] = (# before-like in seg[:s]) + (# after-like in seg[s:]), for splits
    # that leave at least one still on each side, nearest to i on ties.
    before_like = np.concatenate(([0], np.cumsum(~looks_after)))
    after_like = np.concatenate((np.cumsum(looks_after[::-1])[::-1], [0]))
    agree = (before_like + after_like)[1:-1]
    best = np.flatnonzero(agree == agree.max()) + 1
    split = int(best[np.argmin(np.abs(best + lo - i))])
    side_before = looks_after[max(0, split - wb):split]
    side_after = looks_after[split:split + wa]
    clear = (int(side_before.sum()) <= 1 and side_before.size >= wb - 1
             and int((~side_after).sum()) <= 1 and side_after.size >= wa - 1)
    return lo + split, clear


def reason_text(area: float, lang: str | None = None) -> str:
    """Why a still was suggested, in ``lang``: the window renders it again from the area
    when its language changes (``Suggestion.reason`` keeps the search's language)."""
    percent = max(1, round(area * 100))
    return tr("The piece changed suddenly and stayed changed (about {percent}% of the "
              "picture).", lang=lang, percent=percent)


# A long session is searched in overlapping segments: memory stays bounded
# (one 100,000-still session would need ~0.5 GB at once) and each segment
# judges changes against its own usual step. Finished segments do not change,
# so their lasting changes are remembered (per process): as stills arrive the
# window searches again (at most once a minute) and only the live segment is
# searched again.
SEGMENT = 4000
OVERLAP = 6 * WINDOW  # every still has 2 windows of context on each side in some segment
_MEMO: OrderedDict[tuple, tuple[tuple[str, float, float], ...]] = OrderedDict()
_MEMO_SIZE = 4096
_MEMO_LOCK = threading.Lock()


def _segments(s: Session) -> list[tuple[int, int, bool]]:
    """``[lo, hi)`` capture ranges covering a session, and whether each is its last."""
    out = []
    lo, end = s.first, s.last + 1
    while True:
        hi = min(lo + SEGMENT, end)
        out.append((lo, hi, hi == end))
        if hi == end:
            return out
        lo += SEGMENT - OVERLAP


def _segment_key(snapshot: PieceSnapshot, lo: int, hi: int, last: bool, head: bool) -> tuple:
    caps = snapshot.captures
    # The window's timeline grows in a Run, which hashes each stretch of ids once: a
    # search as stills arrive then costs the live segment, not the whole piece.
    ids_hash = caps.ids_hash(lo, hi) if isinstance(caps, Run) else \
        hash(tuple(c.id for c in caps[lo:hi]))
    return (str(snapshot.piece.folder), caps[lo].id, caps[hi - 1].id, hi - lo, ids_hash, last,
            head, WINDOW, MIN_WINDOW, RATIO, MIN_STEP, SEGMENT)


def clear_memo() -> None:
    with _MEMO_LOCK:
        _MEMO.clear()


def _search(snapshot: PieceSnapshot, sigs: np.ndarray, ok: np.ndarray, lo: int,
            last: bool, head: bool) -> tuple[tuple[str, float, float], ...]:
    readable = np.flatnonzero(ok)
    out = []
    # Only a session's first segment starts where the session does: a later
    # segment's first stills have their context in the segment before.
    for c in lasting_changes(sigs[readable], head=head):
        # Near a segment's inner end the later windows are in the next segment,
        # which judges that change with its full context.
        if not last and c.index > readable.size - 3 * WINDOW:
            continue
        out.append((snapshot.captures[lo + int(readable[c.index])].id, c.score, c.area))
    return tuple(out)


def find_suggestions(snapshot: PieceSnapshot, sessions: tuple[Session, ...] | None = None, *,
                     gap: float = 1800.0, per_session: int = PER_SESSION,
                     use_cache: bool = True, token: CancelToken | None = None,
                     progress: ProgressCallback | None = None,
                     lang: str | None = None) -> tuple[Suggestion, ...]:
    """Ranked suggestions for a piece (best first), at most ``per_session`` per session."""
    if not snapshot.captures:
        return ()
    times: Sequence[float]
    if sessions is None:
        times = timestamps(snapshot.captures)
        sessions = split_sessions(snapshot, gap, times)
    else:
        times = Times(snapshot.captures)  # only moments tied to a time look (a bisect)
    segments = [(s.index, lo, hi, last, lo == s.first)
                for s in sessions for lo, hi, last in _segments(s)]
    keys = [_segment_key(snapshot, lo, hi, last, head) for _, lo, hi, last, head in segments]
    with _MEMO_LOCK:
        known = {k: _MEMO[k] for k in keys if use_cache and k in _MEMO}
    todo = [(seg, k) for seg, k in zip(segments, keys, strict=True) if k not in known]
    if todo:
        sigs, ok = load_signatures(snapshot, ranges=[(lo, hi) for (_, lo, hi, _, _), _ in todo],
                                   use_cache=use_cache, token=token, progress=progress)
        pos = 0
        for (_, lo, hi, last, head), key in todo:
            if token is not None:
                token.raise_if_cancelled()
            known[key] = _search(snapshot, sigs[pos:pos + hi - lo], ok[pos:pos + hi - lo],
                                 lo, last, head)
            pos += hi - lo
        with _MEMO_LOCK:
            for _, key in todo:
                _MEMO[key] = known[key]
            while len(_MEMO) > _MEMO_SIZE:
                _MEMO.popitem(last=False)
    # Per session: merge the segments' finds, best first, one per change.
    per: dict[int, list[tuple[int, float, float]]] = {}
    for (session, *_), key in zip(segments, keys, strict=True):
        for cid, score, area in known[key]:
            i = snapshot.index_of(cid)
            if i is not None:
                per.setdefault(session, []).append((i, score, area))
    # Stills near a moment the maker already flagged need no suggestion.
    flagged = np.zeros(len(snapshot.captures), bool)
    for m in snapshot.moments:
        anchor = moment_anchor(snapshot, m, times)  # type: ignore[arg-type]  # indexable
        if anchor is None:
            continue
        end = snapshot.index_of(m.span_to) if m.span_to else None
        stop = end if end is not None and end >= anchor else anchor
        flagged[max(0, anchor - WINDOW):stop + WINDOW + 1] = True
    out: list[Suggestion] = []
    for session, finds in per.items():
        finds.sort(key=lambda f: -f[1])
        seen: list[int] = []
        kept = 0
        for i, score, area in finds:
            if kept >= per_session:
                break
            if any(abs(i - t) <= WINDOW for t in seen):
                continue  # the same change seen from two overlapping segments
            seen.append(i)
            cap = snapshot.captures[i]
            if flagged[i] or cap.id in snapshot.dismissed:
                continue
            kept += 1
            out.append(Suggestion(capture=cap.id, time=cap.time, score=score, area=area,
                                  session=session, reason=reason_text(area, lang)))
    out.sort(key=lambda sg: -sg.score)
    return tuple(out)


__all__ = ["Change", "Suggestion", "clear_memo", "find_suggestions", "lasting_changes",
           "normalise", "reason_text", "rolling_median"]
