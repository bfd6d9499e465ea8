"""Every check, listed once. Each declares the rules it emits and yields located findings;
none stops the others."""

from __future__ import annotations

from ..findings import Finding, sort_findings
from ..model import Model
from ..rules import EVERY_RULE, Selection
from ..scoring import Scores
from . import allocation, budget, cross, indicators, info, management, summary, survey
from .base import Check, Context

ALL_CHECKS: tuple[Check, ...] = (
    *info.CHECKS, *budget.CHECKS, *management.CHECKS, *allocation.CHECKS, *indicators.CHECKS, *survey.CHECKS,
    *summary.CHECKS, *cross.CHECKS,
)

# Findings a check emitted under a rule it did not declare ("check: code"); the tests fail on any.
UNDECLARED: list[str] = []


def run_checks(model: Model, scores: Scores, selection: Selection = EVERY_RULE) -> list[Finding]:
    """The findings of every check that can emit a selected rule, sorted."""
    ctx = Context(model, scores)
    found = []
    for check in ALL_CHECKS:
        if not any(selection.wants(r) for r in check.rules):
            continue
        for f in check(ctx):
            if f.rule not in check.rules:
                UNDECLARED.append(f"{check.name}: {f.code}")
            if selection.wants(f.rule):
                found.append(f)
    return sort_findings(found)
