"""What the desktop page does with a workbook, without any web framework: save the upload
(streamed, within the reader's limits), evaluate it, write its outputs, and describe each project
as a card the page draws. Every file the page can download is one this workspace wrote, known by
an id it gave; nothing is found by a name or a path the browser sends.

The workspace is one temporary folder per run, named with the run's process id so that a later
run can tell a folder left behind (a run killed outright) from a live one, and sweep it.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..naming import WORKBOOK_SUFFIXES
from ..triage import Limits
from ..voice import failed_card

PREFIX = "excel-eval-gui-"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')  # not in a Windows file name
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",  # Windows devices, whatever the extension or case
             *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "\u00b9", "\u00b2", "\u00b3"))}
REPORT_SUFFIXES = (".docx", ".pdf")  # a unit's 自评报告, checked with its workbook or on its own
MAX_NAME_BYTES = 255  # a name on Linux (255 bytes) and Windows (255 UTF-16 units, never more than its UTF-8 bytes)
# An output's name is the upload's stem and what the writer adds: `_<sheet, up to 31 characters>_xls_评价结果(20).xlsx`
# is 127 bytes at most; the stem keeps the rest, so that no output name is ever too long to write.
OUTPUT_ROOM = 128
MAX_SHOWN = 260  # characters of a file's path in its folder, as shown
STOP_WAIT = 2.0  # seconds a stop waits for the files in flight once their child processes are killed


class TooLarge(Exception):
    """An upload over the reader's size limit."""


def _clean(name: str) -> tuple[str, str]:
    """The file name a browser sent as a plain name safe on every file system, and what the
    card says when it had to be changed beyond dropping its folder ("" when not)."""
    base = re.split(r"[\\/]", name or "")[-1]
    # format characters are invisible: U+202E shows `表xslx.exe` as `表exe.xlsx`; zero widths hide in names
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cf", "Cs"))
    base = _UNSAFE.sub("_", base).strip().strip(".")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    note = ""
    if f".{ext.lower()}" not in WORKBOOK_SUFFIXES + REPORT_SUFFIXES:  # x.html is read by its content, saved as a workbook
        note = f"“{base}”的扩展名不是 {'、'.join(WORKBOOK_SUFFIXES)}" if base else ""
        stem, ext = "_".join(p for p in (stem, ext) if p), "xlsx"
    stem = stem or "工作簿"
    size = len(base.encode("utf-8"))
    if len(stem.encode("utf-8")) > MAX_NAME_BYTES - OUTPUT_ROOM:
        stem = stem.encode("utf-8")[:MAX_NAME_BYTES - OUTPUT_ROOM].decode("utf-8", "ignore").rstrip(" .")
        note = f"文件名过长（{size} 字节，加上“_评价结果”等后缀会超过 {MAX_NAME_BYTES} 字节的上限）"
    if stem.split(".")[0].rstrip(" ").upper() in _RESERVED:  # CON.xlsx, `NUL .xlsx`, COM¹.xlsx: devices on Windows
        stem = "_" + stem
    saved = f"{stem}.{ext}"
    return saved, f"{note}，已按“{saved}”处理。" if note else ""


def safe_name(name: str) -> str:
    """The file name a browser sent, reduced to a plain name: no folder, no character Windows
    refuses or that hides, no device name, a workbook extension, short enough for every output
    name made from it (by UTF-8 bytes), never empty (`../../a.xlsx` → `a.xlsx`)."""
    return _clean(name)[0]


def name_note(name: str) -> str:
    """What a card says of a name that had to be shortened or given a workbook extension."""
    return _clean(name)[1]


def display_name(path: str) -> str:
    """A file's place in the folder the officer chose (`甲单位/项目支出绩效自评表.xlsx`), as the
    page sent it: shown on cards and in the summary, never used as a path on disk."""
    text = "".join(c for c in path or "" if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    parts = [p.strip() for p in re.split(r"[\\/]+", text) if p.strip() not in ("", ".", "..")]
    shown = "/".join(parts)
    return shown if len(shown) <= MAX_SHOWN else "…" + shown[-MAX_SHOWN + 1:]


def _alive(pid: int) -> bool:
    """Whether a process runs under this id (a stale folder's run, or a live one)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) on Windows would send Ctrl+C to a process group
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        try:
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's: it exists
        return True
    return True


def sweep(folder: str | os.PathLike | None = None) -> int:
    """Remove the folders earlier runs left behind (a run killed outright, a power cut): every
    folder of this page in the temporary directory whose run is no longer alive; how many. A
    live run's folder is never touched: its name carries its process id. A folder without one
    is from a release before the ids were added."""
    swept = 0
    for path in Path(folder or tempfile.gettempdir()).glob(PREFIX + "*"):
        pid = re.match(rf"{re.escape(PREFIX)}(\d+)-", path.name)
        if path.is_symlink() or not path.is_dir() or (pid and _alive(int(pid[1]))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        swept += not path.exists()
    return swept


def _new_root() -> Path:
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def _kill(proc) -> None:
    try:
        proc.kill()
    except (OSError, ValueError, AttributeError):  # already gone, or closed
        pass


@dataclass(eq=False, repr=False)
class Workspace:
    """A temporary folder holding every upload and output of one `excel-eval gui` run.

    Each upload is evaluated in a thread of its own (`start`), which runs the child process that
    does the work and registers it (`child`) while it runs: skipping the file (`cancel`) or
    stopping the page (`stop`) kills it, so that nothing writes into the folder once `close` has
    removed it."""

    root: Path = field(default_factory=_new_root)
    limits: Limits = field(default_factory=Limits.from_env)
    files: dict[str, Path] = field(default_factory=dict)  # download id → a file this workspace wrote
    items: dict[str, list] = field(default_factory=dict)  # upload id → its batch Items (for a folder's summary)
    shown: dict[str, str] = field(default_factory=dict)  # upload id → its path in the folder chosen, as shown
    children: dict[str, object] = field(default_factory=dict)  # upload id → its child process, while it runs
    held: dict[str, Path] = field(default_factory=dict)  # upload id → a 自评报告 saved for the workbook sent next
    workers: set[threading.Thread] = field(default_factory=set)  # the threads of the files in flight
    stopping: threading.Event = field(default_factory=threading.Event)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _workers: object = None  # isolation.Workers, once an upload needs one

    @property
    def max_bytes(self) -> int:
        return int(self.limits.max_unzipped_mb * 1024 * 1024)

    def _id(self) -> str:
        with self._lock:
            return str(next(self._ids))

    def new_upload(self, name: str) -> tuple[str, Path]:
        """A fresh folder for one upload, and the path its workbook is saved at."""
        upload = self._id()
        folder = self.root / upload
        folder.mkdir()
        return upload, folder / safe_name(name)

    def discard(self, upload: str) -> None:
        """Forget an upload the page gave up on (skipped, or its connection lost) and remove its files."""
        self.items.pop(upload, None)
        self.shown.pop(upload, None)
        shutil.rmtree(self.root / upload, ignore_errors=True)

    def too_large(self) -> TooLarge:
        return TooLarge(f"文件超过 {self.limits.max_unzipped_mb:g} MB 的上限，未处理")

    def offer(self, path: Path) -> str:
        """Register a file this workspace wrote; its download id."""
        key = self._id()
        self.files[key] = path
        return key

    def download(self, key: str) -> Path | None:
        path = self.files.get(key)
        return path if path is not None and path.is_file() else None

    # --- files in flight, and the stop -------------------------------------------------------

    def start(self, target: Callable[[], object]) -> threading.Thread:
        """Run `target` in a thread of its own, counted as a file in flight until it returns. A
        daemon thread: the interpreter never waits for it at exit (`close` waits a little)."""
        def run() -> None:
            try:
                target()
            finally:
                with self._lock:
                    self.workers.discard(thread)

        thread = threading.Thread(target=run, daemon=True, name="excel-eval-file")
        with self._lock:
            self.workers.add(thread)
        thread.start()
        return thread

    @contextmanager
    def child(self, upload: str, proc) -> Iterator[object]:
        """While the child process `proc` (anything with `kill()`) evaluates `upload`: skipping
        the file or stopping the page kills it."""
        self.children[upload] = proc
        try:
            if self.stopping.is_set():
                _kill(proc)
            yield proc
        finally:
            self.children.pop(upload, None)

    def cancel(self, upload: str) -> None:
        """The page skipped this upload: its child process is killed."""
        proc = self.children.get(upload)
        if proc is not None:
            _kill(proc)

    def stop(self) -> None:
        """The page is stopping: no new work, and every child process in flight is killed now
        (not after it finishes)."""
        self.stopping.set()
        for proc in list(self.children.values()):
            _kill(proc)

    @property
    def busy(self) -> bool:
        with self._lock:
            return any(t.is_alive() for t in self.workers)

    def close(self, wait: float = STOP_WAIT) -> bool:
        """Stop, give the files in flight `wait` seconds to end, and remove the folder. True when
        it is gone and nothing in this process can write into it again."""
        self.stop()
        deadline = time.monotonic() + wait
        for thread in list(self.workers):
            thread.join(max(0.0, deadline - time.monotonic()))
        if self._workers is not None:
            self._workers.close()
        shutil.rmtree(self.root, ignore_errors=True)
        return not self.root.exists() and not self.busy

    # --- one workbook ------------------------------------------------------------------------

    def process(self, upload: str, path: Path, paired: Path | None = None) -> list[dict]:
        """Evaluate a saved upload and write its outputs in a child process (the one processing
        step, as `run` and `batch` do): one card per project, one for a file that cannot be read.
        Whatever the file does to the child — a native abort, memory, a file that never ends —
        costs this card alone; skipping the file or stopping the page kills the child."""
        from ..batch import Item
        from ..isolation import Lost

        def started(proc) -> None:
            self.children[upload] = proc
            if self.stopping.is_set():
                _kill(proc)

        try:
            answer = self.isolated.run(str(path), str(paired) if paired else None, started=started)
        finally:
            self.children.pop(upload, None)
        if isinstance(answer, Lost):
            self.items[upload] = []
            return [failed_card(path.name, answer.reason + "；请检查该文件，或把它发给维护人员")]
        cards, items = answer
        for card in cards:  # each file the child wrote, offered under an id of this workspace
            for download in card.get("downloads", []):
                download["url"] = f"download/{self.offer(Path(download['url']))}"
        self.items[upload] = [Item.from_dict(i) for i in items]
        return cards

    @property
    def isolated(self):
        """The child processes uploads are evaluated in (started when first needed)."""
        with self._lock:
            if self._workers is None:
                from ..batch import DEFAULT_TIMEOUT
                from ..isolation import Workers, threadsafe_start

                self._workers = Workers(evaluate_upload, 1, DEFAULT_TIMEOUT, threadsafe_start())
            return self._workers

    # --- a folder ----------------------------------------------------------------------------

    def summary(self, uploads: list[str], failed: list[dict]) -> dict:
        """The batch summary of a folder's uploads: the review views and the 汇总 workbook."""
        from ..review import build
        from ..vocab import Status
        from ..writer.summary import write_summary

        # (the outputs sit in this run's temporary folder: the summary downloaded alone cannot link them)
        # (a project is named by the file's path in the folder chosen: 甲单位/自评表.xlsx and 乙单位/自评表.xlsx)
        rows = [{**i.as_dict(), "file": self.shown.get(u) or i.file, "results": "", "marked": "", "report": "",
                 "corrected": ""}
                for u in uploads for i in self.items.get(u, [])]
        rows += [{"file": f.get("file", ""), "status": Status.FAILED.value, "reason": f.get("reason", "")}
                 for f in failed]
        views = build(rows)
        path = self.root / f"汇总_{self._id()}.xlsx"
        write_summary(views, path)
        doc = views.as_json()
        counts = views.projects["status"].value_counts().to_dict()
        return {"tally": {s.value: int(counts.get(s.value, 0)) for s in (Status.DONE, Status.FAILED)},
                "departments": doc["by_department"], "priority": doc["priority"][:50],
                "download": {"label": "汇总表", "name": "汇总.xlsx", "url": f"download/{self.offer(path)}"}}


def evaluate_upload(path: str, paired: str | None = None) -> tuple[list[dict], list[dict]]:
    """In the child process: the upload evaluated (with the 自评报告 sent for it, `paired`) and its
    outputs written beside it (`结果/`); its cards, each download given as the path written, and
    the batch rows of its projects (a report on its own has none)."""
    from ..batch import Item
    from ..step import Fixing, Options, process
    from ..voice import card

    source = Path(path)
    out = source.parent / "结果"
    cards, items = [], []
    for outcome in process(source, Options(out=out, fix=Fixing()), paired=paired):  # with the corrected copy to download
        shown = card(outcome, str)
        if shown["ok"] and not outcome.result.report_only:
            tag = outcome.result.tag
            bundle = out / f"{source.stem}{'_' + tag if tag else ''}_全部输出.zip"
            with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as z:
                for p in outcome.written.values():
                    z.write(p, p.name)
            shown["downloads"].append({"label": "全部（zip）", "name": bundle.name, "url": str(bundle)})
            items.append(Item.from_outcome(source.name, outcome, "").as_dict())
        cards.append(shown)
    return cards, items
