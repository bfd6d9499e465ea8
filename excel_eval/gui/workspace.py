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

from ..layout import OPTION_NAMES
from ..triage import Limits
from ..vocab import Severity

PREFIX = "excel-eval-gui-"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not in a Windows file name
MAX_NAME = 120
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
BUDGET_LINES = 20  # the budget chart's bars


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
        """Evaluate a saved upload and write its outputs: one card per project (one for a file
        that cannot be read, with the reason)."""
        from ..batch import Item
        from ..pipeline import evaluate_all
        from ..writer import write_outputs

        cards, items = [], []
        for result in evaluate_all(path):
            if not result.ok:
                cards.append(failed_card(path.name, result.reason, result.part))
                continue
            out = path.parent / "结果"
            written = write_outputs(result, out)
            downloads = [{"label": label, "name": written[kind].name, "url": f"download/{self.offer(written[kind])}"}
                         for kind, label in (("results", "评价结果"), ("marked", "标注副本"), ("report", "自评报告"))
                         if kind in written]
            bundle = out / f"{path.stem}{'_' + result.part if result.part else ''}_全部输出.zip"
            with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as z:
                for p in written.values():
                    z.write(p, p.name)
            downloads.append({"label": "全部（zip）", "name": bundle.name, "url": f"download/{self.offer(bundle)}"})
            cards.append(card(result, downloads))
            items.append(Item.from_result(path.name, result, written, ""))
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


def failed_card(file: str, reason: str, sheet: str = "") -> dict:
    return {"file": file, "sheet": sheet, "ok": False, "reason": reason}


def card(result, downloads: list[dict]) -> dict:
    """What the page shows of one project."""
    s, m = result.scores, result.model
    budget_lines = []
    if m.budget is not None:
        for row in list(m.budget.rows)[:BUDGET_LINES]:
            name = row.text("item") or row.text("source") or f"第 {row.index + 1} 行"
            budget_lines.append({"name": name, "budget": row.num("budget"), "executed": row.num("executed")})
    survey = s.surveys[0] if s.surveys else None
    return {
        "file": result.path.name, "sheet": result.part, "ok": True,
        "project": result.info("project"), "unit": result.info("unit"), "year": result.year,
        "scheme": s.scheme.name, "total": s.total, "grade": s.grade or "", "grade_label": result.grade_label,
        "provisional": result.has_errors and s.grade is not None,
        "execution": result.execution_rate, "satisfaction": result.satisfaction,
        "counts": {sev.value: n for sev, n in result.counts.items()},
        "severities": [sev.value for sev in Severity],
        "findings": [{"severity": f.severity.value, "code": f.code, "where": str(f.loc) if f.loc else "",
                      "message": f.message, "hint": f.hint or ""} for f in result.findings],
        "sections": [{"name": x.name, "weight": x.weight, "score": x.score} for x in s.sections],
        "budget": {"unit": m.money_unit, "lines": budget_lines},
        "survey": None if survey is None else {"options": list(OPTION_NAMES), "counts": list(survey.counts),
                                               "respondents": survey.respondents},
        "downloads": downloads,
    }
