"""Workbook → model, following the reading rules of template v1.

Cell values come from python-calamine (fast to import and to read); calamine does not say which
cells hold formulas, so the sheet XML is scanned once for formulas that have no cached value.
"""

from __future__ import annotations

import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from . import layout, rules
from .findings import Finding
from .layout import Column, SheetSpec, normalize
from .model import Cell, Info, Loc, Model, Question, Row, Survey, Table
from .ooxml import ZIP_ERRORS, sheet_parts, unescape
from .parse import NotANumber, parse_number, parse_year

HEADER_SEARCH_ROWS = 30
NUMERIC_KINDS = ("money", "number", "ratio")


class ReadError(Exception):
    """The file could not be read at all (not a workbook, corrupt, encrypted)."""


@dataclass
class Reading:
    model: Model
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class Limits:
    """What a workbook may be before it is read at all. Each can be raised by an environment
    variable for an office whose rosters are larger (a refusal message names it)."""

    max_unzipped_mb: float = 200  # the parts together, decompressed
    max_ratio: float = 200  # compressed : decompressed, for a part over 10 MB
    max_rows: int = 300_000  # per sheet
    max_cols: int = 500

    @classmethod
    def from_env(cls) -> Limits:
        def env(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, default))
            except ValueError:
                return default

        return cls(env("EXCEL_EVAL_MAX_UNZIPPED_MB", cls.max_unzipped_mb), env("EXCEL_EVAL_MAX_RATIO", cls.max_ratio),
                   int(env("EXCEL_EVAL_MAX_ROWS", cls.max_rows)), int(env("EXCEL_EVAL_MAX_COLS", cls.max_cols)))


ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def triage(path: Path, limits: Limits) -> None:
    """Recognise the file by its content, not its extension, and refuse what would be unsafe to
    decompress or parse; raise ReadError with the reason."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise ReadError(f"无法打开文件：{exc.strerror or exc}") from exc
    if not head:
        raise ReadError("文件是空的（0 字节）")
    if head.startswith(OLE2_MAGIC):
        if _encrypted(path):
            raise ReadError("文件已加密，请取消密码后重试")
        return  # a legacy .xls: calamine reads it
    if not head.startswith(ZIP_MAGIC):
        raise ReadError("不是 Excel 工作簿（请另存为 .xlsx 后重试）")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "xl/workbook.xml" in names:
                _check_package(z, limits)
    except ReadError:
        raise
    except ZIP_ERRORS as exc:
        raise ReadError("文件已损坏（压缩包不完整），请重新保存或重新获取该文件") from exc
    if "xl/workbook.xml" not in names:
        kind = "Word 文档" if "word/document.xml" in names else "PowerPoint 文稿" if "ppt/presentation.xml" in names \
            else "其他压缩文件"
        raise ReadError(f"不是 Excel 工作簿（内容是{kind}，可能只是改了扩展名）")


UNSAFE = "文件内容损坏或不安全"
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def _check_package(z: zipfile.ZipFile, limits: Limits) -> None:
    """Declared sizes and ratios before anything is decompressed; no XML entity declarations
    (billion laughs); sheet dimensions within the row and column caps."""
    infos = z.infolist()
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_mb * 1e6:
        raise ReadError(f"{UNSAFE}：解压后达 {total / 1e6:.0f} MB，超过上限 {limits.max_unzipped_mb:g} MB"
                        "（如确为大表，可设置环境变量 EXCEL_EVAL_MAX_UNZIPPED_MB 提高上限）")
    for i in infos:
        if i.file_size > 10e6 and i.file_size > limits.max_ratio * max(i.compress_size, 1):
            raise ReadError(f"{UNSAFE}：{i.filename} 压缩比异常（{i.file_size / max(i.compress_size, 1):.0f}:1），"
                            "疑似压缩炸弹")
    for i in infos:
        if not i.filename.endswith((".xml", ".rels")):
            continue
        with z.open(i) as f:
            head = f.read(4096)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ReadError(f"{UNSAFE}：{i.filename} 含有 XML 实体声明，已拒绝读取")
        m = _DIMENSION.search(head) if i.filename.startswith("xl/worksheets/") else None
        if m and (int(m[2]) > limits.max_rows or _col_index(m[1].decode()) > limits.max_cols):
            raise ReadError(_too_big(int(m[2]), _col_index(m[1].decode()), limits))


def _too_big(rows: int, cols: int, limits: Limits) -> str:
    return (f"工作表过大（{rows} 行 × {cols} 列），超过上限 {limits.max_rows} 行 / {limits.max_cols} 列"
            "（如确需处理，可设置环境变量 EXCEL_EVAL_MAX_ROWS 提高上限）")


def _encrypted(path: Path) -> bool:
    try:
        import msoffcrypto

        with open(path, "rb") as f:
            return bool(msoffcrypto.OfficeFile(f).is_encrypted())
    except Exception:  # noqa: BLE001 (an OLE2 file msoffcrypto cannot parse is not an encrypted workbook)
        return False


def read_workbook(path: str | Path, limits: Limits | None = None) -> Reading:
    path = Path(path)
    limits = limits or Limits.from_env()
    triage(path, limits)
    from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum  # noqa: PLC0415

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
    except (CalamineError, OSError, ValueError) as exc:
        raise ReadError(f"{UNSAFE}，无法读取（{exc}）") from exc
    reader = _Reader(path, names, _uncached_formulas(path, names))
    model = Model(str(path), sheet_names=names)

    def sheet(spec: SheetSpec) -> list[str]:
        found = layout.find_sheet(names, spec)
        if not found and spec.required:
            reader.add(rules.SHEET_MISSING(None, sheet=spec.name, found="、".join(names) or "无"))
        return found if spec.repeats else found[:1]

    hidden = {m.name for m in book.sheets_metadata if str(m.visible) != str(SheetVisibleEnum.Visible)}

    def grid(name: str) -> list[list]:
        try:
            ws = book.get_sheet_by_name(name)
            if ws.height > limits.max_rows or ws.width > limits.max_cols:
                raise ReadError(_too_big(ws.height, ws.width, limits))
            if name in hidden:
                reader.add(rules.HIDDEN_SHEET(Loc(name, 0, 0), sheet=name))
            return ws.to_python(skip_empty_area=False), ws.merged_cell_ranges or []
        except (CalamineError, ValueError) as exc:
            raise ReadError(f"{UNSAFE}，无法读取工作表“{name}”（{exc}）") from exc

    for name in sheet(layout.INFO):
        model.info = reader.info(name, grid(name)[0])
    model.info = model.info or Info(layout.INFO.name)  # missing (reported): empty, never None
    reader.money_unit = model.money_unit
    for spec, attr in ((layout.BUDGET, "budget"), (layout.ALLOCATION, "allocation"),
                       (layout.INDICATORS, "indicators"), (layout.SUMMARY, "summary")):
        for name in sheet(spec):
            rows, merged = grid(name)
            setattr(model, attr, reader.table(name, rows, spec, merged))
    for name in sheet(layout.SURVEY):
        survey = reader.survey(name, *grid(name))
        if survey is not None:
            model.surveys.append(survey)
    return Reading(model, reader.findings)


class _Reader:
    def __init__(self, path: Path, names: list[str], uncached: dict[str, dict[str, str]]):
        self.path = path
        self.names = names
        self.uncached = uncached
        self.findings: list[Finding] = []
        self.money_unit = "万元"

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    # --- cells --------------------------------------------------------------------------------

    def cell(self, sheet: str, row: int, col: int, raw: object, kind: str) -> Cell:
        uncached = self.uncached.get(sheet)
        if uncached and (row, col) in uncached:
            self.add(rules.FORMULA_NO_CACHE(Loc(sheet, row, col), formula=uncached[(row, col)] or "共享公式"))
            return Cell.at(None, sheet, row, col)
        if raw is None or raw == "":
            return Cell.at(None, sheet, row, col)
        if kind not in NUMERIC_KINDS:
            return Cell.at((raw.strip() or None) if isinstance(raw, str) else raw, sheet, row, col)
        if type(raw) is float and kind != "ratio" and math.isfinite(raw):  # the common case, fast
            return Cell.at(raw, sheet, row, col)
        loc = Loc(sheet, row, col)
        try:
            num = parse_number(raw)
        except NotANumber:
            self.add(rules.NOT_A_NUMBER(loc, text=_clip(raw)))
            return Cell(str(raw), loc, text=str(raw))
        if num is None:
            return Cell(None, loc)
        value, text = num.value, (str(raw) if num.from_text else None)
        if kind == "money" and num.unit in ("万元", "元") and num.unit != self.money_unit:
            value = value * 10000 if num.unit == "万元" else value / 10000
            self.add(rules.MONEY_UNIT_CONVERTED(loc, text=_clip(raw), unit=self.money_unit,
                                                value=f"{value:g}"))
        elif num.from_text:
            shown = f"{value:.{_decimals(num.step)}%}" if num.percent else f"{value:g}"
            self.add(rules.NUMBER_FROM_TEXT(loc, text=_clip(raw), value=shown))
        if kind == "ratio":  # a ratio is read at a whole percent at least: 0.9 means 90%
            return Cell(value, loc, min(num.step, 0.01), text, True)
        return Cell(value, loc, num.step, text, num.percent)

    # --- 项目信息 ------------------------------------------------------------------------------

    def info(self, sheet: str, rows: list[list]) -> Info:
        by_name = {normalize(n): f for f in layout.INFO_FIELDS for n in f.names}
        info = Info(sheet)
        for r, values in enumerate(rows):
            for c, raw in enumerate(values):
                spec = by_name.get(normalize(raw)) if isinstance(raw, str) else None
                if spec is None or spec.key in info.fields:
                    continue
                vc = c + 1  # two columns: label, value
                value = _at(values, vc)
                kind = {"number": "number", "ratio": "ratio"}.get(spec.kind, "text")
                cell = self.cell(sheet, r, vc, value, kind)
                if spec.kind == "year" and not cell.is_blank:
                    year = parse_year(cell.value)
                    cell = Cell(float(year) if year else cell.value, cell.loc, 1.0)
                info.fields[spec.key] = cell
                break
        return info

    # --- tables -------------------------------------------------------------------------------

    def header(self, sheet: str, rows: list[list], spec: SheetSpec,
               merged: list = ()) -> tuple[int, dict[str, int]] | None:
        by_name = {normalize(n): col for col in spec.columns for n in col.names}

        def match(cells: list[list[object]]) -> dict[str, int]:
            """Labels found in a header of one row, or of two rows (a merged 预算数 over 年初/全年)."""
            found: dict[str, int] = {}
            for c, stack in enumerate(zip(*cells)):
                texts = [normalize(v) for v in stack if isinstance(v, str) and v.strip()]
                if len(texts) > 1:  # 全年 under 预算数 reads 全年预算数
                    texts = ["".join(texts), "".join(reversed(texts)), *reversed(texts)]
                for text in texts:
                    col = by_name.get(text)
                    if col is not None and col.key not in found:
                        found[col.key] = c
                        break
            return found

        best: tuple[int, int, dict[str, int]] | None = None
        head = rows[:HEADER_SEARCH_ROWS + 1]
        width = max((len(v) for v in head), default=0)
        padded = [list(v) + [None] * (width - len(v)) for v in head]
        for (r0, c0), (r1, c1) in merged:  # a merged header cell labels every column it spans
            for r in range(r0, min(r1, len(padded) - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    if r == r0 and (r, c) != (r0, c0) and padded[r][c] in (None, ""):
                        padded[r][c] = padded[r0][c0]
        for r in range(min(len(padded), HEADER_SEARCH_ROWS)):
            for last, found in ((r, match([padded[r]])),
                                (r + 1, match(padded[r:r + 2]) if r + 1 < len(padded) else {})):
                required = sum(1 for col in spec.columns if col.required and col.key in found)
                if required and (best is None or (required, len(found)) > (best[0], len(best[2]))):
                    best = (required, last, found)
        if best is None or len(best[2]) < 2:
            labels = "、".join(c.label for c in spec.columns if c.required)
            self.add(rules.HEADER_NOT_FOUND(Loc(sheet, 0, 0), sheet=sheet, rows=HEADER_SEARCH_ROWS,
                                            labels=labels))
            return None
        _, r, found = best
        seen = "、".join(str(v).strip() for v in rows[r] if isinstance(v, str) and v.strip())
        for col in spec.columns:
            if col.required and col.key not in found:
                self.add(rules.COLUMN_MISSING(Loc(sheet, r, 0), sheet=sheet, label=col.label, found=seen))
        return r, found

    def table(self, sheet: str, rows: list[list], spec: SheetSpec, merged: list = ()) -> Table | None:
        head = self.header(sheet, rows, spec, merged)
        if head is None:
            return None
        header_row, columns = head
        table = Table(sheet, header_row, columns)
        specs: dict[str, Column] = {c.key: c for c in spec.columns if c.key in columns}
        levels = [k for k, c in specs.items() if c.kind == "level"]
        above: dict[str, Cell] = {}
        blocks = spec.key == layout.SURVEY.key  # a 合计 block spans several rows
        first_level = columns.get(levels[0]) if levels else None
        ended, total_label = False, ""
        fast = [(k, columns[k], c.kind in NUMERIC_KINDS and c.kind != "ratio") for k, c in specs.items()]
        uncached = {r for r, _ in self.uncached.get(sheet, {})}
        for r in range(header_row + 1, len(rows)):
            values = rows[r]
            blanks = values.count("") + values.count(None)
            if blanks == len(values) or ended:
                continue
            own = next((v for v in values if type(v) is str and v), "")
            is_total = layout.is_total_word(own) if own else False
            if total_label:
                # After a final total only the rest of its block belongs to the table.
                if blocks and first_level is not None and _at(values, first_level) in (None, ""):
                    cells = self.cells(sheet, r, values, specs, columns)
                    table.totals.append(Row(r, cells, total_label))
                    continue
                ended = True
                continue
            if blanks == len(values) - 1 and own and not is_total:
                continue  # a note such as 注：… or 第1题20分，其余各题10分/题。
            if levels or r in uncached:
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
        return table

    def quick_cells(self, sheet: str, r: int, values: list, specs: dict[str, Column],
                    fast: list[tuple[str, int, bool]]) -> dict[str, Cell]:
        """The cells of a row, with the common cases (blank, a number, text) inline: a roster of
        100,000 rows goes through here a million times."""
        cells = {}
        n = len(values)
        at = Cell.at
        for key, col, numeric in fast:
            raw = values[col] if col < n else None
            if raw is None or raw == "":
                cells[key] = at(None, sheet, r, col)
            elif numeric and type(raw) is float and raw - raw == 0:  # finite
                cells[key] = at(raw, sheet, r, col)
            elif not numeric and type(raw) is str and specs[key].kind != "ratio":
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
            kind = kinds.get(normalize(row.text("row_kind")))
            span = spans.get(row.index)
            if span and opt_cols and span[0] <= min(opt_cols) and span[1] >= max(opt_cols):
                # One value merged across A–E (the 合计 block's 得分 row): the block's score.
                row.cells["question_score"] = row.cells.pop("opt_A", row.cells.get("question_score"))
            if kind == "counts":
                if not into_total and all(row.get(f"opt_{o}") is None for o in layout.OPTIONS):
                    continue  # an unused block of the template
                text = row.cells.get("question") or Cell(None, Loc(sheet, row.index, 0))
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


def _at(values: list, col: int) -> object:
    return values[col] if col < len(values) else None


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _clip(raw: object, n: int = 40) -> str:
    s = str(raw)
    return s if len(s) <= n else s[: n - 1] + "…"


def _decimals(step: float) -> int:
    d = 0
    while step < 0.01 - 1e-12 and d < 8:
        step *= 10
        d += 1
    return d


# --- formulas without cached values -------------------------------------------------------------

_FORMULA_START = re.compile(rb"<f[ >/]")
_FORMULA = re.compile(rb"<f[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v>(.+?)</v>", re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')


def _uncached_formulas(path: Path, names: list[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet → {(row, col): formula} for formula cells that hold no cached value (zip workbooks
    only). Only the cells around each `<f` are looked at, so a large sheet costs one scan."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = sheet_parts(z)
            out: dict[str, dict[tuple[int, int], str]] = {}
            for name in names:
                part = parts.get(name)
                if part is None or part not in z.namelist():
                    continue
                data = z.read(part)
                cells = {}
                for m in _FORMULA_START.finditer(data):
                    start = data.rfind(b"<c ", 0, m.start())
                    end = data.find(b"</c>", m.start())
                    if start < 0 or end < 0:
                        continue
                    tag_end = data.find(b">", start)
                    head, body = data[start:tag_end + 1], data[tag_end + 1:end]
                    if _VALUE.search(body) or (b't="str"' in head and b"<v>" in body):
                        continue
                    ref = _REF.search(head)
                    f = _FORMULA.search(body)
                    if ref and f is not None:
                        key = (int(ref[2]) - 1, _col_index(ref[1].decode()) - 1)
                        cells[key] = "=" + unescape((f[1] or b"").decode("utf-8", "replace"))
                if cells:
                    out[name] = cells
            return out
    except (*ZIP_ERRORS, ElementTree.ParseError):
        return {}  # the package is damaged there; calamine says so when it reads it
