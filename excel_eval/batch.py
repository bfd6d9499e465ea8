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
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .pipeline import Result
from .files import TEMP_PREFIX, write_atomic
from .rules import Selection
from .schemes import Scheme, load_scheme
from .text import os_reason
from .vocab import Failure, Severity, Status
from .writer import is_own_output
from .writer.summary import SUMMARY_PREFIX, write_summary

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
MANIFEST = ".excel-eval-manifest.json"
LOCK = ".excel-eval.lock"
LOG_PREFIX = "日志_"
SETTLE_SECONDS = 3.0
DEFAULT_OUT = "评价结果"  # inside the inbox, when no output folder is given


class BatchLocked(Exception):
    """Another run holds the output folder."""


@dataclass
class Item:
    """One workbook of the batch, as the summary workbook lists it."""

    file: str  # relative to the inbox
    status: Status
    reason: str = ""
    sheet: str = ""  # one project of a workbook holding several (a department's 自评表 export)
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
    report: str = ""  # the 自评报告 draft
    sha256: str = ""
    failure: str = ""  # why the file could not be read (a Failure), when that is the file's own fault

    @classmethod
    def from_result(cls, file: str, result: Result, outputs: dict[str, Path], sha: str) -> Item:
        errors, warnings, hints = (result.count(x) for x in Severity)
        return cls(file, Status.DONE, sheet=result.part, project=result.info("project"), unit=result.info("unit"), year=result.year,
                   scheme=result.scheme.name, total=result.total_score, grade=result.grade or "",
                   execution=result.execution_rate, satisfaction=result.satisfaction,
                   errors=errors, warnings=warnings, hints=hints,
                   results=str(outputs.get("results", "")), marked=str(outputs.get("marked", "")),
                   report=str(outputs.get("report", "")), sha256=sha)

    def as_dict(self) -> dict:
        return {**asdict(self), "status": self.status.value}

    @classmethod
    def from_dict(cls, data: dict) -> Item:
        known = cls.__dataclass_fields__
        return cls(**{**{k: v for k, v in data.items() if k in known}, "status": Status(data["status"])})


@dataclass
class Report:
    out: Path
    items: list[Item] = field(default_factory=list)
    summary: Path | None = None
    log: Path | None = None

    def count(self, status: Status) -> int:
        return sum(1 for i in self.items if i.status is status)

    def tally(self) -> str:
        """`完成 3，未变化 0，失败 1，跳过 0`"""
        return "，".join(f"{s.value} {self.count(s)}" for s in Status)


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


def process(source: str, out_dir: str, rel: str, mask: bool, report: bool, scheme: Scheme | None,
            selection: Selection) -> list[Item]:
    """Evaluate one workbook and write its outputs (runs in a worker process): one Item per
    project, or one FAILED Item. Never raises."""
    from .pipeline import evaluate_all
    from .writer import write_outputs

    src, out = Path(source), Path(out_dir)
    item = Item(rel, Status.FAILED)
    try:
        sha = sha256(src)
        item.sha256 = sha
        items = []
        for result in evaluate_all(src, scheme=scheme, selection=selection):
            if not result.ok:
                # A scheme that does not fit is the run's choice, not the file's fault: not kept as final.
                failure = result.failure.value if result.failure is not Failure.SCHEME_MISMATCH else ""
                items.append(Item(rel, Status.FAILED, result.reason, sheet=result.part, sha256=sha, failure=failure))
                continue
            out.mkdir(parents=True, exist_ok=True)
            items.append(Item.from_result(rel, result, write_outputs(result, out, mask=mask, report=report), sha))
        return items
    except OSError as exc:  # disk full, folder not writable: this file fails, the batch goes on
        item.reason = f"无法写出结果：{os_reason(exc)}"
    except Exception as exc:  # noqa: BLE001 (one bad workbook never stops the batch)
        item.reason = f"内部错误：{type(exc).__name__}: {exc}"
    return [item]


def run_batch(inbox: str | os.PathLike, out: str | os.PathLike | None = None, *, recursive: bool = False,
              jobs: int | None = None, force: bool = False, settle: float = SETTLE_SECONDS, mask: bool = True,
              report: bool = True, scheme: Scheme | str | os.PathLike | None = None, skip: str | Iterable[str] = (),
              only: str | Iterable[str] = (), on_progress: Callable[[int, int, Item], None] | None = None,
              on_log: Callable[[str], None] | None = None) -> Report:
    """Evaluate every workbook in `inbox` into `out` (default: inbox/评价结果) and write the summary.

    Prints nothing: `on_log` receives each log line, `on_progress(done, total, item)` each
    finished workbook. Raises BatchLocked when another run holds `out`, OSError when `out`
    cannot be made; a workbook that fails is an Item with status FAILED, never an exception.
    """
    from filelock import FileLock, Timeout

    inbox = Path(inbox)
    out = Path(out) if out is not None else inbox / DEFAULT_OUT
    job = _Job(inbox, out, recursive, jobs, force, settle, mask, report,
               load_scheme(scheme) if scheme is not None else None, Selection.of(skip, only),
               on_log or (lambda line: None), on_progress)
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / LOCK), timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise BatchLocked(f"输出目录正被另一个批处理使用：{out}") from exc
    try:
        return _run(job)
    finally:
        Path(lock.lock_file).unlink(missing_ok=True)  # no lock file left behind (removed while still held)
        lock.release()


@dataclass(frozen=True)
class _Job:
    inbox: Path
    out: Path
    recursive: bool
    jobs: int | None
    force: bool
    settle: float
    mask: bool
    report: bool  # write the 自评报告 draft of each workbook
    scheme: Scheme | None  # every workbook scored by this one, else each by its own
    selection: Selection
    say: Callable[[str], None]
    progress: Callable[[int, int, Item], None] | None


def _run(job: _Job) -> Report:
    inbox, out = job.inbox, job.out
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    report = Report(out)
    lines: list[str] = []  # the log, written only when the run has something to do
    log_file = None

    def log(line: str, console: bool = True) -> None:
        lines.append(f"{dt.datetime.now():%H:%M:%S} {line}\n")
        if log_file is not None:
            log_file.writelines(lines)
            log_file.flush()
            lines.clear()
        if console:
            job.say(line)

    try:
        _remove_stale_temps(out)
        manifest = _load_manifest(out)
        scheme_name = job.scheme.name if job.scheme else None  # another scheme: score again
        take, wait, _ = find_workbooks(inbox, out, job.recursive, job.settle)
        log(f"开始：{inbox} → {out}，工作簿 {len(take)} 个" + (f"，暂缓 {len(wait)} 个" if wait else ""), console=False)
        todo = []
        for path in take:
            rel = path.relative_to(inbox).as_posix()
            old = manifest.get(rel)
            if not job.force and old and _unchanged(out, old, scheme_name) and old.get("sha256") == sha256(path):
                for entry in old.get("items") or [old]:
                    status = Status.UNCHANGED if entry.get("status") == Status.DONE.value else Status.FAILED
                    report.items.append(Item.from_dict({**entry, "status": status.value}))
            else:
                todo.append((path, rel))
        for path, why in wait:
            report.items.append(Item(path.relative_to(inbox).as_posix(), Status.SKIPPED, why))
        present = {path.relative_to(inbox).as_posix() for path in take} | \
            {path.relative_to(inbox).as_posix() for path, _ in wait}
        gone = set(manifest) - present  # removed from the inbox since: the last summary lists them
        for rel in gone:
            del manifest[rel]
        if gone:
            _save_manifest(out, manifest)
        latest = _latest(out)
        if not todo and not gone and latest is not None:
            # Nothing new since the last run: its summary and log stand; no new files every night.
            report.summary, report.log = latest
            report.items.sort(key=lambda i: (i.status is not Status.FAILED, i.file))
            return report
        report.log = out / f"{LOG_PREFIX}{stamp}.log"
        log_file = open(report.log, "a", encoding="utf-8")  # noqa: SIM115 (closed below)
        done = 0
        for items in _map(todo, job):
            done += 1
            for item in items:
                if item.status is Status.DONE:
                    item.results = Path(item.results).relative_to(out).as_posix()
                    item.marked = Path(item.marked).relative_to(out).as_posix() if item.marked else ""
                    item.report = Path(item.report).relative_to(out).as_posix() if item.report else ""
                report.items.append(item)
                name = f"{item.file}（{item.sheet}）" if item.sheet else item.file
                total = "未能计算总分" if item.total is None else f"{item.total:.2f}（{item.grade}）"
                log(f"[{done}/{len(todo)}] {name}：" + (
                    f"{total}，错误 {item.errors}" if item.status is Status.DONE
                    else item.status.value + (f"，{item.reason}" if item.reason else "")))
            # A workbook is kept when all its projects are done, or it cannot be read (its own fault).
            if all(i.status is Status.DONE for i in items) or all(i.failure for i in items):
                entry = items[0].as_dict()  # (a workbook of several projects lists them all)
                manifest[items[0].file] = {**entry, "items": [i.as_dict() for i in items]} if len(items) > 1 else entry
                _save_manifest(out, manifest)
            if job.progress:
                for item in items:
                    job.progress(done, len(todo), item)
        report.items.sort(key=lambda i: (i.status is not Status.FAILED, i.file))
        report.summary = out / f"{SUMMARY_PREFIX}{stamp}.xlsx"
        write_atomic(report.summary, lambda tmp: write_summary(report, tmp))
        log(f"结束：{report.tally()}；汇总表 {report.summary}", console=False)
        return report
    finally:
        if log_file is not None:
            log_file.close()


def _unchanged(out: Path, entry: dict, scheme_name: str | None) -> bool:
    """The manifest's entry still stands: every project done with its outputs in place, or the
    file unreadable (a fault of its own content), under the same scheme."""
    items = entry.get("items") or [entry]
    if scheme_name is not None and entry.get("scheme") and entry.get("scheme") != scheme_name:
        return False
    if all(i.get("status") == Status.DONE.value for i in items):
        return all(_outputs_exist(out, i) for i in items)
    return all(i.get("status") == Status.FAILED.value and i.get("failure") for i in items)


def _latest(out: Path) -> tuple[Path, Path | None] | None:
    """The newest summary in `out` and the log of the same run, if any."""
    summaries = sorted(out.glob(f"{SUMMARY_PREFIX}*.xlsx"))
    if not summaries:
        return None
    log = out / f"{LOG_PREFIX}{summaries[-1].stem[len(SUMMARY_PREFIX):]}.log"
    return summaries[-1], log if log.exists() else None


def _map(todo: list[tuple[Path, str]], job: _Job):
    def args(path: Path, rel: str) -> tuple:
        return str(path), str(job.out / Path(rel).parent), rel, job.mask, job.report, job.scheme, job.selection

    workers = max(1, min(job.jobs or os.cpu_count() or 1, len(todo) or 1))
    if workers == 1:
        for path, rel in todo:
            yield process(*args(path, rel))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(process, *args(path, rel)) for path, rel in todo]
        for future in as_completed(futures):
            yield future.result()


def _outputs_exist(out: Path, entry: dict) -> bool:
    """The results workbook, and the marked copy and report where they were written."""
    return bool(entry.get("results")) and all((out / entry[k]).exists()
                                              for k in ("results", "marked", "report") if entry.get(k))


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
