"""资金分配: against the budget, quantity × standard, paid, duplicates, totals.

Read column by column (`Table.data`): a roster of 100,000 recipients is checked at about the
speed of reading it, and a Cell is made only for a row a finding names.
"""

from __future__ import annotations

from .. import layout, rules
from ..text import fold
from .base import EPS, Context, check, column_totals, show, sum_tolerance, verdict
from ..keys import Key


@check(rules.ALLOCATION_VS_BUDGET)
def against_budget(ctx: Context):
    t, b = ctx.model.allocation, ctx.scores.budget
    if t is None or not t.rows or b is None or t.unknown:
        return
    data = t.data()
    amounts = data.numbers(Key.AMOUNT)
    typed = [i for i, v in enumerate(amounts) if v is not None]
    if not typed:
        return
    total = sum(amounts[i] for i in typed)
    if abs(total - b.budget) <= 0.005 + EPS:  # within any rounding: the typed precisions are not needed
        return
    cells = [data.cell(i, Key.AMOUNT) for i in typed]
    if abs(total - b.budget) > sum_tolerance(cells) + 0.005:
        loc = t.totals[0].get(Key.AMOUNT).loc if t.totals and t.totals[0].get(Key.AMOUNT) else cells[-1].loc
        yield rules.ALLOCATION_VS_BUDGET(loc, show(b.budget), show(total))


@check(rules.DUPLICATE_UNIT, rules.PAID_OVER_ALLOCATED, rules.QUANTITY_TIMES_STANDARD)
def rows(ctx: Context):
    t = ctx.model.allocation
    if t is None:
        return
    data = t.data()
    amounts, quantities, standards, paid = (data.numbers(k) for k in (Key.AMOUNT, Key.QUANTITY, Key.STANDARD, Key.PAID))
    names = data.values.get(Key.NAME) or [None] * len(data)
    seen: dict[str, int] = {}
    for i, (a, q, s, p) in enumerate(zip(amounts, quantities, standards, paid)):
        if a is not None and q is not None and s is not None:
            computed = q * s
            if abs(a - computed) > EPS * max(1.0, abs(computed)):  # equal needs no typed precision
                amount = data.cell(i, Key.AMOUNT)
                if verdict(amount, computed) is not None:
                    yield rules.QUANTITY_TIMES_STANDARD(amount.loc, show(computed, amount), show(a, amount))
        if p is not None and a is not None and p > a + 1e-9:
            yield rules.PAID_OVER_ALLOCATED(data.cell(i, Key.PAID).loc, a, p)
        if names[i] is not None:
            key = fold(names[i])
            if key in seen:
                name = data.cell(i, Key.NAME)
                yield rules.DUPLICATE_UNIT(name.loc, name=str(name.value).strip(),
                                           other=data.cell(seen[key], Key.NAME).loc.cell)
            else:
                seen[key] = i


@check(rules.ALLOCATION_TOTAL_MISMATCH)
def totals(ctx: Context):
    yield from column_totals(ctx.model.allocation, layout.ALLOCATION, (Key.QUANTITY, Key.AMOUNT, Key.PAID),
                             rules.ALLOCATION_TOTAL_MISMATCH)


CHECKS = (against_budget, rows, totals)
