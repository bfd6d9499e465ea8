"""The console entry point: streams made safe, the drop-on form recognised, no traceback for users."""

from __future__ import annotations

import os
import re
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
    if argv is None:
        _utf8_or_restart(args)
    try:
        if args and all(not a.startswith("-") and a not in COMMANDS and Path(a).is_file() for a in args):
            # A workbook dropped on the command: the common case starts without the CLI framework.
            raise SystemExit(run_files([Path(a) for a in args]))
        first = next((a for a in args if not a.startswith("-")), None)
        if first is not None and first not in COMMANDS and not {"--help", "--version"} & set(args):
            meant = _misspelled(first)
            if meant:
                say(f"没有“{first}”这个命令，您是不是要用 excel-eval {meant}？（excel-eval --help 列出全部命令）")
                raise SystemExit(ExitCode.USAGE)
            args.insert(0, "run")  # excel-eval 文件.xlsx --out 目录
        raise SystemExit(_cli(args))
    except SystemExit:
        raise
    except KeyboardInterrupt:
        say("已中断。")
        raise SystemExit(130) from None
    except Exception:  # noqa: BLE001 (one line for the user, the rest in a log)
        log = _internal_log()
        say(f"内部错误，已停止。详细信息已写入：{log}（请把该文件发给维护人员）" if log else "内部错误，已停止。")
        raise SystemExit(ExitCode.INTERNAL) from None


def _misspelled(word: str) -> str | None:
    """`chek` → check: a word that is no file and looks like a command mistyped."""
    import difflib

    if Path(word).exists() or Path(word).suffix or "/" in word or "\\" in word:
        return None
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def _cli(args: list[str]) -> int:
    """The typer commands, with the framework's own usage errors answered in Chinese."""
    from .cli import app

    try:
        code = app(args, prog_name="excel-eval", standalone_mode=False)
    except Exception as exc:  # noqa: BLE001 (the framework's errors, known by their class names)
        kinds = _kinds(exc)
        if "Abort" in kinds:
            say("已中断。")
            return 130
        if "UsageError" not in kinds:
            raise
        say(usage_error(exc))
        return ExitCode.USAGE
    return code if isinstance(code, int) else ExitCode.OK


def _kinds(exc: BaseException) -> set[str]:
    """The class names of an exception and its bases: click's errors come from click itself or
    from the copy typer carries, so they are known by name."""
    return {c.__name__ for c in type(exc).__mro__}


ARGUMENT_NAMES = {"file": "要核对的工作簿", "files": "要处理的工作簿", "inbox": "收件箱目录"}


def usage_error(exc) -> str:
    """A click usage error as one Chinese sentence with the way out."""
    kinds = _kinds(exc)
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "excel-eval"
    help_line = f"（{command} --help 列出用法）"
    param = getattr(exc, "param", None)
    if "NoSuchOption" in kinds:
        possible = getattr(exc, "possibilities", None)
        maybe = f"，您是不是要用 {'、'.join(sorted(possible))}" if possible else ""
        return f"没有“{exc.option_name}”这个选项{maybe}{help_line}"
    if "MissingParameter" in kinds and param is not None:
        what = ARGUMENT_NAMES.get(param.name, param.name)
        return f"缺少{what}：{command} {'文件.xlsx' if param.name in ('file', 'files') else '目录'}{help_line}"
    if "BadOptionUsage" in kinds:
        return f"选项“{exc.option_name}”需要一个值{help_line}"
    if "BadParameter" in kinds and param is not None:
        names = "/".join(param.opts) or param.name
        return f"“{names}”的值不对：{_bad_value(exc)}{help_line}"
    message = getattr(exc, "message", "") or ""
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return f"多余的参数：{extra[1]}（一次只能给一个文件或目录；多个工作簿请用 excel-eval run 或 batch）{help_line}"
    return f"用法有误{help_line}"


def _bad_value(exc) -> str:
    bound = re.search(r"(greater|less) than or equal to (\S+)", getattr(exc, "message", "") or "")
    if bound:
        return f"应不{'小' if bound[1] == 'greater' else '大'}于 {bound[2]}"
    kind = getattr(exc.param, "type", None)
    name = getattr(kind, "name", "")
    if name == "integer" or "integer" in (exc.message or ""):
        return "应为整数"
    if name in ("float", "number") or "number" in (exc.message or ""):
        return "应为数字"
    if "range" in name or "range" in (exc.message or ""):
        return "超出允许的范围"
    return "无法识别"


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


def _internal_log() -> Path | None:
    """The traceback, in a log file for the maintainers; None when not even that can be written."""
    import datetime as dt
    import tempfile
    import traceback

    from ._version import __version__

    text = f"excel-eval {__version__}\n{' '.join(sys.argv)}\n\n{traceback.format_exc()}"
    stamp = f"{dt.datetime.now():%Y%m%d_%H%M%S}"
    for name in (f"excel-eval-错误-{stamp}.log", f"excel-eval-error-{stamp}.log"):  # the second for an ASCII locale
        path = Path(tempfile.gettempdir()) / name
        try:
            path.write_text(text, encoding="utf-8", errors="replace")
            return path
        except (OSError, UnicodeError):
            continue
    return None


__all__ = ["main"]
