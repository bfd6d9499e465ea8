"""资金分配: against the budget, quantity × standard, paid, duplicates, totals."""

from __future__ import annotations

from .. import layout, rules
from ..text import fold
from .base import Context, check, column_totals, show, sum_tolerance, verdict


@check(rules.ALLOCATION_VS_BUDGET)
def against_budget(ctx: Context):
    t, b = ctx.model.allocation, ctx.scores.budget
    if t is None or not t.rows or b is None or t.unknown:
        return
    cells = [c for c in (r.get("amount") for r in t.rows) if c is not None and c.number is not None]
    if not cells:
        return
    total = sum(c.number for c in cells)
    if abs(total - b.budget) > sum_tolerance(cells) + 0.005:
        loc = t.totals[0].get("amount").loc if t.totals and t.totals[0].get("amount") else cells[-1].loc
        yield rules.ALLOCATION_VS_BUDGET(loc, show(b.budget), show(total))


@check(rules.DUPLICATE_UNIT, rules.PAID_OVER_ALLOCATED, rules.QUANTITY_TIMES_STANDARD)
def rows(ctx: Context):
    t = ctx.model.allocation
    if t is None:
        return
    seen: dict[str, object] = {}
    for row in t.rows:
        amount, qty, std, paid = row.get("amount"), row.num("quantity"), row.num("standard"), row.get("paid")
        if amount is not None and amount.number is not None and qty is not None and std is not None:
            if verdict(amount, qty * std) is not None:
                yield rules.QUANTITY_TIMES_STANDARD(amount.loc, show(qty * std, amount), show(amount.number, amount))
        if paid is not None and amount is not None and None not in (paid.number, amount.number) \
                and paid.number > amount.number + 1e-9:
            yield rules.PAID_OVER_ALLOCATED(paid.loc, amount.number, paid.number)
        name = row.get("name")
        if name is not None:
            key = fold(name.value)
            if key in seen:
                yield rules.DUPLICATE_UNIT(name.loc, name=str(name.value).strip(), other=seen[key].loc.cell)
            else:
                seen[key] = name


@check(rules.ALLOCATION_TOTAL_MISMATCH)
def totals(ctx: Context):
    yield from column_totals(ctx.model.allocation, layout.ALLOCATION, ("quantity", "amount", "paid"),
                             rules.ALLOCATION_TOTAL_MISMATCH)


CHECKS = (against_budget, rows, totals)
