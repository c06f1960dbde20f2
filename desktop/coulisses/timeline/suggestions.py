"""Suggested struggle moments: changes of the workpiece that happen at once and *stay*.

A pot slumping, a board splitting, a wall torn, a piece knocked over or a
glaze running change part of the picture at one instant, and that part stays
changed; hands and sleeves move around the piece, tools come and go, the
maker leans in, lamps and daylight change the light, the camera re-meters
or gets nudged. So, for every still ``i`` of a session, the *median* of the
``w`` stills before it is compared with the median of the ``w`` stills from it
on (a per-value median ignores whatever is in fewer than half of a window's
stills: a hand, a passing tool), and the change is judged **locally**, cell
by cell of the signature (24×18 brightness, 12×9 colour: ``signatures.py``):

- a cell has a *lasting* change at ``i`` when its two medians differ by more
  than ``CELL_LEVEL`` and by ``STAY`` times more than the window before differs
  from the one before it and the window after from the one after it (the
  picture was settled before and is settled after; a hand resting for most of
  one window is not);
- the change's *mass* is the sum of those cells' excess change, weighed more
  around the piece's focus point when the maker set one; a piece filling 3 %
  of a wide frame is judged by its own cells, not by a mean over the picture
  (inside the piece's area instead, when the maker drew one);
- colour counts beside brightness (terracotta on wood, wet grey clay on a
  grey wheel head sit at the same brightness);
- a candidate is then explained away if it can be: by a change of light
  (a tone curve and a smooth gain across the picture, a tint: lamps, daylight,
  exposure), by the whole picture shifting (the camera moved: reported,
  never a struggle), by the picture going back to how it was within a few
  minutes (a tool set down, the maker leaning in), or by a slow change (walls
  pulled up: the stills around it are not split into a clear before and after).

Stills taken less than ``SUDDEN`` seconds apart are judged in small groups
(each group's median), so a capture every half second is judged on seconds
and the cost stays that of a slower capture. Each session keeps its best few;
stills near a struggle the maker already flagged, and dismissed ones, are left
out.
"""

from __future__ import annotations

import math
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
from coulisses.journal.sigstore import CHROMA_H, CHROMA_W, LUMA_SIZE, SIG_H, SIG_W
from coulisses.timeline.growing import Run, Times
from coulisses.timeline.sessions import Session, moment_anchor, split_sessions, timestamps
from coulisses.timeline.signatures import load_signatures

FINDER = 6  # version of the finder, in the memo's keys
WINDOW = 7  # stills (or groups of stills) on each side of a candidate
MIN_WINDOW = 3
SUDDEN = 5.0  # seconds: stills closer than this are judged in groups
CELL_LEVEL = 6.0  # grey levels: a cell changed by less has not changed
STAY = 2.0  # ...and its change is this many times the change within each side
CHROMA_GAIN = 2.0  # chroma levels count this much (YCrCb squeezes colour differences)
MIN_MASS = 400.0  # weighted excess levels x cells of a lasting change (noise: ~0)
CLEAN_MASS = 0.75 * MIN_MASS  # ...or this much when the change stands clear of both sides
CLEAN = 10.0  # a clear change: its cells changed this many times more than within each side
MIN_CELLS = 2  # cells of 24x18 (a 3 % piece covers about 13)
REVERT_SECONDS = 180.0  # a change undone within this long was a tool, a lean, a hand
HISTORY_SECONDS = 1800.0  # a change back to a look seen this recently: arms or tools gone
MIN_SHIFT = 0.1  # brightness cells (~4 pixels of a 1280-wide still): the camera moved
PER_SESSION = 3  # a handful per session at most
MAX_OFFSET = 0.5  # a light fit's offset beyond this share of the brightness is not light
MIN_GAIN = 0.2  # ...nor a gain under this anywhere in the picture (see normalise)
CLIPPED = 240  # a cell's colour channel this bright holds pixels clipped at white
NEAR_WHITE = 215  # ...and this bright, some of its pixels when the light changes a lot
LIGHT_STEP = 0.15  # the light changed over most of the picture by this share
NEAR = 3  # cells each way: the unclipped cells around a clipped one
UNLIKE = 0.5  # a still this far from both states (of their distance) is like neither
FLIPS = 1 / 3  # a cell whose stills show the other side's look this often flips
STEADY = 0.1  # ...and one that does it this rarely is steady
BETWEEN = 1.5  # a value this close to the segment between two states is on its way
# Rows per batch: bounded memory on 100,000 stills. 512 rows keep a batch in the CPU's
# cache: a 4,000-still segment is searched in half the time of 4,096-row batches and
# with a third of the memory at the peak (~20 MB, not ~67 MB: the window searches
# again every minute while stills arrive, and freed memory is not always given back).
CHUNK = 512

# Reasons, as codes the window renders in its language (reason_text).
SHAPE, COLOUR, CAMERA = "shape", "colour", "camera"

# Each brightness cell's chroma cell (chroma is at half the resolution).
_ROWS, _COLS = np.divmod(np.arange(LUMA_SIZE), SIG_W)
_CIDX = (_ROWS // 2) * CHROMA_W + _COLS // 2
_CHROMA = CHROMA_W * CHROMA_H
# Cell centres in 0..1, for the focus weight and the light's smooth fields.
_CX = ((_COLS + 0.5) / SIG_W).astype(np.float32)
_CY = ((_ROWS + 0.5) / SIG_H).astype(np.float32)
_CCX = ((np.arange(_CHROMA) % CHROMA_W + 0.5) / CHROMA_W).astype(np.float32)
_CCY = ((np.arange(_CHROMA) // CHROMA_W + 0.5) / CHROMA_H).astype(np.float32)


# Smooth fields over the picture (1, x, y, x², y², xy): a lamp's pool of light, daylight
# across the bench, a tint.
_SMOOTH = np.stack((np.ones_like(_CX), _CX - 0.5, _CY - 0.5, (_CX - 0.5) ** 2,
                    (_CY - 0.5) ** 2, (_CX - 0.5) * (_CY - 0.5)), 1).astype(np.float32)
# ...and to the third order for the gain of the brightness (a lamp's pool is round).
_SMOOTH3 = np.concatenate((_SMOOTH, np.stack(((_CX - 0.5) ** 3, (_CY - 0.5) ** 3,
                                              (_CX - 0.5) ** 2 * (_CY - 0.5),
                                              (_CX - 0.5) * (_CY - 0.5) ** 2), 1)), 1)
_SMOOTH_C = np.stack((np.ones_like(_CCX), _CCX - 0.5, _CCY - 0.5, (_CCX - 0.5) ** 2,
                      (_CCY - 0.5) ** 2, (_CCX - 0.5) * (_CCY - 0.5)), 1).astype(np.float32)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A still where something probably went wrong (or right): the maker decides."""

    capture: str  # capture id: also the key remembered when dismissed
    time: datetime
    score: float  # how many times the smallest lasting change it is (higher = surer)
    area: float  # fraction of the picture that changed and stayed changed
    session: int
    reason: str  # reason_text(area, lang, code), in the search's language
    code: str = SHAPE  # SHAPE or COLOUR: why, for the window to say it in its language

    def to_json(self) -> dict[str, Any]:
        return {"capture": self.capture, "time": iso(self.time), "score": round(self.score, 2),
                "area": round(self.area, 3), "session": self.session, "reason": self.reason,
                "code": self.code}


@dataclass(frozen=True, slots=True)
class Change:
    """A lasting change found in a sequence of signatures (index of the first changed one)."""

    index: int
    score: float
    step: float  # mean change of the changed cells, in grey levels
    area: float
    code: str = SHAPE


def normalise(sigs: np.ndarray, keep: float = 0.75) -> np.ndarray:
    """Signatures as float levels on the same light: drift, exposure and tint no longer count.

    Each still's brightness is fitted to the sequence's median picture by a
    gain that varies smoothly across the picture (to the second order in x and
    y: a lamp's pool of light, daylight coming from one side, exposure) and an
    offset, by least squares refitted on the ``keep`` best-matching cells so
    that a hand or a collapse does not bend the fit, and mapped back onto it: a
    lamp switched on or off, or daylight drifting across the bench, no longer
    hides a change of the piece just after it. Its chroma is divided by the
    same gain (more light spreads colours too) and shifted by its median
    difference to the median picture's (a tinted light). Chroma comes out
    multiplied by ``CHROMA_GAIN``. Row batches keep the temporaries small on
    100,000 stills.
    """
    n = sigs.shape[0]
    out = np.empty(sigs.shape, np.float32)
    if n == 0:
        return out
    sample = sigs[:: max(1, n // 2000)].astype(np.float32)
    ref = np.median(sample[:, :LUMA_SIZE], axis=0)
    ref_c = np.median(sample[:, LUMA_SIZE:], axis=0) - 128.0
    kth = int(keep * LUMA_SIZE)
    # y ≈ (smooth gain field) * ref + offset: linear in the field's coefficients. Light
    # is smooth, so it is measured on pictures blurred over 3x3 cells, where an edge
    # moved by a nudged camera or a slumping wall weighs little.
    ref_s = _box3(ref[None])[0]
    design = np.concatenate((ref_s[:, None] * _SMOOTH, np.ones((LUMA_SIZE, 1), np.float32)),
                            1)
    fit = _LightFit(design)
    for lo in range(0, n, CHUNK):
        x = sigs[lo:lo + CHUNK].astype(np.float32)
        y = x[:, :LUMA_SIZE]
        ys = _box3(y)
        sol, a, b = fit.solve(ys, kth)
        # Refitting on the best cells can leave only a plain background (the piece's
        # cells fit worst): a flat picture, where a gain and an offset explain a still
        # equally well and the solution goes wherever rounding takes it (measured on a
        # board on a wooden bench: offsets of 0.8-1.0 times the brightness, gains of
        # 0.05, changes of a level blown up thirtyfold). A light changes mostly gain:
        # such stills are fitted by the gain field alone.
        field = _matmul(sol[:, :-1], _SMOOTH.T, 128)
        odd = (np.abs(sol[:, -1]) > MAX_OFFSET * np.maximum(ys.mean(axis=1), 1.0)) | (
            field.min(axis=1) < MIN_GAIN)
        if odd.any():
            # On the same cells: the fit's own equations without the offset's row.
            sol[odd, :-1] = np.linalg.solve(a[odd, :-1, :-1], b[odd, :-1, None])[..., 0]
            sol[odd, -1] = 0.0
            field[odd] = _matmul(sol[odd, :-1], _SMOOTH.T, 128)
        # A near-flat still (lens cap, lights off) gets no huge gain out of noise.
        np.maximum(field, 0.05, out=field)
        y -= sol[:, -1:]
        y /= field
        c = x[:, LUMA_SIZE:]
        c -= 128.0
        # ...and so are colours: each colour cell by the gain over its brightness cells.
        cgain = _coarse(field)
        c[:, :_CHROMA] /= cgain
        c[:, _CHROMA:] /= cgain
        for k in (0, _CHROMA):
            part = c[:, k:k + _CHROMA]
            part -= np.median(part - ref_c[k:k + _CHROMA], axis=1, keepdims=True)
        c *= CHROMA_GAIN
        out[lo:lo + CHUNK] = x
    return out


class _LightFit:
    """Least squares of rows of brightness cells on the columns of ``design``, refitted
    twice on each row's best-fitting cells (a hand or a collapse does not bend it)."""

    def __init__(self, design: np.ndarray) -> None:
        self.design = design
        self.p = p = design.shape[1]
        self.upper = np.triu_indices(p)  # the normal equations are symmetric: half of them
        self.outer = design[:, self.upper[0]] * design[:, self.upper[1]]
        self.ridge = np.eye(p, dtype=np.float32) * 1e-3
        self.whole = _symmetric(self.outer.sum(axis=0)[None], self.upper, p)[0] + self.ridge

    def solve(self, ys: np.ndarray, kth: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The solutions, and the normal equations (``a``, ``b``) of their last fit."""
        design = self.design
        # Fitted on every cell first: a lamp's pool is light, not cells to leave out.
        sol = np.linalg.solve(self.whole, _matmul(ys, design, 128).T).T
        a = b = np.empty(0, np.float32)
        for _ in range(2):
            residual = np.abs(ys - _matmul(sol, design.T, 128))
            use = (residual <= np.partition(residual, kth, axis=1)[:, kth:kth + 1])
            use = use.astype(np.float32)
            a = _symmetric(_matmul(use, self.outer), self.upper, self.p) + self.ridge
            b = _matmul(use * ys, design, 128)
            sol = np.linalg.solve(a, b[..., None])[..., 0]
        return sol, a, b


def _symmetric(half: np.ndarray, upper: tuple[np.ndarray, ...], p: int) -> np.ndarray:
    """Symmetric ``p`` x ``p`` matrices from the rows of their upper triangles."""
    out = np.empty((half.shape[0], p, p), half.dtype)
    out[:, upper[0], upper[1]] = half
    out[:, upper[1], upper[0]] = half
    return out


def _box3(v: np.ndarray) -> np.ndarray:
    """Rows of brightness cells averaged over 3x3 cells (edges repeated)."""
    g = v.reshape(-1, SIG_H, SIG_W)
    h = g.copy()
    h[:, 1:] += g[:, :-1]
    h[:, :-1] += g[:, 1:]
    h[:, 0] += g[:, 0]
    h[:, -1] += g[:, -1]
    out = h.copy()
    out[:, :, 1:] += h[:, :, :-1]
    out[:, :, :-1] += h[:, :, 1:]
    out[:, :, 0] += h[:, :, 0]
    out[:, :, -1] += h[:, :, -1]
    out *= 1 / 9
    return out.reshape(-1, LUMA_SIZE)


def _coarse(v: np.ndarray) -> np.ndarray:
    """Rows of brightness cells averaged over 2x2 cells: one value per colour cell."""
    g = v.reshape(-1, SIG_H, SIG_W)
    s = g[:, 0::2, 0::2] + g[:, 1::2, 0::2] + g[:, 0::2, 1::2] + g[:, 1::2, 1::2]
    return (s * 0.25).reshape(-1, _CHROMA)


def _matmul(a: np.ndarray, b: np.ndarray, rows: int = 32) -> np.ndarray:
    """``a @ b`` a few rows at a time: OpenBLAS shares a larger product among threads
    that spin while they wait, which costs several times the CPU of one thread on a
    busy machine (measured: 4x here); the app has no say in OpenBLAS's threads."""
    out = np.empty((a.shape[0], b.shape[1]), np.result_type(a, b))
    for lo in range(0, a.shape[0], rows):
        np.matmul(a[lo:lo + rows], b, out=out[lo:lo + rows])
    return out


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


def _group_medians(x: np.ndarray, k: int) -> np.ndarray:
    """Medians of consecutive groups of ``k`` rows (the last, short group dropped)."""
    m = x.shape[0] // k
    out = np.empty((m, x.shape[1]), np.float32)
    for lo in range(0, m, CHUNK):
        hi = min(m, lo + CHUNK)
        out[lo:hi] = _median_of([x[lo * k + j:hi * k:k].copy() for j in range(k)])
    return out


def _cells(d: np.ndarray) -> np.ndarray:
    """Per brightness cell change from per-value differences (rows of 648): the larger of
    the brightness change and the chroma change of the colour cell over it."""
    d = np.abs(d)
    chroma = d[..., LUMA_SIZE:LUMA_SIZE + _CHROMA] + d[..., LUMA_SIZE + _CHROMA:]
    return np.maximum(d[..., :LUMA_SIZE], chroma[..., _CIDX])


def focus_weight(focus: tuple[float, float] | None,
                 area: tuple[float, float, float, float] | None = None) -> np.ndarray:
    """Per cell weight: the piece's surroundings count more when the maker says where it is
    (the area drawn around it, else the focus point)."""
    if area is not None:
        x0, y0, x1, y1 = area
        # A cell touched by the area is in it: a small area still holds whole cells.
        hx, hy = 0.5 / SIG_W, 0.5 / SIG_H
        inside = ((np.abs(_CX - (x0 + x1) / 2) <= (x1 - x0) / 2 + hx)
                  & (np.abs(_CY - (y0 + y1) / 2) <= (y1 - y0) / 2 + hy))
        return np.where(inside, 2.0, 0.6).astype(np.float32)
    if focus is None:
        return np.ones(LUMA_SIZE, np.float32)
    fx, fy = focus
    d2 = (_CX - fx) ** 2 + (_CY - fy) ** 2
    return (0.6 + 1.4 * np.exp(-d2 / (2 * 0.18 ** 2))).astype(np.float32)


def interval_of(times: Sequence[float]) -> float:
    """The usual seconds between stills (median of the steps)."""
    if len(times) < 2:
        return 10.0
    return float(np.median(np.diff(np.asarray(times, np.float64)))) or 10.0


def lasting_changes(sigs: np.ndarray, *, window: int = WINDOW, interval: float = 10.0,
                    focus: tuple[float, float] | None = None,
                    head: bool = True,
                    area: tuple[float, float, float, float] | None = None) -> list[Change]:
    """Where a sequence of signatures changes at once and stays changed.

    ``sigs`` is (n, 648) of one session, in time order (uint8 or float), taken
    about every ``interval`` seconds. Returns candidates best first, camera
    moves included (``code`` CAMERA), not yet limited in number.

    A change needs a window after it, one before it and an earlier one
    showing the old state had lasted, so ``2w`` stills before it. At the start
    of a session (``head``: ``sigs`` begins where the session does), where a
    pot often collapses while being centred, the windows shrink to as few as
    ``MIN_WINDOW`` stills for the changes the full windows cannot reach.
    """
    k = 1
    if 0 < interval < SUDDEN:
        k = int(SUDDEN / interval)
        k += 1 - k % 2  # odd: a true median
        # A short capture keeps more of its stills' say: smaller groups.
        while k > 1 and sigs.shape[0] // k < 6 * window:
            k -= 2
    x = normalise(sigs)
    g = _group_medians(x, k) if k > 1 else x
    # Groups a sudden change may span: several in a short capture taken every half
    # second (judged with full windows only: the first seconds' short ones are hands).
    ramp = SUDDEN / (interval * k) if interval > 0 else 1.0
    w = min(window, g.shape[0] // 3)  # room for an earlier, a before and an after window
    if w < MIN_WINDOW:
        return []
    weight = focus_weight(focus, area)
    revert = max(2 * w, int(math.ceil(REVERT_SECONDS / (interval * k))))
    history = max(revert, int(math.ceil(HISTORY_SECONDS / (interval * k))))
    # Lasting changes made so far (the looks before and after each): a piece that
    # collapses again into a heap like its first one makes a look seen before, and that
    # is news.
    made: list[tuple[np.ndarray, np.ndarray]] = []
    early: list[Change] = []
    if head:  # searched first: a collapse while centring makes a look the later ones know
        # Candidates in the first 2w groups only, but judged with what follows them for
        # as long as a revert takes, as later ones are: hands or a lean in the first
        # seconds are undone when they go.
        prefix = g[: 5 * w + revert]
        for short in range(w - 1, MIN_WINDOW - 1, -1):
            early += _changes(sigs, x[: prefix.shape[0] * k], prefix, k, short, weight,
                              revert, history, made, until=2 * w)
    found = _changes(sigs, x, g, k, w, weight, revert, history, made, ramp=ramp)
    for c in early:
        # Only stills out of reach of the full windows (2w onwards is), once.
        if c.index < 2 * w * k and all(abs(c.index - f.index) > w * k for f in found):
            found.append(c)
    found.sort(key=lambda c: -c.score)
    return found


def _changes(raw: np.ndarray, x: np.ndarray, g: np.ndarray, k: int, w: int,
             weight: np.ndarray, revert: int, history: int,
             made: list[tuple[np.ndarray, np.ndarray]],
             until: int | None = None, ramp: float = 1.0) -> list[Change]:
    """Lasting changes in normalised signatures ``x``, judged on ``g`` (``x`` in groups of
    ``k`` stills) with windows of ``w`` groups, at groups before ``until`` (all when
    None); ``made`` gets the looks before and after each one."""
    n = g.shape[0]
    if n < 2 * w:
        return []
    med = rolling_median(g, w)  # med[j] = median of g[j:j+w]
    m = n - 2 * w + 1  # steps at i = w..n-w (the first group after the change)
    if until is not None:  # what follows is for judging them (a revert), not searched
        m = min(m, until + w + 1)
    # step[j]: how each cell changed between the window before i = j + w and the one from i.
    step = np.empty((m, LUMA_SIZE), np.float32)
    for lo in range(0, m, CHUNK):
        hi = min(m, lo + CHUNK)
        step[lo:hi] = _cells(med[lo + w:hi + w] - med[lo:hi])
    # Each side's own change: the step one window earlier and one window later. Both
    # are needed: the old state had lasted and the new one lasts (a session's first
    # stills are judged with shorter windows; the newest wait for stills after them).
    if m <= 2 * w:
        return []
    side = np.full_like(step, np.inf)
    np.maximum(step[:-2 * w], step[2 * w:], out=side[w:-w])
    excess = step - STAY * side
    lasting = (step >= CELL_LEVEL) & (excess > 0)
    mass = (np.where(lasting, excess, 0.0) * weight).sum(axis=1)
    cells = lasting.sum(axis=1)
    found: list[Change] = []
    # A small piece's change on a quiet bench (a tear on a board, a still a minute) can
    # weigh under MIN_MASS and still be unmistakable: its cells changed many times more
    # than they do within either side.
    candidates = (mass >= CLEAN_MASS) & (cells >= MIN_CELLS)
    if until is not None:
        candidates[max(0, until - w + 1):] = False  # j + w is the change's group
    for j in np.flatnonzero(candidates).tolist():
        if mass[j] < MIN_MASS and float(step[j][lasting[j]].sum()) < CLEAN * float(
                side[j][lasting[j]].sum()):
            candidates[j] = False
    rejected: list[int] = []
    peaks: list[int] = []

    def judge(j: int) -> None:
        change = _verify(raw, x, g, med, k, w, j, lasting[j], side[j], weight, revert,
                         history, made, ramp)
        if change is None:
            rejected.append(j)
            return
        found.append(change)
        peaks.append(j)
        if change.code != CAMERA:
            made.append((med[j], med[j + w]))

    for j in np.flatnonzero(candidates).tolist():
        lo, hi = max(0, j - w), min(m, j + w + 1)
        if mass[j] < mass[lo:hi].max() or int(np.argmax(mass[lo:hi])) + lo != j:
            continue  # not the peak (the first of equal peaks wins)
        judge(j)
    # A peak turned down (hands that came a few stills after a split, then went) may
    # hide the change next to it: the best candidate on each side, at least half a
    # window away and mostly in other cells (not the same event seen through other
    # windows), gets its own judgement, once.
    for r in list(rejected):
        for lo, hi in ((r - w, r - w // 2), (r + w // 2 + 1, r + w + 1)):
            lo, hi = max(0, lo), min(m, hi)
            if hi <= lo or not candidates[lo:hi].any():
                continue
            near = np.where(candidates[lo:hi], mass[lo:hi], -1.0)
            j = lo + int(np.argmax(near))
            shared = int((lasting[j] & lasting[r]).sum())
            if (all(abs(j - p) > w for p in peaks) and j not in rejected
                    and shared < 0.5 * int(lasting[j].sum())):
                judge(j)
    return found


def _verify(raw: np.ndarray, x: np.ndarray, g: np.ndarray, med: np.ndarray, k: int, w: int,
            j: int, lasting: np.ndarray, side: np.ndarray, weight: np.ndarray,
            revert: int, history: int,
            made: Sequence[tuple[np.ndarray, np.ndarray]] = (),
            ramp: float = 1.0) -> Change | None:
    """The change at group ``i = j + w``, unless light, the camera, a revert or a slow
    change explain it (``made``: the looks before and after earlier lasting changes)."""
    before, after = med[j], med[j + w]
    # 1. Light and camera: what is left once a change of light and a shift are fitted.
    raw_before, raw_after = raw[j * k:(j + w) * k:k], raw[(j + w) * k:(j + 2 * w) * k:k]
    fitted, shift = _explain(before, after)
    # The fit may only explain a change away, never make one (an ill-posed fit). Cells
    # blown out to white (a lamp, a window) may say nothing.
    left = np.minimum(_cells(after - fitted), _cells(after - before))
    left[_clip_explains(raw_before, raw_after, before, after)] = 0.0
    keep = (left >= CELL_LEVEL) & (left - STAY * side > 0)
    mass = float(((left - STAY * side) * keep * weight).sum())
    moved = math.hypot(*shift) >= MIN_SHIFT
    clean = float(left[keep].sum()) >= CLEAN * float(side[keep].sum())
    # Under MIN_MASS a change that is not clean may still be steady (step 4): a small
    # piece that splits under busy hands, its cells showing one look or the other (or
    # a hand) in every still of each side. Not when the camera moved: that is a move.
    if mass < CLEAN_MASS or keep.sum() < MIN_CELLS or (
            moved and mass < MIN_MASS and not clean):
        return Change((j + w) * k, 0.0, 0.0, 0.0, CAMERA) if moved else None  # or light
    if moved:
        # A shift's first-order model cannot say where in a cell an edge was: what it
        # leaves is a change moved to a neighbouring cell, which blurring cancels out.
        spread = np.minimum(_cells(_blur(after - fitted)), left)
        if float((spread * (spread >= CELL_LEVEL) * weight).sum()) < 0.5 * float(
                (left * (left >= CELL_LEVEL) * weight).sum()):
            return Change((j + w) * k, 0.0, 0.0, 0.0, CAMERA)
    # 2. Cells undone within a few minutes (a tool, the maker leaning in, hands that
    # come back) are not part of the change; what is left must still be a change.
    excess = (left - STAY * side) * keep * weight
    last = min(med.shape[0] - 1, j + w + revert)
    undone = np.zeros(LUMA_SIZE, bool)
    for t in range(j + 2 * w, last + 1, max(1, w // 2)):
        undone |= _cells(med[t] - before) < 0.5 * left
    keep &= ~undone
    mass = float(excess[keep].sum())
    if mass < CLEAN_MASS or keep.sum() < MIN_CELLS:
        return None
    cells = keep & lasting if (keep & lasting).sum() >= MIN_CELLS else keep
    cols = np.concatenate((np.flatnonzero(cells), LUMA_SIZE + np.unique(_CIDX[cells]),
                           LUMA_SIZE + _CHROMA + np.unique(_CIDX[cells])))
    b, a = before[cols], after[cols]
    cross = float(np.abs(a - b).mean())
    if cross < CELL_LEVEL:  # cells that only just changed, many of them: light left over
        return None
    # Back to a look seen in the last half hour (arms or a tool gone again, a lamp
    # switched off): a lasting change of the piece makes something not seen before,
    # unless it does again what an earlier lasting change did, from the same look to the
    # same look (a pot thrown up again that collapses again into a heap like the first:
    # the struggle story, told twice; a tool taken away undoes, it does not repeat).
    earlier = med[max(0, j - history):max(0, j - w):max(1, w // 2), cols]
    if j < 2 * w:  # near the start, windows this wide swallow a short earlier look
        short = [np.median(g[t:t + MIN_WINDOW, cols], axis=0)
                 for t in range(0, j - MIN_WINDOW + 1)]
        if short:
            earlier = np.vstack([earlier, np.stack(short)])
    if (earlier.size and float(np.abs(earlier - a).mean(axis=1).min()) < 0.5 * cross
            and not any(float(np.abs(mb[cols] - b).mean()) < 0.5 * cross
                        and float(np.abs(ma[cols] - a).mean()) < 0.5 * cross
                        for mb, ma in made)):
        return None
    # 3. Sudden: the windows astride it each side with one state or the other, cell by
    # cell (a slow change leaves them half-way), and so do the stills around it.
    mids = med[j + w // 2 - 1:j + w // 2 + 2, cols]
    halfway = np.minimum(np.abs(mids - b), np.abs(mids - a)).mean(axis=1).min()
    index, clear = _change_point(x, (j + w) * k, w * k, b, a, cols)
    # (Not when a sudden change may span several groups, a short capture's stills
    # half a second apart: a pot slumping for 2 s leaves every window's median on the
    # way; the stills around the cut still tell a slow change.)
    if not clear or (ramp < 2 and halfway > 0.3 * cross):
        return None
    luma = float(np.abs(a - b)[: int(cells.sum())].sum())
    chroma = float(np.abs(a - b)[int(cells.sum()):].sum())
    code = COLOUR if chroma > luma else SHAPE
    # 4. ...and cell by cell, on each side of that still.
    reach = w * k
    share = _wrong_share(x[max(0, index - reach):index], x[index:index + reach], before,
                         after, left)
    keep &= share <= FLIPS
    mass = float(excess[keep].sum())
    # Steady and strong: a lamp switched on is steady too, but what its fit leaves is a
    # faint change spread over many cells.
    steady = (keep.any() and float(share[keep].max()) <= STEADY
              and cross >= 2 * CELL_LEVEL)
    if keep.sum() < MIN_CELLS or mass < CLEAN_MASS or (
            mass < MIN_MASS and not (clean or steady)):
        return None
    cells &= keep
    area = float(cells.sum()) / LUMA_SIZE
    return Change(index=index, score=mass / MIN_MASS, step=cross, area=area, code=code)


def _wrong_share(xb: np.ndarray, xa: np.ndarray, before: np.ndarray, after: np.ndarray,
                 left: np.ndarray) -> np.ndarray:
    """Per cell, the larger share of a side's stills (``xb``, ``xa``: the stills before
    and after the change) that show the other side's look. A sleeve that comes and goes
    over the same cells, a little more often on one side than on the other, moves their
    medians but leaves many stills with the other look: it flips. A piece that changed
    shows its own look on each side, or something unlike both (a hand over it)."""
    share = np.zeros(LUMA_SIZE, np.float32)
    for side, own, other in ((xb, before, after), (xa, after, before)):
        if side.shape[0]:
            d_own, d_other = _cells(side - own), _cells(side - other)
            wrong = (d_other < d_own) & (d_other <= UNLIKE * left)
            share = np.maximum(share, wrong.mean(axis=0))
    return share


def _light_ratio(raw_before: np.ndarray, raw_after: np.ndarray) -> np.ndarray:
    """Each brightness cell's median brightness after over before, between two runs of
    stills (uint8 signatures)."""
    return (np.median(raw_after[:, :LUMA_SIZE], axis=0) + 1.0) / (
        np.median(raw_before[:, :LUMA_SIZE], axis=0) + 1.0)


def _top_channel(raw: np.ndarray) -> np.ndarray:
    """Each brightness cell's brightest colour channel, per row of ``raw`` (uint8
    signatures): YCrCb back to RGB (BT.601), with the colour cell over it."""
    y = raw[:, :LUMA_SIZE].astype(np.float32)
    cr = raw[:, LUMA_SIZE:LUMA_SIZE + _CHROMA][:, _CIDX].astype(np.float32) - 128.0
    cb = raw[:, LUMA_SIZE + _CHROMA:][:, _CIDX].astype(np.float32) - 128.0
    red, blue = y + 1.403 * cr, y + 1.773 * cb
    green = (y - 0.299 * red - 0.114 * blue) / 0.587
    return np.maximum(np.maximum(red, green), np.maximum(blue, y))


def _clipped(raw: np.ndarray, level: int = CLIPPED) -> np.ndarray:
    """Brightness cells with a colour channel at ``level`` or over (at white) in over
    half of the stills ``raw`` (uint8 signatures)."""
    return (_top_channel(raw) >= level).mean(axis=0) > 0.5


def _clip_explains(raw_before: np.ndarray, raw_after: np.ndarray, before: np.ndarray,
                   after: np.ndarray) -> np.ndarray:
    """Brightness cells whose change clipping at white can explain.

    A cell is clipped on a side when a colour channel is at white in over half of
    that side's stills (``raw_*``: uint8 signatures). Clipping only ever takes a
    value towards white: once the light is taken out (``before``, ``after``:
    normalised medians) the clipped side reads darker and greyer than it should. So a
    change clipping can explain is one where the clipped side is no brighter and no
    more colourful than the other (a lamp switched off over a pink canvas it had blown
    out); a white pot knocked over leaves a darker cell where it stood and a whiter one
    where it lies, which clipping cannot make. Clipped on both sides, or on either
    when the light changed over most of the picture (a lamp blowing out nearly all of
    it leaves too little to take the light out by): nothing known. Nor when the
    unclipped cells around it brightened (or darkened) with it: a lamp that lights one
    side of the bench, which taking the light out cannot follow from cell to cell."""
    cb, ca = _clipped(raw_before), _clipped(raw_after)
    if not (cb.any() or ca.any()):
        return cb
    ratio = _light_ratio(raw_before, raw_after)
    if abs(float(np.median(ratio)) - 1.0) > LIGHT_STEP:  # over most of the picture
        # Cells near white hold clipped pixels too once the light changes this much.
        return _clipped(raw_before, NEAR_WHITE) | _clipped(raw_after, NEAR_WHITE)
    import cv2  # a few candidates per session only

    ratio = np.log(ratio)
    open_ = (~(cb | ca)).astype(np.float32)
    size = (2 * NEAR + 1, 2 * NEAR + 1)
    num = cv2.blur((ratio * open_).reshape(SIG_H, SIG_W).astype(np.float32), size,
                   borderType=cv2.BORDER_CONSTANT).reshape(-1)
    den = cv2.blur(open_.reshape(SIG_H, SIG_W), size,
                   borderType=cv2.BORDER_CONSTANT).reshape(-1)
    around = np.where(den > 0.05, num / np.maximum(den, 1e-6), 0.0)
    lit, dimmed = around > math.log1p(LIGHT_STEP), around < math.log1p(-LIGHT_STEP)
    yb, ya = before[:LUMA_SIZE], after[:LUMA_SIZE]
    mb = (np.abs(before[LUMA_SIZE:LUMA_SIZE + _CHROMA]) + np.abs(before[LUMA_SIZE + _CHROMA:]))
    ma = (np.abs(after[LUMA_SIZE:LUMA_SIZE + _CHROMA]) + np.abs(after[LUMA_SIZE + _CHROMA:]))
    mb, ma = mb[_CIDX], ma[_CIDX]
    whiter_b = (yb <= ya + CELL_LEVEL) & (mb <= ma + CELL_LEVEL)  # after, pulled to white
    whiter_a = (ya <= yb + CELL_LEVEL) & (ma <= mb + CELL_LEVEL)
    return (cb & ca) | (cb & (whiter_b | dimmed)) | (ca & (whiter_a | lit))


def _blur(v: np.ndarray) -> np.ndarray:
    """Each channel of a signature (difference) averaged over 3x3 cells."""
    import cv2  # a few candidates per session only

    out = np.empty_like(v)
    for lo, hi, w, h in ((0, LUMA_SIZE, SIG_W, SIG_H),
                         (LUMA_SIZE, LUMA_SIZE + _CHROMA, CHROMA_W, CHROMA_H),
                         (LUMA_SIZE + _CHROMA, LUMA_SIZE + 2 * _CHROMA, CHROMA_W, CHROMA_H)):
        out[lo:hi] = cv2.blur(v[lo:hi].reshape(h, w), (3, 3),
                              borderType=cv2.BORDER_REPLICATE).reshape(-1)
    return out


def _gradients(img: np.ndarray, w: int, h: int) -> tuple[np.ndarray, np.ndarray]:
    gy, gx = np.gradient(img.reshape(h, w))
    return gx.reshape(-1), gy.reshape(-1)


def _explain(before: np.ndarray, after: np.ndarray,
             keep: float = 0.7) -> tuple[np.ndarray, tuple[float, float]]:
    """``after`` as well as a change of light and a small shift of the whole picture can
    make it from ``before``, and that shift (in brightness cells).

    Light: a tone curve times a smooth gain across the picture for the brightness,
    a gain and a smooth tint for each chroma channel (a lamp's pool of light, daylight
    across the bench, auto-exposure). Shift: to first order a picture moved by ``d``
    changes by ``-gradient · d``; the mean of both pictures' gradients keeps the
    second order out. Least squares on the best-matching ``keep`` of the cells,
    refitted, so a collapse is left over rather than fitted.
    """
    by, ay = before[:LUMA_SIZE], after[:LUMA_SIZE]
    gx, gy = (g / 2 for g in map(np.add, _gradients(by, SIG_W, SIG_H),
                                  _gradients(ay, SIG_W, SIG_H)))
    design = np.concatenate((_SMOOTH, by[:, None] * _SMOOTH3, (by * by / 255)[:, None],
                             -gx[:, None], -gy[:, None]), 1)
    sol, fit_y = _trimmed_fit(design, ay, keep, by)
    dx, dy = float(sol[-2]), float(sol[-1])
    out = np.empty_like(after)
    out[:LUMA_SIZE] = fit_y
    luma = by.reshape(CHROMA_H, 2, CHROMA_W, 2).mean(axis=(1, 3)).reshape(-1) / 255
    for lo in (LUMA_SIZE, LUMA_SIZE + _CHROMA):
        bc, ac = before[lo:lo + _CHROMA], after[lo:lo + _CHROMA]
        cx, cy = (g / 2 for g in map(np.add, _gradients(bc, CHROMA_W, CHROMA_H),
                                      _gradients(ac, CHROMA_W, CHROMA_H)))
        moved = bc - (cx * dx + cy * dy) / 2  # chroma cells are twice as large
        # A tinted light shifts chroma in proportion to each cell's brightness and colour.
        cd = np.concatenate((_SMOOTH_C, moved[:, None] * _SMOOTH_C,
                             luma[:, None] * _SMOOTH_C), 1)
        out[lo:lo + _CHROMA] = _trimmed_fit(cd, ac, keep, moved)[1]
    return out, (dx, dy)


def _trimmed_fit(design: np.ndarray, target: np.ndarray, keep: float,
                 start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Least squares on the ``keep`` rows that best fit ``start`` (nothing changed), then
    refitted twice on the best-fitting rows: (solution, fit). Starting from the rows
    that did not change keeps a large collapse from being half fitted as light."""
    residual = np.abs(target - start)
    use = residual <= np.quantile(residual, keep)
    sol = np.zeros(design.shape[1], np.float32)
    fit = target
    for _ in range(3):
        sol, *_ = np.linalg.lstsq(design[use], target[use], rcond=None)
        fit = design @ sol
        residual = np.abs(target - fit)
        use = residual <= np.quantile(residual, keep)
    return sol, fit


def _change_point(x: np.ndarray, i: int, reach: int, before: np.ndarray, after: np.ndarray,
                  cols: np.ndarray) -> tuple[int, bool]:
    """The first still of the new state near ``i``, and whether the cut is clear.

    Window medians stay put while fewer than half of a window's stills have
    changed, so the step is flat-topped over a few stills; instead, label each
    still around ``i`` by which median it resembles on the changed cells and
    pick the split that agrees with the most labels (a stray hand only flips
    one label). The cut is clear when most stills on each side side with their
    own median and few are in between: a slow change (walls pulled up) leaves
    many stills half-way, a hand in four stills of seven leaves three against.
    """
    lo, hi = max(0, i - 2 * reach), min(x.shape[0], i + 2 * reach)
    seg = x[lo:hi][:, cols]
    db = np.abs(seg - before).mean(axis=1)
    da = np.abs(seg - after).mean(axis=1)
    looks_after = da < db
    before_like = np.concatenate(([0], np.cumsum(~looks_after)))
    after_like = np.concatenate((np.cumsum(looks_after[::-1])[::-1], [0]))
    agree = (before_like + after_like)[1:-1]
    if not agree.size:
        return i, False
    best = np.flatnonzero(agree == agree.max()) + 1
    split = int(best[np.argmin(np.abs(best + lo - i))])
    # The first still more like the new state than the old (a ramp's middle).
    side_before = looks_after[max(0, split - reach):split]
    side_after = looks_after[split:split + reach]
    allowed = max(1, reach // 3)
    # Stills half-way between the two states on most changed cells: a slow change. A
    # value is half-way only when it lies between its two states: an arm or a sleeve
    # over the piece is unlike both (a pot collapsing under the hands that centre it
    # is still sudden), a wall pulled up or a heap sagging passes through the values
    # in between.
    near = seg[max(0, split - reach):split + reach]
    gap = np.maximum(np.abs(after - before), CELL_LEVEL)
    to_before, to_after = np.abs(near - before), np.abs(near - after)
    between = to_before + to_after <= BETWEEN * gap
    halfway = np.median(np.where(between, np.minimum(to_before, to_after), 0.0) / gap, axis=1)
    clear = (int(side_before.sum()) <= allowed and side_before.size >= reach - 1
             and int((~side_after).sum()) <= allowed and side_after.size >= reach - 1
             and int((halfway > 0.4).sum()) <= max(2, reach // 2))
    # Stills just before the cut that are like neither state (arms over the piece as it
    # gives way) and, before them, one like the new state: the change came first.
    unlike = np.minimum(da, db) > UNLIKE * float(np.abs(after - before).mean())
    back = split
    while back > 0 and unlike[back - 1] and split - back < max(2, reach // 2):
        back -= 1
    if back < split and back > 0 and looks_after[back - 1] and not unlike[back - 1]:
        split = back - 1
    return lo + split, clear


def reason_text(area: float, lang: str | None = None, code: str = SHAPE) -> str:
    """Why a still was suggested, in ``lang``: the window renders it again from the area
    and code when its language changes (``Suggestion.reason`` keeps the search's)."""
    percent = max(1, round(area * 100))
    if code == COLOUR:
        return tr("The piece's colour changed here and stayed changed (about {percent}% of "
                  "the picture).", lang=lang, percent=percent)
    return tr("The piece changed shape here and stayed changed (about {percent}% of the "
              "picture).", lang=lang, percent=percent)


# A long session is searched in overlapping segments: memory stays bounded
# (one 100,000-still session would need ~0.5 GB at once) and each segment
# judges changes against its own usual step. Finished segments do not change,
# so their lasting changes are remembered (per process): as stills arrive the
# window searches again (at most once a minute) and only the live segment is
# searched again.
SEGMENT = 4000
OVERLAP = 6 * WINDOW  # every still has 2 windows of context on each side in some segment
_MEMO: OrderedDict[tuple, tuple[tuple[str, float, float, str], ...]] = OrderedDict()
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
            head, snapshot.settings.focus, snapshot.settings.area, FINDER, WINDOW, MIN_WINDOW,
            CELL_LEVEL, STAY, MIN_MASS, SEGMENT)


def clear_memo() -> None:
    with _MEMO_LOCK:
        _MEMO.clear()


def _interval(snapshot: PieceSnapshot, lo: int, readable: np.ndarray) -> float:
    """Seconds between stills, from up to ~100 pairs of neighbours (not every time)."""
    if readable.size < 2:
        return 10.0
    caps = snapshot.captures
    picks = readable[:-1][:: max(1, (readable.size - 1) // 100)]
    nxt = readable[np.searchsorted(readable, picks) + 1]
    steps = [(caps[lo + int(b)].time - caps[lo + int(a)].time).total_seconds()
             for a, b in zip(picks.tolist(), nxt.tolist(), strict=True)]
    return float(np.median(steps)) or 10.0


def _search(snapshot: PieceSnapshot, sigs: np.ndarray, ok: np.ndarray, lo: int,
            last: bool, head: bool) -> tuple[tuple[str, float, float, str], ...]:
    readable = np.flatnonzero(ok)
    out = []
    interval = _interval(snapshot, lo, readable)
    # Only a session's first segment starts where the session does: a later
    # segment's first stills have their context in the segment before.
    for c in lasting_changes(sigs[readable], interval=interval, focus=snapshot.settings.focus,
                             head=head, area=snapshot.settings.area):
        # Near a segment's inner end the later windows are in the next segment,
        # which judges that change with its full context.
        if not last and c.index > readable.size - 3 * WINDOW:
            continue
        out.append((snapshot.captures[lo + int(readable[c.index])].id, c.score, c.area, c.code))
    return tuple(out)


def _finds(snapshot: PieceSnapshot, sessions: tuple[Session, ...], use_cache: bool,
           token: CancelToken | None, progress: ProgressCallback | None
           ) -> dict[int, list[tuple[int, float, float, str]]]:
    """Per session, the lasting changes and camera moves found: (index, score, area, code)."""
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
    per: dict[int, list[tuple[int, float, float, str]]] = {}
    for (session, *_), key in zip(segments, keys, strict=True):
        for cid, score, area, code in known[key]:
            i = snapshot.index_of(cid)
            if i is not None:
                per.setdefault(session, []).append((i, score, area, code))
    return per


def _sessions(snapshot: PieceSnapshot, sessions: tuple[Session, ...] | None,
              gap: float) -> tuple[tuple[Session, ...], Sequence[float]]:
    times: Sequence[float]
    if sessions is None:
        times = timestamps(snapshot.captures)
        sessions = split_sessions(snapshot, gap, times)
    else:
        times = Times(snapshot.captures)  # only moments tied to a time look (a bisect)
    return sessions, times


def camera_moves(snapshot: PieceSnapshot, sessions: tuple[Session, ...] | None = None, *,
                 gap: float = 1800.0) -> tuple[str, ...]:
    """Stills where the whole picture shifted for good (the camera was nudged): never a
    struggle, but worth knowing (a reel's crop may need moving)."""
    if not snapshot.captures:
        return ()
    sessions, _ = _sessions(snapshot, sessions, gap)
    per = _finds(snapshot, sessions, True, None, None)
    return tuple(snapshot.captures[i].id for finds in per.values()
                 for i, _, _, code in sorted(finds) if code == CAMERA)


def find_suggestions(snapshot: PieceSnapshot, sessions: tuple[Session, ...] | None = None, *,
                     gap: float = 1800.0, per_session: int = PER_SESSION,
                     use_cache: bool = True, token: CancelToken | None = None,
                     progress: ProgressCallback | None = None,
                     lang: str | None = None) -> tuple[Suggestion, ...]:
    """Ranked suggestions for a piece (best first), at most ``per_session`` per session."""
    if not snapshot.captures:
        return ()
    sessions, times = _sessions(snapshot, sessions, gap)
    per = _finds(snapshot, sessions, use_cache, token, progress)
    # Stills near a struggle the maker already flagged need no suggestion; any other
    # moment (a fix, a note) only takes its own still and its neighbours.
    flagged = np.zeros(len(snapshot.captures), bool)
    for m in snapshot.moments:
        anchor = moment_anchor(snapshot, m, times)  # type: ignore[arg-type]  # indexable
        if anchor is None:
            continue
        end = snapshot.index_of(m.span_to) if m.span_to else None
        stop = end if end is not None and end >= anchor else anchor
        reach = WINDOW if m.kind == "struggle" else 1
        flagged[max(0, anchor - reach):stop + reach + 1] = True
    out: list[Suggestion] = []
    for session, finds in per.items():
        finds.sort(key=lambda f: -f[1])
        seen: list[int] = []
        kept = 0
        for i, score, area, code in finds:
            if kept >= per_session:
                break
            if code == CAMERA or any(abs(i - t) <= WINDOW for t in seen):
                continue  # the camera moved; or the same change seen from two segments
            seen.append(i)
            cap = snapshot.captures[i]
            if flagged[i] or cap.id in snapshot.dismissed:
                continue
            kept += 1
            out.append(Suggestion(capture=cap.id, time=cap.time, score=score, area=area,
                                  session=session, reason=reason_text(area, lang, code),
                                  code=code))
    out.sort(key=lambda sg: -sg.score)
    return tuple(out)


__all__ = ["CAMERA", "COLOUR", "SHAPE", "Change", "Suggestion", "camera_moves", "clear_memo",
           "find_suggestions", "focus_weight", "lasting_changes", "normalise", "reason_text",
           "rolling_median"]
