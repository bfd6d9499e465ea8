"""`<原文件名>_评价结果.xlsx`: scores, findings and native charts, one function per sheet.

Cells derived from other cells of this workbook (totals, rates, 扣分, 得分率) are formulas with their
computed value cached, so the workbook is auditable and right before any recalculation. Every
string that came from the input is written with write_string: never a formula, never a link.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import layout
from ..pipeline import Result
from ..files import write_atomic
from ..privacy import masked
from ..report_text import summary_sentences
from ..text import cell_text, display_width, xml_safe
from ..vocab import Severity
from .formats import FONT, Formats

UNKNOWN_TOTAL = "未知"
DETAIL_LIMIT = 5000  # allocation rows listed one by one; a longer roster shows summaries and flagged rows
TOP_UNITS = 20
MIN_DIFF = 0.005


def q(sheet: str) -> str:
    """A sheet name quoted for a formula or a link."""
    return "'" + sheet.replace("'", "''") + "'"


def cell(row: int, col: int, absolute: bool = False) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


@dataclass
class Block:
    """Where a table landed: charts and formulas point at these, never at hand-made addresses."""

    sheet: str
    first: int  # first data row
    last: int  # last data row
    cols: dict[str, int]

    def ref(self, key: str, row: int | None = None) -> str:
        return f"{q(self.sheet)}!{cell(row if row is not None else self.first, self.cols[key], True)}"

    def series(self, key: str) -> list:
        return [self.sheet, self.first, self.cols[key], self.last, self.cols[key]]


def write_results(result: Result, path: Path, marked_name: str = "", mask: bool = True) -> Path:
    """Write the results workbook atomically; returns the name written (another when `path` is
    open in Excel). `marked_name` is the marked-up copy the finding cells link to; `mask` hides
    personal data (负责人, 联系电话)."""
    import xlsxwriter

    def write(tmp: Path) -> None:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                              "in_memory": True, "nan_inf_to_errors": True})
        _Results(book, result, marked_name, mask).write()
        book.close()

    return write_atomic(path, write, fallback=True)


def write_text(ws, row: int, col: int, text: str, fmt=None) -> None:
    """Text, never a formula or a link whatever it starts with; cut where Excel would refuse it."""
    ws.write_string(row, col, cell_text(text), fmt)


def fit_row(ws, row: int, cells: list[tuple[str, float]], line_height: float = 13.5, least: float = 0) -> None:
    """Set a row tall enough for its wrapped texts (and at least `least`): LibreOffice and WPS do not
    grow rows on open."""
    lines = max((-(-display_width(t) * 1.3 // max(w, 1)) for t, w in cells if t), default=1)
    if lines > 1 or least:
        ws.set_row(row, max(least, line_height * min(lines, 15)))


class _Results:
    def __init__(self, book, result: Result, marked_name: str, mask: bool):
        self.book = book
        self.r = result
        self.s = result.scores
        self.m = result.model
        self.marked = marked_name
        self.mask = mask
        self.f = Formats(book)

    def sheet(self, name: str, widths: dict[int, float], landscape: bool = True):
        ws = self.book.add_worksheet(name)
        ws.set_paper(9)
        if landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(0.5, 0.5, 0.6, 0.6)
        ws.hide_gridlines(2)
        for col, width in widths.items():
            ws.set_column(col, col, width)
        return ws

    def write(self) -> None:
        overview = self.book.add_worksheet("总览")  # filled last
        findings = self.findings_sheet()
        indicators = self.indicators_sheet()
        budget = self.budget_sheet()
        if self.m.allocation is not None and self.m.allocation.rows:
            self.allocation_sheet()
        for survey in self.s.surveys:
            self.survey_sheet(survey)
        sections = self.overview(overview, findings, budget)
        self.summary_sheet(sections, budget, indicators)
        overview.activate()

    # --- 总览 -----------------------------------------------------------------------------------

    def scheme_text(self) -> str:
        """The scheme and its points; for a 自评表 family that sets only some sections (一体化), those
        and the rest as one sum, so the overview does not promise 产出 50 where the unit chose 60."""
        scheme = self.s.scheme
        family = self.m.family
        if family.fixed_sections is None:
            return f"{scheme.name}（{scheme.description}）"
        if not family.fixed_sections:
            return f"{scheme.name}（计分规则按财预〔2020〕10号，各部分分值按本表所列）"
        fixed = [(n, w) for n, w in scheme.sections if n in family.fixed_sections]
        rest = sum(w for _, w in scheme.sections) - sum(w for _, w in fixed)
        return (f"{scheme.name}（" + " + ".join(f"{n}{w:g}" for n, w in fixed)
                + f" + 绩效指标{rest:g}，各一级指标的分值由单位确定）")

    def overview(self, ws, findings: Block, budget: Block | None) -> Block:
        f, s, info = self.f, self.s, self.m.info
        for col, width in {0: 16, 1: 14, 2: 14, 3: 14, 4: 14, 5: 4, 6: 16, 7: 30}.items():
            ws.set_column(col, col, width)
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 1)
        ws.hide_gridlines(2)
        write_text(ws, 0, 0, "项目支出绩效自评结果", f.title)
        rows = [("项目名称", info.text("project")), ("主管部门", info.text("department")),
                ("实施单位", info.text("unit")), ("评价年度", str(self.m.year or "")),
                ("评分体系", self.scheme_text()), ("源文件", source_text(self.m, self.r.path.name))]
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
            ws.write_number(r, 2, sec.score, f.number)
            ws.write_formula(r, 3, f"={cell(r, 1)}-{cell(r, 2)}", f.number, sec.weight - sec.score)
            ws.write_formula(r, 4, f"=IF({cell(r, 1)}=0,0,{cell(r, 2)}/{cell(r, 1)})", f.percent,
                             sec.score / sec.weight if sec.weight else 0)
        last = first + max(len(s.sections), 1) - 1
        tr = last + 1
        weight, total = sum(x.weight for x in s.sections), s.total or 0.0
        write_text(ws, tr, 0, "合计", f.total_label)
        for c, value in ((1, weight), (2, total), (3, weight - total)):
            if s.total is None and c > 1:
                write_text(ws, tr, c, UNKNOWN_TOTAL, f.total_label)
            else:
                ws.write_formula(tr, c, f"=SUM({cell(first, c)}:{cell(last, c)})", f.total_number, value)
        if s.total is None:
            write_text(ws, tr, 4, UNKNOWN_TOTAL, f.total_label)
        else:
            ws.write_formula(tr, 4, f"=IF({cell(tr, 1)}=0,0,{cell(tr, 2)}/{cell(tr, 1)})", f.total_percent,
                             total / weight if weight else 0)
        sections = Block("总览", first, last, {"name": 0, "weight": 1, "score": 2, "deduction": 3, "rate": 4})
        # Key figures beside it.
        k = 2
        write_text(ws, k, 6, "核算总分", f.label)
        write_text(ws, k + 1, 6, "评定等级", f.label)
        if s.total is None:  # an indicator formula the tool could not compute (R012)
            write_text(ws, k, 7, "未能计算（见问题清单 R012）", f.big_text)
            write_text(ws, k + 1, 7, UNKNOWN_TOTAL, f.big_text)
        else:
            ws.write_formula(k, 7, f"={cell(tr, 2)}", f.big, total)
            errors = self.r.count(Severity.ERROR)
            if s.grade is None:  # points that do not add to 100: no grade on a 100-point scale (I001)
                write_text(ws, k + 1, 7, self.r.grade_label, f.big_provisional)
            elif errors:  # provisional, in a warning colour: the workbook contradicts itself
                ws.write_formula(k + 1, 7, self.grade_formula(cell(k, 7), f"（待更正：{errors} 个错误）"),
                                 f.big_provisional, self.r.grade_label)
            else:
                ws.write_formula(k + 1, 7, self.grade_formula(cell(k, 7)), f.big_text, s.grade or "")
        figures = [("自评总分（评价人）", s.self_total, f.number), ("报告总分（正文）", info.num("report_total"), f.number),
                   ("满意度", s.satisfaction, f.number)]
        for i, (label, value, fmt) in enumerate(figures, start=k + 2):
            write_text(ws, i, 6, label, f.label)
            self.num(ws, i, 7, value, fmt)
        r = k + 2 + len(figures)
        if budget is not None:
            unit = self.m.money_unit  # 元 on a form filed in 元
            for label, key, fmt in ((f"全年预算数（{unit}）", "budget", f.money), (f"执行数（{unit}）", "executed", f.money)):
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
            ws.write_formula(r, 7, f'=COUNTIF({column},"{sev.value}")', f.count, self.r.count(sev))
            r += 1
        ws.freeze_panes(1, 0)
        self.section_chart(ws, sections, max(tr, r) + 2)
        return sections

    def grade_formula(self, ref: str, suffix: str = "") -> str:
        bands = [(m, g) for m, g in self.s.scheme.grades]
        formula = f'"{bands[-1][1]}"'
        for minimum, grade in reversed(bands[:-1]):
            formula = f'IF({ref}>={minimum:g},"{grade}",{formula})'
        return "=" + formula + (f'&"{suffix}"' if suffix else "")

    def section_chart(self, ws, sections: Block, row: int) -> None:
        chart = self.book.add_chart({"type": "column"})
        for key, name, colour in (("weight", "权重分", "#9DC3E6"), ("score", "得分", "#2E75B6")):
            chart.add_series({"name": name, "categories": sections.series("name"), "values": sections.series(key),
                              "fill": {"color": colour}, "data_labels": {"value": True, "num_format": "0.00"}})
        self.style_chart(chart, "各一级指标权重分与得分")
        ws.insert_chart(row, 0, chart, {"x_scale": 1.5, "y_scale": 1.1})

    def style_chart(self, chart, title: str) -> None:
        font = {"name": FONT, "size": 10}
        chart.set_title({"name": title, "name_font": {"name": FONT, "size": 12, "bold": True}})
        chart.set_legend({"position": "bottom", "font": font})
        chart.set_x_axis({"num_font": font})
        chart.set_y_axis({"num_font": font, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})

    def num(self, ws, r: int, c: int, value: float | None, fmt) -> None:
        if value is None:
            ws.write_blank(r, c, None, fmt)
        else:
            ws.write_number(r, c, value, fmt)

    # --- 问题清单 -------------------------------------------------------------------------------

    def findings_sheet(self) -> Block:
        f = self.f
        ws = self.sheet("问题清单", {0: 6, 1: 7, 2: 12, 3: 8, 4: 50, 5: 12, 6: 12, 7: 45, 8: 24, 9: 9})
        heads = ("级别", "代码", "工作表", "单元格", "问题", "应为", "实为", "修改建议", "涉及单元格", "影响总分")
        for c, head in enumerate(heads):
            write_text(ws, 0, c, head, f.header)
        for i, x in enumerate(self.r.findings, start=1):
            write_text(ws, i, 0, x.severity.value, f.severity[x.severity])
            write_text(ws, i, 1, x.code, f.text)
            write_text(ws, i, 2, x.loc.sheet if x.loc else "", f.text)
            if x.loc and self.marked:
                ws.write_url(i, 3, xml_safe(f"external:{self.marked}#{q(x.loc.sheet)}!{x.loc.cell}"), f.link,
                             x.loc.cell, "打开标注副本中的这个单元格")
            else:
                write_text(ws, i, 3, x.loc.cell if x.loc else "", f.text)
            for c, text in enumerate((x.message, x.expected, x.actual, x.hint,
                                      "、".join(loc.cell for loc in x.locs) if len(x.locs) > 1 else ""), start=4):
                write_text(ws, i, c, text, f.text)
            self.num(ws, i, 9, x.score_effect or None, f.number)  # blank where the total is untouched
            fit_row(ws, i, [(x.message, 50), (x.hint, 45), (x.expected, 12), (x.actual, 12)])
        last = max(len(self.r.findings), 1)
        if not self.r.findings:
            write_text(ws, 1, 0, "未发现问题。", f.note)
        ws.autofilter(0, 0, last, len(heads) - 1)
        ws.freeze_panes(1, 0)
        ws.repeat_rows(0)
        return Block("问题清单", 1, last, {"severity": 0})

    # --- 指标得分 -------------------------------------------------------------------------------

    def indicators_sheet(self) -> Block:
        f = self.f
        ws = self.sheet("指标得分", {0: 10, 1: 10, 2: 12, 3: 24, 4: 14, 5: 14, 6: 7, 7: 8, 8: 8, 9: 8, 10: 10, 11: 30})
        heads = ("一级指标", "二级指标", "三级指标", "四级指标", "年度指标值", "实际完成值", "分值", "自评得分",
                 "核算得分", "差异", "计分规则", "说明")
        for c, head in enumerate(heads):
            write_text(ws, 0, c, head, f.header)
        inds = self.s.indicators
        for i, ind in enumerate(inds, start=1):
            row = ind.row
            for c, key in enumerate(("level1", "level2", "level3", "level4", "target", "actual")):
                value = row.get(key)
                write_text(ws, i, c, "" if value is None else str(value.value), f.text)
            self.num(ws, i, 6, ind.weight, f.number)
            self.num(ws, i, 7, ind.self_score, f.number)
            ws.write_number(i, 8, ind.score, f.number)
            ws.write_formula(i, 9, f"={cell(i, 8)}-{cell(i, 7)}", f.number, ind.score - (ind.self_score or 0))
            write_text(ws, i, 10, ind.rule.value, f.text)
            write_text(ws, i, 11, ind.note, f.text)
            fit_row(ws, i, [(ind.note, 30), (ind.name, 24), (row.text("target"), 14), (row.text("actual"), 14)])
        last = max(len(inds), 1)
        tr = last + 1
        write_text(ws, tr, 0, "合计", f.total_label)
        for c in range(1, 6):
            ws.write_blank(tr, c, None, f.total_label)
        sums = (sum(i.weight or 0 for i in inds), sum(i.self_score or 0 for i in inds), sum(i.score for i in inds))
        for c, value in zip((6, 7, 8), sums):
            ws.write_formula(tr, c, f"=SUM({cell(1, c)}:{cell(last, c)})", f.total_number, value)
        ws.write_formula(tr, 9, f"={cell(tr, 8)}-{cell(tr, 7)}", f.total_number, sums[2] - sums[1])
        ws.conditional_format(1, 9, last, 9, {"type": "cell", "criteria": "not between",
                                              "minimum": -MIN_DIFF, "maximum": MIN_DIFF, "format": f.highlight})
        ws.autofilter(0, 0, last, len(heads) - 1)
        ws.freeze_panes(1, 4)
        ws.repeat_rows(0)
        return Block("指标得分", 1, last, {"weight": 6, "self": 7, "score": 8})

    # --- 预算执行 -------------------------------------------------------------------------------

    def budget_sheet(self) -> Block | None:
        t, b = self.m.budget, self.s.budget
        if t is None or b is None:
            return None
        f = self.f
        ws = self.sheet("预算执行", {0: 34, 1: 14, 2: 14, 3: 14, 4: 14, 5: 12, 6: 14})
        unit = self.m.money_unit
        heads = ("支出内容", "资金来源", f"全年预算数（{unit}）", f"到位数（{unit}）", f"执行数（{unit}）", "执行率",
                 f"结余（{unit}）")
        for c, head in enumerate(heads):
            write_text(ws, 0, c, head, f.header)
        for i, row in enumerate(t.rows, start=1):
            write_text(ws, i, 0, row.text("item"), f.text)
            write_text(ws, i, 1, row.text("source") or layout.DEFAULT_FUND_SOURCE, f.text)
            for c, key in ((2, "budget"), (3, "received"), (4, "executed")):
                self.num(ws, i, c, row.num(key), f.money)
            budget, executed = row.num("budget") or 0, row.num("executed") or 0
            ws.write_formula(i, 5, f"=IF({cell(i, 2)}=0,0,{cell(i, 4)}/{cell(i, 2)})", f.percent,
                             executed / budget if budget else 0)
            ws.write_formula(i, 6, f"={cell(i, 2)}-{cell(i, 4)}", f.money, budget - executed)
        last = len(t.rows)
        tr = last + 1
        write_text(ws, tr, 0, "合计", f.total_label)
        ws.write_blank(tr, 1, None, f.total_label)
        for c, value in ((2, b.budget), (3, b.received or 0), (4, b.executed), (6, b.budget - b.executed)):
            ws.write_formula(tr, c, f"=SUM({cell(1, c)}:{cell(last, c)})", f.total_money, value)
        ws.write_formula(tr, 5, f"=IF({cell(tr, 2)}=0,0,{cell(tr, 4)}/{cell(tr, 2)})", f.total_percent,
                         b.execution_rate or 0)
        ws.freeze_panes(1, 1)
        block = Block("预算执行", 1, last, {"item": 0, "budget": 2, "received": 3, "executed": 4})
        chart = self.book.add_chart({"type": "bar"})
        for key, name, colour in (("budget", "全年预算数", "#9DC3E6"), ("executed", "执行数", "#2E75B6")):
            chart.add_series({"name": name, "categories": block.series("item"), "values": block.series(key),
                              "fill": {"color": colour}})
        self.style_chart(chart, f"各支出明细预算与执行（{unit}）")
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})
        ws.insert_chart(tr + 2, 0, chart, {"x_scale": 1.6, "y_scale": max(1.0, min(3.0, len(t.rows) / 6))})
        return block

    # --- 资金分配 -------------------------------------------------------------------------------

    def allocation_sheet(self) -> None:
        t, f = self.m.allocation, self.f
        ws = self.sheet("资金分配", {0: 24, 1: 12, 2: 10, 3: 14, 4: 10, 5: 4, 6: 24, 7: 12, 8: 8, 9: 10, 10: 14,
                                 11: 14, 12: 10, 13: 16})
        data = t.data()
        regions = data.texts("region")
        by_region = any(regions)
        amounts: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        for name, amount in zip(regions if by_region else data.texts("name"), data.numbers("amount")):
            name = name or "（未填）"
            amounts[name] += amount or 0
            counts[name] += 1
        totals = sorted(((name, amounts[name], counts[name]) for name in amounts), key=lambda x: -x[1])
        if len(totals) > TOP_UNITS:
            rest = totals[TOP_UNITS:]
            totals = totals[:TOP_UNITS] + [("其他", sum(x[1] for x in rest), sum(x[2] for x in rest))]
        unit = self.m.money_unit
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
        chart = self.book.add_chart({"type": "bar"})
        chart.add_series({"name": "分配金额", "categories": block.series("name"), "values": block.series("amount"),
                          "fill": {"color": "#2E75B6"}, "data_labels": {"value": True, "num_format": "#,##0.00"}})
        self.style_chart(chart, "资金分配（按" + ("地区" if by_region else "单位") + f"，{unit}）")
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})
        chart.set_legend({"none": True})
        ws.insert_chart(tr + 2, 0, chart, {"x_scale": 1.2, "y_scale": max(1.0, min(3.0, len(totals) / 8))})
        self.allocation_detail(ws, t, data)

    def allocation_detail(self, ws, t, data) -> None:
        f = self.f
        flagged = {x.loc.row for x in self.r.findings if x.loc and x.loc.sheet == t.sheet}
        every = len(data) <= DETAIL_LIMIT
        rows = [data.row(i) for i, r in enumerate(data.index) if every or r in flagged]
        col0 = 6
        title = "单位明细" if every else f"有问题的单位（共 {len(data)} 行，仅列出有问题的 {len(rows)} 行）"
        write_text(ws, 0, col0, title + ("（个人信息已打码）" if self.mask else ""), f.subtitle)
        keys = ("name", "region", "quantity", "standard", "amount", "paid", "contact", "phone")
        heads = [layout.ALLOCATION.column(k).label for k in keys]
        for c, head in enumerate(heads):
            write_text(ws, 1, col0 + c, head, f.header)
        for i, row in enumerate(rows, start=2):
            for c, key in enumerate(keys):
                value = row.get(key)
                if value is None:
                    ws.write_blank(i, col0 + c, None, f.text)
                elif key in ("quantity", "standard", "amount", "paid") and value.number is not None:
                    ws.write_number(i, col0 + c, value.number, f.money if key != "quantity" else f.count)
                else:
                    text = masked(key, str(value.value)) if self.mask else str(value.value)
                    write_text(ws, i, col0 + c, text, f.text)
        ws.freeze_panes(2, 0)

    # --- 满意度 ---------------------------------------------------------------------------------

    def survey_sheet(self, s) -> None:
        f = self.f
        suffix = s.survey.sheet[len(layout.SURVEY.name):].strip(" -－_") if len(self.s.surveys) > 1 else ""
        name = ("满意度" + (f"-{suffix}" if suffix else ""))[:31]
        ws = self.sheet(name, {0: 40, 1: 7, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10, 8: 8, 9: 4, 10: 8,
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
        for qs in s.questions:
            n_cell = f"SUM({cell(r, 2)}:{cell(r, 6)})"
            ws.merge_range(r, 0, r + 2, 0, "", f.text)
            write_text(ws, r, 0, str(qs.question.text.value or ""), f.text)
            for k, word in enumerate(("人数", "占比", "得分")):
                write_text(ws, r + k, 1, word, f.label)
            for j, c in enumerate(opt):
                count = qs.question.counts.num(f"opt_{layout.OPTIONS[j]}") or 0
                ws.write_number(r, c, count, f.count)
                ws.write_formula(r + 1, c, f"=IF({n_cell}=0,0,{cell(r, c)}/{n_cell})", f.percent, qs.ratios[j])
                ws.write_formula(r + 2, c, f"={cell(r, 8, True)}*{cell(r + 1, c)}*{cell(1, c, True)}", f.number,
                                 qs.points[j])
            ws.write_formula(r, 7, f"=SUM({cell(r + 2, 2)}:{cell(r + 2, 6)})", f.number, qs.score)
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
            ws.write_formula(r + 1, c, f"=IF(SUM({cell(r, 2)}:{cell(r, 6)})=0,0,{cell(r, c)}/SUM({cell(r, 2)}:{cell(r, 6)}))",
                             f.total_percent, s.counts[j] / n_total if n_total else 0)
            ws.write_formula(r + 2, c, "=" + "+".join(cell(x + 2, c) for x in count_rows), f.total_number,
                             sum(qs.points[j] for qs in s.questions))
        ws.write_formula(r, 7, "=" + "+".join(cell(x, 7) for x in count_rows), f.total_number, s.score)
        ws.write_formula(r, 8, "=" + "+".join(cell(x, 8) for x in count_rows), f.total_number,
                         sum((qs.question.weight.number or 0) if qs.question.weight else 0 for qs in s.questions))
        for rr in (r + 1, r + 2):
            ws.write_blank(rr, 7, None, f.total_label)
            ws.write_blank(rr, 8, None, f.total_label)
        write_text(ws, r + 3, 0, f"满意度得分：{s.score:.2f} 分（由各选项人数与选项权重算出）", f.note)
        ws.freeze_panes(3, 1)
        # Chart data: counts per question side by side, for the 100% stacked bar chart.
        c0 = 10
        write_text(ws, 2, c0, "图表数据", f.header)
        for j, o in enumerate(layout.OPTIONS):
            write_text(ws, 2, c0 + 1 + j, o, f.header)
        for i, x in enumerate(count_rows):
            write_text(ws, 3 + i, c0, f"第{i + 1}题", f.text)
            for j in range(5):
                ws.write_formula(3 + i, c0 + 1 + j, f"={cell(x, 2 + j)}", f.count,
                                 s.questions[i].question.counts.num(f"opt_{layout.OPTIONS[j]}") or 0)
        block = Block(name, 3, 3 + len(count_rows) - 1, {"q": c0, **{o: c0 + 1 + j for j, o in enumerate(layout.OPTIONS)}})
        chart = self.book.add_chart({"type": "bar", "subtype": "percent_stacked"})
        colours = ("#2E75B6", "#9DC3E6", "#FFD966", "#F4B183", "#C00000")
        for o, n, colour in zip(layout.OPTIONS, layout.OPTION_NAMES, colours):
            chart.add_series({"name": f"{o} {n}", "categories": block.series("q"), "values": block.series(o),
                              "fill": {"color": colour}, "gap": 60})
        self.style_chart(chart, "各题选项分布")
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})
        ws.set_h_pagebreaks([r + 4])  # the chart prints on a page of its own, never cut in two
        ws.insert_chart(r + 5, 0, chart, {"x_scale": 1.6, "y_scale": max(1.0, min(2.5, len(count_rows) / 6))})

    # --- 报告摘要 -------------------------------------------------------------------------------

    def summary_sheet(self, sections: Block, budget: Block | None, indicators: Block) -> None:
        f, s = self.f, self.s
        ws = self.sheet("报告摘要", {0: 16, 1: 14, 2: 14, 3: 14, 4: 14, 5: 20}, landscape=False)
        write_text(ws, 0, 0, "报告摘要（由核算结果生成，可直接粘贴到自评报告）", f.subtitle)
        sentences = summary_sentences(self.r)
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
            src = sections.first + i
            ws.write_formula(rr, 0, f"={q('总览')}!{cell(src, 0)}", f.text, cell_text(x.name))
            for c, value, fmt in ((1, x.weight, f.number), (2, x.score, f.number),
                                  (3, x.weight - x.score, f.number),
                                  (4, x.score / x.weight if x.weight else 0, f.percent)):
                ws.write_formula(rr, c, f"={q('总览')}!{cell(src, c)}", fmt, value)
        tr = r + 1 + len(s.sections)
        write_text(ws, tr, 0, "合计", f.total_label)
        total_row = sections.last + 1
        weight = sum(x.weight for x in s.sections)
        for c, value, fmt in ((1, weight, f.total_number), (2, s.total or 0, f.total_number),
                              (3, weight - (s.total or 0), f.total_number),
                              (4, (s.total or 0) / weight if weight else 0, f.total_percent)):
            if s.total is None and c > 1:
                write_text(ws, tr, c, UNKNOWN_TOTAL, f.total_label)
                continue
            ws.write_formula(tr, c, f"={q('总览')}!{cell(total_row, c)}", fmt, value)


def source_text(model, name: str) -> str:
    """`原表.xlsx`, or for a 自评表 the form and sheet read: `部门导出.xlsx（项目支出绩效自评表（…），工作表“甲”）`."""
    if not model.family.is_form:
        return name
    return f"{name}（{model.family.name}，工作表“{model.sheet}”）"
