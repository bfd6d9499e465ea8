"""The pipeline: read → score → check. One Result per workbook feeds every reporter."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks import run_checks
from . import rules
from .findings import Finding, by_weight, group_findings, sort_findings
from .model import Model
from .layout import section_name
from .reader import Reading, read_projects
from .rules import Selection
from .schemes import Scheme, load_scheme, pick_scheme
from .scoring import BudgetScore, Scores, SectionScore, SurveyScore, score
from .triage import ReadError, Source
from .vocab import UNGRADED, Failure, Severity


@dataclass
class Result:
    """Everything known about one workbook. A file that could not be read has `failure` and
    `reason` set and nothing else."""

    source: Source
    model: Model | None = None
    scores: Scores | None = None
    findings: list[Finding] = field(default_factory=list)
    failure: Failure | None = None
    reason: str = ""  # why the file could not be read at all, in Chinese
    part: str = ""  # of a workbook holding several 自评表 projects: this project's sheet (in output names)

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def ok(self) -> bool:
        return self.failure is None

    # --- what every reporter reads ---------------------------------------------------------

    @property
    def layout(self) -> str:
        return self.model.layout if self.model else ""

    @property
    def total_score(self) -> float | None:
        return self.scores.total if self.scores else None

    @property
    def grade(self) -> str | None:
        return self.scores.grade if self.scores else None

    @property
    def grade_label(self) -> str:
        """The grade as people should read it: provisional while the workbook has 错误 —
        `优（待更正：32 个错误）` — since a grade computed from a self-contradicting workbook may change."""
        if self.grade is None:
            return UNGRADED if self.total_score is not None else ""
        errors = self.count(Severity.ERROR)
        return f"{self.grade}（待更正：{errors} 个错误）" if errors else self.grade

    @property
    def sections(self) -> list[SectionScore]:
        return self.scores.sections if self.scores else []

    @property
    def budget(self) -> BudgetScore | None:
        return self.scores.budget if self.scores else None

    @property
    def surveys(self) -> list[SurveyScore]:
        return self.scores.surveys if self.scores else []

    @property
    def execution_rate(self) -> float | None:
        return self.budget.execution_rate if self.budget else None

    @property
    def satisfaction(self) -> float | None:
        return self.scores.satisfaction if self.scores else None

    @property
    def scheme(self) -> Scheme | None:
        return self.scores.scheme if self.scores else None

    def info(self, key: str) -> str:
        """A 项目信息 field as text (`project`, `unit`, `department`, …); "" when not given."""
        return self.model.info.text(key) if self.model and self.model.info else ""

    @property
    def year(self) -> int | None:
        return self.model.year if self.model else None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def counts(self) -> dict[Severity, int]:
        return {sev: self.count(sev) for sev in Severity}

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def as_dict(self) -> dict:
        """The output contract of template v1: numbers rounded to 6 decimals (no 94.60000000000001),
        a number that overflowed is null."""
        return _finite(self._as_dict())

    def _as_dict(self) -> dict:
        if not self.ok:
            return {"file": self.path.name, **({"sheet": self.part} if self.part else {}), "status": "failed",
                    "failure": self.failure.value, "reason": self.reason, "findings": []}
        s, budget = self.scores, self.budget
        return {
            "file": self.path.name, "status": "ok", "layout": self.layout, "sheet": self.model.sheet or None,
            "project": self.info("project"), "unit": self.info("unit"),
            "year": self.year, "scheme": s.scheme.name,
            "total_score": s.total, "grade": s.grade, "self_total": s.self_total,
            "sections": [{"name": x.name, "weight": x.weight, "score": x.score, "self_score": x.self_score}
                         for x in s.sections],
            "budget": None if budget is None else {
                "budget": budget.budget, "executed": budget.executed, "received": budget.received,
                "execution_rate": budget.execution_rate, "arrival_rate": budget.arrival_rate},
            "surveys": [{"sheet": x.survey.sheet, "respondents": x.respondents, "score": x.score} for x in s.surveys],
            "indicators": [{"name": i.name, "section": i.section, "weight": i.weight, "self_score": i.self_score,
                            "score": i.score, "computed": i.computed, "rule": i.rule.value, "note": i.note,
                            "cell": str(i.row.cells["weight"].loc)} for i in s.indicators],
            "counts": {sev.value: n for sev, n in self.counts.items()},
            "findings": [f.as_dict() for f in self.findings],
        }


JSON_DECIMALS = 6


def _finite(value):
    if isinstance(value, float):
        return round(value, JSON_DECIMALS) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def evaluate(source: str | os.PathLike | bytes, *, scheme: Scheme | str | os.PathLike | None = None,
             name: str | None = None, skip: str | Iterable[str] = (), only: str | Iterable[str] = (),
             selection: Selection | None = None) -> Result:
    """Read, score and check one workbook: a path, or its bytes (`name` then names it).

    `scheme` is a Scheme, a built-in scheme's name or a TOML file (default: the one the workbook
    names, else the one its 一级指标 fit; a 自评表 is scored by 自评表). `skip` / `only` take rule
    codes (`"R004,S005"`) and change only which findings are reported, never the scores. A file
    that cannot be read, or a scheme that does not fit it, gives a Result with `failure` and
    `reason`, not an exception; an unknown rule code raises `rules.UnknownRule`, a scheme file
    that cannot be used `schemes.SchemeError`. A workbook holding several 自评表 projects gives
    the first: `evaluate_all` gives every one.
    """
    return evaluate_all(source, scheme=scheme, name=name, skip=skip, only=only, selection=selection)[0]


def evaluate_all(source: str | os.PathLike | bytes, *, scheme: Scheme | str | os.PathLike | None = None,
                 name: str | None = None, skip: str | Iterable[str] = (), only: str | Iterable[str] = (),
                 selection: Selection | None = None) -> list[Result]:
    """Every project of one workbook, each a Result (as `evaluate`): one for a template-v1
    workbook or a single 自评表, one per sheet for a department's export of several."""
    selection = selection or Selection.of(skip, only)
    chosen = load_scheme(scheme) if scheme is not None else None
    src = Source.of(source, name)
    try:
        readings = read_projects(src)
    except ReadError as exc:
        return [Result(src, failure=exc.kind, reason=str(exc))]
    several = len(readings) > 1
    return [_evaluate(reading.source or src, reading, chosen, selection, reading.model.sheet if several else "")
            for reading in readings]


def _evaluate(src: Source, reading: Reading, chosen: Scheme | None, selection: Selection, part: str) -> Result:
    model = reading.model
    misfit = scheme_misfit(model, chosen) if chosen is not None else ""
    if misfit:
        return Result(src, failure=Failure.SCHEME_MISMATCH, reason=misfit, part=part)
    scores = score(model, chosen or pick_scheme(model))
    findings = group_findings(sort_findings(selection.keep(reading.findings) + run_checks(model, scores, selection)))
    return Result(src, model, scores, by_weight(score_effects(findings, scores)), part=part)


def scheme_misfit(model: Model, scheme: Scheme) -> str:
    """Why `scheme` cannot score this workbook ("" when it can): none of its 一级指标 is one of the
    scheme's, so every section would be scored against weights it does not have."""
    names = [section_name(r.text("level1")) for r in (model.indicators.rows if model.indicators else [])]
    found = list(dict.fromkeys(n for n in names if n))
    if not found or set(found) & scheme.section_names:
        return ""
    where = f"（工作表“{model.sheet}”）" if model.sheet else ""
    return (f"评分体系“{scheme.name}”不适用于本工作簿{where}：其一级指标为 {'、'.join(found)}，"
            f"而该评分体系的一级指标为 {'、'.join(n for n, _ in scheme.sections)}。"
            "请去掉 --scheme 由工具按表格判断，或选择与表格相符的评分体系")


# Findings about an indicator's score: correcting one changes the total the workbook states.
SCORING_RULES = {rules.SCORE_DIFFERS_FROM_RULE, rules.MET_NOT_FULL, rules.MISSED_BUT_FULL, rules.RATE_INDICATOR_ACTUAL,
                 rules.SATISFACTION_INDICATOR_ACTUAL, rules.QUALITATIVE_BAND}


def score_effects(findings: list[Finding], scores: Scores) -> list[Finding]:
    """Each indicator whose evaluator's score the rules would change gives that change to one
    finding about it (the first), so the effects add up to the gap between the totals."""
    gaps = {}
    for ind in scores.indicators:
        s = ind.self_score
        if s is None or ind.weight is None:
            continue
        if ind.computed is not None:
            gap = ind.computed - s
        elif ind.band is not None:  # qualitative: into the band the wording allows
            low, high = ind.band[0] * ind.weight, ind.band[1] * ind.weight
            gap = min(max(s, low), high) - s
        else:
            continue
        if abs(gap) >= EFFECT_STEP:
            gaps[(ind.row.cells["weight"].sheet, ind.row.index)] = gap
    out = []
    for f in findings:
        key = (f.loc.sheet, f.loc.row) if f.loc is not None else None
        if f.rule in SCORING_RULES and key in gaps:
            f = replace(f, score_effect=gaps.pop(key))
        out.append(f)
    return out


EFFECT_STEP = 0.005  # an effect below what the two-decimal scores show is none
