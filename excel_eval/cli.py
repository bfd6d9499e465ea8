"""The command line: one table of commands and options, read by a small parser that answers
every slip in Chinese with the way out; one short function per command, the library does the work.

The table is the whole command line: parsing, `--help` and the README check all read it. It is
written here rather than with a framework because the framework's import alone cost more than
reading a workbook, and its help and messages were English.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ._version import __version__
from .errors import Refusal
from .runner import print_json, run_files, say, tell
from .text import display_width, os_reason
from .vocab import ExitCode, Status

EXIT_HELP = "退出码：" + "；".join(f"{c.value} {c.meaning}" for c in ExitCode) + "。"


class Stop(Refusal):
    """Stop with one Chinese sentence on standard error and an exit code (a usage slip by default)."""

    def __init__(self, message: str, code: int = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.code = code


class Option(NamedTuple):
    flags: tuple[str, ...]  # the long form first: ("--jobs", "-j")
    help: str
    value: str = ""  # what the value is called in the help ("目录"); empty for a switch
    kind: Callable = str  # str, Path, int or float
    minimum: float | None = None
    dest: str = ""  # the action's parameter, when not the long flag's name
    maximum: float | None = None

    @property
    def name(self) -> str:
        return self.dest or self.flags[0].lstrip("-").replace("-", "_")

    @property
    def shown(self) -> str:
        return ", ".join(reversed(self.flags)) + (f" {self.value}" if self.value else "")


class Argument(NamedTuple):
    name: str  # the action's parameter
    shown: str  # "文件.xlsx"
    help: str
    many: bool = False
    default: Path | None = None  # None: required, unless optional
    optional: bool = False  # may be left out, with no default (help's command, drop's paths)

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional


class Command(NamedTuple):
    name: str
    help: str
    arguments: tuple[Argument, ...]
    options: tuple[Option, ...]
    action: Callable[..., int]
    extra: str = ""  # what to do instead, when given more arguments than it takes


COMMANDS: dict[str, Command] = {}
HELP = Option(("--help", "-h"), "显示本说明")
VERSION = Option(("--version",), "显示版本号")


def command(help: str, arguments: tuple[Argument, ...] = (), options: tuple[Option, ...] = (), extra: str = ""):
    """Register a command: its function's name is the command's name."""
    def register(action: Callable[..., int]) -> Callable[..., int]:
        COMMANDS[action.__name__] = Command(action.__name__, help, arguments, (*options, HELP), action, extra)
        return action
    return register


# --- the commands ---------------------------------------------------------------------------------

OUT = Option(("--out",), "输出目录（默认写在原文件旁边；不存在时自动建立）", "目录", Path)
JSON = Option(("--json",), "在标准输出打印 JSON 结果（其他信息写到标准错误）", dest="json_out")
SCHEME = Option(("--scheme",), "评分体系：内置的“四级指标”“自评表”，或 TOML 文件（覆盖工作簿中的“评分体系”）", "评分体系")
SKIP = Option(("--skip",), "不报告这些规则的问题，如 R004,S005（不影响得分）", "代码[,代码]")
ONLY = Option(("--only",), "只报告这些规则的问题（不影响得分）", "代码[,代码]")
KEEP_PERSONAL = Option(("--keep-personal",), "结果和报告中保留负责人、联系电话（仅供内部使用）")
NO_REPORT = Option(("--no-report",), "不写“_自评报告.docx”（默认写出）")
WORKBOOKS = "工作簿（.xlsx、.xlsm、.xls、.ods）"


@command("核对、评分并写出“_评价结果.xlsx”“_标注.xlsx”和“_自评报告.docx”（原文件不会被修改）。",
         (Argument("files", "文件.xlsx…", "要处理的" + WORKBOOKS + "，一个或多个；同名的自评报告（.docx、.pdf）"
                   "一并给出时与它对照核对", many=True),),
         (OUT, JSON, SCHEME, SKIP, ONLY, KEEP_PERSONAL, NO_REPORT,
          Option(("--open",), "完成后用默认程序（Excel/WPS）打开结果工作簿", dest="open_result")))
def run(files: list[Path], out: Path | None, json_out: bool, scheme: str | None, skip: str | None, only: str | None,
        keep_personal: bool, no_report: bool, open_result: bool) -> int:
    options = _options(scheme, skip, only, out=out, mask=not keep_personal, report=not no_report)
    folders = [f for f in files if f.is_dir()]
    if folders:
        raise Stop(f"“{folders[0]}”是一个目录；要处理目录中的全部工作簿，请用：excel-eval batch \"{folders[0]}\"")
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise Stop("找不到文件：" + "、".join(str(f) for f in missing))
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)  # as batch does
        except OSError as exc:
            raise Stop(f"无法建立输出目录 {out}：{os_reason(exc)}", ExitCode.UNWRITABLE) from None
    return run_files(files, options, json_out=json_out, open_result=open_result)


@command("读取、评分并核对工作簿，列出发现的问题（不写任何文件）；可同时给出它的自评报告，或只给自评报告。",
         (Argument("file", "文件.xlsx", "要核对的" + WORKBOOKS + "，或一份自评报告（.docx、.pdf）"),
          Argument("report", "自评报告.docx", "与工作簿一同报送的自评报告（.docx 或有文字层的 .pdf），与工作簿对照核对",
                   optional=True)), (JSON, SCHEME, SKIP, ONLY),
         extra="check 一次核对一个工作簿（及其自评报告）；多个工作簿请用 excel-eval run 或 batch")
def check(file: Path, report: Path | None, json_out: bool, scheme: str | None, skip: str | None,
          only: str | None) -> int:
    from .step import exit_code, is_report, process
    from .voice import check_lines, document, problem_lines

    options = _options(scheme, skip, only, outputs=False)  # check writes nothing
    if file.is_dir():
        raise Stop(f"“{file}”是一个目录；check 核对一个工作簿，处理整个目录请用：excel-eval batch \"{file}\"")
    if not file.is_file():
        raise Stop(f"找不到文件：{file}")
    if report is not None and not report.is_file():
        raise Stop(f"找不到文件：{report}")
    if report is not None and not is_report(report):
        raise Stop(f"“{report.name}”不是自评报告（.docx 或 .pdf）；check 一次核对一个工作簿，多个工作簿请用 excel-eval run 或 batch")
    outcomes = process(file, options, paired=report)
    if json_out:  # one document, or one per project of a workbook holding several
        documents = [document(o) for o in outcomes]
        print_json(documents[0] if len(documents) == 1 else {"files": documents})
    if len(outcomes) == 1 and not outcomes[0].result.ok:
        raise Stop(problem_lines(outcomes[0])[0], outcomes[0].code)
    show = say if json_out else tell  # results on standard output, unless it holds the JSON
    for outcome in outcomes:
        result = outcome.result
        if not result.ok:
            say(problem_lines(outcome)[0])
            continue
        if len(outcomes) > 1:
            show(f"—— 工作表“{result.part}” ——")
        for line in check_lines(result):
            show(line)
    return exit_code(outcomes)


@command("批量处理一个目录：每个工作簿写出结果和报告，另写“汇总_日期时间.xlsx”（汇总、抽查优先、按主管部门、"
         "历年对比和统计图）和运行日志。",
         (Argument("inbox", "收件箱目录", "要处理的目录"),),
         (Option(("--out",), "输出目录，默认为 收件箱/评价结果", "目录", Path),
          Option(("--recursive", "-r"), "包括子目录"),
          Option(("--jobs", "-j"), "并行数，默认为 CPU 核数", "N", int, minimum=1),
          Option(("--force",), "重新处理所有文件（默认跳过未变化的）"),
          Option(("--settle",), "修改后至少静置多少秒才处理（默认 3）", "秒", float, minimum=0),
          Option(("--timeout",), "每个工作簿最长处理多少秒（默认 300），超时记为失败、下次再试", "秒", float, minimum=1),
          Option(("--summary-only",), "只写汇总表（财政局审核用），不逐个写结果、标注和报告"),
          Option(("--json",), "在标准输出打印汇总、抽查优先、按主管部门和历年对比的 JSON（进度写到标准错误）",
                 dest="json_out"),
          KEEP_PERSONAL, NO_REPORT, SCHEME, SKIP, ONLY,
          Option(("--fix",), "每个工作簿另写一份“_已更正.xlsx”（同 excel-eval fix），汇总表写明更正了几处")),
         extra="batch 一次处理一个目录")
def batch(inbox: Path, out: Path | None, recursive: bool, jobs: int | None, force: bool, settle: float | None,
          timeout: float | None, summary_only: bool, json_out: bool, keep_personal: bool, no_report: bool, scheme: str | None,
          skip: str | None, only: str | None, fix: bool = False) -> int:
    from .batch import DEFAULT_TIMEOUT, run_batch
    from .step import Fixing

    if inbox.is_file():
        raise Stop(f"“{inbox}”是一个文件；batch 处理整个目录，处理单个文件请用：excel-eval run \"{inbox}\"")
    if not inbox.is_dir():
        raise Stop(f"找不到目录：{inbox}")
    # (a mistake in the scheme file or a rule code is said once, before any workbook is read)
    options = _options(scheme, skip, only, mask=not keep_personal, report=not no_report, outputs=not summary_only,
                       fix=Fixing(write=not summary_only) if fix else None)
    bar = _progress()
    try:
        report = run_batch(inbox, out, options=options, recursive=recursive, jobs=jobs, force=force,
                           settle=3.0 if settle is None else settle, timeout=timeout or DEFAULT_TIMEOUT,
                           on_progress=bar, on_log=None if bar else say)
    except OSError as exc:
        raise Stop(f"无法使用输出目录 {report_folder(inbox, out)}：{os_reason(exc)}", ExitCode.UNWRITABLE) from None
    finally:
        if bar:
            bar.stop()
    show = say if json_out else tell  # the JSON alone on standard output when asked for
    if report.note:  # nothing to do: one line, and nothing written
        if json_out:
            print_json({"tally": {s.value: report.count(s) for s in Status}, "summary": "", "note": report.note})
        show(f"{report.note}（收件箱 {inbox}，输出目录 {report.out}）")
        return report.code
    if json_out:
        print_json({"tally": {s.value: report.count(s) for s in Status}, "summary": str(report.summary or ""),
                    **report.views.as_json()})
    show(report.tally())  # the end summary, once; progress went to standard error
    if report.fixed is not None:
        show(f"更正：共 {report.fixed[0]} 处，写出“_已更正.xlsx” {report.fixed[1]} 份（各工作簿的更正见汇总表“更正”列）")
    for item in report.problems():
        show(f"  {item.status.value}：{item.file}：{item.reason}")
    if report.problem:
        say(report.problem)
    else:
        show(f"汇总表：{report.summary}")
    show(f"日志：{report.log}")
    return report.code


def report_folder(inbox: Path, out: Path | None) -> Path:
    """The output folder a batch uses: `--out`, else the inbox's own 评价结果."""
    from .batch import DEFAULT_OUT

    return out if out is not None else inbox / DEFAULT_OUT


@command("按算术更正工作簿中由其他数字算出的单元格（合计、结余、执行率、得分率、扣分、问卷占比和得分、项目信息重复的数字），"
         "写出“_已更正.xlsx”（原文件不会被修改），列出每处更正和留待人工处理的问题。",
         (Argument("file", "文件.xlsx", "要更正的" + WORKBOOKS),),
         (OUT, Option(("--dry-run",), "只列出要更正的单元格，不写文件"),
          Option(("--scores",), "同时按评分规则改写定量指标和预算执行率的得分（评价人可能采用了其他规则，请核实）")),
         extra="fix 一次更正一个工作簿；多个工作簿请用 excel-eval batch --fix")
def fix(file: Path, out: Path | None, dry_run: bool, scores: bool) -> int:
    from .step import Fixing, exit_code, process
    from .voice import fix_lines, problem_lines

    if file.is_dir():
        raise Stop(f"“{file}”是一个目录；fix 更正一个工作簿，更正整个目录请用：excel-eval batch \"{file}\" --fix")
    if not file.is_file():
        raise Stop(f"找不到文件：{file}")
    if out is not None and not dry_run:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Stop(f"无法建立输出目录 {out}：{os_reason(exc)}", ExitCode.UNWRITABLE) from None
    outcomes = process(file, _options(None, None, None, out=out, outputs=False,
                                      fix=Fixing(scores=scores, write=not dry_run)))
    first = outcomes[0]
    if not first.result.ok:
        raise Stop(problem_lines(first)[0], first.code)
    if first.unwritten:
        raise Stop(f"{file.name}：无法写出更正副本到 {out or file.parent}：{first.unwritten}", ExitCode.UNWRITABLE)
    for line in fix_lines(first, dry_run):
        tell(line)
    return exit_code(outcomes)


@command("在浏览器中打开本机网页：把工作簿或文件夹拖进去，即可核对、评分、看图表、下载结果（只在本机 127.0.0.1 上提供，"
         "地址含访问令牌；按 Ctrl+C 停止，临时文件随之删除）。",
         (), (Option(("--no-browser",), "不自动打开浏览器（地址仍打印在第一行）"),
              Option(("--port",), "端口（1–65535，默认自动选一个空闲端口）", "端口", int, minimum=1,
                     maximum=65535)))
def gui(no_browser: bool, port: int | None) -> int:
    from .gui.server import serve

    return serve(open_browser=not no_browser, port=port or 0)  # a port in use: PortInUse, one line


@command("用随附的两个样例演示完整运行：一份标准模板工作簿（2022年职业技能培训及就业服务）和一份单位公开的"
         "项目支出绩效自评表（棠溪镇委托业务项目），并显示输出位置。",
         (Argument("folder", "目录", "示例输出目录（默认为 excel-eval-示例）", default=Path("excel-eval-示例")),))
def demo(folder: Path) -> int:
    from .step import Options, process
    from .samples import write_demo_form, write_sample
    from .voice import summary_line

    try:
        folder.mkdir(parents=True, exist_ok=True)
        sources = [write_sample("003", folder), write_demo_form(folder)]
    except OSError as exc:
        raise Stop(f"无法在目录 {folder} 中写出示例：{os_reason(exc)}", ExitCode.UNWRITABLE) from None
    for source in sources:
        outcome = process(source, Options(out=folder))[0]
        if outcome.unwritten:
            raise Stop(f"无法在目录 {folder} 中写出示例的结果：{outcome.unwritten}", ExitCode.UNWRITABLE)
        written = outcome.written
        tell(f"示例工作簿：{source}\n{summary_line(outcome.result)}\n结果：{written['results']}\n标注：{written['marked']}\n"
             f"报告：{written['report']}\n")
    return ExitCode.OK


@command("生成空白的标准工作簿模板。",
         (Argument("out", "输出.xlsx", "输出文件（默认为当前目录下的 绩效自评模板_v1.xlsx）",
                   default=Path("绩效自评模板_v1.xlsx")),),
         (Option(("--force",), "覆盖已存在的文件"),))
def template(out: Path, force: bool) -> int:
    from .writer.template import write_template

    if out.suffix.lower() != ".xlsx":
        raise Stop(f"模板是 Excel 工作簿，文件名须以 .xlsx 结尾（收到：{out.name}）")
    if out.exists() and not force:
        raise Stop(f"文件已存在：{out}（如需覆盖请加 --force）")
    if not out.parent.exists():
        raise Stop(f"目录不存在：{out.parent}")
    try:
        write_template(out)
    except OSError as exc:
        raise Stop(f"无法写出模板 {out}：{os_reason(exc)}", ExitCode.UNWRITABLE) from None
    say(f"已生成模板：{out}")
    return ExitCode.OK


@command("列出全部核对规则（代码、级别、名称、说明）。",
         options=(Option(("--markdown",), "输出 docs/rules.md 的内容"),))
def rules(markdown: bool) -> int:
    from .rules import ALL_RULES, rules_markdown

    if markdown:
        sys.stdout.write(rules_markdown())
        return ExitCode.OK
    for r in ALL_RULES:
        tell(f"{r.code}  {r.severity.value}  {r.name:<32} {r.what}")
    return ExitCode.OK


@command("显示全部命令的用法，或一个命令的参数和选项（同 --help）。",
         (Argument("topic", "命令", "要说明的命令（不写则列出全部命令）", optional=True),))
def help(topic: Path | None) -> int:  # noqa: A001 (the command's name)
    if topic is None:
        tell(main_help())
        return ExitCode.OK
    name = str(topic)
    if name not in COMMANDS:
        meant = misspelled(name)
        guess = f"您是不是要用 excel-eval help {meant}？" if meant else f"全部命令：{'、'.join(COMMANDS)}"
        raise Stop(f"没有“{name}”这个命令，{guess}（excel-eval --help 列出全部命令）")
    tell(command_help(COMMANDS[name]))
    return ExitCode.OK


# What the drag-and-drop script (scripts/excel-eval-拖放.bat) hands over: cmd's own command line, and the script.
LAUNCH_LINE, LAUNCH_SCRIPT = "EXCEL_EVAL_LAUNCH", "EXCEL_EVAL_SCRIPT"
DROP_USAGE = ("没有收到要处理的文件。用法：把一个或多个工作簿（.xlsx、.xlsm、.xls、.ods），或一个文件夹，"
              "拖到“excel-eval-拖放”图标上松开：工作簿逐个核对、评分并在旁边写出结果；文件夹按批处理（同 excel-eval batch）"
              "处理其中全部工作簿。也可以双击“excel-eval-网页”，在浏览器中拖入工作簿。")


@command("拖放脚本所用：拖来的工作簿核对、评分并写出结果（同 run），文件夹按批处理（同 batch）；结束时说明"
         "是否成功、结果和报告在哪里。",
         (Argument("paths", "文件或目录…", "拖放的工作簿或文件夹（Windows 拖放脚本从命令行原文中取得）",
                   many=True, optional=True),))
def drop(paths: list[Path] | None) -> int:
    from .naming import MARKED_SUFFIX, REPORT_SUFFIX, RESULTS_SUFFIX

    dropped = launched_paths(os.environ.get(LAUNCH_LINE, ""), os.environ.get(LAUNCH_SCRIPT, ""))
    dropped = (paths or []) if dropped is None else dropped
    if not dropped:
        tell(DROP_USAGE)
        return ExitCode.USAGE
    folders = [p for p in dropped if p.is_dir()]
    files = [p for p in dropped if not p.is_dir()]
    codes = [main(["run", "--", *map(str, files)])] if files else []
    for folder in folders:
        tell(f"\n—— 文件夹 {folder}（批处理）——")
        codes.append(main(["batch", "--", str(folder)]))
    code = ExitCode(max(codes))
    where = []
    if files:
        where.append(f"工作簿的结果写在各自旁边：“{RESULTS_SUFFIX}.xlsx”（评价结果，含问题清单）、“{MARKED_SUFFIX}.xlsx”"
                     f"（标注副本）和“{REPORT_SUFFIX}.docx”（自评报告草稿），位置见上方的“结果：”“报告：”")
    if folders:
        where.append("文件夹的汇总表和日志见上方的“汇总表：”“日志：”，各工作簿的结果和报告在同一目录")
    tell("\n" + "-" * 40)
    if code is ExitCode.OK:
        tell("完成，没有“错误”级问题。" + "；".join(where) + "。")
    elif code is ExitCode.FINDINGS:
        tell("完成，但有“错误”级问题：请打开“评价结果”的“问题清单”页逐条更正，再拖放一次。" + "；".join(where) + "。")
    else:
        tell(f"未全部完成（退出码 {code.value}：{code.meaning}），原因见上方。" + ("；".join(where) + "（已完成的部分）。"
                                                                              if code is not ExitCode.INTERNAL else ""))
    return code


def launched_paths(line: str, script: str) -> list[Path] | None:
    """The paths dropped on `script`, read from cmd's own command line (`%cmdcmdline%`), or None when
    the line is not the script's own start (typed in a console, the line is the console's).

    Explorer starts a dropped-on script as `cmd.exe /c ""C:\\桌面\\x.bat" C:\\收\\R&D.xlsx "C:\\收\\a b.xlsx""`,
    quoting a path only when it holds a space: cmd cuts `R&D.xlsx` at the `&` (and drops a `^`, splits at
    `,` `;` `=`) before the script sees %1. The line itself has every path whole; no path can hold a `"`,
    and one without quotes holds no space, so it splits without guessing."""
    import ntpath

    start = re.search(r"\s/[cCkK]\s*", line)
    if not start or not script:
        return None
    rest = line[start.end():]
    if rest.startswith('"') and rest.count('"') > 2:  # cmd /c takes away the first and the last quote
        rest = rest[1:rest.rindex('"')] + rest[rest.rindex('"') + 1:]
    words = [quoted or bare for quoted, bare in re.findall(r'"([^"]*)"|([^\s"]+)', rest)]
    if not words or ntpath.normcase(ntpath.basename(words[0])) != ntpath.normcase(ntpath.basename(script)):
        return None
    return [Path(w) for w in words[1:] if w]


def _options(scheme: str | None, skip: str | None, only: str | None, **fields):
    """The processing options of a command (a scheme or rule code that cannot be used is refused:
    SchemeError, UnknownRule)."""
    from .step import Options

    return Options.of(scheme=scheme, skip=skip or "", only=only or "", **fields)


def _progress():
    """A progress bar on a terminal; None when standard error is redirected (plain lines then)."""
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


# --- reading the command line ---------------------------------------------------------------------

def main(args: list[str]) -> int:
    """Run the command line `args` (without the program's name); return the exit code."""
    args = fold_dashes(args)
    if not args or args[0] in HELP.flags:
        tell(main_help())
        return ExitCode.OK
    if args[0] in VERSION.flags:
        tell(f"excel-eval {__version__}")
        return ExitCode.OK
    top = args[0] not in COMMANDS  # the drop-on form: excel-eval's own options are also near
    if not top:
        chosen, rest = COMMANDS[args[0]], args[1:]
    else:
        first = next((a for a in args if not a.startswith("-")), "")
        meant = misspelled(first)
        if meant:
            say(f"没有“{first}”这个命令，您是不是要用 excel-eval {meant}？（excel-eval --help 列出全部命令）")
            return ExitCode.USAGE
        chosen, rest = COMMANDS["run"], args  # excel-eval 文件.xlsx [--out 目录]: the drop-on form
    if any(a in HELP.flags for a in rest[:rest.index("--") if "--" in rest else None]):
        tell(command_help(chosen))
        return ExitCode.OK
    try:
        return chosen.action(**parse(chosen, rest, top))
    except Refusal as refusal:  # every refusal of the tool (errors.py): its one line and its exit code
        say(str(refusal))
        return refusal.code


# Dashes a Chinese input method or a word processor types for `-`: `——help` (Shift+- in Chinese mode),
# `—out` and `–json` (`--` autocorrected), `－－help` (full width).
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_DASHED_FLAG = re.compile(f"[{DASHES}]+([A-Za-z][A-Za-z-]*)")


def fold_dashes(args: list[str]) -> list[str]:
    """`——out 目录`, `—help`, `－－json` as `--out 目录`, `--help`, `--json`: an option's name after any run of
    dashes (and in full-width letters) is read as the option. A word after `--`, a value, or a file
    that exists is left as it is."""
    import unicodedata

    folded = []
    for i, word in enumerate(args):
        if word == "--":
            return folded + args[i:]
        flag, equals, value = re.match(r"([^=＝]*)([=＝]?)(.*)", word, re.S).groups()
        m = _DASHED_FLAG.fullmatch(unicodedata.normalize("NFKC", flag))
        if m and not word.isascii() and not Path(word).exists():
            word = ("-" if len(m[1]) == 1 else "--") + m[1] + ("=" + value if equals else "")
        folded.append(word)
    return folded


def misspelled(word: str) -> str | None:
    """`chek` → check: a word that is no file and looks like a command mistyped."""
    if not word or Path(word).exists() or Path(word).suffix or "/" in word or "\\" in word:
        return None
    import difflib

    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def parse(chosen: Command, args: list[str], top: bool = False) -> dict:
    """The action's keyword arguments from the command line, or a `Stop` saying what is wrong. `top`:
    the drop-on form, where a slip may mean one of excel-eval's own options (`--verison`)."""
    way_out = f"（excel-eval {chosen.name} --help 列出用法）"
    by_flag = {flag: o for o in chosen.options for flag in o.flags}
    values: dict = {o.name: (None if o.value else False) for o in chosen.options if o is not HELP}
    words: list[str] = []
    i, options_ended = 0, False
    while i < len(args):
        word, i = args[i], i + 1
        if options_ended or word == "-" or not word.startswith("-"):
            words.append(word)
            continue
        if word == "--":
            options_ended = True
            continue
        flag, has_value, inline = word.partition("=") if word.startswith("--") else (word[:2], bool(word[2:]), word[2:])
        option = by_flag.get(flag)
        if option is None or (has_value and not option.value):
            if option is not None:
                raise Stop(f"选项“{flag}”不带值{way_out}")
            near = [*by_flag, *(f for f in VERSION.flags if top and f != flag)]
            raise Stop(f"没有“{word}”这个选项{_closest(flag, near)}{way_out}")
        if not option.value:
            values[option.name] = True
            continue
        if not has_value:
            if i == len(args) or args[i] in by_flag or args[i] == "--":
                raise Stop(f"选项“{flag}”需要一个值（{option.value}）{way_out}")
            inline, i = args[i], i + 1
        values[option.name] = _value(option, inline, way_out)
    for argument in chosen.arguments:
        if argument.many:
            taken, words = [Path(w) for w in words], []
        else:
            taken, words = (Path(words[0]), words[1:]) if words else (argument.default, words)
        if argument.optional and taken == []:
            taken = None
        if taken is None and argument.required or taken == []:
            raise Stop(f"缺少{argument.help.split('（')[0]}：excel-eval {chosen.name} {argument.shown}{way_out}")
        values[argument.name] = taken
    if words:
        instead = f"（{chosen.extra}）" if chosen.extra else way_out
        raise Stop(f"多余的参数：{' '.join(words)}{instead}")
    return values


def _closest(flag: str, flags) -> str:
    import difflib

    close = difflib.get_close_matches(flag, [f for f in flags if f.startswith("--")], n=1, cutoff=0.6)
    return f"，您是不是要用 {close[0]}？" if close else ""


def _value(option: Option, text: str, way_out: str):
    import math

    names = "/".join(option.flags)
    try:
        value = option.kind(text)
    except ValueError:
        wanted = {int: "应为整数", float: "应为数字"}.get(option.kind, "无法识别")
        raise Stop(f"“{names}”的值不对：{wanted}，收到“{text}”{way_out}") from None
    if option.kind is float and not math.isfinite(value):
        raise Stop(f"“{names}”的值不对：应为数字，收到“{text}”{way_out}")
    if option.minimum is not None and value < option.minimum:
        raise Stop(f"“{names}”的值不对：应不小于 {option.minimum:g}，收到“{text}”{way_out}")
    if option.maximum is not None and value > option.maximum:
        raise Stop(f"“{names}”的值不对：应不大于 {option.maximum:g}，收到“{text}”{way_out}")
    if option.kind is Path and not text:
        raise Stop(f"选项“{option.flags[0]}”需要一个值（{option.value}）{way_out}")
    return value


# --- help -----------------------------------------------------------------------------------------

def main_help() -> str:
    names = max(display_width(n) for n in COMMANDS)
    lines = ["用法：excel-eval 文件.xlsx [更多文件…] [选项]     核对、评分并写出结果（同 excel-eval run）",
             "      excel-eval 命令 [参数] [选项]",
             "",
             "项目支出绩效自评工作簿的核对与评分工具。直接把工作簿拖到命令上即可。",
             "",
             "命令："]
    lines += [f"  {c.name:<{names}}  {c.help}" for c in COMMANDS.values()]
    lines += ["", "选项：", *_rows([(o.shown, o.help) for o in (VERSION, HELP)]),
              "", "每个命令的参数和选项：excel-eval help 命令（或 excel-eval 命令 --help）", EXIT_HELP]
    return "\n".join(lines)


def command_help(chosen: Command) -> str:
    shown = " ".join(a.shown if a.required else f"[{a.shown}]" for a in chosen.arguments)
    lines = [f"用法：excel-eval {chosen.name}{' ' + shown if shown else ''} [选项]", "", chosen.help, ""]
    if chosen.arguments:
        lines += ["参数：", *_rows([(a.shown, a.help) for a in chosen.arguments]), ""]
    lines += ["选项：", *_rows([(o.shown, o.help) for o in chosen.options]), "", EXIT_HELP]
    return "\n".join(lines)


def _rows(pairs: list[tuple[str, str]]) -> list[str]:
    """Two aligned columns, measured in terminal columns (a Chinese character takes two)."""
    width = max(display_width(left) for left, _ in pairs)
    return [f"  {left}{' ' * (width - display_width(left))}  {right}" for left, right in pairs]


__all__ = ["COMMANDS", "Stop", "main"]
