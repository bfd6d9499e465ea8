"""The page's server: a small Starlette app, reachable only with the run's token.

Every path starts with the token (`/<token>/…`): a request without it, or from a page that names
another host, gets 403. Uploads are the raw body of one request per file, written to disk as they
arrive and stopped at the reader's size limit; work runs in a thread so the page stays live.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .._version import __version__
from ..text import os_reason
from .workspace import TooLarge, Workspace, failed_card

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ("127.0.0.1", "localhost")
FORBIDDEN = "禁止访问：请使用 excel-eval gui 打印的完整地址（含访问令牌）。"


class TokenGate:
    """ASGI middleware: only `/<token>/…` from a local host name passes; everything else is 403."""

    def __init__(self, app, token: str):
        self.app, self.prefix = app, f"/{token}"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").rsplit(":", 1)[0]
        head, _, rest = path.partition("/")[2].partition("/")
        if host not in LOCAL_HOSTS or not secrets.compare_digest(f"/{head}", self.prefix):
            response = PlainTextResponse(FORBIDDEN, status_code=403)
            return await response(scope, receive, send)
        if not rest and not path.endswith("/"):  # /<token> → /<token>/: the page's relative links then work
            return await Response(status_code=307, headers={"location": self.prefix + "/"})(scope, receive, send)
        # (ASGI: `path` keeps the prefix, `root_path` names it; the routes see what follows)
        return await self.app({**scope, "root_path": scope.get("root_path", "") + self.prefix}, receive, send)


def create_app(workspace: Workspace, token: str):
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape())
    page = templates.get_template("index.html").render(version=__version__,
                                                       max_mb=f"{workspace.limits.max_unzipped_mb:g}")

    async def index(request: Request) -> Response:
        return HTMLResponse(page, headers={"cache-control": "no-store"})

    async def upload(request: Request) -> Response:
        """PUT /api/files?name=…: the workbook as the body. The cards of its projects."""
        name = request.query_params.get("name", "")
        upload_id, path = workspace.new_upload(name)
        declared = request.headers.get("content-length", "")
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
            path.unlink(missing_ok=True)
            return JSONResponse({"upload": upload_id, "cards": [failed_card(path.name, str(exc))]})
        try:
            cards = await run_in_threadpool(workspace.process, upload_id, path)
        except OSError as exc:
            cards = [failed_card(path.name, f"无法写出结果：{os_reason(exc)}")]
        except Exception as exc:  # noqa: BLE001 (one file never stops the page)
            cards = [failed_card(path.name, f"内部错误：{type(exc).__name__}: {exc}")]
        return JSONResponse({"upload": upload_id, "cards": cards})

    async def summary(request: Request) -> Response:
        """POST /api/summary {uploads: [...], failed: [{file, reason}]}: a folder's batch summary."""
        try:
            body = json.loads(await request.body() or b"{}")
            uploads = [str(u) for u in body.get("uploads", [])]
            failed = [f for f in body.get("failed", []) if isinstance(f, dict)]
        except (ValueError, AttributeError):
            return JSONResponse({"error": "请求格式有误"}, status_code=400)
        return JSONResponse(await run_in_threadpool(workspace.summary, uploads, failed))

    async def download(request: Request) -> Response:
        path = workspace.download(request.path_params["key"])
        if path is None:
            return PlainTextResponse("没有这个文件", status_code=404)
        return FileResponse(path, filename=path.name)

    routes = [Route("/", index), Route("/api/files", upload, methods=["PUT"]),
              Route("/api/summary", summary, methods=["POST"]), Route("/download/{key}", download),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    return TokenGate(Starlette(routes=routes), token)
