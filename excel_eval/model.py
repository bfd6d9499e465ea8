"""Typed values that remember their cell, and the model of one workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from .families import Family, family_of
from .layout import DEFAULT_MONEY_UNIT, TEMPLATE_LAYOUT
from .keys import KEYS, Key, known

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
    """A cell: its sheet, and its 0-based row and column (`cell` gives `B7`)."""

    sheet: str
    row: int  # 0-based
    col: int  # 0-based

    @property
    def cell(self) -> str:
        return a1(self.row, self.col)

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


REPORT_SHEET = "自评报告"  # what a finding about the unit's 自评报告 names instead of a sheet
TABLE_ROWS = 100_000  # a report's table cell as a Place: its row is the table's number times this, plus its row


@dataclass(frozen=True, slots=True)
class Place(Loc):
    """A place in the unit's 自评报告, where a Loc names a workbook's cell: `第12段`, `表3!B4`,
    `第2页第5段`. `row` and `col` order the places (the paragraph or table, the cell)."""

    label: str = ""

    in_workbook = False

    @property
    def cell(self) -> str:
        return self.label

    def __str__(self) -> str:
        return f"{self.sheet} {self.label}"


Loc.in_workbook = True  # a Place is not


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


@dataclass(eq=False, repr=False)
class Row:
    """One data or total row of a table: cells by column key."""

    index: int  # 0-based sheet row
    cells: dict[str, Cell]
    label: str = ""  # for a total row: 合计 / 总计 / 小计

    def get(self, key: Key) -> Cell | None:
        if key not in KEYS:  # (known(key), inline: every check asks for cells this way)
            known(key)
        cell = self.cells.get(key)
        return None if cell is None or cell.value is None or cell.value == "" else cell

    def num(self, key: Key) -> float | None:
        cell = self.cells.get(known(key))
        return None if cell is None else cell.number

    def text(self, key: Key) -> str:
        """The cell as text: a number as typed (50, not 50.0)."""
        cell = self.get(key)
        if cell is None:
            return ""
        return f"{cell.value:g}" if type(cell.value) is float else str(cell.value).strip()


_NUMBER_OR_BLANK = {float, type(None)}


class Columns:
    """The data rows of a table column by column: what a check of a long roster reads.

    `index[i]` is the sheet row of data row i; `values[key][i]` its value (a number, stripped
    text, or None for a blank). A cell that is more than its value (a number parsed from text,
    with the text and precision it was typed at; an uncomputed formula) is kept whole in
    `special`. A Cell is made only when asked for (`cell`), so 100,000 rows cost a few lists.
    """

    __slots__ = ("sheet", "columns", "index", "values", "special", "_numbers")

    def __init__(self, sheet: str, columns: dict[str, int], index: list[int], values: dict[str, list],
                 special: dict[tuple[int, str], Cell] | None = None):
        self.sheet, self.columns, self.index, self.values = sheet, columns, index, values
        self.special = special or {}
        self._numbers: dict[str, list[float | None]] = {}

    @classmethod
    def of_rows(cls, sheet: str, columns: dict[str, int], rows: list[Row]) -> Columns:
        special = {}
        values: dict[str, list] = {known(k): [] for k in columns}
        for i, row in enumerate(rows):
            cells = row.cells
            for key, out in values.items():  # (Row.get, inline: a table's every cell passes here)
                cell = cells.get(key)
                if cell is None or cell.value is None or cell.value == "":
                    out.append(None)
                else:
                    out.append(cell.value)
                    special[(i, key)] = cell
        return cls(sheet, columns, [r.index for r in rows], values, special)

    def __len__(self) -> int:
        return len(self.index)

    def numbers(self, key: Key) -> list[float | None]:
        """Each row's number in column `key` (None where blank or not a number). Made once per
        column and shared by every check that asks: read it, never change it."""
        found = self._numbers.get(known(key))
        if found is None:
            values = self.values.get(key)
            if values is None:
                found = [None] * len(self.index)
            elif set(map(type, values)) <= _NUMBER_OR_BLANK:  # (a roster's amounts): the column itself, not a copy
                found = values
            else:
                found = [v if type(v) is float else float(v) if type(v) is int else None for v in values]
            self._numbers[key] = found
        return found

    def slack(self, key: Key, rows: list[int]) -> float:
        """`rounding_slack` of data rows `rows`' cells in column `key`, without a Cell per row: the
        precision a number was typed at is worked out once for each value the column holds, and the
        halves summed in the rows' order (0 where a cell has none to give)."""
        from .parse import float_step

        values, key = self.values.get(known(key)), known(key)
        if values is None:
            return 0
        special = {i: c for (i, k), c in self.special.items() if k == key}
        half = {}
        for v in {values[i] for i in rows}:
            step = float_step(v) if type(v) is float else None  # blank, text or a date: none (as Cell.step)
            half[v] = step / 2 if step and step < 1 else 0.0
        if not special:
            return sum([half[values[i]] for i in rows])
        terms = []
        for i in rows:
            cell = special.get(i)
            if cell is None:
                terms.append(half[values[i]])
            else:
                step = None if cell.is_blank else cell.step
                terms.append(step / 2 if step and step < 1 else 0.0)
        return sum(terms)

    def texts(self, key: Key) -> list[str]:
        """Each row's cell as text, as Row.text gives it: a number as typed (50, not 50.0)."""
        if known(key) not in self.values:
            return [""] * len(self.index)
        values = self.values[key]
        if set(map(type, values)) <= {str}:  # every cell text (names, regions): as they are
            return list(values)
        return [v if type(v) is str else "" if v is None else f"{v:g}" if type(v) is float else str(v).strip()
                for v in values]

    def cell(self, i: int, key: Key) -> Cell | None:
        """Data row i's cell in column `key`; None when blank (as Row.get)."""
        cell = self.special.get((i, known(key)))
        if cell is not None:
            return None if cell.is_blank else cell
        values = self.values.get(key)
        v = None if values is None else values[i]
        return None if v is None or v == "" else Cell.at(v, self.sheet, self.index[i], self.columns[key])

    def row(self, i: int) -> Row:
        cells = {k: self.cell(i, k) or Cell.at(None, self.sheet, self.index[i], c) for k, c in self.columns.items()}
        return Row(self.index[i], cells)


class LazyRows(Sequence):
    """A columnar table's rows, each made when asked for: code that walks `Table.rows` still works."""

    def __init__(self, data: Columns):
        self.data = data

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self.data.row(k) for k in range(*i.indices(len(self.data)))]
        return self.data.row(range(len(self.data))[i])

    def __add__(self, other: list) -> list:
        return list(self) + list(other)


@dataclass(eq=False, repr=False)
class Table:
    """One table of a sheet as read: its header row, the column of each key, its data and 合计 rows."""

    sheet: str
    header_row: int
    columns: dict[str, int]  # column key → 0-based column index
    rows: list[Row] = field(default_factory=list)  # a LazyRows view when the table is held by columns
    totals: list[Row] = field(default_factory=list)
    unknown: bool = False  # a formula in it could not be computed: its sums are not claimed
    columnar: Columns | None = None  # a long roster, read column by column (`reader.COLUMNAR_ROWS`)
    stated: Cell | None = None  # the points the block's own label states (`年度绩效目标(80分)`, `绩效指标(90分)`)

    def loc(self, row: int, key: Key) -> Loc:
        return Loc(self.sheet, row, self.columns[known(key)])

    def column_sum(self, key: Key) -> float:
        return sum(r.num(key) or 0.0 for r in self.rows)

    def data(self) -> Columns:
        """The data rows by column: held so for a long roster, gathered from the rows otherwise."""
        return self.columnar if self.columnar is not None else Columns.of_rows(self.sheet, self.columns, self.rows)


def rounding_slack(cells) -> float:
    """How far a sum of typed numbers may drift from the exact sum by rounding alone (half a unit of
    each one's last typed decimal; whole numbers are exact)."""
    return sum(c.step / 2 for c in cells if c is not None and c.step and c.step < 1)


@dataclass(eq=False, repr=False)
class Question:
    """One questionnaire block: 人数 row, optional 占比 and 得分 rows."""

    text: Cell
    counts: Row
    ratios: Row | None = None
    points: Row | None = None

    @property
    def weight(self) -> Cell | None:
        return self.counts.get(Key.POINTS)


@dataclass(eq=False, repr=False)
class Survey:
    """One questionnaire tally: its questions (counts per option) and its 合计 row."""

    sheet: str
    title: str
    table: Table
    questions: list[Question] = field(default_factory=list)
    total: Question | None = None


@dataclass(eq=False, repr=False)
class Info:
    """The 项目信息 labels and the cell each one's value was read from."""

    sheet: str
    fields: dict[str, Cell] = field(default_factory=dict)
    end_row: int = 0  # the row below the last label found: where a missing one belongs

    def get(self, key: Key) -> Cell | None:
        cell = self.fields.get(known(key))
        return None if cell is None or cell.is_blank else cell

    def text(self, key: Key) -> str:
        cell = self.get(key)
        return "" if cell is None else str(cell.value).strip()

    def num(self, key: Key) -> float | None:
        cell = self.get(key)
        return cell.number if cell else None


@dataclass(eq=False, repr=False)
class Model:
    """Everything read from one workbook. A missing sheet is None (or an empty list)."""

    path: str
    info: Info | None = None
    budget: Table | None = None
    allocation: Table | None = None
    indicators: Table | None = None
    surveys: list[Survey] = field(default_factory=list)
    summary: Table | None = None
    # A form's 资金管理情况 block: one row per item (Key.SECTION its 一级, Key.ITEM its name), with the
    # unit's Key.STATEMENT (情况说明), Key.PROBLEMS (存在问题) and Key.SUGGESTIONS (改进措施).
    management: Table | None = None
    layout: str = TEMPLATE_LAYOUT  # the input layout read (the JSON's `layout`)
    sheet: str = ""  # a 自评表: the sheet the project was read from (a workbook may hold several)
    file_format: str = "xlsx"  # what the file is by its content: xlsx (and xlsm), xls or ods

    @property
    def family(self) -> Family:
        """The family of table it was read from: what checks, scoring and writers ask of it."""
        return family_of(self.layout)

    @property
    def money_unit(self) -> str:
        return (self.info.text(Key.MONEY_UNIT) if self.info else "") or DEFAULT_MONEY_UNIT

    @property
    def year(self) -> int | None:
        cell = self.info.get(Key.YEAR) if self.info else None
        n = cell.number if cell is not None else None
        return int(n) if n is not None and 1900 <= n <= 2200 else None
