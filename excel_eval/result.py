"""What is known about one workbook once it has been read, scored and checked: the `Result`
every front end and writer reads, and its JSON output contract. Nothing here reads a file."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .keys import Key
from .model import Model
from .schemes import Scheme
from .scoring import BudgetScore, Scores, SectionScore, SurveyScore
from .triage import Source
from .vocab import UNKNOWN_SCORE, Failure, Severity, grade_label


@dataclass(eq=False, repr=False)
class Result:
    """Everything known about one workbook. A file that could not be read has `failure` and
    `reason` set and nothing else."""

    source: Source
    model: Model | None = None
    scores: Scores | None = None
    findings: list[Finding] = field(default_factory=list)
    failure: Failure | None = None
    reason: str = ""  # why the file could not be read at all, in Chinese
    part: str = ""  # of a workbook holding several 自评表 projects: this project's sheet
    tag: str = ""  # …and what tells its output names from the others' (naming.project_tags)
    report: str = ""  # the 自评报告 read with it (its file name); a report read alone has no model
    report_source: Source | None = None  # …that report, when it is a .docx (its marked copy is written)

    @property
    def report_only(self) -> bool:
        """A 自评报告 checked on its own: findings, and no workbook."""
        return self.ok and self.model is None and bool(self.report)

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
        return grade_label(self.grade, self.count(Severity.ERROR), self.total_score)

    @property
    def unknown_total(self) -> str:
        """Why there is no total, naming the rules in the findings that say so:
        `未能计算（见问题清单 I019）` ("" when there is a total)."""
        if self.scores is None or self.scores.total is not None:
            return ""
        codes = sorted({f.code for f in self.findings if f.code in UNKNOWN_RULES})
        return UNKNOWN_SCORE + (f"（见问题清单 {'、'.join(codes)}）" if codes else "")

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
        if self.report_only:
            return {"file": self.path.name, "status": "ok", "layout": REPORT_LAYOUT, "report": self.report,
                    "counts": {sev.value: n for sev, n in self.counts.items()},
                    "findings": [f.as_dict() for f in self.findings]}
        s, budget = self.scores, self.budget
        return {
            "file": self.path.name, "status": "ok", "layout": self.layout, "sheet": self.model.sheet or None,
            "project": self.info("project"), "unit": self.info("unit"), "department": self.info("department"),
            "year": self.year, "scheme": s.scheme.name, "money_unit": self.model.money_unit,
            "satisfaction": s.satisfaction,
            "total_score": s.total, "grade": s.grade, "grade_label": self.grade_label, "self_total": s.self_total,
            "sections": [{"name": x.name, "weight": x.weight, "score": x.score, "self_score": x.self_score}
                         for x in s.sections],
            "budget": None if budget is None else {
                "budget": budget.budget, "executed": budget.executed, "received": budget.received,
                "execution_rate": budget.execution_rate, "arrival_rate": budget.arrival_rate},
            "surveys": [{"sheet": x.survey.sheet, "respondents": x.respondents, "score": x.score} for x in s.surveys],
            "indicators": [{"name": i.name, "section": i.section, "weight": i.weight, "self_score": i.self_score,
                            "score": i.score, "computed": i.computed, "rule": i.rule.value, "note": i.remark,
                            "cell": str(i.loc)} for i in s.indicators],
            "counts": {sev.value: n for sev, n in self.counts.items()},
            "findings": [f.as_dict() for f in self.findings],
            **({"management": self._management()} if self.model.management is not None else {}),
            **({"report": self.report} if self.report else {}),
        }

    def _management(self) -> list[dict]:
        """A form's 资金管理情况 block, item by item, as the unit wrote it (`cell`: the statement's)."""
        return [{"item": row.text(Key.ITEM), "section": row.text(Key.SECTION), "statement": row.text(Key.STATEMENT),
                 "problem": row.text(Key.PROBLEMS), "remedy": row.text(Key.SUGGESTIONS),
                 "cell": str(row.cells[Key.STATEMENT].loc)} for row in self.model.management.rows]


# the findings that make a score unknown (rules.py: total-not-scorable, formula-not-computed, no-points)
UNKNOWN_RULES = ("I019", "R012", "I020", "B012")
JSON_DECIMALS = 6
REPORT_LAYOUT = "自评报告"  # the layout of a report read on its own


def _finite(value):
    if isinstance(value, float):
        return round(value, JSON_DECIMALS) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value
