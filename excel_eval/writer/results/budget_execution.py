"""预算执行: each budget line with its rate and balance (as scoring gives them), the total, and the
lines' chart."""

from __future__ import annotations

from ... import layout
from ...keys import Key
from ..sheets import Block, cell, new_sheet, reversed_categories, style_chart, write_number, write_text
from .book import Book


def write(ctx: Book) -> Block | None:
    t, b = ctx.m.budget, ctx.s.budget
    if t is None or b is None:
        return None
    f = ctx.f
    ws = new_sheet(ctx.book, "预算执行", {0: 34, 1: 14, 2: 14, 3: 14, 4: 14, 5: 12, 6: 14})
    unit = ctx.m.money_unit
    heads = ("支出内容", "资金来源", f"全年预算数（{unit}）", f"到位数（{unit}）", f"执行数（{unit}）", "执行率",
             f"结余（{unit}）")
    for c, head in enumerate(heads):
        write_text(ws, 0, c, head, f.header)
    for i, line in enumerate(b.lines, start=1):
        write_text(ws, i, 0, line.row.text(Key.ITEM), f.text)
        write_text(ws, i, 1, line.row.text(Key.SOURCE) or layout.DEFAULT_FUND_SOURCE, f.text)
        for c, value in ((2, line.budget), (3, line.received), (4, line.executed)):
            write_number(ws, i, c, value, f.money)
        # (a blank amount is 0 in the sheet's own formulas, as Excel counts it)
        ws.write_formula(i, 5, f"=IF({cell(i, 2)}=0,0,{cell(i, 4)}/{cell(i, 2)})", f.percent, line.rate or 0)
        ws.write_formula(i, 6, f"={cell(i, 2)}-{cell(i, 4)}", f.money, (line.budget or 0) - (line.executed or 0))
    last = len(b.lines)
    tr = last + 1
    write_text(ws, tr, 0, "合计", f.total_label)
    ws.write_blank(tr, 1, None, f.total_label)
    for c, value in ((2, b.budget), (3, b.received or 0), (4, b.executed), (6, b.balance)):
        ws.write_formula(tr, c, f"=SUM({cell(1, c)}:{cell(last, c)})", f.total_money, value)
    ws.write_formula(tr, 5, f"=IF({cell(tr, 2)}=0,0,{cell(tr, 4)}/{cell(tr, 2)})", f.total_percent,
                     b.execution_rate or 0)
    ws.freeze_panes(1, 1)
    block = Block("预算执行", 1, last, {Key.ITEM: 0, Key.BUDGET: 2, Key.RECEIVED: 3, Key.EXECUTED: 4})
    chart = ctx.book.add_chart({"type": "bar"})
    for key, name, colour in ((Key.BUDGET, "全年预算数", "#9DC3E6"), (Key.EXECUTED, "执行数", "#2E75B6")):
        chart.add_series({"name": name, "categories": block.series(Key.ITEM), "values": block.series(key),
                          "fill": {"color": colour}})
    style_chart(chart, f"各支出明细预算与执行（{unit}）")
    reversed_categories(chart)
    ws.insert_chart(tr + 2, 0, chart, {"x_scale": 1.6, "y_scale": max(1.0, min(3.0, len(b.lines) / 6))})
    return block
