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
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .families import family_of
from .files import TEMP_PREFIX, write_atomic
from .errors import Refusal
from .layout import MONEY_UNIT_FACTORS, MONEY_UNITS
from .naming import KINDS, SUMMARY_PREFIX, WORKBOOK_SUFFIXES, is_own_output
from .step import Options
from .review import Views, records
from .rules import RULES_BY_CODE
from .text import one_line, os_reason, shown
from .vocab import UNKNOWN_SCORE, ExitCode, Failure, Severity, Status, grade_label
from .writer.summary import write_summary

REPORT_SUFFIXES = (".docx", ".pdf")  # a unit's 自评报告, read with the workbook of its name
MANIFEST = ".excel-eval-manifest.jsonl"
LEGACY_MANIFEST = ".excel-eval-manifest.json"  # before the manifest became a journal
LOCK = ".excel-eval.lock"
LOG_PREFIX = "日志_"
SETTLE_SECONDS = 3.0
DEFAULT_OUT = "评价结果"  # inside the inbox, when no output folder is given
DEFAULT_TIMEOUT = 300.0  # seconds one workbook may take before it is one 失败 row
RESERVE = 8 << 20  # bytes held back on the output disk for the log and the summary
RESERVE_FILE = ".excel-eval-reserve"
OUTSIDE = "链接指向收件箱以外的文件，未处理"
NOTHING = "没有要处理的工作簿"
REVIEW_UNIT = MONEY_UNITS[0]  # 万元: the unit a bureau's sums over many workbooks are in


class BatchLocked(Refusal):
    """Another run holds the output folder."""

    code = ExitCode.LOCKED


@dataclass(eq=False)
class Item:
    """One workbook of the batch, as the summary workbook lists it."""

    file: str  # relative to the inbox
    status: Status
    reason: str = ""
    sheet: str = ""  # one project of a workbook holding several (a department's 自评表 export)
    department: str = ""  # 主管部门
    project: str = ""
    unit: str = ""
    year: int | None = None
    scheme: str = ""
    form: str = ""  # the family of table it was read as (标准模板, 财预〔2020〕10号, 预算管理一体化, …)
    total: float | None = None
    self_total: float | None = None  # the total the workbook itself typed
    grade: str = ""
    execution: float | None = None
    satisfaction: float | None = None
    respondents: float | None = None  # valid questionnaires
    budget: float | None = None  # 全年预算数, in 万元 whatever the workbook's unit
    executed: float | None = None  # 执行数, in 万元
    indicators: int = 0  # indicators with points
    full_marks: bool = False  # every one of them at full points
    unexplained: int = 0  # deviations without a 偏差原因 (review.UNEXPLAINED)
    errors: int = 0
    warnings: int = 0
    hints: int = 0
    results: str = ""  # relative to the output folder
    marked: str = ""
    report: str = ""  # the 自评报告 draft
    paired: str = ""  # the unit's own 自评报告 checked with the workbook (its name in the inbox)
    corrected: str = ""  # with --fix: the workbook's _已更正 copy (on its first project's row)
    fixed: int | None = None  # with --fix: the cells corrected (None: not asked)
    sha256: str = ""
    failure: str = ""  # why the file could not be read (a Failure), when that is the file's own fault

    @classmethod
    def from_document(cls, file: str, doc: dict, sha: str, part: str = "", written: dict | None = None) -> Item:
        """The row of a project from its JSON document (voice.document), the one voice of a result;
        `part` tells the projects of one workbook apart, `written` gives its files by kind."""
        counts, budget, surveys = doc["counts"], doc["budget"], doc["surveys"]
        wan = MONEY_UNIT_FACTORS.get(doc["money_unit"], 1.0) / MONEY_UNIT_FACTORS[REVIEW_UNIT]
        pointed = [i for i in doc["indicators"] if i["weight"]]
        outputs = {kind: str((written or {}).get(kind, "")) for kind in KINDS}
        return cls(file, Status.DONE, sheet=part, department=doc["department"],
                   project=doc["project"], unit=doc["unit"], year=doc["year"], scheme=doc["scheme"],
                   form=family_of(doc["layout"]).name,
                   total=doc["total_score"], self_total=doc["self_total"], grade=doc["grade"] or "",
                   execution=budget["execution_rate"] if budget else None, satisfaction=doc["satisfaction"],
                   respondents=surveys[0]["respondents"] if surveys else None,
                   budget=_times(budget and budget["budget"], wan), executed=_times(budget and budget["executed"], wan),
                   indicators=len(pointed),
                   full_marks=bool(pointed) and all((i["score"] or 0) >= i["weight"] - 0.005 for i in pointed),
                   unexplained=sum(1 for f in doc["findings"] if RULES_BY_CODE[f["code"]].unexplained),
                   errors=counts[Severity.ERROR.value], warnings=counts[Severity.WARNING.value],
                   hints=counts[Severity.INFO.value], results=outputs["results"], marked=outputs["marked"],
                   report=outputs["report"], paired=doc.get("report", ""), corrected=outputs["corrected"], sha256=sha)

    def as_dict(self) -> dict:
        return {**asdict(self), "status": self.status.value}

    @classmethod
    def from_outcome(cls, file: str, outcome, sha: str) -> Item:
        from .voice import changes_of, document

        item = cls.from_document(file, document(outcome), sha, outcome.result.part, outcome.written)
        item.fixed = changes_of(outcome)
        return item

    @classmethod
    def from_dict(cls, data: dict) -> Item:
        known = cls.__dataclass_fields__
        return cls(**{**{k: v for k, v in data.items() if k in known}, "status": Status(data["status"])})


def _times(amount: float | None, factor: float) -> float | None:
    return None if amount is None else amount * factor


@dataclass(eq=False)
class Report:
    """What a batch run did. The projects are not held one object each: `views` has them in
    columns (pandas), `items` makes Items from it when asked."""

    out: Path
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    views: Views | None = None  # the bureau's review views of every project listed
    summary: Path | None = None
    log: Path | None = None
    note: str = ""  # why nothing was done (an empty inbox): the run's one line
    problem: str = ""  # why the summary could not be written

    def count(self, status: Status) -> int:
        return self.counts[status]

    def tally(self) -> str:
        """`完成 3，未变化 0，失败 1，跳过 0`"""
        return "，".join(f"{s.value} {self.count(s)}" for s in Status)

    @property
    def items(self) -> list[Item]:
        """Every project listed, failed first, then by file."""
        return [] if self.views is None else [_item(r) for r in records(self.views.projects)]

    def problems(self) -> list[Item]:
        """The workbooks that failed or were left for the next run."""
        if self.views is None:
            return []
        frame = self.views.projects
        return [_item(r) for r in records(frame[frame["status"].isin((Status.FAILED.value, Status.SKIPPED.value))])]

    @property
    def fixed(self) -> tuple[int, int] | None:
        """With --fix: (cells corrected, workbooks with a corrected copy); None when not asked."""
        frame = None if self.views is None else self.views.projects
        if frame is None or "fixed" not in frame.columns:
            return None
        return int(frame["fixed"].fillna(0).sum()), int((frame["corrected"] != "").sum())

    @property
    def has_errors(self) -> bool:
        return self.views is not None and bool((self.views.projects["errors"] > 0).any())

    @property
    def code(self) -> ExitCode:
        """The run's exit code: no summary (6), a workbook failed (3), one has 错误 (1), else 0."""
        if self.problem:
            return ExitCode.UNWRITABLE
        return ExitCode.UNREADABLE if self.count(Status.FAILED) else ExitCode.FINDINGS if self.has_errors else ExitCode.OK


def _item(row: dict) -> Item:
    data = {k: v for k, v in row.items() if v is not None}  # missing: the Item's default
    if data.get("year") is not None:
        data["year"] = int(data["year"])
    return Item.from_dict(data)


class Manifest:
    """What every run did, one JSON line per workbook (`.excel-eval-manifest.jsonl`), appended the
    moment a workbook's outputs are in place. A later line for the same file wins; a run ends by
    compacting it. A run killed at any moment (even `kill -9`) loses only the workbooks it was on,
    and the next run does those again: nothing is lost, nothing counted twice. Only an index
    (file → where its line starts) is held, so ten thousand workbooks cost a few hundred kB.
    """

    def __init__(self, out: Path):
        self.path = out / MANIFEST
        self.index: dict[str, int] = {}
        self._file = None
        legacy = out / LEGACY_MANIFEST
        if legacy.exists() and not self.path.exists():  # a manifest of an earlier version: kept, as lines
            try:
                old = json.loads(legacy.read_text("utf-8"))
            except (OSError, ValueError):
                old = {}
            lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in (old if isinstance(old, dict) else {}).values()
                            if isinstance(e, dict) and e.get("file"))
            write_atomic(self.path, lambda tmp: tmp.write_text(lines, encoding="utf-8"))
        legacy.unlink(missing_ok=True)
        self._load()

    def _load(self) -> None:
        self.index.clear()
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            data = b""
        end = data.rfind(b"\n") + 1
        if end < len(data):  # a line torn by a killed run: cut off, so the next line starts clean
            with open(self.path, "r+b") as f:
                f.truncate(end)
        offset = 0
        for line in data[:end].splitlines(keepends=True):
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                if entry.get("removed"):
                    self.index.pop(entry["file"], None)
                else:
                    self.index[entry["file"]] = offset
            offset += len(line)

    def __contains__(self, rel: str) -> bool:
        return rel in self.index

    def __iter__(self):
        return iter(list(self.index))

    def get(self, rel: str) -> dict | None:
        offset = self.index.get(rel)
        if offset is None:
            return None
        with open(self.path, "rb") as f:
            f.seek(offset)
            return json.loads(f.readline())

    def entries(self, rels: Iterable[str]):
        """The entries of `rels` (those it has), one at a time."""
        if not self.index:
            return
        with open(self.path, "rb") as f:
            for rel in rels:
                if rel in self.index:
                    f.seek(self.index[rel])
                    yield json.loads(f.readline())

    def _append(self, entry: dict) -> int:
        if self._file is None:
            self._file = open(self.path, "ab")  # noqa: SIM115 (closed by close())
        offset = self._file.seek(0, os.SEEK_END)
        try:
            line = json.dumps(entry, ensure_ascii=False).encode()
        except UnicodeEncodeError:  # text that is not UTF-8 (from a name): escaped, read back the same
            line = json.dumps(entry).encode()
        self._file.write(line + b"\n")
        self._file.flush()  # in the operating system's hands: a killed process does not lose it
        return offset

    def add(self, items: list[Item]) -> None:
        """A workbook's outcome: its one Item, or every project of it."""
        entry = items[0].as_dict()
        if len(items) > 1:
            entry["items"] = [i.as_dict() for i in items]
        self.index[items[0].file] = self._append(entry)

    def remove(self, rel: str) -> None:
        self._append({"file": rel, "removed": True})
        self.index.pop(rel, None)

    def compact(self) -> None:
        """One line per workbook, in file order — when that saves much, and the disk has room for
        the copy (an append-only journal is right as it is: tidying it is never needed)."""
        self.close()
        rels = sorted(self.index)
        try:
            size = self.path.stat().st_size
            lines = self.path.read_bytes().count(b"\n")
        except OSError:
            return
        if lines <= 2 * len(rels) or shutil.disk_usage(self.path.parent).free < 2 * size + RESERVE:
            return

        def write(tmp: Path) -> None:
            with open(self.path, "rb") as src, open(tmp, "wb") as dst:
                for rel in rels:
                    src.seek(self.index[rel])
                    dst.write(src.readline())

        try:
            write_atomic(self.path, write)
        except OSError:
            pass  # the journal as it was: every line still stands
        self._load()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def read_manifest(out: str | os.PathLike) -> dict[str, dict]:
    """file → its latest entry: what the next run of `out` will take as done."""
    manifest = Manifest(Path(out))
    return {e["file"]: e for e in manifest.entries(sorted(manifest.index))}


def entry_items(entry: dict, status: Status | None = None) -> list[dict]:
    """The project rows of a manifest entry (several for a workbook of several 自评表)."""
    rows = entry.get("items") or [entry]
    return [{**r, "status": status.value} for r in rows] if status else rows


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
    out_resolved, inbox_resolved = out.resolve(), inbox.resolve()
    for p in paths:
        if not p.is_file() or out_resolved in p.resolve().parents:
            continue
        name = shown(p.name)
        if inbox_resolved not in p.resolve().parents:  # a link to a file elsewhere: never read, never copied
            ignored.append((name, OUTSIDE))
        elif name.startswith("~$"):
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


def fingerprint(path: Path, report: Path | None = None) -> str:
    """What tells a workbook changed since the last run: its bytes, and those of its 自评报告."""
    return sha256(path) if report is None else f"{sha256(path)}+{sha256(report)}"


def process(source: str, rel: str, options: Options, paired: str | None = None) -> list[Item]:
    """Evaluate one workbook (with its 自评报告 when `paired`) and write its outputs into
    `options.out` (runs in a worker process): one Item per project, or one FAILED Item. Never raises."""
    from . import step
    from .voice import unwritten

    item = Item(rel, Status.FAILED)
    try:
        sha = item.sha256 = fingerprint(Path(source), Path(paired) if paired else None)
        items = []
        for outcome in step.process(source, options, paired=paired):
            result = outcome.result
            if not result.ok:
                # A scheme that does not fit is the run's choice, not the file's fault: not kept as final.
                failure = result.failure.value if result.failure is not Failure.SCHEME_MISMATCH else ""
                items.append(Item(rel, Status.FAILED, result.reason, sheet=result.part, sha256=sha, failure=failure))
            elif outcome.unwritten:
                items.append(Item(rel, Status.FAILED, unwritten(outcome), sheet=result.part, sha256=sha))
            else:
                items.append(Item.from_outcome(rel, outcome, sha))
        return items
    except OSError as exc:  # the input gone or unreadable: this file fails, the batch goes on
        item.reason = f"无法读取：{os_reason(exc)}"
    except Exception as exc:  # noqa: BLE001 (one bad workbook never stops the batch)
        item.reason = f"内部错误：{type(exc).__name__}: {exc}"
    return [item]


def run_batch(inbox: str | os.PathLike, out: str | os.PathLike | None = None, *, options: Options | None = None,
              recursive: bool = False, jobs: int | None = None, force: bool = False, settle: float = SETTLE_SECONDS,
              timeout: float | None = DEFAULT_TIMEOUT, on_progress: Callable[[int, int, Item], None] | None = None,
              on_log: Callable[[str], None] | None = None, **fields) -> Report:
    """Evaluate every workbook in `inbox` into `out` (default: inbox/评价结果) and write the summary
    with the review views. How each is evaluated and written is `options` (an `Options`), or the
    same given as keywords (`mask`, `report`, `outputs=False` for the summary only, `scheme`,
    `skip`, `only`). Each workbook runs in a worker process and may take `timeout` seconds.
    An inbox with nothing to take does nothing at all: `Report.note` says why, nothing is written.

    Prints nothing: `on_log` receives each log line, `on_progress(done, total, item)` each
    finished workbook. Raises BatchLocked when another run holds `out`, OSError when `out`
    cannot be made; a workbook that fails is an Item with status FAILED, never an exception.
    """
    from filelock import FileLock, Timeout

    inbox = Path(inbox)
    out = Path(out) if out is not None else inbox / DEFAULT_OUT
    job = _Job(inbox, out, recursive, jobs, force, settle, options or Options.of(**fields), timeout,
               on_log or (lambda line: None), on_progress)
    found = take, wait, _ = find_workbooks(inbox, out, recursive, settle)
    if not take:  # a nightly run on an empty inbox: no folder, no log, no summary, nothing wrong
        report = Report(out)
        report.counts[Status.SKIPPED] = len(wait)
        report.note = f"{len(wait)} 个文件 {settle:g} 秒内修改过，下次再处理" if wait else NOTHING
        return report
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / LOCK), timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise BatchLocked(f"输出目录正被另一个批处理使用：{out}") from exc
    try:
        return _run(job, found)
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
    options: Options  # how each workbook is evaluated and written (its `out` set per workbook)
    timeout: float | None  # seconds a workbook may take
    say: Callable[[str], None]
    progress: Callable[[int, int, Item], None] | None


def _run(job: _Job, found: tuple) -> Report:
    from . import review

    inbox, out = job.inbox, job.out
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    report = Report(out)
    lines: list[str] = []  # the log, written only when the run has something to do
    log_file = None

    held = False  # the disk was full: the log's lines wait for the space held back for them

    def log(line: str, console: bool = True, retry: bool = False) -> None:
        nonlocal held
        line = one_line(line)  # a line break in a file's name cannot fake a line of the log
        lines.append(f"{dt.datetime.now():%H:%M:%S} {line}\n")
        if log_file is not None and (retry or not held):
            try:
                log_file.writelines(lines)
                log_file.flush()
                lines.clear()
                held = False
            except OSError:
                held = True
        if console:
            job.say(line)

    _remove_stale_temps(out)
    manifest = Manifest(out)
    try:
        scheme_name = job.options.scheme.name if job.options.scheme else None  # another scheme: score again
        take, wait, ignored = found
        log(f"开始：{inbox} → {out}，工作簿 {len(take)} 个" + (f"，暂缓 {len(wait)} 个" if wait else ""), console=False)
        outside = [name for name, why in ignored if why == OUTSIDE]
        if outside:
            log(f"{len(outside)} 个链接指向收件箱以外的文件，未处理：" + "、".join(outside[:10])
                + ("……" if len(outside) > 10 else ""))
        # Each workbook by its path in the inbox, as it can be shown (a name that is not UTF-8 too).
        listed = [shown(path.relative_to(inbox).as_posix()) for path in take]  # the summary's workbooks
        paired, unpaired = _pair_reports(inbox, out, job.recursive, take)
        if unpaired:
            log(f"{len(unpaired)} 份自评报告没有找到对应的自评表（按文件名），未核对："
                + "、".join(shown(p.name) for p in unpaired[:10]) + ("……" if len(unpaired) > 10 else ""))
        todo = []
        for path, rel in zip(take, listed):
            old = manifest.get(rel)
            if not job.force and old and _unchanged(out, old, scheme_name, job.options.outputs) \
                    and old.get("sha256") == fingerprint(path, paired.get(path)):
                for row in entry_items(old):
                    report.counts[Status.UNCHANGED if row.get("status") == Status.DONE.value else Status.FAILED] += 1
            else:
                todo.append((path, rel))
        skipped = [Item(shown(path.relative_to(inbox).as_posix()), Status.SKIPPED, why).as_dict() for path, why in wait]
        report.counts[Status.SKIPPED] = len(skipped)
        present = set(listed) | {row["file"] for row in skipped}
        gone = [rel for rel in manifest if rel not in present]  # removed from the inbox since
        for rel in gone:
            manifest.remove(rel)
        fresh: set[str] = set()  # the workbooks done in this run (the others are listed as unchanged)
        retry: dict[str, list[dict]] = {}  # failed in this run, not by their own fault: listed, not kept

        def rows():
            for entry in manifest.entries(r for r in listed if r not in retry):
                kept = entry["file"] not in fresh
                for row in entry_items(entry):
                    if kept:
                        row = {**row, "status": (Status.UNCHANGED if row.get("status") == Status.DONE.value
                                                 else Status.FAILED).value}
                    yield row
            for items in retry.values():
                yield from items
            yield from skipped

        latest = _latest(out)
        if not todo and not gone and latest is not None:
            # Nothing new since the last run: its summary and log stand; no new files every night.
            report.summary, report.log = latest
            report.views = review.build(rows())
            return report
        reserve = _reserve(out)  # room for the log's end and the summary, should the disk fill up
        report.log = out / f"{LOG_PREFIX}{stamp}.log"
        try:
            log_file = open(report.log, "a", encoding="utf-8", errors="replace")  # noqa: SIM115 (closed below)
        except OSError as exc:
            job.say(f"无法写日志 {report.log}：{os_reason(exc)}")
        done = 0
        for items in _map(todo, job, paired):
            done += 1
            for item in items:
                if item.status is Status.DONE:
                    for key in ("results", "marked", "report", "corrected"):  # (a 自评报告's marked copy lies beside them)
                        value = getattr(item, key)
                        setattr(item, key, Path(value).relative_to(out).as_posix() if value else "")
                report.counts[item.status] += 1
                name = f"{item.file}（{item.sheet}）" if item.sheet else item.file
                # (a provisional grade names its 错误 itself: 95.80 分，优（待更正：9 个错误）)
                total = f"{UNKNOWN_SCORE}总分，错误 {item.errors}" if item.total is None else \
                    f"{item.total:.2f} 分，{grade_label(item.grade, item.errors, item.total)}" + \
                    ("" if item.grade and item.errors else f"，错误 {item.errors}")
                fixed = f"，更正 {item.fixed} 处" if item.fixed is not None else ""
                log(f"[{done}/{len(todo)}] {name}：" + (
                    f"{total}{fixed}" if item.status is Status.DONE
                    else item.status.value + (f"，{item.reason}" if item.reason else "")))
            # Kept once its outputs are in place (a workbook is done once or not at all): when all its
            # projects are done, or it cannot be read (its own fault). Otherwise the next run tries again,
            # and what an earlier run kept stands (a scheme that does not fit, a disk that was full).
            if all(i.status is Status.DONE for i in items) or all(i.failure for i in items):
                manifest.add(items)
                fresh.add(items[0].file)
            else:
                retry[items[0].file] = [i.as_dict() for i in items]
            if job.progress:
                for item in items:
                    job.progress(done, len(todo), item)
        reserve.unlink(missing_ok=True)  # the space held back: now for the log's end and the summary
        manifest.compact()
        report.views = review.build(rows())
        summary = out / f"{SUMMARY_PREFIX}{stamp}.xlsx"
        try:
            report.summary = write_atomic(summary, lambda tmp: write_summary(report.views, tmp))
        except OSError as exc:  # the journal is intact: the next run writes it
            report.problem = f"无法写出汇总表 {summary}：{os_reason(exc)}（已处理的工作簿都已记下，下次运行会补写汇总表）"
            log(report.problem, console=False, retry=True)
            return report
        log(f"结束：{report.tally()}；汇总表 {report.summary}", console=False, retry=True)
        if held:
            job.say(f"日志未能写完（磁盘空间已满）：{report.log}")
        return report
    finally:
        manifest.close()
        (out / RESERVE_FILE).unlink(missing_ok=True)
        if log_file is not None:
            log_file.close()


def _unchanged(out: Path, entry: dict, scheme_name: str | None, outputs: bool) -> bool:
    """The manifest's entry still stands: every project done (with its outputs in place, when this
    run writes them), or the file unreadable (a fault of its own content), under the same scheme."""
    items = entry_items(entry)
    if scheme_name is not None and entry.get("scheme") and entry.get("scheme") != scheme_name:
        return False
    if all(i.get("status") == Status.DONE.value for i in items):
        return all(_outputs_exist(out, i) for i in items) if outputs else True
    return all(i.get("status") == Status.FAILED.value and i.get("failure") for i in items)


def _latest(out: Path) -> tuple[Path, Path | None] | None:
    """The newest summary in `out` and the log of the same run, if any."""
    summaries = sorted(out.glob(f"{SUMMARY_PREFIX}*.xlsx"))
    if not summaries:
        return None
    log = out / f"{LOG_PREFIX}{summaries[-1].stem[len(SUMMARY_PREFIX):]}.log"
    return summaries[-1], log if log.exists() else None


def _pair_reports(inbox: Path, out: Path, recursive: bool, workbooks: list[Path]) -> tuple[dict[Path, Path], list[Path]]:
    """The 自评报告 (.docx, .pdf) of the inbox, each with its workbook (step.pair_inputs, by name),
    and those no workbook was found for."""
    from .step import pair_inputs

    out_resolved = out.resolve()
    reports = [p for p in sorted(inbox.rglob("*") if recursive else inbox.iterdir())
               if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and out_resolved not in p.resolve().parents
               and not _hidden(p) and not p.name.startswith(("~$", TEMP_PREFIX)) and not is_own_output(p)]
    if not reports:
        return {}, []
    pairs, unpaired = pair_inputs([*workbooks, *reports])
    return {w: r for w, r in pairs if r is not None}, unpaired


def _map(todo: list[tuple[Path, str]], job: _Job, paired: dict[Path, Path] | None = None):
    """Each workbook's Items as they finish, each workbook in a worker process of its own while
    it runs: one that crashes its worker or outlives `job.timeout` is one FAILED Item (tried
    again next run), and the rest go on."""
    from .isolation import Lost, Workers

    def args(path: Path, rel: str) -> tuple:
        report = (paired or {}).get(path)
        return (str(path), rel, job.options.into(job.out / Path(rel).parent), *((str(report),) if report else ()))

    workers = max(1, min(job.jobs or os.cpu_count() or 1, len(todo) or 1))
    with Workers(process, workers, job.timeout) as pool:
        for (_, rel, *_), items in pool.map(args(*x) for x in todo):
            yield [Item(rel, Status.FAILED, f"{items.reason}；下次运行会再试")] if isinstance(items, Lost) else items


def _outputs_exist(out: Path, entry: dict) -> bool:
    """The results workbook, and the marked copy and report where they were written."""
    return bool(entry.get("results")) and all((out / entry[k]).exists()
                                              for k in ("results", "marked", "report") if entry.get(k))


def _reserve(out: Path) -> Path:
    """Hold some of the output disk (`RESERVE` bytes, at most a quarter of what is free) until
    the log's end and the summary are due."""
    path = out / RESERVE_FILE
    try:
        size = min(RESERVE, shutil.disk_usage(out).free // 4)
        with open(path, "wb") as f:
            f.write(bytes(size))
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        pass  # a disk already full: what could be held is held
    return path


def _remove_stale_temps(out: Path) -> None:
    """Temporary files a killed run left behind (the lock says no run is writing now)."""
    for p in out.rglob(TEMP_PREFIX + "*"):
        if p.is_file():
            p.unlink(missing_ok=True)
