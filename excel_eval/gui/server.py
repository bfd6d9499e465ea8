"""Start and stop the page's server: a free port on 127.0.0.1, the address (with its token) as
the first line on standard output, the browser opened, and on every way out the temporary folder
removed: Ctrl+C, SIGTERM, the terminal or the console window closed, a crash. A run killed
outright (or a power cut) leaves its folder; the next run sweeps it."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import signal
import socket
import sys
import threading
import webbrowser

from ..errors import Refusal
from .workspace import Workspace, sweep

HOST = "127.0.0.1"  # this machine only
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")
                     if hasattr(signal, name))
GRACE = 2  # seconds the server waits for an answer being sent at a stop (a file in flight is answered at once)
CONSOLE_CLOSED = (2, 5, 6)  # Windows: CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT
CLOSE_WAIT = 1.0  # seconds, of the 5 Windows gives a closed console, left to the files in flight


class PortInUse(Refusal):
    """The port asked for is taken by another program."""


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


def _server(config, workspace: Workspace):
    """uvicorn's server, told of a stop as soon as it is asked: the workspace kills the files in
    flight and their requests are answered at once, so the graceful shutdown has nothing to wait
    for. uvicorn raises the signal again after shutting down, for whoever handled it before; this
    one ends quietly instead, so that the clean-up after it always runs."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            workspace.stop()
            super().handle_exit(sig, frame)

        @contextlib.contextmanager
        def capture_signals(self):
            if threading.current_thread() is not threading.main_thread():
                yield
                return
            # (a hang-up that was ignored stays ignored: `nohup excel-eval gui` outlives its terminal)
            wanted = [sig for sig in STOP_SIGNALS
                      if not (sig == getattr(signal, "SIGHUP", None) and signal.getsignal(sig) == signal.SIG_IGN)]
            previous = {sig: signal.signal(sig, self.handle_exit) for sig in wanted}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    return Server(config)


def on_console_event(workspace: Workspace, event: int) -> bool:
    """Windows: the console window closed (or the user logging off, the machine shutting down).
    No signal reaches Python then: Windows calls the handler on a thread of its own, and ends
    the process when it returns, or after 5 seconds whatever it does. So the clean-up is done
    here, at once: the child processes killed, the folder removed. False: the default handler
    then ends the process; Ctrl+C and Ctrl+Break go on to Python's own handler (a signal)."""
    if event in CONSOLE_CLOSED:
        workspace.close(wait=CLOSE_WAIT)
    return False


_console_handlers: list = []  # registered with Windows: kept alive until the process ends


def _watch_console(workspace: Workspace) -> None:
    """Register on_console_event with Windows (SetConsoleCtrlHandler)."""
    if os.name != "nt":
        return
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    callback = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)(lambda event: on_console_event(workspace, event))
    if kernel32.SetConsoleCtrlHandler(callback, True):
        _console_handlers.append(callback)


def _end_now(workspace: Workspace) -> None:
    """A file still in flight is being read in this process (no child process to kill): end the
    process at once, which ends that thread, and remove the folder right before (twice: the
    second pass takes what the thread may have written while the first line was printed)."""
    shutil.rmtree(workspace.root, ignore_errors=True)
    _stopped(workspace)
    shutil.rmtree(workspace.root, ignore_errors=True)
    os._exit(0)


def _stopped(workspace: Workspace) -> None:
    if workspace.root.exists():
        print(f"excel-eval 网页已停止；临时文件夹未能删除，请手动删除：{workspace.root}", file=sys.stderr, flush=True)
    else:
        print("excel-eval 网页已停止，临时文件已删除。", file=sys.stderr, flush=True)
    sys.stdout.flush()


def serve(open_browser: bool = True, port: int = 0) -> int:
    """Serve until stopped; 0 when stopped by Ctrl+C, SIGTERM or SIGHUP."""
    import uvicorn

    from .app import create_app

    swept = sweep()
    token = secrets.token_urlsafe(18)
    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/{token}/"
    workspace = Workspace()
    _watch_console(workspace)
    try:
        config = uvicorn.Config(create_app(workspace, token), log_level="warning", access_log=False, lifespan="on",
                                timeout_graceful_shutdown=GRACE)
        server = _server(config, workspace)
        print(url, flush=True)  # the first line: a script or a shortcut reads it
        print("excel-eval 网页已启动（只在本机可用）。在浏览器中打开上面的地址；按 Ctrl+C 停止。", file=sys.stderr,
              flush=True)
        if swept:
            print(f"已删除以前运行留下的临时文件（{swept} 个文件夹）。", file=sys.stderr, flush=True)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        server.run(sockets=[sock])
    finally:
        sock.close()
        clean = workspace.close()  # uploads and outputs: nothing is left in the temporary folder
    if not clean:
        _end_now(workspace)
    _stopped(workspace)
    return 0
