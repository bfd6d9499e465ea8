"""The finance bureau's review of a batch: every project in one table, and the views a reviewer
spot-checks (抽查复核) from: 按主管部门, 抽查优先, 历年对比.

Built with pandas, imported here only (a batch pays for it once, the single-file commands never).
The priority rules are declared once, in PRIORITY_RULES: each adds its points to a project's
priority score and says why in words, so a reviewer can see what put a project at the top.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import rules
from .layout import GRADES
from .vocab import Status, grade_label

if TYPE_CHECKING:
    import pandas as pd

UNNAMED_DEPARTMENT = "（未填主管部门）"
FEW_RESPONDENTS = 30  # fewer valid questionnaires than this make a near-perfect satisfaction doubtful
HIGH_SATISFACTION = 95.0  # on the 100-point scale
LOW_EXECUTION = 0.9
EVALUATED = (Status.DONE.value, Status.UNCHANGED.value)  # a project read and scored (this run or before)


def _num(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


@dataclass(frozen=True)
class Priority:
    """One reason to spot-check a project: `reason(row)` gives it in words, or None."""

    key: str
    title: str  # as the README and the 抽查优先 sheet's legend name it
    points: int  # added to the priority score (per occurrence where `per` is set, up to `cap`)
    reason: Callable[[dict], str | None]
    explain: str  # why it matters, for the README
    per: Callable[[dict], int] | None = None
    cap: int | None = None

    def weigh(self, row: dict) -> tuple[int, str | None]:
        why = self.reason(row)
        if why is None:
            return 0, None
        points = self.points * (self.per(row) if self.per else 1)
        return (min(points, self.cap) if self.cap else points), why


def _typed_above(row: dict) -> str | None:
    typed, total = _num(row.get("self_total")), _num(row.get("total"))
    if typed is None or total is None or typed - total < 0.005:
        return None
    return f"填报总分 {typed:.2f} 高于核算总分 {total:.2f}（高 {typed - total:.2f} 分）"


def _grade_with_errors(row: dict) -> str | None:
    return f"等级为优，但有 {row['errors']} 个错误（等级待更正）" if row.get("grade") == GRADES[0] and row.get("errors") else None


def _grade_with_low_execution(row: dict) -> str | None:
    rate = _num(row.get("execution"))
    if row.get("grade") != GRADES[0] or rate is None or rate >= LOW_EXECUTION:
        return None
    return f"等级为优，但预算执行率仅 {rate:.2%}"


def _full_marks(row: dict) -> str | None:
    n = row.get("indicators") or 0
    return f"全部 {n} 项指标均得满分" if row.get("full_marks") and n >= 3 else None


def _few_respondents(row: dict) -> str | None:
    score, n = _num(row.get("satisfaction")), _num(row.get("respondents"))
    if score is None or n is None or score < HIGH_SATISFACTION or n >= FEW_RESPONDENTS:
        return None
    return f"满意度 {score:.2f} 分，但只有 {n:g} 份有效问卷"


def _over_executed(row: dict) -> str | None:
    rate = _num(row.get("execution"))
    return f"预算执行率 {rate:.2%}，超过 100%" if rate is not None and rate > 1.0 + 1e-9 else None


PRIORITY_RULES: tuple[Priority, ...] = (
    Priority("unreadable", "无法读取", 100,
             lambda r: f"无法读取：{r.get('reason') or '原因见日志'}" if r.get("status") == Status.FAILED.value else None,
             "文件打不开、加密或不是自评工作簿：没有任何数字可以核对，排在最前，须先向报送单位要回可读的文件。"),
    Priority("no_total", "未能计算总分", 40,
             lambda r: "未能计算总分（有指标既无完成值也无得分）"
             if r.get("status") in EVALUATED and _num(r.get("total")) is None else None,
             "有指标既算不出也没有填写得分，总分和等级无从确定。"),
    Priority("typed_above", "填报总分高于核算总分", 30, _typed_above,
             "单位自己填写的总分高于按规则核算的总分：自评偏高，是抽查的首要对象。"),
    Priority("errors", "错误", 5, lambda r: f"错误 {r['errors']} 个" if r.get("errors") else None,
             "表内数字自相矛盾（合计不符、得分超出分值等）。每个错误 5 分，最多 30 分。",
             per=lambda r: int(r["errors"]), cap=30),
    Priority("grade_with_errors", "等级为优但有错误", 20, _grade_with_errors,
             "评为“优”的工作簿仍有错误：等级建立在自相矛盾的数字上。"),
    Priority("grade_with_low_execution", "等级为优但执行率低于 90%", 20, _grade_with_low_execution,
             "预算执行率不到 90% 却评为“优”：资金没有用完，绩效却报得很好。"),
    Priority("full_marks", "全部指标满分", 15, _full_marks,
             "三项以上的指标全部得满分：自评可能没有如实扣分。"),
    Priority("unexplained", "缺少偏差原因", 5,
             lambda r: f"{r['unexplained']} 处扣分、超额或执行率偏低未写偏差原因" if r.get("unexplained") else None,
             "扣了分、大幅超额或执行率偏低，却没有写偏差原因。每处 5 分，最多 15 分。",
             per=lambda r: int(r["unexplained"]), cap=15),
    Priority("few_respondents", f"满意度高但问卷少于 {FEW_RESPONDENTS} 份", 10, _few_respondents,
             f"满意度在 {HIGH_SATISFACTION:g} 分以上，有效问卷却不足 {FEW_RESPONDENTS} 份：样本太小，高分难以采信。"),
    Priority("over_executed", "执行率超过 100%", 10, _over_executed,
             "执行数大于预算数：要么数字填错，要么超预算支出，须核实。"),
)


def prioritize(row: dict) -> tuple[int, list[str]]:
    """A project's priority score and its reasons, in the order of PRIORITY_RULES."""
    score, reasons = 0, []
    for rule in PRIORITY_RULES:
        points, why = rule.weigh(row)
        if why:
            score += points
            reasons.append(f"{why}（+{points}）")
    return score, reasons


# --- the views ------------------------------------------------------------------------------------

PROJECT_COLUMNS = ("file", "sheet", "status", "department", "project", "unit", "year", "scheme", "form", "total",
                   "self_total",
                   "grade", "grade_label", "execution", "satisfaction", "respondents", "budget", "executed", "indicators",
                   "full_marks", "unexplained", "errors", "warnings", "hints", "results", "marked", "report", "paired", "reason",
                   "failure", "sha256")


FIX_COLUMNS = ("fixed", "corrected")  # a run with --fix: the cells corrected, the corrected copy


@dataclass(eq=False)
class Views:
    projects: pd.DataFrame  # one row per project (汇总), failed files first, then by file
    departments: pd.DataFrame  # 按主管部门
    priority: pd.DataFrame  # 抽查优先: every row of `projects`, highest priority first
    years: pd.DataFrame  # 历年对比: projects that appear for several 评价年度 (empty when none)

    def as_json(self) -> dict:
        return {"projects": list(records(self.projects)), "by_department": list(records(self.departments)),
                "priority": list(records(self.priority)), "years": list(records(self.years))}


def records(frame: pd.DataFrame) -> Iterator[dict]:
    """The rows of a view as dicts of plain Python values, one at a time; a missing number is None."""
    columns = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in zip(columns, row)}


def build(rows: Iterable[dict]) -> Views:
    """The views of a batch from its items (as dicts: `batch.Item.as_dict()`), read once."""
    import pandas as pd

    columns: dict[str, list] = {k: [] for k in (*PROJECT_COLUMNS, *FIX_COLUMNS)}
    for row in rows:  # column by column: 10,000 projects are a few lists, not 10,000 objects
        for key, values in columns.items():
            values.append(row.get(key))
    if all(v is None for v in columns["fixed"]):  # a run without --fix: no such columns
        for key in FIX_COLUMNS:
            del columns[key]
    projects = pd.DataFrame(columns)
    if "fixed" in projects.columns:
        projects["corrected"] = projects["corrected"].fillna("").astype(str)
        projects["fixed"] = pd.to_numeric(projects["fixed"], errors="coerce")
    for key in ("file", "sheet", "status", "department", "project", "unit", "scheme", "form", "grade", "results", "marked",
                "report", "paired", "reason", "failure", "sha256"):
        projects[key] = projects[key].fillna("").astype(str)
    projects["full_marks"] = projects["full_marks"].fillna(False).astype(bool)
    for key in ("errors", "warnings", "hints", "unexplained", "indicators"):
        projects[key] = projects[key].fillna(0).astype(int)
    for key in ("total", "self_total", "execution", "satisfaction", "respondents", "budget", "executed"):
        projects[key] = pd.to_numeric(projects[key], errors="coerce")
    # the grade as every output shows it: provisional while the workbook has 错误
    projects["grade_label"] = [grade_label(g or None, e, None if math.isnan(t) else t) if st in EVALUATED else ""
                               for g, e, t, st in zip(projects["grade"], projects["errors"], projects["total"],
                                                      projects["status"])]
    failed = projects["status"] == Status.FAILED.value
    # failed first, then by file; a workbook's projects in the order of its sheets
    projects = projects.assign(_failed=failed).sort_values(["_failed", "file"], ascending=[False, True],
                                                           kind="stable").drop(columns="_failed").reset_index(drop=True)
    return Views(projects, departments(projects), priority(projects), years(projects))


def departments(projects: pd.DataFrame) -> pd.DataFrame:
    """按主管部门: projects, mean and lowest score, grades, budget, weighted execution, findings."""
    import pandas as pd

    done = projects[projects["status"].isin(EVALUATED)].copy()
    done["department"] = done["department"].fillna("").replace("", UNNAMED_DEPARTMENT)
    if done.empty:
        return pd.DataFrame(columns=["department", "projects", "mean", "lowest", *GRADES, "budget", "executed",
                                     "execution", "errors", "warnings"])
    # a total not on a 100-point scale (points adding to 120: no grade) is not averaged with the others
    done["graded"] = done["total"].where(done["grade"].fillna("") != "")
    grouped = done.groupby("department", sort=True)
    out = grouped.agg(projects=("file", "size"), mean=("graded", "mean"), lowest=("graded", "min"),
                      budget=("budget", "sum"), executed=("executed", "sum"), errors=("errors", "sum"),
                      warnings=("warnings", "sum"))
    with_budget = done.dropna(subset=["budget", "executed"])
    sums = with_budget.groupby("department")[["budget", "executed"]].sum()
    out["execution"] = (sums["executed"] / sums["budget"].where(sums["budget"] > 0)).reindex(out.index)
    for grade in GRADES:
        out[grade] = grouped["grade"].apply(lambda g, x=grade: int((g == x).sum()))
    out = out.reset_index()[["department", "projects", "mean", "lowest", *GRADES, "budget", "executed", "execution",
                             "errors", "warnings"]]
    return out.sort_values(["mean", "department"], na_position="first", kind="stable").reset_index(drop=True)


def priority(projects: pd.DataFrame) -> pd.DataFrame:
    """抽查优先: every project with its priority score and reasons, highest first (then by 错误, by file)."""
    weighed = [prioritize(row) for row in projects.to_dict("records")]
    out = projects[["file", "sheet", "department", "project", "unit", "year", "total", "grade", "grade_label", "errors",
                    "status"]].copy()
    out["priority"] = [w[0] for w in weighed]
    out["reasons"] = ["；".join(w[1]) for w in weighed]
    out = out.sort_values(["priority", "errors", "file"], ascending=[False, False, True], kind="stable")
    out.insert(0, "rank", range(1, len(out) + 1))
    return out.reset_index(drop=True)


def years(projects: pd.DataFrame) -> pd.DataFrame:
    """历年对比: the same project (name and 实施单位) evaluated for several years, a column per year."""
    import pandas as pd

    done = projects[projects["status"].isin(EVALUATED) & projects["year"].notna()
                    & (projects["project"].fillna("") != "")].copy()
    if done.empty:
        return pd.DataFrame(columns=["project", "unit"])
    done["unit"] = done["unit"].fillna("")
    done["year"] = done["year"].astype(int)
    several = done.groupby(["project", "unit"])["year"].transform("nunique") > 1
    done = done[several]
    if done.empty:
        return pd.DataFrame(columns=["project", "unit"])
    table = done.pivot_table(index=["project", "unit"], columns="year", values="total", aggfunc="last")
    table.columns = [int(c) for c in table.columns]
    first = table.apply(lambda r: r.dropna().iloc[0] if r.notna().any() else math.nan, axis=1)
    last = table.apply(lambda r: r.dropna().iloc[-1] if r.notna().any() else math.nan, axis=1)
    table["change"] = last - first
    return table.reset_index()
