"""Workbook → model, following the reading rules of template v1.

The file is triaged first (`triage.py`); cell values come from python-calamine (fast to import
and to read). calamine does not say which cells hold formulas, so the package is scanned once
for formulas that have no cached value (`ooxml.uncached_formulas`).
"""

from __future__ import annotations

import contextlib
import gc
import io
import math
import os
from dataclasses import dataclass, field

from . import layout, rules
from .findings import Finding, Rule
from .layout import Column, SheetSpec, label_key, normalize
from .model import UNKNOWN, Cell, Columns, Info, LazyRows, Loc, Model, Question, Row, Survey, Table, col_letter
from .ooxml import sheets_mb, uncached_formulas
from .parse import NotANumber, parse_number, parse_year
from .text import shown, clip
from .naming import FORMATS
from .triage import UNSAFE, Limits, ReadError, Source, triage
from .vocab import Failure
from .keys import NUMERIC_KINDS, CellKind, Key

RATIO_KINDS = (CellKind.RATIO, CellKind.PERCENT)  # percent: a ratio whose header says (%)

HEADER_SEARCH_ROWS = 30
COLUMNAR_ROWS = 2_000  # a table with more data rows than this (a roster) is kept column by column
PERCENT_WITHOUT_SIGN = (1.5, 100.0)  # a ratio typed in this range without % is read as a percent


@dataclass(eq=False, repr=False)
class Reading:
    """What reading a workbook gave: the model, and the findings of reading it."""

    model: Model
    findings: list[Finding] = field(default_factory=list)
    source: Source | None = None  # what was read: the file, or its package corrected in memory


def read_workbook(source: str | os.PathLike | bytes | Source, limits: Limits | None = None) -> Reading:
    """Read a workbook (a path, or its bytes); raise ReadError when it cannot be read at all.
    A workbook of several 自评表 projects gives the first (`read_projects` gives every one)."""
    return read_projects(source, limits)[0]


def read_projects(source: str | os.PathLike | bytes | Source, limits: Limits | None = None) -> list[Reading]:
    """Every project of a workbook: one for template v1, one per 自评表 sheet (a department's
    export holds all its projects). The layout is told by content, never by names. Each Reading's
    `source` is what was read (the package corrected in memory when triage had to)."""
    source = source if isinstance(source, Source) else Source.of(source)
    limits = limits or Limits.from_env()
    fmt, source = triage(source, limits)  # every limit is applied here, before any reader allocates
    from python_calamine import CalamineWorkbook, SheetVisibleEnum  # noqa: PLC0415

    def native(step, where: str = ""):
        """A call into the cell reader: whatever it raises, a Rust panic included (pyo3's
        PanicException is a BaseException), is a ReadError in Chinese, never its English text."""
        try:
            return step()
        except (KeyboardInterrupt, SystemExit, ReadError):
            raise
        except MemoryError as exc:
            raise ReadError(Failure.TOO_LARGE, f"{UNSAFE}：读取{where}时内存不足") from exc
        except BaseException as exc:  # noqa: BLE001
            raise ReadError(Failure.CORRUPT, f"{UNSAFE}，无法读取{where}（文件结构有误，请用 Excel 或 WPS 打开后重新保存）") from exc

    def open_book():
        if source.data is None and source.package is None and source.path.suffix.lower() in FORMATS[fmt] \
                and shown(str(source.path)) == str(source.path):  # (a name that is not UTF-8: by its bytes)
            return CalamineWorkbook.from_path(str(source.path))
        return CalamineWorkbook.from_filelike(io.BytesIO(source.read()))  # bytes, or named for another format: by content

    book = native(open_book)
    names = native(lambda: list(book.sheet_names))
    if source.all_cached:  # (triage saw every sheet: each formula has its value)
        uncached = {}
    else:
        with source.open() as f:
            uncached = uncached_formulas(f, names, source.formulas)
    computed = {}
    if uncached:  # a file written by a script: compute its formulas rather than read them as blank
        from .recalc import compute  # (and recalc the heavy formula engine only now)

        with source.open() as f:
            computed = compute(source, uncached, sheets_mb(f))
    hidden = native(lambda: {m.name for m in book.sheets_metadata if str(m.visible) != str(SheetVisibleEnum.Visible)})

    def grid(name: str, reader: _Reader) -> tuple[list[list], list]:
        where = f"工作表“{name}”"
        ws = native(lambda: book.get_sheet_by_name(name), where)
        end = native(lambda: ws.end, where)
        rows, cols = (end[0] + 1, end[1] + 1) if end else (0, 0)  # the grid runs from A1 to the farthest cell
        if rows > limits.max_rows or cols > limits.max_cols or rows * cols > limits.max_cells:
            raise limits.too_big(rows, cols, name, f"{col_letter(cols - 1)}{rows}")
        if name in hidden:
            reader.add(rules.HIDDEN_SHEET(Loc(name, 0, 0), sheet=name))
        return native(lambda: (ws.to_python(skip_empty_area=False), ws.merged_cell_ranges or []), where)

    with _collector_paused():
        if any(layout.find_sheet(names, spec) for spec in (layout.INFO, layout.BUDGET, layout.INDICATORS)):
            reader = _Reader(uncached, computed)
            model = Model(str(source.path), file_format=fmt)
            return [Reading(_read_template(names, lambda name: grid(name, reader), reader, model), reader.findings, source)]
        return _read_forms(source, fmt, names, grid, lambda: _Reader(uncached, computed))


@contextlib.contextmanager
def _collector_paused():
    """The sheets' cells read with the cyclic garbage collector paused: a roster's grid is hundreds
    of thousands of lists and holds no reference cycle, and the collector, run as they are made,
    would walk them again and again (a third of a second at 300,000 rows). Reference counting frees
    what reading drops, as always; the collector runs again as soon as the reading is done."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _read_forms(source: Source, fmt: str, names: list[str], grid, new_reader) -> list[Reading]:
    """One Reading per project of every 自评表 sheet (a sheet may stack several); the sheets that
    are not read are named, with what they lack when they look like a form. A workbook none of
    whose sheets can be read is a ReadError that says, sheet by sheet, why."""
    from . import forms  # (the published forms' reader: not for a workbook of the template)

    projects, others, unread = [], [], []
    for name in names:
        sheet_reader = new_reader()
        rows, merged = grid(name, sheet_reader)
        found, why = forms.read_sheet(new_reader, name, rows, merged)
        for model, reader in found:
            model.path, model.file_format = str(source.path), fmt
            projects.append(Reading(model, sheet_reader.findings + reader.findings, source))
            sheet_reader.findings = []
        if not found and why is not None:
            unread.append(why)
        elif not found and not _blank(rows):
            others.append(name)
    if not projects:
        if unread:
            raise ReadError(Failure.NOT_SELF_EVAL, "；".join(u.text() for u in unread) + "。" + FORM_HELP)
        listed = "、".join(f"“{n}”" for n in names) or "无"
        raise ReadError(Failure.NOT_SELF_EVAL, f"不是绩效自评工作簿：工作表 {listed} 中既没有标准模板的“项目信息”“预算”“绩效指标”表，"
                                               f"也没有项目支出绩效自评表的预算表和指标表。" + FORM_HELP)
    projects[0].findings.extend(rules.FORM_NOT_READ(Loc(u.sheet, 0, 0), sheet=u.sheet, why=u.text()) for u in unread)
    projects[0].findings.extend(rules.SHEET_NOT_READ(Loc(n, 0, 0), sheet=n) for n in others)
    return projects


FORM_HELP = ("请使用标准模板（excel-eval template），或交项目支出绩效自评表：须有含“全年预算数”“全年执行数”的预算表，"
             "或含“三级指标/指标名称”“年度指标值”“实际完成值”“分值”“得分”的指标表")


def _read_template(names: list[str], grid, reader: _Reader, model: Model) -> Model:
    def sheet(spec: SheetSpec) -> list[str]:
        found = layout.find_sheet(names, spec)
        if not found and spec.required:
            reader.add(rules.SHEET_MISSING(None, sheet=spec.name, found="、".join(names) or "无"))
        chosen = [n for n in found if not layout.is_copy_of(n, found)] if spec.repeats else \
            sorted(found, key=lambda n: not layout.is_exact_sheet(n, spec))[:1]  # the exact name first
        for other in found:
            if other not in chosen:
                used = next((n for n in chosen if layout.is_copy_of(other, [n])), chosen[0])
                reader.add(rules.SHEET_CANDIDATES(Loc(other, 0, 0), sheet=spec.name, used=used, ignored=other))
        return chosen

    for name in sheet(layout.INFO):
        model.info = reader.info(name, grid(name)[0])
    model.info = model.info or Info(layout.INFO.name)  # missing (reported): empty, never None
    reader.money_unit = model.money_unit
    for spec, attr in ((layout.BUDGET, "budget"), (layout.ALLOCATION, "allocation"),
                       (layout.INDICATORS, "indicators"), (layout.SUMMARY, "summary")):
        for name in sheet(spec):
            rows, merged = grid(name)
            if spec.required or not _blank(rows):  # an optional sheet left blank is as good as absent
                setattr(model, attr, reader.table(name, rows, spec, merged))
    for name in sheet(layout.SURVEY):
        rows, merged = grid(name)
        survey = None if _blank(rows) else reader.survey(name, rows, merged)
        if survey is not None:
            model.surveys.append(survey)
    return model


class _Reader:
    def __init__(self, uncached: dict[str, dict[tuple[int, int], str]],
                 computed: dict[str, dict[tuple[int, int], object]]):
        self.uncached = uncached
        self.computed = computed
        self.unknown_sheets: set[str] = set()  # sheets with a formula the tool could not compute
        self.findings: list[Finding] = []
        self.money_unit = layout.DEFAULT_MONEY_UNIT

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    # --- cells --------------------------------------------------------------------------------

    def cell(self, sheet: str, row: int, col: int, raw: object, kind: CellKind) -> Cell:
        uncached = self.uncached.get(sheet)
        if uncached and (row, col) in uncached:
            from .recalc import Unknown  # (loaded with the formulas it computed)

            formula, loc = uncached[(row, col)] or "共享公式", Loc(sheet, row, col)
            raw = self.computed.get(sheet, {}).get((row, col), Unknown("公式引擎没有给出结果"))
            if isinstance(raw, Unknown):
                self.add(rules.FORMULA_NOT_COMPUTED(loc, formula=formula, why=raw.why))
                self.unknown_sheets.add(sheet)
                return Cell.at(UNKNOWN, sheet, row, col)
            self.add(rules.FORMULA_NO_CACHE(loc, formula=formula, value=f"{raw:g}" if type(raw) is float else raw))
        if raw is None or raw == "":
            return Cell.at(None, sheet, row, col)
        if kind not in NUMERIC_KINDS:
            return Cell.at((raw.strip() or None) if isinstance(raw, str) else raw, sheet, row, col)
        if type(raw) is float and kind not in RATIO_KINDS and math.isfinite(raw):  # the common case, fast
            return Cell.at(raw, sheet, row, col)
        loc = Loc(sheet, row, col)
        try:
            num = parse_number(raw)
        except NotANumber:
            self.add(rules.NOT_A_NUMBER(loc, text=clip(str(raw))))
            return Cell(str(raw), loc, text=str(raw))
        if num is None:
            return Cell(None, loc)
        value, text = num.value, (str(raw) if num.from_text else None)
        factors = layout.MONEY_UNIT_FACTORS
        if kind is CellKind.MONEY and num.unit in factors and num.unit != self.money_unit:
            value = value * factors[num.unit] / factors.get(self.money_unit, 1.0)
            self.add(rules.MONEY_UNIT_CONVERTED(loc, text=clip(str(raw)), unit=self.money_unit,
                                                value=f"{value:g}"))
        elif num.from_text:
            shown = f"{value:.{_decimals(num.step)}%}" if num.percent else f"{value:g}"
            self.add(rules.NUMBER_FROM_TEXT(loc, text=clip(str(raw)), value=shown))
        if kind in RATIO_KINDS:
            if not num.percent and PERCENT_WITHOUT_SIGN[0] < value <= PERCENT_WITHOUT_SIGN[1]:
                # 84.27 typed for 84.27%: a rate above 150% is far less likely than a missing sign
                # (a header that says (%) has said so already)
                value, step = value / 100, num.step / 100
                if kind is CellKind.RATIO:
                    self.add(rules.PERCENT_WITHOUT_SIGN(loc, text=clip(str(raw)), value=f"{value:.{_decimals(step)}%}"))
                return Cell(value, loc, min(step, 0.01), None, True)
            return Cell(value, loc, min(num.step, 0.01), text, True)  # at a whole percent at least: 0.9 is 90%
        return Cell(value, loc, num.step, text, num.percent)

    # --- 项目信息 ------------------------------------------------------------------------------

    def info(self, sheet: str, rows: list[list]) -> Info:
        by_name = {label_key(n): f for f in layout.INFO_FIELDS for n in f.names}
        info = Info(sheet)
        for r, values in enumerate(rows):
            for c, raw in enumerate(values):
                spec = by_name.get(label_key(raw)) if isinstance(raw, str) and len(raw) < 40 else None
                if spec is None or spec.key in info.fields:
                    continue
                info.end_row = max(info.end_row, r + 1)
                vc = c + 1  # two columns: label, value
                value = _at(values, vc)
                kind = spec.kind if spec.kind in (CellKind.NUMBER, CellKind.RATIO) else CellKind.TEXT
                cell = self.cell(sheet, r, vc, value, kind)
                if spec.kind is CellKind.YEAR and not cell.is_blank:
                    year = parse_year(cell.value)
                    cell = Cell(float(year) if year else cell.value, cell.loc, 1.0)
                info.fields[spec.key] = cell
                break
        return info

    # --- tables -------------------------------------------------------------------------------

    def header(self, sheet: str, rows: list[list], spec: SheetSpec,
               merged: list = ()) -> tuple[int, dict[str, int]] | None:
        by_name = {label_key(n): col for col in spec.columns for n in col.names}
        exact_names = {normalize(n): col.key for col in spec.columns for n in col.names}

        def hit(text: str) -> tuple[Column, bool] | None:
            """The column a header text names, and whether it is one of its exact labels."""
            col = by_name.get(label_key(text))
            return None if col is None else (col, exact_names.get(normalize(text)) == col.key)

        def match(r: int, two: bool) -> dict[str, list[tuple[bool, int, str]]]:
            """Labels found in a header of one row (r), or of two rows (r, r + 1: a merged 预算数
            over 年初/全年): key → every column that can be it, as (exact label, column, header text)."""
            found: dict[str, list[tuple[bool, int, str]]] = {}
            top, below = hits[r], hits[r + 1] if two else {}
            for c in sorted(top.keys() | below.keys()) if two else top:
                if c in top and c in below:  # 全年 under 预算数 reads 全年预算数
                    upper, lower = texts_of[r][c], texts_of[r + 1][c]
                    tried = ((upper + lower, hit(upper + lower)), (lower + upper, hit(lower + upper)),
                             (lower, below[c]), (upper, top[c]))
                    text, one = next(((t, h) for t, h in tried if h is not None), (None, None))
                else:
                    text, one = (texts_of[r][c], top[c]) if c in top else (texts_of[r + 1][c], below[c])
                if one is not None:
                    found.setdefault(one[0].key, []).append((one[1], c, text))
            return found

        best: tuple[int, int, dict] | None = None
        head = rows[:HEADER_SEARCH_ROWS + 1]
        width = max((len(v) for v in head), default=0)
        padded = [list(v) + [None] * (width - len(v)) for v in head]
        budget = len(padded) * width  # overlapping merges fill no more than the header rows hold
        for (r0, c0), (r1, c1) in merged:  # a merged header cell labels every column it spans
            budget -= max(min(r1, len(padded) - 1) - r0 + 1, 0) * max(min(c1, width - 1) - c0 + 1, 0)
            if budget < 0:
                break
            for r in range(r0, min(r1, len(padded) - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    if r == r0 and (r, c) != (r0, c0) and padded[r][c] in (None, ""):
                        padded[r][c] = padded[r0][c0]
        texts_of = [[v.strip() if isinstance(v, str) else "" for v in row] for row in padded]
        # Each row's texts, by column, with the column each names (None: none): asked once, not
        # once for every header of one row and of two rows it is a part of.
        hits = [{c: hit(t) for c, t in enumerate(row) if t} for row in texts_of]
        most = (sum(1 for col in spec.columns if col.required), len({col.key for col in spec.columns}))
        for r in range(min(len(padded), HEADER_SEARCH_ROWS)):
            for last, found in ((r, match(r, False)), (r + 1, match(r, True) if r + 1 < len(padded) else {})):
                required = sum(1 for col in spec.columns if col.required and col.key in found)
                if required and (best is None or (required, len(found)) > (best[0], len(best[2]))):
                    best = (required, last, found)
            if best is not None and (best[0], len(best[2])) == most:
                break  # every column found: no later header can be better (only a better one is taken)
        if best is None or len(best[2]) < 2:
            labels = "、".join(c.label for c in spec.columns if c.required)
            self.add(rules.HEADER_NOT_FOUND(Loc(sheet, 0, 0), sheet=sheet, rows=HEADER_SEARCH_ROWS,
                                            labels=labels))
            return None
        _, r, candidates = best
        found = {}
        for key, options in candidates.items():
            chosen = min(options, key=lambda o: (not o[0], o[1]))  # the exact label, else the leftmost
            found[key] = chosen[1]
            for other in options:
                if other is not chosen:
                    self.add(rules.COLUMN_CANDIDATES(
                        Loc(sheet, r, other[1]), sheet=sheet, label=spec.column(key).label, used=chosen[2],
                        used_cell=Loc(sheet, r, chosen[1]).cell, ignored=other[2], ignored_cell=Loc(sheet, r, other[1]).cell))
        seen = "、".join(str(v).strip() for v in rows[r] if isinstance(v, str) and v.strip())
        free = Loc(sheet, r, len(rows[r]) if r < len(rows) else 0)  # where a missing column would go
        for col in spec.columns:
            if col.required and col.key not in found:
                self.add(rules.COLUMN_MISSING(free, sheet=sheet, label=col.label, found=seen))
        return r, found

    def table(self, sheet: str, rows: list[list], spec: SheetSpec, merged: list = ()) -> Table | None:
        head = self.header(sheet, rows, spec, merged)
        if head is None:
            return None
        header_row, columns = head
        table = Table(sheet, header_row, columns)
        specs: dict[str, Column] = {c.key: c for c in spec.columns if c.key in columns}
        levels = [k for k, c in specs.items() if c.kind is CellKind.LEVEL]
        above: dict[str, Cell] = {}
        blocks = spec.key == layout.SURVEY.key  # a 合计 block spans several rows
        first_level = columns.get(levels[0]) if levels else None
        ended, total_label = False, ""
        plain: list[int] = []  # data rows of a table without hierarchy columns
        fast = [(k, columns[k], c.kind in NUMERIC_KINDS and c.kind is not CellKind.RATIO) for k, c in specs.items()]
        uncached = {r for r, _ in self.uncached.get(sheet, {})}
        simple = not levels and not blocks
        for r in range(header_row + 1, len(rows)):
            if ended:
                break
            values = rows[r]
            if simple and not total_label and _data_row(values):
                plain.append(r)  # a data row: the roster's case, decided first
                continue
            blanks = values.count("") + values.count(None)
            if blanks == len(values):
                continue
            own = ""
            for v in values:
                if type(v) is str and v:
                    own = v
                    break
            if simple and own and blanks < len(values) - 1 and not total_label and layout.is_plain_text(own):
                plain.append(r)  # a data row: the roster's case, decided first
                continue
            is_total = layout.is_total_word(own) if own else False
            if total_label:
                # After a final total only the rest of its block belongs to the table.
                if blocks and first_level is not None and _at(values, first_level) in (None, ""):
                    cells = self.cells(sheet, r, values, specs, columns)
                    table.totals.append(Row(r, cells, total_label))
                    continue
                ended = True
                continue
            marked = own and ("：" in own or ":" in own)  # every footer or note line has a colon: a cheap test first
            if marked and not is_total and layout.is_footer(own):
                ended = True  # 填表人：… 审核人：…: the table is over
                continue
            if own and not is_total and (blanks == len(values) - 1 or (marked and layout.is_note(own))):
                continue  # a note such as 注：… or 第1题20分，其余各题10分/题。
            if not levels and not is_total:
                plain.append(r)  # made into cells below, or kept by column when the table is long
                continue
            if r in uncached:
                cells = self.cells(sheet, r, values, specs, columns)
            else:
                cells = self.quick_cells(sheet, r, values, specs, fast)
            # Hierarchy columns: a blank (or merged) cell takes the value from above, but only
            # below the deepest level this row fills itself.
            own_levels = [not cells[k].is_blank for k in levels]
            for depth, key in enumerate(levels):
                if not own_levels[depth] and key in above and not any(own_levels[:depth]):
                    cells[key] = above[key]
            above.update({k: cells[k] for k in levels if not cells[k].is_blank})
            if not is_total:
                table.rows.append(Row(r, cells))
                continue
            table.totals.append(Row(r, cells, normalize(own)))
            if layout.is_total_word(own, layout.FINAL_TOTAL_WORDS):
                total_label = normalize(own)
        if len(plain) > COLUMNAR_ROWS and not blocks:
            table.columnar = self.columnar(sheet, rows, plain, specs, columns, uncached)
            table.rows = LazyRows(table.columnar)
        elif plain:
            table.rows = [Row(r, self.cells(sheet, r, rows[r], specs, columns) if r in uncached
                              else self.quick_cells(sheet, r, rows[r], specs, fast)) for r in plain]
        table.unknown = sheet in self.unknown_sheets
        return table

    def columnar(self, sheet: str, rows: list[list], index: list[int], specs: dict[str, Column],
                 columns: dict[str, int], uncached: set[int]) -> Columns:
        """A long roster's data rows column by column: one list per column, the plain values as
        read (a finite number, stripped text, None), every other cell made by `cell` as usual."""
        picked = [rows[r] for r in index]
        width = min(map(len, picked))
        values, special = {}, {}
        for key, spec in specs.items():
            col = columns[key]
            column = [v[col] for v in picked] if col < width else [_at(v, col) for v in picked]
            if spec.kind not in NUMERIC_KINDS:
                column = _stripped(column)
            else:  # only what is not a finite number stored as one goes the long way
                plain_number = spec.kind is not CellKind.RATIO
                odd = [] if plain_number and _finite_floats(column) else \
                    [i for i, v in enumerate(column) if not (plain_number and type(v) is float and v - v == 0)]
                for i in odd:
                    raw = column[i]
                    if raw is None or raw == "":
                        column[i] = None
                        continue
                    cell = self.cell(sheet, index[i], col, raw, spec.kind)
                    column[i] = cell.value
                    special[(i, key)] = cell
            values[key] = column
        for i in (i for i, r in enumerate(index) if r in uncached) if uncached else ():  # formulas without a cached value
            for key, spec in specs.items():
                cell = self.cell(sheet, index[i], columns[key], _at(rows[index[i]], columns[key]), spec.kind)
                values[key][i] = cell.value
                special[(i, key)] = cell
        return Columns(sheet, columns, index, values, special)

    def quick_cells(self, sheet: str, r: int, values: list, specs: dict[str, Column],
                    fast: list[tuple[str, int, bool]]) -> dict[str, Cell]:
        """The cells of a row, with the common cases (blank, a number, text) inline (a table longer
        than COLUMNAR_ROWS is read by `columnar` instead)."""
        cells = {}
        n = len(values)
        at = Cell.at
        for key, col, numeric in fast:
            raw = values[col] if col < n else None
            if raw is None or raw == "":
                cells[key] = at(None, sheet, r, col)
            elif numeric and type(raw) is float and raw - raw == 0:  # finite
                cells[key] = at(raw, sheet, r, col)
            elif not numeric and type(raw) is str and specs[key].kind is not CellKind.RATIO:
                cells[key] = at(raw.strip() or None, sheet, r, col)
            else:
                cells[key] = self.cell(sheet, r, col, raw, specs[key].kind)
        return cells

    def cells(self, sheet: str, r: int, values: list, specs: dict[str, Column],
              columns: dict[str, int]) -> dict[str, Cell]:
        return {k: self.cell(sheet, r, columns[k], _at(values, columns[k]), c.kind) for k, c in specs.items()}

    # --- 满意度问卷 ---------------------------------------------------------------------------

    def survey(self, sheet: str, rows: list[list], merged: list) -> Survey | None:
        table = self.table(sheet, rows, layout.SURVEY, merged)
        if table is None:
            return None
        title = next((str(v).strip() for values in rows[:table.header_row] for v in values
                      if isinstance(v, str) and v.strip()), "")
        kinds = {normalize(w): kind for kind, words in layout.SURVEY_ROW_KINDS.items() for w in words}
        opt_cols = [table.columns[f"opt_{o}"] for o in layout.OPTIONS if f"opt_{o}" in table.columns]
        spans = {r0: (c0, c1) for (r0, c0), (r1, c1) in merged if r0 == r1}
        survey = Survey(sheet, title, table)
        for row, into_total in [(r, False) for r in table.rows] + [(r, True) for r in table.totals]:
            kind = kinds.get(normalize(row.text(Key.ROW_KIND)))
            span = spans.get(row.index)
            typed = [k for k in (f"opt_{o}" for o in layout.OPTIONS) if row.get(k) is not None]
            if span and opt_cols and span[0] <= min(opt_cols) and span[1] >= max(opt_cols):
                # One value merged across A–E (the 合计 block's 得分 row): the block's score.
                row.cells[Key.QUESTION_SCORE] = row.cells.pop(Key.OPT_A, row.cells.get(Key.QUESTION_SCORE))
            elif into_total and kind == "points" and len(typed) == 1 and row.get(Key.QUESTION_SCORE) is None:
                # The seeds type the 合计 得分 once, in the first option column: the survey's score (spec v1.1).
                row.cells[Key.QUESTION_SCORE] = row.cells.pop(typed[0])
            if kind == "counts":
                if not into_total and all(row.get(f"opt_{o}") is None for o in layout.OPTIONS):
                    continue  # an unused block of the template
                text = row.cells.get(Key.QUESTION) or Cell(None, Loc(sheet, row.index, 0))
                q = Question(text, row)
                if into_total:
                    survey.total = q
                else:
                    survey.questions.append(q)
                continue
            current = survey.total if into_total else (survey.questions[-1] if survey.questions else None)
            if current is not None and kind in ("ratios", "points"):
                setattr(current, kind, row)
        return survey if survey.questions else None


def _data_row(values: list) -> bool:
    """What `table` asks first of a row of a table without levels or blocks: its first text is
    plain (no total word, footer or note) and it holds one more value at least. Told from the first
    values that tell it (a roster's row: its number and its name), not from counting its blanks."""
    own, other = "", False
    for v in values:
        if type(v) is str:
            if not v:
                continue
            if own:
                other = True
                break
            own = v
            if other:
                break
        elif v is not None:
            other = True
            if own:
                break
    return other and bool(own) and layout.is_plain_text(own)


def _stripped(column: list) -> list:
    """`[(v.strip() or None) if type(v) is str else v for v in column]`, at the speed of `map` when
    every value is text (as a roster's names, regions and notes are)."""
    try:
        out = list(map(str.strip, column))
    except TypeError:  # a number or a date among them
        return [(v.strip() or None) if type(v) is str else v for v in column]
    return [v or None for v in out] if "" in out else out


def _finite_floats(column: list) -> bool:
    """Whether every value is a finite float (a sum that is finite has no infinity or NaN in it)."""
    return set(map(type, column)) <= {float} and math.isfinite(sum(column))


def _blank(rows: list[list]) -> bool:
    return all(v is None or v == "" for row in rows for v in row)


def _at(values: list, col: int) -> object:
    return values[col] if col < len(values) else None


def _decimals(step: float) -> int:
    d = 0
    while step < 0.01 - 1e-12 and d < 8:
        step *= 10
        d += 1
    return d


