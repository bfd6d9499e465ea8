"""What every check shares: the context, and comparison at the precision a number was typed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..findings import Finding, Fix, Rule, Severity
from ..layout import ROWS_ABOVE, ROWS_BELOW, SUBTOTAL_WORD, SheetSpec
from ..model import Cell, Columns, Model, Table, rounding_slack
from ..scoring import Scores
from ..vocab import FixKind

EPS = 1e-9
RATIO_STEP = 0.01  # the coarsest precision a ratio is read at: a whole percent
SHOWN_STEP = 0.01  # computed scores and amounts are shown, and meaningful, at two decimals
HALF_EPS = 1e-6  # a whole number half a point off (59 for 58.5) is not a rounding


@dataclass(eq=False, repr=False)
class Context:
    """What every check is given: the workbook as read and its scores."""

    model: Model
    scores: Scores
    _data: dict[int, Columns] = field(default_factory=dict, repr=False)

    def data(self, t: Table) -> Columns:
        """`t.data()`, gathered once for every check of this run (nothing changes the model while
        it is checked; a later change is seen by the next run, and by every writer)."""
        found = self._data.get(id(t))
        if found is None:
            found = self._data[id(t)] = t.data()
        return found


@dataclass(frozen=True)
class Check:
    """One check: the function, and every rule it may emit (the registry's declaration)."""

    run: Callable[[Context], Iterable[Finding]]
    rules: tuple[Rule, ...]

    @property
    def name(self) -> str:
        return f"{self.run.__module__.rsplit('.', 1)[-1]}.{self.run.__name__}"

    def __call__(self, ctx: Context) -> Iterable[Finding]:
        return self.run(ctx)


def check(*emits: Rule) -> Callable[[Callable[[Context], Iterable[Finding]]], Check]:
    """Declare a function a check that emits these rules."""
    return lambda run: Check(run, emits)


def step_of(cell: Cell) -> float:
    return cell.step if cell.step else EPS


def verdict(typed: Cell, computed: float) -> Severity | None:
    """None when `typed` is `computed` correctly rounded to the precision it was typed at;
    提示 when it is off by one in its last typed decimal (a rounding slip); else 错误.

    A whole number has no half-unit band: it agrees with the computed value at the precision
    every score is shown at (0.01), is a 提示 when it is the computed value rounded to a whole
    number, and an 错误 otherwise (59 for 58.5 or for 58; 92 for 92.001 agrees)."""
    value = typed.number
    if value is None:
        return None
    step = step_of(typed)
    diff = abs(value - computed)
    exact = EPS * max(1.0, abs(computed))
    if step < 1:  # typed with decimals: right when correctly rounded, a slip when off by one
        if diff <= step / 2 + exact:
            return None
        return Severity.INFO if diff <= step + EPS else Severity.ERROR
    if diff <= SHOWN_STEP / 2 + exact:  # a whole number
        return None
    return Severity.INFO if diff < 0.5 - HALF_EPS else Severity.ERROR


def mismatch(rule: Rule, cell: Cell, expected: float, scale: float = 1.0, **values: object) -> Finding | None:
    """The rule's finding when a typed number disagrees with `expected` (a 提示 for a rounding slip).
    A rule with a fix carries `expected` as shown, times `scale` (the cell's units over `cell`'s:
    100 for a rate typed 84.27 and compared as 0.8427)."""
    v = verdict(cell, expected)
    if v is None:
        return None
    fix = fix_of(cell, expected, scale) if rule.fix is not FixKind.NONE else None
    return rule(cell.loc, show(expected, cell), show_typed(cell),
                severity=Severity.INFO if v is Severity.INFO else None, fix=fix, **values)


def fix_of(cell: Cell, expected: float, scale: float = 1.0, summed: tuple = ()) -> Fix:
    """The value a typed cell should hold: `expected` rounded as `show` shows it against the cell,
    in the cell's own units."""
    shown = show(expected, cell)
    value = float(shown[:-1]) / 100 if shown.endswith("%") else float(shown)
    return Fix(cell.loc, round(value * scale, 12), summed, show_typed(cell), shown)


def sum_tolerance(cells: list[Cell]) -> float:
    """How far a sum of typed numbers may drift from the exact sum by rounding alone.
    Whole numbers count as exact: only typed decimals can carry rounding."""
    return rounding_slack(cells) + EPS


def with_row_precision(cells: list[Cell | None], percent: bool = False) -> list[Cell | None]:
    """A whole number (often a 0) in a row typed with decimals was typed at the row's precision:
    `0.00%` beside `90.35%` is stored as 0 but means 0.00%. `percent` marks a row of ratios."""
    steps = [c.step for c in cells if c is not None and c.step and c.step < 1]
    fine = min(steps) if steps else None
    if percent:
        # A ratio typed with fewer decimals (0.8) is read as a whole percent at least (80%).
        fine = min(fine or RATIO_STEP, RATIO_STEP)
        cells = [None if c is None else Cell.at(c.value, c.sheet, c.row, c.col, min(c.step or 1, RATIO_STEP), c.text, True)
                 for c in cells]
    return [None if c is None else
            Cell.at(c.value, c.sheet, c.row, c.col, fine if fine and (c.step or 1) >= 1 else c.step, c.text,
                    c.percent or percent)
            for c in cells]


def decimals(step: float) -> int:
    d = 0
    while step < 1 - EPS and d < 10:
        step *= 10
        d += 1
    return d


def show(value: float | None, like: Cell | None = None, percent: bool = False) -> str:
    """A number shown the way `like` was typed (its decimals, percent or not)."""
    if value is None:
        return ""
    pct = percent or (like is not None and like.percent)
    step = like.step if like is not None and like.step else None
    if pct:
        d = max(decimals(step * 100), 2) if step else 2
        return f"{value * 100:.{d}f}%"
    d = max(decimals(step), 2) if step and step < 1 else 2
    text = f"{value:.{d}f}"
    return text


def show_typed(cell: Cell) -> str:
    if cell.text is not None:
        return cell.text.strip()
    return show(cell.number, cell) if cell.number is not None else str(cell.value)


def column_totals(t: Table | None, spec: SheetSpec, keys: tuple[str, ...], rule: Rule,
                  within_rounding: bool = False, gathered: Callable[[Table], Columns] = Table.data) -> Iterable[Finding]:
    """Each 合计 row against the data rows above it (below it when it heads them); a 小计 row against
    the rows since the last 小计. Column by column: a long roster's cells are made only when a
    sum is off by more than a rounding could explain; `within_rounding`: a total off by no more
    than that is said too, as a 提示 with nothing to fix (the total line is then the figure used)."""
    if t is None or t.unknown or not t.totals:
        return
    data = gathered(t)  # (`Context.data`: once for every check that asks)
    numbers = {key: data.numbers(key) for key in keys}
    for total in t.totals:
        above = [i for i, r in enumerate(data.index) if r < total.index]
        rows = ROWS_ABOVE
        if not above:  # a total heading its rows (the 自评表's 总额)
            above, rows = [i for i, r in enumerate(data.index) if r > total.index], ROWS_BELOW
        if total.label == SUBTOTAL_WORD:
            previous = [x.index for x in t.totals if x.label == SUBTOTAL_WORD and x.index < total.index]
            above = [i for i in above if not previous or data.index[i] > previous[-1]]
        for key in keys:
            cell = total.get(key)
            if cell is None or cell.number is None:
                continue
            label = spec.column(key).label  # the row's cell, or a total stated among the labels above the table
            what = f"合计行的“{label}”" if total.index > t.header_row else "表头所填的总分"
            column = numbers[key]
            typed = [i for i in above if column[i] is not None]
            expected = sum(column[i] for i in typed)
            off = abs(cell.number - expected)
            if off <= step_of(cell) / 2 + EPS:
                continue
            summands = [data.cell(i, key) for i in typed]
            if off > sum_tolerance(summands) + step_of(cell) / 2:
                places = max([decimals(step_of(c)) for c in summands if step_of(c) < 1] + [decimals(step_of(cell))])
                value = round(expected, min(places, 10))
                fix = Fix(cell.loc, value, tuple(c.loc for c in summands), show_typed(cell),
                          f"{value:.{max(places, 2)}f}" if places else show(value, cell))
                yield rule(cell.loc, show(expected, cell), show_typed(cell), column=label, what=what, rows=rows, fix=fix)
            elif within_rounding:
                yield rule(cell.loc, show(expected, cell), show_typed(cell), column=label, what=what, rows=rows,
                           severity=Severity.INFO)
