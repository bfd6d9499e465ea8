"""满意度问卷: every staff-entered cell against what the 人数 rows give."""

from __future__ import annotations

from .. import layout, rules
from ..findings import Fix
from ..model import Row
from ..scoring import QuestionScore, SurveyScore, defaulted_weights
from .base import Context, EPS, check, mismatch, show, show_typed, sum_tolerance, with_row_precision
from ..keys import Key

OPTS = [f"opt_{o}" for o in layout.OPTIONS]


@check(rules.COPIED_VALUE,
       rules.POINTS_MISMATCH,
       rules.QUESTION_SCORE_MISMATCH,
       rules.QUESTION_WEIGHTS_NOT_100,
       rules.RATIO_MISMATCH,
       rules.RATIO_ROW_SUM,
       rules.RESPONDENTS_MISMATCH,
       rules.TYPED_RESPONDENTS_MISMATCH)
def questions(ctx: Context):
    valid = ctx.model.info.get(Key.SURVEYS_VALID) if ctx.model.info else None
    weighted = not defaulted_weights(ctx.model)  # blank weights: the 得分 cells are not compared (P006 says so)
    for s in ctx.scores.surveys:
        for q in s.questions:
            yield from _respondents(s, q, valid)
            yield from _ratios(q)
            if weighted:
                yield from _points(q)
        yield from _weights(s)


def _respondents(s: SurveyScore, q: QuestionScore, valid):
    counts = q.question.counts
    loc = (counts.get(Key.RESPONDENTS) or counts.get(Key.OPT_A) or q.question.text).loc
    if valid is not None and valid.number is not None:
        if abs(q.respondents - valid.number) > EPS:
            yield rules.RESPONDENTS_MISMATCH(loc, valid.number, q.respondents, what="有效问卷份数")
    elif s.respondents is not None and abs(q.respondents - s.respondents) > EPS:
        yield rules.RESPONDENTS_MISMATCH(loc, s.respondents, q.respondents, what="其他各题的答题人数")
    typed = counts.get(Key.RESPONDENTS)
    if typed is not None and typed.number is not None and abs(typed.number - q.respondents) > EPS:
        summed = tuple(c.loc for c in (counts.get(k) for k in OPTS) if c is not None)
        yield rules.TYPED_RESPONDENTS_MISMATCH(typed.loc, q.respondents, typed.number,
                                               fix=Fix(typed.loc, float(q.respondents), summed))


def _ratios(q: QuestionScore):
    row = q.question.ratios
    if row is None:
        return
    *cells, stated = with_row_precision([*(row.get(k) for k in OPTS), row.get(Key.RESPONDENTS)], percent=True)
    for k, cell, ratio in zip(OPTS, cells, q.ratios):
        if cell is None or cell.number is None:
            continue
        count = q.question.counts.num(k) or 0
        if count == 0 and abs(cell.number) > EPS:
            yield rules.COPIED_VALUE(cell.loc, actual=show_typed(cell), row="占比",
                                     fix=Fix(cell.loc, 0.0, (), show_typed(cell), show(0.0, cell)))
            continue
        f = mismatch(rules.RATIO_MISMATCH, cell, ratio, count=f"{count:g}", n=f"{q.respondents:g}")
        if f:
            yield f
    typed = [c for c in cells if c is not None and c.number is not None]
    # the row's own 合计 cell (stated): the shares of every respondent, 100% to its own precision and the
    # rounding of the shares it may add up (a share of 0 is exact)
    if stated is not None and stated.number is not None \
            and abs(stated.number - 1) > sum_tolerance([*(c for c in typed if c.number), stated]):
        yield rules.RATIO_ROW_SUM(stated.loc, "100%", show_typed(stated),
                                  fix=Fix(stated.loc, 1.0, (), show_typed(stated), show(1.0, stated)))
    elif typed:
        total = sum(c.number for c in typed)
        if abs(total - 1) > sum_tolerance(typed):
            loc = (stated or typed[0]).loc
            yield rules.RATIO_ROW_SUM(loc, "100%", f"{total:.2%}")


def _points(q: QuestionScore):
    row = q.question.points
    if row is not None:
        for k, pts, cell in zip(OPTS, q.points, with_row_precision([row.get(k) for k in OPTS])):
            if cell is None or cell.number is None:
                continue
            if (q.question.counts.num(k) or 0) == 0 and abs(cell.number) > EPS:
                yield rules.COPIED_VALUE(cell.loc, actual=show_typed(cell), row="得分",
                                         fix=Fix(cell.loc, 0.0, (), show_typed(cell), show(0.0, cell)))
                continue
            f = mismatch(rules.POINTS_MISMATCH, cell, pts)
            if f:
                yield f
    typed = q.question.counts.get(Key.QUESTION_SCORE)
    if typed is not None and typed.number is not None:
        f = mismatch(rules.QUESTION_SCORE_MISMATCH, typed, q.score)
        if f:
            yield f


def _weights(s: SurveyScore):
    if not s.questions:
        return
    total = sum(q.question.weight.number for q in s.questions if q.question.weight and q.question.weight.number)
    if abs(total - 100) > 1e-6:
        loc = (s.questions[0].question.weight or s.questions[0].question.text).loc
        yield rules.QUESTION_WEIGHTS_NOT_100(loc, 100, total)


@check(rules.POINTS_MISMATCH, rules.RATIO_MISMATCH, rules.SURVEY_SCORE_MISMATCH, rules.SURVEY_TOTAL_MISMATCH)
def total_block(ctx: Context):
    weighted = not defaulted_weights(ctx.model)
    for s in ctx.scores.surveys:
        t = s.survey.total
        if t is None:
            continue
        yield from _total_counts(s, t.counts)
        if t.ratios is not None:
            n = sum(s.counts)
            for k, c, cell in zip(OPTS, s.counts, with_row_precision([t.ratios.get(k) for k in OPTS], percent=True)):
                if cell is not None and cell.number is not None and n:
                    f = mismatch(rules.RATIO_MISMATCH, cell, c / n, count=f"{c:g}", n=f"{n:g}")
                    if f:
                        yield f
        if t.points is not None and weighted:
            for j, cell in enumerate(with_row_precision([t.points.get(k) for k in OPTS])):
                if cell is not None and cell.number is not None:
                    f = mismatch(rules.POINTS_MISMATCH, cell, sum(q.points[j] for q in s.questions))
                    if f:
                        yield f
        typed = (t.counts.get(Key.QUESTION_SCORE), t.points.get(Key.QUESTION_SCORE) if t.points else None)
        for cell in (c for c in typed if weighted and c is not None and c.number is not None):
            f = mismatch(rules.SURVEY_SCORE_MISMATCH, cell, s.score)
            if f:
                yield f


def _total_counts(s: SurveyScore, row: Row):
    for k, expected in zip(OPTS, s.counts):
        cell = row.get(k)
        if cell is not None and cell.number is not None and abs(cell.number - expected) > EPS:
            summed = tuple(c.loc for c in (q.question.counts.get(k) for q in s.questions) if c is not None)
            yield rules.SURVEY_TOTAL_MISMATCH(cell.loc, expected, cell.number, column=k[-1],
                                              fix=Fix(cell.loc, float(expected), summed))
    cell = row.get(Key.RESPONDENTS)
    expected = sum(q.respondents for q in s.questions)
    if cell is not None and cell.number is not None and abs(cell.number - expected) > EPS:
        yield rules.SURVEY_TOTAL_MISMATCH(cell.loc, expected, cell.number, column="合计人数",
                                          fix=Fix(cell.loc, float(expected)))


CHECKS = (questions, total_block)
