"""资金分配: the money passed down, summed by region (or unit), its chart, and the units listed
(all of them for a short roster, the flagged ones for a long one), personal data masked."""

from __future__ import annotations

from collections import Counter

from ... import layout
from ...keys import Key
from ...privacy import masked
from ..sheets import Block, cell, new_sheet, reversed_categories, style_chart, write_text
from .book import DETAIL_LIMIT, TOP_UNITS, Book


def write(ctx: Book) -> None:
    t, f = ctx.m.allocation, ctx.f
    ws = new_sheet(ctx.book, "资金分配", {0: 24, 1: 12, 2: 10, 3: 14, 4: 10, 5: 4, 6: 24, 7: 12, 8: 8, 9: 10, 10: 14,
                             11: 14, 12: 10, 13: 16})
    data = t.data()
    regions = data.texts(Key.REGION)
    by_region = any(regions)
    names = regions if by_region else data.texts(Key.NAME)
    names = [name or "（未填）" for name in names] if "" in names else names
    counts = Counter(names)  # (in the order the names first come, as the sums)
    amounts = dict.fromkeys(counts, 0.0)
    for name, amount in zip(names, data.numbers(Key.AMOUNT)):
        amounts[name] += amount or 0
    totals = sorted(((name, amounts[name], counts[name]) for name in amounts), key=lambda x: -x[1])
    if len(totals) > TOP_UNITS:
        rest = totals[TOP_UNITS:]
        totals = totals[:TOP_UNITS] + [("其他", sum(x[1] for x in rest), sum(x[2] for x in rest))]
    unit = ctx.m.money_unit
    write_text(ws, 0, 0, "按所属地区汇总" if by_region else "按单位汇总", f.subtitle)
    for c, head in enumerate(("所属地区" if by_region else "单位名称", f"分配金额（{unit}）", "单位数", "占比")):
        write_text(ws, 1, c, head, f.header)
    first = 2
    for i, (name, amount, n) in enumerate(totals):
        r = first + i
        write_text(ws, r, 0, name, f.text)
        ws.write_number(r, 1, amount, f.money)
        ws.write_number(r, 2, n, f.count)
    last = first + len(totals) - 1
    tr = last + 1
    grand = sum(x[1] for x in totals)
    write_text(ws, tr, 0, "合计", f.total_label)
    ws.write_formula(tr, 1, f"=SUM({cell(first, 1)}:{cell(last, 1)})", f.total_money, grand)
    ws.write_formula(tr, 2, f"=SUM({cell(first, 2)}:{cell(last, 2)})", f.total_count, sum(x[2] for x in totals))
    for i, (_, amount, _) in enumerate(totals):
        r = first + i
        ws.write_formula(r, 3, f"=IF({cell(tr, 1, True)}=0,0,{cell(r, 1)}/{cell(tr, 1, True)})", f.percent,
                         amount / grand if grand else 0)
    ws.write_formula(tr, 3, f"=SUM({cell(first, 3)}:{cell(last, 3)})", f.total_percent, 1.0 if grand else 0)
    block = Block("资金分配", first, last, {"name": 0, "amount": 1})
    chart = ctx.book.add_chart({"type": "bar"})
    chart.add_series({"name": "分配金额", "categories": block.series("name"), "values": block.series("amount"),
                      "fill": {"color": "#2E75B6"}, "data_labels": {"value": True, "num_format": "#,##0.00"}})
    style_chart(chart, "资金分配（按" + ("地区" if by_region else "单位") + f"，{unit}）")
    reversed_categories(chart)
    chart.set_legend({"none": True})
    ws.insert_chart(tr + 2, 0, chart, {"x_scale": 1.2, "y_scale": max(1.0, min(3.0, len(totals) / 8))})
    allocation_detail(ctx, ws, t, data)


def allocation_detail(ctx: Book, ws, t, data) -> None:
    f = ctx.f
    flagged = {x.loc.row for x in ctx.r.findings if x.loc and x.loc.sheet == t.sheet}
    every = len(data) <= DETAIL_LIMIT
    rows = [data.row(i) for i, r in enumerate(data.index) if every or r in flagged]
    col0 = 6
    title = "单位明细" if every else f"有问题的单位（共 {len(data)} 行，仅列出有问题的 {len(rows)} 行）"
    write_text(ws, 0, col0, title + ("（个人信息已打码）" if ctx.mask else ""), f.subtitle)
    keys = (Key.NAME, Key.REGION, Key.QUANTITY, Key.STANDARD, Key.AMOUNT, Key.PAID, Key.CONTACT, Key.PHONE)
    heads = [layout.ALLOCATION.column(k).label for k in keys]
    for c, head in enumerate(heads):
        write_text(ws, 1, col0 + c, head, f.header)
    for i, row in enumerate(rows, start=2):
        for c, key in enumerate(keys):
            value = row.get(key)
            if value is None:
                ws.write_blank(i, col0 + c, None, f.text)
            elif key in (Key.QUANTITY, Key.STANDARD, Key.AMOUNT, Key.PAID) and value.number is not None:
                ws.write_number(i, col0 + c, value.number, f.money if key is not Key.QUANTITY else f.count)
            else:
                text = masked(key, str(value.value)) if ctx.mask else str(value.value)
                write_text(ws, i, col0 + c, text, f.text)
    ws.freeze_panes(2, 0)
