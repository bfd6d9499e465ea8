"""预算: amounts, balances, totals and the execution rate."""

from __future__ import annotations

from .. import layout, rules
from ..findings import Severity
from .base import Context, check, column_totals, show, verdict

MONEY = ("initial", "budget", "received", "executed", "balance")
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
        budget, executed, received = row.num("budget"), row.num("executed"), row.num("received")
        balance = row.get("balance")
        if balance is not None and budget is not None and executed is not None:
            if verdict(balance, budget - executed) is not None:
                yield rules.BALANCE_MISMATCH(balance.loc, show(budget - executed, balance), show(balance.number, balance))
        if received is not None and budget is not None and received > budget + 1e-9:
            yield rules.RECEIVED_OVER_BUDGET(row.get("received").loc, budget, received)
        if received is not None and executed is not None and executed > received + 1e-9:
            yield rules.EXECUTED_OVER_RECEIVED(row.get("executed").loc, received, executed)
        initial = row.num("initial")
        if initial is not None and budget is not None and abs(initial - budget) > 1e-9 and not row.text("note"):
            yield rules.INITIAL_DIFFERS(row.get("initial").loc, budget, initial)


@check(rules.BUDGET_TOTAL_MISMATCH)
def totals(ctx: Context):
    yield from column_totals(ctx.model.budget, layout.BUDGET, MONEY, rules.BUDGET_TOTAL_MISMATCH)


@check(rules.EXECUTION_LOW, rules.EXECUTION_OVER_BUDGET)
def execution(ctx: Context):
    b = ctx.scores.budget
    t = ctx.model.budget
    if b is None or b.execution_rate is None or t is None:
        return
    cell = t.totals[0].get("executed") if t.totals and t.totals[0].get("executed") else t.rows[-1].get("executed")
    loc = cell.loc if cell is not None else t.loc(t.rows[-1].index, "executed")
    rate = f"{b.execution_rate:.2%}"
    if b.execution_rate > 1 + 1e-9:
        yield rules.EXECUTION_OVER_BUDGET(loc, b.budget, b.executed, rate=rate)
    elif b.execution_rate < LOW_EXECUTION:
        yield rules.EXECUTION_LOW(loc, rate=rate, severity=Severity.INFO)


CHECKS = (amounts, totals, execution)
