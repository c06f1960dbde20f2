"""The phone companion's server, for real on 127.0.0.1 with a real HTTP client: pairing
(codes that expire and work once), tokens on every request, the same empty 404 for
anything wrong, a limit on guesses, Range requests for the reel, flags becoming
moments, the post text, and never a path in an answer."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import zipfile
from urllib.parse import urlsplit

import pytest

from coulisses.companion import network
from coulisses.companion.pairing import CODE_SECONDS, FAILURE_WINDOW, FAILURES_ALLOWED, Pairing
from coulisses.companion.server import CompanionError, CompanionServer
from coulisses.export.presets import PRESETS
from tests import installed
from tests.companion_support import Clock, export_quick, pair, request, start_server
from tests.helpers import wait_until
from tests.test_export_support import SMALL, make_piece


@pytest.fixture(autouse=True)
def small_presets(monkeypatch):
    monkeypatch.setitem(PRESETS, "reels", SMALL)


@pytest.fixture
def piece(journal):
    piece, _ = make_piece(journal, n=5)
    return piece


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def exported(journal, piece, tmp_path):
    return export_quick(journal, piece.id, tmp_path / "reels")


@pytest.fixture
def server(journal, piece, tmp_path, clock):
    s = start_server(journal, piece.id, tmp_path / "reels", tmp_path / "config", clock)
    yield s
    s.stop()


# ------------------------------------------------------------------ the address rules
@pytest.mark.parametrize("addr", ["127.0.0.1", "127.9.9.9", "::1", "10.1.2.3", "172.16.0.1",
                                  "172.31.255.254", "192.168.1.20", "fd12:3456::1",
                                  "fc00::5", "169.254.10.1", "fe80::1", "fe80::1%wlan0",
                                  "::ffff:192.168.0.7"])
def test_local_network_clients_are_answered(addr):
    assert network.client_allowed(addr)


@pytest.mark.parametrize("addr", ["8.8.8.8", "172.32.0.1", "192.169.0.1", "100.64.0.1",
                                  "2001:db8::1", "2a00:1450::1", "::ffff:8.8.8.8", "0.0.0.0",
                                  "::", "", None, "localhost", "not an address",
                                  "224.0.0.1"])
def test_other_clients_are_refused(addr):
    assert not network.client_allowed(addr)


def test_it_never_listens_on_a_public_address_or_on_all_of_them(journal, piece, tmp_path):
    assert network.listen_problem("127.0.0.1") is None
    assert network.listen_problem("192.168.1.4") is None
    for host in ("0.0.0.0", "::", "8.8.8.8", "example.org"):
        assert network.listen_problem(host) is not None
        with pytest.raises(CompanionError, match="local-network"):
            from coulisses.companion.host import HeadlessHost

            CompanionServer(HeadlessHost(journal, piece.id), Pairing(tmp_path / "c.json"),
                            host).start()
    assert network.listen_problem(network.default_host()) is None


# ------------------------------------------------------------------ pairing
def test_a_code_pairs_once_and_the_page_then_works_with_its_token(server):
    url = server.pairing_url()
    path = urlsplit(url).path
    assert request(server.base_url, "GET", path).status == 200  # a preview does not use it
    first = request(server.base_url, "POST", path)
    assert first.status == 200
    token = first.json()["token"]
    again = request(server.base_url, "POST", path)
    assert (again.status, again.body) == (404, b"")
    assert request(server.base_url, "GET", path).status == 404
    page = request(server.base_url, "GET", f"/app/{token}/")
    assert page.status == 200 and b"<html" in page.body
    assert request(server.base_url, "GET", f"/api/{token}/state").status == 200


def test_a_code_expires_after_a_few_minutes(server, clock):
    path = urlsplit(server.pairing_url()).path
    clock.now += CODE_SECONDS + 1
    reply = request(server.base_url, "POST", path)
    assert (reply.status, reply.body) == (404, b"")


def test_paired_phones_are_kept_in_the_config_folder_and_can_be_forgotten(server, tmp_path,
                                                                          journal):
    token = pair(server)
    stored = (tmp_path / "config" / "companion.json").read_text()
    assert token not in stored  # only its hash
    assert str(journal.home) not in stored
    again = Pairing(tmp_path / "config" / "companion.json")
    (device,) = again.devices()
    assert device.name == "iPhone"
    assert again.device_for(token) is not None
    server.pairing.forget(device.id)
    reply = request(server.base_url, "GET", f"/api/{token}/state")
    assert (reply.status, reply.body) == (404, b"")
    assert Pairing(tmp_path / "config" / "companion.json").devices() == []


# ------------------------------------------------------------------ tokens everywhere
@pytest.mark.parametrize("path", [
    "/", "/app/x/", "/api/wrong/state", "/m/wrong/still.jpg",
    "/m/wrong/x/0123456789abcdef0123/reel.mp4",
    "/pair/wrong", "/api//state", "/m/../etc/passwd", "/favicon.ico"])
def test_no_token_or_a_wrong_one_gets_an_empty_404(server, exported, path):
    reply = request(server.base_url, "GET", path)
    assert (reply.status, reply.body) == (404, b"")
    assert "server" not in reply.headers


def test_media_needs_the_token_too(server, exported):
    token = pair(server)
    state = request(server.base_url, "GET", f"/api/{token}/state").json()
    mp4 = state["exports"][0]["mp4"]
    still = state["latest"]["url"]
    assert request(server.base_url, "GET", mp4).status == 200
    assert request(server.base_url, "GET", still).status == 200
    for url in (mp4, still):
        # Another first letter: "x" + token[1:] is the token itself when it starts with x.
        wrong = url.replace(token, ("y" if token[0] == "x" else "x") + token[1:])
        assert request(server.base_url, "GET", wrong).status == 404


def test_wrong_guesses_are_limited_per_address(server, clock):
    token = pair(server)
    for _ in range(FAILURES_ALLOWED):
        assert request(server.base_url, "GET", "/api/guess/state").status == 404
    # blocked: even the right token gets the same 404 for a while
    assert request(server.base_url, "GET", f"/api/{token}/state").status == 404
    clock.now += FAILURE_WINDOW + 1
    assert request(server.base_url, "GET", f"/api/{token}/state").status == 200


# ------------------------------------------------------------------ what the page gets
def test_the_state_names_no_path(server, exported, journal, tmp_path):
    token = pair(server)
    reply = request(server.base_url, "GET", f"/api/{token}/state")
    text = reply.body.decode()
    state = reply.json()
    assert state["piece"]["name"] == "Vase bleu #3"
    assert state["latest"]["id"]
    assert len(state["exports"]) == 1
    for secret in (str(tmp_path), str(journal.home), exported.folder.name, "reels/",
                   os.sep + "tmp"):
        assert secret not in text
    for url in re.findall(r'"(/[^"]*)"', text):
        assert url.startswith((f"/m/{token}/", f"/api/{token}/"))


def test_a_flag_from_the_phone_becomes_a_moment_with_its_caption(server, journal, piece):
    token = pair(server)
    latest = journal.latest_capture(piece.id)
    reply = request(server.base_url, "POST", f"/api/{token}/flag?lang=fr",
                    {"kind": "struggle"})
    assert reply.status == 200
    moment = reply.json()["moment"]
    assert reply.json()["starters"]  # the craft's caption starters, in the phone's language
    cap = request(server.base_url, "POST", f"/api/{token}/caption",
                  {"moment": moment["id"], "text": "  Le bord s'affaisse  "})
    assert cap.status == 200
    (m,) = journal.snapshot(piece.id).moments
    assert (m.kind, m.capture, m.caption) == ("struggle", latest.id, "Le bord s'affaisse")
    state = request(server.base_url, "GET", f"/api/{token}/state").json()
    assert state["moments"][0]["id"] == m.id
    bad = request(server.base_url, "POST", f"/api/{token}/flag", {"kind": "note; rm"})
    assert bad.status == 400
    assert len(journal.snapshot(piece.id).moments) == 1


def test_range_requests_get_206_with_the_right_bytes(server, exported):
    token = pair(server)
    e = request(server.base_url, "GET", f"/api/{token}/state").json()["exports"][0]
    data = exported.files["mp4"].read_bytes()
    whole = request(server.base_url, "GET", e["mp4"])
    assert whole.status == 200 and whole.body == data
    assert whole.headers["content-type"] == "video/mp4"
    assert whole.headers.get("accept-ranges") == "bytes"
    part = request(server.base_url, "GET", e["mp4"], headers={"Range": "bytes=100-1099"})
    assert part.status == 206
    assert part.body == data[100:1100]
    assert part.headers["content-range"] == f"bytes 100-1099/{len(data)}"
    tail = request(server.base_url, "GET", e["mp4"], headers={"Range": "bytes=-8"})
    assert (tail.status, tail.body) == (206, data[-8:])
    dl = request(server.base_url, "GET", e["mp4"] + "?download=1")
    assert dl.headers["content-disposition"].startswith("attachment;")
    assert "/" not in dl.headers["content-disposition"].split("filename=")[1]


def test_the_post_text_the_cover_and_the_slides(server, exported):
    token = pair(server)
    e = request(server.base_url, "GET", f"/api/{token}/state").json()["exports"][0]
    post = request(server.base_url, "GET", f"/api/{token}/post/{e['id']}").json()["text"]
    assert post == exported.files["post"].read_text("utf-8").rstrip("\n")
    cover = request(server.base_url, "GET", e["cover"])
    assert cover.body == exported.files["cover"].read_bytes()
    slides = request(server.base_url, "GET", e["slides_zip"])
    names = zipfile.ZipFile(io.BytesIO(slides.body)).namelist()
    assert names == sorted(p.name for p in exported.files["carousel"].glob("*.jpg"))
    assert e["slides"] == len(names) > 0


def test_a_manifest_naming_a_file_outside_its_folder_is_not_served(server, exported,
                                                                   tmp_path):
    token = pair(server)
    manifest = exported.folder / "export.json"
    doc = json.loads(manifest.read_text())
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    doc["files"]["post"] = "../../secret.txt"
    doc["files"]["mp4"] = str(secret)
    manifest.write_text(json.dumps(doc))
    e = request(server.base_url, "GET", f"/api/{token}/state").json()["exports"][0]
    assert e["mp4"] is None and e["post"] is False
    assert request(server.base_url, "GET", f"/api/{token}/post/{e['id']}").status == 404
    assert request(server.base_url, "GET", f"/m/{token}/x/{e['id']}/reel.mp4").status == 404


def test_stop_closes_the_port_at_once(journal, piece, tmp_path):
    s = start_server(journal, piece.id, tmp_path / "reels", tmp_path / "config")
    base = s.base_url
    token = pair(s)
    s.stop()
    assert not s.running
    with pytest.raises(OSError):
        request(base, "GET", f"/api/{token}/state")


# ------------------------------------------------------------------ the reel makes itself
def test_a_result_flagged_anywhere_makes_the_reel_and_the_page_lists_it(server, journal,
                                                                        piece, tmp_path):
    from coulisses.companion.host import ResultWatcher

    token = pair(server)
    watcher = ResultWatcher(server.host, lambda: True)
    assert watcher.check() is None  # first look: what is there is old
    journal.add_moment(piece.id, "result")  # as `coulisses mark PIECE result` does
    assert watcher.check() is not None
    assert watcher.check() is None  # once per Result
    assert wait_until(lambda: not server.host.reels.state().running, timeout=120)
    assert server.host.reels.state().error == ""
    state = request(server.base_url, "GET", f"/api/{token}/state").json()
    assert len(state["exports"]) == 1 and state["exports"][0]["mp4"]
    from coulisses.export import past_exports

    assert len(past_exports(journal, piece.id)) == 1  # the export window lists it too


def test_no_reel_when_the_preference_is_off(server, journal, piece):
    from coulisses.companion.host import ResultWatcher

    watcher = ResultWatcher(server.host, lambda: False)
    watcher.check()
    journal.add_moment(piece.id, "result")
    assert watcher.check() is None
    assert not server.host.reels.state().running


# ------------------------------------------------------------------ the command line
def test_the_command_prints_the_pairing_url_serves_and_stops_on_ctrl_c(home, journal, piece,
                                                                       tmp_path):
    argv = [str(installed.script()), "--home", str(home), "companion", piece.name,
            "--host", "127.0.0.1", "--port", "0"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True,
                            env=installed.clean_env(HOME=str(tmp_path)))
    try:
        lines = []
        while True:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            lines.append(line.rstrip("\n"))
            if re.fullmatch(r"http://127\.0\.0\.1:\d+/pair/\S+", lines[-1]):
                break
        url = lines[-1]
        qr = [proc.stdout.readline() for _ in range(5)]
        assert any("█" in q or "▀" in q or "▄" in q for q in qr)  # the QR code in text
        parts = urlsplit(url)
        base = f"http://{parts.netloc}"
        reply = request(base, "POST", parts.path)
        assert reply.status == 200
        token = reply.json()["token"]
        flag = request(base, "POST", f"/api/{token}/flag", {"kind": "milestone"})
        assert flag.status == 200
        assert [m.kind for m in journal.snapshot(piece.id).moments] == ["milestone"]
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "closed" in out
    with pytest.raises(OSError):
        request(base, "GET", f"/api/{token}/state")


@pytest.mark.parametrize(("sig", "ignored"), [(signal.SIGINT, True), (signal.SIGTERM, False)])
def test_the_command_closes_on_sigterm_and_on_sigint_it_was_started_ignoring(
        home, piece, tmp_path, sig, ignored):
    """``coulisses companion &`` in a script starts with SIGINT ignored, and systemd stops
    a unit with SIGTERM: both still close it cleanly (started ignoring SIGINT, it never
    stopped: CI launched in the background timed out here)."""
    def ignore_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    argv = [str(installed.script()), "--home", str(home), "companion", piece.name,
            "--host", "127.0.0.1", "--port", "0"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True,
                            env=installed.clean_env(HOME=str(tmp_path)),
                            preexec_fn=ignore_sigint if ignored else None)
    try:
        while not re.fullmatch(r"http://127\.0\.0\.1:\d+/pair/\S+",
                               (line := proc.stdout.readline()).strip()):
            assert line, proc.stderr.read()
    finally:
        proc.send_signal(sig)
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, err
    assert "closed" in out


def test_the_command_refuses_a_public_address_and_a_taken_port(cli, piece, server):
    code, out, err = cli("companion", piece.id, "--host", "8.8.8.8")
    assert code == 1 and "local-network address" in err and "8.8.8.8" in err
    code, out, err = cli("companion", piece.id, "--host", "127.0.0.1", "--port",
                         str(server.port))
    assert code == 1 and "--port" in err and err.count("\n") == 1
    code, out, err = cli("companion", piece.id, "--port", "70000")
    assert code == 2


def test_errors_reach_the_phone_without_folders_or_tracebacks(server, journal, piece):
    from coulisses.companion.host import HostError

    token = pair(server)
    home = str(journal.home)

    def failing_flag(kind):
        raise HostError(f"The moment could not be saved: permission denied: '{home}/x.json'")

    server.host.flag = failing_flag
    reply = request(server.base_url, "POST", f"/api/{token}/flag", {"kind": "fix"})
    assert reply.status == 409
    assert home not in reply.body.decode() and "permission denied" in reply.json()["error"]

    def broken_piece():
        raise RuntimeError(f"bug near {home}")

    server.host.piece_id = broken_piece
    reply = request(server.base_url, "GET", f"/api/{token}/state?lang=fr")
    assert reply.status == 500
    assert home not in reply.body.decode() and "Traceback" not in reply.body.decode()
    assert reply.json()["error"].startswith("L’ordinateur")


def test_another_pieces_export_is_not_reachable(server, journal, exported, tmp_path):
    from coulisses.companion.exports import export_id
    from coulisses.export import past_exports

    token = pair(server)
    other, _ = make_piece(journal, n=3, name="Bol raku")
    export_quick(journal, other.id, tmp_path / "reels")
    (theirs,) = past_exports(journal, other.id)
    for path in (f"/m/{token}/x/{export_id(theirs)}/reel.mp4",
                 f"/api/{token}/post/{export_id(theirs)}"):
        assert request(server.base_url, "GET", path).status == 404
    state = request(server.base_url, "GET", f"/api/{token}/state").json()
    assert [e["id"] for e in state["exports"]] != [export_id(theirs)]
    assert "Bol raku" not in json.dumps(state, ensure_ascii=False)
