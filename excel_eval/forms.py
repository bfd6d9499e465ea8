"""A published 绩效自评表, in any family, read into the model template v1 is read into.

A sheet is read by its blocks, found by content (the labels of `families.py`), never by a
family's fixed positions: the project labels, a budget block (a header naming budget and
executed columns, then its 总额 and 其中 lines), an indicator block (a header of one or two
rows naming a level and at least one of target, actual, points, score), the points labels
state (`预算执行情况(20分)`), and the total. Several projects stacked in one sheet are split at
each project label a block follows. The blocks found then tell the family (`families.recognise`).

The budget block becomes the 预算 table (the 其中 lines that carry the money, the 总额 line as
their total) and its total line the 预算执行率 indicator (its points, its typed score, its rate
as the actual); the indicator block becomes the indicators. Every cell keeps its place on the
form, so findings name the form's own cells. What a sheet lacks is said (`Unread`), not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from . import layout, rules
from .families import (LABELLED_BUDGET, MANAGEMENT_COLUMNS, RUBRIC_COLUMNS, RUBRIC_ITEM_TYPE, SKIP_LINES, FORM_MARKS, TITLE_WORDS, is_budget_label, is_goal_label, is_title, BELOW_FIELDS, BLOCK_LABELS, BUDGET_COLUMNS, DEPARTMENT_NAME, FORM_EXECUTION_NAME, GRAND_TOTAL, HEAD_TOTAL,
                       INDICATOR_COLUMNS, INFO_FIELDS, LEVEL2_SECTIONS, LEVEL_KEYS, QUALITATIVE_WORDS, RATE_COMPARATORS, SOURCE_LINES,
                       TEXT_FIELDS, TOTAL_LINES, Family, direction, is_instruction, is_percent_header, is_placeholder,
                       is_no_problem, is_where_of, line_label, recognise, title_project, stated_money_unit, stated_points, stated_year)
from .findings import Finding
from .layout import Column, label_key, normalize
from .model import Cell, Info, Loc, Model, Row, Table
from .parse import NotANumber, parse_number
from .targets import parse_target
from .text import clip, fold
from .keys import CellKind, Key

LABEL_LENGTH = 40  # longer text is content, not a label
BUDGET_LINES = 16  # a budget block has a total and a few 其中 lines


class CellReader(Protocol):
    """What the workbook reader lends a form: typed cells, and a place for findings."""

    money_unit: str

    def cell(self, sheet: str, row: int, col: int, raw: object, kind: str) -> Cell: ...

    def add(self, finding: Finding) -> None: ...


@dataclass(eq=False, repr=False)
class Unread:
    """Why a sheet that looks like a self-evaluation could not be read: what was found and missed."""

    sheet: str
    found: list[str]
    missing: str
    header: str

    def text(self) -> str:
        found = "、".join(f"“{f}”" for f in self.found)
        header = f"；表头是：{self.header}" if self.header else ""
        return f"工作表“{self.sheet}”像一张绩效自评表（找到{found}），但{self.missing}{header}"


# --- the sheet as a grid of labels ---------------------------------------------------------------

def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _names(columns: tuple[Column, ...]) -> dict[str, tuple[str, int]]:
    """Every folded label of `columns` → (key, its rank: the label first, then its synonyms)."""
    out: dict[str, tuple[str, int]] = {}
    for col in columns:
        for rank, name in enumerate(col.names):
            out.setdefault(label_key(name), (col.key, rank))
    return out


BUDGET_NAMES = _names(BUDGET_COLUMNS)
INDICATOR_NAMES = _names(INDICATOR_COLUMNS)
MANAGEMENT_NAMES = _names(MANAGEMENT_COLUMNS)
RUBRIC_NAMES = _names(RUBRIC_COLUMNS)
PROJECT_LABELS = {label_key(n) for n in INFO_FIELDS[0].names}
DEPARTMENT_LABELS = {label_key(n) for n in DEPARTMENT_NAME.names}
STOP_LABELS = {label_key(n) for f in (*INFO_FIELDS, *BELOW_FIELDS, *TEXT_FIELDS) for n in f.names} | \
    {label_key(n) for n in BLOCK_LABELS}
GRAND_TOTALS = {label_key(n) for n in GRAND_TOTAL}
HEAD_TOTALS = {label_key(n) for n in HEAD_TOTAL}
TOTAL_LINE_KEYS = {label_key(n) for n in TOTAL_LINES}
SOURCE_LINE_KEYS = {label_key(k): v for k, v in SOURCE_LINES.items()}
SKIP_LINE_KEYS = {label_key(n) for n in SKIP_LINES}


class Grid:
    """A sheet's values with its merged header cells filled across, and its short texts by label."""

    def __init__(self, rows: list[list], merged: list = ()):
        self.rows = rows
        self.width = max((len(r) for r in rows), default=0)
        self.across: dict[tuple[int, int], object] = {}  # a cell inside a merge: the merge's value
        budget = len(rows) * self.width  # overlapping merges fill no more than the grid holds
        for (r0, c0), (r1, c1) in merged:
            if r1 - r0 > 50 or c1 - c0 > 50:
                continue  # a merge over a whole area is no header label
            r1, c1 = min(r1, len(rows) - 1), min(c1, self.width - 1)
            budget -= max(r1 - r0 + 1, 0) * max(c1 - c0 + 1, 0)
            if budget < 0:
                break
            value = self.at(r0, c0)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.across[(r, c)] = value
        self.labels: dict[str, list[tuple[int, int]]] = {}
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                if isinstance(v, str) and v.strip() and len(v) < LABEL_LENGTH:
                    self.labels.setdefault(label_key(v), []).append((r, c))

    def at(self, r: int, c: int) -> object:
        rows = self.rows
        return rows[r][c] if 0 <= r < len(rows) and 0 <= c < len(rows[r]) else None

    def shown(self, r: int, c: int) -> object:
        """What a reader sees at a cell: its value, or the value of the merge it lies in."""
        v = self.at(r, c)
        return self.across.get((r, c)) if _blank(v) else v

    def texts(self, r: int) -> list[str]:
        return [str(v).strip() for v in (self.rows[r] if r < len(self.rows) else []) if isinstance(v, str) and v.strip()]

    def find(self, names, lo: int, hi: int, skip: int | None = None) -> tuple[int, int] | None:
        """The first cell in rows [lo, hi) holding one of `names` (folded labels), not in row `skip`."""
        spots = [rc for n in names for rc in self.labels.get(n, ()) if lo <= rc[0] < hi and rc[0] != skip]
        return min(spots) if spots else None


@dataclass(eq=False, repr=False)
class Header:
    """A block's header as found: its rows, the column of each key, and its text for messages."""

    row: int  # the header's last row: data starts below it
    first: int  # the header's first row
    columns: dict[str, int]
    percent: set[str]  # keys whose header says (%)
    text: str  # the header as people read it, for a message


def match_header(grid: Grid, r: int, names: dict[str, tuple[str, int]], two_rows: bool) -> Header:
    """The columns a header row names (and, for a two-row header, the row below it: `年度指标值` over
    `指标性质 | 指标值 | 度量单位`). An exact label beats one that only contains it (`执行数` over
    `执行数（调整前）`), a label beats its synonyms, a child beats its parent; then the leftmost."""
    rows = [r, r + 1] if two_rows else [r]
    options: list[tuple[int, int, int, int, str, int]] = []  # (contains, child-first, rank, col, key, row)
    for depth, rr in enumerate(reversed(rows)):  # the lower row first: a child before its parent
        for c in range(grid.width):
            v = grid.shown(rr, c) if rr == r else grid.at(rr, c)
            if not isinstance(v, str) or not v.strip() or len(v) >= LABEL_LENGTH:
                continue
            key = label_key(v)
            hit = names.get(key)
            if hit is not None:
                options.append((0, depth, hit[1], c, hit[0], rr))
                continue
            for name, (k, rank) in names.items():
                if len(name) >= 3 and name in key and not is_where_of(key):
                    options.append((1, depth, rank, c, k, rr))
                    break
    columns, used, percent, rows_used = {}, set(), set(), set()
    for contains, _, _, c, key, rr in sorted(options):
        if key in columns or c in used:
            continue
        columns[key], used = c, used | {c}
        rows_used.add(rr)
        if is_percent_header(grid.shown(rr, c)):
            percent.add(key)
    last = max(rows_used) if rows_used else r
    text = "、".join(t for t in (str(grid.shown(last, c) or "").strip() for c in range(grid.width)) if t)
    return Header(last, r, columns, percent, text)


def deepest_points(grid: Grid, head: Header) -> Header:
    """A form that gives 分值 beside each level (海南省: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分):
    an indicator's points are the ones beside its deepest level."""
    levels = [head.columns[k] for k in LEVEL_KEYS if k in head.columns]
    if not levels or Key.WEIGHT not in head.columns:
        return head
    spots = sorted({c for r in range(head.first, head.row + 1) for c in range(grid.width)
                    if INDICATOR_NAMES.get(label_key(grid.shown(r, c)) if isinstance(grid.shown(r, c), str) else "",
                                           ("",))[0] == Key.WEIGHT})
    right = [c for c in spots if c > max(levels)]
    if len(spots) > 1 and right and right[0] != head.columns[Key.WEIGHT]:
        head.columns[Key.WEIGHT] = right[0]
    return head


def budget_header(grid: Grid, lo: int, hi: int) -> Header | None:
    """The first row in [lo, hi) naming the money executed and the budget it is of."""
    for r in range(lo, hi):
        texts = grid.texts(r)
        keys = {BUDGET_NAMES.get(label_key(t), ("",))[0] for t in texts}
        if Key.EXECUTED in keys and ({Key.BUDGET, Key.INITIAL} & keys):
            return match_header(grid, r, BUDGET_NAMES, False)
    return None


def indicator_header(grid: Grid, lo: int, hi: int) -> Header | None:
    """The first row in [lo, hi) naming an indicator level and what is measured or scored of it,
    in that row or the one below."""
    for r in range(lo, hi):
        keys = {INDICATOR_NAMES.get(label_key(t), ("",))[0] for t in grid.texts(r)}
        if not keys & set(LEVEL_KEYS):
            continue
        one = match_header(grid, r, INDICATOR_NAMES, False)
        measured = {Key.TARGET, Key.ACTUAL, Key.WEIGHT, Key.SCORE}
        if len(measured & one.columns.keys()) >= 2:
            below = {INDICATOR_NAMES.get(label_key(t), ("",))[0] for t in grid.texts(r + 1)}
            if not (below & {Key.NATURE, Key.UNIT, Key.TARGET} and not below & set(LEVEL_KEYS)):
                return deepest_points(grid, one)
        # A two-row header: a parent row above the levels (`年度指标值` over 指标性质 | 指标值 | 度量单位,
        # 永德县明朗中学), or the levels' row over its children.
        pairs = [match_header(grid, r - 1, INDICATOR_NAMES, True)] if r > lo else []
        pairs.append(match_header(grid, r, INDICATOR_NAMES, True))
        best = max(pairs, key=lambda h: (len(measured & h.columns.keys()), len(h.columns)))
        if len(measured & best.columns.keys()) >= 1:
            return best if len(best.columns) > len(one.columns) else one
    return None


def management_header(grid: Grid, lo: int, hi: int) -> Header | None:
    """The first row in [lo, hi) naming both a statement and its problem (情况说明 | 存在问题 …): the
    head of a 资金管理情况 block."""
    for r in range(lo, hi):
        keys = {MANAGEMENT_NAMES.get(label_key(t), ("",))[0] for t in grid.texts(r)}
        if {Key.STATEMENT, Key.PROBLEMS} <= keys:
            return match_header(grid, r, MANAGEMENT_NAMES, False)
    return None


def rubric_header(grid: Grid, lo: int, hi: int) -> Header | None:
    """The first row in [lo, hi) naming an item, its points and its score (评价内容 | 分值 | 自评分): the head
    of a rubric block."""
    for r in range(lo, hi):
        keys = {RUBRIC_NAMES.get(label_key(t), ("",))[0] for t in grid.texts(r)}
        if {Key.LEVEL3, Key.WEIGHT, Key.SCORE} <= keys:
            return match_header(grid, r, RUBRIC_NAMES, False)
    return None


# --- projects -----------------------------------------------------------------------------------

def read_sheet(reader_factory, sheet: str, rows: list[list], merged: list = ()) -> tuple[list[tuple[Model, object]], Unread | None]:
    """The projects of one sheet, each (model, its reader), or none and why (None: not a form at all)."""
    grid = Grid(rows, merged)
    spans = segments(grid)
    out = []
    for lo, hi in spans:
        reader = reader_factory()
        model = _Project(reader, grid, sheet, lo, hi).model()
        if model is not None:
            out.append((model, reader))
    if out:
        return out, None
    return [], unread(grid, sheet)


def segments(grid: Grid) -> list[tuple[int, int]]:
    """(first row, end row) of each project in the sheet: the whole sheet for one project; for a
    department's stacked export, from each project's title rows to the next project's."""
    n = len(grid.rows)
    names = PROJECT_LABELS if any(k in grid.labels for k in PROJECT_LABELS) else DEPARTMENT_LABELS
    starts = sorted({r for key in names for r, _ in grid.labels.get(key, ())})
    heads = [r for i, r in enumerate(starts)
             if budget_header(grid, r, starts[i + 1] if i + 1 < len(starts) else n)
             or indicator_header(grid, r, starts[i + 1] if i + 1 < len(starts) else n)]
    if not heads:
        return [(0, n)]
    firsts = []
    for before, r in zip([-1, *heads], heads):  # the title rows above a project's label are its own
        t = r - 1
        while t > before and (all(_blank(v) for v in grid.rows[t]) or _is_title_row(grid, t)):
            t -= 1
        firsts.append(t + 1)
    # Blocks above the first project label: the end of a project whose start the page does not hold.
    if firsts[0] > 0 and (budget_header(grid, 0, firsts[0]) or indicator_header(grid, 0, firsts[0])):
        firsts.insert(0, 0)
    firsts[0] = 0
    return list(zip(firsts, firsts[1:] + [n]))


def _is_title_row(grid: Grid, r: int) -> bool:
    texts = grid.texts(r)
    return len(texts) == 1 and (any(w in texts[0] for w in TITLE_WORDS) or stated_year(texts[0]) is not None)


def unread(grid: Grid, sheet: str) -> Unread | None:
    """What a sheet with no readable block has of a self-evaluation (None: nothing at all)."""
    marks = []
    for label in FORM_MARKS:
        if label_key(label) in grid.labels:
            marks.append(label)
    title = next((t for r in range(min(6, len(grid.rows))) for t in grid.texts(r) if is_title(t)), "")
    if title:
        marks.insert(0, clip(title))
    if not marks:
        return None
    head = None
    for r in range(len(grid.rows)):
        keys = {INDICATOR_NAMES.get(label_key(t), ("",))[0] for t in grid.texts(r)}
        if keys & set(LEVEL_KEYS):
            head = r
            break
    if head is not None:
        missing = "指标表没有“年度指标值”“实际完成值”“分值”“得分”这些列（至少要有两列）"
        header = "、".join(grid.texts(head))
    else:
        missing = "找不到预算表（须有“全年预算数/调整后预算数”和“全年执行数/预算执行数”两列）和指标表（须有“一级指标/三级指标/指标名称”列）"
        header = ""
    return Unread(sheet, marks, missing, clip(header, 120))


class _Project:
    def __init__(self, reader: CellReader, grid: Grid, sheet: str, lo: int, hi: int):
        self.reader, self.grid, self.sheet = reader, grid, sheet
        self.lo, self.hi = lo, hi

    def model(self) -> Model | None:
        g = self.grid
        budget_head = budget_header(g, self.lo, self.hi)
        indicator_head = indicator_header(g, self.lo, self.hi)
        if budget_head is None and indicator_head is None:
            return None
        self.points_label = self.budget_points(budget_head) if budget_head else None
        labels = {k for k, spots in g.labels.items() if any(self.lo <= r < self.hi for r, _ in spots)}
        titles = [t for r in range(self.lo, self.hi) for t in g.texts(r) if any(w in t for w in TITLE_WORDS)]
        family = recognise(titles, labels, self.points_label.number if self.points_label else None)
        self.family = family
        management_head = management_header(g, self.lo, self.hi) if family.management else None
        info = self.info(family, management_head.row if management_head else None)
        self.reader.money_unit = info.text(Key.MONEY_UNIT) or layout.DEFAULT_MONEY_UNIT
        budget, execution = self.budget(budget_head) if budget_head else (None, None)
        if budget is None:  # no budget table: labels with their amounts (海南省, 成安县: 预算数 | 6.84 | 执行数 | 6.84)
            budget, execution = self.labelled_budget()
        indicators = self.indicators(indicator_head, execution) if indicator_head else None
        rubric_head = rubric_header(g, self.lo, self.hi) if family.rubric else None
        if rubric_head is not None:
            indicators = self.with_rubric(rubric_head, indicators, execution)
        management = self.management(management_head) if management_head else None
        if management is not None:
            self.management_texts(info, management)
        return Model("", info=info, budget=budget, indicators=indicators, management=management, layout=family.layout,
                     sheet=self.sheet)

    # --- labels --------------------------------------------------------------------------------

    def text_cell(self, r: int, c: int, label: str, say: bool = True) -> Cell:
        """A text cell; the form's own instructions left in it count as blank (P007 says so, unless
        the printed form itself keeps them there, as the 一体化 form's 原因 cell does)."""
        raw = self.grid.at(r, c)
        if is_instruction(raw):
            if say:
                self.reader.add(rules.INSTRUCTION_LEFT(Loc(self.sheet, r, c), label=label, text=clip(str(raw))))
            return Cell.at(None, self.sheet, r, c)
        return self.reader.cell(self.sheet, r, c, raw, CellKind.TEXT)

    def info(self, family: Family, management_row: int | None = None) -> Info:
        """The project labels; the 资金管理情况 block's header (`management_row`: its 存在问题, 改进措施
        head columns) holds no text of its own."""
        g, info = self.grid, Info(self.sheet)
        fields = (DEPARTMENT_NAME, *INFO_FIELDS[1:]) if family.is_department else INFO_FIELDS
        known = {label_key(n) for f in (*INFO_FIELDS, DEPARTMENT_NAME, *BELOW_FIELDS, *TEXT_FIELDS) for n in f.names}
        for f in (*fields, *TEXT_FIELDS):
            at = g.find({label_key(n) for n in f.names}, self.lo, self.hi, skip=management_row)
            if at is None or f.key in info.fields:
                continue
            r, c = at
            # The value is the next filled cell to the right (merged labels span several columns),
            # unless that is the next label (主管部门 | X | 实施单位 | Y).
            values = g.rows[r]
            col = next((k for k in range(c + 1, len(values)) if not _blank(values[k])), c + 1)
            if isinstance(g.at(r, col), str) and label_key(g.at(r, col)) in known:
                col = c + 1
            info.fields[f.key] = self.text_cell(r, col, f.label)
            info.end_row = max(info.end_row, r + 1)
        for f in BELOW_FIELDS:
            at = g.find({label_key(n) for n in f.names}, self.lo, self.hi)
            if at is not None:
                r, c = at
                right = next((k for k in range(c + 1, g.width) if not _blank(g.at(r, k))), None)
                if self.heads_a_block(r + 1) and right is not None and not self.is_label(g.at(r, right)):
                    info.fields[f.key] = self.text_cell(r, right, f.label)
                else:
                    info.fields[f.key] = self.text_cell(r + 1, c, f.label)
        if Key.PROJECT not in info.fields:  # no 项目名称: the project the title names, if it names one
            spot = next(((r, c) for r in range(self.lo, min(self.hi, self.lo + 4)) for c, v in enumerate(g.rows[r])
                         if title_project(v)), None)
            if spot is not None:
                r, c = spot
                info.fields[Key.PROJECT] = Cell.at(title_project(g.at(r, c)), self.sheet, r, c)
        for r in range(self.lo, self.hi):  # the title, wherever it states the year
            for c, v in enumerate(g.rows[r]):
                year = stated_year(v)
                if year and Key.YEAR not in info.fields:
                    info.fields[Key.YEAR] = Cell.at(float(year), self.sheet, r, c, 1.0)
        for r in range(self.lo, self.hi):
            unit = next((u for u in map(stated_money_unit, g.rows[r]) if u), "")
            if unit:
                c = next(c for c, v in enumerate(g.rows[r]) if stated_money_unit(v))
                info.fields[Key.MONEY_UNIT] = Cell.at(unit, self.sheet, r, c)
                break
        return info

    # --- the rubric block ---------------------------------------------------------------------

    def rubric(self, head: Header) -> list[Row]:
        """One indicator per item under the header (`项目管理13分 | 财务制度 | 3 | 3 | | 1、单位财务管理制度1分…`), until a
        row that names no item with points or a score: its part (merged down), name, 分值, 自评分, 复核分 and
        评价标准. An item is judged by its criteria: it has no target and no actual."""
        g, columns = self.grid, head.columns
        name_col = columns[Key.LEVEL3]
        part_col = columns.get(Key.LEVEL1, name_col - 1)
        specs = {c.key: c for c in RUBRIC_COLUMNS}
        rows, part = [], None
        for r in range(head.row + 1, self.hi):
            values = g.rows[r]
            if all(_blank(v) for v in values):
                continue
            name = g.at(r, name_col)
            if not isinstance(name, str) or _blank(name) or not any(self._number(r, columns.get(k)) for k in (Key.WEIGHT, Key.SCORE)):
                break
            label = g.at(r, part_col) if part_col >= 0 else None
            if isinstance(label, str) and not _blank(label):
                part = Cell.at(label.strip(), self.sheet, r, part_col)
            cells = {Key.LEVEL3: Cell.at(name.strip(), self.sheet, r, name_col),
                     Key.TYPE: Cell.at(RUBRIC_ITEM_TYPE, self.sheet, r, name_col)}
            if part is not None:
                cells[Key.LEVEL1] = part
            for key in (Key.WEIGHT, Key.SCORE, Key.REVIEW):
                if key in columns:
                    cells[key] = self.reader.cell(self.sheet, r, columns[key], g.at(r, columns[key]), CellKind.NUMBER)
            if Key.BASIS in columns:
                cells[Key.BASIS] = self.text_cell(r, columns[Key.BASIS], specs[Key.BASIS].label)
            rows.append(Row(r, cells))
        return rows

    def with_rubric(self, head: Header, indicators: Table | None, execution: Row | None) -> Table | None:
        """The rubric's items among the indicators, in their place on the form (above the indicator block);
        a form with a rubric and no indicator block has the rubric as its indicators."""
        items = self.rubric(head)
        if not items:
            return indicators
        if indicators is None:
            columns = {k: c for k, c in head.columns.items() if k in (Key.LEVEL1, Key.LEVEL3, Key.WEIGHT, Key.SCORE)}
            indicators = Table(self.sheet, head.row, columns)
            if execution is not None and execution.get(Key.WEIGHT) is not None:
                indicators.rows.append(self.execution_row(execution))
        at = next((i for i, row in enumerate(indicators.rows) if row.index > items[0].index), len(indicators.rows))
        indicators.rows[at:at] = items
        return indicators

    def is_label(self, v: object) -> bool:
        """A label of the form (a field's, a block's or a header's), not content."""
        key = label_key(v) if isinstance(v, str) else ""
        return bool(key) and (key in STOP_LABELS or key in RUBRIC_NAMES or key in INDICATOR_NAMES or key in BUDGET_NAMES)

    def heads_a_block(self, r: int) -> bool:
        """Row r starts the next block: its first text is a label, not a text block's content."""
        texts = self.grid.texts(r)
        return bool(texts) and self.is_label(texts[0])

    # --- the 资金管理情况 block -------------------------------------------------------------------

    def management(self, head: Header) -> Table | None:
        """One row per item under the header, until a row that starts another block: the item's name
        (the nearest text left of its statement; the 一级 further left, as merged down), its statement,
        problem and remedy. 列次 lines and lines with no statement or problem are no items."""
        g, columns = self.grid, head.columns
        first = min(columns.values())
        specs = {c.key: c for c in MANAGEMENT_COLUMNS if c.key in columns}
        table = Table(self.sheet, head.row, dict(columns))
        for r in range(head.row + 1, self.hi):
            values = g.rows[r]
            if all(_blank(v) for v in values):
                continue
            texts = [label_key(v) for v in values if isinstance(v, str) and v.strip()]
            if texts and texts[0] in SKIP_LINE_KEYS:
                continue
            if any(t in STOP_LABELS or t in PROJECT_LABELS or INDICATOR_NAMES.get(t, ("",))[0] in LEVEL_KEYS
                   or BUDGET_NAMES.get(t, ("",))[0] in (Key.BUDGET, Key.EXECUTED) for t in texts) \
                    or any(layout.is_footer(v) for v in values if isinstance(v, str)):
                break
            # (the block's own label merged down beside its items, 临河区: 资金管理情况 | 分配科学性 | …, is no name)
            names = [(c, str(g.shown(r, c)).strip()) for c in range(first) if isinstance(g.shown(r, c), str)
                     and not _blank(g.shown(r, c)) and label_key(g.shown(r, c)) != label_key(g.shown(head.row, c))]
            cells = {k: self.text_cell(r, columns[k], spec.label) for k, spec in specs.items()}
            if all(cells[k].is_blank for k in (Key.STATEMENT, Key.PROBLEMS)):
                continue
            if names:
                c, name = names[-1]
                cells[Key.ITEM] = Cell.at(name, self.sheet, r, c)
                table.columns.setdefault(Key.ITEM, c)
            if len(names) > 1:
                c, name = names[0]
                cells[Key.SECTION] = Cell.at(name, self.sheet, r, c)
                table.columns.setdefault(Key.SECTION, c)
            table.rows.append(Row(r, cells))
        return table if table.rows else None

    def management_texts(self, info: Info, table: Table) -> None:
        """The block's problems and remedies, item by item, are the form's 存在问题 and 改进措施 where it
        gives no such text of its own (the report draft's 存在的问题, 改进措施及建议)."""
        for key in (Key.PROBLEMS, Key.SUGGESTIONS):
            if info.get(key) is not None:
                continue
            given = [(row, row.get(key)) for row in table.rows if row.get(key) is not None
                     and not is_no_problem(row.text(key))]
            if given:
                lines = [f"{row.text(Key.ITEM)}：{cell.value}".lstrip("：") for row, cell in given]
                first = given[0][1]
                info.fields[key] = Cell.at("\n".join(lines), first.sheet, first.row, first.col)

    # --- the budget block ----------------------------------------------------------------------

    def budget_points(self, head: Header) -> Cell | None:
        """The points the budget block's label states (`预算执行情况(20分)`), beside or above its header."""
        g = self.grid
        first = min(head.columns.values())
        spots = [(head.first, c) for c in range(first)] + [(r, c) for r in range(max(self.lo, head.first - 2), head.first)
                                                            for c in range(g.width)]
        for r, c in spots:
            v = g.at(r, c)
            points = stated_points(v) if isinstance(v, str) and is_budget_label(v) else None
            if points is not None:
                return Cell.at(points, self.sheet, r, c, 1.0)
        return None

    def block_points(self, head: Header) -> Cell | None:
        """The points the indicator block's own label states (`年度绩效目标(80分)`, `绩效指标(90分)`),
        left of its header or in the two rows above it."""
        g = self.grid
        first = min(head.columns.values())
        spots = [(r, c) for r in range(head.first, head.row + 1) for c in range(first)] + \
            [(r, c) for r in range(max(self.lo, head.first - 2), head.first) for c in range(g.width)]
        for r, c in spots:
            v = g.at(r, c)
            if isinstance(v, str) and not is_budget_label(v) and is_goal_label(v):
                points = stated_points(v)
                if points is not None:
                    return Cell.at(points, self.sheet, r, c, 1.0, text=v.strip())
        return None

    def budget(self, head: Header) -> tuple[Table | None, Row | None]:
        """The budget block as a 预算 table, and its total line (the 预算执行率 indicator)."""
        g, columns = self.grid, dict(head.columns)
        first = min(columns.values())
        if first == 0:  # no column left of the money for the line labels: not a block we know
            return None, None
        if Key.BUDGET not in columns:  # only 年初预算数 (北京市 2016): the budget the money was spent of
            columns[Key.BUDGET] = columns.pop(Key.INITIAL)
        specs = {c.key: c for c in BUDGET_COLUMNS}
        total, sources = None, []
        for r in range(head.row + 1, min(self.hi, head.row + 1 + BUDGET_LINES)):
            values = g.rows[r]
            # the line's label: the nearest text left of the money (行次 numbers beside it are no label)
            label_col = next((c for c in range(first - 1, -1, -1) if isinstance(g.at(r, c), str) and not _blank(g.at(r, c))),
                             None)
            unlabelled = label_col is None
            if unlabelled:
                if all(_blank(v) for v in values):
                    continue
                # the one line right under the header, its label merged away (广水市), or its amounts too: a rate
                # and its points alone (重庆 部门整体, as stored)
                if r != head.row + 1 or not any(self._number(r, columns.get(k)) for k in (Key.BUDGET, Key.EXECUTED, Key.RATE)):
                    break
                label_col = first - 1
            raw = g.at(r, label_col) or ""
            raw = raw if isinstance(raw, str) else str(raw)
            name = line_label(raw)
            if name in SKIP_LINE_KEYS:
                continue
            if name in STOP_LABELS or name in INDICATOR_NAMES or name in PROJECT_LABELS or name in DEPARTMENT_LABELS:
                break
            known = name in TOTAL_LINE_KEYS or name in SOURCE_LINE_KEYS or is_where_of(raw)
            if not known and not unlabelled and not any(self._number(r, columns.get(k)) for k in (Key.BUDGET, Key.EXECUTED,
                                                                                                  Key.INITIAL)):
                break
            cells = {}
            for k, c in columns.items():
                kind = CellKind.PERCENT if k in head.percent else specs[k].kind
                cells[k] = (self.text_cell(r, c, specs[k].label, say=False) if kind is CellKind.TEXT
                            else self.reader.cell(self.sheet, r, c, g.at(r, c), kind))
            cells[Key.ITEM] = Cell.at(str(raw).strip().rstrip(":："), self.sheet, r, label_col)
            source = SOURCE_LINE_KEYS.get(name, str(raw).strip() if not is_where_of(raw) else layout.DEFAULT_FUND_SOURCE)
            cells[Key.SOURCE] = Cell.at(source, self.sheet, r, label_col)
            if name in TOTAL_LINE_KEYS and total is None:
                total = Row(r, cells, layout.FINAL_TOTAL_WORDS[0])
            else:
                sources.append(Row(r, cells))
        if total is None and len(sources) == 1:  # one line and no total: the line is the total
            total = sources[0]
        if total is not None and Key.WEIGHT not in columns and self.points_label is not None:
            total.cells[Key.WEIGHT] = self.points_label  # 预算执行情况(20分): the points are the label's
        if Key.REASON in columns:  # the 一体化 form's 原因: the template's 备注
            columns[Key.NOTE] = columns.pop(Key.REASON)
            for row in {id(x): x for x in (*sources, *([total] if total else []))}.values():
                row.cells[Key.NOTE] = row.cells.pop(Key.REASON)
        table = Table(self.sheet, head.row, {**columns, "item": first - 1, "source": first - 1})
        money = (Key.BUDGET, Key.EXECUTED, Key.INITIAL)
        carried = [r for r in sources if r is not total and any(r.num(k) for k in money)]
        if carried:
            table.rows = carried if total is not None and total not in sources else sources
            table.totals = [total] if total is not None and total not in sources else []
        elif total is not None:  # only the total line is filled: it is the money
            table.rows = [Row(total.index, total.cells)]
        return table, total

    def labelled_budget(self) -> tuple[Table | None, Row | None]:
        """A budget given as labels with amounts in one row (`计划投资额(万元) | 570 | 实际使用情况(万元) | 395.86`):
        a 预算 table of that one line, when it names both the budget and the money spent."""
        g = self.grid
        for r in range(self.lo, self.hi):
            found: dict[str, int] = {}
            for c, v in enumerate(g.rows[r]):
                key = next((f.key for f in LABELLED_BUDGET if isinstance(v, str) and label_key(v) in
                            {label_key(n) for n in f.names}), None)
                if key is None:
                    continue
                col = next((k for k in range(c + 1, g.width) if not _blank(g.at(r, k))), None)
                if col is not None and self._number(r, col):
                    found.setdefault(key, col)
            if {Key.BUDGET, Key.EXECUTED} <= found.keys():
                first = min(found.values())
                cells = {k: self.reader.cell(self.sheet, r, c, g.at(r, c), CellKind.MONEY) for k, c in found.items()}
                label = Cell.at(str(g.at(r, 0) or "").strip(), self.sheet, r, 0)
                cells[Key.ITEM], cells[Key.SOURCE] = label, Cell.at(layout.DEFAULT_FUND_SOURCE, self.sheet, r, 0)
                table = Table(self.sheet, r - 1, {**found, "item": 0, "source": 0})
                table.rows = [Row(r, cells)]
                return table, None
        return None, None

    def _number(self, r: int, c: int | None) -> bool:
        if c is None:
            return False
        try:
            n = parse_number(self.grid.at(r, c))
        except NotANumber:
            return False
        return n is not None

    # --- the indicator block -------------------------------------------------------------------

    def indicators(self, head: Header, execution: Row | None) -> Table:
        g, columns = self.grid, head.columns
        specs = {c.key: c for c in INDICATOR_COLUMNS if c.key in columns}
        table = Table(self.sheet, head.row, {k: columns[k] for k in specs}, stated=self.block_points(head))
        if execution is not None and execution.get(Key.WEIGHT) is not None:
            table.rows.append(self.execution_row(execution))
        above: dict[str, Cell] = {}
        levels = [k for k in LEVEL_KEYS if k in specs]
        # The block's own label, printed again where the form runs onto a new page (衡山县): no end.
        first = min(columns.values())
        block_label = label_key(g.at(head.first, 0)) if first > 0 and isinstance(g.at(head.first, 0), str) else None
        # The header again: no indicator. With a goal label of its own (黄冈市: 年度绩效目标2(40分) | 一级指标 | …)
        # it starts the next goal block, and each indicator keeps the block it is under, whose label states its
        # points; printed again on a new page, with the same label or none, the block goes on.
        header_levels = [label_key(g.at(head.row, columns[k])) for k in levels]
        blocks: list[Cell | None] = [table.stated]
        under: list[tuple[Row, int]] = []
        for r in range(head.row + 1, self.hi):
            values = g.rows[r]
            texts = [label_key(v) for v in values if isinstance(v, str) and v.strip()]
            if not texts and all(_blank(v) for v in values):
                continue
            if levels and [label_key(g.at(r, columns[k])) for k in levels] == header_levels:  # the header again
                label = next((v for v in values[:first] if isinstance(v, str) and is_goal_label(v)), None)
                if label is not None and (blocks[-1] is None or label.strip() != blocks[-1].text):
                    points = stated_points(label)
                    blocks.append(None if points is None else Cell.at(points, self.sheet, r, values.index(label), 1.0,
                                                                      text=label.strip()))
                above.clear()
                continue
            if any(t in GRAND_TOTALS for t in texts):  # 总分, wherever the row puts it (永德县: after 其他需要说明事项)
                cells = {k: self.reader.cell(self.sheet, r, columns[k], g.at(r, columns[k]), CellKind.NUMBER)
                         for k in (Key.WEIGHT, Key.SCORE) if k in columns}
                table.totals.append(Row(r, cells, layout.FINAL_TOTAL_WORDS[0]))
                break
            repeated = texts and texts[0] == block_label and levels and not _blank(g.at(r, columns[levels[-1]]))
            if (texts and (texts[0] in STOP_LABELS or texts[0] in PROJECT_LABELS) and texts[0] not in
                    {label_key(g.at(r, columns[k])) for k in levels} and not repeated) or \
                    any(layout.is_footer(v) for v in values if isinstance(v, str)):
                break
            cells = {}
            for key, col in specs.items():
                raw = g.at(r, columns[key])
                if key == "deviation":
                    cells[key] = self.text_cell(r, columns[key], col.label)
                else:  # 指标值 and 完成值 stay as typed: the target parser reads them
                    cells[key] = self.reader.cell(self.sheet, r, columns[key], raw,
                                                  CellKind.NUMBER if col.kind is CellKind.NUMBER else CellKind.TEXT)
            # 一级 and 二级 are merged down: a blank takes the value from above, below the deepest
            # level this row fills itself.
            own = [not cells[k].is_blank for k in levels]
            for depth, key in enumerate(levels[:-1]):
                if not own[depth] and key in above and not any(own[:depth]):
                    cells[key] = above[key]
            if len(levels) > 2 and not own[0] and own[1] and levels[0] in above:
                self.level_from_below(cells, levels, r, columns)
            above.update({k: cells[k] for k in levels[:-1] if not cells[k].is_blank})
            row = Row(r, cells)
            name = row.text(levels[-1]) if levels else ""
            if row.get(Key.WEIGHT) is None and row.get(Key.SCORE) is None and (not name or is_placeholder(name)) \
                    and (is_placeholder(name) or not row.text(Key.TARGET)):
                continue  # an unused or placeholder line of the printed form (指标1：, ……)
            self.compose(row)
            table.rows.append(row)
            under.append((row, len(blocks) - 1))
        if len(blocks) > 1:  # several goal blocks: each indicator's points are its block's, not the first label's
            table.stated = None
            if all(b is not None for b in blocks):
                for row, k in under:
                    row.cells[Key.BLOCK] = blocks[k]
        if not table.totals and Key.SCORE in columns:
            head_total = self.head_total(head)
            if head_total is not None:
                table.totals.append(Row(head_total.row, {Key.SCORE: head_total}, layout.FINAL_TOTAL_WORDS[0]))
        return table

    def head_total(self, head: Header) -> Cell | None:
        """The total stated among the labels above the blocks (`自评得分 | 98`): the number right of it."""
        g = self.grid
        at = g.find(HEAD_TOTALS, self.lo, head.first)
        if at is None:
            return None
        r, c = at
        col = next((k for k in range(c + 1, g.width) if not _blank(g.at(r, k))), None)
        if col is None or not self._number(r, col):
            return None
        return self.reader.cell(self.sheet, r, col, g.at(r, col), CellKind.NUMBER)

    def level_from_below(self, cells: dict, levels: list, r: int, columns: dict) -> None:
        """A blank 一级 cell whose 二级 belongs to another 一级 than the one above takes its 二级's."""
        level2 = label_key(cells[levels[1]].value)
        implied = LEVEL2_SECTIONS.get(level2)
        above = cells[levels[0]]
        known = {layout.section_name(v) for v in LEVEL2_SECTIONS.values()}  # (an 一级 of its own words, `(50分)`: kept)
        if implied and layout.section_name(above.value) in known and layout.section_name(implied) != layout.section_name(above.value):
            cells[levels[0]] = Cell.at(implied, self.sheet, r, columns[levels[0]])
            self.reader.add(rules.LEVEL_FROM_BELOW(Loc(self.sheet, r, columns[levels[0]]), level2=level2, level1=implied,
                                                   above=str(above.value).strip()))

    def execution_row(self, total: Row) -> Row:
        """The budget total line as the 预算执行率 indicator: 分值, 得分, and 执行率 as its actual."""
        label = total.cells[Key.ITEM]
        name = Cell.at(FORM_EXECUTION_NAME, label.sheet, label.row, label.col)
        weight = total.cells[Key.WEIGHT]
        cells = {Key.LEVEL1: name, Key.LEVEL2: name, Key.LEVEL3: name,
                 Key.TYPE: Cell.at(layout.QUANTITATIVE_TYPE, label.sheet, label.row, label.col),
                 Key.WEIGHT: weight, Key.ACTUAL: total.cells.get(Key.RATE) or _blank_at(weight)}
        if Key.SCORE in total.cells:  # (a budget block without a 得分 column: its points are computed only)
            cells[Key.SCORE] = total.cells[Key.SCORE]
        if Key.NOTE in total.cells:  # the 一体化 form's 原因; the national form's budget line has none
            cells[Key.DEVIATION] = total.cells[Key.NOTE]
        return Row(total.index, cells)

    def compose(self, row: Row) -> None:
        """A target split into 指标性质 (or 指标方向, 计算符号), 指标值 and 度量单位 is joined as staff write
        it in one cell (`≥90%`), and the unit put onto a number 完成值 (`93%`). A direction the target
        contradicts (`正向` beside `≤5%`) is said."""
        unit = normalize(row.text(Key.UNIT))  # its explanation in brackets dropped (成安县: %(百分比))
        target, actual = row.cells.get(Key.TARGET), row.cells.get(Key.ACTUAL)
        nature_cell = row.cells.get(Key.NATURE)
        way = direction(row.text(Key.NATURE)) if nature_cell is not None else ""
        if way == QUALITATIVE_WORDS[0]:
            row.cells[Key.TYPE] = Cell.at(layout.QUALITATIVE_TYPE, self.sheet, row.index, nature_cell.col)
        elif way in RATE_COMPARATORS:
            row.cells[Key.TYPE] = Cell.at(layout.QUANTITATIVE_TYPE, self.sheet, row.index, nature_cell.col)
            if target is not None and not target.is_blank:
                typed = _plain(target.value)
                own = _comparator(typed)
                if own and own != way and not {own, way} <= {"≥", ">"} and not {own, way} <= {"≤", "<"}:
                    self.reader.add(rules.DIRECTION_CONFLICT(nature_cell.loc, name=_name(row), way=row.text(Key.NATURE),
                                                             target=clip(typed)))
                text = typed if own else f"{way}{typed}"
                row.cells[Key.TARGET] = Cell.at(f"{text}{unit}" if unit and _is_number(target.value) else text,
                                              target.sheet, target.row, target.col)
        elif target is not None and not target.is_blank and self.family.ceilings \
                and _name(row).endswith(self.family.ceilings) and not _comparator(_plain(target.value)):
            text = f"≤{_plain(target.value)}" + (unit if unit and _is_number(target.value) else "")  # a bare ceiling
            row.cells[Key.TARGET] = Cell.at(text, target.sheet, target.row, target.col)
        elif unit and target is not None and _is_number(target.value):
            row.cells[Key.TARGET] = Cell.at(f"{_plain(target.value)}{unit}", target.sheet, target.row, target.col)
        if actual is not None and not actual.is_blank and unit and _is_number(actual.value):
            row.cells[Key.ACTUAL] = Cell.at(f"{_plain(actual.value)}{unit}", actual.sheet, actual.row, actual.col)


def _comparator(text: str) -> str:
    """The comparator a target states before its number (`≤5%`, `不低于90%`), by the target parser;
    "" for a bare value (`100%`), which takes the direction column's."""
    s = fold(text)
    if not s or s[0].isdigit():
        return ""
    op = parse_target(s).op
    return op if op in RATE_COMPARATORS else ""


def _name(row: Row) -> str:
    return next((row.text(k) for k in (Key.LEVEL3, Key.LEVEL2, Key.LEVEL1) if row.text(k)), "")


def _blank_at(c: Cell) -> Cell:
    return Cell.at(None, c.sheet, c.row, c.col)


def _plain(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value).strip()


def _is_number(value: object) -> bool:
    """A bare number (`93`, `"93"`): one with a unit of its own (`93人`, `93%`) keeps it."""
    try:
        n = parse_number(value)
    except NotANumber:
        return False
    return n is not None and not n.unit and not n.percent
