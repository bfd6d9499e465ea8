"""指标得分: each indicator's points, the evaluator's score, the computed one and the difference."""

from __future__ import annotations

from ...keys import Key
from ..sheets import Block, cell, fit_row, new_sheet, write_number, write_text
from .book import MIN_DIFF, UNKNOWN_TOTAL, Book


def write(ctx: Book) -> Block:
    f = ctx.f
    ws = new_sheet(ctx.book, "指标得分", {0: 10, 1: 10, 2: 12, 3: 24, 4: 14, 5: 14, 6: 7, 7: 8, 8: 8, 9: 8, 10: 10, 11: 30})
    heads = ("一级指标", "二级指标", "三级指标", "四级指标", "年度指标值", "实际完成值", "分值", "自评得分",
             "核算得分", "差异", "计分规则", "说明")
    for c, head in enumerate(heads):
        write_text(ws, 0, c, head, f.header)
    inds = ctx.s.indicators
    for i, ind in enumerate(inds, start=1):
        row = ind.row
        for c, key in enumerate((Key.LEVEL1, Key.LEVEL2, Key.LEVEL3, Key.LEVEL4, Key.TARGET, Key.ACTUAL)):
            value = row.get(key)
            write_text(ws, i, c, "" if value is None else str(value.value), f.text)
        write_number(ws, i, 6, ind.weight, f.number)
        write_number(ws, i, 7, ind.self_score, f.number)
        if ind.score is None:  # neither computable nor typed: unknown, not 0
            write_text(ws, i, 8, UNKNOWN_TOTAL, f.text)
            ws.write_blank(i, 9, None, f.number)
        else:
            ws.write_number(i, 8, ind.score, f.number)
            ws.write_formula(i, 9, f"={cell(i, 8)}-{cell(i, 7)}", f.number, ind.score - (ind.self_score or 0))
        write_text(ws, i, 10, ind.rule.value, f.text)
        write_text(ws, i, 11, ind.remark, f.text)
        fit_row(ws, i, [(ind.remark, 30), (ind.name, 24), (row.text(Key.TARGET), 14), (row.text(Key.ACTUAL), 14)])
    last = max(len(inds), 1)
    tr = last + 1
    write_text(ws, tr, 0, "合计", f.total_label)
    for c in range(1, 6):
        ws.write_blank(tr, c, None, f.total_label)
    known = ctx.s.section_score  # None where an indicator's score is unknown: so is the sum
    typed = [i.self_score for i in inds if i.self_score is not None]
    sums = (sum(i.weight or 0 for i in inds), sum(typed) if typed else None, known)
    for c, value in zip((6, 7, 8), sums):
        if value is None:
            write_text(ws, tr, c, UNKNOWN_TOTAL if c == 8 else "", f.total_label)
        else:
            ws.write_formula(tr, c, f"=SUM({cell(1, c)}:{cell(last, c)})", f.total_number, value)
    if known is None:
        ws.write_blank(tr, 9, None, f.total_label)
    else:
        ws.write_formula(tr, 9, f"={cell(tr, 8)}-{cell(tr, 7)}", f.total_number, known - (sums[1] or 0))
    ws.conditional_format(1, 9, last, 9, {"type": "cell", "criteria": "not between",
                                          "minimum": -MIN_DIFF, "maximum": MIN_DIFF, "format": f.highlight})
    ws.autofilter(0, 0, last, len(heads) - 1)
    ws.freeze_panes(1, 4)
    ws.repeat_rows(0)
    return Block("指标得分", 1, last, {"weight": 6, "self": 7, "score": 8})
