"""The .xlsx package (OOXML): the few facts the reader and the marked-up copy need, what is
looked at before a package is decompressed, and the formulas that carry no cached value."""

from __future__ import annotations

import re
import zipfile
import zlib
from posixpath import dirname, join, normpath
from typing import BinaryIO
from xml.parsers import expat

from .model import col_index
from .text import LazyPattern, xml_safe

# What reading a damaged zip package can raise (flipped bytes reach every one of these).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, NotImplementedError,
              RuntimeError)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part inside the zip (`xl/worksheets/sheet1.xml`)."""
    return {name: resolve("xl/workbook.xml", target) for name, target in sheet_targets(z.read("xl/workbook.xml"),
                                                                                       z.read("xl/_rels/workbook.xml.rels"))}


def sheet_targets(book: bytes, rels: bytes) -> list[tuple[str, str]]:
    """(name, relationship target) of each sheet, in the workbook's order, from the workbook part
    and its relationships; ValueError for a part that is no XML or declares entities."""
    targets = {rel.get("Id"): rel.get("Target", "") for rel in elements(rels, f"{{{PACKAGE_REL_NS}}}Relationship")}
    return [(sheet.get("name", ""), targets.get(sheet.get(f"{{{REL_NS}}}id"), ""))
            for sheet in elements(book, f"{{{MAIN_NS}}}sheet")]


def _refuse(*_: object) -> None:
    raise ValueError("entity declarations and external references are not read")


def elements(data: bytes, tag: str) -> list[dict[str, str]]:
    """The attributes of each element `tag` (`{namespace}name`) of the XML `data`, namespaced
    attribute names written the same way. Parsed by expat as defusedxml parses a part (entity
    declarations and external references refused: no expansion, nothing fetched), without
    loading ElementTree; a part that is no XML raises ValueError."""
    found: list[dict[str, str]] = []
    wanted = tag[1:] if tag.startswith("{") else tag  # expat names it `namespace}name`

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == wanted:
            found.append({f"{{{k}" if "}" in k else k: v for k, v in attrs.items()})

    parser = expat.ParserCreate(namespace_separator="}")
    parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from exc
    return found


def resolve(source: str, target: str) -> str:
    """A relationship target, relative to the part that holds it, as a path inside the zip."""
    if target.startswith("/"):
        return target.lstrip("/")
    return normpath(join(dirname(source), target))


def rels_path(part: str) -> str:
    """`xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(s: str) -> str:
    """Text for an XML part: markup escaped, and characters XML cannot hold written as Excel does (_x0001_)."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _CONTROL.sub(lambda m: f"_x{ord(m[0]):04X}_", s)


# --- formulas without cached values -------------------------------------------------------------

_FORMULA_START = re.compile(rb"<f[ >/]")
_FORMULA = LazyPattern(rb"<f[^>]*?(?:/>|>(.*?)</f>)", re.S)  # (compiled when a formula without its value is met)
_VALUE = re.compile(rb"<v>(.+?)</v>", re.S)
_REF = LazyPattern(rb'\br="([A-Z]+)([0-9]+)"')


def sheets_mb(file: BinaryIO) -> float:
    """The decompressed size of the worksheets, in MB."""
    with zipfile.ZipFile(file) as z:
        return sum(i.file_size for i in z.infolist() if i.filename.startswith("xl/worksheets/")) / 1e6


def _uncached(data: bytes, cells: dict[tuple[int, int], str]) -> int | None:
    """The formula cells of `data` (a sheet's XML, or the part of it read so far) that hold no
    cached value, into `cells`; where the first formula cell `data` does not close starts (None:
    it closes every one)."""
    open_at = None
    for m in _FORMULA_START.finditer(data):
        start = data.rfind(b"<c ", 0, m.start())
        end = data.find(b"</c>", m.start())
        if start >= 0 and end < 0 and open_at is None:
            open_at = start
        if start < 0 or end < 0:
            continue
        tag_end = data.find(b">", start)
        head, body = data[start:tag_end + 1], data[tag_end + 1:end]
        if _VALUE.search(body) or (b't="str"' in head and b"<v>" in body):
            continue
        ref = _REF.search(head)
        f = _FORMULA.search(body)
        if ref and f is not None:
            key = (int(ref[2]) - 1, col_index(ref[1].decode()) - 1)
            cells[key] = "=" + xml_safe(unescape((f[1] or b"").decode("utf-8", "replace")))
    return open_at


class Formulas:
    """`uncached_formulas` of one sheet part, fed its text a piece at a time as triage inflates it
    (cut at tag starts, `package._tags`), so that the reader need not inflate it again. What is
    kept between pieces is the text from the last cell's start (or from a formula cell not closed
    yet); `cells` is None when that ran past TAIL_LIMIT (the part is then read whole)."""

    TAIL_LIMIT = 1 << 20

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], str] | None = {}
        self._tail = b""
        self._open = False  # the kept text holds a formula cell not closed yet

    def feed(self, text: bytes) -> None:
        if self.cells is None:
            return
        at = -1 if self._open or b"f" in text else text.rfind(b"<c ")  # no "f", no formula: one byte is found fast
        if at >= 0:
            self._tail = text[at:]
            return
        data = self._tail + text if self._tail else text
        keep = data.rfind(b"<c ")  # a formula in the next piece belongs to this cell, or to a later one
        self._open = False
        if b"<f" in data:
            open_at = _uncached(data, self.cells)  # (a formula in the kept text is looked at again: to the same effect)
            if open_at is not None:
                keep, self._open = min(keep, open_at), True
        self._tail = data[keep:] if keep >= 0 else data[-2:]  # (or a "<c" the piece ends with)
        if len(self._tail) > self.TAIL_LIMIT:
            self.cells = None


def uncached_formulas(file: BinaryIO, names: list[str],
                      known: dict[tuple[str, int, int], dict[tuple[int, int], str]] | None = None
                      ) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet → {(row, col): formula} for formula cells that hold no cached value (zip workbooks
    only). Only the cells around each `<f` are looked at, so a large sheet costs one scan;
    `known`: what triage found of some parts as it inflated them (`Formulas`), by (name, checksum,
    size): those are not read again."""
    try:
        with zipfile.ZipFile(file) as z:
            parts = sheet_parts(z)
            out: dict[str, dict[tuple[int, int], str]] = {}
            for name in names:
                part = parts.get(name)
                if part is None or part not in z.namelist():
                    continue
                info = z.getinfo(part)
                found = None if known is None else known.get((part, info.CRC, info.file_size))
                if found is not None:
                    cells = dict(found)
                else:
                    cells = {}
                    _uncached(z.read(part), cells)
                if cells:
                    out[name] = cells
            return out
    except ZIP_ERRORS:  # (a workbook part that is no XML is a ValueError)
        return {}  # the package is damaged there; calamine says so when it reads it
