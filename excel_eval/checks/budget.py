"""预算: amounts, balances, totals and the execution rate."""

from __future__ import annotations

from .. import layout, rules
from ..findings import Severity
from ..scoring import stated_total
from .base import Context, check, column_totals, fix_of, mismatch, show, verdict
from ..keys import Key

MONEY = (Key.INITIAL, Key.BUDGET, Key.RECEIVED, Key.EXECUTED, Key.BALANCE)
LOW_EXECUTION = 0.9


@check(rules.BALANCE_MISMATCH,
       rules.EXECUTED_OVER_RECEIVED,
       rules.INITIAL_DIFFERS,
       rules.NEGATIVE_AMOUNT,
       rules.RECEIVED_OVER_BUDGET)
def amounts(ctx: Context):
    t = ctx.model.budget
    if t is None:
        return
    for row in t.rows:
        for key in MONEY:
            cell = row.get(key)
            if cell is not None and cell.number is not None and cell.number < 0:
                yield rules.NEGATIVE_AMOUNT(cell.loc, actual=cell.number)
        budget, executed, received = row.num(Key.BUDGET), row.num(Key.EXECUTED), row.num(Key.RECEIVED)
        balance = row.get(Key.BALANCE)
        if balance is not None and budget is not None and executed is not None:
            if verdict(balance, budget - executed) is not None:
                yield rules.BALANCE_MISMATCH(balance.loc, show(budget - executed, balance), show(balance.number, balance),
                                             fix=fix_of(balance, budget - executed))
        if received is not None and budget is not None and received > budget + 1e-9:
            yield rules.RECEIVED_OVER_BUDGET(row.get(Key.RECEIVED).loc, budget, received)
        if received is not None and executed is not None and executed > received + 1e-9:
            yield rules.EXECUTED_OVER_RECEIVED(row.get(Key.EXECUTED).loc, received, executed)
        initial = row.num(Key.INITIAL)
        # (a form with no 备注 or 原因 column has nowhere to explain an adjustment: nothing is missing)
        if initial is not None and budget is not None and abs(initial - budget) > 1e-9 and not row.text(Key.NOTE) \
                and Key.NOTE in t.columns:
            yield rules.INITIAL_DIFFERS(row.get(Key.INITIAL).loc, budget, initial)


@check(rules.BUDGET_TOTAL_MISMATCH)
def totals(ctx: Context):
    yield from column_totals(ctx.model.budget, layout.BUDGET, MONEY, rules.BUDGET_TOTAL_MISMATCH,
                             within_rounding=ctx.model.family.total_line_heads, gathered=ctx.data)


@check(rules.EXECUTION_LOW, rules.EXECUTION_OVER_BUDGET, rules.BUDGET_ZERO_SPENT)
def execution(ctx: Context):
    b = ctx.scores.budget
    t = ctx.model.budget
    if b is None or t is None or (b.execution_rate is None and not b.spent_of_nothing):
        return
    cell = t.totals[0].get(Key.EXECUTED) if t.totals and t.totals[0].get(Key.EXECUTED) else t.rows[-1].get(Key.EXECUTED)
    loc = cell.loc if cell is not None else t.loc(t.rows[-1].index, Key.EXECUTED)
    if b.spent_of_nothing:  # 稷山县翟店镇: 0 budgeted, 207.45 spent, a typed 100% and 10 points
        typed = [i.row.cells[k].loc for i in ctx.scores.indicators if i.undetermined
                 for k in (Key.ACTUAL, Key.SCORE) if k in i.row.cells]
        yield rules.BUDGET_ZERO_SPENT(loc, actual=b.executed, cells=[loc, *typed])
        return
    rate = f"{b.execution_rate:.2%}"
    if b.execution_rate > 1 + 1e-9:
        yield rules.EXECUTION_OVER_BUDGET(loc, b.budget, b.executed, rate=rate)
    elif b.execution_rate < LOW_EXECUTION:
        yield rules.EXECUTION_LOW(loc, rate=rate, severity=Severity.INFO)


@check(rules.FORM_TOTAL_NOT_USED)
def form_total(ctx: Context):
    """A 自评表 whose 总额 line disagrees with its 其中 lines is scored from the lines with the money."""
    t, b = ctx.model.budget, ctx.scores.budget
    if not ctx.model.family.total_line_heads or t is None or not t.totals or b is None:
        return
    total = t.totals[0]  # (a total its lines round to is the figure used: no B009)
    off = any(total.num(k) is not None and abs(total.num(k) - t.column_sum(k)) > 0.005 and stated_total(t, k, t.column_sum(k))
              != total.num(k) for k in (Key.BUDGET, Key.EXECUTED))
    if off:
        yield rules.FORM_TOTAL_NOT_USED(total.cells[Key.ITEM].loc, label=total.text(Key.ITEM),
                                        budget=f"{b.budget:g}", executed=f"{b.executed:g}")


@check(rules.EXECUTION_LOW_WITHOUT_REASON)
def low_without_reason(ctx: Context):
    """The 一体化 form demands a 原因 when the rate is under 90%."""
    t, b = ctx.model.budget, ctx.scores.budget
    if not ctx.model.family.low_rate_needs_reason or t is None or Key.NOTE not in t.columns or b is None \
            or b.execution_rate is None:
        return
    if b.execution_rate >= LOW_EXECUTION - 1e-9:
        return
    lines = t.totals or t.rows
    if not any(r.text(Key.NOTE) for r in (*t.totals, *t.rows)):
        yield rules.EXECUTION_LOW_WITHOUT_REASON(lines[0].cells[Key.NOTE].loc, rate=f"{b.execution_rate:.2%}")


@check(rules.ROW_RATE_MISMATCH)
def row_rates(ctx: Context):
    """Each 其中 line's typed 执行率 against its own 执行数 ÷ 预算数 (the total's is the 预算执行率
    indicator's actual, checked against the whole budget by X006)."""
    t = ctx.model.budget
    if t is None or Key.RATE not in t.columns:
        return
    linked = {(i.row.cells[Key.ACTUAL].row, i.row.cells[Key.ACTUAL].col) for i in ctx.scores.indicators
              if i.rule.from_budget and Key.ACTUAL in i.row.cells}
    for row in t.rows:
        cell, budget, executed = row.get(Key.RATE), row.num(Key.BUDGET), row.num(Key.EXECUTED)
        if cell is None or cell.number is None or not budget or executed is None or (cell.row, cell.col) in linked:
            continue
        f = mismatch(rules.ROW_RATE_MISMATCH, cell, executed / budget)
        if f:
            yield f


CHECKS = (amounts, totals, execution, form_total, low_without_reason, row_rates)
