"""The published 项目支出绩效自评表, read into the model template v1 is read into.

A form is found by its content (`detect`): the labels of its 项目资金 and 绩效指标 blocks. Its
project labels become the 项目信息, the 项目资金 block the 预算 table (the 其中 rows that carry
the money, the 总额 row as their total), and the 绩效指标 block the indicators, headed by the
budget's own line as the 预算执行率 indicator of the 自评表 scheme (分值 10, 得分 typed, 执行率
as its actual). Checks, scoring and writers then work unchanged; every cell keeps its place on
the form, so findings name the form's own cells.
"""

from __future__ import annotations

from typing import Protocol

from . import layout, rules
from .findings import Finding
from .layout import FORMS, Column, FormSpec, form_row_label, label_key
from .model import Cell, Info, Loc, Model, Row, Table
from .parse import NotANumber, parse_number
from .text import clip

MARK_ROWS = 80  # a form's labels all sit in its first rows
LABEL_LENGTH = 40  # longer text is content, not a label


class CellReader(Protocol):
    """What the workbook reader lends a form: typed cells, and a place for findings."""

    money_unit: str

    def cell(self, sheet: str, row: int, col: int, raw: object, kind: str) -> Cell: ...

    def add(self, finding: Finding) -> None: ...


def _labels(rows: list[list]) -> dict[str, list[tuple[int, int]]]:
    """Every short text of the first rows, folded, with where it stands."""
    found: dict[str, list[tuple[int, int]]] = {}
    for r, values in enumerate(rows[:MARK_ROWS]):
        for c, v in enumerate(values):
            if isinstance(v, str) and v.strip() and len(v) < LABEL_LENGTH:
                found.setdefault(label_key(v), []).append((r, c))
    return found


def detect(rows: list[list]) -> FormSpec | None:
    """The family of 自评表 this sheet is, or None."""
    labels = _labels(rows)
    for spec in FORMS:
        if all(label_key(m) in labels for m in spec.marks):
            return spec
    return None


def read_form(reader: CellReader, sheet: str, rows: list[list], spec: FormSpec) -> Model:
    """One project's 自评表 sheet as a Model (path and file format are the caller's)."""
    return _Form(reader, sheet, rows, spec).model()


def _at(rows: list[list], r: int, c: int) -> object:
    return rows[r][c] if r < len(rows) and c < len(rows[r]) else None


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


class _Form:
    def __init__(self, reader: CellReader, sheet: str, rows: list[list], spec: FormSpec):
        self.reader, self.sheet, self.rows, self.spec = reader, sheet, rows, spec
        self.labels = _labels(rows)

    def model(self) -> Model:
        info = self.info()
        self.reader.money_unit = info.text("money_unit") or layout.DEFAULT_MONEY_UNIT
        budget, execution = self.budget()
        indicators = self.indicators(execution)
        return Model("", info=info, budget=budget, indicators=indicators, layout=self.spec.layout, sheet=self.sheet)

    # --- where labels are --------------------------------------------------------------------

    def find(self, names: tuple[str, ...], below: int = -1) -> tuple[int, int] | None:
        """The first cell holding one of `names`, at or after row `below` + 1."""
        spots = [rc for n in names for rc in self.labels.get(label_key(n), ()) if rc[0] > below]
        return min(spots) if spots else None

    def text_cell(self, r: int, c: int, label: str, say: bool = True) -> Cell:
        """A text cell; the form's own instructions left in it count as blank (P007 says so, unless
        the printed form itself keeps them there, as the 一体化 form's 原因 cell does)."""
        raw = _at(self.rows, r, c)
        if layout.is_instruction(raw):
            if say:
                self.reader.add(rules.INSTRUCTION_LEFT(Loc(self.sheet, r, c), label=label, text=clip(str(raw))))
            return Cell.at(None, self.sheet, r, c)
        return self.reader.cell(self.sheet, r, c, raw, "text")

    # --- 项目信息 -----------------------------------------------------------------------------

    def info(self) -> Info:
        info = Info(self.sheet)
        known = {label_key(n) for f in (*self.spec.fields, *self.spec.below) for n in f.names}
        for f in self.spec.fields:
            at = self.find(f.names)
            if at is None:
                continue
            r, c = at
            # The value is the next filled cell to the right (merged labels span several columns),
            # unless that is the next label (主管部门 | X | 实施单位 | Y).
            col = next((k for k in range(c + 1, len(self.rows[r])) if not _blank(self.rows[r][k])), c + 1)
            if isinstance(_at(self.rows, r, col), str) and label_key(self.rows[r][col]) in known:
                col = c + 1
            info.fields[f.key] = self.text_cell(r, col, f.label)
            info.end_row = max(info.end_row, r + 1)
        for f in self.spec.below:
            at = self.find(f.names)
            if at is not None:
                r, c = at
                info.fields[f.key] = self.text_cell(r + 1, c, f.label)
        for r, values in enumerate(self.rows[:6]):  # the title: 项目支出绩效自评表（2022年度）
            for c, v in enumerate(values):
                year = layout.form_year(v)
                if year and "year" not in info.fields:
                    info.fields["year"] = Cell.at(float(year), self.sheet, r, c, 1.0)
        for (r, c) in sorted(rc for key, spots in self.labels.items() for rc in spots):
            unit = layout.form_money_unit(self.rows[r][c])
            if unit:
                info.fields["money_unit"] = Cell.at(unit, self.sheet, r, c)
                break
        return info

    # --- 项目资金 -----------------------------------------------------------------------------

    def header(self, columns: tuple[Column, ...], row: int) -> dict[str, int]:
        names = {label_key(n): col.key for col in columns for n in col.names}
        found: dict[str, int] = {}
        for c, v in enumerate(self.rows[row]):
            key = names.get(label_key(v)) if isinstance(v, str) else None
            if key is not None and key not in found:
                found[key] = c
        return found

    def budget(self) -> tuple[Table | None, Row | None]:
        """The 项目资金 block as a 预算 table, and its total line (the 预算执行率 indicator)."""
        executed = next(c for c in self.spec.budget if c.key == "executed")
        at = self.find(executed.names)
        if at is None:
            return None, None
        head = at[0]
        columns = self.header(self.spec.budget, head)
        first = min(columns.values())
        if first == 0:  # no column left of the money for the line labels: not the block we know
            return None, None
        kinds = {c.key: c.kind for c in self.spec.budget}
        labels = {c.key: c.label for c in self.spec.budget}
        total, sources = None, []
        for r in range(head + 1, min(len(self.rows), head + 12)):
            values = self.rows[r]
            label_col = next((c for c in range(first - 1, -1, -1) if not _blank(_at(self.rows, r, c))), None)
            if label_col is None:
                if all(_blank(v) for v in values):
                    continue
                break
            name = form_row_label(values[label_col])
            if name not in layout.FORM_TOTAL_ROWS and name not in layout.FORM_SOURCE_ROWS:
                break
            cells = {k: (self.text_cell(r, c, labels[k], say=False) if kinds[k] == "text"
                         else self.reader.cell(self.sheet, r, c, _at(self.rows, r, c), kinds[k]))
                     for k, c in columns.items()}
            cells["item"] = Cell.at(str(values[label_col]).strip().rstrip(":："), self.sheet, r, label_col)
            source = layout.FORM_SOURCE_ROWS.get(name, layout.DEFAULT_FUND_SOURCE)
            cells["source"] = Cell.at(source, self.sheet, r, label_col)
            if name in layout.FORM_TOTAL_ROWS and total is None:
                total = Row(r, cells, layout.FINAL_TOTAL_WORDS[0])
            else:
                sources.append(Row(r, cells))
        if "reason" in columns:  # the 一体化 form's 原因: the template's 备注
            columns["note"] = columns.pop("reason")
            for row in (*sources, *([total] if total else [])):
                row.cells["note"] = row.cells.pop("reason")
        table = Table(self.sheet, head, {**columns, "item": first - 1, "source": first - 1})
        money = ("budget", "executed", "initial")
        carried = [r for r in sources if any(r.num(k) for k in money)]
        if carried or total is None:
            table.rows = sources
            table.totals = [total] if total is not None else []
        else:  # only the total line is filled: it is the money
            table.rows = [Row(total.index, total.cells)]
        return table, total

    # --- 绩效指标 -----------------------------------------------------------------------------

    def indicators(self, execution: Row | None) -> Table | None:
        at = self.find(next(c for c in self.spec.indicators if c.key == "level3").names)
        if at is None:
            return None
        head = at[0]
        columns = self.header(self.spec.indicators, head)
        specs = {c.key: c for c in self.spec.indicators if c.key in columns}
        table = Table(self.sheet, head, {k: columns[k] for k in specs})
        if execution is not None and execution.get("weight") is not None:
            table.rows.append(self.execution_row(execution))
        stops = {label_key(n) for f in (*self.spec.fields, *self.spec.below) for n in f.names}
        above: dict[str, Cell] = {}
        for r in range(head + 1, len(self.rows)):
            values = self.rows[r]
            texts = [label_key(v) for v in values if isinstance(v, str) and v.strip()]
            if not texts and all(_blank(v) for v in values):
                continue
            if any(t in layout.FORM_GRAND_TOTAL for t in texts[:2]):
                cells = {k: self.reader.cell(self.sheet, r, columns[k], _at(self.rows, r, columns[k]), "number")
                         for k in ("weight", "score") if k in columns}
                table.totals.append(Row(r, cells, layout.FINAL_TOTAL_WORDS[0]))
                break
            if (texts and texts[0] in stops) or any(layout.is_footer(v) for v in values if isinstance(v, str)):
                break
            cells = {}
            for key, col in specs.items():
                raw = _at(self.rows, r, columns[key])
                if key == "deviation":
                    cells[key] = self.text_cell(r, columns[key], col.label)
                else:  # 指标值 and 完成值 stay as typed: the target parser reads them
                    cells[key] = self.reader.cell(self.sheet, r, columns[key], raw,
                                                  "number" if col.kind == "number" else "text")
            # 一级 and 二级 are merged down: a blank takes the value from above, below the deepest
            # level this row fills itself.
            own = [not cells[k].is_blank for k in ("level1", "level2", "level3") if k in cells]
            for depth, key in enumerate(k for k in ("level1", "level2") if k in cells):
                if not own[depth] and key in above and not any(own[:depth]):
                    cells[key] = above[key]
            above.update({k: cells[k] for k in ("level1", "level2") if k in cells and not cells[k].is_blank})
            row = Row(r, cells)
            if not row.text("level3") and row.get("weight") is None and row.get("score") is None:
                continue  # an unused line of the printed form (经济效益指标 with nothing in it)
            self.compose(row)
            table.rows.append(row)
        return table

    def execution_row(self, total: Row) -> Row:
        """The 项目资金 total line as the 预算执行率 indicator: 分值, 得分, and 执行率 as its actual."""
        label = total.cells["item"]
        name = Cell.at(layout.FORM_EXECUTION_NAME, label.sheet, label.row, label.col)
        cells = {"level1": name, "level2": name, "level3": name,
                 "type": Cell.at(layout.QUANTITATIVE_TYPE, label.sheet, label.row, label.col),
                 "weight": total.cells["weight"], "score": total.cells.get("score") or _blank_at(total, "weight"),
                 "actual": total.cells.get("rate") or _blank_at(total, "weight")}
        if "note" in total.cells:  # the 一体化 form's 原因; the national form's budget line has none
            cells["deviation"] = total.cells["note"]
        return Row(total.index, cells)

    def compose(self, row: Row) -> None:
        """The 一体化 form splits a target into 指标性质, 指标值 and 度量单位: join them as staff write
        them in one cell (`≥90%`), and the unit onto a number 完成值 (`93%`)."""
        nature = row.text("nature")
        unit = row.text("unit")
        target, actual = row.cells.get("target"), row.cells.get("actual")
        if nature == layout.QUALITATIVE_TYPE:
            row.cells["type"] = Cell.at(layout.QUALITATIVE_TYPE, self.sheet, row.index, row.cells["nature"].col)
        elif nature in layout.FORM_RATE_COMPARATORS:
            row.cells["type"] = Cell.at(layout.QUANTITATIVE_TYPE, self.sheet, row.index, row.cells["nature"].col)
            if target is not None and not target.is_blank:
                row.cells["target"] = Cell.at(f"{nature}{_plain(target.value)}{unit}", target.sheet, target.row,
                                              target.col)
        if actual is not None and not actual.is_blank and unit and _is_number(actual.value):
            row.cells["actual"] = Cell.at(f"{_plain(actual.value)}{unit}", actual.sheet, actual.row, actual.col)


def _blank_at(row: Row, key: str) -> Cell:
    c = row.cells[key]
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