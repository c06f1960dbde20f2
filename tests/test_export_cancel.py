"""An export appears complete or not at all: cancel, Ctrl-C, kill -9, full disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coulisses.atomicio import DiskFullError
from coulisses.export import clean_stale_partials, export_reel, exporter
from coulisses.export.output_folder import MARKER, marker_text
from coulisses.jobs import Cancelled, CancelToken
from tests import installed
from tests.conftest import is_root
from tests.helpers import wait_until
from tests.test_export_support import SMALL, hand_plan, make_piece, visible

ROOT = Path(__file__).resolve().parent.parent


def test_cancel_midway_leaves_nothing(journal, tmp_path):
    piece, caps = make_piece(journal, n=6)
    plan = hand_plan(piece, caps, frames=40)
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done == 50:
            token.cancel()

    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(Cancelled):
        export_reel(plan, out, SMALL, progress=progress, cancel=token)
    assert time.monotonic() - started < 30
    assert max(seen) <= 51, "the exporter must stop at the next frame"
    assert os.listdir(out) == [], "no final file and no leftover"
    # progress carried totals and an ETA
    assert seen[0] == 0 and plan.total_frames == 240


def _start_export_process(home: Path, out: Path, piece_id: str) -> subprocess.Popen:
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})  # tests.*; coulisses is the installed one
        from coulisses.journal import Journal
        from coulisses.export import export_reel
        from tests.test_export_support import SMALL, hand_plan
        j = Journal.open({str(home)!r})
        caps, _ = j.captures({piece_id!r})
        plan = hand_plan(j.piece({piece_id!r}), caps, frames=600)
        def progress(p):
            if p.done == 40:
                print("midway", flush=True)
        export_reel(plan, {str(out)!r}, SMALL, progress=progress)
        print("finished", flush=True)
    """)
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            env=installed.clean_env())


def test_kill_9_midway_leaves_no_final_files(journal, home, tmp_path):
    piece, _ = make_piece(journal, n=6)
    out = tmp_path / "out"
    proc = _start_export_process(home, out, piece.id)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "midway"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert visible(out) == [], "a killed export must not leave a final file"
    leftovers = [p for p in out.iterdir() if p.name.endswith(".partial")]
    assert leftovers, "the partial work stays hidden"
    # the next export removes the dead one's leftovers and succeeds
    removed = clean_stale_partials(out)
    assert removed == leftovers and os.listdir(out) == []


def test_a_running_exports_partial_folder_is_not_cleaned(tmp_path):
    partial = tmp_path / ".x-20260101-0000.partial"
    partial.mkdir()
    (partial / MARKER).write_text(marker_text())
    assert clean_stale_partials(tmp_path) == [] and partial.exists()


def test_ctrl_c_on_the_cli_cancels_and_writes_nothing(journal, home, tmp_path):
    piece, _ = make_piece(journal, n=4)
    out = tmp_path / "out"
    proc = subprocess.Popen([str(installed.script()), "--home", str(home), "export",
                             piece.id, "--out", str(out), "--duration", "30"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=installed.clean_env(COULISSES_LANG="en"))
    try:
        first = proc.stderr.readline()  # the progress line: the export has started
        assert "Exporting" in first, first
        # Interrupt once frames are really written, so there is work to throw away.
        assert wait_until(lambda: any(out.glob(".*.partial/frames/*.jpg")), timeout=60)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, stderr
    assert "Export cancelled, nothing written." in stderr
    assert "Traceback" not in stderr
    assert visible(out) == [] and not list(out.iterdir())


# The child is the real CLI; only the step the test interrupts waits for the SIGINT
# (the CLI's own Ctrl-C handler still takes it), so the interrupt lands exactly there.
_CLI_PAUSED_AT = textwrap.dedent("""
    import signal, sys, time
    from coulisses.cli import main
    from coulisses.credentials import signing
    from coulisses.export import output_folder

    STAGE, HOME, PIECE, OUT = sys.argv[1:5]

    def wait_for_ctrl_c():
        handler = signal.getsignal(signal.SIGINT)  # the CLI's: Ctrl-C cancels the export
        got = []

        def chained(signum, frame):
            got.append(signum)
            signal.signal(signal.SIGINT, handler)
            handler(signum, frame)

        signal.signal(signal.SIGINT, chained)
        print(STAGE, flush=True)
        deadline = time.monotonic() + 60
        while not got and time.monotonic() < deadline:
            time.sleep(0.01)

    if STAGE == "signing":  # while the first file (the MP4) is being signed
        sign_file, paused = signing._sign_file, []

        def pausing(*args, **kwargs):
            if not paused:
                paused.append(True)
                wait_for_ctrl_c()
            return sign_file(*args, **kwargs)

        signing._sign_file = pausing
    else:  # just after the export folder got its final name
        publish = output_folder.PartialFolder.publish

        def publishing(self):
            final = publish(self)
            wait_for_ctrl_c()
            return final

        output_folder.PartialFolder.publish = publishing
    sys.exit(main(["--home", HOME, "export", PIECE, "--out", OUT, "--duration", "4"]))
""")


@pytest.mark.parametrize("stage", ["signing", "published"])
def test_ctrl_c_on_the_cli_while_signing_or_once_published(journal, home, tmp_path, stage):
    """Ctrl-C while the files are signed: nothing published, nothing in the piece's
    history. Ctrl-C once the folder has its final name: too late, the export stands."""
    from coulisses.export.history import past_exports

    piece, _ = make_piece(journal, n=6)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _CLI_PAUSED_AT, stage, str(home), piece.id,
                             str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path, env=installed.clean_env(COULISSES_LANG="en"))
    try:
        assert proc.stdout.readline().strip() == stage
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Traceback" not in stderr, stderr
    if stage == "signing":
        assert proc.returncode == 1, stderr
        assert "Export cancelled, nothing written." in stderr
        assert os.listdir(out) == [], "no folder, not even a hidden partial one"
        assert past_exports(journal, piece.id) == []
    else:
        assert proc.returncode == 0, stderr
        assert "The export was already complete when it was cancelled, so it is kept." in stderr
        folder = Path(stdout.strip().splitlines()[-1])
        assert visible(out) == [folder.name] and (folder / "export.json").is_file()
        assert [e.folder for e in past_exports(journal, piece.id)] == [folder]


@pytest.mark.skipif(not is_root(), reason="needs root to mount a tiny tmpfs")
def test_full_disk_fails_cleanly(journal, tmp_path, monkeypatch):
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(small)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount tmpfs here")
    try:
        piece, caps = make_piece(journal, n=6)
        plan = hand_plan(piece, caps * 12, frames=1)  # 72 distinct frames: ~1.5 MB of JPEG
        # the up-front space check refuses at once, with a clear message
        with pytest.raises(DiskFullError, match="free"):
            export_reel(plan, small / "out", SMALL)
        assert visible(small / "out") == []
        # if the disk fills during the export anyway, nothing is left behind
        monkeypatch.setattr(exporter, "estimate_bytes", lambda *a, **k: 0)
        with pytest.raises(DiskFullError, match="disk"):
            export_reel(plan, small / "out", SMALL)
        assert os.listdir(small / "out") == []
    finally:
        subprocess.run(["umount", "-l", str(small)], check=False)


def test_another_computers_fresh_partial_is_left_alone(tmp_path):
    partial = tmp_path / ".x-20260101-0000.partial"
    partial.mkdir()
    (partial / MARKER).write_text(marker_text(4242, "some-other-laptop"))
    assert clean_stale_partials(tmp_path) == [] and partial.exists()
    old = time.time() - 3 * 86400
    os.utime(partial, (old, old))
    assert clean_stale_partials(tmp_path) == [partial] and not partial.exists()
