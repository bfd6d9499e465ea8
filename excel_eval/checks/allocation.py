"""资金分配: against the budget, quantity × standard, paid, duplicates, totals.

Read column by column (`Table.data`): a roster of 100,000 recipients is checked at about the
speed of reading it, and a Cell is made only for a row a finding names.
"""

from __future__ import annotations

from .. import layout, rules
from ..text import fold
from .base import EPS, Context, check, column_totals, show, verdict
from ..keys import Key


@check(rules.ALLOCATION_VS_BUDGET)
def against_budget(ctx: Context):
    t, b = ctx.model.allocation, ctx.scores.budget
    if t is None or not t.rows or b is None or t.unknown:
        return
    data = ctx.data(t)
    amounts = data.numbers(Key.AMOUNT)
    typed = [i for i, v in enumerate(amounts) if v is not None]
    if not typed:
        return
    total = sum(amounts[i] for i in typed)
    if abs(total - b.budget) <= 0.005 + EPS:  # within any rounding: the typed precisions are not needed
        return
    if abs(total - b.budget) > data.slack(Key.AMOUNT, typed) + EPS + 0.005:  # sum_tolerance, without a Cell a row
        loc = t.totals[0].get(Key.AMOUNT).loc if t.totals and t.totals[0].get(Key.AMOUNT) else \
            data.cell(typed[-1], Key.AMOUNT).loc
        yield rules.ALLOCATION_VS_BUDGET(loc, show(b.budget), show(total))


@check(rules.DUPLICATE_UNIT, rules.PAID_OVER_ALLOCATED, rules.QUANTITY_TIMES_STANDARD)
def rows(ctx: Context):
    t = ctx.model.allocation
    if t is None:
        return
    data = ctx.data(t)
    amounts, quantities, standards, paid = (data.numbers(k) for k in (Key.AMOUNT, Key.QUANTITY, Key.STANDARD, Key.PAID))
    # The rows that may hold a finding, found a column at a time; each is then looked at in turn.
    product = {i for i, a, q, s in zip(range(len(data)), amounts, quantities, standards)
               if a is not None and q is not None and s is not None and a != q * s
               and abs(a - q * s) > EPS * max(1.0, abs(q * s))}  # equal needs no typed precision
    over = {i for i, a, p in zip(range(len(data)), amounts, paid) if p is not None and a is not None and p > a + 1e-9}
    again = _repeated(data.values.get(Key.NAME) or [None] * len(data))
    for i in sorted(product | over | again.keys()):
        if i in product:
            a, computed = amounts[i], quantities[i] * standards[i]
            amount = data.cell(i, Key.AMOUNT)
            if verdict(amount, computed) is not None:
                yield rules.QUANTITY_TIMES_STANDARD(amount.loc, show(computed, amount), show(a, amount))
        if i in over:
            yield rules.PAID_OVER_ALLOCATED(data.cell(i, Key.PAID).loc, amounts[i], paid[i])
        if i in again:
            name = data.cell(i, Key.NAME)
            yield rules.DUPLICATE_UNIT(name.loc, name=str(name.value).strip(), other=data.cell(again[i], Key.NAME).loc.cell)


def _repeated(names: list) -> dict[int, int]:
    """Row → the first row of the same unit (names alike once width-folded and without spaces), for
    every row whose unit came before."""
    keys = _folded([v if type(v) is str else str(v) for v in names if v is not None])
    if len(set(keys)) == len(keys):
        return {}
    first: dict[str, int] = {}
    again = {}
    for i, key in zip((i for i, v in enumerate(names) if v is not None), keys):
        j = first.setdefault(key, i)
        if j != i:
            again[i] = j
    return again


def _folded(texts: list[str]) -> list[str]:
    """`fold` of each text, in one call over them all: NFKC keeps a U+0000 between two texts as it
    is and joins nothing across it, so the texts joined by it fold to their folds joined by it."""
    joined = "\0".join(texts)
    if joined.count("\0") == len(texts) - 1:
        keys = fold(joined).split("\0")
        if len(keys) == len(texts):
            return keys
    return [fold(text) for text in texts]  # a text holding U+0000 itself


@check(rules.ALLOCATION_TOTAL_MISMATCH)
def totals(ctx: Context):
    yield from column_totals(ctx.model.allocation, layout.ALLOCATION, (Key.QUANTITY, Key.AMOUNT, Key.PAID),
                             rules.ALLOCATION_TOTAL_MISMATCH, gathered=ctx.data)


CHECKS = (against_budget, rows, totals)
