"""Running workbooks one by one and saying what happened.

Shared by `excel-eval run` and the drop-on start (`excel-eval 文件.xlsx`), which skips loading the
CLI framework: a finance office double-clicks the drag-and-drop script many times a day.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .text import os_reason
from .vocab import UNGRADED, ExitCode, Severity

FIRST_FINDINGS = 5


def say(message: str) -> None:
    """Progress and problems: standard error."""
    _print(message, sys.stderr)


def tell(message: str) -> None:
    """Results: standard output (`excel-eval run x.xlsx > 记录.txt` keeps them), unless --json."""
    _print(message, sys.stdout)


def _print(message: str, stream) -> None:
    try:
        print(message, file=stream)
    except BrokenPipeError:  # `excel-eval … | head -1`: the reader has gone; the work goes on unprinted
        _discard(stream)


def flush() -> None:
    """Flush both streams before exit; a reader that has gone is no error (see `_print`)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            _discard(stream)


def _discard(stream) -> None:
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def run_files(files: list[Path], out: Path | None = None, *, scheme=None, selection=None, mask: bool = True,
              json_out: bool = False, open_result: bool = False, report: bool = True,
              say: Callable[[str], None] = say) -> ExitCode:
    """Evaluate each workbook, write its outputs, print a short summary; return the exit code."""
    from .pipeline import evaluate_all
    from .writer import is_own_output, output_paths, write_outputs

    code, documents = ExitCode.OK, []
    show = say if json_out else tell  # with --json, standard output holds nothing but the JSON
    for file in files:
        if is_own_output(file):  # a whole folder dropped on the .bat: never …_评价结果_评价结果.xlsx
            say(f"{file.name}：本工具写出的结果文件，已跳过")
            continue
        for result in evaluate_all(file, scheme=scheme, selection=selection):
            document = result.as_dict()
            documents.append(document)
            if not result.ok:
                say(f"{file}：{result.reason}")
                code = max(code, exit_code(result))
                continue
            wanted = output_paths(file, out, result.part)
            try:
                written = write_outputs(result, out, mask=mask, report=report)
            except OSError as exc:
                say(f"{file.name}：无法写出结果到 {wanted['results'].parent}：{os_reason(exc)}")
                code = max(code, ExitCode.UNREADABLE)
                continue
            document["outputs"] = [str(p) for p in written.values()]
            show(summary_line(result))
            for f in result.findings[:FIRST_FINDINGS]:
                effect = f"（{f.effect_text}）" if f.effect_text else ""
                show(f"  {f.severity.value} {f.code} {f.loc or '-'}  {f.message}{effect}")
            if len(result.findings) > FIRST_FINDINGS:
                show(f"  ……共 {len(result.findings)} 条，详见结果中的“问题清单”")
            show(f"  结果：{written['results']}")
            show(f"  标注：{written['marked']}" if "marked" in written else "  标注：" + no_marked_copy(result))
            if "report" in written:
                show(f"  报告：{written['report']}")
            for kind, path in written.items():
                if path != wanted[kind]:
                    say(f"  注意：{wanted[kind].name} 正被其他程序打开（如 Excel），已另存为 {path.name}")
            if open_result:
                open_file(written["results"], say)
            if result.has_errors:
                code = max(code, ExitCode.FINDINGS)
    if json_out:
        print_json(documents[0] if len(documents) == 1 else {"files": documents})
    return code


def exit_code(result) -> ExitCode:
    """The exit code a workbook that gave no result stands for."""
    from .vocab import Failure

    return ExitCode.USAGE if result.failure is Failure.SCHEME_MISMATCH else ExitCode.UNREADABLE


def no_marked_copy(result) -> str:
    """Why a readable workbook got no marked-up copy."""
    return {"xls": "文件是旧版 .xls 格式，无法生成标注副本，请另存为 .xlsx",
            "ods": "文件是 .ods（OpenDocument）格式，无法生成标注副本，请另存为 .xlsx"}.get(
        result.model.file_format, "文件结构不完整，无法生成标注副本；请用 Excel 或 WPS 打开后另存一次")


def summary_line(result) -> str:
    """`文件.xlsx：核算总分 92.00（优）；错误 32，警告 3，提示 2`"""
    errors = result.count(Severity.ERROR)
    provisional = f"，待更正：{errors} 个错误" if errors else ""  # a grade from a self-contradicting workbook
    total = f"核算总分 {result.total_score:.2f}（{result.grade or UNGRADED}{provisional}）" if result.total_score is not None \
        else "未能计算总分"
    name = f"{result.path.name}（{result.part}）" if result.part else result.path.name
    return f"{name}：{total}；" + "，".join(f"{sev.value} {n}" for sev, n in result.counts.items())


def print_json(document: dict) -> None:
    """The JSON document alone on standard output."""
    import json

    _print(json.dumps(document, ensure_ascii=False, indent=2), sys.stdout)


def open_file(path: Path, say: Callable[[str], None] = say) -> None:
    """Open with the system's default program: Windows, and Linux desktops (统信UOS, 麒麟) via xdg-open."""
    import os
    import subprocess

    try:
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # noqa: S606
        else:
            subprocess.Popen(["open" if sys.platform == "darwin" else "xdg-open", str(path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as exc:
        say(f"  无法自动打开 {path.name}：{os_reason(exc)}，请手动打开。")
