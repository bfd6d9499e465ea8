"""报告摘要: the sentences of the report's opening, and the section table, for pasting into the
自评报告: every figure is 总览's, written as a value (text to copy, not a second place to compute)."""

from __future__ import annotations

from ...report_text import summary_sentences
from ..sheets import new_sheet, write_text
from .book import UNKNOWN_TOTAL, Book


def write(ctx: Book) -> None:
    f, s = ctx.f, ctx.s
    ws = new_sheet(ctx.book, "报告摘要", {0: 16, 1: 14, 2: 14, 3: 14, 4: 14, 5: 20}, landscape=False)
    write_text(ws, 0, 0, "报告摘要（由核算结果生成，可直接粘贴到自评报告）", f.subtitle)
    sentences = summary_sentences(ctx.r)
    r = 2
    for text in sentences:
        ws.merge_range(r, 0, r, 5, "", f.sentence)
        write_text(ws, r, 0, text, f.sentence)
        ws.set_row(r, 16 * (1 + len(text) // 42))
        r += 1
    r += 1
    write_text(ws, r, 0, "项目绩效指标体系得分情况", f.subtitle)
    r += 1
    for c, head in enumerate(("项目", "权重分", "得分", "扣分", "得分率")):
        write_text(ws, r, c, head, f.header)
    for i, x in enumerate(s.sections):
        rr = r + 1 + i
        write_text(ws, rr, 0, x.name, f.text)
        for c, value, fmt in ((1, x.weight, f.number), (2, x.score, f.number), (3, x.deduction, f.number),
                              (4, x.rate or 0, f.percent)):
            if x.score is None and c > 1:  # 总览 says 未能计算 there: so does this
                write_text(ws, rr, c, UNKNOWN_TOTAL, f.text)
            else:
                ws.write_number(rr, c, value, fmt)
    tr = r + 1 + len(s.sections)
    write_text(ws, tr, 0, "合计", f.total_label)
    for c, value, fmt in ((1, s.weight, f.total_number), (2, s.total or 0, f.total_number),
                          (3, s.deduction or 0, f.total_number), (4, s.rate or 0, f.total_percent)):
        if s.total is None and c > 1:
            write_text(ws, tr, c, UNKNOWN_TOTAL, f.total_label)
            continue
        ws.write_number(tr, c, value, fmt)
