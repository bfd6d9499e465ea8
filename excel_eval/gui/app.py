"""The page's server: a small Starlette app, reachable only with the run's token.

Every path starts with the token (`/<token>/…`): a request without it, from a page that names
another host, or sent by a page of another origin gets 403. Uploads are the raw body of one
request per file, written to disk as they arrive and stopped at the reader's size limit; work
runs in a thread of its own so the page stays live. Every answer carries the headers that keep
the page to itself (no framing, no inline script, no caching of the officers' files), and every
error is one Chinese line: a missing page, a wrong request, a stop while a file is in flight.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .._version import __version__
from ..files import internal_log
from ..text import os_reason
from ..vocab import Failure
from .workspace import TooLarge, Workspace, display_name, failed_card, name_note

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ("127.0.0.1", "localhost")
FORBIDDEN = "禁止访问：请使用 excel-eval gui 打印的完整地址（含访问令牌）。"
NOT_FOUND = "没有这个页面或文件。请从 excel-eval gui 打开的页面操作（下载链接只在本次运行中有效）。"
NOT_ALLOWED = "不支持这种请求。请从 excel-eval gui 打开的页面操作。"
BAD_SUMMARY = '汇总请求的格式不对：应为 {"uploads": [上传编号…], "failed": [{"file": 文件, "reason": 原因}…]}。'
STOPPED = "excel-eval 网页已停止，这个文件没有处理完。重新运行 excel-eval gui 后再拖入。"
INTERNAL = "excel-eval 内部错误，这个请求未能完成。"
# On every answer. `default-src 'self'`: no inline script or style, nothing from another origin
# (the page's own script, style and Chart.js are static files); never framed, by old browsers
# (X-Frame-Options) or new (frame-ancestors); nothing kept in a cache: the downloads are the
# officers' own workbooks, with names and telephone numbers.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
_REPLACED = {name for name, _ in SECURITY_HEADERS}
POLL = 0.1  # seconds between looks at a stop (or a skip) while a request waits


class TokenGate:
    """ASGI middleware: only `/<token>/…` from a local host name, and from the page's own origin
    when the browser names one, passes; everything else is 403. Only HTTP passes (and the ASGI
    lifespan, which is the server's, not a request): a websocket is closed unopened."""

    def __init__(self, app, token: str):
        self.app, self.prefix, self.token = app, f"/{token}", token.encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self.app(scope, receive, send)
        if scope["type"] != "http":
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})  # before accept: the server answers 403
            return None
        path = scope["path"]
        headers = dict(scope.get("headers") or [])
        host_port = headers.get(b"host", b"").decode("latin-1")
        host = host_port.rsplit(":", 1)[0]
        origin = headers.get(b"origin")
        head, _, rest = path.partition("/")[2].partition("/")
        if host not in LOCAL_HOSTS or not secrets.compare_digest(head.encode("utf-8", "replace"), self.token) \
                or (origin is not None and origin.decode("latin-1") != f"http://{host_port}"):
            return await PlainTextResponse(FORBIDDEN, status_code=403)(scope, receive, send)
        if not rest and not path.endswith("/"):  # /<token> → /<token>/: the page's relative links then work
            return await Response(status_code=307, headers={"location": self.prefix + "/"})(scope, receive, send)
        # (ASGI: `path` keeps the prefix, `root_path` names it; the routes see what follows)
        return await self.app({**scope, "root_path": scope.get("root_path", "") + self.prefix}, receive, send)


class Guard:
    """ASGI middleware around everything: the security headers on every answer; an answer in
    Chinese, never a traceback on the console, when a request fails or the page stops while it
    waits (the stop does not wait for a file in flight: its request is answered 503 at once)."""

    def __init__(self, app, workspace: Workspace):
        self.app, self.workspace = app, workspace

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                message = {**message, "headers": kept + SECURITY_HEADERS}
            await send(message)

        async def answer(text: str, status: int) -> None:
            if not started:
                await PlainTextResponse(text, status_code=status)(scope, receive, send_with_headers)

        if self.workspace.stopping.is_set():
            return await answer(STOPPED, 503)
        task = asyncio.ensure_future(self.app(scope, receive, send_with_headers))
        try:
            while not task.done():
                await asyncio.wait({task}, timeout=POLL)
                if self.workspace.stopping.is_set() and not task.done():
                    task.cancel()
                    await asyncio.wait({task})
                    return await answer(STOPPED, 503)
            task.result()
        except asyncio.CancelledError:  # the server gave up waiting at its stop: a quiet end, not a traceback
            task.cancel()
            await answer(STOPPED, 503)
        except Exception:  # noqa: BLE001 (the details in a log, one line for the page)
            log = internal_log()
            await answer(INTERNAL + (f"详细信息已写入：{log}" if log else ""), 500)


class WorkFailed(Exception):
    """A file's work ended in a BaseException that is not an Exception (a native library's panic)."""


async def in_thread(workspace: Workspace, fn, *args):
    """`fn(*args)` in a thread of its own (Workspace.start), awaited. A stop or a skip can leave
    it: the request is answered while the thread's child process is killed."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def settle(value, error) -> None:
        if done.done():  # the request was answered without it (a stop, a skip)
            return
        if error is None:
            done.set_result(value)
        else:
            done.set_exception(error)

    def work() -> None:
        try:
            value, error = fn(*args), None
        except Exception as exc:  # noqa: BLE001 (raised where the request awaits it)
            value, error = None, exc
        except BaseException as exc:  # noqa: BLE001
            value, error = None, WorkFailed(f"{type(exc).__name__}: {exc}")
        try:
            loop.call_soon_threadsafe(settle, value, error)
        except RuntimeError:  # the loop has closed: the page has stopped
            pass

    workspace.start(work)
    return await done


def create_app(workspace: Workspace, token: str):
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape())
    page = templates.get_template("index.html").render(version=__version__,
                                                       max_mb=f"{workspace.limits.max_unzipped_mb:g}")

    async def index(request: Request) -> Response:
        return HTMLResponse(page)

    async def upload(request: Request) -> Response:
        """PUT /api/files?name=…&path=…: the workbook as the body (`path`: its place in the folder
        chosen, shown in the summary). The cards of its projects. `hold=1`: a 自评报告 kept for the
        workbook sent next with `paired=` its upload id, checked with it (a report sent alone gets
        its own card)."""
        name = request.query_params.get("name", "")
        declared = request.headers.get("content-length", "")

        def refused(reason: str, failure: Failure | None = None) -> Response:
            workspace.discard(upload_id)
            return JSONResponse({"upload": upload_id, "cards": [failed_card(path.name, reason, failure=failure)]})

        upload_id, path = workspace.new_upload(name)
        workspace.shown[upload_id] = display_name(request.query_params.get("path") or name)
        try:
            if declared.isdigit() and int(declared) > workspace.max_bytes:
                raise workspace.too_large()
            size = 0
            with open(path, "wb") as f:  # streamed: never more than one chunk in memory
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > workspace.max_bytes:
                        raise workspace.too_large()
                    f.write(chunk)
        except TooLarge as exc:
            return refused(str(exc), Failure.TOO_LARGE)
        except OSError as exc:  # a full disk, most likely
            return refused(f"无法保存上传的文件：{os_reason(exc)}")
        except ClientDisconnect:  # the page skipped the file while it was sent
            workspace.discard(upload_id)
            return Response(status_code=400)
        if request.query_params.get("hold"):  # a 自评报告 for the workbook sent next (…&paired=this id)
            workspace.held[upload_id] = path
            return JSONResponse({"upload": upload_id, "held": True})
        paired = workspace.held.pop(request.query_params.get("paired", ""), None)
        work = asyncio.ensure_future(in_thread(workspace, workspace.process, upload_id, path,
                                               *((paired,) if paired is not None else ())))
        while not work.done():
            await asyncio.wait({work}, timeout=POLL)
            if not work.done() and await request.is_disconnected():  # skipped while being checked
                workspace.cancel(upload_id)
                work.add_done_callback(lambda w: (w.cancelled() or w.exception(), workspace.discard(upload_id)))
                return Response(status_code=400)
        if workspace.stopping.is_set():  # its child process was killed by the stop: not a result
            work.exception()  # (taken, so that no error of it is logged)
            return PlainTextResponse(STOPPED, status_code=503)
        try:
            cards = work.result()
        except OSError as exc:
            cards = [failed_card(path.name, f"无法写出结果：{os_reason(exc)}")]
        except Exception:  # noqa: BLE001 (one file never stops the page)
            log = internal_log()
            cards = [failed_card(path.name, "内部错误，这个文件未能处理" + (f"。详细信息已写入：{log}" if log else ""))]
        note = name_note(name)
        return JSONResponse({"upload": upload_id, "cards": [{**c, "note": note or c.get("note", "")} for c in cards]})

    async def summary(request: Request) -> Response:
        """POST /api/summary {uploads: [...], failed: [{file, reason}]}: a folder's batch summary."""
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            body = None
        uploads = body.get("uploads", []) if isinstance(body, dict) else None
        failed = body.get("failed", []) if isinstance(body, dict) else None
        if not (isinstance(uploads, list) and all(isinstance(u, str) for u in uploads)
                and isinstance(failed, list) and all(isinstance(f, dict) and isinstance(f.get("file", ""), str)
                                                     and isinstance(f.get("reason", ""), str) for f in failed)):
            return PlainTextResponse(BAD_SUMMARY, status_code=400)
        failed = [{"file": display_name(f.get("file", "")), "reason": f.get("reason", "")} for f in failed]
        return JSONResponse(await in_thread(workspace, workspace.summary, uploads, failed))

    async def download(request: Request) -> Response:
        path = workspace.download(request.path_params["key"])
        if path is None:
            return PlainTextResponse(NOT_FOUND, status_code=404)
        return FileResponse(path, filename=path.name)

    async def not_found(request: Request, exc) -> Response:
        return PlainTextResponse(NOT_FOUND, status_code=404)

    async def not_allowed(request: Request, exc) -> Response:
        return PlainTextResponse(NOT_ALLOWED, status_code=405)

    routes = [Route("/", index), Route("/api/files", upload, methods=["PUT"]),
              Route("/api/summary", summary, methods=["POST"]), Route("/download/{key}", download),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})
    app.router.redirect_slashes = False  # `/项/` is not found, not redirected
    return Guard(TokenGate(app, token), workspace)
