"""`<原文件名>_已更正.xlsx`: the officer's own workbook back, with every derived cell set to the
value the check that flagged it computed (Finding.fixes: one source of truth, no second formula).

This module edits the package and writes it (`Book`: cells set in memory, formula caches that
depend on them recomputed; `write_corrected`); the rounds of fixing and checking again are the
step's (`fixing.py`). The copy is the marked copy's machinery (writer/marked.py): every part byte
for byte but the sheets with changes, the styles, the comments and the added 修改清单 sheet.
"""

from __future__ import annotations

import copy
import errno
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import alternates
from ..findings import Finding, Fix, Rule
from ..layout import CHANGES_SHEET
from ..model import Loc, col_index, col_letter
from ..ooxml import escape, sheet_parts, unescape
from ..result import Result
from ..vocab import FixKind
from .formats import FIXED_FILL
from .marked import Mark, Sheet, write_copy

if TYPE_CHECKING:
    from ..triage import Source

ZIP_FORMAT = "xlsx"  # the one format a corrected copy can be written in (the package edited in place)


@dataclass(frozen=True)
class Change:
    """One cell the corrected copy changed."""

    sheet: str
    cell: str
    was: str
    now: str
    rule: Rule
    formula: str = ""  # the formula written, when the cell holds one

    @property
    def why(self) -> str:
        return f"按{self.rule.fix_by}"

    @property
    def note(self) -> str:
        """The changed cell's comment."""
        return f"原为 {self.was}；{self.why}改为 {self.now}（{self.rule.code}）"

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(eq=False, repr=False)
class Correction:
    """What fixing one workbook did: the changes, the findings left for a person (those of the
    corrected workbook, checked again), and the corrected package (None when the format cannot
    be written back: `file_format` says which)."""

    path: Path
    kinds: frozenset[FixKind]
    changes: list[Change] = field(default_factory=list)
    left: list[Finding] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    source: Source | None = None  # the corrected package (a Source of its bytes), when it can be written
    file_format: str = ZIP_FORMAT
    written: Path | None = None
    asked: Path | None = None  # the name asked for (another is written when a file has it already)

    @property
    def possible(self) -> bool:
        """A corrected copy can be written (an .xlsx package; .xls and .ods cannot be)."""
        return self.source is not None

    @property
    def scores(self) -> bool:
        return FixKind.SCORE in self.kinds

    def sheet(self) -> Sheet:
        """The 修改清单 sheet: every change, then every finding left for a person."""
        rows: list[list[object]] = [["工作表", "单元格", "原值", "改为", "依据", "规则"]]
        rows += [[c.sheet, c.cell, c.was, c.now, c.why + (f"（公式 ={c.formula}）" if c.formula else ""), c.rule.code]
                 for c in self.changes]
        rows += [[], [f"留待人工处理的问题（{len(self.left)} 条）"], ["级别", "位置", "代码", "为何未改", "问题", "如何修改"]]
        rows += [[f.severity.value, str(f.loc) if f.loc else "", f.code, left_reason(f, self.kinds), f.message, f.hint]
                 for f in self.left]
        return Sheet(CHANGES_SHEET, rows, (14, 24, 10, 16, 60, 50))


def left_reason(f: Finding, kinds: frozenset[FixKind]) -> str:
    """Why a finding was left for a person."""
    if f.rule.fix is FixKind.SCORE and FixKind.SCORE not in kinds:
        return "得分：加 --scores 才改"
    if f.rule.fix is FixKind.NONE:
        return "需人工判断"
    return "公式无法自动改写"


def write_corrected(correction: Correction, path: Path) -> Path | None:
    """Write the corrected copy under `path`, or the first of its alternates no file has yet (an
    existing file is never written over); None when there is nothing to change (a second fix), or
    the package could not be copied."""
    if correction.source is None or not correction.changes:
        return None
    correction.asked = path
    free = next((p for p in [path, *alternates(path)] if not p.exists()), None)
    if free is None:  # said as any file that cannot be written: 已有同名的文件
        raise FileExistsError(errno.EEXIST, "exists", str(path))
    marks: dict[str, dict[str, Mark]] = {}
    for c in correction.changes:
        marks.setdefault(c.sheet, {})[c.cell] = Mark(FIXED_FILL, c.note)
    correction.written = write_copy(correction.source, free, marks, correction.sheet(), merge=True)
    return correction.written


# --- editing cells of the package ---------------------------------------------------------------

_HEAD = re.compile(rb"<c\b[^>]*>")
_T_ATTR = re.compile(rb'\st="([^"]*)"')
_S_ATTR = re.compile(rb'\ss="(\d+)"')
_F = re.compile(rb"<f\b([^>]*?)(?:/>|>(.*?)</f>)", re.S)
_V = re.compile(rb"<v>(.*?)</v>", re.S)
_T_TEXT = re.compile(rb"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)
_SI = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
_AFTER_CALC_PR = (b"<oleSize", b"<customWorkbookViews", b"<pivotCaches", b"<smartTagPr", b"<smartTagTypes",
                  b"<webPublishing", b"<fileRecoveryPr", b"<webPublishObjects", b"<extLst")
_FORMULA_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?<!/)>\s*<f\b([^>]*?)>(.*?)</f>', re.S)
_NUMBER_IN_TEXT = re.compile(r"-?\d+(?:\.\d+)?(%?)")


class Book:
    """The package's sheets as bytes, edited cell by cell in memory."""

    def __init__(self, data: bytes):
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.parts = sheet_parts(self.zip)
        self.sheets: dict[str, bytes] = {}  # the parts read so far (and edited)
        self.edited: set[str] = set()
        self._strings: list[str] | None = None
        self._numbers: dict[str, dict[str, float]] = {}
        self.stale = 0  # formulas that refer to a changed cell and could not be recomputed here

    def xml(self, sheet: str) -> bytes:
        part = self.parts[sheet]
        if part not in self.sheets:
            self.sheets[part] = self.zip.read(part)
        return self.sheets[part]

    def _find(self, sheet: str, ref: str) -> re.Match | None:
        if sheet not in self.parts:
            return None
        pattern = rb'<c\b[^>]*?\br="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)'
        return re.search(pattern, self.xml(sheet), re.S)

    def element(self, sheet: str, ref: str) -> bytes:
        m = self._find(sheet, ref)
        return m[0] if m else b""

    def strings(self) -> list[str]:
        if self._strings is None:
            try:
                xml = self.zip.read("xl/sharedStrings.xml")
            except KeyError:
                xml = b""
            self._strings = ["".join(unescape((t or b"").decode("utf-8", "replace")) for t in _T_TEXT.findall(si or b""))
                             for si in _SI.findall(xml)]
        return self._strings

    def text_of(self, element: bytes) -> str | None:
        """The text a cell holds (None for a number or a blank)."""
        head = _HEAD.match(element)[0]
        t = _T_ATTR.search(head)
        kind = t[1] if t else b"n"
        body = element[len(head):]
        if kind == b"s":
            v = _V.search(body)
            strings = self.strings()
            i = int(v[1]) if v and v[1].strip().isdigit() else -1
            return strings[i] if 0 <= i < len(strings) else None
        if kind == b"inlineStr":
            return "".join(unescape((t or b"").decode("utf-8", "replace")) for t in _T_TEXT.findall(body))
        if kind == b"str":
            v = _V.search(body)
            return unescape(v[1].decode("utf-8", "replace")) if v else ""
        return None

    def shown(self, element: bytes) -> str:
        if not element:
            return ""
        text = self.text_of(element)
        if text is not None:
            return text
        v = _V.search(element)
        if not v:
            return ""
        try:
            return f"{float(v[1]):g}"
        except ValueError:
            return v[1].decode("utf-8", "replace")

    def set(self, fix: Fix) -> str | None:
        """Write the fix into its cell; the formula written ("" for a value), or None when the
        cell cannot be written (none there, a shared or array formula, a formula with no sum)."""
        m = self._find(fix.loc.sheet, fix.loc.cell)
        if m is None:
            return None
        element = m[0]
        head = _HEAD.match(element)[0]
        style = _S_ATTR.search(head)
        s = f' s="{style[1].decode()}"' if style else ""
        ref = fix.loc.cell
        f = _F.search(element[len(head):])
        formula = ""
        if f is not None:
            if _T_ATTR.search(f[1]) or not fix.summed or isinstance(fix.value, str):
                return None  # a shared or array formula, or one whose right form is not a sum
            formula = sum_formula(fix.loc.sheet, fix.summed)
            new = f'<c r="{ref}"{s}><f>{escape(formula)}</f><v>{_num(fix.value)}</v></c>'
        elif isinstance(fix.value, str):
            new = f'<c r="{ref}"{s} t="inlineStr"><is><t>{escape(fix.value)}</t></is></c>'
        else:
            text = self.text_of(element)
            written = _in_text(text, fix.value) if text else None
            if written is not None:
                new = f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(written)}</t></is></c>'
            else:
                new = f'<c r="{ref}"{s}><v>{_num(fix.value)}</v></c>'
        if new.encode() == element:
            return None
        self._replace(fix.loc.sheet, m, new.encode())
        return formula

    def _replace(self, sheet: str, m: re.Match, new: bytes) -> None:
        part = self.parts[sheet]
        xml = self.sheets[part]
        self.sheets[part] = xml[:m.start()] + new + xml[m.end():]
        self.edited.add(part)
        self._numbers.pop(sheet, None)

    # --- formulas that depend on a changed cell ---

    def numbers(self, sheet: str) -> dict[str, float]:
        if sheet not in self._numbers:
            out = {}
            if sheet in self.parts:
                for m in re.finditer(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:/>|>(.*?)</c>)', self.xml(sheet), re.S):
                    body = m[2] or b""
                    head = _HEAD.match(m[0])[0]
                    t = _T_ATTR.search(head)
                    v = _V.search(body)
                    if v and (t is None or t[1] == b"n"):
                        try:
                            out[m[1].decode()] = float(v[1])
                        except ValueError:
                            pass
            self._numbers[sheet] = out
        return self._numbers[sheet]

    def recalculate(self, changed: list[tuple[str, str]]) -> None:
        """Formula cells that refer to a changed cell (at any remove) get their cached value
        recomputed, where the formula is arithmetic and SUM over cells."""
        formulas = []  # (sheet, ref, text, refs)
        for sheet, part in self.parts.items():
            if part not in self.zip.namelist():
                continue
            xml = self.xml(sheet)
            if b"<f" not in xml:
                continue
            for m in _FORMULA_CELL.finditer(xml):
                if _T_ATTR.search(m[2]):
                    continue
                text = unescape(m[3].decode("utf-8", "replace"))
                formulas.append((sheet, m[1].decode(), text, _references(sheet, text)))
        dirty = {(s, r) for s, r in changed}
        for _ in range(len(formulas) + 1):
            grew = False
            for sheet, ref, text, refs in formulas:
                if (sheet, ref) in dirty or refs is None or not any(_covers(x, d) for x in refs for d in dirty):
                    continue
                value = self._evaluate(sheet, text)
                if value is not None:
                    self._cache(sheet, ref, value)
                else:
                    self.stale += 1
                dirty.add((sheet, ref))
                grew = True
            if not grew:
                break

    def _evaluate(self, sheet: str, text: str) -> float | None:
        out, pos = [], 0
        for m in _TOKEN.finditer(text):
            if m.start() != pos:
                return None
            pos = m.end()
            if m["ref"]:
                where = _sheet_name(m) or sheet
                if m["c1"]:
                    out.append(repr(self._range(where, m["c0"], int(m["r0"]), m["c1"], int(m["r1"]))))
                else:
                    out.append(repr(self.numbers(where).get(f"{m['c0']}{m['r0']}", 0.0)))
            elif m["sum"]:
                out.append("_sum(")
            else:
                out.append(m[0])
        if pos != len(text):
            return None
        try:
            value = eval("".join(out), {"__builtins__": {}, "_sum": _sum})  # noqa: S307 (only numbers, operators, _sum)
        except (SyntaxError, ZeroDivisionError, TypeError, ValueError, OverflowError):
            return None
        return float(value) if isinstance(value, (int, float)) else None

    def _range(self, sheet: str, c0: str, r0: int, c1: str, r1: int) -> list[float]:
        a, b = sorted((col_index(c0), col_index(c1)))
        r0, r1 = sorted((r0, r1))
        return [v for ref, v in self.numbers(sheet).items() if a <= col_index(_letters(ref)) <= b
                and r0 <= int(ref[len(_letters(ref)):]) <= r1]

    def _cache(self, sheet: str, ref: str, value: float) -> None:
        m = self._find(sheet, ref)
        if m is None:
            return
        element = m[0]
        head = _HEAD.match(element)[0]
        body = element[len(head):]
        new_head = _T_ATTR.sub(b"", head)
        v = b"<v>" + _num(value).encode() + b"</v>"
        body = _V.sub(lambda _: v, body, count=1) if _V.search(body) else body.replace(b"</c>", v + b"</c>", 1)
        if new_head + body != element:
            self._replace(sheet, m, new_head + body)

    def calculate_on_opening(self) -> None:
        """Ask Excel and WPS to recompute every formula when the copy is opened (`fullCalcOnLoad`):
        for the formulas whose cached values this could not recompute."""
        name = "xl/workbook.xml"
        xml = self.sheets.get(name) or self.zip.read(name)
        m = re.search(rb"<calcPr\b[^>]*?/?>", xml)
        if m is None:  # in its place: before whatever the schema puts after it
            later = [i for i in (xml.find(t) for t in _AFTER_CALC_PR) if i >= 0]
            at = min(later) if later else xml.rindex(b"</workbook>")
            new = xml[:at] + b'<calcPr fullCalcOnLoad="1"/>' + xml[at:]
        elif b"fullCalcOnLoad" in m[0]:
            new = xml[:m.start()] + re.sub(rb'fullCalcOnLoad="[^"]*"', b'fullCalcOnLoad="1"', m[0]) + xml[m.end():]
        else:
            new = xml[:m.start()] + m[0].replace(b"<calcPr", b'<calcPr fullCalcOnLoad="1"', 1) + xml[m.end():]
        self.sheets[name] = new
        self.edited.add(name)

    def package(self) -> bytes:
        """The package with the edited sheets; every other member as it was."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in self.zip.infolist():
                data = self.sheets[info.filename] if info.filename in self.edited else self.zip.read(info)
                # (a copy of the entry: writing one records its offset in the new archive on it)
                w.writestr(copy.copy(info), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        return out.getvalue()


def sum_formula(sheet: str, locs: tuple[Loc, ...]) -> str:
    """`SUM(E3:E6,E8)` over the cells (contiguous runs of a column as ranges); another sheet's
    cells with its name (`SUM('绩效指标'!G5:G9)`)."""
    runs: list[str] = []
    by_col: dict[tuple[str, int], list[int]] = {}
    for loc in sorted(set(locs), key=lambda x: (x.sheet, x.col, x.row)):
        by_col.setdefault((loc.sheet, loc.col), []).append(loc.row)
    for (where, col), rows in by_col.items():
        prefix = "" if where == sheet else "'" + where.replace("'", "''") + "'!"
        letter = col_letter(col)
        start = prev = rows[0]
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            runs.append(f"{prefix}{letter}{start + 1}" + (f":{letter}{prev + 1}" if prev != start else ""))
            if r is not None:
                start = prev = r
    return f"SUM({','.join(runs)})"


_TOKEN = re.compile(
    r"(?P<ref>(?:(?:'(?P<q>(?:[^']|'')+)'|(?P<bare>[^\s'!():,+\-*/^&=<>\"]+))!)?"
    r"\$?(?P<c0>[A-Z]{1,3})\$?(?P<r0>\d+)(?::\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+))?(?![\w(]))"
    r"|(?P<sum>SUM\()|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[-+*/(),\s]")


def _sheet_name(m: re.Match) -> str | None:
    if m["q"]:
        return m["q"].replace("''", "'")
    return m["bare"]


def _references(sheet: str, text: str) -> list[tuple] | None:
    """The cells and ranges a formula refers to: (sheet, col0, row0, col1, row1), 1-based."""
    refs = []
    for m in _TOKEN.finditer(text):
        if m["ref"]:
            c0, r0 = col_index(m["c0"]), int(m["r0"])
            c1, r1 = (col_index(m["c1"]), int(m["r1"])) if m["c1"] else (c0, r0)
            refs.append((_sheet_name(m) or sheet, min(c0, c1), min(r0, r1), max(c0, c1), max(r0, r1)))
    return refs


def _covers(ref: tuple, cell: tuple[str, str]) -> bool:
    sheet, c0, r0, c1, r1 = ref
    if sheet != cell[0]:
        return False
    letters = _letters(cell[1])
    col, row = col_index(letters), int(cell[1][len(letters):])
    return c0 <= col <= c1 and r0 <= row <= r1


def _letters(ref: str) -> str:
    i = 0
    while i < len(ref) and ref[i].isalpha():
        i += 1
    return ref[:i]


def _sum(*args) -> float:
    total = 0.0
    for a in args:
        total += sum(a) if isinstance(a, list) else a
    return total


def _num(value: float) -> str:
    return format(float(value), ".15g")


def _in_text(text: str, value: float) -> str | None:
    """`97.47%` → `96.86%`, `306.55万元` → `306.54万元`: the number a text cell holds, replaced with
    `value` (a fraction for a percent) at its own decimals (two at least); None when it holds none."""
    m = _NUMBER_IN_TEXT.search(text)
    if m is None:
        return None
    typed = m[0].rstrip("%")
    places = max(len(typed.split(".")[1]) if "." in typed else 0, 2)
    number = value * 100 if m[1] else value
    return text[:m.start()] + f"{number:.{places}f}{m[1]}" + text[m.end():]


__all__ = ["Book", "Change", "Correction", "ZIP_FORMAT", "sum_formula", "write_corrected"]
