"""The seed 自评报告 as Word documents, built from their texts (the .txt beside this file).

A seed text is the report as it was extracted: paragraphs one a line, and each table as rows of
cells, every cell a line that starts with a tab and a row ended by a blank line. This script lays
them out again as a .docx: each paragraph a paragraph, each table a Word table with its rows (a
row of one cell, a table's title or note, spans the table; a shorter row's merged cell is merged again). Word's own bookmarks in the text
(`[bookmark: _Toc…]`) are dropped, and so are the tab-separated lines a chart's data was
extracted as (001 ends with its 得分情况 chart). Nothing is corrected: the reports' own contradictions stay.

    python tests/real/reports/build.py OUTDIR     # writes OUTDIR/000_….docx, …
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = sorted(HERE.glob("*.txt"))
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


def blocks(text: str) -> list[str | list[list[str]]]:
    """The seed text as paragraphs (str) and tables (rows of cells), in order."""
    out: list[str | list[list[str]]] = []
    table: list[list[str]] | None = None
    row: list[str] = []
    for raw in text.splitlines():
        line = BOOKMARK.sub("", raw)
        if line.startswith("\t"):
            if table is None:
                table = []
            row.append(line[1:].strip())
            continue
        if table is not None and not line.strip():  # a blank line ends a row
            if row:
                table.append(row)
                row = []
            continue
        if table is not None:  # a paragraph ends the table
            if row:
                table.append(row)
                row = []
            out.append(table)
            table = None
        if line.strip() and "\t" not in line:  # a chart's data, extracted as tab-separated lines: no text
            out.append(line.strip())
    if table is not None:
        if row:
            table.append(row)
        out.append(table)
    return out


def build(seed: Path, out: Path) -> Path:
    from docx import Document

    doc = Document()
    for block in blocks(seed.read_text("utf-8")):
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        width = max(len(r) for r in block)
        table = doc.add_table(rows=len(block), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(block):
            if len(cells) == 1 and width > 1:  # a title or a note across the table
                merged = table.cell(r, 0).merge(table.cell(r, width - 1))
                merged.text = cells[0]
                continue
            # A short row had a merged cell: the 合计 label over 序号 and 项目名称, or (a row
            # under a blank first cell and its label) the figure over the options' columns.
            wide = 0 if cells[0] else min(2, len(cells) - 1)
            span = width - len(cells) + 1
            c = 0
            for i, value in enumerate(cells):
                cell = table.cell(r, c)
                if i == wide and span > 1:
                    cell = cell.merge(table.cell(r, c + span - 1))
                    c += span - 1
                cell.text = value
                c += 1
    path = out / f"{seed.stem}.docx"
    doc.save(str(path))
    return path


def build_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [build(seed, out) for seed in SEEDS]


if __name__ == "__main__":
    for p in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(p)
