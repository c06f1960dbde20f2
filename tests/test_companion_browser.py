"""The phone page in a real browser: Debian's chromium, headless, as a 390x844 phone.

Scan (open the pairing address) -> paired -> flag a struggle with a caption -> the
moment is in the journal -> the reel plays (the video element knows its duration) ->
download it. Then the page in French and English, screenshotted (set
COULISSES_SHOTS=DIR to keep them). No browser is ever downloaded: without
/usr/bin/chromium (``apt-get install chromium``; .ci/run installs it) the test skips.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coulisses.export.presets import PRESETS
from tests.companion_support import export_quick, start_server
from tests.helpers import wait_until
from tests.test_export_support import SMALL, make_piece

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed "
                                       "(apt-get install chromium)")

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True, "accept_downloads": True,
         "user_agent": ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                        "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")}


@pytest.fixture(autouse=True)
def small_presets(monkeypatch):
    monkeypatch.setitem(PRESETS, "reels", SMALL)


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def served(journal, tmp_path):
    piece, _ = make_piece(journal, n=5)
    journal.update_piece_settings(piece.id, craft="pottery")
    exported = export_quick(journal, piece.id, tmp_path / "reels")
    server = start_server(journal, piece.id, tmp_path / "reels", tmp_path / "config")
    yield server, piece, exported
    server.stop()


def wait_js(page, expression: str, timeout: float = 20.0) -> None:
    """Wait until ``expression`` is true in the page. (Playwright's wait_for_function builds
    its predicate with eval, which the page's Content-Security-Policy rightly refuses.)"""
    assert wait_until(lambda: page.evaluate(expression), timeout=timeout, step=0.1), expression


def _keep(shot: Path) -> None:
    folder = os.environ.get("COULISSES_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / shot.name)


def test_pair_flag_caption_play_and_download_on_a_phone(browser, served, journal, tmp_path):
    server, piece, exported = served
    context = browser.new_context(locale="en-US", **PHONE)
    page = context.new_page()
    page.goto(server.pairing_url())
    page.wait_for_url("**/app/*/")
    assert "/pair/" not in page.url
    app_url = page.url
    # Scanning a new code again on the same phone keeps its pairing: one entry per phone.
    page.goto(server.pairing_url())
    page.wait_for_url("**/app/*/")
    assert page.url == app_url and len(server.pairing.devices()) == 1
    page.wait_for_selector("#flags button.struggle:has-text('struggle')")
    wait_js(page, "document.getElementById('still').naturalWidth > 0")

    page.tap("#flags button.struggle")
    page.wait_for_selector("#caption:not(.hidden)")
    assert page.locator("#starters button").count() > 0  # the potter's caption starters
    page.fill("#caption_text", "The rim slumped again")
    page.tap("#caption_save")
    page.wait_for_selector("#caption.hidden", state="attached")
    assert wait_until(lambda: any(m.caption for m in journal.snapshot(piece.id).moments))
    (m,) = journal.snapshot(piece.id).moments
    assert (m.kind, m.caption) == ("struggle", "The rim slumped again")
    page.wait_for_selector(f"#moments li[data-id='{m.id}']")

    video = page.locator("#reels video").first
    video.wait_for()
    wait_js(page, "document.querySelector('#reels video').readyState >= 1")
    duration = page.evaluate("document.querySelector('#reels video').duration")
    assert duration == pytest.approx(2.0, abs=0.1)
    page.evaluate("(async () => { const v = document.querySelector('#reels video');"
                  " v.muted = true; await v.play(); })()")
    wait_js(page, "document.querySelector('#reels video').currentTime > 0.2")
    shot = tmp_path / "companion-phone-en.png"
    page.screenshot(path=str(shot))
    _keep(shot)

    with page.expect_download() as info:
        page.tap("#reels a.download_mp4")
    download = info.value
    assert download.suggested_filename == exported.files["mp4"].name
    assert Path(download.path()).read_bytes() == exported.files["mp4"].read_bytes()

    # The post text, through the clipboard API (127.0.0.1 is a secure context) ...
    post = exported.files["post"].read_text("utf-8").rstrip("\n")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.tap("#reels .copy_post")
    wait_js(page, "document.getElementById('message').textContent.startsWith('Post text')")
    assert page.evaluate("navigator.clipboard.readText()") == post
    # ... and the old way, as over plain HTTP on the LAN (no clipboard API there): the text
    # is also left selectable under the reel.
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.tap("#reels .copy_post")
    page.wait_for_selector("#reels textarea")
    assert page.input_value("#reels textarea") == post

    # Make a reel: progress on the page, then a second reel in the list.
    page.tap("#make_reel")
    wait_js(page, "!document.getElementById('reel_progress').classList.contains('hidden')")
    assert page.inner_text("#reel_label") == "Making the reel…"
    assert page.is_disabled("#make_reel")
    wait_js(page, "document.querySelectorAll('#reels video').length === 2", timeout=120)
    assert len(server.host.reels.state().error) == 0
    context.close()


def test_the_page_speaks_the_phones_language(browser, served, tmp_path):
    server, _, _ = served
    for locale, lang, struggle, reels in (("fr-FR", "fr", "difficulté", "Reels et carrousels"),
                                          ("en-GB", "en", "struggle", "Reels and carousels")):
        context = browser.new_context(locale=locale, **PHONE)
        page = context.new_page()
        page.goto(server.pairing_url())
        page.wait_for_url("**/app/*/")
        page.wait_for_selector(f"#flags button.struggle:has-text('{struggle}')")
        assert page.inner_text("#t_reels") == reels
        assert page.evaluate("document.documentElement.lang") == lang
        wait_js(page, "document.getElementById('still').naturalWidth > 0")
        wait_js(page, "document.querySelector('#reels video')?.readyState >= 1")
        shot = tmp_path / f"companion-phone-{lang}-top.png"
        page.screenshot(path=str(shot), full_page=True)
        _keep(shot)
        context.close()
