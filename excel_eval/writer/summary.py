"""`汇总_<日期时间>.xlsx`: one row per project of a batch run (a workbook, or one sheet of a
自评表 export holding several), and a sheet of charts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..layout import GRADES
from ..vocab import Severity, Status
from .formats import FONT, Formats
from .results import fit_row

SUMMARY_PREFIX = "汇总_"

if TYPE_CHECKING:
    from ..batch import Report

SUMMARY_COLUMNS = (("文件", "file", 22), ("工作表", "sheet", 10), ("状态", "status", 6), ("项目名称", "project", 22), ("实施单位", "unit", 16),
                   ("年度", "year", 6), ("评分体系", "scheme", 8), ("核算总分", "total", 8), ("等级", "grade", 5),
                   ("执行率", "execution", 8), ("满意度", "satisfaction", 7), ("错误", "errors", 5), ("警告", "warnings", 5),
                   ("提示", "hints", 5), ("结果文件", "results", 24), ("原因", "reason", 22))  # ~170: A4 landscape at ~90%
WRAPPED = ("file", "sheet", "project", "unit", "results", "reason")


def write_summary(report: Report, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True,
                                             "nan_inf_to_errors": True})
    f = Formats(book)
    ws = book.add_worksheet("汇总")
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(0.4, 0.4, 0.5, 0.5)
    ws.set_row(0, 28)
    for c, (head, _, width) in enumerate(SUMMARY_COLUMNS):
        ws.set_column(c, c, width)
        ws.write_string(0, c, head, f.header)
    formats = {"total": f.number, "satisfaction": f.number, "execution": f.percent, "year": f.count,
               "errors": f.count, "warnings": f.count, "hints": f.count}
    for r, item in enumerate(report.items, start=1):
        fit_row(ws, r, [(str(getattr(item, key) or ""), width) for _, key, width in SUMMARY_COLUMNS if key in WRAPPED])
        for c, (_, key, _) in enumerate(SUMMARY_COLUMNS):
            value = getattr(item, key)
            if key == "results" and value:
                ws.write_url(r, c, "external:" + value, f.link, value)
            elif value is None or value == "":
                ws.write_blank(r, c, None, f.text)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, formats.get(key, f.number))
            elif key == "status":
                ws.write_string(r, c, value.value, f.severity[Severity.ERROR] if value is Status.FAILED else f.text)
            else:
                ws.write_string(r, c, str(value), f.text)
    last = max(len(report.items), 1)
    ws.autofilter(0, 0, last, len(SUMMARY_COLUMNS) - 1)
    ws.freeze_panes(1, 1)
    ws.repeat_rows(0)
    _charts(book, f, report, last)
    book.close()


def _charts(book, f, report: Report, last: int) -> None:
    """A sheet of its own: the grade distribution (counted by formulas) and the scores by project."""
    from xlsxwriter.utility import xl_col_to_name

    keys = [k for _, k, _ in SUMMARY_COLUMNS]
    ws = book.add_worksheet("统计")
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_column(0, 1, 10)
    ws.write_string(0, 0, "等级", f.header)
    ws.write_string(0, 1, "个数", f.header)
    letter = xl_col_to_name(keys.index("grade"))
    for i, grade in enumerate(GRADES, start=1):
        ws.write_string(i, 0, grade, f.text)
        ws.write_formula(i, 1, f'=COUNTIF(汇总!${letter}$2:${letter}${last + 1},"{grade}")', f.count,
                         sum(1 for it in report.items if it.grade == grade))
    font = {"name": FONT, "size": 10}
    grades = book.add_chart({"type": "column"})
    grades.add_series({"name": "等级分布", "categories": ["统计", 1, 0, 4, 0], "values": ["统计", 1, 1, 4, 1],
                       "data_labels": {"value": True}, "fill": {"color": "#2E75B6"}})
    grades.set_title({"name": "等级分布", "name_font": {**font, "size": 12}})
    grades.set_legend({"none": True})
    grades.set_x_axis({"num_font": font})
    ws.insert_chart(0, 3, grades, {"x_scale": 0.9, "y_scale": 0.8})
    scored = [it for it in report.items if it.total is not None]
    if not scored:
        return
    ws.write_string(6, 0, "项目", f.header)
    ws.write_string(6, 1, "核算总分", f.header)
    ws.set_column(0, 0, 30)
    for i, it in enumerate(sorted(scored, key=lambda x: -x.total), start=7):
        ws.write_string(i, 0, it.project or it.file, f.text)
        ws.write_number(i, 1, it.total, f.number)
    end = 6 + len(scored)
    bar = book.add_chart({"type": "bar"})
    bar.add_series({"name": "核算总分", "categories": ["统计", 7, 0, end, 0], "values": ["统计", 7, 1, end, 1],
                    "fill": {"color": "#2E75B6"}, "data_labels": {"value": True, "num_format": "0.00"}})
    bar.set_title({"name": "各项目核算总分", "name_font": {**font, "size": 12}})
    bar.set_legend({"none": True})
    bar.set_y_axis({"reverse": True, "num_font": font})
    bar.set_x_axis({"min": 0, "max": 100, "num_font": font})
    ws.insert_chart(16, 3, bar, {"x_scale": 1.3, "y_scale": max(1.0, min(6.0, len(scored) / 10))})
