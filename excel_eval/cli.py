"""The command line: one short function per command; the library does the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="excel-eval",
    help="项目支出绩效自评工作簿的核对与评分工具。\n\n退出码：0 无错误；1 有错误；2 用法错误；3 文件无法读取；4 内部错误。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4


def _version(value: bool) -> None:
    if value:
        typer.echo(f"excel-eval {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="显示版本号")] = False) -> None:
    """项目支出绩效自评工作簿的核对与评分工具。"""


@app.command()
def template(out: Annotated[Path, typer.Argument(help="输出文件，默认为当前目录下的 绩效自评模板_v1.xlsx")]
             = Path("绩效自评模板_v1.xlsx"),
             force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件")] = False) -> None:
    """生成空白的标准工作簿模板。"""
    from .template import write_template

    if out.exists() and not force:
        _fail(f"文件已存在：{out}（如需覆盖请加 --force）", EXIT_USAGE)
    if not out.parent.exists():
        _fail(f"目录不存在：{out.parent}", EXIT_USAGE)
    write_template(out)
    typer.echo(f"已生成模板：{out}", err=True)


@app.command()
def check(file: Annotated[Path, typer.Argument(help="要核对的工作簿（.xlsx）")]) -> None:
    """读取并核对工作簿，列出发现的问题（不写任何文件）。"""
    from .findings import Severity, sort_findings
    from .reader import ReadError, read_workbook

    if not file.is_file():
        _fail(f"找不到文件：{file}", EXIT_USAGE)
    try:
        reading = read_workbook(file)
    except ReadError as exc:
        _fail(f"{file}：{exc}", EXIT_UNREADABLE)
    findings = sort_findings(reading.findings)
    for f in findings:
        typer.echo(f"{f}\n    → {f.hint}" if f.hint else str(f), err=True)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    typer.echo(f"{file.name}：" + "，".join(f"{s.value} {n}" for s, n in counts.items()), err=True)
    raise typer.Exit(EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK)


def _fail(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app()
