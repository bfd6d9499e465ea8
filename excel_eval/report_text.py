"""Sentences of the 自评报告, worded as the seed reports word them, every figure from the Result.

One wording for both places that state them: the results workbook's 报告摘要 (plain text) and the
report draft (which comments a figure the workbook itself states differently: each computed
figure is a `Figure` naming the 项目信息 field that holds the workbook's own).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .result import Result
from .vocab import UNKNOWN_SCORE
from .keys import Key
from .text import LazyPattern

SECTION_PREFIX = "项目"  # 项目决策 reads 决策 in "决策、管理、绩效三个方面"
MISSING = "未填写"  # a value the workbook leaves blank, said in words (a dash after a label reads as 一)
TITLE_WORD = "项目"  # 委托业务项目 + 绩效自评报告, not 委托业务项目项目…
LEVEL_WORDS = ("一级", "二级", "三级", "四级")

# A system code before a name, as 预算管理一体化 exports write them: `219001-池州市…`,
# `51000021R000000019951-工资性支出`. Kept in the JSON; prose gives the name people say.
# (A year is no code: `2022-2023年…` keeps its years.)
_SYSTEM_CODE = re.compile(r"^\s*(?!(?:19|20)\d\d\s*[-－—_])(?=[0-9A-Za-z]*\d{3})[0-9A-Za-z]{3,}\s*[-－—_]+\s*(?=\S)")
# What an officer types as a comparison or a unit, as reports print it.
_AS_WRITTEN = ((">=", "≥"), ("=>", "≥"), ("<=", "≤"), ("=<", "≤"), ("＞＝", "≥"), ("＜＝", "≤"), ("＞=", "≥"),
               ("＜=", "≤"), ("≧", "≥"), ("≦", "≤"))
_PERCENT_WORD = re.compile(r"(?<=\d)\s*(?:百分比|百分之)")
# A 偏差原因 that only points elsewhere (`见报告正文`, `详见附件`): not a reason to quote in the body.
_POINTER = LazyPattern(r"^[（(]?(?:详见|参见|具体见|见)[^，,。；;]{0,12}[）)]?[。.]?$")


def plain_name(text: str) -> str:
    """A project's or unit's name without the system code an export puts before it."""
    return _SYSTEM_CODE.sub("", text or "").strip()


def as_written(text: str) -> str:
    """A target or actual as reports print it: `>=90%` → `≥90%`, `≥100百分比` → `≥100%`."""
    for typed, symbol in _AS_WRITTEN:
        text = text.replace(typed, symbol)
    return _PERCENT_WORD.sub("%", text)


def is_pointer(text: str) -> bool:
    """`见报告正文`: a reference to the report itself, which the report cannot quote as its reason."""
    return bool(_POINTER.match((text or "").strip()))


def report_title(result: Result) -> str:
    """`委托业务项目绩效自评报告`, `2022年残疾人…经费项目绩效自评报告`: the word 项目 once."""
    name = plain_name(result.info(Key.PROJECT)) or result.path.stem
    return f"{name}{'' if name.endswith(TITLE_WORD) else TITLE_WORD}绩效自评报告"


def indicator_level(result: Result) -> str:
    """How deep the form's indicators go, as reports count them: 四级 on the template, 三级 on
    a 自评表 whose indicators stop at 三级指标."""
    keys = (Key.LEVEL1, Key.LEVEL2, Key.LEVEL3, Key.LEVEL4)
    rows = [i.row for i in result.scores.indicators]
    deepest = max((n for n, key in enumerate(keys) if any(r.text(key) for r in rows)), default=3)
    return LEVEL_WORDS[deepest]


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
    year, project = result.year, plain_name(result.info(Key.PROJECT))
    return "" if not year or project.startswith(str(year)) else f"{year}年{suffix}"


def conclusion(result: Result) -> list[Part]:
    """通过对…N个四级指标进行评价、打分，最终自评得分…分，评定等级为…。 (without a total: why not)."""
    s = result.scores
    if s.total is None:
        why = ("全年预算数为 0，预算执行率无法计算" if any(i.undetermined for i in s.indicators) else
               "部分指标既没有可计算的完成值也没有得分" if s.unscored else
               "部分得分的公式没有计算结果" if any(i.weight is not None and i.score is None for i in s.indicators) else
               "本表没有分值和得分")
        return [f"{why}，总分{result.unknown_total}，本稿不给出总分和等级。"]
    unit = plain_name(result.info(Key.DEPARTMENT) or result.info(Key.UNIT))
    names = "、".join(x.name.replace(SECTION_PREFIX, "") for x in s.sections)
    return [f"通过对{unit}{year_of(result, '度')}{plain_name(result.info(Key.PROJECT))}支出{names}"
            f"{chinese_count(len(s.sections))}个方面的", Figure(str(len(s.indicators)), Key.REPORT_INDICATOR_COUNT),
            f"个{indicator_level(result)}指标进行评价、打分，最终自评得分",
            Figure(f"{s.total:.2f}", Key.REPORT_TOTAL),
            *(("分，评定等级为", Figure(result.grade_label, Key.REPORT_GRADE), "。") if s.grade else
              (f"分；各指标分值合计 {s.weight:g}，不是百分制，不评定等级。",))]


def structure_sentence(result: Result) -> str:
    """本项目支出绩效评价设立四级评价指标体系：一级指标由项目决策（占20%）……等3项构成，二级指标8项，
    ……，满分100分。 — counted from the indicators read, as deep as the form goes."""
    s = result.scores
    keys = (Key.LEVEL1, Key.LEVEL2, Key.LEVEL3, Key.LEVEL4)
    level = indicator_level(result)
    depth = LEVEL_WORDS.index(level)
    whole = s.weight
    firsts = "、".join(f"{x.name}（占{x.weight / whole:.0%}）" if whole else x.name for x in s.sections)
    counts = []
    for n in range(1, depth + 1):
        paths = {(i.section, *(i.row.text(k) for k in keys[1:n + 1])) for i in s.indicators if i.row.text(keys[n])}
        counts.append(f"{LEVEL_WORDS[n]}指标{len(paths)}项")
    counts[-1] = f"{level}指标{len(s.indicators)}项"  # every indicator is a leaf, named at its own level or above
    return (f"本项目支出绩效评价设立{level}评价指标体系：一级指标由{firsts}等{len(s.sections)}项构成，"
            + "，".join(counts) + f"，满分{whole:g}分。")


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
