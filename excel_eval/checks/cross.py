"""Across sheets: what the report text says (the 报告… rows) and the indicators that take their
actual from another sheet, against what the workbook computes."""

from __future__ import annotations

from .. import rules
from ..findings import Fix
from ..model import Cell
from ..targets import TargetKind, parse_target
from ..vocab import RuleKind
from .base import Context, check, mismatch
from ..keys import Key


@check(rules.REPORT_EXECUTION,
       rules.REPORT_GRADE,
       rules.REPORT_INDICATOR_COUNT,
       rules.REPORT_SATISFACTION,
       rules.REPORT_TOTAL)
def report_numbers(ctx: Context):
    info, sc = ctx.model.info, ctx.scores
    if info is None:
        return
    indicators = ctx.model.indicators
    total = None if indicators is not None and indicators.unknown else sc.total  # a score not computed: R012
    checks = [(Key.REPORT_TOTAL, rules.REPORT_TOTAL, total),
              (Key.REPORT_SATISFACTION, rules.REPORT_SATISFACTION, sc.satisfaction),
              (Key.REPORT_EXECUTION, rules.REPORT_EXECUTION, sc.budget.execution_rate if sc.budget else None)]
    for key, rule, expected in checks:
        cell = info.get(key)
        if cell is not None and cell.number is not None and expected is not None:
            scale = 1.0
            if key == Key.REPORT_SATISFACTION and cell.percent:  # a 0–100 score typed as 97.47%
                cell, scale = Cell(cell.number * 100, cell.loc, (cell.step or 0.0001) * 100, None, False), 0.01
            f = mismatch(rule, cell, expected, scale)
            if f:
                yield f
    grade = info.get(Key.REPORT_GRADE)
    if grade is not None and total is not None and sc.grade and str(grade.value).strip() != sc.grade:
        yield rules.REPORT_GRADE(grade.loc, sc.grade, str(grade.value).strip(), total=f"{sc.total:.2f}",
                                 fix=Fix(grade.loc, sc.grade))
    count = info.get(Key.REPORT_INDICATOR_COUNT)
    if count is not None and count.number is not None and ctx.model.indicators is not None \
            and count.number != len(sc.indicators):
        yield rules.REPORT_INDICATOR_COUNT(count.loc, len(sc.indicators), count.number,
                                           fix=Fix(count.loc, float(len(sc.indicators))))


def typed_actual(cell: Cell) -> Cell | None:
    """An 实际完成值 such as `58.33%` as a number cell that knows its typed precision."""
    if cell.number is not None:
        return cell
    t = parse_target(cell.value)
    if t.kind is not TargetKind.NUMBER or t.value is None:
        return None
    digits = str(cell.value).split(".")[1] if "." in str(cell.value) else ""
    d = len([c for c in digits if c.isdigit()])
    step = 10.0 ** -d
    percent = t.unit == "%"
    return Cell(t.value, cell.loc, step / 100 if percent else step, str(cell.value), percent)


@check(rules.RATE_INDICATOR_ACTUAL, rules.SATISFACTION_INDICATOR_ACTUAL)
def linked_actuals(ctx: Context):
    b = ctx.scores.budget
    for ind in ctx.scores.indicators:
        raw = ind.row.get(Key.ACTUAL)
        if raw is None:
            continue
        cell = typed_actual(raw)
        if cell is None:
            continue
        if ind.rule.from_budget and b is not None:
            expected = b.execution_rate if ind.rule is RuleKind.EXECUTION else b.arrival_rate
            if expected is not None:
                fraction, scale = _as_fraction(cell)
                f = mismatch(rules.RATE_INDICATOR_ACTUAL, fraction, expected, scale, name=ind.name)
                if f:
                    yield f
        elif ind.survey is not None:
            fraction, scale = _as_fraction(cell)
            f = mismatch(rules.SATISFACTION_INDICATOR_ACTUAL, fraction, ind.survey.score / 100, scale,
                          name=ind.name, sheet=ind.survey.survey.sheet)
            if f:
                yield f


def _as_fraction(cell: Cell) -> tuple[Cell, float]:
    """The cell as a fraction, and the scale back to the cell's own units (100 for 84.27 typed without %)."""
    if cell.percent or cell.number is None or cell.number <= 1.5:
        return cell, 1.0
    return Cell(cell.number / 100, cell.loc, (cell.step or 1) / 100, cell.text, True), 100.0


CHECKS = (report_numbers, linked_actuals)
