"""得分汇总: the report's score table against itself and against 绩效指标."""

from __future__ import annotations

from .. import layout, rules
from ..findings import Fix
from ..layout import section_name
from ..model import Row
from .base import Context, EPS, check, column_totals, mismatch, step_of
from ..keys import Key


@check(rules.DEDUCTION_MISMATCH, rules.RATE_MISMATCH)
def rows(ctx: Context):
    t = ctx.model.summary
    if t is None:
        return
    for row in t.rows + [x for x in t.totals if x.label in layout.FINAL_TOTAL_WORDS]:
        yield from _arithmetic(row)


def _arithmetic(row: Row):
    w, s = row.num(Key.WEIGHT), row.num(Key.SCORE)
    if w is None or s is None:
        return
    for rule, key, expected in ((rules.DEDUCTION_MISMATCH, Key.DEDUCTION, w - s),
                                (rules.RATE_MISMATCH, Key.RATE, s / w if w else None)):
        cell = row.get(key)
        if cell is not None and cell.number is not None and expected is not None:
            f = mismatch(rule, cell, expected)
            if f:
                yield f


@check(rules.SUMMARY_TOTAL_MISMATCH)
def totals(ctx: Context):
    yield from column_totals(ctx.model.summary, layout.SUMMARY, (Key.WEIGHT, Key.SCORE, Key.DEDUCTION),
                             rules.SUMMARY_TOTAL_MISMATCH, gathered=ctx.data)


@check(rules.SECTION_NOT_IN_INDICATORS, rules.SECTION_VS_INDICATORS, rules.SECTION_WEIGHT_VS_INDICATORS)
def against_indicators(ctx: Context):
    t = ctx.model.summary
    if t is None or not ctx.scores.indicators or ctx.model.indicators.unknown:
        return
    known = list(dict.fromkeys(i.section for i in ctx.scores.indicators))
    for row in t.rows:
        name = section_name(row.text(Key.SECTION))
        inds = [i for i in ctx.scores.indicators if i.section == name]
        if not inds:
            cell = row.get(Key.SECTION)
            if cell is not None:
                yield rules.SECTION_NOT_IN_INDICATORS(cell.loc, section=row.text(Key.SECTION), known="、".join(known))
            continue
        score, weight = row.get(Key.SCORE), row.get(Key.WEIGHT)
        if score is not None and score.number is not None:
            f = mismatch(rules.SECTION_VS_INDICATORS, score, sum(i.self_score or 0 for i in inds),
                          section=row.text(Key.SECTION))
            if f:
                yield f
        if weight is not None and weight.number is not None:
            expected = sum(i.weight or 0 for i in inds)
            if abs(weight.number - expected) > step_of(weight) / 2 + EPS:
                yield rules.SECTION_WEIGHT_VS_INDICATORS(weight.loc, expected, weight.number,
                                                         section=row.text(Key.SECTION), fix=Fix(weight.loc, expected))


@check(rules.TEXT_SCORE_MISMATCH)
def text_scores(ctx: Context):
    t = ctx.model.summary
    if t is None:
        return
    for row in t.rows:
        text, score = row.get(Key.TEXT_SCORE), row.get(Key.SCORE)
        if text is None or score is None or None in (text.number, score.number):
            continue
        f = mismatch(rules.TEXT_SCORE_MISMATCH, text, score.number, section=row.text(Key.SECTION))
        if f:
            yield f


CHECKS = (rows, totals, against_indicators, text_scores)
