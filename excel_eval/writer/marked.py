"""`<原文件名>_标注.xlsx`: a copy of the input with each finding's cell filled and commented.

The input itself is only ever read. openpyxl loads the input and saves the copy under a temporary
name that is renamed into place."""

from __future__ import annotations

from pathlib import Path

from ..evaluate import Result
from ..files import write_atomic
from .formats import SEVERITY_COLOURS

COMMENT_AUTHOR = "excel-eval"


def write_marked(result: Result, path: Path) -> Path:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    keep_vba = result.path.suffix.lower() == ".xlsm"
    book = openpyxl.load_workbook(result.path, keep_vba=keep_vba, rich_text=True)
    fills = {name: PatternFill("solid", fgColor=colour.lstrip("#")) for name, colour in SEVERITY_COLOURS.items()}
    by_cell: dict[tuple[str, str], list] = {}
    for f in result.findings:
        if f.loc is not None and f.loc.sheet in book.sheetnames:
            by_cell.setdefault((f.loc.sheet, f.loc.cell), []).append(f)
    for (sheet, ref), findings in by_cell.items():
        cell = book[sheet][ref]
        worst = min(findings, key=lambda f: f.severity.rank)
        cell.fill = fills[worst.severity.value]
        text = "\n\n".join(f"【{f.severity.value} {f.code}】{f.message}\n→ {f.hint}" for f in findings)
        comment = Comment(text, COMMENT_AUTHOR)
        comment.width, comment.height = 320, min(60 + 60 * len(findings), 400)
        cell.comment = comment
    return write_atomic(path, book.save, fallback=True)
