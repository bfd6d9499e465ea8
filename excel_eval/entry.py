"""The console entry point: streams made safe, the drop-on form recognised, no traceback for users."""

from __future__ import annotations

import sys
from pathlib import Path

from .runner import run_files, say
from .vocab import ExitCode

COMMANDS = ("run", "check", "batch", "template", "rules", "demo")


def main(argv: list[str] | None = None) -> None:
    # A console whose encoding is GBK, or output redirected to a file: never crash on a character.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and all(not a.startswith("-") and a not in COMMANDS and Path(a).is_file() for a in args):
            # A workbook dropped on the command: the common case starts without the CLI framework.
            raise SystemExit(run_files([Path(a) for a in args]))
        first = next((a for a in args if not a.startswith("-")), None)
        if first is not None and first not in COMMANDS and not {"--help", "--version"} & set(args):
            args.insert(0, "run")  # excel-eval 文件.xlsx --out 目录
        from .cli import app

        app(args, prog_name="excel-eval")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        say("已中断。")
        raise SystemExit(130) from None
    except Exception:  # noqa: BLE001 (one line for the user, the rest in a log)
        log = _internal_log()
        say(f"内部错误，已停止。详细信息已写入：{log}（请把该文件发给维护人员）")
        raise SystemExit(ExitCode.INTERNAL) from None


def _internal_log() -> Path:
    import datetime as dt
    import tempfile
    import traceback

    from ._version import __version__

    path = Path(tempfile.gettempdir()) / f"excel-eval-错误-{dt.datetime.now():%Y%m%d_%H%M%S}.log"
    path.write_text(f"excel-eval {__version__}\n{' '.join(sys.argv)}\n\n{traceback.format_exc()}", encoding="utf-8")
    return path


__all__ = ["main"]
