"""问题清单: every finding, its cell linked into the marked-up copy, with its effect on the total."""

from __future__ import annotations

from ...naming import linkable
from ...text import xml_safe
from ..sheets import Block, fit_row, new_sheet, q, write_number, write_text
from .book import Book


def write(ctx: Book) -> Block:
    f = ctx.f
    ws = new_sheet(ctx.book, "问题清单", {0: 6, 1: 7, 2: 12, 3: 8, 4: 50, 5: 12, 6: 12, 7: 45, 8: 24, 9: 9})
    heads = ("级别", "代码", "工作表", "单元格", "问题", "应为", "实为", "修改建议", "涉及单元格", "影响总分")
    for c, head in enumerate(heads):
        write_text(ws, 0, c, head, f.header)
    for i, x in enumerate(ctx.r.findings, start=1):
        write_text(ws, i, 0, x.severity.value, f.severity[x.severity])
        write_text(ws, i, 1, x.code, f.text)
        write_text(ws, i, 2, x.loc.sheet if x.loc else "", f.text)
        if x.loc and x.loc.in_workbook and linkable(ctx.marked):  # the marked copy beside it, never anything else
            ws.write_url(i, 3, xml_safe(f"external:{ctx.marked}#{q(x.loc.sheet)}!{x.loc.cell}"), f.link,
                         x.loc.cell, "打开标注副本中的这个单元格")
        else:
            write_text(ws, i, 3, x.loc.cell if x.loc else "", f.text)
        for c, text in enumerate((x.message, x.expected, x.actual, x.hint,
                                  "、".join(loc.cell for loc in x.locs) if len(x.locs) > 1 else ""), start=4):
            write_text(ws, i, c, text, f.text)
        write_number(ws, i, 9, x.score_effect or None, f.number)  # blank where the total is untouched
        fit_row(ws, i, [(x.message, 50), (x.hint, 45), (x.expected, 12), (x.actual, 12)])
    last = max(len(ctx.r.findings), 1)
    if not ctx.r.findings:
        write_text(ws, 1, 0, "未发现问题。", f.note)
    ws.autofilter(0, 0, last, len(heads) - 1)
    ws.freeze_panes(1, 0)
    ws.repeat_rows(0)
    return Block("问题清单", 1, last, {"severity": 0})
