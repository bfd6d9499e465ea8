"""What every output of a workbook says, as plain data a test can compare with a stored copy.

Expected data lives in tests/expected/; `EXCEL_EVAL_REWRITE=1 python -m pytest …` writes it anew
when a change of output is meant (then read the diff before committing it).
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import openpyxl
from defusedxml import ElementTree

EXPECTED = Path(__file__).resolve().parent / "expected"
REWRITE = os.environ.get("EXCEL_EVAL_REWRITE") == "1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def workbook(path: Path) -> dict:
    """Each sheet's cells (formulas as text), merges and charts' titles."""
    book = openpyxl.load_workbook(path)
    out = {}
    for ws in book.worksheets:
        cells = {c.coordinate: _plain(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
        out[ws.title] = {"cells": cells, "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                         "charts": len(getattr(ws, "_charts", []))}
    with zipfile.ZipFile(path) as z:
        out["_charts"] = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
    return out


def document(path: Path) -> list[str]:
    """The .docx's paragraphs and table cells, in order, as text."""
    with zipfile.ZipFile(path) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text:
            lines.append(text)
    return lines


def _plain(value):
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, (int, str, bool)) or value is None:
        return value
    return str(value)


def scrub(data, root: Path):
    """The folder of a run and its time stamps taken out: what stays is what the output says."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace(str(root), "<out>")
    text = re.sub(r"\d{8}_\d{6}", "<stamp>", text)
    text = re.sub(r"\b[0-9a-f]{64}\b", "<sha256>", text)  # of inputs built with a time stamp inside
    return json.loads(text)


def compare(name: str, data) -> None:
    """`data` equals the stored tests/expected/`name`.json (written when rewriting)."""
    path = EXPECTED / f"{name}.json"
    if REWRITE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        if not REWRITE:
            raise AssertionError(f"{path.name} was missing and has been written: check it and commit it")
        return
    expected = json.loads(path.read_text("utf-8"))
    if data != expected:
        shown = "\n".join(differences(expected, data))
        raise AssertionError(f"{name}: output changed (EXCEL_EVAL_REWRITE=1 rewrites it when meant):\n{shown}")


def differences(old, new, where: str = "", limit: int = 20) -> list[str]:
    """The first places where `new` differs from `old`: `报告摘要.cells.B4: 'x' → 'y'`."""
    out: list[str] = []

    def walk(a, b, at: str) -> None:
        if len(out) >= limit or a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for k in sorted(set(a) | set(b), key=str):
                walk(a.get(k, "<none>"), b.get(k, "<none>"), f"{at}.{k}" if at else str(k))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{at}[{i}]")
        else:
            out.append(f"{at}: {str(a)[:200]!r} → {str(b)[:200]!r}")

    walk(old, new, where)
    return out
