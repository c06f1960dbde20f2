"""What an edit changed, so the app's undo step puts back exactly what was there.

Every editing call of the journal returns one of these after the change is on
disk; a call that fails raises and changes nothing, so nothing is returned
for an edit that did not happen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from coulisses.journal.model import Moment

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Change(Generic[T]):
    """The value before and after an edit. ``ids``: the stills whose state changed
    (hide/unhide: undoing is the reverse call on exactly these)."""

    before: T
    after: T
    ids: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after or bool(self.ids)


@dataclass(frozen=True, slots=True)
class MoveResult:
    """Stills moved from one piece to another (``Journal.move_stills``).

    ``before[i]`` in ``src`` is now ``after[i]`` in ``dst`` (the same id unless a
    still of ``dst`` had it: then the next ``-n``). ``moments`` went along, with
    their ids, as they are now in ``dst``. ``left`` are asked-for stills that were
    not moved (a still of ``dst`` took the name meanwhile, another disk, a file held
    open), each with its reason in ``why``. Undo:
    ``journal.move_back(result)``, which also puts back the cover and the spans the
    move cut.
    """

    src: str
    dst: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    moments: tuple[Moment, ...] = ()
    meta: tuple[tuple[str, dict[str, Any]], ...] = field(default=())  # (id in dst, meta)
    left: tuple[str, ...] = ()
    cover: str | None = None  # the source's cover, cleared because its still left
    spans: tuple[tuple[str, str], ...] = ()  # (moment id, span end before) of spans cut
    why: tuple[tuple[str, str], ...] = ()  # (id in src, why it stayed) for each of ``left``

    @property
    def mapping(self) -> dict[str, str]:
        return dict(zip(self.before, self.after, strict=True))


__all__ = ["Change", "MoveResult"]
