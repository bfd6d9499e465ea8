"""绩效指标: weights, score ranges, targets and actuals, and scores against the rules."""

from __future__ import annotations

from .. import layout, rules
from ..families import NO_REASON, TEMPLATE, Family, is_budget_points, stated_points, states_a_bound
from ..layout import is_satisfaction
from ..findings import Severity
from ..model import Loc
from ..scoring import IndicatorScore, Scores, adds_to, declares_points, on_100_points, points_label
from ..text import clip
from ..vocab import RuleKind
from .base import Context, EPS, check, column_totals, fix_of, mismatch, show, show_typed, step_of, verdict
from ..keys import Key
from ..targets import TargetKind


def targets_only(t) -> bool:
    """An indicator table with neither 完成值 nor 得分: the targets a unit set, not their evaluation."""
    return t is not None and Key.ACTUAL not in t.columns and Key.SCORE not in t.columns


@check(rules.NO_POINTS, rules.IMPLIED_POINTS, rules.TARGETS_ONLY)
def no_points(ctx: Context):
    """A table whose indicators carry no 分值 (many transfer-payment tables): read and checked, and
    scored only where its 得分 and stated points imply each indicator's points, said once. A table
    of targets alone is said to be one, once."""
    t = ctx.model.indicators
    if t is not None and ctx.model.family.is_form and targets_only(t):
        yield rules.TARGETS_ONLY(Loc(t.sheet, t.header_row, min(t.columns.values(), default=0)))
        return
    if t is None or Key.WEIGHT in t.columns or not ctx.model.family.is_form:
        return
    at = Loc(t.sheet, t.header_row, min(t.columns.values(), default=0))
    implied = [i for i in ctx.scores.indicators if i.implied]
    if implied:
        by_label: dict[str, list[float]] = {}
        blocks = all(stated_points(i.row.text(Key.LEVEL1)) is None and i.row.get(Key.BLOCK) is not None for i in implied)
        for i in implied:  # grouped as their points were: by 一级指标, or by goal block (年度绩效目标1(40分))
            name = i.row.cells[Key.BLOCK].text if blocks else i.row.text(Key.LEVEL1) or i.section
            by_label.setdefault(name, []).append(i.weight)
        points = "；".join(f"{label}：" + "、".join(f"{w:g}" for w in ws) for label, ws in by_label.items())
        labelled = all(stated_points(label) is not None for label in by_label)
        label = ("各目标块标明的分值" if blocks else
                 "一级指标标明的分值" if labelled or t.stated is None else f"“{t.stated.text}”")
        yield rules.IMPLIED_POINTS(at, label=label, points=points)
        return
    what = "分值（只有得分）" if Key.SCORE in t.columns else "分值和得分"
    pointed = any(i.weight is not None and not i.implied for i in ctx.scores.indicators)  # (a rubric's items, a budget line)
    yield rules.NO_POINTS(at, what=what, table="绩效指标表" if pointed else "本表")


@check(rules.SECTION_WEIGHT, rules.WEIGHTS_NOT_100, rules.WEIGHT_MISSING)
def weights(ctx: Context):
    t = ctx.model.indicators
    implied = any(i.implied for i in ctx.scores.indicators)
    if t is None or not t.rows or (Key.WEIGHT not in t.columns and not implied):
        return  # a missing column is reported by the reader
    for ind in ctx.scores.indicators:
        if ind.weight is None:
            yield rules.WEIGHT_MISSING(ind.row.cells[Key.WEIGHT].loc, name=ind.name)
    total = sum(i.weight or 0 for i in ctx.scores.indicators)
    if not on_100_points(ctx.scores.indicators):
        yield rules.WEIGHTS_NOT_100(_total_loc(ctx), 100, total)
    scheme = ctx.scores.scheme
    for section in ctx.scores.sections:
        within = [i for i in ctx.scores.indicators if i.section == section.name]
        if section.scheme_weight is not None and not adds_to(within, section.scheme_weight):
            yield rules.SECTION_WEIGHT(within[0].row.cells[Key.LEVEL1].loc, section.scheme_weight, section.weight,
                                       section=section.name, scheme=scheme.name)


def _total_loc(ctx: Context) -> Loc:
    t = ctx.model.indicators
    for key in (Key.WEIGHT, Key.SCORE):  # points implied (no 分值 column): the total's 得分
        if t.totals and t.totals[0].get(key):
            return t.totals[0].get(key).loc
        if key in t.columns:
            return t.loc(t.rows[-1].index, key)
    return t.stated.loc if t.stated is not None else Loc(t.sheet, t.header_row, min(t.columns.values(), default=0))


@check(rules.ACTUAL_MISSING,
       rules.DEADLINE_MISSED,
       rules.DEDUCTED_WITHOUT_REASON,
       rules.MET_NOT_FULL,
       rules.MISSED_BUT_FULL,
       rules.OVER_PERFORMANCE,
       rules.QUALITATIVE_BAND,
       rules.SCORE_DIFFERS_FROM_RULE,
       rules.SCORE_MISSING,
       rules.SCORE_OUT_OF_RANGE,
       rules.TARGET_UNPARSED,
       rules.UNIT_MISMATCH,
       rules.NOT_MET_UNSCORED,
       rules.RATE_OVER_100,
       rules.POINTS_WITHOUT_EVIDENCE,
       rules.ACTUAL_RESTATES_TARGET)
def each(ctx: Context):
    pointless = not declares_points(ctx.model) and ctx.model.family.is_form
    overall = table_reason(ctx.model)
    for ind in ctx.scores.indicators:
        yield from _plausible(ind)
        if ind.weight is None and pointless:
            yield from _unpointed(ind)
        else:
            yield from _one(ind, ctx.model.family, ctx.scores, overall)


def table_reason(model) -> bool:
    """A form's one 偏差原因 row for all its indicators (偏差大或目标未完成原因分析) gives a reason."""
    text = model.info.text(Key.DEVIATIONS) if model.info is not None and model.family.is_form else ""
    return bool(text) and text not in NO_REASON and text not in layout.EMPTY_MARKS


def _plausible(ind: IndicatorScore):
    """What an indicator's own values say, points or none: a 完成值 that restates a bound, a
    satisfaction over 100 %."""
    row = ind.row
    if ind.rule.from_budget:
        return
    actual = row.get(Key.ACTUAL)
    if actual is not None and states_a_bound(actual.value):
        yield rules.ACTUAL_RESTATES_TARGET(actual.loc, name=ind.name, done=clip(row.text(Key.ACTUAL)))
    for key, what, value in ((Key.TARGET, "指标值", ind.target), (Key.ACTUAL, "完成值", ind.actual)):
        if _impossible(ind, value):
            yield rules.RATE_OVER_100(row.cells[key].loc, name=ind.name, what=what, value=f"{value.value:.0%}")


def _impossible(ind: IndicatorScore, value) -> bool:
    """A satisfaction over 100 %."""
    return is_satisfaction(ind.name) and value.kind is TargetKind.NUMBER and value.unit == "%" \
        and value.value is not None and value.value > 1 + EPS


def _unpointed(ind: IndicatorScore):
    """An indicator of a table without points: its 完成值 given, and its target met."""
    row = ind.row
    if ind.rule.from_budget or Key.ACTUAL not in row.cells:
        return
    measured = ind.target.kind in (TargetKind.NUMBER, TargetKind.RANGE, TargetKind.DATE)
    done = ind.actual.text.strip() if ind.actual.text else show(ind.actual_value, percent=True)
    if measured and ind.actual.kind is TargetKind.EMPTY and not ind.note:
        yield rules.ACTUAL_MISSING(row.cells[Key.ACTUAL].loc, name=ind.name)
    elif (ind.met is False and not _impossible(ind, ind.target)) or (measured and ind.actual.kind is TargetKind.QUALITATIVE):
        yield rules.NOT_MET_UNSCORED(row.cells[Key.ACTUAL].loc, name=ind.name, target=row.text(Key.TARGET), done=done)


def _one(ind: IndicatorScore, family: Family = TEMPLATE, scores: Scores | None = None, overall: bool = False):
    row, w, s = ind.row, ind.weight, ind.self_score
    if w is None:
        return
    score_cell = row.get(Key.SCORE)
    loc_score = row.cells[Key.SCORE].loc if Key.SCORE in row.cells else ind.loc
    if s is not None and s > EPS and not ind.rule.from_budget and not row.text(Key.TARGET) and not row.text(Key.ACTUAL) \
            and not ind.survey and (Key.TARGET in row.cells or Key.ACTUAL in row.cells):  # (a rubric has neither column)
        yield rules.POINTS_WITHOUT_EVIDENCE(loc_score, name=ind.name, actual=s)
    if s is not None and (s < -EPS or s > w + EPS):
        yield rules.SCORE_OUT_OF_RANGE(loc_score, w, s)
        return
    target_loc = row.cells[Key.TARGET].loc if Key.TARGET in row.cells else loc_score
    actual_loc = row.cells[Key.ACTUAL].loc if Key.ACTUAL in row.cells else loc_score
    quantitative = row.text(Key.TYPE) == layout.QUANTITATIVE_TYPE
    if quantitative and not ind.rule.from_budget and ind.target.kind in (TargetKind.QUALITATIVE, TargetKind.EMPTY) \
            and row.get(Key.TARGET) is not None:
        yield rules.TARGET_UNPARSED(target_loc, text=row.text(Key.TARGET))
    if (quantitative or ind.target.kind in (TargetKind.NUMBER, TargetKind.RANGE, TargetKind.DATE)) and ind.actual.kind is TargetKind.EMPTY \
            and not ind.rule.from_budget and not ind.note and (Key.ACTUAL in row.cells or not family.is_form):
        yield rules.ACTUAL_MISSING(actual_loc, name=ind.name)
    if ind.rule is RuleKind.UNIT_MISMATCH:
        yield rules.UNIT_MISMATCH(actual_loc, ind.target.unit, ind.actual.unit)
    # A blank 得分 the rules can compute is no gap in a workbook, but is one on a 自评表: a form to fill in.
    if s is None and (ind.computed is None or family.blank_score_is_gap) and score_cell is None and Key.SCORE in row.cells:  # (an unknown formula is not a blank)
        yield rules.SCORE_MISSING(loc_score, name=ind.name)
    reason = bool(row.text(Key.DEVIATION)) or overall
    done = ind.actual.text.strip() if ind.actual.text else show(ind.actual_value, percent=True)
    target = row.text(Key.TARGET) or ("100%" if ind.rule.from_budget else "")  # (到位率 without a target: all of it)
    if ind.computed is not None and s is not None and score_cell is not None:
        off = verdict(score_cell, ind.computed)
        fix = lambda: fix_of(score_cell, ind.computed)  # noqa: E731 (the score by the scheme's rule, applied with --scores; made only for a finding)
        if ind.met and s < w - EPS and off is not None and not ind.rule.from_budget:
            yield rules.MET_NOT_FULL(loc_score, w, s, target=target, done=done, fix=fix())
        elif ind.met is False and abs(s - w) <= EPS and ind.computed < w - EPS:
            yield rules.MISSED_BUT_FULL(loc_score, show(ind.computed, score_cell), s, target=target, done=done, fix=fix())
        elif off is not None:
            yield rules.SCORE_DIFFERS_FROM_RULE(loc_score, show(ind.computed, score_cell), show(s, score_cell),
                                                rule=ind.rule.value, severity=_rounding(off, s, ind.computed, scores),
                                                fix=fix())
    if ind.over_performance and not reason:
        times = ind.actual_value / ind.target.value if ind.target.value else 0
        yield rules.OVER_PERFORMANCE(actual_loc, target=target, done=done, times=f"{times:.1f} 倍")
    if ind.band is not None and s is not None:
        low, high = ind.band[0] * w, ind.band[1] * w
        if not low - EPS <= s <= high + EPS:
            level = ind.actual.level or ind.target.level
            yield rules.QUALITATIVE_BAND(loc_score, actual=s, level=level,
                                         band=f"{ind.band[0]:.0%}～{ind.band[1]:.0%}", low=f"{low:g}", high=f"{high:g}")
    if ind.rule is RuleKind.DEADLINE and ind.met is False and not reason:
        yield rules.DEADLINE_MISSED(actual_loc, target=target, done=done)
    elif s is not None and s < w - EPS and not reason and ind.rule is not RuleKind.DEADLINE and family.deduction_needs_reason \
            and not (ind.rule.from_budget and (family.is_form or Key.DEVIATION not in row.cells)):
        # (a 自评表 asks for the budget's 原因 only under 90%: B010)
        yield rules.DEDUCTED_WITHOUT_REASON(loc_score, w, s)


def _rounding(off: Severity, typed: float, computed: float, scores: Scores | None) -> Severity | None:
    """A rounding slip is a 提示, unless it is in the unit's favour (9 typed where the rule gives
    8.62): then the rule's own severity (警告), and an 错误 where taking the typed score would change
    the grade."""
    if off is not Severity.INFO:
        return None
    if typed <= computed:
        return Severity.INFO
    if scores is not None and scores.grade is not None and scores.total is not None \
            and scores.scheme.grade(scores.total + typed - computed) != scores.grade:
        return Severity.ERROR
    return None


@check(rules.INDICATOR_TOTAL_MISMATCH)
def totals(ctx: Context):
    """The 合计 / 总分 row: on a 自评表 it adds the budget's points (the 预算执行率 row) to the indicators'."""
    yield from column_totals(ctx.model.indicators, layout.INDICATORS, (Key.WEIGHT, Key.SCORE),
                             rules.INDICATOR_TOTAL_MISMATCH, gathered=ctx.data)


@check(rules.WEIGHT_APPLIED_TWICE)
def weighted_scores(ctx: Context):
    """A form's 折算得分 (成安县: 单项指标得分 | 权重占比(%) | 单项指标折算得分) that multiplies a score already
    within its points by the weight again (25 of 25 × 25% = 6.25)."""
    for ind in ctx.scores.indicators:
        cell = ind.row.get(Key.WEIGHTED)
        score, weight = ind.self_score, ind.weight
        if cell is None or cell.number is None or score is None or not weight or score > weight + EPS:
            continue
        twice = score * weight / 100
        if abs(cell.number - score) > step_of(cell) / 2 + EPS and abs(cell.number - twice) <= step_of(cell) / 2 + EPS:
            yield rules.WEIGHT_APPLIED_TWICE(cell.loc, show(score, cell), show_typed(cell), name=ind.name,
                                             score=f"{score:g}", weight=f"{weight:g}")


@check(rules.FORM_TOTAL_DIFFERS)
def form_total(ctx: Context):
    """A 自评表's 总分 row against the total the rules give, indicator by indicator."""
    t, total = ctx.model.indicators, ctx.scores.total
    if t is None or not t.totals or total is None or not ctx.model.family.is_form:
        return
    typed = t.totals[0].get(Key.SCORE)
    typed_sum = ctx.scores.self_total  # (a total that is not the sum of its own lines is I016's)
    if typed is not None and typed.number is not None and typed_sum is not None and verdict(typed, typed_sum) is None:
        found = mismatch(rules.FORM_TOTAL_DIFFERS, typed, total)
        if found is not None:
            yield found


@check(rules.SECTION_LABEL_WEIGHT)
def section_labels(ctx: Context):
    """`产出指标(50分)`: the weight a 一级指标 label states against its indicators' 分值; the points
    the block's own label states (`年度绩效目标(80分)`) against all of them."""
    t = ctx.model.indicators
    own = [i for i in ctx.scores.indicators if not is_budget_points(i.row.text(Key.LEVEL1))]
    if t is not None and t.stated is not None and own and all(i.weight is not None for i in own):
        points = sum(i.weight for i in own)
        if abs(points - t.stated.number) > EPS:
            yield rules.SECTION_LABEL_WEIGHT(t.stated.loc, t.stated.number, points, label=t.stated.text)
    groups: dict[object, list[IndicatorScore]] = {}  # by 一级指标 label (产出指标(50分)), or by goal block
    for ind in ctx.scores.indicators:
        label = points_label(ind.row)
        if label is not None:
            groups.setdefault(label, []).append(ind)
    for (_, stated), inds in groups.items():
        points = [i.weight for i in inds if i.weight is not None]
        row = inds[0].row
        own = stated_points(row.text(Key.LEVEL1)) is not None
        cell = row.cells[Key.LEVEL1] if own else row.cells[Key.BLOCK]
        if points and abs(sum(points) - stated) > EPS:
            yield rules.SECTION_LABEL_WEIGHT(cell.loc, stated, sum(points), label=(str(cell.value) if own else cell.text).strip())


@check(rules.ACTUAL_NOT_A_NUMBER)
def text_actuals(ctx: Context):
    """A quantitative indicator whose 完成值 is a word (`完成`, `达成预期指标`) yet keeps points."""
    for ind in ctx.scores.indicators:
        row = ind.row
        quantitative = row.text(Key.TYPE) == layout.QUANTITATIVE_TYPE or ind.target.kind in (TargetKind.NUMBER, TargetKind.RANGE)
        if quantitative and not ind.rule.from_budget and ind.actual.kind is TargetKind.QUALITATIVE \
                and ind.self_score is not None and ind.self_score > EPS:
            yield rules.ACTUAL_NOT_A_NUMBER(row.cells[Key.ACTUAL].loc, actual=ind.self_score, name=ind.name,
                                            target=row.text(Key.TARGET), done=row.text(Key.ACTUAL))


@check(rules.TOTAL_NOT_SCORABLE)
def unscored(ctx: Context):
    """An unfinished table: indicators with neither a computable actual nor a score."""
    missing = ctx.scores.unscored
    t = ctx.model.indicators
    if not missing or (ctx.model.family.is_form and targets_only(t)):  # (a table of targets: I029 says so once)
        return
    cells = [i.row.cells[Key.SCORE].loc if Key.SCORE in i.row.cells else i.loc for i in missing]
    total = t.totals[0].cells.get(Key.SCORE) if t is not None and t.totals else None
    yield rules.TOTAL_NOT_SCORABLE(total.loc if total is not None else cells[0], n=len(missing),
                                   cells=cells)


CHECKS = (no_points, weights, each, totals, weighted_scores, form_total, section_labels, text_actuals, unscored)
