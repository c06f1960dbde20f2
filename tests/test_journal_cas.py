"""Compare-and-swap edits: ``expect=`` / ``exact=`` refuse to write over a change made
elsewhere (another process, the command line) and leave the journal as it is.

The window's undo passes what the journal returned last; a value changed since must
never be overwritten by an undo. Other processes are real: a second ``Journal`` on
the same folder in a subprocess, the installed ``coulisses`` command.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from coulisses.journal import ChangedElsewhere, Journal, JournalError
from coulisses.journal.codec import encode_still
from tests.installed import run

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def stills(journal: Journal, piece_id: str, n: int) -> list[str]:
    ids = []
    for i in range(n):
        jpeg, thumb = encode_still(np.full((36, 64, 3), 60 + 9 * i, np.uint8))
        ids.append(journal.add_still(piece_id, jpeg, T0 + timedelta(seconds=10 * i),
                                     thumbnail=thumb).id)
    return ids


@pytest.fixture
def piece(journal):
    p = journal.create_piece("Vase")
    return p.id, stills(journal, p.id, 6)


def test_changed_elsewhere_is_a_journal_error() -> None:
    assert issubclass(ChangedElsewhere, JournalError)


def test_edit_moment_expect(journal, piece, home) -> None:
    pid, ids = piece
    m = journal.add_moment(pid, "struggle", at=ids[1], caption="Trop d'eau")
    change = journal.edit_moment(pid, m.id, caption="Le col", expect=m)
    assert change.after.caption == "Le col"
    # The command line changes the caption meanwhile: an undo expecting "Le col" is refused.
    done = run("moment", pid, m.id, "caption", "Fendu", home=home)
    assert done.returncode == 0, done.stderr
    with pytest.raises(ChangedElsewhere, match="changed elsewhere"):
        journal.edit_moment(pid, m.id, caption="Trop d'eau", expect=change.after)
    assert journal.moment(pid, m.id).caption == "Fendu"  # left as the CLI wrote it
    # Without expect, every existing caller still writes.
    assert journal.edit_moment(pid, m.id, caption="Sauvé").after.caption == "Sauvé"


def test_delete_moment_expect(journal, piece) -> None:
    pid, ids = piece
    m = journal.add_moment(pid, "fix", at=ids[2])
    other = Journal.open(journal.home)  # another window on the same journal
    other.update_moment(pid, m.id, caption="Recollé")
    with pytest.raises(ChangedElsewhere):
        journal.delete_moment(pid, m.id, expect=m)
    assert journal.moment(pid, m.id).caption == "Recollé"
    fresh = journal.moment(pid, m.id)
    assert journal.delete_moment(pid, m.id, expect=fresh) == fresh
    assert journal.snapshot(pid).moments == ()


def test_restore_of_a_moment_changed_since_is_changed_elsewhere(journal, piece) -> None:
    pid, ids = piece
    m = journal.add_moment(pid, "fix", at=ids[2])
    journal.update_moment(pid, m.id, caption="autre")
    with pytest.raises(ChangedElsewhere):
        journal.restore_moment(pid, m)


def test_hide_and_unhide_exact(journal, piece) -> None:
    pid, ids = piece
    change = journal.hide_stills(pid, ids[1:4])
    assert change.ids == tuple(ids[1:4])
    # Someone shows ids[2] again: undoing the hide (show exactly those) is refused whole.
    journal.unhide_stills(pid, [ids[2]])
    with pytest.raises(ChangedElsewhere, match="hidden or shown elsewhere"):
        journal.unhide_stills(pid, change.ids, exact=True)
    snap = journal.snapshot(pid)
    assert [snap.is_hidden(i) for i in ids] == [False, True, False, True, False, False]
    journal.hide_stills(pid, [ids[2]])
    assert journal.unhide_stills(pid, change.ids, exact=True).ids == tuple(ids[1:4])
    # exact hide: every one must be shown now
    journal.hide_stills(pid, [ids[5]])
    with pytest.raises(ChangedElsewhere):
        journal.hide_stills(pid, ids[4:6], exact=True)
    assert not journal.snapshot(pid).is_hidden(ids[4])
    # not exact: the old behaviour, hides what is not hidden yet
    assert journal.hide_stills(pid, ids[4:6]).ids == (ids[4],)


def test_set_cover_expect(journal, piece, home) -> None:
    pid, ids = piece
    change = journal.set_cover(pid, ids[3], expect=None)
    assert (change.before, change.after) == (None, ids[3])
    done = run("piece", "set", pid, "--cover", ids[4], home=home)
    assert done.returncode == 0, done.stderr
    with pytest.raises(ChangedElsewhere, match="cover"):
        journal.set_cover(pid, None, expect=ids[3])
    assert journal.piece(pid).settings.get("cover") == ids[4]
    assert journal.set_cover(pid, None, expect=ids[4]).after is None
    assert journal.set_cover(pid, ids[0]).before is None  # no expect: always written


def test_set_focus_expect_for_the_piece_and_for_a_still(journal, piece) -> None:
    pid, ids = piece
    journal.set_focus(pid, (0.2, 0.3), expect=None)
    with pytest.raises(ChangedElsewhere, match="focus"):
        journal.set_focus(pid, None, expect=(0.5, 0.5))
    assert journal.snapshot(pid).settings.focus == (0.2, 0.3)
    change = journal.set_focus(pid, (0.7, 0.1), ids[2], expect=None)
    with pytest.raises(ChangedElsewhere):
        journal.set_focus(pid, (0.9, 0.9), ids[2], expect=None)
    assert journal.set_focus(pid, change.before, ids[2], expect=change.after).after is None
    assert journal.snapshot(pid).still_settings(ids[2]).focus is None


def test_dismiss_and_undismiss_expect(journal, piece) -> None:
    pid, ids = piece
    assert journal.dismiss_suggestion(pid, ids[3], expect=False).before is False
    with pytest.raises(ChangedElsewhere, match="suggestion"):
        journal.dismiss_suggestion(pid, ids[3], expect=False)
    journal.undismiss_suggestion(pid, ids[3])  # brought back elsewhere
    with pytest.raises(ChangedElsewhere):
        journal.undismiss_suggestion(pid, ids[3], expect=True)
    assert ids[3] not in journal.snapshot(pid).dismissed
    journal.dismiss_suggestion(pid, ids[3])
    assert journal.undismiss_suggestion(pid, ids[3], expect=True).before is True


def test_a_refused_edit_writes_nothing(journal, piece) -> None:
    """Refused under the piece's lock before any write: piece.json is not replaced."""
    pid, ids = piece
    m = journal.add_moment(pid, "struggle", at=ids[0])
    journal.update_moment(pid, m.id, caption="ailleurs")
    token = journal.change_token(pid)
    for edit in (lambda: journal.edit_moment(pid, m.id, caption="x", expect=m),
                 lambda: journal.delete_moment(pid, m.id, expect=m),
                 lambda: journal.set_cover(pid, ids[1], expect=ids[2]),
                 lambda: journal.set_focus(pid, (0.1, 0.1), expect=(0.4, 0.4)),
                 lambda: journal.set_focus(pid, (0.1, 0.1), ids[1], expect=(0.4, 0.4)),
                 lambda: journal.unhide_stills(pid, ids[:2], exact=True),
                 lambda: journal.dismiss_suggestion(pid, ids[1], expect=True)):
        with pytest.raises(ChangedElsewhere):
            edit()
    assert journal.change_token(pid) == token


def test_a_piece_setting_and_name_are_compare_and_swap(journal) -> None:
    p = journal.create_piece("Bol")
    change = journal.set_piece_setting(p.id, "craft", "pottery")
    assert (change.before, change.after, change.changed) == (None, "pottery", True)
    with pytest.raises(ChangedElsewhere):
        journal.set_piece_setting(p.id, "craft", None, expect="woodworking")
    assert journal.piece(p.id).typed_settings.craft == "pottery"  # nothing changed
    back = journal.set_piece_setting(p.id, "craft", None, expect="pottery")
    assert (back.before, back.after) == ("pottery", None)
    assert journal.set_piece_setting(p.id, "archived", True, expect=False).after is True
    with pytest.raises(JournalError, match="nothing was changed"):
        journal.set_piece_setting(p.id, "craft", 12)
    with pytest.raises(JournalError, match="not a piece setting"):
        journal.set_piece_setting(p.id, "owner", "me")

    with pytest.raises(ChangedElsewhere, match="renamed elsewhere"):
        journal.rename_piece(p.id, "Bol raku", expect="Tasse")
    assert journal.piece(p.id).name == "Bol"
    assert journal.rename_piece(p.id, "Bol raku", expect="Bol").name == "Bol raku"
