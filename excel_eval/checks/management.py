"""资金管理情况: each item's statement against its own 存在问题."""

from __future__ import annotations

from .. import rules
from ..families import contradiction
from ..text import clip
from .base import Context, check
from ..keys import Key

QUOTE = 30  # a statement or problem quoted in a message: at most this many characters


@check(rules.STATEMENT_CONTRADICTS_PROBLEM)
def statement_vs_problem(ctx: Context):
    """A statement that claims the good state (及时, 到位, 合规, 规范) where the same item's 存在问题
    says its opposite: a 警告 at the statement, naming both (the pairs: families.CLAIM_OPPOSITES)."""
    t = ctx.model.management
    if t is None:
        return
    for row in t.rows:
        statement, problem = row.get(Key.STATEMENT), row.get(Key.PROBLEMS)
        if statement is None or problem is None:
            continue
        found = contradiction(statement.value, problem.value)
        if found is None:
            continue
        claim, opposite, said = found
        quoted = said if len(said) <= QUOTE else "…" + said[-(QUOTE - 1):]
        yield rules.STATEMENT_CONTRADICTS_PROBLEM(
            statement.loc, item=row.text(Key.ITEM) or row.text(Key.SECTION) or statement.loc.cell,
            statement=clip(row.text(Key.STATEMENT), QUOTE), claim=claim, problem=quoted, opposite=opposite,
            cells=[statement.loc, problem.loc])


CHECKS = (statement_vs_problem,)
