"""Every check, listed once. Each yields located findings; none stops the others."""

from __future__ import annotations

from ..findings import Finding, sort_findings
from ..model import Model
from ..scoring import Scores
from . import allocation, budget, cross, indicators, info, summary, survey
from .base import Check, Context

ALL_CHECKS: tuple[Check, ...] = (
    *info.CHECKS, *budget.CHECKS, *allocation.CHECKS, *indicators.CHECKS, *survey.CHECKS,
    *summary.CHECKS, *cross.CHECKS,
)


def run_checks(model: Model, scores: Scores) -> list[Finding]:
    ctx = Context(model, scores)
    return sort_findings([f for check in ALL_CHECKS for f in check(ctx)])
