"""Typed values that remember their cell, and the model of one workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .layout import DEFAULT_MONEY_UNIT, TEMPLATE_LAYOUT

class _Unknown:
    """The value of a formula the tool could not compute: not blank, not a number (R012 says why)."""

    __slots__ = ()

    def __str__(self) -> str:
        return "（未知）"

    __repr__ = __str__


UNKNOWN = _Unknown()
Value = float | str | dt.date | _Unknown | None


def col_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Excel letters → 1-based column number (A → 1, AA → 27)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def a1(row: int, col: int) -> str:
    """0-based row and column → `B7`."""
    return f"{col_letter(col)}{row + 1}"


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    sheet: str
    row: int  # 0-based
    col: int  # 0-based

    @property
    def cell(self) -> str:
        return a1(self.row, self.col)

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


class Cell:
    """A value read from the workbook and where it came from.

    `step` is the precision the number was typed at (0.01 for `306.55`, 0.0001 for `84.28%`),
    so a typed number can be compared with a computed one at that precision. `text` is what the
    cell held when the value had to be parsed from text. A workbook can hold millions of cells,
    so a Cell keeps its sheet, row and column itself and makes its Loc only when asked.
    """

    __slots__ = ("value", "sheet", "row", "col", "_step", "text", "percent")

    def __init__(self, value: Value, loc: Loc, step: float | None = None, text: str | None = None,
                 percent: bool = False):
        self.value, self.sheet, self.row, self.col = value, loc.sheet, loc.row, loc.col
        self._step, self.text, self.percent = step, text, percent

    @classmethod
    def at(cls, value: Value, sheet: str, row: int, col: int, step: float | None = None,
           text: str | None = None, percent: bool = False) -> Cell:
        cell = cls.__new__(cls)
        cell.value, cell.sheet, cell.row, cell.col = value, sheet, row, col
        cell._step, cell.text, cell.percent = step, text, percent
        return cell

    @property
    def step(self) -> float | None:
        """The typed precision; for a number stored as a number, worked out when first asked."""
        if self._step is None and type(self.value) is float:
            from .parse import float_step

            self._step = float_step(self.value)
        return self._step

    @property
    def loc(self) -> Loc:
        return Loc(self.sheet, self.row, self.col)

    @property
    def number(self) -> float | None:
        v = self.value
        t = type(v)
        return v if t is float else float(v) if t is int else None

    @property
    def is_blank(self) -> bool:
        return self.value is None or self.value == ""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and all(getattr(self, k) == getattr(other, k)
                                               for k in ("value", "sheet", "row", "col", "step", "text", "percent"))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Cell({self.value!r}, {self.loc}, step={self.step}, percent={self.percent})"


@dataclass
class Row:
    """One data or total row of a table: cells by column key."""

    index: int  # 0-based sheet row
    cells: dict[str, Cell]
    label: str = ""  # for a total row: 合计 / 总计 / 小计

    def get(self, key: str) -> Cell | None:
        cell = self.cells.get(key)
        return None if cell is None or cell.value is None or cell.value == "" else cell

    def num(self, key: str) -> float | None:
        cell = self.cells.get(key)
        return None if cell is None else cell.number

    def text(self, key: str) -> str:
        """The cell as text: a number as typed (50, not 50.0)."""
        cell = self.get(key)
        if cell is None:
            return ""
        return f"{cell.value:g}" if type(cell.value) is float else str(cell.value).strip()


@dataclass
class Table:
    sheet: str
    header_row: int
    columns: dict[str, int]  # column key → 0-based column index
    rows: list[Row] = field(default_factory=list)
    totals: list[Row] = field(default_factory=list)
    unknown: bool = False  # a formula in it could not be computed: its sums are not claimed

    def loc(self, row: int, key: str) -> Loc:
        return Loc(self.sheet, row, self.columns[key])

    def column_sum(self, key: str) -> float:
        return sum(r.num(key) or 0.0 for r in self.rows)


@dataclass
class Question:
    """One questionnaire block: 人数 row, optional 占比 and 得分 rows."""

    text: Cell
    counts: Row
    ratios: Row | None = None
    points: Row | None = None

    @property
    def weight(self) -> Cell | None:
        return self.counts.get("points")


@dataclass
class Survey:
    sheet: str
    title: str
    table: Table
    questions: list[Question] = field(default_factory=list)
    total: Question | None = None


@dataclass
class Info:
    sheet: str
    fields: dict[str, Cell] = field(default_factory=dict)
    end_row: int = 0  # the row below the last label found: where a missing one belongs

    def get(self, key: str) -> Cell | None:
        cell = self.fields.get(key)
        return None if cell is None or cell.is_blank else cell

    def text(self, key: str) -> str:
        cell = self.get(key)
        return "" if cell is None else str(cell.value).strip()

    def num(self, key: str) -> float | None:
        cell = self.get(key)
        return cell.number if cell else None


@dataclass
class Model:
    """Everything read from one workbook. A missing sheet is None (or an empty list)."""

    path: str
    info: Info | None = None
    budget: Table | None = None
    allocation: Table | None = None
    indicators: Table | None = None
    surveys: list[Survey] = field(default_factory=list)
    summary: Table | None = None
    layout: str = TEMPLATE_LAYOUT  # the input layout read (the JSON's `layout`)
    sheet: str = ""  # a 自评表: the sheet the project was read from (a workbook may hold several)
    file_format: str = "xlsx"  # what the file is by its content: xlsx (and xlsm), xls or ods

    @property
    def is_form(self) -> bool:
        """Read from a published 自评表 rather than the template."""
        return self.layout != TEMPLATE_LAYOUT

    @property
    def money_unit(self) -> str:
        return (self.info.text("money_unit") if self.info else "") or DEFAULT_MONEY_UNIT

    @property
    def year(self) -> int | None:
        cell = self.info.get("year") if self.info else None
        n = cell.number if cell is not None else None
        return int(n) if n is not None and 1900 <= n <= 2200 else None
