"""`<原文件名>_标注.xlsx`: a copy of the input with each finding's cell filled and commented.

The copy is made by patching the input's zip package: every part is copied byte for byte except
the styles (three fills and the styles that use them are appended), the sheets that get marks
(a style index per marked cell, and a link to their comments) and the new comment parts. That
keeps everything the input had (charts, images, macros, validations) and costs no more than
copying the file, whatever its size. A sheet that already has comments of its own is marked
through openpyxl instead, which merges comments properly at the cost of speed.
"""

from __future__ import annotations

import copy
import re
import zipfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..result import Result

if TYPE_CHECKING:
    from ..triage import Source
from ..files import write_atomic
from ..findings import Finding
from ..model import col_index, col_letter
from ..ooxml import MAIN_NS, ZIP_ERRORS, elements, escape, rels_path, resolve, sheet_parts
from ..text import LazyPattern
from ..package import NotWellFormed, copy_stored, known_clean, large_parts_clean, needs_looking_at, well_formed
from ..vocab import Severity
from .formats import HEADER_FILL, SEVERITY_COLOURS

COMMENT_AUTHOR = "excel-eval"


class Mark(NamedTuple):
    """What one cell of a copy gets: a fill (`#RRGGBB`) and a comment."""

    colour: str
    note: str


class Sheet(NamedTuple):
    """A sheet a copy adds at the end (the corrected copy's 修改清单): rows of values, the first
    the header; `widths` of its columns in characters."""

    name: str
    rows: list[list[object]]
    widths: tuple[float, ...] = ()


# A damaged package; an OSError (disk full, folder not writable) is not one and is raised.
BROKEN = (*(e for e in ZIP_ERRORS if e is not OSError), TypeError, IndexError, AttributeError)


def write_marked(result: Result, path: Path) -> Path | None:
    """Write the marked-up copy; returns the name written, or None when the input cannot be
    copied with marks (a legacy .xls, or a package with parts missing). The results workbook
    does not depend on it."""
    source = result.source
    with source.open() as f:
        if not zipfile.is_zipfile(f):
            return None
    return write_copy(source, path, _marks(result.findings))


def write_copy(source: Source, path: Path, marks: dict[str, dict[str, Mark]], sheet: Sheet | None = None,
               merge: bool = False) -> Path | None:
    """The package of `source` copied with `marks` (sheet → cell → Mark) and `sheet` added at the
    end, every other part as it is. `merge`: a sheet with comments of its own gets the marks' added
    to its comment parts (else it goes through openpyxl, which drops cached formula values). None
    when it cannot be copied (parts missing, and openpyxl cannot repair it either)."""
    try:
        return _write_copy(source, path, marks, sheet, merge, large=False)
    except _Unclean:  # a roster's sheet holds what XML forbids: every part looked at first, and the package rebuilt
        return _write_copy(source, path, marks, sheet, merge, large=True)


class _Unclean(Exception):
    """A part too large to parse, looked at as it was copied, holds what XML forbids or a bare `&`."""


def _write_copy(source: Source, path: Path, marks: dict[str, dict[str, Mark]], sheet: Sheet | None, merge: bool,
                large: bool) -> Path | None:
    """`write_copy`; `large`: every part looked at before the copy is made (`well_formed`), else the
    parts too large to parse are looked at as they are copied, and `_Unclean` raised for one that is not."""
    try:
        with source.open() as f:
            clean = well_formed(f, large)  # a copy opens even where the input holds what XML forbids
    except NotWellFormed:
        return None  # a part that is no XML: a copy of it would not open either
    except BROKEN:
        clean = None  # said below, as for any damaged package
    try:
        if clean is not None:
            source = replace(source, package=clean)
        with source.open() as f, zipfile.ZipFile(f) as z:
            parts = sheet_parts(z)
            marks = {name: cells for name, cells in marks.items() if name in parts}
            known = source.clean or frozenset()  # what triage found clean as it inflated it
            if not marks and sheet is None:
                _looked_at(z, large, known)
                return write_atomic(path, lambda tmp: tmp.write_bytes(source.read()), fallback=True)
            if merge or not any(_has_comments(z, parts[name]) for name in marks):
                return write_atomic(path, lambda tmp: _patch(f, z, parts, marks, tmp, sheet, look=not large, known=known),
                                    fallback=True)
            _looked_at(z, large, known)
    except BROKEN:
        pass  # parts missing or malformed: let openpyxl try, it repairs what it can
    try:
        return _write_with_openpyxl(source, path, marks, sheet)
    except BROKEN:
        return None
    except Exception as exc:  # openpyxl's own refusals (InvalidFileException and the like)
        if type(exc).__module__.startswith("openpyxl"):
            return None
        raise


def _looked_at(z: zipfile.ZipFile, large: bool, known: frozenset) -> None:
    """Before a copy made otherwise than by `_patch`: the parts `well_formed` left (but those
    triage found clean, `known`), looked at now."""
    if not large and not large_parts_clean(z, known):
        raise _Unclean


def _marks(findings: list[Finding]) -> dict[str, dict[str, Mark]]:
    found: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        for loc in f.locs:  # every cell of a grouped finding is coloured (a place in the 自评报告 is not a cell)
            if loc.in_workbook:
                found[loc.sheet][loc.cell].append(f)
    return {sheet: {ref: Mark(SEVERITY_COLOURS[_worst(fs)], _note(fs)) for ref, fs in cells.items()}
            for sheet, cells in found.items()}


def _note(findings: list[Finding]) -> str:
    return "\n\n".join(f"【{f.severity.value} {f.code}】{f.message}\n→ {f.hint}" for f in findings)


def _worst(findings: list[Finding]) -> Severity:
    return min(findings, key=lambda f: f.severity.rank).severity


def _has_comments(z: zipfile.ZipFile, part: str) -> bool:
    rels = rels_path(part)
    return rels in z.namelist() and b"/comments" in z.read(rels)


# --- patching the package ------------------------------------------------------------------------

_XF = re.compile(rb"<xf\b[^>]*?/>|<xf\b[^>]*?>.*?</xf>", re.S)
_ROW = re.compile(rb'<row\b[^>]*?\br="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.S)
_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(?:/>|>.*?</c>)', re.S)
_AFTER_LEGACY = (b"<legacyDrawingHF", b"<drawingHF", b"<picture", b"<oleObjects", b"<controls",
                 b"<webPublishItems", b"<tableParts", b"<extLst", b"</worksheet>")


def _patch(f, z: zipfile.ZipFile, parts: dict[str, str], marks: dict[str, dict[str, Mark]], tmp: Path,
           sheet: Sheet | None = None, look: bool = False, known: frozenset = frozenset()) -> None:
    """The copy written to `tmp`; `look`: the parts too large to parse are looked at as they are
    copied, but those triage found clean (`known`)."""
    names = z.namelist()
    colours = sorted({m.colour for cells in marks.values() for m in cells.values()} | ({HEADER_FILL} if sheet else set()))
    styles_xml, styles = _styles(z.read("xl/styles.xml"), colours)
    replaced: dict[str, bytes] = {}
    added: dict[str, bytes] = {}
    content_types = z.read("[Content_Types].xml")
    for n, (name, cells) in enumerate(sorted(marks.items()), start=1):
        part = parts[name]
        styled = {ref: styles(m.colour) for ref, m in cells.items()}
        own = _own_comments(z, part)
        if own is not None:  # (only when asked to merge: write_copy)
            comments, vml = own
            replaced[comments] = _merge_comments(z.read(comments), cells)
            if vml is not None:
                replaced[vml] = _merge_vml(z.read(vml), cells)
            replaced[part] = _mark_sheet(z.read(part), styled, None)
            continue
        comments = _free_name(names, added, "xl/comments", ".xml", n)
        vml = _free_name(names, added, "xl/drawings/vmlDrawing", ".vml", n)
        rels = rels_path(part)
        rels_xml = z.read(rels) if rels in names else (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
        rels_xml, _ = _add_rel(rels_xml, "comments", "../" + comments.split("/", 1)[1])
        rels_xml, vml_id = _add_rel(rels_xml, "vmlDrawing", "../" + vml.split("/", 1)[1])
        (replaced if rels in names else added)[rels] = rels_xml
        replaced[part] = _mark_sheet(z.read(part), styled, vml_id)
        added[comments] = _comments_xml(cells)
        added[vml] = _vml(cells, shape_block=n)
        content_types = _content_types(content_types, comments)
    if sheet is not None:
        _append_sheet(z, sheet, styles(HEADER_FILL)(0), replaced, added)
        content_types = _content_types_sheet(content_types, next(n for n in added if n.startswith("xl/worksheets/")))
    replaced["[Content_Types].xml"] = content_types
    replaced["xl/styles.xml"] = styles.finish(styles_xml)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = replaced.get(info.filename)
            if data is None:  # the same bytes, as stored: a roster's sheet is never held whole, nor deflated again
                _copy_part(f, z, info, out, look and known_clean(info) not in known)
            else:  # fast compression: a sheet of 100,000 rows is recompressed here
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        for name, data in added.items():
            out.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)


def _copy_part(f, z: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile, look: bool) -> None:
    """A part copied as the input stores it: its compressed bytes and its entry, sizes in the local
    header (as zipfile writes an entry). `look`: a part too large to parse is inflated on the way and
    looked at (`copy_stored`); `_Unclean` when it holds what XML forbids."""
    if info.flag_bits & 0x01 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
            or not _can_write_stored(out):
        return _recompress(z, info, out)
    entry = copy.copy(info)  # (writing an entry changes it: the input's own stays as read)
    entry.flag_bits = 0  # no data descriptor: the sizes are known (the name's UTF-8 flag is set as it is written)
    out.fp.seek(out.start_dir)
    entry.header_offset = out.fp.tell()
    out._writecheck(entry)
    out._didModify = True
    out.fp.write(entry.FileHeader())
    if not copy_stored(f, info, out.fp.write, look and needs_looking_at(info)):
        raise _Unclean(info.filename)
    out.start_dir = out.fp.tell()
    out.filelist.append(entry)
    out.NameToInfo[entry.filename] = entry


def _can_write_stored(out: zipfile.ZipFile) -> bool:
    """Whether this zipfile is one whose entries `_copy_part` can add (its own attributes, as in
    Python 3.11 to 3.13), with no other entry being written."""
    return all(hasattr(out, a) for a in ("fp", "start_dir", "filelist", "NameToInfo", "_writecheck")) \
        and not getattr(out, "_writing", True) and getattr(out, "_seekable", False)


def _recompress(z: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    """A part copied as `out.writestr(info, z.read(info), ZIP_DEFLATED, compresslevel=1)` writes it
    (the same entry, the same deflated bytes), without holding it whole."""
    entry = copy.copy(info)  # (writing an entry changes it: the input's own stays as read)
    entry.compress_type = zipfile.ZIP_DEFLATED
    setattr(entry, "compress_level" if hasattr(entry, "compress_level") else "_compresslevel", 1)  # renamed in 3.13
    with z.open(info) as src, out.open(entry, "w") as dst:
        while piece := src.read(1 << 20):
            dst.write(piece)


def _free_name(names: list[str], added: dict, stem: str, ext: str, n: int) -> str:
    while f"{stem}{n}{ext}" in names or f"{stem}{n}{ext}" in added:
        n += 1
    return f"{stem}{n}{ext}"


def _styles(xml: bytes, colours: list[str]):
    """Append one solid fill per colour; return the new styles and a function giving, for an
    original style index and a colour, the index of the same style with that fill."""
    fills = re.search(rb'<fills\b[^>]*?count="(\d+)"[^>]*>', xml)
    first_fill = int(fills[1])
    new_fills = b"".join(
        b'<fill><patternFill patternType="solid"><fgColor rgb="FF' + c.lstrip("#").encode()
        + b'"/><bgColor indexed="64"/></patternFill></fill>' for c in colours)
    xml = xml.replace(fills[0], fills[0].replace(fills[1], str(first_fill + len(colours)).encode()), 1)
    xml = xml.replace(b"</fills>", new_fills + b"</fills>", 1)
    xfs = re.search(rb'<cellXfs\b[^>]*?count="(\d+)"[^>]*>(.*?)</cellXfs>', xml, re.S)
    base = _XF.findall(xfs[2])
    count = len(base)
    new_xfs: list[bytes] = []
    cache: dict[tuple[int, str], int] = {}

    def style_for(original: int, colour: str) -> int:
        key = (original, colour)
        if key not in cache:
            xf = base[original] if original < len(base) else base[0]
            fill = str(first_fill + colours.index(colour)).encode()
            xf = re.sub(rb'\s(fillId|applyFill)="[^"]*"', b"", xf, count=2)
            xf = xf.replace(b"<xf", b'<xf fillId="' + fill + b'" applyFill="1"', 1)
            cache[key] = count + len(new_xfs)
            new_xfs.append(xf)
        return cache[key]

    def finish(doc: bytes) -> bytes:
        m = re.search(rb'<cellXfs\b[^>]*?count="(\d+)"[^>]*>(.*?)</cellXfs>', doc, re.S)
        head = m[0][: m[0].index(b">") + 1].replace(m[1], str(count + len(new_xfs)).encode(), 1)
        body = m[2] + b"".join(new_xfs)
        return doc.replace(m[0], head + body + b"</cellXfs>", 1)

    return xml, _Styles(style_for, finish)


class _Styles:
    """Called per marked cell while sheets are patched; the styles part is finished at the end."""

    def __init__(self, style_for, finish):
        self.style_for = style_for
        self.finish = finish

    def __call__(self, colour: str):
        return lambda original: self.style_for(original, colour)


def _mark_sheet(xml: bytes, styled: dict, vml_id: str | None) -> bytes:
    """Give each marked cell its filled style (creating the cell, or its row, when it is empty),
    and link the comments' drawing (`vml_id`; None: the sheet links its own already)."""
    wanted: dict[int, dict[str, object]] = defaultdict(dict)
    for ref, style in styled.items():
        col, row = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()
        wanted[int(row)][col] = style
    out, pos = [], 0
    seen_rows = set()
    for m in _ROW.finditer(xml):
        r = int(m[1])
        if r not in wanted:
            continue
        seen_rows.add(r)
        out.append(xml[pos:m.start()])
        out.append(_mark_row(m[0], r, wanted[r]))
        pos = m.end()
    out.append(xml[pos:])
    xml = b"".join(out)
    missing = sorted(set(wanted) - seen_rows)
    if missing:
        xml = _insert_rows(xml, missing, wanted)
    if vml_id is None:
        return xml
    if b"xmlns:r=" not in xml[:xml.index(b">", xml.index(b"<worksheet")) + 1]:
        xml = xml.replace(b"<worksheet", b'<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                          b'2006/relationships"', 1)
    legacy = b'<legacyDrawing r:id="' + vml_id.encode() + b'"/>'
    at = min((i for i in (xml.find(tag) for tag in _AFTER_LEGACY) if i >= 0))
    return xml[:at] + legacy + xml[at:]


def _mark_row(row: bytes, r: int, cols: dict[str, object]) -> bytes:
    done = set()

    def restyle(m: re.Match) -> bytes:
        col = m[1].decode()
        if col not in cols:
            return m[0]
        done.add(col)
        end = m[0].index(b">") + 1
        start, rest = m[0][:end], m[0][end:]
        s = re.search(rb'\ss="(\d+)"', start)
        new = str(cols[col](int(s[1]) if s else 0)).encode()
        start = start.replace(s[0], b' s="' + new + b'"', 1) if s else b'<c s="' + new + b'"' + start[2:]
        return start + rest

    row = _CELL.sub(restyle, row)
    extra = [c for c in cols if c not in done]
    if not extra:
        return row
    if row.endswith(b"/>") and b"</row>" not in row:
        row = row[:-2] + b"></row>"
    for col in sorted(extra, key=col_index):
        cell = b'<c r="' + f"{col}{r}".encode() + b'" s="' + str(cols[col](0)).encode() + b'"/>'
        # before the first existing cell to its right, else at the end of the row
        right = [m for m in _CELL.finditer(row) if col_index(m[1].decode()) > col_index(col)]
        at = right[0].start() if right else row.rindex(b"</row>")
        row = row[:at] + cell + row[at:]
    return row


def _insert_rows(xml: bytes, rows: list[int], wanted: dict) -> bytes:
    if b"<sheetData/>" in xml:
        xml = xml.replace(b"<sheetData/>", b"<sheetData></sheetData>", 1)
    for r in rows:
        cells = b"".join(b'<c r="' + f"{c}{r}".encode() + b'" s="' + str(wanted[r][c](0)).encode() + b'"/>'
                         for c in sorted(wanted[r], key=col_index))
        new = b'<row r="' + str(r).encode() + b'">' + cells + b"</row>"
        later = next((m for m in _ROW.finditer(xml) if int(m[1]) > r), None)
        at = later.start() if later else xml.index(b"</sheetData>")
        xml = xml[:at] + new + xml[at:]
    return xml


def _add_rel(xml: bytes, kind: str, target: str) -> tuple[bytes, str]:
    ids = {int(i) for i in re.findall(rb'Id="rId(\d+)"', xml)}
    rid = f"rId{max(ids, default=0) + 1}"
    rel = (f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           f'{kind}" Target="{target}"/>').encode()
    return xml.replace(b"</Relationships>", rel + b"</Relationships>", 1), rid


def _content_types(xml: bytes, comments: str) -> bytes:
    if b'Extension="vml"' not in xml:
        xml = xml.replace(b"<Default ", b'<Default Extension="vml" ContentType="application/vnd.openxmlformats-'
                          b'officedocument.vmlDrawing"/><Default ', 1)
    override = (f'<Override PartName="/{comments}" ContentType="application/vnd.openxmlformats-officedocument.'
                f'spreadsheetml.comments+xml"/>').encode()
    return xml.replace(b"</Types>", override + b"</Types>", 1)


def _own_comments(z: zipfile.ZipFile, part: str) -> tuple[str, str | None] | None:
    """The comments part of a sheet that has comments of its own, and their drawing (VML)."""
    rels = rels_path(part)
    if rels not in z.namelist():
        return None
    xml = z.read(rels)
    targets = {kind: target for kind, target in
               re.findall(rb'Type="[^"]*/(comments|vmlDrawing)"[^>]*?Target="([^"]*)"', xml)}
    targets.update({kind: target for target, kind in
                    re.findall(rb'Target="([^"]*)"[^>]*?Type="[^"]*/(comments|vmlDrawing)"', xml)})
    if b"comments" not in targets:
        return None
    vml = targets.get(b"vmlDrawing")
    return resolve(part, targets[b"comments"].decode()), resolve(part, vml.decode()) if vml else None


def _run(text: str) -> str:
    return f'<r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">{escape(text)}</t></r>'


def _merge_comments(xml: bytes, cells: dict[str, Mark]) -> bytes:
    """A sheet's own comments with the marks' notes: after a cell's own comment, or a new one."""
    names = re.findall(rb"<author>(.*?)</author>", xml, re.S)
    if COMMENT_AUTHOR.encode() in names:
        author = names.index(COMMENT_AUTHOR.encode())
    else:
        author = len(names)
        mine = f"<author>{COMMENT_AUTHOR}</author>".encode()
        xml = xml.replace(b"<authors/>", b"<authors>" + mine + b"</authors>", 1) if b"<authors/>" in xml \
            else xml.replace(b"</authors>", mine + b"</authors>", 1)
    for ref, m in sorted(cells.items(), key=lambda kv: _ref_key(kv[0])):
        found = re.search(rb'<comment\b[^>]*\bref="' + ref.encode() + rb'"[^>]*>.*?</comment>', xml, re.S)
        if found is not None and b"</text>" in found[0]:
            at = found.start() + found[0].rindex(b"</text>")
            xml = xml[:at] + _run("\n\n" + m.note).encode("utf-8") + xml[at:]
        else:
            new = f'<comment ref="{ref}" authorId="{author}"><text>{_run(m.note)}</text></comment>'.encode("utf-8")
            xml = xml.replace(b"</commentList>", new + b"</commentList>", 1)
    return xml


def _merge_vml(xml: bytes, cells: dict[str, Mark]) -> bytes:
    """A sheet's own comment drawing with a shape for each newly commented cell."""
    have = {(int(r), int(c)) for r, c in re.findall(rb"<x:Row>(\d+)</x:Row>\s*<x:Column>(\d+)</x:Column>", xml)}
    ids = [int(i) for i in re.findall(rb'id="_x0000_s(\d+)"', xml)]
    next_id = max(ids, default=1024) + 1
    shapes, blocks = [], set()
    for ref in sorted(cells, key=_ref_key):
        row, col = _ref_key(ref)
        if (row - 1, col - 1) in have:
            continue
        shapes.append(_shape(next_id, row - 1, col - 1, len(ids) + len(shapes) + 1))
        blocks.add(next_id // 1024)
        next_id += 1
    idmap = re.search(rb'(<o:idmap\b[^>]*\bdata=")([^"]*)(")', xml)
    if idmap is not None and blocks:
        known = {b.strip() for b in idmap[2].decode().split(",") if b.strip()}
        data = ",".join(sorted(known | {str(b) for b in blocks}, key=int)).encode()
        xml = xml[:idmap.start(2)] + data + xml[idmap.end(2):]
    return xml.replace(b"</xml>", "".join(shapes).encode("utf-8") + b"</xml>", 1)


def _comments_xml(cells: dict[str, Mark]) -> bytes:
    items = "".join(f'<comment ref="{ref}" authorId="0"><text><r><rPr><sz val="9"/><rFont val="宋体"/></rPr>'
                    f'<t xml:space="preserve">{escape(m.note)}</t></r></text></comment>'
                    for ref, m in sorted(cells.items(), key=lambda kv: _ref_key(kv[0])))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<authors><author>{COMMENT_AUTHOR}</author></authors><commentList>{items}</commentList></comments>"
            ).encode("utf-8")


def _ref_key(ref: str) -> tuple[int, int]:
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()
    return int(row), col_index(col)


def _shape(shape_id: int, row: int, col: int, z: int) -> str:
    """One comment's box in the VML drawing (0-based row and column)."""
    return (f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="position:absolute;'
            f'margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:{z};visibility:hidden" '
            'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" '
            'obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/>'
            f"<x:SizeWithCells/><x:Anchor>{col + 1}, 15, {row}, 10, {col + 5}, 15, {row + 6}, 4</x:Anchor>"
            f"<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>")


def _vml(cells: dict[str, Mark], shape_block: int) -> bytes:
    shapes = []
    for i, ref in enumerate(sorted(cells, key=_ref_key)):
        row, col = _ref_key(ref)
        shapes.append(_shape(shape_block * 1024 + i + 1, row - 1, col - 1, i + 1))
    return ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{shape_block}"/></o:shapelayout>'
            '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            + "".join(shapes) + "</xml>").encode("utf-8")


# --- the slow, general way ---------------------------------------------------------------------

MAX_MERGED_CELLS = 1_000_000  # openpyxl makes an object of every cell a merge covers


def _merged_cells(source) -> int:
    """How many cells the package's merges cover, counted from their refs (A1:XFD1048576 is 17 billion)."""
    total = 0
    with source.open() as f, zipfile.ZipFile(f) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                for c0, r0, c1, r1 in _MERGE_REF.findall(z.read(name)):
                    rows = abs(int(r1) - int(r0)) + 1
                    total += rows * (abs(col_index(c1.decode()) - col_index(c0.decode())) + 1)
    return total


_MERGE_REF = LazyPattern(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _write_with_openpyxl(source: Source, path: Path, marks: dict[str, dict[str, Mark]],
                         sheet: Sheet | None = None) -> Path | None:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    if _merged_cells(source) > MAX_MERGED_CELLS:
        return None  # said as no marked copy: its merges would take openpyxl minutes and gigabytes
    with source.open() as f:
        book = openpyxl.load_workbook(f, keep_vba=source.path.suffix.lower() == ".xlsm", rich_text=True)
    for name, cells in marks.items():
        for ref, mark in cells.items():
            cell = book[name][ref]
            cell.fill = PatternFill("solid", fgColor=mark.colour.lstrip("#"))
            note = mark.note
            if cell.comment is not None:
                note = cell.comment.text + "\n\n" + note
            comment = Comment(note, COMMENT_AUTHOR)
            comment.width, comment.height = 320, min(60 + 30 * note.count("\n\n"), 400) + 60
            cell.comment = comment
    if sheet is not None:
        added = book.create_sheet(_free_sheet_name(book.sheetnames, sheet.name))
        for row in sheet.rows:
            added.append(row)
        for cell in added[1] if sheet.rows else ():
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL.lstrip("#"))
        for i, width in enumerate(sheet.widths):
            added.column_dimensions[col_letter(i)].width = width
    return write_atomic(path, book.save, fallback=True)


def _free_sheet_name(names: list[str], name: str) -> str:
    taken = {n.casefold() for n in names}
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name}{n}"
    return candidate


# --- a sheet added to the package ----------------------------------------------------------------

def _append_sheet(z: zipfile.ZipFile, sheet: Sheet, header_style: int, replaced: dict, added: dict) -> None:
    """The sheet as a new worksheet part, listed last in the workbook (its strings inline: the shared
    strings part is left as it is)."""
    names = z.namelist()
    book = z.read("xl/workbook.xml")
    sheets = elements(book, f"{{{MAIN_NS}}}sheet")  # (as triage read the list: a part that is no XML is BROKEN)
    taken = [x.get("name", "") for x in sheets]
    ids = [int(x["sheetId"]) for x in sheets if x.get("sheetId", "").isdigit()]
    part = _free_name(names, added, "xl/worksheets/sheet", ".xml", len(taken) + 1)
    rels = z.read("xl/_rels/workbook.xml.rels")
    rels, rid = _add_rel(rels, "worksheet", part.split("/", 1)[1])
    name = escape(_free_sheet_name(taken, sheet.name))
    entry = f'<sheet name="{name}" sheetId="{max(ids, default=0) + 1}" r:id="{rid}"/>'.encode()
    book = book.replace(b"</sheets>", entry + b"</sheets>", 1)
    if b"xmlns:r=" not in book[:book.index(b">", book.index(b"<workbook")) + 1]:
        book = book.replace(b"<workbook", b'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                            b'2006/relationships"', 1)
    replaced["xl/workbook.xml"] = book
    replaced["xl/_rels/workbook.xml.rels"] = rels
    added[part] = _sheet_xml(sheet, header_style)


def _sheet_xml(sheet: Sheet, header_style: int) -> bytes:
    rows = []
    for r, values in enumerate(sheet.rows, start=1):
        style = f' s="{header_style}"' if r == 1 else ""
        cells = []
        for c, value in enumerate(values):
            ref = f"{col_letter(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(f'<c r="{ref}"{style}><v>{value!r}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, start=1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews>'
            + (f"<cols>{cols}</cols>" if cols else "") + f'<sheetData>{"".join(rows)}</sheetData>'
            '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'  # A4 across, as long as it runs
            '</worksheet>').encode("utf-8")


def _content_types_sheet(xml: bytes, part: str) -> bytes:
    override = (f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.'
                f'spreadsheetml.worksheet+xml"/>').encode()
    return xml.replace(b"</Types>", override + b"</Types>", 1)

