"""Making the reel from the window: options, preview of the real frames, render, play."""

from __future__ import annotations

import argparse

import av
import numpy as np
import pytest

from coulisses.capture.demo_piece import build_demo_piece
from coulisses.preferences import Preferences


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COULISSES_CONFIG", str(tmp_path / "config"))


@pytest.fixture
def demo(journal):
    return build_demo_piece(journal, lang="en")


def open_dialog(qtbot, journal, piece, tmp_path):
    from coulisses.ui.export.dialog import ExportDialog

    dialog = ExportDialog(journal, piece.id, Preferences())
    qtbot.addWidget(dialog)
    dialog.out_dir.setText(str(tmp_path / "out"))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=15000)
    return dialog


def choose(dialog, qtbot, **kw) -> None:
    with qtbot.waitSignal(dialog.preview.planned, timeout=15000):
        if "preset" in kw:
            dialog.preset.setCurrentIndex(dialog.preset.findData(kw["preset"]))
        if "duration" in kw:
            dialog.duration.setValue(kw["duration"])
        for name, on in kw.get("outputs", {}).items():
            dialog.outputs[name].setChecked(on)


def test_scrubbing_shows_the_caption_the_plan_puts_there(qtbot, journal, demo, tmp_path) -> None:
    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    with qtbot.waitSignal(dialog.preview.plan_failed, timeout=15000) as failed:
        dialog.duration.setValue(6)  # too short for the demo's captions
    assert "at least" in failed.args[0] and "at least" in dialog.warnings.text()
    choose(dialog, qtbot, preset="tiktok", duration=16)
    plan = dialog.preview.plan
    assert plan.total_frames == 16 * plan.fps
    cue = plan.cues[0]
    middle = (cue.start_frame + cue.end_frame) // 2
    with qtbot.waitSignal(dialog.preview.frame_ready, timeout=15000):
        dialog.scrubber.setValue(middle)
    qtbot.waitUntil(lambda: cue.text in dialog.frame_time.text(), timeout=5000)
    assert dialog.frame_view.has_image
    # the preview is the export's own composer: same pixels as composing directly
    from coulisses.export import FrameComposer

    with FrameComposer(plan, "tiktok", layout=dialog.options.layout, lang=None,
                       deflicker=dialog.options.deflicker) as composer:
        direct = composer.compose(middle)
    assert direct.shape == (1920, 1080, 3)
    shown = dialog.frame_view._image
    assert (shown.width(), shown.height()) == (360, 640)


def test_render_play_and_list_the_export(qtbot, journal, demo, tmp_path) -> None:
    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    choose(dialog, qtbot, duration=14, outputs={"frames": False, "carousel": True})
    with qtbot.waitSignal(dialog.player.frame_shown, timeout=120000):
        assert dialog.render()
    result = dialog.result
    assert result is not None and result.folder.is_dir()
    mp4 = result.files["mp4"]
    with av.open(str(mp4)) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == 14 * result.fps
    assert sorted(p.name for p in (result.folder / "carousel").iterdir())[0] == "01.jpg"
    # frame-exact scrubbing in the player
    with qtbot.waitSignal(dialog.player.frame_shown, timeout=10000) as shown:
        dialog.player.slider.setValue(37)
    assert shown.args == [37]
    assert dialog.copy_post_text().strip()
    assert dialog.credentials.text().startswith("Signed with your Content Credentials")
    assert result.credentials.fingerprint in dialog.credentials.text()
    # a language switch says the status line and the credentials again in the new language
    from PySide6.QtWidgets import QApplication

    from coulisses.ui.language import apply_language

    assert dialog.status.text() == "The post text is in the clipboard."
    apply_language(QApplication.instance(), "fr")
    qtbot.waitUntil(lambda: dialog.status.text() ==
                    "Le texte de publication est dans le presse-papiers.", timeout=3000)
    assert dialog.credentials.text().startswith("Signé avec vos Content Credentials")
    assert result.credentials.fingerprint in dialog.credentials.text()
    apply_language(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: dialog.status.text() == "The post text is in the clipboard.",
                    timeout=3000)
    # the window's own check of the file: valid and unchanged; then a changed copy
    from coulisses.ui.verify_view import VerifyDialog

    check = VerifyDialog()
    qtbot.addWidget(check)
    check.trust.setText(str(result.credentials.root))
    # The answer replaces "Reading…": a signal wait connected after check() started the
    # task can miss a small file's answer (it did on CI, 60 s then a timeout).
    check.check(str(mp4))
    qtbot.waitUntil(lambda: not check.answer.text().startswith("Reading"), timeout=60000)
    assert "Content Credentials valid" in check.answer.text()
    assert "Stills" in check.details.toPlainText()
    changed = tmp_path / "changed.mp4"
    data = bytearray(mp4.read_bytes())
    data[len(data) // 2] ^= 0xFF
    changed.write_bytes(bytes(data))
    check.check(str(changed))
    qtbot.waitUntil(lambda: not check.answer.text().startswith("Reading"), timeout=60000)
    assert "was changed after it was signed" in check.answer.text()
    assert dialog.history.count() == 1
    # the dialog remembers the choices for this piece
    from coulisses.export.options import last_options

    assert last_options(journal, demo.id).duration == 14


def test_cancel_a_render_leaves_nothing(qtbot, journal, demo, tmp_path) -> None:
    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    choose(dialog, qtbot, duration=25)
    seen = []
    assert dialog.render()
    dialog._task.signals.progress.connect(seen.append)
    qtbot.waitUntil(lambda: any(p.total and p.done > 0 for p in seen), timeout=60000)
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=60000)
    assert dialog.result is None and "Cancelled" in dialog.status.text()
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []
    assert dialog.render_button.isEnabled()


def test_the_dialog_and_the_cli_build_the_same_options(qtbot, journal, demo, tmp_path) -> None:
    from coulisses.commands.export import add_render_options
    from coulisses.export.options import options_from_args
    from coulisses.export.presets import PRESETS

    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    choose(dialog, qtbot, preset="shorts", duration=20)
    parser = argparse.ArgumentParser()
    add_render_options(parser, PRESETS, "reels")
    args = parser.parse_args(["--preset", "shorts", "--duration", "20"])
    cli = options_from_args(args)
    mine = dialog.read_options()
    assert mine.replace(lang=None) == cli.replace(lang=None)


def test_player_decodes_the_exact_frame(tmp_path) -> None:
    from coulisses.ui.export.decoder import ReelDecoder

    path = tmp_path / "count.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
        stream.options = {"g": "12"}
        for i in range(60):
            img = np.full((64, 64, 3), (i * 4) % 256, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    decoder = ReelDecoder(path)
    for n in (45, 3, 31, 32, 59, 0):
        assert abs(int(decoder.frame(n)[32, 32, 0]) - (n * 4) % 256) <= 3, n
    decoder.close()


def test_before_after_ghost_and_the_platforms_limits_in_the_window(qtbot, journal, demo,
                                                                   tmp_path) -> None:
    from coulisses.commands.export import add_render_options
    from coulisses.export.options import options_from_args
    from coulisses.export.presets import PRESETS
    from coulisses.timeline.plan import BEFORE_AFTER_WIPE

    dialog = open_dialog(qtbot, journal, demo, tmp_path)
    assert dialog.duration.maximum() == 180
    assert "up to 3 min" in dialog.duration_hint.text()
    assert "short reels (15 to 30 s)" in dialog.duration_hint.text()
    assert "20" in dialog.outputs["carousel"].text()
    assert not dialog.before_after_at.isEnabled()  # only matters with a before/after
    with qtbot.waitSignal(dialog.preview.planned, timeout=15000):
        dialog.before_after.setCurrentIndex(dialog.before_after.findData("wipe"))
        dialog.before_after_at.setCurrentIndex(dialog.before_after_at.findData("start"))
        dialog.ghost.setChecked(True)
    assert dialog.before_after_at.isEnabled()
    plan = dialog.preview.plan
    wipe = [i for i, s in enumerate(plan.shots) if s.kind == BEFORE_AFTER_WIPE]
    assert wipe and wipe[0] <= 1 and any(s.overlay is not None and s.mix > 0
                                         for s in plan.shots[wipe[-1] + 1:])
    assert plan.total_frames == round(dialog.duration.value() * plan.fps)
    choose(dialog, qtbot, preset="tiktok", duration=240)
    assert dialog.duration.maximum() == PRESETS["tiktok"].max_duration
    assert dialog.duration.value() == 240 and "35" in dialog.outputs["carousel"].text()
    assert dialog.preview.plan.total_frames == 240 * 30
    parser = argparse.ArgumentParser()
    add_render_options(parser, PRESETS, "reels")
    cli = options_from_args(parser.parse_args(
        ["--preset", "tiktok", "--duration", "4m", "--before-after", "wipe",
         "--before-after-at", "start", "--ghost"]))
    mine = dialog.read_options()
    assert mine.replace(lang=None) == cli.replace(lang=None)
    choose(dialog, qtbot, preset="reels")  # a length the platform does not take is brought in
    assert dialog.duration.value() == 180 and dialog.read_options().duration == 180


def test_a_default_length_longer_than_the_platform_takes_is_brought_within_it(
        qtbot, journal, demo, tmp_path) -> None:
    from coulisses.ui.export.dialog import ExportDialog

    prefs = Preferences(export_preset="shorts", export_duration=400.0)  # allowed for TikTok
    dialog = ExportDialog(journal, demo.id, prefs)
    qtbot.addWidget(dialog)
    assert dialog.options.preset == "shorts" and dialog.options.duration == 180
    assert dialog.duration.value() == 180
