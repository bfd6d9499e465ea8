"""The command line: one short function per command; the library does the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

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


SchemeOption = Annotated[Optional[Path], typer.Option("--scheme", help="评分体系文件（TOML），覆盖工作簿中的“评分体系”")]
JsonOption = Annotated[bool, typer.Option("--json", help="在标准输出打印 JSON 结果（其他信息写到标准错误）")]


@app.command()
def check(file: Annotated[Path, typer.Argument(help="要核对的工作簿（.xlsx）")],
          json_out: JsonOption = False, scheme: SchemeOption = None) -> None:
    """读取、评分并核对工作簿，列出发现的问题（不写任何文件）。"""
    from .evaluate import evaluate
    from .findings import Severity

    if not file.is_file():
        _fail(f"找不到文件：{file}", EXIT_USAGE)
    result = evaluate(file, _scheme(scheme))
    if json_out:
        _print_json(result.as_dict())
    if not result.ok:
        _fail(f"{file}：{result.reason}", EXIT_UNREADABLE)
    width = max((_width(str(f.loc)) for f in result.findings if f.loc), default=0)
    for f in result.findings:
        where = str(f.loc) if f.loc else "-"
        typer.echo(f"{f.severity.value} {f.code} {where}{' ' * (width - _width(where))}  {f.message}", err=True)
        if f.hint:
            typer.echo(f"{'':<10}→ {f.hint}", err=True)
    s = result.scores
    total = f"核算总分 {s.total:.2f}（{s.grade}）" if s.total is not None else "未能计算总分"
    counts = "，".join(f"{sev.value} {result.count(sev)}" for sev in Severity)
    typer.echo(f"{file.name}：{total}；{counts}", err=True)
    raise typer.Exit(EXIT_FINDINGS if result.has_errors else EXIT_OK)


OutOption = Annotated[Optional[Path], typer.Option("--out", help="输出目录（默认写在原文件旁边）")]
KeepPersonalOption = Annotated[bool, typer.Option("--keep-personal", help="结果中保留负责人、联系电话（仅供内部使用）")]
FIRST_FINDINGS = 5


@app.command()
def run(files: Annotated[list[Path], typer.Argument(help="一个或多个工作簿（.xlsx）")],
        out: OutOption = None, json_out: JsonOption = False, scheme: SchemeOption = None,
        keep_personal: KeepPersonalOption = False) -> None:
    """核对、评分并写出“_评价结果.xlsx”和“_标注.xlsx”（原文件不会被修改）。"""
    from .evaluate import evaluate
    from .findings import Severity
    from .writer import write_outputs

    chosen = _scheme(scheme)
    if out is not None and not out.is_dir():
        _fail(f"输出目录不存在：{out}", EXIT_USAGE)
    missing = [f for f in files if not f.is_file()]
    if missing:
        _fail("找不到文件：" + "、".join(str(f) for f in missing), EXIT_USAGE)
    code, documents = EXIT_OK, []
    for file in files:
        result = evaluate(file, chosen)
        documents.append(result.as_dict())
        if not result.ok:
            typer.echo(f"{file}：{result.reason}", err=True)
            code = max(code, EXIT_UNREADABLE)
            continue
        results_path, marked_path = write_outputs(result, out, mask=not keep_personal)
        s = result.scores
        total = f"核算总分 {s.total:.2f}（{s.grade}）" if s.total is not None else "未能计算总分"
        counts = "，".join(f"{sev.value} {result.count(sev)}" for sev in Severity)
        typer.echo(f"{file.name}：{total}；{counts}", err=True)
        for f in result.findings[:FIRST_FINDINGS]:
            typer.echo(f"  {f.severity.value} {f.code} {f.loc or '-'}  {f.message}", err=True)
        if len(result.findings) > FIRST_FINDINGS:
            typer.echo(f"  ……共 {len(result.findings)} 条，详见结果中的“问题清单”", err=True)
        typer.echo(f"  结果：{results_path}\n  标注：{marked_path}", err=True)
        if result.has_errors:
            code = max(code, EXIT_FINDINGS)
    if json_out:
        _print_json(documents[0] if len(documents) == 1 else {"files": documents})
    raise typer.Exit(code)


@app.command()
def rules(markdown: Annotated[bool, typer.Option("--markdown", help="输出 docs/rules.md 的内容")] = False) -> None:
    """列出全部核对规则（代码、级别、名称、说明）。"""
    from .rules import ALL_RULES, rules_markdown

    if markdown:
        typer.echo(rules_markdown(), nl=False)
        return
    for r in ALL_RULES:
        typer.echo(f"{r.code}  {r.severity.value}  {r.name:<32} {r.what}")


def _scheme(path: Path | None):
    if path is None:
        return None
    from .scoring import SchemeError, load_scheme

    try:
        return load_scheme(path)
    except SchemeError as exc:
        _fail(str(exc), EXIT_USAGE)


def _print_json(data: dict) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fail(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app()
