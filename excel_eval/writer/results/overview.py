"""总览: the project, its total and grade, the section table and the key figures, and the
sections' chart. Written last (it counts the findings) but shown first."""

from __future__ import annotations

from ...keys import Key
from ...vocab import Severity, provisional
from ..sheets import Block, cell, fit_row, page, q, style_chart, write_number, write_text
from .book import UNKNOWN_TOTAL, Book, source_text


def scheme_text(ctx: Book) -> str:
    """The scheme and its points; for a 自评表 family that sets only some sections (一体化), those
    and the rest as one sum, so the overview does not promise 产出 50 where the unit chose 60."""
    scheme = ctx.s.scheme
    family = ctx.m.family
    if family.fixed_sections is None:
        return f"{scheme.name}（{scheme.description}）"
    if not family.fixed_sections:
        return f"{scheme.name}（计分规则按财预〔2020〕10号，各部分分值按本表所列）"
    fixed = [(n, w) for n, w in scheme.sections if n in family.fixed_sections]
    rest = sum(w for _, w in scheme.sections) - sum(w for _, w in fixed)
    return (f"{scheme.name}（" + " + ".join(f"{n}{w:g}" for n, w in fixed)
            + f" + 绩效指标{rest:g}，各一级指标的分值由单位确定）")


def write(ctx: Book, ws, findings: Block, budget: Block | None) -> Block:
    f, s, info = ctx.f, ctx.s, ctx.m.info
    for col, width in {0: 16, 1: 14, 2: 14, 3: 14, 4: 14, 5: 4, 6: 16, 7: 30}.items():
        ws.set_column(col, col, width)
    page(ws, pages_tall=1, margins=None)  # the overview prints on one page
    write_text(ws, 0, 0, "项目支出绩效自评结果", f.title)
    rows = [("项目名称", info.text(Key.PROJECT)), ("主管部门", info.text(Key.DEPARTMENT)),
            ("实施单位", info.text(Key.UNIT)), ("评价年度", str(ctx.m.year or "")),
            ("评分体系", scheme_text(ctx)), ("源文件", source_text(ctx.m, ctx.r.path.name))]
    for i, (label, value) in enumerate(rows, start=2):
        write_text(ws, i, 0, label, f.label)
        ws.merge_range(i, 1, i, 4, "", f.text)
        write_text(ws, i, 1, value, f.text)
        fit_row(ws, i, [(value, 14 * 4)], least=20 if i < 4 else 0)  # rows 2 and 3 hold the total and grade
    # The section table, in the layout of the reports.
    top = 10
    write_text(ws, top - 1, 0, "项目绩效指标体系得分情况", f.subtitle)
    for c, head in enumerate(("一级指标", "权重分", "得分", "扣分", "得分率")):
        write_text(ws, top, c, head, f.header)
    first = top + 1
    for i, sec in enumerate(s.sections):
        r = first + i
        write_text(ws, r, 0, sec.name, f.text)
        ws.write_number(r, 1, sec.weight, f.number)
        if sec.score is None:  # an indicator in it has no score: unknown, not 0 and no 扣分
            for c in (2, 3, 4):
                write_text(ws, r, c, UNKNOWN_TOTAL, f.text)
            continue
        ws.write_number(r, 2, sec.score, f.number)
        ws.write_formula(r, 3, f"={cell(r, 1)}-{cell(r, 2)}", f.number, sec.deduction)
        ws.write_formula(r, 4, f"=IF({cell(r, 1)}=0,0,{cell(r, 2)}/{cell(r, 1)})", f.percent, sec.rate or 0)
    last = first + max(len(s.sections), 1) - 1
    tr = last + 1
    weight, total = s.weight, s.total or 0.0
    write_text(ws, tr, 0, "合计", f.total_label)
    for c, value in ((1, weight), (2, total), (3, weight - total)):
        if s.total is None and c > 1:
            write_text(ws, tr, c, UNKNOWN_TOTAL, f.total_label)
        else:
            ws.write_formula(tr, c, f"=SUM({cell(first, c)}:{cell(last, c)})", f.total_number, value)
    if s.total is None:
        write_text(ws, tr, 4, UNKNOWN_TOTAL, f.total_label)
    else:
        ws.write_formula(tr, 4, f"=IF({cell(tr, 1)}=0,0,{cell(tr, 2)}/{cell(tr, 1)})", f.total_percent, s.rate or 0)
    sections = Block("总览", first, last, {"name": 0, "weight": 1, "score": 2, "deduction": 3, "rate": 4})
    # Key figures beside it.
    k = 2
    write_text(ws, k, 6, "核算总分", f.label)
    write_text(ws, k + 1, 6, "评定等级", f.label)
    if s.total is None:  # an indicator unscored (I019) or a formula the tool could not compute (R012)
        write_text(ws, k, 7, ctx.r.unknown_total, f.big_text)
        write_text(ws, k + 1, 7, UNKNOWN_TOTAL, f.big_text)
    else:
        ws.write_formula(k, 7, f"={cell(tr, 2)}", f.big, total)
        errors = ctx.r.count(Severity.ERROR)
        if s.grade is None:  # points that do not add to 100: no grade on a 100-point scale (I001)
            write_text(ws, k + 1, 7, ctx.r.grade_label, f.big_provisional)
        elif errors:  # provisional, in a warning colour: the workbook contradicts itself
            ws.write_formula(k + 1, 7, grade_formula(ctx, cell(k, 7), f"（{provisional(errors)}）"),
                             f.big_provisional, ctx.r.grade_label)
        else:
            ws.write_formula(k + 1, 7, grade_formula(ctx, cell(k, 7)), f.big_text, s.grade or "")
    figures = [("自评总分（评价人）", s.self_total, f.number), ("报告总分（正文）", info.num(Key.REPORT_TOTAL), f.number),
               ("满意度", s.satisfaction, f.number)]
    for i, (label, value, fmt) in enumerate(figures, start=k + 2):
        write_text(ws, i, 6, label, f.label)
        write_number(ws, i, 7, value, fmt)
    r = k + 2 + len(figures)
    if budget is not None:
        unit = ctx.m.money_unit  # 元 on a form filed in 元
        for label, key, fmt in ((f"全年预算数（{unit}）", Key.BUDGET, f.money), (f"执行数（{unit}）", Key.EXECUTED, f.money)):
            write_text(ws, r, 6, label, f.label)
            ws.write_formula(r, 7, "=" + budget.ref(key, budget.last + 1), fmt,
                             getattr(s.budget, key))
            r += 1
        write_text(ws, r, 6, "预算执行率", f.label)
        ws.write_formula(r, 7, f"=IF({cell(r - 2, 7)}=0,0,{cell(r - 1, 7)}/{cell(r - 2, 7)})", f.percent,
                         s.budget.execution_rate or 0)
        r += 1
    for sev in Severity:
        write_text(ws, r, 6, f"问题：{sev.value}", f.label)
        column = f"{q('问题清单')}!$A${findings.first + 1}:$A${max(findings.last, findings.first) + 1}"
        ws.write_formula(r, 7, f'=COUNTIF({column},"{sev.value}")', f.count, ctx.r.count(sev))
        r += 1
    ws.freeze_panes(1, 0)
    section_chart(ctx, ws, sections, max(tr, r) + 2)
    return sections


def grade_formula(ctx: Book, ref: str, suffix: str = "") -> str:
    bands = [(m, g) for m, g in ctx.s.scheme.grades]
    formula = f'"{bands[-1][1]}"'
    for minimum, grade in reversed(bands[:-1]):
        formula = f'IF({ref}>={minimum:g},"{grade}",{formula})'
    return "=" + formula + (f'&"{suffix}"' if suffix else "")


def section_chart(ctx: Book, ws, sections: Block, row: int) -> None:
    chart = ctx.book.add_chart({"type": "column"})
    # a section whose score is unknown has no bar and says so, rather than a label 0.00
    unknown = [{"value": UNKNOWN_TOTAL} if x.score is None else None for x in ctx.s.sections]
    for key, name, colour in (("weight", "权重分", "#9DC3E6"), ("score", "得分", "#2E75B6")):
        labels = {"value": True, "num_format": "0.00"}
        if key == "score" and any(unknown):
            labels["custom"] = unknown
        chart.add_series({"name": name, "categories": sections.series("name"), "values": sections.series(key),
                          "fill": {"color": colour}, "data_labels": labels})
    style_chart(chart, "各一级指标权重分与得分")
    ws.insert_chart(row, 0, chart, {"x_scale": 1.5, "y_scale": 1.1})
