"""Start and stop the page's server: a free port on 127.0.0.1, the address (with its token) as
the first line on standard output, the browser opened, and on Ctrl+C or SIGTERM every temporary
file removed."""

from __future__ import annotations

import errno
import secrets
import signal
import socket
import sys
import threading
import webbrowser

from .workspace import Workspace

HOST = "127.0.0.1"  # this machine only


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGBREAK") if hasattr(signal, name))


class PortInUse(Exception):
    pass


class _Stopped(Exception):
    """Ctrl+C or SIGTERM, after the server has shut down."""


def _stop(sig, frame) -> None:
    raise _Stopped


def bind(port: int = 0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (errno.EADDRINUSE, errno.EACCES) or getattr(exc, "winerror", None) in (10048, 10013):
            raise PortInUse(f"端口 {port} 已被占用，请换一个端口，或不指定 --port 自动选择") from None
        raise
    sock.listen(64)
    return sock


def serve(open_browser: bool = True, port: int = 0) -> int:
    """Serve until stopped; 0 when stopped by Ctrl+C or SIGTERM."""
    import uvicorn

    from .app import create_app

    token = secrets.token_urlsafe(18)
    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/{token}/"
    workspace = Workspace()
    try:
        server = uvicorn.Server(uvicorn.Config(create_app(workspace, token), log_level="warning", access_log=False,
                                               lifespan="off", timeout_graceful_shutdown=3))
        print(url, flush=True)  # the first line: a script or a shortcut reads it
        print("excel-eval 网页已启动（只在本机可用）。在浏览器中打开上面的地址；按 Ctrl+C 停止。", file=sys.stderr,
              flush=True)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        # uvicorn shuts down gracefully on Ctrl+C or SIGTERM, then raises the signal again for
        # whoever handled it before: here that is a quiet stop, so the clean-up below always runs.
        previous = {sig: signal.signal(sig, _stop) for sig in STOP_SIGNALS}
        try:
            server.run(sockets=[sock])
        except (_Stopped, KeyboardInterrupt):
            pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    finally:
        sock.close()
        workspace.close()  # uploads and outputs: nothing is left in the temporary folder
    print("excel-eval 网页已停止，临时文件已删除。", file=sys.stderr, flush=True)
    return 0
