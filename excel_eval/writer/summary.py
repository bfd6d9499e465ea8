"""`汇总_<日期时间>.xlsx`, the bureau's review workbook of a batch run: 汇总 (one row per project:
a workbook, or one sheet of a 自评表 export holding several), 抽查优先, 按主管部门, 历年对比 when a
project appears for several years, the priority rules, and native charts.

Written row by row (xlsxwriter's constant_memory): ten thousand projects do not sit in memory as
cells; the views come in as pandas frames (`review.Views`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..layout import GRADES
from ..review import EVALUATED, records
from ..text import xml_safe
from ..vocab import UNKNOWN_SCORE, Status
from .formats import FONT, SEVERITY_COLOURS, Formats
from ..naming import linkable
from .sheets import NARROW, cell, fit_row, new_sheet, page, span, write_text

if TYPE_CHECKING:
    from ..review import Views

PER_PROJECT_CHART = 40  # a bar per project only up to this many; beyond, the histogram says more

# (head, key, width, format): one declaration per sheet; the format names a Formats attribute.
SUMMARY_COLUMNS = (("文件", "file", 22, "text"), ("工作表", "sheet", 10, "text"), ("状态", "status", 6, "status"),
                   ("主管部门", "department", 16, "text"), ("项目名称", "project", 22, "text"),
                   ("实施单位", "unit", 16, "text"), ("年度", "year", 6, "count"), ("评分体系", "scheme", 8, "text"),
                   ("表格格式", "form", 16, "text"),
                   ("核算总分", "total", 8, "number"), ("填报总分", "self_total", 8, "number"),
                   ("等级", "grade_label", 12, "text"), ("执行率", "execution", 8, "percent"),
                   ("满意度", "satisfaction", 7, "number"), ("错误", "errors", 5, "count"),
                   ("警告", "warnings", 5, "count"), ("提示", "hints", 5, "count"), ("结果文件", "results", 24, "link"),
                   ("自评报告", "report", 20, "link"), ("对照的单位报告", "paired", 20, "text"),
                   ("原因", "reason", 22, "text"))
FIX_COLUMNS = (("更正", "fixed", 5, "count"), ("更正副本", "corrected", 22, "link"))  # a run with --fix
PRIORITY_COLUMNS = (("排名", "rank", 5, "count"), ("优先分", "priority", 6, "count"), ("文件", "file", 22, "text"),
                    ("工作表", "sheet", 10, "text"), ("主管部门", "department", 14, "text"),
                    ("项目名称", "project", 20, "text"), ("核算总分", "total", 8, "number"),
                    ("等级", "grade_label", 12, "text"), ("错误", "errors", 5, "count"), ("抽查理由", "reasons", 60, "text"))
DEPARTMENT_COLUMNS = (("主管部门", "department", 22, "text"), ("项目数", "projects", 7, "count"),
                      ("平均分", "mean", 8, "number"), ("最低分", "lowest", 8, "number"),
                      *((grade, grade, 5, "count") for grade in GRADES),
                      ("预算数（万元）", "budget", 12, "money"), ("执行数（万元）", "executed", 12, "money"),
                      ("加权执行率", "execution", 9, "percent"), ("错误", "errors", 6, "count"),
                      ("警告", "warnings", 6, "count"))
HISTOGRAM = ((0, 60, "60分以下"), (60, 70, "60–70"), (70, 80, "70–80"), (80, 90, "80–90"), (90, 100.01, "90–100"))


def write_summary(views: Views, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "constant_memory": True, "nan_inf_to_errors": True})
    f = Formats(book)
    projects = views.projects
    _table(book, f, "汇总", SUMMARY_COLUMNS + (FIX_COLUMNS if "fixed" in projects.columns else ()), projects, frozen_cols=1)
    _table(book, f, "抽查优先", PRIORITY_COLUMNS, views.priority, frozen_cols=3)
    departments = _table(book, f, "按主管部门", DEPARTMENT_COLUMNS, views.departments, frozen_cols=1)
    _department_total(departments, f, views, len(projects))
    if len(views.years):
        year_columns = (("项目名称", "project", 26, "text"), ("实施单位", "unit", 18, "text"),
                        *((f"{y}年", y, 9, "number") for y in views.years.columns if isinstance(y, int)),
                        ("变化", "change", 8, "number"))
        _table(book, f, "历年对比", year_columns, views.years, frozen_cols=2)
    _rules(book, f)
    _charts(book, f, views)
    book.close()


def _sheet(book, name: str, columns) -> object:
    return new_sheet(book, name, {c: width for c, (_, _, width, _) in enumerate(columns)}, margins=NARROW, gridlines=True)


def _table(book, f, name: str, columns, frame, frozen_cols: int = 0):
    """One sheet: a header and a row per frame row, in order (constant_memory writes as it goes)."""
    ws = _sheet(book, name, columns)
    ws.set_row(0, 28)
    for c, (head, _, _, _) in enumerate(columns):
        ws.write_string(0, c, head, f.header)
    failed = f.severity[next(iter(SEVERITY_COLOURS))]
    wrapped = [(c, width) for c, (_, _, width, kind) in enumerate(columns) if kind == "text"]
    for r, values in enumerate(records(frame), start=1):
        fit_row(ws, r, [(str(values.get(columns[c][1]) or ""), width) for c, width in wrapped])
        for c, (_, key, _, kind) in enumerate(columns):
            value = values.get(key)
            if value is None and key == "total" and values.get("status") in EVALUATED:
                write_text(ws, r, c, UNKNOWN_SCORE, f.text)  # read and scored, but the total is unknown: not 0
            elif value is None or value == "":
                ws.write_blank(r, c, None, f.text)
            elif kind == "link" and linkable(str(value)):  # only ever to the tool's own outputs
                ws.write_url(r, c, "external:" + xml_safe(str(value)), f.link, xml_safe(str(value)))
            elif kind == "status":
                write_text(ws, r, c, str(value), failed if value == Status.FAILED.value else f.text)
            elif isinstance(value, bool):
                write_text(ws, r, c, "是" if value else "", f.text)
            elif isinstance(value, (int, float)) and kind != "text":
                ws.write_number(r, c, float(value), getattr(f, kind))
            else:
                write_text(ws, r, c, str(value), f.text)
    last = max(len(frame), 1)
    ws.autofilter(0, 0, last, len(columns) - 1)
    ws.freeze_panes(1, frozen_cols)
    ws.repeat_rows(0)
    return ws


def _department_total(ws, f, views: Views, n_projects: int) -> None:
    """The 合计 row under the departments: sums by formula, means over every project."""
    d = views.departments
    if not len(d):
        return
    r, first, last = len(d) + 1, 1, len(d)
    keys = [key for _, key, _, _ in DEPARTMENT_COLUMNS]
    write_text(ws, r, 0, "合计", f.total_label)
    scored = views.projects["total"].dropna()
    for c, key in enumerate(keys[1:], start=1):
        rows = span(first, last, c)
        if key == "mean":
            ws.write_number(r, c, float(scored.mean()) if len(scored) else 0.0, f.total_number)
        elif key == "lowest":
            ws.write_formula(r, c, f"=MIN({rows})", f.total_number, float(d["lowest"].min()))
        elif key == "execution":
            b, e = keys.index("budget"), keys.index("executed")
            budget, executed = float(d["budget"].sum()), float(d["executed"].sum())
            ws.write_formula(r, c, f"=IF({cell(r, b)}=0,\"\",{cell(r, e)}/{cell(r, b)})", f.total_percent,
                             executed / budget if budget else "")
        else:
            fmt = f.total_money if key in ("budget", "executed") else f.total_count
            ws.write_formula(r, c, f"=SUM({rows})", fmt, float(d[key].sum()))


def _rules(book, f) -> None:
    """The priority rules, as `review.PRIORITY_RULES` declares them: what each adds and why."""
    from ..review import PRIORITY_RULES

    columns = (("规则", "title", 24, "text"), ("优先分", "points", 8, "text"), ("为什么要抽查", "explain", 70, "text"))
    ws = _sheet(book, "抽查规则", columns)
    for c, (head, _, _, _) in enumerate(columns):
        ws.write_string(0, c, head, f.header)
    for r, rule in enumerate(PRIORITY_RULES, start=1):
        points = f"每个 +{rule.points}，最多 {rule.cap}" if rule.per else f"+{rule.points}"
        fit_row(ws, r, [(rule.explain, 70)])
        for c, text in enumerate((rule.title, points, rule.explain)):
            write_text(ws, r, c, text, f.text)


def _charts(book, f, views: Views) -> None:
    """统计: the grade distribution and the score histogram (counted by formulas from 汇总), the
    departments' mean scores, and each project's score when there are few."""
    projects = views.projects
    keys = [k for _, k, _, _ in SUMMARY_COLUMNS]
    last = max(len(projects), 1) + 1
    grade, total = (f"汇总!{span(1, last - 1, keys.index(k), absolute=True)}" for k in ("grade_label", "total"))
    ws = book.add_worksheet("统计")
    page(ws, landscape=False, margins=None, gridlines=True)
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 8)
    font = {"name": FONT, "size": 10}

    def chart(kind: str, title: str, name: str, first: int, end: int, color: str = "#2E75B6", fmt: str = "0"):
        c = book.add_chart({"type": kind})
        c.add_series({"name": name, "categories": ["统计", first, 0, end, 0], "values": ["统计", first, 1, end, 1],
                      "fill": {"color": color}, "data_labels": {"value": True, "num_format": fmt}})
        c.set_title({"name": title, "name_font": {**font, "size": 12}})
        c.set_legend({"none": True})
        c.set_x_axis({"num_font": font})
        c.set_y_axis({"num_font": font})
        return c

    ws.write_string(0, 0, "等级", f.header)
    ws.write_string(0, 1, "项目数", f.header)
    for i, g in enumerate(GRADES, start=1):
        ws.write_string(i, 0, g, f.text)
        # 优 and 优（待更正：…）alike: the 等级 column shows a provisional grade as such
        ws.write_formula(i, 1, f'=COUNTIF({grade},"{g}*")', f.count, int((projects["grade"] == g).sum()))
    ws.insert_chart(0, 3, chart("column", "等级分布", "项目数", 1, len(GRADES)), {"x_scale": 0.9, "y_scale": 0.75})

    top = 7
    ws.write_string(top, 0, "核算总分", f.header)
    ws.write_string(top, 1, "项目数", f.header)
    for i, (low, high, label) in enumerate(HISTOGRAM, start=top + 1):
        ws.write_string(i, 0, label, f.text)
        n = int(((projects["total"] >= low) & (projects["total"] < high)).sum())
        ws.write_formula(i, 1, f'=COUNTIFS({total},">={low}",{total},"<{high}")', f.count, n)
    ws.insert_chart(0, 10, chart("column", "核算总分分布", "项目数", top + 1, top + len(HISTOGRAM), "#70AD47"),
                    {"x_scale": 0.9, "y_scale": 0.75})  # beside the grades

    row = top + len(HISTOGRAM) + 3
    d = views.departments.dropna(subset=["mean"])
    if len(d):
        ws.write_string(row, 0, "主管部门", f.header)
        ws.write_string(row, 1, "平均分", f.header)
        for i, (name, mean) in enumerate(zip(d["department"], d["mean"]), start=row + 1):
            write_text(ws, i, 0, str(name), f.text)
            ws.write_number(i, 1, float(mean), f.number)
        bar = chart("bar", "各主管部门平均分（低者在上）", "平均分", row + 1, row + len(d), "#ED7D31", "0.00")
        bar.set_y_axis({"reverse": True, "num_font": font})
        bar.set_x_axis({"min": 0, "max": 100, "num_font": font})
        ws.insert_chart(row, 3, bar, {"x_scale": 1.3, "y_scale": max(1.0, min(6.0, len(d) / 10))})
        row += len(d) + max(16, int(len(d) * 1.5))
    scored = projects.dropna(subset=["total"])
    if 0 < len(scored) <= PER_PROJECT_CHART:
        ws.write_string(row, 0, "项目", f.header)
        ws.write_string(row, 1, "核算总分", f.header)
        ws.set_column(0, 0, 30)
        ordered = scored.sort_values("total", ascending=False, kind="stable")
        for i, (name, file, value) in enumerate(zip(ordered["project"], ordered["file"], ordered["total"]),
                                                start=row + 1):
            write_text(ws, i, 0, str(name or file), f.text)
            ws.write_number(i, 1, float(value), f.number)
        bar = chart("bar", "各项目核算总分", "核算总分", row + 1, row + len(scored), fmt="0.00")
        bar.set_y_axis({"reverse": True, "num_font": font})
        bar.set_x_axis({"min": 0, "max": 100, "num_font": font})
        ws.insert_chart(row, 3, bar, {"x_scale": 1.3, "y_scale": max(1.0, min(6.0, len(scored) / 10))})
