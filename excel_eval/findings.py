"""Severities, rules and the located findings they produce."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from .layout import SHEET_ORDER, normalize
from .model import Loc
from .vocab import FixKind, Severity

class Fix(NamedTuple):
    """What the check that raised a finding computed for one of its cells: the value the cell
    should hold, in the cell's own units (0.8427 for a cell holding 84.28%), rounded as the finding
    shows it; `summed`, the cells whose sum it is (a 合计's formula is rewritten over them); `was`
    and `now`, the cell's value and the new one as the finding shows them."""

    loc: Loc
    value: float | str
    summed: tuple[Loc, ...] = ()
    was: str = ""
    now: str = ""


# Placeholders a finding was made without ("code: name"); the tests fail on any.
UNFILLED: list[str] = []


class Rule(NamedTuple):
    """One check, declared once: its code never changes and is never reused."""

    code: str
    name: str
    severity: Severity
    message: str  # str.format template
    hint: str
    what: str = ""
    why: str = ""
    bad: str = ""
    good: str = ""
    grouped: str = ""  # one finding for all its cells on a sheet: {n} cells, {cells}, {first} message
    raised_in: tuple[str, ...] = ()  # the modules that raise it (`reader.py`, `checks/budget.py`): a test holds it true
    moves_score: bool = False  # correcting what it says changes the total the workbook states (its score effect)
    unexplained: bool = False  # a deviation left without its 偏差原因 (the batch's review counts these)
    also: tuple[Severity, ...] = ()  # the other severities it is raised at, each declared (a rounding slip: 提示)
    also_when: str = ""  # when it is raised at those, in the words of docs/rules.md
    fix: FixKind = FixKind.NONE  # what `excel-eval fix` may do about it: the check attaches the value (Finding.fixes)
    fix_by: str = ""  # the arithmetic of that value, for the corrected cell's comment: 按{fix_by}改为 …

    @property
    def severities(self) -> tuple[Severity, ...]:
        return (self.severity, *self.also)

    def __call__(self, loc: Loc | None, expected: object = None, actual: object = None,
                 severity: Severity | None = None, fix: Fix | None = None, **values: object) -> Finding:
        """`cells` given as locations (a finding about several cells) is listed in the message and
        kept, every one, in `Finding.cells` (the JSON's `cells`, the marked copy's marks). `fix`:
        the value the check computed for the cell (only a rule with a fix kind takes one)."""
        if fix is not None and self.fix is FixKind.NONE:
            raise ValueError(f"{self.code} declares no fix (Rule.fix)")
        if severity is not None and severity not in self.severities:
            raise ValueError(f"{self.code} is not declared at {severity.name} (Rule.also)")
        named = values.get("cells")
        locs: tuple[Loc, ...] = ()
        if isinstance(named, (list, tuple)) and named and all(isinstance(x, Loc) for x in named):
            locs = tuple(dict.fromkeys(((loc,) if loc is not None else ()) + tuple(named)))
            values["cells"] = cell_list(tuple(named))
        shown_expected, shown_actual = _show_pair(expected, actual)
        values = _Values(self.code, expected=shown_expected, actual=shown_actual, **values)
        return Finding(self, loc, self.message.format_map(values), values["expected"],
                       values["actual"], severity or self.severity, self.hint.format_map(values), locs,
                       fixes=(fix,) if fix is not None else ())


class _Values(dict):
    def __init__(self, code: str, **values: object):
        super().__init__(**values)
        self.code = code

    def __missing__(self, key: str) -> str:
        UNFILLED.append(f"{self.code}: {key}")
        return "{" + key + "}"


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):  # a sum of huge typed numbers overflows
            return "（数值超出范围）"
        if abs(value) >= 1e15:  # no one types such a number on purpose; 1e+308, not its 309 digits
            return f"{value:.6g}"
        return f"{value:.2f}" if abs(value - round(value)) > 1e-9 else str(int(round(value)))
    return str(value)


def _show_pair(expected: object, actual: object) -> tuple[str, str]:
    """Both shown as `_show` does, unless two numbers that differ would read alike (a section's
    weights of 3.333333 add to 19.999998: not “20.00，规定为 20”): then each as it is, to 9 decimals
    at most, without trailing zeros."""
    shown = _show(expected), _show(actual)
    numbers = [v for v in (expected, actual) if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(numbers) < 2 or numbers[0] == numbers[1] or not all(map(math.isfinite, numbers)) \
            or float(shown[0]) != float(shown[1]):
        return shown  # (a finite number's text is a number's text)
    exact = tuple(f"{v:.9f}".rstrip("0").rstrip(".") for v in numbers)
    return exact if exact[0] != exact[1] else shown


@dataclass(frozen=True)
class Finding:
    """One thing a check found: its rule, the cell it is about, and what was expected and typed."""

    rule: Rule
    loc: Loc | None
    message: str
    expected: str = ""
    actual: str = ""
    severity: Severity = Severity.INFO
    hint: str = ""
    cells: tuple[Loc, ...] = ()  # every cell of a grouped finding, the first being `loc`
    score_effect: float = 0.0  # what correcting it changes in the total the workbook states
    fixes: tuple[Fix, ...] = ()  # the values its check computed for its cells (`excel-eval fix` writes them)

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def locs(self) -> tuple[Loc, ...]:
        """Every cell the finding is about (one, or all of a grouped finding's)."""
        return self.cells or ((self.loc,) if self.loc else ())

    @property
    def effect_text(self) -> str:
        """`影响总分 −3.75`, or "" when correcting it leaves the total as it is."""
        return f"影响总分 {self.score_effect:+.2f}".replace("-", "−") if self.score_effect else ""

    def sort_key(self) -> tuple:
        sheet = self.loc.sheet if self.loc else ""
        order = SHEET_ORDER.get(sheet, SHEET_ORDER.get(_base_sheet(sheet), len(SHEET_ORDER)))
        row, col = (self.loc.row, self.loc.col) if self.loc else (-1, -1)
        return (self.severity.rank, order, sheet, row, col, self.rule.code)

    def as_dict(self) -> dict:
        """The finding in the JSON output contract."""
        return {
            "severity": self.severity.value, "code": self.code,
            "sheet": self.loc.sheet if self.loc else "", "cell": self.loc.cell if self.loc else "",
            "cells": [loc.cell for loc in self.locs], "score_effect": self.score_effect,
            "message": self.message, "expected": self.expected, "actual": self.actual,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        where = str(self.loc) if self.loc else "-"
        return f"{self.severity.value} {self.code} {where} {self.message}"


def _base_sheet(name: str) -> str:
    n = normalize(name)
    for known in SHEET_ORDER:
        if n.startswith(known):
            return known
    return n


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def by_weight(findings: list[Finding]) -> list[Finding]:
    """Severity first, then what a finding costs the total, then where it is."""
    return sorted(findings, key=lambda f: (f.severity.rank, -abs(f.score_effect), f.sort_key()))


def group_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per cause: the findings of a rule that declares a grouped message, on one
    sheet at one severity, become one finding that lists their cells (sorted order is kept)."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.rule.grouped and f.loc is not None:
            groups.setdefault((f.rule.code, f.loc.sheet, f.severity), []).append(f)
    out, done = [], set()
    for f in findings:
        key = (f.rule.code, f.loc.sheet, f.severity) if f.rule.grouped and f.loc is not None else None
        if key is None or len(groups[key]) == 1:
            out.append(f)
        elif key not in done:
            done.add(key)
            many = groups[key]
            locs = tuple(x.loc for x in many)
            out.append(Finding(f.rule, f.loc, f.rule.grouped.format(n=len(many), cells=cell_list(locs), first=f.message),
                               f.expected, f.actual, f.severity, f.hint, locs,
                               fixes=tuple(x for m in many for x in m.fixes)))
    return out


def cell_list(locs: tuple[Loc, ...], most: int = 12) -> str:
    """`C3、C6、C9` (and `等 N 处` past `most`)."""
    shown = "、".join(loc.cell for loc in locs[:most])
    return shown + (f" 等 {len(locs)} 处" if len(locs) > most else "")
