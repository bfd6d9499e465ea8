"""满意度: each questionnaire recomputed — each question's points by one formula from its counts, the
option weights and its 分值, with its shares and each option's points shown beside (values: the
formula already says how they come) — and its options' chart."""

from __future__ import annotations

from ... import layout
from ..sheets import Block, cell, new_sheet, reversed_categories, style_chart, write_text
from .book import Book


def write(ctx: Book, s) -> None:
    f = ctx.f
    suffix = s.survey.sheet[len(layout.SURVEY.name):].strip(" -－_") if len(ctx.s.surveys) > 1 else ""
    name = ("满意度" + (f"-{suffix}" if suffix else ""))[:31]
    ws = new_sheet(ctx.book, name, {0: 40, 1: 7, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10, 8: 8, 9: 4, 10: 8,
                           11: 7, 12: 7, 13: 7, 14: 7, 15: 7})
    write_text(ws, 0, 0, s.survey.title or s.survey.sheet, f.subtitle)
    heads = ["问卷题目及选项", "项目", *(f"{o}（{n}）" for o, n in zip(layout.OPTIONS, layout.OPTION_NAMES)),
             "各题得分", "分值"]
    write_text(ws, 1, 0, "选项权重", f.label)
    ws.write_blank(1, 1, None, f.label)
    for j, w in enumerate(s.weights):
        ws.write_number(1, 2 + j, w, f.number)
    for c, head in enumerate(heads):
        write_text(ws, 2, c, head, f.header)
    r = 3
    opt = range(2, 7)
    weights = f"{cell(1, 2, True)}:{cell(1, 6, True)}"
    for qs in s.questions:
        counts = f"{cell(r, 2)}:{cell(r, 6)}"
        ws.merge_range(r, 0, r + 2, 0, "", f.text)
        write_text(ws, r, 0, str(qs.question.text.value or ""), f.text)
        for k, word in enumerate(("人数", "占比", "得分")):
            write_text(ws, r + k, 1, word, f.label)
        for j, c in enumerate(opt):
            count = qs.question.counts.num(f"opt_{layout.OPTIONS[j]}") or 0
            ws.write_number(r, c, count, f.count)
            ws.write_number(r + 1, c, qs.ratios[j], f.percent)
            ws.write_number(r + 2, c, qs.points[j], f.number)
        # 分值 × Σ(人数 × 选项权重) ÷ Σ人数: the question's points from what was counted
        ws.write_formula(r, 7, f"=IF(SUM({counts})=0,0,{cell(r, 8)}*SUMPRODUCT({counts},{weights})/SUM({counts}))",
                         f.number, qs.score)
        weight = qs.question.weight.number if qs.question.weight else 0
        ws.write_number(r, 8, weight or 0, f.number)
        for rr in (r + 1, r + 2):
            ws.write_blank(rr, 7, None, f.text)
            ws.write_blank(rr, 8, None, f.text)
        r += 3
    count_rows = [3 + 3 * i for i in range(len(s.questions))]
    ws.merge_range(r, 0, r + 2, 0, "合计", f.total_label)
    for k, word in enumerate(("人数", "占比", "得分")):
        write_text(ws, r + k, 1, word, f.total_label)
    n_total = sum(s.counts)
    for j, c in enumerate(opt):
        ws.write_formula(r, c, "=" + "+".join(cell(x, c) for x in count_rows), f.total_count, s.counts[j])
        ws.write_number(r + 1, c, s.counts[j] / n_total if n_total else 0, f.total_percent)
        ws.write_number(r + 2, c, sum(qs.points[j] for qs in s.questions), f.total_number)
    ws.write_formula(r, 7, "=" + "+".join(cell(x, 7) for x in count_rows), f.total_number, s.score)
    ws.write_formula(r, 8, "=" + "+".join(cell(x, 8) for x in count_rows), f.total_number,
                     sum((qs.question.weight.number or 0) if qs.question.weight else 0 for qs in s.questions))
    for rr in (r + 1, r + 2):
        ws.write_blank(rr, 7, None, f.total_label)
        ws.write_blank(rr, 8, None, f.total_label)
    write_text(ws, r + 3, 0, f"满意度得分：{s.score:.2f} 分（由各选项人数与选项权重算出）", f.note)
    ws.freeze_panes(3, 1)
    # Chart data: counts per question side by side, for the 100% stacked bar chart (values: the chart
    # reads them, no reader of the sheet does).
    c0 = 10
    write_text(ws, 2, c0, "图表数据", f.header)
    for j, o in enumerate(layout.OPTIONS):
        write_text(ws, 2, c0 + 1 + j, o, f.header)
    for i, x in enumerate(count_rows):
        write_text(ws, 3 + i, c0, f"第{i + 1}题", f.text)
        for j in range(5):
            ws.write_number(3 + i, c0 + 1 + j, s.questions[i].question.counts.num(f"opt_{layout.OPTIONS[j]}") or 0, f.count)
    block = Block(name, 3, 3 + len(count_rows) - 1, {"q": c0, **{o: c0 + 1 + j for j, o in enumerate(layout.OPTIONS)}})
    chart = ctx.book.add_chart({"type": "bar", "subtype": "percent_stacked"})
    colours = ("#2E75B6", "#9DC3E6", "#FFD966", "#F4B183", "#C00000")
    for o, n, colour in zip(layout.OPTIONS, layout.OPTION_NAMES, colours):
        chart.add_series({"name": f"{o} {n}", "categories": block.series("q"), "values": block.series(o),
                          "fill": {"color": colour}, "gap": 60})
    style_chart(chart, "各题选项分布")
    reversed_categories(chart)
    ws.set_h_pagebreaks([r + 4])  # the chart prints on a page of its own, never cut in two
    ws.insert_chart(r + 5, 0, chart, {"x_scale": 1.6, "y_scale": max(1.0, min(2.5, len(count_rows) / 6))})
