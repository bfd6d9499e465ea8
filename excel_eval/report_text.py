"""Sentences of the 自评报告, worded as the seed reports word them, every figure from the Result."""

from __future__ import annotations

from .pipeline import Result

SECTION_PREFIX = "项目"  # 项目决策 reads 决策 in "决策、管理、绩效三个方面"


def chinese_count(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def summary_sentences(result: Result) -> list[str]:
    """The conclusion, the budget, the questionnaire, and one line per section."""
    s, m = result.scores, result.model
    info = m.info
    unit = info.text("department") or info.text("unit")
    names = "、".join(x.name.replace(SECTION_PREFIX, "") for x in s.sections)
    project = info.text("project")
    year = "" if not m.year or project.startswith(str(m.year)) else f"{m.year}年度"
    sentences = []
    if s.total is not None:
        sentences.append(
            f"通过对{unit}{year}{project}支出{names}{chinese_count(len(s.sections))}个方面的"
            f"{len(s.indicators)}个四级指标进行评价、打分，最终自评得分{s.total:.2f}分，评定等级为{s.grade}。")
    if s.budget is not None and s.budget.execution_rate is not None:
        money = m.money_unit
        sentences.append(
            f"{m.year or ''}年，本项目全年预算数{s.budget.budget:.2f}{money}，实际支出{s.budget.executed:.2f}{money}，"
            f"预算执行率{s.budget.execution_rate:.2%}。")
    for sv in s.surveys:
        issued, valid = info.num("surveys_issued"), info.num("surveys_valid")
        head = f"共计发放问卷{issued:g}份，收回有效问卷{valid:g}份，" if issued and valid else ""
        sentences.append(f"{head}满意度为{sv.score:.2f}分。")
    for x in s.sections:
        sentences.append(f"{x.name}（满分{x.weight:g}分，评价得分{x.score:.2f}分）")
    return sentences
