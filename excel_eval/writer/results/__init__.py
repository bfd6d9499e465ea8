"""`<原文件名>_评价结果.xlsx`: scores, findings and native charts, one module per sheet.

Cells derived from other cells of this workbook (totals, rates, 扣分, 得分率) are formulas with their
computed value cached, so the workbook is auditable and right before any recalculation; the
values come from scoring. Every string that came from the input is written with write_string:
never a formula, never a link. A new sheet is a module here with a `write(ctx)`, called below.
"""

from __future__ import annotations

from pathlib import Path

from ...files import write_atomic
from ...result import Result
from ..formats import Formats
from . import allocation, budget_execution, findings_list, indicator_scores, overview, report_abstract, satisfaction
from .book import Book


def write_results(result: Result, path: Path, marked_name: str = "", mask: bool = True) -> Path:
    """Write the results workbook atomically; returns the name written (another when `path` is
    open in Excel). `marked_name` is the marked-up copy the finding cells link to; `mask` hides
    personal data (负责人, 联系电话)."""
    import xlsxwriter

    def write(tmp: Path) -> None:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                              "in_memory": True, "nan_inf_to_errors": True})
        ctx = Book(book, result, Formats(book), marked_name, mask)
        first = book.add_worksheet("总览")  # the first tab, filled last: it counts what the others hold
        findings = findings_list.write(ctx)
        indicator_scores.write(ctx)
        budget = budget_execution.write(ctx)
        if ctx.m.allocation is not None and ctx.m.allocation.rows:
            allocation.write(ctx)
        for survey in ctx.s.surveys:
            satisfaction.write(ctx, survey)
        overview.write(ctx, first, findings, budget)
        report_abstract.write(ctx)
        first.activate()
        book.close()

    return write_atomic(path, write, fallback=True)


__all__ = ["write_results"]
