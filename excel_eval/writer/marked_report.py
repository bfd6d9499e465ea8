"""The marked copy of a 自评报告 given as .docx: the unit's own document with a Word comment at each
figure a finding is about (the paragraph, or the table cell, the finding names). The input is
only read; the copy is written atomically beside the other outputs.

Written with python-docx (imported only here): the comments go into the unit's own document,
whose every part (styles, numbering, pictures) must come through unchanged, which is what that
library's editing model is for; the report was read, and its limits checked, before this runs.
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

from ..files import write_atomic
from ..findings import Finding
from ..model import REPORT_SHEET, TABLE_ROWS
from ..result import Result

AUTHOR, INITIALS = "excel-eval", "EE"


def write_marked_report(result: Result, path: Path) -> Path | None:
    """Write the marked copy of the report read with `result`; None when it is no .docx."""
    source = result.report_source
    if source is None:
        return None
    from docx import Document  # noqa: PLC0415

    try:
        doc = Document(io.BytesIO(source.read()))
    except Exception:  # noqa: BLE001 (a package python-docx cannot open: a PDF, a damaged part)
        return None
    marks: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    for f in result.findings:
        for loc in f.locs:
            if loc.sheet == REPORT_SHEET and not loc.in_workbook:
                marks[(loc.row, loc.col)].append(f)
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]  # as reports/read.py numbers them
    for (row, col), found in sorted(marks.items()):
        if row >= TABLE_ROWS:
            number, r = divmod(row, TABLE_ROWS)
            try:
                paragraph = doc.tables[number - 1].cell(r, col).paragraphs[0]
            except IndexError:
                continue
        elif 0 < row <= len(paragraphs):
            paragraph = paragraphs[row - 1]
        else:
            continue
        runs = [run for run in paragraph.runs if run.text]
        if runs:
            doc.add_comment(runs, text=_note(found), author=AUTHOR, initials=INITIALS)
    return write_atomic(path, lambda tmp: doc.save(str(tmp)), fallback=True)


def _note(findings: list[Finding]) -> str:
    return "\n\n".join(f"【{f.severity.value} {f.code}】{f.message}\n→ {f.hint}" for f in findings)


__all__ = ["write_marked_report"]
