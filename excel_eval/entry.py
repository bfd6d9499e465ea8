"""The console entry point: streams made safe, a UTF-8 file system, no traceback for users."""

from __future__ import annotations

import os
import sys

from .cli import main as command_line
from .files import internal_log
from .runner import flush, say
from .vocab import ExitCode


def main(argv: list[str] | None = None) -> None:
    # A console whose encoding is GBK, or output redirected to a file: never crash on a character.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    # A library's warnings (openpyxl: "Data Validation extension is not supported") are not the
    # user's business: what matters about a file is said as a finding.
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning)
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:
        _utf8_or_restart(args)
    try:
        code = command_line(args)
        flush()
        if argv is None:
            _end(code)
        raise SystemExit(code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        say("已中断。")
        raise SystemExit(130) from None
    except Exception:  # noqa: BLE001 (one line for the user, the rest in a log)
        log = internal_log()
        say(f"内部错误，已停止。详细信息已写入：{log}（请把该文件发给维护人员）" if log else "内部错误，已停止。")
        raise SystemExit(ExitCode.INTERNAL) from None


def _end(code: int) -> None:
    """End the command's process now that everything is written and said (and flushed), without
    the interpreter's teardown of every module and object it loaded (about as long as a whole check
    of a typical workbook). What registered itself to run at exit still runs. Not while another
    thread runs (the page's server), nor under a profiler or tracer (cProfile, trace, coverage):
    they finish their work after the command returns."""
    import atexit
    import threading

    if threading.active_count() > 1 or sys.gettrace() is not None or sys.getprofile() is not None:
        return
    atexit._run_exitfuncs()
    os._exit(int(code))


def _utf8_or_restart(args: list[str]) -> None:
    """A POSIX console whose locale is C (and PYTHONUTF8=0) gives Python an ASCII file-system
    encoding: no file named in Chinese could be read or written. Start again in UTF-8 mode."""
    if os.name != "posix" or sys.getfilesystemencoding().lower().replace("-", "") == "utf8" \
            or os.environ.get(RESTARTED):
        return
    env = {**os.environ, "PYTHONUTF8": "1", RESTARTED: "1"}
    try:
        os.execve(sys.executable, [sys.executable, "-m", "excel_eval", *map(os.fsencode, args)], env)
    except OSError:
        pass  # carry on as we are: names that cannot be encoded are reported, not crashed on


RESTARTED = "EXCEL_EVAL_UTF8_RESTART"


__all__ = ["main"]
