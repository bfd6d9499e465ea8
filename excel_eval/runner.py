"""Running workbooks one by one and saying what happened, on the console: `excel-eval run` and
the drop-on start (`excel-eval 文件.xlsx`, what the drag-and-drop script runs)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from typing import TYPE_CHECKING

from .text import os_reason
from .vocab import ExitCode

if TYPE_CHECKING:
    from .step import Options


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


def run_files(files: list[Path], options: Options, *, json_out: bool = False, open_result: bool = False,
              say: Callable[[str], None] = say) -> ExitCode:
    """Process each workbook (the one step, `step.py`), print what came of it; the exit code."""
    from .naming import Claims
    from .step import exit_code, pair_inputs, process
    from .voice import UNPAIRED, document, problem_lines, run_lines

    show = say if json_out else tell  # with --json, standard output holds nothing but the JSON
    outcomes, claims = [], Claims()
    pairs, unpaired = pair_inputs(files)  # each workbook with the 自评报告 given for it
    for report in unpaired if pairs else ():
        say(UNPAIRED.format(report=report.name))
    for file, report in [*pairs, *((r, None) for r in unpaired)]:  # a report no workbook is for: alone
        for outcome in process(file, options, claims=claims, paired=report):
            outcomes.append(outcome)
            for line in problem_lines(outcome):
                say(line)
            if outcome.result.ok and not outcome.unwritten:
                for line in run_lines(outcome):
                    show(line)
                if open_result:
                    open_file(outcome.written["results"], say)
    if json_out:
        documents = [document(o) for o in outcomes if not o.skipped]
        print_json(documents[0] if len(documents) == 1 else {"files": documents})
    return exit_code(outcomes)


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
