"""Folder runs: every workbook in an inbox, in parallel, one bad file never stopping the rest.

Re-runs are cheap and safe: a manifest of input hashes skips unchanged workbooks, every output
is written under a temporary name and renamed into place, and a lock keeps two scheduled runs
off the same output folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .files import TEMP_PREFIX, write_atomic
from .scoring import load_scheme
from .writer import MARKED_SUFFIX, RESULTS_SUFFIX

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
MANIFEST = ".excel-eval-manifest.json"
LOCK = ".excel-eval.lock"
SUMMARY_PREFIX = "汇总_"
LOG_PREFIX = "日志_"
SETTLE_SECONDS = 3.0


class BatchLocked(Exception):
    """Another run holds the output folder."""


@dataclass
class Item:
    """One workbook of the batch, as the summary workbook lists it."""

    file: str  # relative to the inbox
    status: str  # 完成 / 未变化 / 失败 / 跳过
    reason: str = ""
    project: str = ""
    unit: str = ""
    year: int | None = None
    scheme: str = ""
    total: float | None = None
    grade: str = ""
    execution: float | None = None
    satisfaction: float | None = None
    errors: int = 0
    warnings: int = 0
    hints: int = 0
    results: str = ""  # relative to the output folder
    marked: str = ""
    sha256: str = ""


@dataclass
class Report:
    out: Path
    items: list[Item] = field(default_factory=list)
    summary: Path | None = None
    log: Path | None = None
    ignored: list[tuple[str, str]] = field(default_factory=list)  # not workbooks: name, why

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


def is_own_output(path: Path) -> bool:
    stem = path.stem
    return stem.endswith((RESULTS_SUFFIX, MARKED_SUFFIX)) or stem.startswith(SUMMARY_PREFIX) or \
        any(stem.endswith(f"{s}({i})") for s in (RESULTS_SUFFIX, MARKED_SUFFIX) for i in range(1, 21))


def _hidden(path: Path) -> bool:
    if path.name.startswith("."):
        return True
    attrs = getattr(os.stat(path), "st_file_attributes", 0)  # Windows only
    return bool(attrs & 2)  # FILE_ATTRIBUTE_HIDDEN


def find_workbooks(inbox: Path, out: Path, recursive: bool, settle: float = SETTLE_SECONDS,
                   now: float | None = None) -> tuple[list[Path], list[tuple[Path, str]], list[tuple[str, str]]]:
    """(workbooks to take, workbooks to leave for now with the reason, other files ignored)."""
    now = time.time() if now is None else now
    paths = sorted(inbox.rglob("*") if recursive else inbox.iterdir())
    take, wait, ignored = [], [], []
    out_resolved = out.resolve()
    for p in paths:
        if not p.is_file() or out_resolved in p.resolve().parents:
            continue
        name = p.name
        if name.startswith("~$"):
            ignored.append((name, "Excel 的临时锁文件"))
        elif _hidden(p) or name.startswith(TEMP_PREFIX) or name.lower().endswith((".tmp", ".part")):
            ignored.append((name, "隐藏或临时文件"))
        elif p.suffix.lower() not in WORKBOOK_SUFFIXES:
            ignored.append((name, "不是 Excel 工作簿"))
        elif is_own_output(p):
            ignored.append((name, "本工具的输出"))
        elif now - p.stat().st_mtime < settle:
            wait.append((p, f"文件在 {settle:g} 秒内修改过，可能仍在写入，下次再处理"))
        else:
            take.append(p)
    return take, wait, ignored


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def process(source: str, out_dir: str, rel: str, mask: bool = True, scheme: str | None = None) -> dict:
    """Evaluate one workbook and write its outputs (runs in a worker process). Never raises."""
    from .evaluate import evaluate
    from .findings import Severity
    from .writer import write_outputs

    src, out = Path(source), Path(out_dir)
    item = Item(rel, "失败")
    try:
        item.sha256 = sha256(src)
        result = evaluate(src, load_scheme(scheme) if scheme else None)
        if not result.ok:
            item.reason = result.reason
            return asdict(item)
        out.mkdir(parents=True, exist_ok=True)
        results, marked = write_outputs(result, out, mask)
        s, info = result.scores, result.model.info
        item.status = "完成"
        item.project, item.unit, item.year = info.text("project"), info.text("unit"), result.model.year
        item.total, item.grade, item.scheme = s.total, s.grade or "", s.scheme.name
        item.execution = s.budget.execution_rate if s.budget else None
        item.satisfaction = s.satisfaction
        item.errors, item.warnings, item.hints = (result.count(x) for x in Severity)
        item.results, item.marked = str(results), str(marked)
    except OSError as exc:  # disk full, folder not writable: this file fails, the batch goes on
        item.reason = f"无法写出结果：{exc.strerror or exc}"
    except Exception as exc:  # noqa: BLE001 (one bad workbook never stops the batch)
        item.reason = f"内部错误：{type(exc).__name__}: {exc}"
    return asdict(item)


def run_batch(inbox: Path, out: Path, recursive: bool = False, jobs: int | None = None, force: bool = False,
              settle: float = SETTLE_SECONDS, mask: bool = True, say: Callable[[str], None] = print,
              progress: Callable[[int, int, Item], None] | None = None, scheme: Path | None = None) -> Report:
    """`scheme` is a scheme file every workbook is scored by (already checked by the caller)."""
    from filelock import FileLock, Timeout

    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / LOCK), timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise BatchLocked(f"输出目录正被另一个批处理使用：{out}") from exc
    try:
        return _run(inbox, out, recursive, jobs, force, settle, mask, say, progress, scheme)
    finally:
        lock.release()


def _run(inbox, out, recursive, jobs, force, settle, mask, say, progress, scheme) -> Report:
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    report = Report(out, log=out / f"{LOG_PREFIX}{stamp}.log")
    log_file = open(report.log, "a", encoding="utf-8")  # noqa: SIM115 (closed below)

    def log(line: str) -> None:
        log_file.write(f"{dt.datetime.now():%H:%M:%S} {line}\n")
        log_file.flush()
        say(line)

    try:
        _remove_stale_temps(out)
        manifest = _load_manifest(out)
        scheme_name = load_scheme(scheme).name if scheme else None  # another scheme: score again
        take, wait, ignored = find_workbooks(inbox, out, recursive, settle)
        report.ignored = ignored
        log(f"开始：{inbox} → {out}，工作簿 {len(take)} 个" + (f"，暂缓 {len(wait)} 个" if wait else ""))
        todo = []
        for path in take:
            rel = path.relative_to(inbox).as_posix()
            old = manifest.get(rel)
            if not force and old and old.get("status") == "完成" and _outputs_exist(out, old) \
                    and (scheme_name is None or old.get("scheme") == scheme_name) and old.get("sha256") == sha256(path):
                report.items.append(Item(**{**old, "status": "未变化"}))
            else:
                todo.append((path, rel))
        for path, why in wait:
            report.items.append(Item(path.relative_to(inbox).as_posix(), "跳过", why))
        done = 0
        for item in _map(todo, out, jobs, mask, str(scheme) if scheme else None):
            done += 1
            if item.status == "完成":
                item.results = Path(item.results).relative_to(out).as_posix()
                item.marked = Path(item.marked).relative_to(out).as_posix()
                manifest[item.file] = asdict(item)
                _save_manifest(out, manifest)
            report.items.append(item)
            log(f"[{done}/{len(todo)}] {item.file}：" + (
                f"{item.total:.2f}（{item.grade}），错误 {item.errors}" if item.status == "完成" and item.total is not None
                else item.status + (f"，{item.reason}" if item.reason else "")))
            if progress:
                progress(done, len(todo), item)
        report.items.sort(key=lambda i: (i.status != "失败", i.file))
        report.summary = out / f"{SUMMARY_PREFIX}{stamp}.xlsx"
        write_atomic(report.summary, lambda tmp: write_summary(report, tmp))
        log(f"结束：完成 {report.count('完成')}，未变化 {report.count('未变化')}，失败 {report.count('失败')}，"
            f"跳过 {report.count('跳过')}；汇总表 {report.summary}")
        return report
    finally:
        log_file.close()


def _map(todo: list[tuple[Path, str]], out: Path, jobs: int | None, mask: bool, scheme: str | None):
    def target(rel: str) -> str:
        return str(out / Path(rel).parent)

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        for path, rel in todo:
            yield Item(**process(str(path), target(rel), rel, mask, scheme))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(process, str(path), target(rel), rel, mask, scheme) for path, rel in todo]
        for future in as_completed(futures):
            yield Item(**future.result())


def _outputs_exist(out: Path, entry: dict) -> bool:
    return all(entry.get(k) and (out / entry[k]).exists() for k in ("results", "marked"))


def _load_manifest(out: Path) -> dict:
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_manifest(out: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    write_atomic(out / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _remove_stale_temps(out: Path) -> None:
    """Temporary files a killed run left behind (the lock says no run is writing now)."""
    for p in out.rglob(TEMP_PREFIX + "*"):
        if p.is_file():
            p.unlink(missing_ok=True)


# --- the summary workbook ------------------------------------------------------------------------

SUMMARY_COLUMNS = (("文件", "file", 36), ("状态", "status", 8), ("项目名称", "project", 34), ("实施单位", "unit", 24),
                   ("年度", "year", 7), ("评分体系", "scheme", 9), ("核算总分", "total", 9), ("等级", "grade", 6), ("执行率", "execution", 9),
                   ("满意度", "satisfaction", 8), ("错误", "errors", 6), ("警告", "warnings", 6), ("提示", "hints", 6),
                   ("结果文件", "results", 40), ("原因", "reason", 40))


def write_summary(report: Report, path: Path) -> None:
    import xlsxwriter

    from .writer.formats import Formats

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True,
                                             "nan_inf_to_errors": True})
    f = Formats(book)
    ws = book.add_worksheet("汇总")
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    for c, (head, _, width) in enumerate(SUMMARY_COLUMNS):
        ws.set_column(c, c, width)
        ws.write_string(0, c, head, f.header)
    formats = {"total": f.number, "satisfaction": f.number, "execution": f.percent, "year": f.count,
               "errors": f.count, "warnings": f.count, "hints": f.count}
    for r, item in enumerate(report.items, start=1):
        for c, (_, key, _) in enumerate(SUMMARY_COLUMNS):
            value = getattr(item, key)
            if key == "results" and value:
                ws.write_url(r, c, "external:" + value, f.link, value)
            elif value is None or value == "":
                ws.write_blank(r, c, None, f.text)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, formats.get(key, f.number))
            else:
                ws.write_string(r, c, str(value), f.severity["错误"] if key == "status" and value == "失败" else f.text)
    last = max(len(report.items), 1)
    ws.autofilter(0, 0, last, len(SUMMARY_COLUMNS) - 1)
    ws.freeze_panes(1, 1)
    ws.repeat_rows(0)
    _charts(book, f, report, last)
    book.close()


def _charts(book, f, report: Report, last: int) -> None:
    """A sheet of its own: the grade distribution (counted by formulas) and the scores by project."""
    from xlsxwriter.utility import xl_col_to_name

    keys = [k for _, k, _ in SUMMARY_COLUMNS]
    ws = book.add_worksheet("统计")
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_column(0, 1, 10)
    ws.write_string(0, 0, "等级", f.header)
    ws.write_string(0, 1, "个数", f.header)
    letter = xl_col_to_name(keys.index("grade"))
    for i, grade in enumerate(("优", "良", "中", "差"), start=1):
        ws.write_string(i, 0, grade, f.text)
        ws.write_formula(i, 1, f'=COUNTIF(汇总!${letter}$2:${letter}${last + 1},"{grade}")', f.count,
                         sum(1 for it in report.items if it.grade == grade))
    font = {"name": "宋体", "size": 10}
    grades = book.add_chart({"type": "column"})
    grades.add_series({"name": "等级分布", "categories": ["统计", 1, 0, 4, 0], "values": ["统计", 1, 1, 4, 1],
                       "data_labels": {"value": True}, "fill": {"color": "#2E75B6"}})
    grades.set_title({"name": "等级分布", "name_font": {**font, "size": 12}})
    grades.set_legend({"none": True})
    grades.set_x_axis({"num_font": font})
    ws.insert_chart(0, 3, grades, {"x_scale": 0.9, "y_scale": 0.8})
    scored = [it for it in report.items if it.total is not None]
    if not scored:
        return
    ws.write_string(6, 0, "项目", f.header)
    ws.write_string(6, 1, "核算总分", f.header)
    ws.set_column(0, 0, 30)
    for i, it in enumerate(sorted(scored, key=lambda x: -x.total), start=7):
        ws.write_string(i, 0, it.project or it.file, f.text)
        ws.write_number(i, 1, it.total, f.number)
    end = 6 + len(scored)
    bar = book.add_chart({"type": "bar"})
    bar.add_series({"name": "核算总分", "categories": ["统计", 7, 0, end, 0], "values": ["统计", 7, 1, end, 1],
                    "fill": {"color": "#2E75B6"}, "data_labels": {"value": True, "num_format": "0.00"}})
    bar.set_title({"name": "各项目核算总分", "name_font": {**font, "size": 12}})
    bar.set_legend({"none": True})
    bar.set_y_axis({"reverse": True, "num_font": font})
    bar.set_x_axis({"min": 0, "max": 100, "num_font": font})
    ws.insert_chart(16, 3, bar, {"x_scale": 1.3, "y_scale": max(1.0, min(6.0, len(scored) / 10))})
