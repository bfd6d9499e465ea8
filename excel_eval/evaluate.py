"""The pipeline: read → score → check. One Result per workbook feeds every reporter."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from .checks import run_checks
from .findings import Finding, Severity, sort_findings
from .model import Model
from .reader import ReadError, read_workbook
from .scoring import Scheme, Scores, score


@dataclass
class Result:
    path: Path
    model: Model | None = None
    scores: Scores | None = None
    findings: list[Finding] = field(default_factory=list)
    reason: str = ""  # why the file could not be read at all

    @property
    def ok(self) -> bool:
        return not self.reason

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def as_dict(self) -> dict:
        """The output contract of template v1 (scores unrounded; a number that overflowed is null)."""
        return _finite(self._as_dict())

    def _as_dict(self) -> dict:
        if not self.ok:
            return {"file": self.path.name, "status": "failed", "reason": self.reason, "findings": []}
        m, s = self.model, self.scores
        info = m.info
        budget = s.budget
        return {
            "file": self.path.name, "status": "ok",
            "project": info.text("project") if info else "", "unit": info.text("unit") if info else "",
            "year": m.year, "scheme": s.scheme.name,
            "total_score": s.total, "grade": s.grade, "self_total": s.self_total,
            "sections": [{"name": x.name, "weight": x.weight, "score": x.score, "self_score": x.self_score}
                         for x in s.sections],
            "budget": None if budget is None else {
                "budget": budget.budget, "executed": budget.executed, "received": budget.received,
                "execution_rate": budget.execution_rate, "arrival_rate": budget.arrival_rate},
            "surveys": [{"sheet": x.survey.sheet, "respondents": x.respondents, "score": x.score} for x in s.surveys],
            "indicators": [{"name": i.name, "section": i.section, "weight": i.weight, "self_score": i.self_score,
                            "score": i.score, "computed": i.computed, "rule": i.rule, "note": i.note,
                            "cell": str(i.row.cells["weight"].loc)} for i in s.indicators],
            "counts": {sev.value: self.count(sev) for sev in Severity},
            "findings": [f.as_dict() for f in self.findings],
        }


def _finite(value):
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def evaluate(path: str | Path, scheme: Scheme | None = None) -> Result:
    """Everything for one workbook. A file that cannot be read gives a failed Result, not an exception."""
    path = Path(path)
    try:
        reading = read_workbook(path)
    except ReadError as exc:
        return Result(path, reason=str(exc))
    scores = score(reading.model, scheme)
    findings = sort_findings(reading.findings + run_checks(reading.model, scores))
    return Result(path, reading.model, scores, findings)
