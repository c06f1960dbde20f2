"""The companion's HTTP server: aiohttp on a thread and event loop of its own.

Every answer but the page's first load needs a paired device's token in the URL
path (media too: iPhone's video player sends no cookies). Anything else, a
wrong token, a used code, a path that does not exist, a client outside the
local network, gets the same empty 404; wrong guesses from one address are
limited (``pairing.Pairing.failed``). Nothing served names a file or a folder.
Journal reads and writes run on the loop's worker threads, never on the loop.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import threading
import time
import zipfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from coulisses.companion.exports import file_of, find_export, phone_exports, slides_of
from coulisses.companion.host import FLAG_KINDS, RECENT_MOMENTS, Host, HostError, moments_of
from coulisses.companion.network import client_allowed, listen_problem, url_host
from coulisses.companion.pairing import Pairing
from coulisses.i18n import SUPPORTED, tr
from coulisses.labels import kind_label

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024  # a caption, a kind: nothing bigger is ever posted
MAX_CAPTION = 500
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Sent with everything: no referrer (the token is in the path), no sniffing, no caching
# of anything personal, and a page that may load only from this server.
HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Content-Security-Policy": ("default-src 'none'; script-src 'unsafe-inline'; "
                                "style-src 'unsafe-inline'; img-src 'self'; media-src 'self'; "
                                "connect-src 'self'; base-uri 'none'; form-action 'none'; "
                                "frame-ancestors 'none'"),
}


class CompanionError(Exception):
    """The companion could not start; the message is for the maker."""


def page_html() -> bytes:
    """The phone page: one file of plain HTML, CSS and JavaScript (assets/companion)."""
    from coulisses.resources import asset

    return asset("companion", "page.html").read_bytes()


def _not_found() -> web.Response:
    return web.Response(status=404)


def _lang(request: web.Request) -> str:
    lang = request.query.get("lang", "")
    return lang if lang in SUPPORTED else "en"


class CompanionServer:
    def __init__(self, host: Host, pairing: Pairing, address: str, port: int = 0) -> None:
        self.host = host
        self.pairing = pairing
        self.address = address
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None
        self._page = page_html()
        self._exports_cache: tuple[Any, list[dict[str, Any]]] = (None, [])

    # ------------------------------------------------------------------ life
    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.address)}:{self.port}"

    def pairing_url(self) -> str:
        """A new one-time pairing address for the QR code."""
        return f"{self.base_url}/pair/{self.pairing.new_code()}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> None:
        """Listen; raises ``CompanionError`` when the address is not allowed or taken."""
        problem = listen_problem(self.address)
        if problem is not None:
            raise CompanionError(tr("The companion listens only on a local-network address, "
                                    "and {address} is not one: give a private address such "
                                    "as 192.168.1.20, or 127.0.0.1.", address=self.address))
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(target=self._serve, args=(ready, failure),
                                        name="companion-http", daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            raise CompanionError(tr("The companion did not start in time."))
        if failure:
            self._thread.join(1)
            exc = failure[0]
            raise CompanionError(tr("The companion could not listen on {address} port "
                                    "{port}: {reason}. Try another port with --port, or "
                                    "another address.", address=self.address, port=self.port,
                                    reason=getattr(exc, "strerror", None) or str(exc))) from exc

    def stop(self, timeout: float = 5.0, *, stop_reel: bool = True) -> None:
        """Stop serving now: the socket closes first, open requests are cut short; a reel
        being made is cancelled unless ``stop_reel`` is False (the window's goes on)."""
        loop, stopped = self._loop, self._stopped
        if loop is not None and stopped is not None and self.running:
            loop.call_soon_threadsafe(stopped.set)
        if self._thread is not None:
            self._thread.join(timeout)
        if stop_reel:
            self.host.reels.stop()

    def _serve(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main(ready, failure))
        except BaseException as exc:  # noqa: BLE001 - said to start() or logged
            if not ready.is_set():
                failure.append(exc)
            else:
                log.exception("companion server stopped")
        finally:
            ready.set()
            loop.close()

    async def _main(self, ready: threading.Event, failure: list[BaseException]) -> None:
        self._stopped = asyncio.Event()
        runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=0.2)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.address, self.port)
            await site.start()
            server = getattr(site, "_server", None)
            if self.port == 0 and server is not None and server.sockets:
                self.port = server.sockets[0].getsockname()[1]
        except OSError as exc:
            failure.append(exc)
            ready.set()
            await runner.cleanup()
            return
        ready.set()
        await self._stopped.wait()
        await runner.cleanup()

    # ------------------------------------------------------------------ routes
    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.on_response_prepare.append(self._headers)
        r = app.router
        r.add_get("/pair/{code}", self.pair_page)
        r.add_post("/pair/{code}", self.pair)
        r.add_get("/app/{token}/", self.page)
        r.add_get("/api/{token}/state", self._authed(self.state))
        r.add_post("/api/{token}/flag", self._authed(self.flag))
        r.add_post("/api/{token}/caption", self._authed(self.caption))
        r.add_post("/api/{token}/reel", self._authed(self.make_reel))
        r.add_get("/api/{token}/post/{export}", self._authed(self.post_text))
        r.add_get("/m/{token}/still.jpg", self._authed(self.still))
        r.add_get("/m/{token}/x/{export}/reel.mp4", self._authed(self.reel))
        r.add_get("/m/{token}/x/{export}/cover.jpg", self._authed(self.cover))
        r.add_get("/m/{token}/x/{export}/slides.zip", self._authed(self.slides))
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        client = request.remote or ""
        if not client_allowed(client) or self.pairing.blocked(client):
            return _not_found()
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status in (404, 405):  # unknown paths and methods: the same empty 404
                return _not_found()  # (not a guess at a token: a browser asks for favicon.ico)
            raise
        except Exception:  # a journal that cannot be read just now, a bug: said, no details
            log.exception("companion request %s failed", request.path.split("/")[1:2])
            return web.json_response({"error": tr(
                "The computer could not do that just now; try again, or look at Coulisses "
                "on the computer.", lang=_lang(request))}, status=500)

    @staticmethod
    async def _headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(HEADERS)
        response.headers.pop("Server", None)  # no version to look up

    def _authed(self, handler: Handler) -> Handler:
        async def checked(request: web.Request) -> web.StreamResponse:
            if self.pairing.device_for(request.match_info["token"]) is None:
                self.pairing.failed(request.remote or "")
                return _not_found()
            return await handler(request)
        return checked

    async def _run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def _page_response(self) -> web.Response:
        return web.Response(body=self._page, content_type="text/html", charset="utf-8")

    async def pair_page(self, request: web.Request) -> web.StreamResponse:
        # Looking does not use the code up (a camera app may fetch the link to preview it):
        # the page's script trades it for a token.
        if not self.pairing.code_valid(request.match_info["code"]):
            self.pairing.failed(request.remote or "")
            return _not_found()
        return self._page_response()

    async def pair(self, request: web.Request) -> web.StreamResponse:
        token = self.pairing.redeem(request.match_info["code"],
                                    request.headers.get("User-Agent"))
        if token is None:
            self.pairing.failed(request.remote or "")
            return _not_found()
        return web.json_response({"token": token})

    async def page(self, request: web.Request) -> web.StreamResponse:
        if self.pairing.device_for(request.match_info["token"]) is None:
            self.pairing.failed(request.remote or "")
            return _not_found()
        return self._page_response()

    # ------------------------------------------------------------------ the page's data
    def _piece(self) -> str:
        piece_id = self.host.piece_id()
        if not piece_id:
            raise web.HTTPConflict(text=json.dumps({"error": tr("No piece is open.")}),
                                   content_type="application/json")
        return piece_id

    def _state(self, token: str, lang: str) -> dict[str, Any]:
        journal = self.host.journal
        piece_id = self.host.piece_id()
        reel = self.host.reels.state().to_json()
        reel["error"] = self._scrub(reel["error"])  # an export error may name its folder
        kinds = {k: kind_label(k, lang) for k in FLAG_KINDS}
        if not piece_id:
            return {"piece": None, "reel": reel, "kinds": kinds}
        piece = journal.piece(piece_id)
        latest = journal.latest_capture(piece_id)
        moments = moments_of(journal, piece_id)[-RECENT_MOMENTS:]
        return {
            "piece": {"name": piece.name},
            "recording": self.host.recording(),
            "latest": None if latest is None else {
                "id": latest.id, "time": latest.time.isoformat(),
                "age": max(0.0, time.time() - latest.time.timestamp()),
                "url": f"/m/{token}/still.jpg?c={latest.id}"},
            "moments": [{"id": m.id, "kind": m.kind, "caption": m.caption,
                         "time": m.time.isoformat()} for m in reversed(moments)],
            "exports": self._exports(piece_id, token),
            "reel": reel,
            "kinds": kinds,
        }

    def _exports(self, piece_id: str, token: str) -> list[dict[str, Any]]:
        from coulisses.export.history import CACHE_NAME, LOG_NAME

        history = self.host.journal.cache_dir(piece_id, CACHE_NAME) / LOG_NAME
        try:
            st = history.stat()
            key: Any = (piece_id, st.st_mtime_ns, st.st_size)
        except OSError:
            key = (piece_id, None)
        if key != self._exports_cache[0]:  # read the manifests again only when it changed
            self._exports_cache = (key, [e.to_json() for e in
                                         phone_exports(self.host.journal, piece_id)])
        out = []
        for e in self._exports_cache[1]:
            base = f"/m/{token}/x/{e['id']}"
            out.append({**e, "mp4": f"{base}/reel.mp4" if e["mp4"] else None,
                        "cover": f"{base}/cover.jpg" if e["cover"] else None,
                        "slides_zip": f"{base}/slides.zip" if e["slides"] else None})
        return out

    def _scrub(self, text: str) -> str:
        """A message for the phone, without the folders a journal error may name."""
        for folder in sorted({str(self.host.journal.home), str(Path.home())}, key=len,
                             reverse=True):
            if len(folder) > 1:
                text = text.replace(folder, "…")
        return text

    async def state(self, request: web.Request) -> web.StreamResponse:
        data = await self._run(self._state, request.match_info["token"], _lang(request))
        return web.json_response(data)

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            data = await request.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest()
        return data

    async def flag(self, request: web.Request) -> web.StreamResponse:
        data = await self._body(request)
        kind, lang = data.get("kind"), _lang(request)
        if kind not in FLAG_KINDS:
            return web.json_response({"error": tr("Unknown kind of moment.", lang=lang)},
                                     status=400)
        piece_id = self._piece()
        try:
            moment = await self._run(self.host.flag, kind)
        except HostError as exc:
            return web.json_response({"error": self._scrub(str(exc))}, status=409)
        starters = await self._run(self._starters, piece_id, kind, lang)
        return web.json_response({"moment": {"id": moment.id, "kind": moment.kind,
                                             "time": moment.time.isoformat()},
                                  "starters": starters})

    def _starters(self, piece_id: str, kind: str, lang: str) -> list[str]:
        from coulisses.crafts import caption_starters

        journal = self.host.journal
        count = sum(1 for m in moments_of(journal, piece_id) if m.kind == kind)
        return caption_starters(journal.piece(piece_id).typed_settings.craft, kind, lang,
                                max(count, 1))

    async def caption(self, request: web.Request) -> web.StreamResponse:
        data = await self._body(request)
        moment_id, text = data.get("moment"), data.get("text")
        if not isinstance(moment_id, str) or not isinstance(text, str) \
                or len(text) > MAX_CAPTION:
            raise web.HTTPBadRequest()
        piece_id = self._piece()
        try:
            await self._run(self.host.caption, piece_id, moment_id, text.strip())
        except HostError as exc:
            return web.json_response({"error": self._scrub(str(exc))}, status=409)
        return web.json_response({"ok": True})

    async def make_reel(self, request: web.Request) -> web.StreamResponse:
        started = self.host.reels.start(self._piece())
        return web.json_response({"started": started})

    async def post_text(self, request: web.Request) -> web.StreamResponse:
        found = await self._run(self._export, request.match_info["export"])
        path = file_of(found[0], found[1], "post") if found else None
        if path is None:
            return _not_found()
        text = await self._run(path.read_text, "utf-8")
        return web.json_response({"text": text.rstrip("\n")})

    # ------------------------------------------------------------------ media
    def _export(self, export: str):
        piece_id = self.host.piece_id()
        return find_export(self.host.journal, piece_id, export) if piece_id else None

    async def still(self, request: web.Request) -> web.StreamResponse:
        piece_id = self.host.piece_id()
        latest = await self._run(self.host.journal.latest_capture, piece_id) if piece_id \
            else None
        if latest is None:
            return _not_found()
        data = await self._run(latest.path.read_bytes)
        return web.Response(body=data, content_type="image/jpeg")

    async def _file(self, request: web.Request, kind: str, content_type: str,
                    ) -> web.StreamResponse:
        found = await self._run(self._export, request.match_info["export"])
        path = file_of(found[0], found[1], kind) if found else None
        if path is None:
            return _not_found()
        # FileResponse answers Range requests (206) as video players ask.
        response = web.FileResponse(path, headers={"Content-Type": content_type})
        if request.query.get("download"):
            response.headers["Content-Disposition"] = _attachment(path.name)
        return response

    async def reel(self, request: web.Request) -> web.StreamResponse:
        return await self._file(request, "mp4", "video/mp4")

    async def cover(self, request: web.Request) -> web.StreamResponse:
        return await self._file(request, "cover", "image/jpeg")

    async def slides(self, request: web.Request) -> web.StreamResponse:
        found = await self._run(self._export, request.match_info["export"])
        if found is None:
            return _not_found()
        paths = await self._run(slides_of, *found)
        if not paths:
            return _not_found()

        def pack() -> bytes:  # ten JPEGs at most: stored, not compressed again
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
                for p in paths:
                    zf.writestr(p.name, p.read_bytes())
            return buf.getvalue()

        body = await self._run(pack)
        return web.Response(body=body, content_type="application/zip", headers={
            "Content-Disposition": _attachment(f"{found[0].name}-slides.zip")})


def _attachment(name: str) -> str:
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
