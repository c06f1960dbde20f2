"""Phone companion benchmark: idle CPU while open, a new still reaching the page, and the
loop the product exists for: a Result flagged on the phone -> the reel on the phone.

The demo piece (108 stills at 1280x720), the real 1080x1920 Reels preset, the piece's
default options (30 s reel), a real server on 127.0.0.1 and a client polling the state
once a second as the page does. The reference for the loop is the same export run
directly (export_with_options) one after the other in the same process.

Run: python tests/bench/bench_companion.py [--idle 30]
Targets (issue 24): idle CPU < 1 % of a core; a still on the page within 2 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil

os.environ.setdefault("COULISSES_LANG", "en")


def call(port: int, method: str, path: str, body=None) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers={"Content-Type": "application/json"} if body is not None else {})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    assert r.status == 200, (r.status, data)
    return json.loads(data)


def cpu_percent(seconds: float, during=None) -> float:
    proc = psutil.Process()
    t0, c0 = time.monotonic(), sum(proc.cpu_times()[:2])
    stop = threading.Event()
    if during is not None:
        threading.Thread(target=during, args=(stop,), daemon=True).start()
    time.sleep(seconds)
    stop.set()
    c1, t1 = sum(proc.cpu_times()[:2]), time.monotonic()
    return 100.0 * (c1 - c0) / (t1 - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--idle", type=float, default=30.0, help="seconds per idle measure")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-companion-"))
    os.environ["COULISSES_CONFIG"] = str(tmp / "config")

    from coulisses.capture.demo_piece import build_demo_piece
    from coulisses.companion.host import HeadlessHost, ReelMaker, ResultWatcher
    from coulisses.companion.pairing import Pairing
    from coulisses.companion.server import CompanionServer
    from coulisses.export.options import ExportOptions, export_with_options
    from coulisses.journal import Journal
    from coulisses.journal.codec import encode_still

    journal = Journal.open(tmp / "journal")
    piece = build_demo_piece(journal)
    print(f"piece: {piece.name}, {journal.still_count(piece.id)} stills")
    host = HeadlessHost(journal, piece.id, ReelMaker(journal, out_dir=tmp / "reels"))
    server = CompanionServer(host, Pairing(tmp / "config" / "companion.json"), "127.0.0.1", 0)
    server.start()
    watcher = ResultWatcher(host, lambda: True)
    watcher.start()
    port = server.port
    code = server.pairing_url().rsplit("/", 1)[-1]
    token = call(port, "POST", f"/pair/{code}")["token"]

    def page(stop: threading.Event) -> None:
        while not stop.wait(1.0):
            call(port, "GET", f"/api/{token}/state")

    time.sleep(2)
    print(f"idle, open, no phone:              {cpu_percent(args.idle):.2f} % of a core "
          f"over {args.idle:g} s")
    print(f"idle, open, one phone polling 1/s: {cpu_percent(args.idle, page):.2f} % of a core "
          f"over {args.idle:g} s")

    # A new still reaching the page: added to the journal, seen by a client polling 1/s.
    import numpy as np

    still, thumb = encode_still(np.full((720, 1280, 3), 90, np.uint8))
    from datetime import UTC, datetime

    t0 = time.monotonic()
    cid = journal.add_still(piece.id, still, datetime.now(UTC), thumbnail=thumb).id
    while call(port, "GET", f"/api/{token}/state")["latest"]["id"] != cid:
        time.sleep(1.0)
    print(f"new still on the page (polling 1/s): {time.monotonic() - t0:.2f} s")

    # The loop: Result flagged on the phone -> the reel listed with its MP4 on the page.
    before = len(call(port, "GET", f"/api/{token}/state")["exports"])
    t0 = time.monotonic()
    call(port, "POST", f"/api/{token}/flag", {"kind": "result"})
    while True:
        state = call(port, "GET", f"/api/{token}/state")
        if len(state["exports"]) > before and state["exports"][0]["mp4"]:
            break
        time.sleep(0.5)
    loop = time.monotonic() - t0
    print(f"Result flagged -> reel on the page: {loop:.1f} s "
          f"({state['exports'][0]['duration']:.1f} s reel)")
    watcher.stop()
    server.stop()

    from coulisses.preferences import load_preferences

    prefs = load_preferences()[0]
    options = ExportOptions().replace(preset=prefs.export_preset,
                                      duration=prefs.export_duration,
                                      layout=prefs.export_layout)
    t0 = time.monotonic()
    export_with_options(journal.snapshot(piece.id), tmp / "direct", options)
    direct = time.monotonic() - t0
    print(f"the same export run directly: {direct:.1f} s; loop / direct = {loop / direct:.2f}")
    print(f"(files left in {tmp})")


if __name__ == "__main__":
    main()
