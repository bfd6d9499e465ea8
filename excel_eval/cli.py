"""The command line: one short function per command; the library does the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .runner import (EXIT_FINDINGS, EXIT_LOCKED, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, print_json, run_files,
                     summary_line)

EXIT_HELP = "退出码：0 无错误；1 有错误；2 用法错误；3 文件无法读取；4 内部错误；5 输出目录正被另一个批处理使用。"

app = typer.Typer(
    name="excel-eval",
    help="项目支出绩效自评工作簿的核对与评分工具。\n\n直接把工作簿拖到命令上即可：excel-eval 文件.xlsx\n\n" + EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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

    if not file.is_file():
        _fail(f"找不到文件：{file}", EXIT_USAGE)
    result = evaluate(file, _scheme(scheme))
    if json_out:
        print_json(result.as_dict())
    if not result.ok:
        _fail(f"{file}：{result.reason}", EXIT_UNREADABLE)
    width = max((_width(str(f.loc)) for f in result.findings if f.loc), default=0)
    for f in result.findings:
        where = str(f.loc) if f.loc else "-"
        typer.echo(f"{f.severity.value} {f.code} {where}{' ' * (width - _width(where))}  {f.message}", err=True)
        if f.hint:
            typer.echo(f"{'':<10}→ {f.hint}", err=True)
    typer.echo(summary_line(result), err=True)
    raise typer.Exit(EXIT_FINDINGS if result.has_errors else EXIT_OK)


OutOption = Annotated[Optional[Path], typer.Option("--out", help="输出目录（默认写在原文件旁边）")]
KeepPersonalOption = Annotated[bool, typer.Option("--keep-personal", help="结果中保留负责人、联系电话（仅供内部使用）")]


@app.command()
def run(files: Annotated[list[Path], typer.Argument(help="一个或多个工作簿（.xlsx）")],
        out: OutOption = None, json_out: JsonOption = False, scheme: SchemeOption = None,
        keep_personal: KeepPersonalOption = False,
        open_result: Annotated[bool, typer.Option("--open", help="完成后用默认程序打开结果工作簿")] = False) -> None:
    """核对、评分并写出“_评价结果.xlsx”和“_标注.xlsx”（原文件不会被修改）。"""
    chosen = _scheme(scheme)
    if out is not None and not out.is_dir():
        _fail(f"输出目录不存在：{out}", EXIT_USAGE)
    missing = [f for f in files if not f.is_file()]
    if missing:
        _fail("找不到文件：" + "、".join(str(f) for f in missing), EXIT_USAGE)
    raise typer.Exit(run_files(files, out, chosen, not keep_personal, json_out, open_result))


@app.command()
def batch(inbox: Annotated[Path, typer.Argument(help="收件箱目录")],
          out: Annotated[Optional[Path], typer.Option("--out", help="输出目录，默认为 收件箱/评价结果")] = None,
          recursive: Annotated[bool, typer.Option("--recursive", "-r", help="包括子目录")] = False,
          jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="并行数，默认为 CPU 核数")] = None,
          force: Annotated[bool, typer.Option("--force", help="重新处理所有文件（默认跳过未变化的）")] = False,
          settle: Annotated[float, typer.Option("--settle", min=0, help="修改后至少静置多少秒才处理")] = 3.0,
          keep_personal: KeepPersonalOption = False, scheme: SchemeOption = None) -> None:
    """批量处理一个目录：每个工作簿写出结果，另写“汇总_日期时间.xlsx”和运行日志。"""
    from .batch import BatchLocked, run_batch

    if not inbox.is_dir():
        _fail(f"找不到目录：{inbox}", EXIT_USAGE)
    _scheme(scheme)  # a mistake in the scheme file is said once, before any workbook is read
    out = out or inbox / "评价结果"
    bar = _progress()
    try:
        report = run_batch(inbox, out, recursive, jobs, force, settle, not keep_personal,
                           say=(lambda line: None) if bar else (lambda line: typer.echo(line, err=True)),
                           progress=bar, scheme=scheme)
    except BatchLocked as exc:
        _fail(str(exc), EXIT_LOCKED)
    except OSError as exc:
        _fail(f"无法使用输出目录 {out}：{exc.strerror or exc}", EXIT_USAGE)
    finally:
        if bar:
            bar.stop()
    typer.echo(f"完成 {report.count('完成')}，未变化 {report.count('未变化')}，失败 {report.count('失败')}，"
               f"跳过 {report.count('跳过')}", err=True)
    for item in report.items:
        if item.status in ("失败", "跳过"):
            typer.echo(f"  {item.status}：{item.file}：{item.reason}", err=True)
    typer.echo(f"汇总表：{report.summary}\n日志：{report.log}", err=True)
    failed = report.count("失败") > 0
    errors = any(i.errors for i in report.items)
    raise typer.Exit(EXIT_UNREADABLE if failed else EXIT_FINDINGS if errors else EXIT_OK)


@app.command()
def demo(folder: Annotated[Path, typer.Argument(help="示例输出目录")] = Path("excel-eval-示例")) -> None:
    """用随附的样例（2022年职业技能培训及就业服务自评报告）演示一次完整运行。"""
    from .evaluate import evaluate
    from .samples import write_sample
    from .writer import write_outputs

    folder.mkdir(parents=True, exist_ok=True)
    source = write_sample("003", folder)
    result = evaluate(source)
    results_path, marked_path = write_outputs(result, folder)
    s = result.scores
    typer.echo(f"示例工作簿：{source}\n核算总分 {s.total:.2f}（{s.grade}），发现问题 {len(result.findings)} 条。\n"
               f"结果：{results_path}\n标注：{marked_path}", err=True)


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


def _progress():
    """A rich progress bar on a terminal; None when output is redirected (plain lines then)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("评价中"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                   transient=True)
    bar.start()
    task = bar.add_task("", total=None)

    def update(done: int, total: int, item) -> None:
        bar.update(task, completed=done, total=total, description=item.file)

    update.stop = bar.stop
    return update


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fail(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)
