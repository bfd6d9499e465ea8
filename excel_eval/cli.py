"""The command line: one short function per command; the library does the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._version import __version__
from .runner import print_json, run_files, summary_line
from .text import display_width, os_reason
from .vocab import ExitCode, Status

EXIT_HELP = "退出码：" + "；".join(f"{c.value} {c.meaning}" for c in ExitCode) + "。"

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
    from .writer.template import write_template

    if out.suffix.lower() != ".xlsx":
        _fail(f"模板是 Excel 工作簿，文件名须以 .xlsx 结尾（收到：{out.name}）", ExitCode.USAGE)
    if out.exists() and not force:
        _fail(f"文件已存在：{out}（如需覆盖请加 --force）", ExitCode.USAGE)
    if not out.parent.exists():
        _fail(f"目录不存在：{out.parent}", ExitCode.USAGE)
    write_template(out)
    typer.echo(f"已生成模板：{out}", err=True)


SchemeOption = Annotated[Optional[Path], typer.Option("--scheme", help="评分体系文件（TOML），覆盖工作簿中的“评分体系”")]
JsonOption = Annotated[bool, typer.Option("--json", help="在标准输出打印 JSON 结果（其他信息写到标准错误）")]
SkipOption = Annotated[str, typer.Option("--skip", metavar="代码[,代码]", help="不报告这些规则的问题，如 R004,S005（不影响得分）")]
OnlyOption = Annotated[str, typer.Option("--only", metavar="代码[,代码]", help="只报告这些规则的问题（不影响得分）")]


@app.command()
def check(file: Annotated[Path, typer.Argument(help="要核对的工作簿（.xlsx）")],
          json_out: JsonOption = False, scheme: SchemeOption = None, skip: SkipOption = "",
          only: OnlyOption = "") -> None:
    """读取、评分并核对工作簿，列出发现的问题（不写任何文件）。"""
    from .pipeline import evaluate

    selection = _selection(skip, only)
    if not file.is_file():
        _fail(f"找不到文件：{file}", ExitCode.USAGE)
    result = evaluate(file, scheme=_scheme(scheme), selection=selection)
    if json_out:
        print_json({**result.as_dict(), "outputs": []})  # check writes nothing
    if not result.ok:
        _fail(f"{file}：{result.reason}", ExitCode.UNREADABLE)
    width = max((display_width(str(f.loc)) for f in result.findings if f.loc), default=0)
    for f in result.findings:  # results on standard output, unless it holds the JSON
        where = str(f.loc) if f.loc else "-"
        effect = f"（{f.effect_text}）" if f.effect_text else ""
        typer.echo(f"{f.severity.value} {f.code} {where}{' ' * (width - display_width(where))}  {f.message}{effect}",
                   err=json_out)
        if f.hint:
            typer.echo(f"{'':<10}→ {f.hint}", err=json_out)
    typer.echo(summary_line(result), err=json_out)
    raise typer.Exit(ExitCode.FINDINGS if result.has_errors else ExitCode.OK)


OutOption = Annotated[Optional[Path], typer.Option("--out", help="输出目录（默认写在原文件旁边）")]
KeepPersonalOption = Annotated[bool, typer.Option("--keep-personal", help="结果中保留负责人、联系电话（仅供内部使用）")]


@app.command()
def run(files: Annotated[list[Path], typer.Argument(help="一个或多个工作簿（.xlsx）")],
        out: OutOption = None, json_out: JsonOption = False, scheme: SchemeOption = None,
        skip: SkipOption = "", only: OnlyOption = "", keep_personal: KeepPersonalOption = False,
        open_result: Annotated[bool, typer.Option("--open", help="完成后用默认程序打开结果工作簿")] = False) -> None:
    """核对、评分并写出“_评价结果.xlsx”和“_标注.xlsx”（原文件不会被修改）。"""
    chosen, selection = _scheme(scheme), _selection(skip, only)
    folders = [f for f in files if f.is_dir()]
    if folders:
        _fail(f"“{folders[0]}”是一个目录；要处理目录中的全部工作簿，请用：excel-eval batch \"{folders[0]}\"", ExitCode.USAGE)
    missing = [f for f in files if not f.is_file()]
    if missing:
        _fail("找不到文件：" + "、".join(str(f) for f in missing), ExitCode.USAGE)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)  # as batch does
        except OSError as exc:
            _fail(f"无法建立输出目录 {out}：{os_reason(exc)}", ExitCode.USAGE)
    raise typer.Exit(run_files(files, out, scheme=chosen, selection=selection, mask=not keep_personal,
                               json_out=json_out, open_result=open_result))


@app.command()
def batch(inbox: Annotated[Path, typer.Argument(help="收件箱目录")],
          out: Annotated[Optional[Path], typer.Option("--out", help="输出目录，默认为 收件箱/评价结果")] = None,
          recursive: Annotated[bool, typer.Option("--recursive", "-r", help="包括子目录")] = False,
          jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="并行数，默认为 CPU 核数")] = None,
          force: Annotated[bool, typer.Option("--force", help="重新处理所有文件（默认跳过未变化的）")] = False,
          settle: Annotated[float, typer.Option("--settle", min=0, help="修改后至少静置多少秒才处理")] = 3.0,
          keep_personal: KeepPersonalOption = False, scheme: SchemeOption = None, skip: SkipOption = "",
          only: OnlyOption = "") -> None:
    """批量处理一个目录：每个工作簿写出结果，另写“汇总_日期时间.xlsx”和运行日志。"""
    from .batch import BatchLocked, run_batch

    if inbox.is_file():
        _fail(f"“{inbox}”是一个文件；batch 处理整个目录，处理单个文件请用：excel-eval run \"{inbox}\"", ExitCode.USAGE)
    if not inbox.is_dir():
        _fail(f"找不到目录：{inbox}", ExitCode.USAGE)
    chosen = _scheme(scheme)  # a mistake in the scheme file is said once, before any workbook is read
    _selection(skip, only)
    bar = _progress()
    try:
        report = run_batch(inbox, out, recursive=recursive, jobs=jobs, force=force, settle=settle,
                           mask=not keep_personal, scheme=chosen, skip=skip, only=only, on_progress=bar,
                           on_log=None if bar else (lambda line: typer.echo(line, err=True)))
    except BatchLocked as exc:
        _fail(str(exc), ExitCode.LOCKED)
    except OSError as exc:
        _fail(f"无法使用输出目录 {out or inbox}：{os_reason(exc)}", ExitCode.USAGE)
    finally:
        if bar:
            bar.stop()
    typer.echo(report.tally())  # the end summary, once, on standard output; progress went to standard error
    for item in report.items:
        if item.status in (Status.FAILED, Status.SKIPPED):
            typer.echo(f"  {item.status.value}：{item.file}：{item.reason}")
    typer.echo(f"汇总表：{report.summary}\n日志：{report.log}")
    errors = any(i.errors for i in report.items)
    raise typer.Exit(ExitCode.UNREADABLE if report.count(Status.FAILED) else
                     ExitCode.FINDINGS if errors else ExitCode.OK)


@app.command()
def demo(folder: Annotated[Path, typer.Argument(help="示例输出目录")] = Path("excel-eval-示例")) -> None:
    """用随附的样例（2022年职业技能培训及就业服务自评报告）演示一次完整运行。"""
    from .pipeline import evaluate
    from .samples import write_sample
    from .writer import write_outputs

    folder.mkdir(parents=True, exist_ok=True)
    source = write_sample("003", folder)
    result = evaluate(source)
    written = write_outputs(result, folder)
    typer.echo(f"示例工作簿：{source}\n{summary_line(result)}\n结果：{written['results']}\n标注：{written['marked']}")


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
    from .schemes import SchemeError, load_scheme

    try:
        return load_scheme(path)
    except SchemeError as exc:
        _fail(str(exc), ExitCode.USAGE)


def _selection(skip: str, only: str):
    from .rules import Selection, UnknownRule

    try:
        return Selection.of(skip, only)
    except UnknownRule as exc:
        _fail(str(exc), ExitCode.USAGE)


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


def _fail(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)
