"""What the desktop page does with a workbook, without any web framework: save the upload
(streamed, within the reader's limits), evaluate it, write its outputs, and describe each project
as a card the page draws. Every file the page can download is one this workspace wrote, known by
an id it gave; nothing is found by a name or a path the browser sends.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..triage import Limits
from ..voice import failed_card

PREFIX = "excel-eval-gui-"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not in a Windows file name
MAX_NAME = 120
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


class TooLarge(Exception):
    """An upload over the reader's size limit."""


def safe_name(name: str) -> str:
    """The file name a browser sent, reduced to a plain name: no folder, no character Windows
    refuses, never empty (`../../a.xlsx` → `a.xlsx`)."""
    base = re.split(r"[\\/]", name or "")[-1].strip().strip(".")
    base = _UNSAFE.sub("_", base)[-MAX_NAME:]
    if base.split(".")[0].upper() in _RESERVED:  # CON.xlsx cannot be a file on Windows
        base = "_" + base
    return base or "工作簿.xlsx"


@dataclass
class Workspace:
    """A temporary folder holding every upload and output of one `excel-eval gui` run."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix=PREFIX)))
    limits: Limits = field(default_factory=Limits.from_env)
    files: dict[str, Path] = field(default_factory=dict)  # download id → a file this workspace wrote
    items: dict[str, list] = field(default_factory=dict)  # upload id → its batch Items (for a folder's summary)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

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

    def too_large(self) -> TooLarge:
        return TooLarge(f"文件超过 {self.limits.max_unzipped_mb:g} MB，未处理（如确需处理，可设置环境变量 "
                        "EXCEL_EVAL_MAX_UNZIPPED_MB 提高上限）")

    def offer(self, path: Path) -> str:
        """Register a file this workspace wrote; its download id."""
        key = self._id()
        self.files[key] = path
        return key

    def download(self, key: str) -> Path | None:
        path = self.files.get(key)
        return path if path is not None and path.is_file() else None

    # --- one workbook ------------------------------------------------------------------------

    def process(self, upload: str, path: Path) -> list[dict]:
        """Evaluate a saved upload and write its outputs (the one processing step, as `run` and
        `batch` do): one card per project (one for a file that cannot be read, with the reason)."""
        from ..batch import Item
        from ..step import Options, process
        from ..voice import card

        cards, items = [], []
        for outcome in process(path, Options(out=path.parent / "结果")):
            offer = lambda p: f"download/{self.offer(p)}"  # noqa: E731
            shown = card(outcome, offer)
            if shown["ok"]:
                result = outcome.result
                bundle = path.parent / "结果" / f"{path.stem}{'_' + result.tag if result.tag else ''}_全部输出.zip"
                with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as z:
                    for p in outcome.written.values():
                        z.write(p, p.name)
                shown["downloads"].append({"label": "全部（zip）", "name": bundle.name, "url": offer(bundle)})
                items.append(Item.from_outcome(path.name, outcome, ""))
            cards.append(shown)
        self.items[upload] = items
        return cards

    # --- a folder ----------------------------------------------------------------------------

    def summary(self, uploads: list[str], failed: list[dict]) -> dict:
        """The batch summary of a folder's uploads: the review views and the 汇总 workbook."""
        from ..review import build
        from ..vocab import Status
        from ..writer.summary import write_summary

        # (the outputs sit in this run's temporary folder: the summary downloaded alone cannot link them)
        rows = [{**i.as_dict(), "results": "", "marked": "", "report": ""} for u in uploads for i in self.items.get(u, [])]
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

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
