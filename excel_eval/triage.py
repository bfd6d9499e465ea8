"""What a file is, by its content, and whether it is safe to read, before anything parses it."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from .ooxml import ZIP_ERRORS, resolve, sheet_targets
from .package import UNSAFE, ReadError, as_utf8, corrected, inspect
from .naming import FORMATS
from .text import os_reason
from .vocab import ExitCode, Failure

__all__ = ["UNSAFE", "Limits", "ReadError", "Source", "triage"]


@dataclass(frozen=True)
class Source:
    """A workbook to read: a file on disk, or its bytes (an upload) under a file name. `package`
    is what every reader reads when triage corrected the package in memory (the file, or the
    upload's bytes, stay as they are)."""

    path: Path
    data: bytes | None = None
    package: bytes | None = None
    # What triage found of the parts as it inflated them, so that no reader inflates them again: the sheets'
    # formulas without a cached value (`ooxml.uncached_formulas`), and the parts too large to parse that hold
    # nothing XML forbids (`package.Clean`: the marked copy stores them as they are).
    formulas: dict[tuple[str, int, int], dict[tuple[int, int], str]] | None = field(default=None, compare=False, repr=False)
    clean: frozenset[tuple[str, int, int]] | None = field(default=None, compare=False, repr=False)
    # Every sheet part was looked at so, as it is, and none has a formula without its cached value: the
    # readers need not open the package to ask `ooxml.uncached_formulas`, which would find none.
    all_cached: bool = field(default=False, compare=False, repr=False)


    @classmethod
    def of(cls, source: str | os.PathLike | bytes, name: str | None = None) -> Source:
        if isinstance(source, (bytes, bytearray, memoryview)):
            return cls(Path(name or "工作簿.xlsx"), bytes(source))
        return cls(Path(source))

    def open(self) -> BinaryIO:
        held = self.package if self.package is not None else self.data
        return io.BytesIO(held) if held is not None else open(self.path, "rb")  # noqa: SIM115

    def read(self) -> bytes:
        held = self.package if self.package is not None else self.data
        return held if held is not None else self.path.read_bytes()


def env(name: str, default: float) -> float:
    """A limit an environment variable raises (`EXCEL_EVAL_MAX_ROWS`); the default where it is not a number."""
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """What a workbook may be before it is read at all. Each can be raised by an environment
    variable for an office whose rosters are larger (a refusal message names it)."""

    max_unzipped_mb: float = 200  # the parts together, decompressed
    max_ratio: float = 200  # compressed : decompressed, for a part over 10 MB
    max_rows: int = 300_000  # per sheet
    max_cols: int = 500
    max_cells: int = 5_000_000  # per sheet, rows × columns from A1 to its farthest cell (~40 bytes each in memory)
    max_merges: int = 100_000  # merged areas per sheet

    @classmethod
    def from_env(cls) -> Limits:
        return cls(env("EXCEL_EVAL_MAX_UNZIPPED_MB", cls.max_unzipped_mb), env("EXCEL_EVAL_MAX_RATIO", cls.max_ratio),
                   int(env("EXCEL_EVAL_MAX_ROWS", cls.max_rows)), int(env("EXCEL_EVAL_MAX_COLS", cls.max_cols)),
                   int(env("EXCEL_EVAL_MAX_CELLS", cls.max_cells)), int(env("EXCEL_EVAL_MAX_MERGES", cls.max_merges)))

    def too_big(self, rows: int, cols: int, sheet: str, corner: str, at_least: bool = False) -> ReadError:
        """A sheet whose cells reach `corner`, `rows` × `cols` from A1 (`at_least`: counting stopped there)."""
        over = [f"{self.max_rows} 行"] if rows > self.max_rows else []
        over += [f"{self.max_cols} 列"] if cols > self.max_cols else []
        over = over or [f"{self.max_cells} 个单元格"]
        env = {"行": "EXCEL_EVAL_MAX_ROWS", "列": "EXCEL_EVAL_MAX_COLS"}.get(over[0].split()[-1], "EXCEL_EVAL_MAX_CELLS")
        return ReadError(Failure.TOO_LARGE,
                         f"工作表“{sheet}”过大（{'至少 ' if at_least else ''}{rows} 行 × {cols} 列，"
                         f"{'已数到' if at_least else '最远'}的单元格在 {corner}），超过上限 {' / '.join(over)}"
                         f"（如确需处理，可设置环境变量 {env} 提高上限）")


ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UNSAFE = "文件内容损坏或不安全"
LOCK_FILE = ("这是 Excel 或 WPS 打开工作簿时留下的锁文件（文件名以“~$”开头），不是工作簿本身："
             "请关闭该工作簿，再使用不带“~$”的原文件")
WORKBOOK_NAMES = "工作簿（.xlsx、.xlsm、.xls、.ods）"
# Files that are no workbook, by what gives them away (a part of the zip, or the OLE2 format msoffcrypto
# finds): what it is, its own names, what it may be here, what to send instead.
_REPORT = ("Word 文档", "（可能是自评报告）", "，请提交与它一同报送的自评工作簿")
OTHER_FILES = {"word/document.xml": (*_REPORT, (".docx", ".docm", ".dotx")), "doc97": (*_REPORT, (".doc", ".dot")),
               "ppt/presentation.xml": ("PowerPoint 文稿", "", "", (".pptx", ".pptm", ".ppsx")),
               "ppt97": ("PowerPoint 文稿", "", "", (".ppt", ".pps")),
               "": ("压缩文件", "", "，请先解压，再处理其中的工作簿", (".zip",))}


def triage(source: Source, limits: Limits) -> tuple[str, Source]:
    """Recognise the file by its content, not its extension, and refuse what would be unsafe to
    decompress or parse; raise ReadError with the reason. Returns the format found (`xlsx`, and
    .xlsm, `xls` or `ods`, whatever the file is named) and the source to read: `source` itself,
    or with its package corrected in memory (`package.py`)."""
    try:
        with source.open() as f:
            head = f.read(8)
    except OSError as exc:
        raise ReadError(Failure.UNOPENABLE, f"无法打开文件：{os_reason(exc)}") from exc
    lock_file = source.path.name.startswith("~$")
    if lock_file and not head.startswith((ZIP_MAGIC, OLE2_MAGIC)):  # Excel's owner file: a name, not a workbook
        raise ReadError(Failure.NOT_A_WORKBOOK, LOCK_FILE)
    if not head:
        raise ReadError(Failure.EMPTY, "文件是空的（0 字节）")
    if head.startswith(OLE2_MAGIC):
        kind, encrypted = _ole2(source)
        if kind in OTHER_FILES:  # a Word 97 .doc, a .ppt
            raise _not_a_workbook(source, kind)
        if encrypted:
            raise ReadError(Failure.ENCRYPTED, "文件已加密，请取消密码后重试")
        return "xls", source  # a legacy .xls: calamine reads it
    if not head.startswith(ZIP_MAGIC):
        raise ReadError(Failure.NOT_A_WORKBOOK, "不是 Excel 工作簿（请另存为 .xlsx 后重试）")
    try:
        with source.open() as f, zipfile.ZipFile(f) as z:
            names = set(z.namelist())
            ods = "mimetype" in names and z.read("mimetype").strip() == ODS_MIMETYPE
            if "xl/workbook.xml" in names or ods:
                check_declared(z, limits)
                parts = _sheet_parts(z) if not ods else {}
                found = inspect(f, z, limits, parts, ods)
                source = replace(source, formulas=found.formulas, clean=frozenset(found.clean),
                                 all_cached=not found.fixes and _all_cached(z, parts, found.formulas))
                if found.fixes:
                    source = replace(source, package=corrected(f, z, found))
    except ReadError:
        raise
    except ZIP_ERRORS as exc:
        raise ReadError(Failure.CORRUPT, "文件已损坏（压缩包不完整），请重新保存或重新获取该文件") from exc
    if "xl/workbook.xml" not in names and not ods:
        raise _not_a_workbook(source, next((part for part in OTHER_FILES if part in names), ""))
    return ("ods" if ods else "xlsx"), source


def _not_a_workbook(source: Source, kind: str) -> ReadError:
    """A real .docx is a Word document (a report?), not a workbook with a renamed extension."""
    what, guess, instead, own_names = OTHER_FILES[kind]
    if source.path.suffix.lower() in own_names:
        return ReadError(Failure.NOT_A_WORKBOOK, f"这是{what}{guess}，不是工作簿：excel-eval 只读取{WORKBOOK_NAMES}{instead}")
    return ReadError(Failure.NOT_A_WORKBOOK, f"不是 Excel 工作簿（内容是{what}，可能只是改了扩展名）")


def check_declared(z: zipfile.ZipFile, limits: Limits) -> None:
    """Declared sizes and ratios, before anything is decompressed (`inspect` then counts what
    each part really inflates to)."""
    infos = z.infolist()
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_mb * 1e6:
        raise ReadError(Failure.TOO_LARGE,
                        f"{UNSAFE}：解压后达 {total / 1e6:.0f} MB，超过上限 {limits.max_unzipped_mb:g} MB"
                        "（如确为大表，可设置环境变量 EXCEL_EVAL_MAX_UNZIPPED_MB 提高上限）")
    for i in infos:
        if i.file_size > 10e6 and i.file_size > limits.max_ratio * max(i.compress_size, 1):
            raise ReadError(Failure.UNSAFE, f"{UNSAFE}：{i.filename} 压缩比异常"
                            f"（{i.file_size / max(i.compress_size, 1):.0f}:1），疑似压缩炸弹")


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Part → sheet name, for every part a cell reader may read as a sheet: the workbook's
    relationship targets (as resolved by the OOXML rules and as the cell reader joins them to
    `xl/`), and whatever lies in xl/worksheets/. Two sheets of one name (Excel treats names
    without regard to case) are refused: which of them is meant cannot be told."""
    try:
        sheets = sheet_targets(as_utf8("xl/workbook.xml", z.read("xl/workbook.xml")),
                               as_utf8("xl/_rels/workbook.xml.rels", z.read("xl/_rels/workbook.xml.rels")))
    except KeyError:
        return {}  # no relationships: the cell reader says the package is incomplete
    except ValueError as exc:  # not XML, or entities declared (refused as defusedxml refuses them)
        raise ReadError(Failure.CORRUPT, f"{UNSAFE}：工作簿的目录部分无法解析，"
                                         "请用 Excel 或 WPS 打开后重新保存") from exc
    parts, seen = {}, {}
    for name, target in sheets:
        if name.casefold() in seen:
            raise ReadError(Failure.CORRUPT, f"工作簿中有两张同名的工作表“{seen[name.casefold()]}”，无法确定读哪一张；"
                                             "请在 Excel 或 WPS 中打开，改名后重新保存")
        seen[name.casefold()] = name
        for part in (resolve("xl/workbook.xml", target), target[1:] if target.startswith("/") else
                     target if target.startswith("xl/") else f"xl/{target}"):
            parts[part] = name
    for info in z.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            parts.setdefault(info.filename, info.filename)
    return parts


def _all_cached(z: zipfile.ZipFile, parts: dict[str, str], formulas: dict) -> bool:
    """Whether every sheet part the package holds was looked at (its formulas found as it inflated)
    and holds no formula without its cached value."""
    held = set(z.namelist())
    empty = {name for (name, _, _), cells in formulas.items() if not cells}
    return bool(parts) and all(part in empty for part in parts if part in held)


def _ole2(source: Source) -> tuple[str, bool]:
    """What an OLE2 file holds (msoffcrypto's name: xls97, doc97, ppt97, ooxml for an encrypted package; empty
    when it cannot tell) and whether it is encrypted."""
    try:
        import msoffcrypto

        with source.open() as f:
            office = msoffcrypto.OfficeFile(f)
            return getattr(office, "format", ""), bool(office.is_encrypted())
    except Exception:  # noqa: BLE001 (an OLE2 file msoffcrypto cannot parse is not an encrypted workbook)
        return "", False
