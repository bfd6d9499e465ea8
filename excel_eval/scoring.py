"""Scores computed from the model by the published rules. Pure: no file I/O, no printing.

Every number the tool reports (execution rate, survey score, indicator score, section score,
total, grade) is computed here and only here; the checks compare typed numbers with these.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from . import layout
from .layout import is_arrival, is_execution, is_satisfaction, section_name
from .families import stated_points, without_points
from .model import UNKNOWN, Cell, Loc, Model, Question, Row, Survey, rounding_slack
from .schemes import Scheme
from .targets import EQ, GE, GT, LE, LT, RANGE, Target, TargetKind, parse_target, units_compatible
from .vocab import RuleKind
from .keys import Key

EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_DATES = (20000, 80000)  # 1954 … 2119: a bare number in this range against a deadline is a date


# --- results ------------------------------------------------------------------------------------

def share(part: float | None, whole: float | None) -> float | None:
    """part ÷ whole, or None where there is nothing to divide by: the one zero convention every
    writer follows (a workbook's formula shows 0 there, a report a dash)."""
    return part / whole if whole and part is not None else None


@dataclass(eq=False)
class BudgetLine:
    """One line of the budget table as every writer shows it."""

    row: Row
    budget: float | None
    executed: float | None
    received: float | None

    @property
    def balance(self) -> float | None:
        return None if self.budget is None or self.executed is None else self.budget - self.executed

    @property
    def rate(self) -> float | None:
        return share(self.executed, self.budget)


@dataclass(eq=False)
class BudgetScore:
    """The budget computed: totals, execution and arrival rates, line by line."""

    budget: float
    executed: float
    received: float | None
    execution_rate: float | None
    arrival_rate: float | None
    lines: list[BudgetLine] = field(default_factory=list)

    @property
    def balance(self) -> float:
        return self.budget - self.executed

    @property
    def spent_of_nothing(self) -> bool:
        """Money spent of a budget of 0: no rate can be given (B012)."""
        return self.budget <= 0 < self.executed


@dataclass(eq=False)
class QuestionScore:
    """One question of a questionnaire computed: respondents, each option's share and points, its score."""

    question: Question
    respondents: float
    ratios: tuple[float, ...]
    points: tuple[float, ...]
    score: float


@dataclass(eq=False)
class SurveyScore:
    """A questionnaire computed: its questions, its score, and the counts per option over all of them."""

    survey: Survey
    weights: tuple[float, ...]
    questions: list[QuestionScore]
    score: float
    respondents: float | None  # the count most questions have
    counts: tuple[float, ...]  # Σ per option over all questions


@dataclass(eq=False)
class IndicatorScore:
    """One indicator scored: its points, the unit's own score, the score the rules give, and why."""

    row: Row
    name: str
    section: str
    weight: float | None
    self_score: float | None
    computed: float | None
    rule: RuleKind
    target: Target
    actual: Target
    actual_value: float | None = None  # the actual used, in the target's terms (95% → 0.95)
    met: bool | None = None
    over_performance: bool = False
    band: tuple[float, float] | None = None  # qualitative: the allowed share of w
    survey: SurveyScore | None = None  # the questionnaire a 满意度 indicator takes its actual from
    note: str = ""
    ratio: float | None = None  # actual ÷ target, not capped (a positive indicator)
    share: float | None = None  # of its points, what the rule gives (1 met, 0.4 for 6 of 15); None: no rule
    implied: bool = False  # its points are not typed: implied by its 得分 and the points its labels state
    undetermined: bool = False  # its rule applies but cannot give a score (a budget of 0 spent): nor does the typed one count

    @property
    def remark(self) -> str:
        """What a reader of the scores should know of this one: how its actual was read, that its
        points were implied, the reviewer's 复核分 where the form has one (the 说明 a writer shows)."""
        implied = "本表没有分值列，分值由所填得分推定" if self.implied else ""
        review = f"复核分 {self.row.text(Key.REVIEW)}" if self.row.get(Key.REVIEW) is not None else ""
        return "；".join(x for x in (self.note, implied, review) if x)

    @property
    def loc(self) -> Loc:
        """Where the indicator's points stand: its 分值 cell; its 得分, or its name, where the table
        types no points."""
        cells = self.row.cells
        key = next((k for k in (Key.WEIGHT, Key.SCORE, Key.LEVEL4, Key.LEVEL3, Key.LEVEL2, Key.LEVEL1) if k in cells))
        return cells[key].loc

    @property
    def score(self) -> float | None:
        """What counts in the total: the computed score where a rule applies, else the evaluator's;
        None where there is neither (a blank is unknown, never 0)."""
        if self.undetermined:
            return None
        return self.computed if self.computed is not None else self.self_score


@dataclass(eq=False)
class SectionScore:
    """One section (一级指标) scored: its points, the computed score and the unit's own."""

    name: str
    weight: float
    score: float | None  # None: an indicator with points in it has no score (I019, R012)
    self_score: float | None  # None: no indicator in it has a typed score
    scheme_weight: float | None

    @property
    def deduction(self) -> float | None:
        return None if self.score is None else self.weight - self.score

    @property
    def rate(self) -> float | None:
        return share(self.score, self.weight)


@dataclass(eq=False)
class Scores:
    """Everything scoring computed for a workbook: budget, questionnaires, indicators, sections, total and grade."""

    scheme: Scheme
    budget: BudgetScore | None
    surveys: list[SurveyScore]
    indicators: list[IndicatorScore]
    sections: list[SectionScore]
    total: float | None
    grade: str | None
    self_total: float | None
    unscored: list[IndicatorScore] = field(default_factory=list)  # neither computable nor scored: no total

    @property
    def satisfaction(self) -> float | None:
        return self.surveys[0].score if self.surveys else None

    @property
    def weight(self) -> float:
        """The sections' points together (100 on a well-made table)."""
        return sum(x.weight for x in self.sections)

    @property
    def section_score(self) -> float | None:
        """The sections' scores together (the total, where one could be computed); None where a
        section's is unknown."""
        known = [x.score for x in self.sections]
        return None if None in known else sum(known)

    @property
    def deduction(self) -> float | None:
        return None if self.total is None else self.weight - self.total

    @property
    def rate(self) -> float | None:
        return share(self.total, self.weight)


# --- scoring ------------------------------------------------------------------------------------

def option_points(points: float, count: float, respondents: float, weight: float) -> float:
    """The points one option of a question contributes: 分值 × count / respondents × weight."""
    return points * (count / respondents) * weight if respondents else 0.0  # the share first: no overflow


def score(model: Model, scheme: Scheme) -> Scores:
    """Every score of one workbook under `scheme` (see `schemes.pick_scheme`)."""
    budget = score_budget(model)
    surveys = [score_survey(s, option_weights(model, scheme)) for s in model.surveys]
    indicators = score_indicators(model, scheme, budget, surveys)
    # A table without points (no 分值 column, none implied): read and checked, not scored (I020).
    pointless = any(i.weight is None for i in indicators) and not declares_points(model)
    sections = [] if pointless else score_sections(indicators, scheme, model)
    # An indicator cell the tool could not compute (R012): the total is unknown, not a sum with a 0 in it.
    unknown = model.indicators is not None and model.indicators.unknown
    # An indicator with neither a computable actual nor a score (an unfinished table): the total
    # is unknown too; what can be scored still is, section by section (I019 says which).
    # (on a table whose points are not typed, one with neither a share by the rules nor a score)
    open_scores = not declares_points(model) and model.indicators is not None and Key.SCORE in model.indicators.columns
    unscored = [i for i in indicators if (i.weight is not None or (open_scores and i.share is None))
                and i.computed is None and i.self_score is None
                and not (i.row.cells.get(Key.SCORE) and i.row.cells[Key.SCORE].value is UNKNOWN)]  # (R012 says that)
    total = sum(s.score for s in sections) if sections and not unknown and not unscored \
        and all(s.score is not None for s in sections) else None
    # what the evaluator typed, summed: unknown when no indicator has a typed score (not 0)
    typed = any(i.self_score is not None for i in indicators)
    self_total = sum(s.self_score or 0.0 for s in sections) if sections and typed else None
    # Points that do not add to 100 are no 100-point scale: the total stands, the grade is not given (I001).
    graded = total is not None and on_100_points(indicators)
    return Scores(scheme, budget, surveys, indicators, sections, total,
                  scheme.grade(total) if graded else None, self_total, unscored)


WEIGHT_TOLERANCE = 1e-6


def on_100_points(indicators: list[IndicatorScore]) -> bool:
    """The points add to 100, as far as they were typed: thirds typed 3.333333 thirty times are 100."""
    return adds_to(indicators, 100)


def adds_to(indicators: list[IndicatorScore], points: float) -> bool:
    """The indicators' points add to `points` (a section's, the whole table's), as far as they were
    typed: 3.333333 six times is 20."""
    total = sum(i.weight or 0.0 for i in indicators)
    slack = rounding_slack([i.row.get(Key.WEIGHT) for i in indicators if not i.implied])
    return abs(total - points) <= WEIGHT_TOLERANCE + slack


def option_weights(model: Model, scheme: Scheme) -> tuple[float, ...]:
    """The questionnaire's option weights: 项目信息's, the scheme's where a weight is blank."""
    info = model.info
    given = [info.num(f"weight_{o}") if info else None for o in layout.OPTIONS]
    return tuple(g if g is not None else d for g, d in zip(given, scheme.option_weights))


def defaulted_weights(model: Model) -> tuple[str, ...]:
    """The options whose weight 项目信息 leaves blank (the scheme's default is used)."""
    info = model.info
    return tuple(o for o in layout.OPTIONS if info is None or info.num(f"weight_{o}") is None)


def score_budget(model: Model) -> BudgetScore | None:
    t = model.budget
    if t is None or not t.rows or not {Key.BUDGET, Key.EXECUTED} <= t.columns.keys() or t.unknown:
        return None  # a missing column is reported by the reader, a formula not computed by R012
    budget, executed = t.column_sum(Key.BUDGET), t.column_sum(Key.EXECUTED)
    if t.totals and model.family.total_line_heads:  # a 总额 line its lines round to is the figure (临河区: 7165.32)
        budget, executed = stated_total(t, Key.BUDGET, budget), stated_total(t, Key.EXECUTED, executed)
    has_received = any(r.num(Key.RECEIVED) is not None for r in t.rows)
    received = t.column_sum(Key.RECEIVED) if has_received else None
    lines = [BudgetLine(r, r.num(Key.BUDGET), r.num(Key.EXECUTED), r.num(Key.RECEIVED)) for r in t.rows]
    return BudgetScore(budget, executed, received, share(executed, budget), share(received, budget), lines)


def stated_total(t, key: Key, lines: float) -> float:
    """The 总额 line's figure where its lines differ from it by no more than their rounding, else
    the lines' sum (a total left at 0 or typed wrong: B009 says so)."""
    cell = t.totals[0].get(key)
    if cell is None or cell.number is None:
        return lines
    slack = rounding_slack([r.get(key) for r in t.rows]) + (cell.step or 0) / 2
    return cell.number if abs(cell.number - lines) <= slack + 1e-9 else lines


def score_survey(survey: Survey, weights: tuple[float, ...]) -> SurveyScore:
    questions = []
    for q in survey.questions:
        counts = [q.counts.num(f"opt_{o}") or 0.0 for o in layout.OPTIONS]
        n = sum(counts)
        w = q.weight.number if q.weight is not None and q.weight.number is not None else 0.0
        ratios = tuple(c / n if n else 0.0 for c in counts)
        points = tuple(option_points(w, c, n, wk) for c, wk in zip(counts, weights))
        questions.append(QuestionScore(q, n, ratios, points, sum(points)))
    ns = Counter(q.respondents for q in questions if q.respondents)
    totals = tuple(sum(q.counts.num(f"opt_{o}") or 0.0 for q in survey.questions) for o in layout.OPTIONS)
    return SurveyScore(survey, weights, questions, sum(q.score for q in questions),
                       ns.most_common(1)[0][0] if ns else None, totals)


def leaf_name(row: Row) -> str:
    for key in (Key.LEVEL4, Key.LEVEL3, Key.LEVEL2, Key.LEVEL1):
        if row.text(key):
            return row.text(key)
    return ""


def linked_survey(row: Row, name: str, satisfaction_rows: int, surveys: list[SurveyScore]) -> SurveyScore | None:
    """The questionnaire a 满意度 indicator reports on: named by the sheet suffix (满意度问卷-培训 ↔
    培训满意度), or the only questionnaire when the workbook has one 满意度 indicator."""
    for s in surveys:
        suffix = s.survey.sheet[len(layout.SURVEY.name):].strip(" -－_—") if s.survey.sheet.startswith(layout.SURVEY.name) else ""
        if suffix and suffix in name:
            return s
    return surveys[0] if len(surveys) == 1 and satisfaction_rows == 1 else None


def declares_points(model: Model) -> bool:
    """The indicator table types each indicator's points (a 分值 / 权重 column)."""
    return model.indicators is not None and Key.WEIGHT in model.indicators.columns


def score_indicators(model: Model, scheme: Scheme, budget: BudgetScore | None,
                     surveys: list[SurveyScore]) -> list[IndicatorScore]:
    """Each indicator scored by the rules. On a table whose points are not typed (no 分值 column),
    each still gets its share of the points by the rules (met or not), and its points are taken
    from its 得分 where that is unambiguous (`implied_points`)."""
    t = model.indicators
    if t is None or (Key.WEIGHT not in t.columns and not model.family.is_form):
        return []  # a missing column is reported by the reader
    year = model.year
    rows = t.rows
    n_satisfaction = sum(1 for r in rows if is_satisfaction(leaf_name(r)))
    out = []
    for row in rows:
        name = leaf_name(row)
        w = row.num(Key.WEIGHT)
        target = parse_target(row.get(Key.TARGET).value if row.get(Key.TARGET) else None, year)
        actual = parse_target(row.get(Key.ACTUAL).value if row.get(Key.ACTUAL) else None, year)
        result = IndicatorScore(row, name, section_name(without_points(row.text(Key.LEVEL1))), w, row.num(Key.SCORE), None, RuleKind.NOT_COMPUTED,
                                target, actual)
        survey = linked_survey(row, name, n_satisfaction, surveys) if is_satisfaction(name) else None
        _score_one(result, scheme, budget, survey, 1.0 if w is None else w)
        if w is None:  # the share only: points the table does not give are not scored
            result.share, result.computed = result.computed, None
        elif w:
            result.share = None if result.computed is None else result.computed / w
        out.append(result)
    if Key.WEIGHT not in t.columns:
        for ind, w in implied_points(out, t.stated):
            ind.weight, ind.implied = w, True
            _score_one(ind, scheme, budget, ind.survey, w)
    return out


POINT_SLACK = 0.25  # implied points further than this from a whole number are no points the unit meant


def implied_points(indicators: list[IndicatorScore], stated: Cell | None) -> list[tuple[IndicatorScore, float]]:
    """The points of each indicator a table without a 分值 column implies, or none where they are not
    determined. The unit's own 得分 imply them under one of two readings — full points for a met
    indicator and the rule's share of them otherwise (6 of 15 done, 8 typed: 20 points), or the
    unit's uncapped ratio (12767.36 of 8000, 31.9 typed: 20 points) — and a reading is taken only
    when every indicator's points come out whole and add to what the labels state: each 一级指标's
    own (`产出指标(60分)`), else the block's (`年度绩效目标(80分)`)."""
    open_ = [i for i in indicators if i.weight is None]
    if not open_ or any(i.self_score is None for i in open_):
        return []
    labels = {id(i): points_label(i.row) for i in open_}
    if all(label is not None for label in labels.values()):
        groups: dict[object, list[IndicatorScore]] = {}
        for i in open_:
            groups.setdefault(labels[id(i)], []).append(i)
        wanted = [(label[1], group) for label, group in groups.items()]
    elif stated is not None and stated.number is not None:
        wanted = [(stated.number, open_)]
    else:
        return []
    for reading in (_capped_share, _uncapped_share):
        points, loose = {}, []
        for i in open_:
            share = reading(i)
            w = (i.self_score / share) if share else None
            if w is None or w <= 0:
                break
            if abs(w - round(w)) > POINT_SLACK:
                loose.append(i)
            else:
                points[id(i)] = float(round(w))
        else:
            # One indicator of a group whose reading is not whole (黄冈市: 19.6 for a met 98%) has the rest of the
            # group's points, when that rest is whole and at least its 得分.
            for total, group in wanted:
                odd = [i for i in group if any(i is j for j in loose)]
                rest = total - sum(points.get(id(i), 0.0) for i in group)
                if len(odd) == 1 and rest >= odd[0].self_score - 1e-9 and abs(rest - round(rest)) <= POINT_SLACK:
                    points[id(odd[0])] = float(round(rest))
            if all(id(i) in points for i in open_) \
                    and all(abs(sum(points[id(i)] for i in group) - total) <= 1e-6 for total, group in wanted):
                return [(i, points[id(i)]) for i in open_]
    return []


def points_label(row: Row) -> tuple[object, float] | None:
    """The label whose points a row's points are part of, and those points: its 一级指标's own
    (`产出指标(60分)`), else the goal block's it is under (`年度绩效目标2(40分)`); None for neither."""
    own = stated_points(row.text(Key.LEVEL1))
    if own is not None:
        return row.text(Key.LEVEL1), own
    block = row.get(Key.BLOCK)
    return (block.loc, block.number) if block is not None and block.number is not None else None


def _capped_share(ind: IndicatorScore) -> float | None:
    """The rule's share of the points (a met indicator: all of them); a qualitative indicator or
    one the rule cannot compute: its 得分 taken as full points."""
    return 1.0 if ind.share is None else ind.share


def _uncapped_share(ind: IndicatorScore) -> float | None:
    """The unit's ratio of actual to target, not capped at the target (a positive indicator)."""
    return ind.ratio if ind.ratio is not None else _capped_share(ind)


def _score_one(r: IndicatorScore, scheme: Scheme, budget: BudgetScore | None, survey: SurveyScore | None,
               w: float) -> None:
    kind = r.row.text(Key.TYPE)
    if budget is not None and (is_execution(r.name) or is_arrival(r.name)):
        rate = budget.execution_rate if is_execution(r.name) else budget.arrival_rate
        if rate is None and is_execution(r.name) and budget.spent_of_nothing:
            r.rule, r.undetermined = RuleKind.EXECUTION, True
            r.note = "全年预算数为 0，预算执行率无法计算"
            return
        if rate is not None:
            r.rule = RuleKind.EXECUTION if is_execution(r.name) else RuleKind.ARRIVAL
            r.actual_value = rate
            r.computed = _rate_points(w, rate, scheme) if is_execution(r.name) else w * min(rate, 1.0)
            r.met = rate >= (r.target.value if r.target.kind is TargetKind.NUMBER and r.target.unit == "%" else 1.0) - 1e-9
            return
    t, a = r.target, r.actual
    if survey is not None:
        a = Target(TargetKind.NUMBER, EQ, survey.score / 100, unit="%", text=f"{survey.score:.2f}")
        r.survey = survey
        r.note = f"实际完成值取自“{survey.survey.sheet}”的满意度得分 {survey.score:.2f}"
    if kind == layout.QUALITATIVE_TYPE or t.kind is TargetKind.QUALITATIVE or (t.kind is not TargetKind.EMPTY and a.kind is TargetKind.QUALITATIVE):
        r.rule = RuleKind.QUALITATIVE
        level = a.level or (t.level if a.kind is TargetKind.EMPTY else "")
        r.band = scheme.qualitative.get(level)
        return
    if t.kind is TargetKind.DATE:
        r.rule = RuleKind.DEADLINE
        if a.kind is TargetKind.NUMBER and a.value is not None and SERIAL_DATES[0] < a.value < SERIAL_DATES[1]:
            # A date typed into a cell without a date format arrives as Excel's day number.
            a = Target(TargetKind.DATE, date=EXCEL_EPOCH + dt.timedelta(days=int(a.value)), text=a.text)
            r.note = f"实际完成值 {a.text} 按 Excel 日期序号理解为 {a.date:%Y-%m-%d}"
        if a.kind is TargetKind.DATE:
            r.met = a.date <= t.date if t.op in (LE, LT, EQ) else a.date >= t.date
            r.computed = w if r.met else None
        return
    if t.kind not in (TargetKind.NUMBER, TargetKind.RANGE) or a.kind is not TargetKind.NUMBER:
        return
    if not units_compatible(t.unit, a.unit) and not ({t.unit, a.unit} == {"%", ""}):
        r.rule = RuleKind.UNIT_MISMATCH
        return
    value = a.value
    if t.unit == "%" and a.unit != "%":
        value = value if value <= 1.5 else value / 100
        r.note = f"实际完成值 {a.value:g} 按 {value:.2%} 理解"
    elif a.unit == "%" and t.unit != "%":
        tv = t.value if t.value is not None and t.value <= 1.5 else (t.value or 0) / 100
        t = Target(t.kind, t.op, tv, (t.high / 100 if t.high and t.high > 1.5 else t.high), "%", text=t.text)
        r.note = f"目标值 {r.target.text} 按 {tv:.2%} 理解"
    value = max(value, 0.0)
    r.actual_value = value
    if t.op == RANGE:
        lo, hi = t.value or 0.0, t.high or 0.0
        r.rule = RuleKind.RANGE
        if value < lo:
            r.computed, r.met = (w * value / lo if lo else w), False
        elif value > hi:
            r.computed, r.met = _reverse(w, value, hi, scheme), False
        else:
            r.computed, r.met = w, True
        return
    tv = t.value or 0.0
    if t.op in (LE, LT):
        r.rule = RuleKind.REVERSE
        r.met = value <= tv if t.op == LE else value < tv
        r.computed = w if value <= tv else _reverse(w, value, tv, scheme)
        return
    r.rule = RuleKind.POSITIVE if t.op in (GE, GT) else RuleKind.EQUAL
    if t.op == EQ and tv == 0:
        r.met = value <= 0
        r.computed = w if r.met else 0.0
        return
    r.met = value >= tv - 1e-12 if t.op != GT else value > tv
    r.ratio = value / tv if tv else None
    r.computed = w if value >= tv else (w * value / tv if tv else w)
    r.over_performance = tv > 0 and value >= scheme.over_performance * tv


def _reverse(w: float, a: float, t: float, scheme: Scheme) -> float:
    if scheme.reverse_formula == "ratio":
        return w * min(1.0, t / a) if a > 0 else w
    if t <= 0:
        return w if a <= 0 else 0.0
    if a >= 2 * t:
        return 0.0
    return w * (1 - (a - t) / t)


def _rate_points(w: float, rate: float, scheme: Scheme) -> float:
    if scheme.execution_rule == "tiers":
        for minimum, share in scheme.execution_tiers:
            if rate >= minimum - 1e-9:
                return w * share
        return 0.0
    return w * min(rate, 1.0)


def score_sections(indicators: list[IndicatorScore], scheme: Scheme, model: Model) -> list[SectionScore]:
    """Each 一级指标's points, score and the points the rules set for it (None where its 自评表
    family leaves them to the unit)."""
    fixed = model.family.fixed_sections
    groups: dict[str, list[IndicatorScore]] = {}
    for ind in indicators:
        groups.setdefault(ind.section, []).append(ind)
    order = [] if model.family.form_order else [name for name, _ in scheme.sections]
    names = sorted(groups, key=lambda n: (order.index(n) if n in order else len(order), list(groups).index(n)))
    return [SectionScore(n, sum(i.weight or 0 for i in groups[n]), _known_sum(groups[n]),
                         _typed_sum(groups[n]),
                         scheme.section_weight(n) if fixed is None or n in fixed else None) for n in names]


def _known_sum(indicators: list[IndicatorScore]) -> float | None:
    """The indicators' scores together; None when one with points has none (unknown, not 0)."""
    if any(i.weight is not None and i.score is None for i in indicators):
        return None
    return sum(i.score or 0.0 for i in indicators)


def _typed_sum(indicators: list[IndicatorScore]) -> float | None:
    """What the evaluator typed, together; None when nothing was typed."""
    typed = [i.self_score for i in indicators if i.self_score is not None]
    return sum(typed) if typed else None
