"""The figures a 自评报告 states, with where each stands: one declaration of the phrasings, each
beside the seed sentence it comes from, and the tables a report tabulates its figures in.

A figure keeps the precision it was written at (`84.28%` is 0.8428 to 0.0001), so it can be
compared with a computed value as the workbook checks compare a typed one (checks/base.verdict).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from ..checks.base import decimals
from ..layout import normalize
from ..model import Cell, Place
from .read import Report, ReportTable

class Kind(enum.Enum):
    """What a figure is (Figure.kind)."""

    TOTAL = "total"
    GRADE = "grade"
    SECTION = "section"  # a 一级指标's points
    BUDGET = "budget"
    RECEIVED = "received"
    EXECUTED = "executed"
    BALANCE = "balance"
    EXECUTION = "execution"
    ARRIVAL = "arrival"
    SATISFACTION = "satisfaction"
    ISSUED = "issued"
    VALID = "valid"
    INDICATORS = "indicators"
    SPENT = "spent"  # one item's spending
    COUNT = "count"  # a questionnaire table's 人数


TOTAL, GRADE, SECTION, BUDGET, RECEIVED, EXECUTED, BALANCE, EXECUTION, ARRIVAL, SATISFACTION, ISSUED, VALID, \
    INDICATORS, SPENT, COUNT = tuple(Kind)

# How each is said, for the messages.
NAMES = {TOTAL: "总分", GRADE: "评价等级", SECTION: "分项得分", BUDGET: "预算金额", RECEIVED: "到位资金",
         EXECUTED: "实际支出", BALANCE: "结余资金", EXECUTION: "预算执行率", ARRIVAL: "资金到位率",
         SATISFACTION: "满意度", ISSUED: "发放问卷份数", VALID: "有效问卷份数", INDICATORS: "四级指标个数",
         SPENT: "一项支出", COUNT: "人数"}
N = r"(\d+(?:\.\d+)?)"  # a figure as the reports write it: 96, 95.8, 82.050854
_ = r"[^，。；：,;\n]"  # within one clause

# kind, the phrasing (the figure is its first group; a section's name the `section` group), the seed sentence.
PHRASINGS: tuple[tuple[str, str, str], ...] = (
    (TOTAL, rf"最终自评得分(?:为|[：:])?{N}分", "最终自评得分96分，评定等级为优。"),
    (TOTAL, rf"(?<!满意度)(?:综合|总)得分(?:为)?{N}分", "（常见写法）综合得分为92分"),
    (GRADE, r"(?:评定|评价)等级(?:为|[：:])?[“\"「]?([优良中差])", "最终自评得分92分，评定等级为优。／评价等级为“优”"),
    (SECTION, rf"(?P<section>项目决策|项目管理|项目绩效)（满分{N}分，评价得分{N}分）",
     "2、项目管理（满分20分，评价得分19.9分）"),
    (BUDGET, rf"预算批复经费{N}万元", "项目经费预算批复经费97.361万元"),
    (BUDGET, rf"预算申报金额为{N}万元", "项目预算申报金额为97.361万元，实际支出82.050854万元"),
    (BUDGET, rf"拨付{_}{{0,40}}?经费{N}万元", "市级财政拨付项目经费306.55万元，全部为对下资金。"),
    (BUDGET, rf"财政资金拨款(?:金额为)?{N}万元", "本项目财政资金拨款97.361万元，于当年到位97.361万元"),
    (RECEIVED, rf"于当年到位{N}万元", "本项目财政资金拨款97.361万元，于当年到位97.361万元，到位率100%。"),
    (RECEIVED, rf"财政资金收入{N}万元", "2022年，本项目财政资金收入76.1万元，于当年到位。"),
    (EXECUTED, rf"(?:实际支出|本项目支出|(?:(?<=[，。；：])|^|本项目)合计使用经费|共计使用经费){N}万元",
     "2022年，本项目支出44.39万元，为预算金额的58.33%。／合计使用经费82.050854万元"),
    (BALANCE, rf"合计结余经费{N}万元", "合计使用经费82.050854万元，合计结余经费15.310146万元。"),
    (BALANCE, rf"合计使用经费[\d.]+万元，结余经费{N}万元", "本项目合计使用经费82.050854万元，结余经费15.310146万元。"),
    (EXECUTION, rf"预算执行率(?:为|达)?{N}%", "全部于当年到位。预算执行率100%。"),
    (EXECUTION, rf"为预算金额的{N}%", "实际支出82.050854万元，为预算金额的84.28%。"),
    (ARRIVAL, rf"到位率(?:为|达)?{N}%", "于当年到位97.361万元，到位率100%。"),
    (SATISFACTION, rf"满意度(?:综合得分)?(?:为|达){N}(分|%)?",
     "群众满意度为97.23分。／群众满意度综合得分为97.47分。／满意度达97.47%"),
    (SATISFACTION, rf"实际满意度{N}%", "参加培训学员的满意度不低于90%，实际满意度97.47%"),
    (ISSUED, rf"发放问卷{N}份", "共计发放问卷26份，收回有效问卷26份"),
    (VALID, rf"有效问卷{N}份", "共计发放问卷26份，收回有效问卷26份"),
    (INDICATORS, rf"{N}个四级指标", "决策、管理、绩效三个方面的31个四级指标进行评价"),
    (INDICATORS, rf"四级指标{N}项", "三级指标21项目，四级指标31项（其中个性指标7项）"),
    (SPENT, rf"(?:支付|使用){_}{{0,6}}?经费{N}万元",
     "支付采购经费41.36万元／实际使用经费63.6万元／参加省级竞赛合计使用经费17.477354万元"),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern, _seed in PHRASINGS)

# The tables: a 得分情况表's columns, a 支出明细表's, a 满意度问卷's rows (by their first words).
SCORE_HEADS = {"weight": ("权重分", "权重", "分值", "满分"), "score": ("得分", "评价得分", "自评得分"),
               "deduction": ("扣分",), "rate": ("得分率",)}
SPENDING_HEADS = {"budget": ("下达金额", "预算金额", "全年预算数", "预算数", "批复金额"),
                  "executed": ("使用经费", "执行数", "实际支出", "支出金额", "使用金额"),
                  "balance": ("结余经费", "结余金额", "结余")}
TOTAL_LABELS = ("合计", "总计")
TOTAL_ROW = TOTAL_LABELS[0]  # what ScoreRow.section is for the 合计 row
COUNT_ROW, RATIO_ROW, POINTS_ROWS = "人数", "占比", ("得分", "分数")
SECTIONS = ("项目决策", "项目管理", "项目绩效")


@dataclass(frozen=True)
class Figure:
    """One figure the report states: what it is, its value at the precision written, where."""

    kind: Kind
    value: float | str
    place: Place
    quote: str
    step: float = 1.0  # the precision written (0.01 for 95.80; 0.0001 for 84.28%)
    percent: bool = False
    section: str = ""  # of a section's points: 项目决策, 项目管理, 项目绩效
    about: bool = False  # 60余人: at least

    @property
    def cell(self) -> Cell:
        """As a typed cell, for checks/base.verdict."""
        return Cell(self.value, self.place, self.step, None, self.percent)

    @property
    def shown(self) -> str:
        if isinstance(self.value, str):
            return self.value
        return show_number(self.value, self.step, self.percent)


def show_number(value: float, step: float, percent: bool = False) -> str:
    d = decimals(step * (100 if percent else 1))
    return f"{value * 100:.{d}f}%" if percent else f"{value:.{d}f}"


def number(text: str, percent: bool = False) -> tuple[float, float] | None:
    """`84.28` → (84.28, 0.01); with `percent` (0.8428, 0.0001). None for what is no number."""
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*", text or "")
    if not m:
        return None
    digits = m.group(1)
    step = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
    value = float(digits)
    if percent or m.group(2):
        return value / 100, step / 100
    return value, step


def quote(text: str, start: int, end: int, around: int = 14) -> str:
    """`……实际支出82.050854万元，为预算金额的84.28%。` — the figure with a few words either side."""
    a, b = max(0, start - around), min(len(text), end + around)
    return ("……" if a else "") + text[a:b] + ("……" if b < len(text) else "")


def text_figures(report: Report) -> list[Figure]:
    """Every declared figure of the report's paragraphs and table cells, in the report's order."""
    out = []
    for text, place in [(p.text, p.place) for p in report.paragraphs]:
        out += _phrased(text, place)
    return out


def _phrased(text: str, place: Place) -> list[Figure]:
    found, taken = [], []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            span = m.span(1)
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue  # one figure, one kind (合计使用经费 is the total spent, not one item)
            taken.append(span)
            q = quote(text, *m.span())
            if kind == GRADE:
                found.append((span[0], Figure(kind, m.group(1), place, q)))
            elif kind == SECTION:
                value, step = number(m.group(3))
                found.append((m.start(3), Figure(SECTION, value, place, q, step, section=m.group("section"))))
            else:
                percent = kind in (EXECUTION, ARRIVAL)  # a satisfaction is a score out of 100, % or not
                value, step = number(m.group(1), percent)
                found.append((span[0], Figure(kind, value, place, q, step, percent)))
    return [f for _, f in sorted(found, key=lambda x: x[0])]


# --- the tables ----------------------------------------------------------------------------------

@dataclass(eq=False)
class ScoreRow:
    section: str  # 项目决策…, or 合计
    cells: dict[str, Figure]  # weight, score, deduction, rate


class TableKind(enum.Enum):
    SCORE = "score"  # 得分情况表
    SPENDING = "spending"  # 支出明细表
    SURVEY = "survey"  # 满意度问卷统计表


def table_kind(t: ReportTable) -> TableKind | None:
    """What a table of the report is, by its headings; None for another."""
    for row in t.rows[:3]:
        heads = [normalize(c) for c in row]
        if any(h in SPENDING_HEADS["executed"] for h in heads) and any(h in SPENDING_HEADS["budget"] for h in heads):
            return TableKind.SPENDING
        if any(h in SCORE_HEADS["score"] for h in heads) and any(h in SCORE_HEADS["weight"] for h in heads):
            return TableKind.SCORE
    if any(len(r) > 1 and normalize(r[1]) == COUNT_ROW for r in t.rows):
        return TableKind.SURVEY
    return None


def _columns(t: ReportTable, heads: dict[str, tuple[str, ...]]) -> tuple[int, dict[str, int]]:
    for r, row in enumerate(t.rows[:3]):
        cols = {}
        for c, text in enumerate(row):
            for key, words in heads.items():
                if normalize(text) in words and key not in cols:
                    cols[key] = c
        if len(cols) >= 2:
            return r, cols
    return -1, {}


def _cell_figure(t: ReportTable, r: int, c: int, kind: str, percent: bool = False) -> Figure | None:
    """The number in a cell; `percent`: a ratio, typed `90.35%` or as a fraction `0.77`."""
    if c >= len(t.rows[r]):
        return None
    text = t.rows[r][c].strip()
    typed_percent = text.endswith("%")
    parsed = number(text.rstrip("%"))
    if parsed is None:
        return None
    value, step = parsed
    if percent and not typed_percent and value > 1.5:  # 90.35 in a ratio row: a percent without its sign
        typed_percent = True
    if typed_percent:
        value, step = value / 100, step / 100
    return Figure(kind, value, t.place(r, c), text, step, percent or typed_percent)


def score_rows(t: ReportTable) -> list[ScoreRow]:
    """A 得分情况表's rows: each section's 权重分, 得分, 扣分, 得分率 (and the 合计 row)."""
    head, cols = _columns(t, SCORE_HEADS)
    out = []
    for r in range(head + 1, len(t.rows)):
        label = section_of(t.rows[r][0]) if t.rows[r] else ""
        if not label:
            continue
        cells = {}
        for key, c in cols.items():
            f = _cell_figure(t, r, c, SECTION, percent=key == "rate")
            if f is not None:
                cells[key] = Figure(f.kind, f.value, f.place, f.quote, f.step, f.percent, label)
        out.append(ScoreRow(label, cells))
    return out


def section_of(text: str) -> str:
    """`C项目绩效` → 项目绩效; `合计` → 合计; "" for another row."""
    t = normalize(text)
    for name in (*SECTIONS, *TOTAL_LABELS):
        if name in t:
            return TOTAL_ROW if name in TOTAL_LABELS else name
    return ""


@dataclass(eq=False)
class SpendingRow:
    label: str
    total: bool
    cells: dict[str, Figure]  # budget, executed, balance


def spending_rows(t: ReportTable) -> list[SpendingRow]:
    head, cols = _columns(t, SPENDING_HEADS)
    out = []
    kinds = {"budget": BUDGET, "executed": EXECUTED, "balance": BALANCE}
    for r in range(head + 1, len(t.rows)):
        row = t.rows[r]
        cells = {key: f for key, c in cols.items() if (f := _cell_figure(t, r, c, kinds[key])) is not None}
        if not cells:
            continue
        label = next((x for x in row if x and number(x) is None), "")
        out.append(SpendingRow(label, any(normalize(x) in TOTAL_LABELS for x in row), cells))
    return out


@dataclass(eq=False)
class SurveyBlock:
    """One question (or the 合计 block) of a 满意度问卷 table: its 人数, 占比 and 得分/分数 rows over
    the options, and what each row has in the table's last column (各项得分, or 合计人数)."""

    label: str
    total: bool
    counts: list[Figure | None]
    ratios: list[Figure | None] = field(default_factory=list)
    points: list[Figure | None] = field(default_factory=list)
    count_tail: Figure | None = None
    ratio_tail: Figure | None = None
    points_tail: Figure | None = None

    @property
    def respondents(self) -> float:
        return sum(c.value for c in self.counts if c is not None)


@dataclass(eq=False)
class SurveyTable:
    table: ReportTable
    blocks: list[SurveyBlock]
    counted: bool  # the last column is 合计人数 (its points row then holds the question's score)

    @property
    def questions(self) -> list[SurveyBlock]:
        return [b for b in self.blocks if not b.total]

    @property
    def total(self) -> SurveyBlock | None:
        return next((b for b in self.blocks if b.total), None)

    def question_score(self, q: SurveyBlock) -> Figure | None:
        return q.points_tail if self.counted else q.count_tail

    @property
    def score(self) -> Figure | None:
        """The questionnaire's score as the table prints it (the 合计 block's)."""
        t = self.total
        if t is None:
            return None
        if self.counted:
            return t.points_tail
        single = [p for p in t.points if p is not None]
        return t.count_tail or t.points_tail or (single[0] if len(single) == 1 else None)


def survey_table(t: ReportTable) -> SurveyTable:
    """The questions of a questionnaire table: a 人数 row, then its 占比 and 得分/分数 rows."""
    blocks: list[SurveyBlock] = []
    width = max(len(r) for r in t.rows)
    options = range(2, max(2, width - 1))  # between 项目 and the last column (各项得分 / 合计人数)
    last = width - 1
    for r, row in enumerate(t.rows):
        name = normalize(row[1]) if len(row) > 1 else ""
        if name == COUNT_ROW:
            blocks.append(SurveyBlock(row[0], normalize(row[0]) in TOTAL_LABELS,
                                      [_cell_figure(t, r, c, COUNT) for c in options],
                                      count_tail=_cell_figure(t, r, last, SATISFACTION)))
        elif blocks and name == RATIO_ROW:
            blocks[-1].ratios = [_cell_figure(t, r, c, COUNT, percent=True) for c in options]
            blocks[-1].ratio_tail = _cell_figure(t, r, last, COUNT, percent=True)
        elif blocks and name in POINTS_ROWS:
            blocks[-1].points = [_cell_figure(t, r, c, SATISFACTION) for c in options]
            blocks[-1].points_tail = _cell_figure(t, r, last, SATISFACTION)
    head = next((row[last] for row in t.rows[:3] if len(row) > last and row[last] and number(row[last]) is None), "")
    return SurveyTable(t, blocks, COUNT_ROW in head)


__all__ = ["Figure", "PHRASINGS", "number", "score_rows", "spending_rows", "survey_table", "table_kind",
           "text_figures"]
