"""A zip package read inside limits it cannot lie about, before any reader sees it.

Every part is inflated here and its bytes counted as they come: a part whose header declares
less than it holds is caught at the first byte too many, never believed. Each sheet's cell area
is taken from its own `<row>` and `<c>` tags, not from `<dimension>`: the cell reader makes a grid
from A1 to the farthest cell holding a value, so one cell at XFD1048576 asks for 512 GB. What a
reader would trust to allocate or to decode (a shared-strings count, an encoding declaration) is
checked against what the part holds; when it is wrong the package is rebuilt in memory with it
corrected, and every reader reads that copy (the file itself is never changed).
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from .model import col_index, col_letter
from .ooxml import Formulas
from .errors import Refusal
from .text import LazyPattern
from .vocab import ExitCode, Failure

if TYPE_CHECKING:
    from .triage import Limits

UNSAFE = "文件内容损坏或不安全"
CHUNK = 1 << 20  # inflated bytes looked at in one go
_READ = 1 << 16


class ReadError(Refusal):
    """The file could not be read at all. `kind` says why; the message says it in Chinese."""

    code = ExitCode.UNREADABLE

    def __init__(self, kind: Failure, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(eq=False, repr=False)
class Area:
    """The farthest row and column (1-based) of the cells of a sheet that may hold a value."""

    rows: int = 0
    cols: int = 0

    @property
    def cells(self) -> int:
        return self.rows * self.cols

    @property
    def corner(self) -> str:
        return f"{col_letter(max(self.cols, 1) - 1)}{max(self.rows, 1)}"


@dataclass(eq=False, repr=False)
class Inspection:
    """What the package holds: each sheet part's area, and the parts to correct before reading."""

    areas: dict[str, Area] = field(default_factory=dict)
    fixes: dict[str, str] = field(default_factory=dict)  # part → what is corrected (for tests and logs)
    formulas: dict[tuple[str, int, int], dict[tuple[int, int], str]] = field(default_factory=dict)  # `ooxml.Formulas`
    clean: set[tuple[str, int, int]] = field(default_factory=set)  # parts too large to parse found `Clean`: `known_clean`
    _edits: dict = field(default_factory=dict, repr=False)  # part → bytes → bytes


def inspect(file: BinaryIO, z: zipfile.ZipFile, limits: Limits, sheet_names: dict[str, str], ods: bool = False) -> Inspection:
    """Inflate every part once, counting its bytes; measure the sheet parts (`sheet_names`: part →
    sheet name, for messages; an OpenDocument package's tables in content.xml); raise ReadError
    for what cannot be read safely."""
    found = Inspection()
    budget = [int(limits.max_unzipped_mb * 1e6)]
    strings, sheet_bytes = None, 0
    for info in z.infolist():
        if info.is_dir():
            continue
        name = info.filename
        sheet = sheet_names.get(name)
        xml = name.endswith((".xml", ".rels", ".vml")) or sheet is not None  # a sheet is read as XML, whatever its name
        cells = _Cells(limits, exact=False) if sheet is not None else None
        tables = _Tables(limits) if ods and name == "content.xml" else None
        formulas = Formulas() if sheet is not None else None  # found here, so that the reader need not inflate it again
        clean = Clean() if needs_looking_at(info) else None  # and here, so that the marked copy need not either
        head, shared, forbidden, raw = b"", 0, False, []
        for text in _texts(file, info, limits, budget, raw) if xml else _inflate(file, info, limits, budget):
            if not xml:
                continue
            if len(head) < 4096:
                head += text[:4096 - len(head)]
            if b"!" in text and (b"<!DOCTYPE" in text or b"<!ENTITY" in text):  # (one byte is found faster)
                raise ReadError(Failure.UNSAFE, f"{UNSAFE}：{name} 含有 XML 实体声明，已拒绝读取")
            if tables is not None:
                tables.feed(text)
            if cells is not None and not cells.stopped:
                cells.feed(text)
            elif name == SHARED_STRINGS:
                shared += text.count(b"<si>") + text.count(b"<si ") + text.count(b":si>") + text.count(b":si ")
            if formulas is not None:
                formulas.feed(text)
            seen = _has_forbidden(text) if clean is not None else None  # (looked for once, for both)
            if clean is not None:
                clean.feed(text, seen)
            forbidden = forbidden or _may_forbid(text, cells is not None, seen)
        if not xml:
            continue
        _encoding(found, name, raw[0] if raw else b"")  # the part's first bytes as inflated, before any conversion
        if forbidden:  # after the encoding: the characters are looked for in UTF-8
            found.fixes.setdefault(name, "删去 XML 不允许的字符")
            _add(found, name, drop_forbidden)
        if formulas is not None and formulas.cells is not None and name not in found.fixes:
            found.formulas[known_clean(info)] = formulas.cells  # (a part corrected is read again, as corrected)
        if clean is not None and clean.clean and name not in found.fixes:
            found.clean.add(known_clean(info))
        if name == SHARED_STRINGS:
            strings = (head, shared)
        if cells is not None:
            sheet_bytes += info.file_size
            area = cells.area
            if _over(area, limits):  # an estimate: the exact area, counting only cells that can hold a value
                cells = _Cells(limits, exact=True)
                for text in _texts(file, info, limits, [budget[0] + info.file_size]):
                    cells.feed(text)
                    if cells.stopped:
                        break
                area = cells.area
                if _over(area, limits):
                    raise limits.too_big(max(area.rows, 1), max(area.cols, 1), sheet, area.corner, cells.stopped)
            if cells.merges > limits.max_merges:
                raise ReadError(Failure.TOO_LARGE, f"工作表“{sheet}”有 {cells.merges} 个合并区域，超过上限 {limits.max_merges}"
                                                   "，无法安全读取")
            found.areas[name] = area
    if strings is not None:
        _shared_counts(found, *strings, sheet_bytes // 8)
    return found


def read_part(file: BinaryIO, z: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """One XML part of a package (a Word document's word/document.xml), inflated and counted as
    `inspect` counts a workbook's parts, refused when it declares entities, as UTF-8 without the
    characters XML forbids. A part the package does not hold is a KeyError."""
    info = z.getinfo(name)
    data = b"".join(_inflate(file, info, limits, [int(limits.max_unzipped_mb * 1e6)]))
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(Failure.UNSAFE, f"{UNSAFE}：{name} 含有 XML 实体声明，已拒绝读取")
    return as_utf8(name, data)


def corrected(file: BinaryIO, z: zipfile.ZipFile, found: Inspection) -> bytes:
    """The package with every part that needs it corrected: a zip in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as w:
        for info in z.infolist():
            data = z.read(info)  # sizes and checksums were verified by `inspect`
            edit = found._edits.get(info.filename)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
            w.writestr(copy, edit(data) if edit else data)
    return out.getvalue()


def _over(area: Area, limits: Limits) -> bool:
    return area.rows > limits.max_rows or area.cols > limits.max_cols or area.cells > limits.max_cells


# --- inflating, counted ---------------------------------------------------------------------------

def _inflate(file: BinaryIO, info: zipfile.ZipInfo, limits: Limits, budget: list[int]) -> Iterator[bytes]:
    """The part's bytes as they inflate, at most CHUNK at a time, whatever its headers declare:
    more than it declares, more than `budget` (what the whole package may still hold) or a
    checksum that does not match is a ReadError."""
    raws = stored(file, info)
    inflater = _inflater(info)
    size, crc = 0, 0

    def counted(data: bytes) -> bytes:
        nonlocal size, crc
        size += len(data)
        budget[0] -= len(data)
        if size > info.file_size:
            raise ReadError(Failure.UNSAFE, f"{UNSAFE}：{info.filename} 解压后比压缩包中声明的大小（{_mb(info.file_size)}）更大，"
                                            "压缩包已被篡改或损坏，已拒绝读取")
        if budget[0] < 0:
            raise ReadError(Failure.TOO_LARGE, f"{UNSAFE}：解压后超过上限 {limits.max_unzipped_mb:g} MB"
                                               "（如确为大表，可设置环境变量 EXCEL_EVAL_MAX_UNZIPPED_MB 提高上限）")
        crc = zlib.crc32(data, crc)
        return data

    for raw in raws:
        for data in _pieces(inflater, raw):
            yield counted(data)
        if inflater is not None and inflater.eof:
            break
    if size != info.file_size or crc != info.CRC:
        raise zipfile.BadZipFile(info.filename)  # cut short, or damaged: said as a damaged file


def stored(file: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes as the package stores them (compressed), _READ at a time, once its local
    header is found to name the part the central directory names."""
    file.seek(info.header_offset)
    local = file.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(info.filename)
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    if file.read(name_len) != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace"):
        raise zipfile.BadZipFile(info.filename)  # the two headers name different parts: damaged
    file.seek(info.header_offset + 30 + name_len + extra_len)
    return _read(file, info.compress_size)


def _read(file: BinaryIO, left: int) -> Iterator[bytes]:
    while left > 0:
        raw = file.read(min(_READ, left))
        if not raw:
            break
        left -= len(raw)
        yield raw


def copy_stored(file: BinaryIO, info: zipfile.ZipInfo, write, look: bool) -> bool:
    """The part's stored bytes passed to `write` as they are (nothing inflated and deflated again).
    `look`: inflated on the way, their size and checksum verified, and looked at as `well_formed`
    looks at a part too large to parse: False as soon as it is not `Clean` (the copy is then given up).
    Bytes cut short, or that do not inflate to what the headers declare, are a BadZipFile."""
    copied, size, crc = 0, 0, 0
    inflater, clean = (_inflater(info), Clean()) if look else (None, None)
    for raw in stored(file, info):
        write(raw)
        copied += len(raw)
        if clean is None:
            continue
        for data in _pieces(inflater, raw):
            size += len(data)
            if size > info.file_size:
                raise zipfile.BadZipFile(info.filename)
            crc = zlib.crc32(data, crc)
            if not clean.feed(data):
                return False
    if copied != info.compress_size or clean is not None and (size != info.file_size or crc != info.CRC):
        raise zipfile.BadZipFile(info.filename)
    return True


def _inflater(info: zipfile.ZipInfo):
    """What inflates the part's stored bytes: None for a part stored as it is."""
    if info.compress_type == zipfile.ZIP_STORED:
        return None
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return zlib.decompressobj(-15)
    raise ReadError(Failure.CORRUPT, f"{UNSAFE}：{info.filename} 使用了 Excel 和 WPS 不使用的压缩方式，"
                                     "请用 Excel 或 WPS 打开后重新保存")


def _pieces(inflater, raw: bytes) -> Iterator[bytes]:
    """One piece of stored bytes inflated, at most CHUNK at a time."""
    if inflater is None:
        yield raw
        return
    data = inflater.decompress(raw, CHUNK)
    while True:
        if data:
            yield data
        if not inflater.unconsumed_tail or inflater.eof:
            break
        data = inflater.decompress(inflater.unconsumed_tail, CHUNK)


def _texts(file: BinaryIO, info: zipfile.ZipInfo, limits: Limits, budget: list[int],
           raw: list[bytes] | None = None) -> Iterator[bytes]:
    """An XML part's text cut at tag starts (`_tags`), in UTF-8: a part in UTF-16 is converted first,
    as the readers will read it (so its cells are measured, not passed over as unreadable bytes).
    `raw` is given the first 4,096 bytes as inflated (what its encoding is told by), not inflated again."""
    chunks = _inflate(file, info, limits, budget)
    first = next(chunks, b"")
    if raw is not None:
        raw.append(first[:4096])
    codec = _utf16(first)
    if codec is None:
        yield from _tags(itertools.chain([first], chunks))
        return
    try:
        text = (first + b"".join(chunks)).decode(codec).encode("utf-8")
    except UnicodeError:
        raise ReadError(Failure.CORRUPT, f"{UNSAFE}：{info.filename} 的 UTF-16 编码有误，无法读取") from None
    yield from _tags(text[i:i + CHUNK] for i in range(0, len(text), CHUNK))


def _utf16(head: bytes) -> str | None:
    """The codec of a part written in UTF-16 (by its byte-order mark, or by `<` as two bytes), else None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return {b"<\0": "utf-16-le", b"\0<": "utf-16-be"}.get(head[:2])


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} 字节"


def _tags(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The inflated text cut at tag starts, so that no tag is split between two pieces."""
    tail = b""
    for chunk in chunks:
        text = tail + chunk
        cut = text.rfind(b"<")
        if cut <= 0 or len(text) - cut > CHUNK:
            tail = b""
            yield text
        else:
            tail = text[cut:]
            yield text[:cut]
    if tail:
        yield tail


# --- the cells of a sheet -------------------------------------------------------------------------

# A <c> or <row> without r first, with a namespace prefix, or a cell's column in small letters (the
# cell reader takes "xfd1"): such text is counted row by row.
_NOT_PLAIN = (re.compile(rb'<c(?:[>/]|\s(?!r="))'), re.compile(rb'<row(?:[>/]|\s(?!r="))'), re.compile(rb':(?:c|row)[\s>/]'),
              re.compile(rb'<c r="[A-Z]*[a-z]'))
_ROW_R = re.compile(rb'<row r="(\d+)"')
_COL_LETTERS = re.compile(rb'<c r="([A-Z]+)\d')
_WIDER: dict[int, re.Pattern] = {}  # a column past n (made when first asked for: `_wider`)
# (what follows is for a sheet written without plain cell references: compiled when one is met)
_VALUED = LazyPattern(rb'<c r="([A-Z]+)(\d+)"(?:[^>]*(?<!/)>|[^>]*\Z)')  # a self-closed <c …/> holds no value
_ROW_TAG = LazyPattern(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])([^>]*)>")
_CELL_TAG = LazyPattern(rb"<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])([^>]*)>")
_R_ATTR = LazyPattern(rb'\sr\s*=\s*["\']([A-Za-z]*)(\d*)["\']')


def _wider(n: int) -> re.Pattern:
    """What finds a cell in a column past the `n`th (past Z: any two letters)."""
    if n not in _WIDER:
        _WIDER[n] = re.compile(rb'<c r="(?:[A-Z]{2}|[%s-Z]\d)' % bytes([65 + n]) if n < 26 else rb'<c r="[A-Z]{2}')
    return _WIDER[n]


class _Cells:
    """The area of one sheet part, fed its text cut at tag starts (`_tags`).

    Most packages write `r` first on every `<row>` and `<c>` (Excel, WPS, LibreOffice and the
    libraries do): their area comes from a few passes of the regular-expression engine; in the
    estimate (`exact=False`) a row's number stands for its cells. Anything else (no `r`, another
    attribute first, a namespace prefix) is counted row by row, as the cell reader places it:
    a cell without `r` is one column right of the one before, a row without `r` one row down."""

    def __init__(self, limits: Limits, exact: bool):
        self.limits, self.exact = limits, exact
        self.stopped = False  # counting row by row passed a limit: the rest need not be walked
        self.rows = self.cols = 0
        self.row = 0  # the row being read (1-based)
        self.col = 0  # the farthest column reached in it
        self.merges = 0

    @property
    def area(self) -> Area:
        return Area(self.rows, self.cols)

    def feed(self, text: bytes) -> None:
        self.merges += text.count(b"mergeCell ")
        try:
            if self.exact:
                if any(p.search(text) for p in _NOT_PLAIN):
                    self._by_rows(text)
                elif b'<c r="' in text:
                    self._exact(text)
                else:
                    self._rows_only(text)
            else:
                self._estimate(text)
        except _Over:
            self.stopped = True

    def _rows_only(self, text: bytes) -> None:
        rows = _ROW_R.findall(text)
        if rows:
            self.row, self.col = int(rows[-1]), 0

    def _estimate(self, text: bytes) -> None:
        """As `feed` reads exactly, with fewer passes: rows, the highest row tag rounded up at its
        first digit, unless a cell claims more (then exact); columns exact, from the widest column
        letters present. A cell's column in small letters and a cell below every row tag are looked
        for in one pass (`_suspect`), and told apart only when one is found."""
        if _NOT_PLAIN[1].search(text) or _NOT_PLAIN[2].search(text):
            return self._by_rows(text)
        if b'<c r="' not in text:
            return self._by_rows(text) if _NOT_PLAIN[0].search(text) else self._rows_only(text)
        rows = _ROW_R.findall(text)
        top = max(max(map(int, rows)), self.row) if rows else max(self.row, 1)
        digits = str(top)
        beyond = wider = False
        plain = _plain_cells(digits, self.cols)  # every <c> plain, in the columns and rows seen: nothing more to look for
        if plain is None or plain.search(text) is not None:
            if _NOT_PLAIN[0].search(text):
                return self._by_rows(text)
            if _suspect(digits, self.cols).search(text):
                if _NOT_PLAIN[3].search(text):
                    return self._by_rows(text)
                beyond = _beyond(digits).search(text) is not None
                wider = _wider(min(self.cols, 26)).search(text) is not None
        if beyond:
            self._exact(text)  # a cell below every row tag: a hostile package, or a very odd one
            wider = _wider(min(self.cols, 26)).search(text) is not None  # (past the columns _exact counted)
        else:
            self.rows = max(self.rows, (int(digits[0]) + 1) * 10 ** (len(digits) - 1) - 1)
        if wider:
            self.cols = max(self.cols, max(col_index(x.decode()) for x in set(_COL_LETTERS.findall(text))))
        if rows:
            self.row, self.col = int(rows[-1]), 0

    def _exact(self, text: bytes) -> None:
        found = _VALUED.findall(text)
        if found:
            self.rows = max(self.rows, max(int(d) for d in {d for _, d in found}))
            self.cols = max(self.cols, max(col_index(x.decode()) for x in {x for x, _ in found}))
        self._rows_only(text)

    def _by_rows(self, text: bytes) -> None:
        if _CELL_TAG.search(text) is None:  # rows without cells (fifty million <row/> are 200 MB): counted, not walked
            rows = _ROW_TAG.findall(text)
            numbered = [int(r[2]) for r in map(_R_ATTR.search, rows) if r and r[2]] if _R_ATTR.search(text) else []
            self.row = max(self.row + len(rows), *numbered) if numbered else self.row + len(rows)
            return
        starts = list(_ROW_TAG.finditer(text))
        self._cells(text[: starts[0].start() if starts else len(text)])
        for i, m in enumerate(starts):
            r = _R_ATTR.search(m[1])
            self.row, self.col = (int(r[2]) if r and r[2] else self.row + 1), 0
            self._cells(text[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(text)])
        if starts and not self.exact:
            self.rows = max(self.rows, self.row)  # conservative: a row counts even when empty

    def _cells(self, segment: bytes) -> None:
        tags = _CELL_TAG.findall(segment)
        if not tags:
            return
        if self.row > self.limits.max_rows:
            self.rows = max(self.rows, self.row)
            raise _Over  # a hostile row count need not be walked to its end
        for attrs in tags:
            if self.col > self.limits.max_cols:
                raise _Over
            r = _R_ATTR.search(attrs)
            if r and r[1]:
                self.col = col_index(r[1].upper().decode())
                row = int(r[2]) if r[2] else self.row
            else:
                self.col += 1
                row = max(self.row, 1)
            self.rows, self.cols = max(self.rows, row), max(self.cols, self.col)


_ODS_TAG = LazyPattern(rb"<table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>|</table:table-row>")
_ODS_NAME = LazyPattern(rb'table:name="([^"]*)"')
_ODS_REPEAT = LazyPattern(rb'number-(?:rows|columns)-repeated="(\d+)"')


class _Tables:
    """The area of each table of an OpenDocument spreadsheet (content.xml): a row or a cell may
    stand for many (number-rows-repeated, number-columns-repeated), and the cell reader makes
    every one of them. Empty ones (LibreOffice writes a sheet's unused 16,384 columns and a
    million rows as two such) count only when a cell with a value comes after them."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.sheet = ""
        self.row = self.rows = self.cols = 0  # rows so far; the farthest row and column with a value
        self.repeat = 1  # of the row being read
        self.col = self.last = 0  # the columns so far in it; the end of its last cell with a value

    def feed(self, text: bytes) -> None:
        for m in _ODS_TAG.finditer(text):
            kind, attrs, closed = m[1], m[2] or b"", m[3]
            if kind is None:  # </table:table-row>
                self._row_end()
                continue
            n = _ODS_REPEAT.search(attrs)
            repeat = int(n[1]) if n else 1
            if kind == b"table":
                name = _ODS_NAME.search(attrs)
                self.sheet = name[1].decode("utf-8", "replace") if name else ""
                self.row = self.rows = self.cols = 0
            elif kind == b"table-row":
                self.repeat, self.col, self.last = repeat, 0, 0
                if closed:
                    self._row_end()
            else:
                self.col += repeat
                if b"value-type" in attrs or not closed:
                    self.last = self.col
                if self.col > self.limits.max_cols and self.last == self.col:
                    self._check(self.row + 1, self.col)

    def _row_end(self) -> None:
        if self.last:
            self.rows, self.cols = self.row + self.repeat, max(self.cols, self.last)
            self._check(self.rows, self.cols)
        self.row += self.repeat
        self.repeat, self.col, self.last = 1, 0, 0

    def _check(self, rows: int, cols: int) -> None:
        area = Area(rows, cols)
        if _over(area, self.limits):
            raise self.limits.too_big(rows, cols, self.sheet, area.corner)


class _Over(Exception):
    """Counting stopped: the area is past a limit already."""


_BEYOND: dict[tuple[int, str], re.Pattern] = {}
_SUSPECT: dict[tuple[int, str, int], re.Pattern] = {}


def _beyond(digits: str) -> re.Pattern:
    """Cells `<c r="…N"` whose row N has more digits than `digits`, or as many and a greater first digit."""
    key = (len(digits), digits[0])  # all the pattern depends on (a dict of every row number would grow in a batch)
    if key not in _BEYOND:
        first = int(digits[0])
        same = rb"|[%d-9]\d{%d}" % (first + 1, len(digits) - 1) if first < 9 else b""
        _BEYOND[key] = re.compile(rb'<c r="[A-Z]+(?:\d{%d,}%s)"' % (len(digits) + 1, same))
    return _BEYOND[key]


_PLAIN_CELLS: dict[tuple[int, str, int], re.Pattern] = {}


def _plain_cells(digits: str, cols: int) -> re.Pattern | None:
    """What finds every `<c>` that is not `<c r="…"` with a column among the `cols` seen so far (one
    letter) and a row no further than `digits` rounds up to: nothing found, none of `_NOT_PLAIN[0]`,
    `_suspect(digits, cols)` can find anything, and one pass has looked for all. None before the
    columns are known, or past Z (then each is looked for)."""
    if not 0 < cols < 26:
        return None
    key = (len(digits), digits[0], cols)
    if key not in _PLAIN_CELLS:
        rows = rb"[0-%s]\d{%d}|\d{1,%d}" % (digits[0].encode(), len(digits) - 1, len(digits) - 1) if len(digits) > 1 \
            else rb"[0-%s]" % digits[0].encode()
        _PLAIN_CELLS[key] = re.compile(rb'<c(?:[>/]|\s(?!r="[A-%s](?:%s)"))' % (bytes([64 + cols]), rows))
    return _PLAIN_CELLS[key]


def _suspect(digits: str, cols: int) -> re.Pattern:
    """What finds whatever `_NOT_PLAIN[3]`, `_beyond(digits)` or `_wider(min(cols, 26))` finds (and
    a little more), in one pass: a cell's column that is not in capitals, a column past the `cols`
    seen so far, a row with more digits than `digits` or as many and a greater first digit."""
    key = (len(digits), digits[0], min(cols, 26))
    if key not in _SUSPECT:
        first = int(digits[0])
        same = rb"|[%d-9]\d{%d}" % (first + 1, len(digits) - 1) if first < 9 else b""
        past = rb"|[%s-Z]" % bytes([65 + min(cols, 25)]) if cols < 26 else b""  # a letter past the columns (or any two)
        _SUSPECT[key] = re.compile(rb'<c r="(?:[^A-Z]%s|[A-Z](?:[A-Za-z]|\d{%d}%s))' % (past, len(digits) + 1, same))
    return _SUSPECT[key]


# --- headers a reader trusts ----------------------------------------------------------------------

SHARED_STRINGS = "xl/sharedStrings.xml"
_SST = re.compile(rb"<(?:\w+:)?sst\b[^>]*>")
_UNIQUE = re.compile(rb'\buniqueCount\s*=\s*["\'](\d*)["\']')
_USES = re.compile(rb'\s\bcount\s*=\s*["\'](\d*)["\']')
_DECLARATION = re.compile(rb'^(\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["\']([^"\']*)["\']')


def _shared_counts(found: Inspection, head: bytes, actual: int, most_uses: int) -> None:
    """`<sst uniqueCount count>`: the cell reader reserves room for `uniqueCount` strings before
    reading one (4294967295 is 100 GB); `count`, the strings' uses, cannot exceed the cells the
    sheets have room for (a cell takes 8 bytes at least). Either one past the truth is corrected."""
    root = _SST.search(head)
    if root is None:
        return
    unique, uses = _UNIQUE.search(root[0]), _USES.search(root[0])
    wrong_unique = unique is not None and int(unique[1] or 0) > actual
    wrong_uses = uses is not None and int(uses[1] or 0) > max(most_uses, actual)
    if not (wrong_unique or wrong_uses):
        return
    found.fixes[SHARED_STRINGS] = f"共享字符串数改为实有的 {actual}"

    def edit(data: bytes) -> bytes:
        m = _SST.search(data)
        tag = _UNIQUE.sub(f'uniqueCount="{actual}"'.encode(), m[0]) if wrong_unique else m[0]
        tag = _USES.sub(b"", tag) if wrong_uses else tag  # optional: a reader counts the uses itself
        return data[: m.start()] + tag + data[m.end():]
    _add(found, SHARED_STRINGS, edit)


def _encoding(found: Inspection, name: str, head: bytes) -> None:
    """Every part is read as UTF-8 (or UTF-16 by its byte-order mark); a declaration that says
    otherwise is checked against the bytes: UTF-8 bytes under another label are UTF-8 (the label
    is corrected), bytes of the encoding named are converted, and anything else is refused."""
    codec = _utf16(head)
    if codec is not None:
        found.fixes[name] = "UTF-16 转为 UTF-8"
        _add(found, name, lambda data: _declare_utf8(data.decode(codec).encode("utf-8")))
        return
    m = _DECLARATION.match(head)
    label = m[2].decode("ascii", "replace").strip().lower().replace("_", "-") if m else "utf-8"
    if label == "utf-8":  # only this spelling: an XML parser takes "utf8" for an unknown one-byte encoding
        return
    found.fixes[name] = f"编码声明“{m[2].decode('ascii', 'replace')}”改为 UTF-8"

    def edit(data: bytes) -> bytes:
        try:
            data.decode("utf-8")
            return _declare_utf8(data)
        except UnicodeDecodeError:
            pass
        try:
            return _declare_utf8(data.decode(codecs.lookup(label).name).encode("utf-8"))
        except (LookupError, UnicodeDecodeError):
            raise ReadError(Failure.CORRUPT, f"{UNSAFE}：{name} 声明的编码“{label}”与内容不符，无法读取；"
                                             "请用 Excel 或 WPS 打开后重新保存") from None
    _add(found, name, edit)


def as_utf8(name: str, data: bytes) -> bytes:
    """A part's bytes as UTF-8, declared so, without what XML forbids (what `corrected` makes of it)."""
    found = Inspection()
    _encoding(found, name, data[:4096])
    edit = found._edits.get(name)
    return drop_forbidden(edit(data) if edit else data)


# Characters XML 1.0 forbids (text.XML_FORBIDDEN), as they come in a part: raw bytes, in Excel's
# escape (_x0001_; _x005F_ escapes the underscore itself), or as character references (&#1;). The
# cell reader turns each into the character and passes it on; the results could not be opened.
_RAW_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf][\x80-\xbf]")
_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\r")  # the single bytes XML 1.0 forbids
_NOT_CONTROLS = bytes(b for b in range(256) if b not in _CONTROLS)
_SURROGATE_UTF8 = LazyPattern(rb"\xed[\xa0-\xbf][\x80-\xbf]")


def _has_forbidden(data: bytes) -> bool:
    """`_RAW_FORBIDDEN.search(data)`, at the speed of a copy: a roster's sheet of 50 MB is looked
    at in milliseconds (the regular expression's alternatives took a third of a second)."""
    if data.translate(None, _NOT_CONTROLS):  # what is left when all but the control bytes go
        return True
    if b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data):  # U+FFFE, U+FFFF (one byte is found faster)
        return True
    return b"\xed" in data and _SURROGATE_UTF8.search(data) is not None
_ESCAPED = re.compile(rb"(_x005[Ff]_)?_x([0-9A-Fa-f]{4})_")
_REFERENCE = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")


def _forbidden(code: int) -> bool:
    return code < 0x20 and code not in (9, 10, 13) or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF) \
        or code > 0x10FFFF


def _may_forbid(text: bytes, sheet: bool, seen: bool | None = None) -> bool:
    """Whether a piece of a part may hold such a character. A sheet's numbers hold none: its text
    is looked at only where it has some (t="inlineStr", t="str"; a formula's own text is cleaned
    where it is read, ooxml.uncached_formulas)."""
    if not (b"_" in text and b"_x" in text or b"&" in text and b"&#" in text
            or (_has_forbidden(text) if seen is None else seen)):  # `seen`: _has_forbidden(text), known
        return False  # (one byte is found faster than two: each is looked for first)
    return not sheet or b'tr"' in text


class NotWellFormed(Exception):
    """A part of the package is not XML at all (the cell reader is lenient; Excel is not)."""


MAX_PARSED_PART = 5_000_000  # parts up to this size are parsed whole before a copy is written
_BARE_AMPERSAND = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9A-Fa-f]+);)")


def well_formed(file: BinaryIO, large: bool = True) -> bytes | None:
    """For a copy of the package that must open (the marked copy): None when every XML part can
    be copied as it is, else the package rebuilt with what XML forbids dropped and a bare `&`
    written `&amp;`. A part that is still not XML raises NotWellFormed (every part up to
    MAX_PARSED_PART is parsed; a larger one, a roster's sheet, is only looked at for the two,
    `Clean`, a piece at a time; `large=False` leaves that to the caller, as it copies the part)."""
    import xml.parsers.expat  # noqa: PLC0415

    found = Inspection()
    with zipfile.ZipFile(file) as z:
        for info in z.infolist():
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            if info.file_size > MAX_PARSED_PART and (not large or _clean_in_pieces(z, info)):
                continue  # a roster's sheet, looked at a piece at a time: copied as it is, never held whole
            data = fixed = z.read(info)
            if _unclean(fixed):
                fixed = drop_forbidden(fixed)
            if b"&" in fixed:
                fixed = _BARE_AMPERSAND.sub(b"&amp;", fixed)
            if len(fixed) <= MAX_PARSED_PART:
                try:
                    xml.parsers.expat.ParserCreate().Parse(fixed, True)
                except xml.parsers.expat.ExpatError as exc:
                    raise NotWellFormed(info.filename) from exc
            if fixed != data:
                _add(found, info.filename, lambda _, fixed=fixed: fixed)
        return corrected(file, z, found) if found._edits else None


def needs_looking_at(info: zipfile.ZipInfo) -> bool:
    """Whether `well_formed(…, large=False)` left the part to be looked at as it is copied (`Clean`)."""
    return info.file_size > MAX_PARSED_PART and info.filename.endswith((".xml", ".rels", ".vml"))


def known_clean(info: zipfile.ZipInfo) -> tuple[str, int, int]:
    """What a part triage looked at is known by (found `Clean`, or its formulas found): its name,
    checksum and size (a part changed since, a corrected copy's sheet, is looked at again)."""
    return info.filename, info.CRC, info.file_size


def large_parts_clean(z: zipfile.ZipFile, known: frozenset = frozenset()) -> bool:
    """Whether every part `well_formed(…, large=False)` left is `Clean` (those `known` to be,
    `known_clean`, are not looked at)."""
    return all(_clean_in_pieces(z, info) for info in z.infolist() if needs_looking_at(info) and known_clean(info) not in known)


class Clean:
    """Whether a part holds neither what XML forbids nor a bare `&`, fed its text a piece at a
    time. A reference cut between two pieces looks bare in the first: such a part is taken for
    unclean, and looked at whole (`well_formed`), as an unclean one is."""

    def __init__(self) -> None:
        self.clean = True
        self._tail = b""

    def feed(self, piece: bytes, forbidden: bool | None = None) -> bool:
        """`forbidden`: `_has_forbidden(piece)`, when the caller knows it. The piece is looked at
        with the two bytes before it for what is cut between them (a character of three bytes: a
        reference cut there made the piece before it unclean already, by its bare `&`)."""
        if self.clean and piece:
            if forbidden is None:
                forbidden = _has_forbidden(piece)
            self.clean = not (forbidden or self._tail and _has_forbidden(self._tail + piece[:2]) or _references(piece)
                              or b"&" in piece and _BARE_AMPERSAND.search(piece) is not None)
            self._tail = piece[-2:]  # the start of a three-byte sequence (U+FFFE, a surrogate) cut at the end
        return self.clean


def _clean_in_pieces(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a part too large to parse is `Clean`, looked at CHUNK bytes at a time. A part that
    turns out small enough to parse is not answered here: False, and it is looked at whole."""
    clean, size = Clean(), 0
    with z.open(info) as part:
        while piece := part.read(CHUNK):
            size += len(piece)
            if not clean.feed(piece):
                return False
    return size > MAX_PARSED_PART


def _unclean(data: bytes) -> bool:
    return _has_forbidden(data) or _references(data)


def _references(data: bytes) -> bool:
    """Whether `data` holds a character reference to a character XML forbids (&#1;)."""
    return b"&" in data and b"&#" in data and any(
        _forbidden(int(m[1], 16) if m[1] else int(m[2])) for m in _REFERENCE.finditer(data))


def drop_forbidden(data: bytes) -> bytes:
    """A part without the characters XML 1.0 forbids, in whichever form they come."""
    data = _RAW_FORBIDDEN.sub(b"", data)
    data = _ESCAPED.sub(lambda m: m[0] if m[1] or not _forbidden(int(m[2], 16)) else b"", data)
    return _REFERENCE.sub(lambda m: b"" if _forbidden(int(m[1], 16) if m[1] else int(m[2])) else m[0], data)


def _declare_utf8(data: bytes) -> bytes:
    data = data.removeprefix(codecs.BOM_UTF8)
    return re.sub(rb'^<\?xml([^>]*?)encoding\s*=\s*["\'][^"\']*["\']', rb'<?xml\1encoding="UTF-8"', data, count=1)


def _add(found: Inspection, name: str, edit) -> None:
    before = found._edits.get(name)
    found._edits[name] = (lambda data: edit(before(data))) if before else edit
