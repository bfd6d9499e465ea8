"""Sentences of the 自评报告, worded as the seed reports word them, every figure from the Result.

One wording for both places that state them: the results workbook's 报告摘要 (plain text) and the
report draft (which comments a figure the workbook itself states differently: each computed
figure is a `Figure` naming the 项目信息 field that holds the workbook's own).
"""

from __future__ import annotations

from typing import NamedTuple

from .result import Result
from .vocab import UNKNOWN_SCORE
from .keys import Key

SECTION_PREFIX = "项目"  # 项目决策 reads 决策 in "决策、管理、绩效三个方面"


class Figure(NamedTuple):
    """A computed figure in a sentence; `key` is the 项目信息 field where the workbook states its own."""

    text: str
    key: str


Part = str | Figure


def chinese_count(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def money(value: float | None) -> str:
    """万元 as the seeds write them: up to six decimals, at least two (97.361, 82.050854, 26.00)."""
    if value is None:
        return "—"
    whole, _, decimals = f"{round(value, 6):.6f}".rstrip("0").partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def points(value: float | None) -> str:
    """A score as the reports write it (92.00), or 未能计算 where it is unknown: never 0.00."""
    return UNKNOWN_SCORE if value is None else f"{value:.2f}"


def scored(value: float | None) -> str:
    """`评价得分92.00分`, or `评价得分未能计算` (a blank is not a zero)."""
    return "评价得分" + (UNKNOWN_SCORE if value is None else f"{value:.2f}分")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.2%}"


def year_of(result: Result, suffix: str = "") -> str:
    """`2022年` before a project whose name does not already start with its year."""
    year, project = result.year, result.info(Key.PROJECT)
    return "" if not year or project.startswith(str(year)) else f"{year}年{suffix}"


def conclusion(result: Result) -> list[Part]:
    """通过对…N个四级指标进行评价、打分，最终自评得分…分，评定等级为…。 (without a total: why not)."""
    s = result.scores
    if s.total is None:
        why = ("部分指标既没有可计算的完成值也没有得分" if s.unscored else
               "部分得分的公式没有计算结果" if any(i.weight is not None and i.score is None for i in s.indicators) else
               "本表没有分值和得分")
        return [f"{why}，总分{result.unknown_total}，本稿不给出总分和等级。"]
    unit = result.info(Key.DEPARTMENT) or result.info(Key.UNIT)
    names = "、".join(x.name.replace(SECTION_PREFIX, "") for x in s.sections)
    return [f"通过对{unit}{year_of(result, '度')}{result.info('project')}支出{names}{chinese_count(len(s.sections))}"
            "个方面的", Figure(str(len(s.indicators)), Key.REPORT_INDICATOR_COUNT), "个四级指标进行评价、打分，最终自评得分",
            Figure(f"{s.total:.2f}", Key.REPORT_TOTAL), "分，评定等级为", Figure(result.grade_label, Key.REPORT_GRADE), "。"]


def budget_sentence(result: Result) -> list[Part]:
    """本项目全年预算数…，实际支出…，预算执行率…。 (empty without a budget)."""
    b, unit = result.budget, result.model.money_unit
    if b is None or b.execution_rate is None:
        return []
    return [f"{year_of(result)}本项目全年预算数{money(b.budget)}{unit}，"
            + (f"到位{money(b.received)}{unit}，" if b.received is not None else "")
            + f"实际支出{money(b.executed)}{unit}，预算执行率", Figure(percent(b.execution_rate), Key.REPORT_EXECUTION), "。"]


def survey_sentence(result: Result, survey) -> list[Part]:
    info = result.model.info
    issued, valid = info.num(Key.SURVEYS_ISSUED), info.num(Key.SURVEYS_VALID)
    head = f"共计发放问卷{issued:g}份，收回有效问卷{valid:g}份，" if issued and valid else ""
    return [f"{head}满意度为", Figure(f"{survey.score:.2f}", Key.REPORT_SATISFACTION), "分。"]


def plain(parts: list[Part]) -> str:
    return "".join(p.text if isinstance(p, Figure) else p for p in parts)


def summary_sentences(result: Result) -> list[str]:
    """The conclusion, the budget, the questionnaire, and one line per section."""
    s = result.scores
    sentences = [plain(conclusion(result)), plain(budget_sentence(result)),
                 *(plain(survey_sentence(result, sv)) for sv in s.surveys)]
    sentences += [f"{x.name}（满分{x.weight:g}分，{scored(x.score)}）" for x in s.sections]
    return [line for line in sentences if line]
