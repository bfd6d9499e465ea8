"""Formulas that carry no cached value (a file written by a script, never opened in Excel or WPS),
computed with the `formulas` engine. Imported only when a workbook has such cells."""

from __future__ import annotations

import contextlib
import io
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .model import col_letter
from .text import LazyPattern
from .triage import Source

MAX_SHEET_MB = 5.0  # sheets larger than this (decompressed) are not recalculated: their formulas are unknown


@dataclass(frozen=True)
class Unknown:
    """A formula the tool could not compute, and why (for the finding)."""

    why: str


def compute(source: Source, uncached: dict[str, dict[tuple[int, int], str]],
            sheet_mb: float) -> dict[str, dict[tuple[int, int], object]]:
    """Sheet → {(row, col): value or Unknown} for every formula cell in `uncached`. `sheet_mb`
    is the size of the sheets, to decline a workbook too large to recalculate quickly."""
    if sheet_mb > MAX_SHEET_MB:
        return _all(uncached, Unknown(f"工作表共 {sheet_mb:.0f} MB，超过自行计算的上限 {MAX_SHEET_MB:g} MB"))
    try:
        solution = _solve(source)
    except Exception as exc:  # noqa: BLE001 (the engine's own failures: every formula is then unknown)
        return _all(uncached, Unknown(f"公式引擎无法读取此文件：{type(exc).__name__}"))
    name = source.path.name.upper()
    out: dict[str, dict[tuple[int, int], object]] = {}
    for sheet, formulas in uncached.items():
        for (row, col), _ in formulas.items():
            key = f"'[{name}]{sheet.upper()}'!{col_letter(col)}{row + 1}"
            out.setdefault(sheet, {})[(row, col)] = _value(solution.get(key))
    return out


def _solve(source: Source) -> dict:
    import tempfile

    import formulas  # noqa: PLC0415 (heavy: only for workbooks that need it)

    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stderr(io.StringIO()):
        path = Path(folder) / source.path.name
        path.write_bytes(_unmerged(source))
        model = formulas.ExcelModel().loads(str(path)).finish(circular=True)
        solution = model.calculate()
    return {k.upper(): v for k, v in solution.items()}


_MERGES = LazyPattern(rb"<(\w+:)?mergeCells\b.*?</(\w+:)?mergeCells>|<(\w+:)?mergeCells\b[^>]*/>", re.S)


def _unmerged(source: Source) -> bytes:
    """The package without its merged areas: the engine fills every cell of a merge over its whole
    range (A1:A100000 is 100,000 cells to compile), and a merge changes no formula's value."""
    out = io.BytesIO()
    with source.open() as f, zipfile.ZipFile(f) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as w:
        for info in z.infolist():
            data = z.read(info)
            if info.filename.startswith("xl/worksheets/") and b"mergeCell" in data:
                data = _MERGES.sub(b"", data)
            w.writestr(info, data)
    return out.getvalue()


def _value(ranges) -> object:
    if ranges is None:
        return Unknown("公式引擎没有给出结果")
    value = getattr(ranges, "value", ranges)
    try:
        value = value[0][0] if hasattr(value, "__getitem__") and not isinstance(value, str) else value
    except (IndexError, TypeError):
        return Unknown("结果不是单个值")
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
    if isinstance(value, bool) or value is None:
        return Unknown("结果不是数字或文字")
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else Unknown("结果不是有限的数")
    text = str(value)
    if text.startswith("#"):  # #REF!, #NAME?, #DIV/0!, #VALUE!
        return Unknown(f"公式结果为 {text}")
    return text


def _all(uncached: dict[str, dict[tuple[int, int], str]], unknown: Unknown) -> dict:
    return {sheet: {cell: unknown for cell in formulas} for sheet, formulas in uncached.items()}
