"""A unit's 自评报告 read as text with its places: each paragraph (`第12段`) and each table's cells
(`表3!B4`), from a Word document (.docx) or a PDF with a text layer (`第2页第5段`).

Recognised by content, as workbooks are, and read inside the same limits: a .docx is a zip
package whose parts are inflated and counted by package.py (a zip bomb, entity declarations are
refused) and parsed by defusedxml; a PDF is read by pdfplumber (imported only here) page by page,
at most `ReportLimits.max_pages` pages and `max_chars` characters. A PDF without a text layer (a
scan) says so.
"""

from __future__ import annotations

import enum
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model import REPORT_SHEET, TABLE_ROWS, Place, col_letter
from ..ooxml import ZIP_ERRORS
from ..package import UNSAFE, ReadError, read_part
from ..naming import WORKBOOK_SUFFIXES
from ..triage import ZIP_MAGIC, Limits, Source, check_declared, env
from ..vocab import Failure

PDF_MAGIC = b"%PDF-"
DOCUMENT = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REPORT_NAMES = "自评报告（.docx 或有文字层的 .pdf）"


class ReportKind(enum.Enum):
    DOCX = "docx"
    PDF = "pdf"


# A Word document or a PDF under a workbook's name is a slip, said as such (triage), not read as a report.


@dataclass(frozen=True)
class ReportLimits:
    """What a report may be: its pages (a PDF) and the characters of its text."""

    max_pages: int = 300
    max_chars: int = 2_000_000

    @classmethod
    def from_env(cls) -> ReportLimits:
        return cls(int(env("EXCEL_EVAL_MAX_PAGES", cls.max_pages)), int(env("EXCEL_EVAL_MAX_CHARS", cls.max_chars)))


@dataclass(eq=False, repr=False)
class Paragraph:
    text: str
    place: Place


@dataclass(eq=False, repr=False)
class ReportTable:
    """A table as its rows of cell texts; `number` is its place among the report's tables (表3)."""

    number: int
    rows: list[list[str]]
    page: int = 0  # a PDF's page the table starts on

    def place(self, row: int, col: int) -> Place:
        return Place(REPORT_SHEET, self.number * TABLE_ROWS + row, col, f"表{self.number}!{col_letter(col)}{row + 1}")


@dataclass(eq=False, repr=False)
class Report:
    """What a report says, in order: its paragraphs, and its tables with their cells."""

    path: Path
    kind: ReportKind
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.path.name


def report_kind(source: Source) -> ReportKind | None:
    """What the file is when it is a report by its content (a Word document, a PDF), else None:
    a workbook, anything else, or a report under a workbook's name (a slip triage says)."""
    if source.path.suffix.lower() in WORKBOOK_SUFFIXES:
        return None
    try:
        with source.open() as f:
            head = f.read(8)
            if head.startswith(PDF_MAGIC):
                return ReportKind.PDF
            if not head.startswith(ZIP_MAGIC):
                return None
            f.seek(0)
            with zipfile.ZipFile(f) as z:
                names = set(z.namelist())
    except (OSError, *ZIP_ERRORS):
        return None
    return ReportKind.DOCX if DOCUMENT in names and "xl/workbook.xml" not in names else None


def read_report(source: Source, limits: Limits | None = None, report_limits: ReportLimits | None = None) -> Report:
    """The report's paragraphs and tables; ReadError (in Chinese) for a file that cannot be read."""
    limits = limits or Limits.from_env()
    report_limits = report_limits or ReportLimits.from_env()
    kind = report_kind(source)
    if kind is ReportKind.DOCX:
        report = _read_docx(source, limits)
    elif kind is ReportKind.PDF:
        report = _read_pdf(source, report_limits)
    else:
        raise ReadError(Failure.NOT_A_WORKBOOK, f"不是{REPORT_NAMES}")
    chars = sum(len(p.text) for p in report.paragraphs) + sum(len(c) for t in report.tables for r in t.rows for c in r)
    if chars > report_limits.max_chars:
        raise ReadError(Failure.TOO_LARGE, f"报告的文字达 {chars} 字，超过上限 {report_limits.max_chars} 字"
                                           "（如确需处理，可设置环境变量 EXCEL_EVAL_MAX_CHARS 提高上限）")
    return report


# --- Word ----------------------------------------------------------------------------------------

def _read_docx(source: Source, limits: Limits) -> Report:
    from defusedxml import ElementTree  # noqa: PLC0415

    try:
        with source.open() as f, zipfile.ZipFile(f) as z:
            check_declared(z, limits)
            data = read_part(f, z, DOCUMENT, limits)
        root = ElementTree.fromstring(data)
    except ReadError:
        raise
    except (*ZIP_ERRORS, KeyError) as exc:
        raise ReadError(Failure.CORRUPT, "Word 文档已损坏（压缩包不完整），请用 Word 或 WPS 打开后重新保存") from exc
    except (ElementTree.ParseError, ValueError) as exc:  # defusedxml's refusals are ValueErrors
        raise ReadError(Failure.CORRUPT, f"{UNSAFE}：Word 文档的正文部分无法解析，请用 Word 或 WPS 打开后重新保存") from exc
    report = Report(source.path, ReportKind.DOCX)
    body = root.find(_w("body"))
    for node in (body if body is not None else []):
        if node.tag == _w("p"):
            text = _text(node)
            if text.strip():
                n = len(report.paragraphs) + 1
                report.paragraphs.append(Paragraph(text.strip(), Place(REPORT_SHEET, n, 0, f"第{n}段")))
        elif node.tag == _w("tbl"):
            report.tables.append(ReportTable(len(report.tables) + 1, _rows(node)))
    if not report.paragraphs and not any(c for t in report.tables for r in t.rows for c in r):
        raise ReadError(Failure.NOT_A_WORKBOOK, "这份 Word 文档没有文字，不是自评报告（也不是工作簿）")
    return report


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _text(node) -> str:
    out = []
    for el in node.iter():
        if el.tag == _w("t"):
            out.append(el.text or "")
        elif el.tag == _w("tab"):
            out.append("\t")
        elif el.tag in (_w("br"), _w("cr")):
            out.append("\n")
    return "".join(out)


def _rows(table) -> list[list[str]]:
    """The table's rows on its grid: a cell spanning columns fills the first, a continued
    vertical merge is blank (as a reader sees the table)."""
    rows = []
    for tr in table.findall(_w("tr")):
        row: list[str] = []
        for tc in tr.findall(_w("tc")):
            props = tc.find(_w("tcPr"))
            span = 1
            if props is not None:
                grid = props.find(_w("gridSpan"))
                if grid is not None:
                    try:
                        span = max(1, min(int(grid.get(_w("val"), "1")), 64))
                    except ValueError:
                        span = 1
            text = "\n".join(_text(p).strip() for p in tc.iter(_w("p"))).strip()
            row += [text] + [""] * (span - 1)
        rows.append(row)
    return rows


# --- PDF -----------------------------------------------------------------------------------------

def _read_pdf(source: Source, limits: ReportLimits) -> Report:
    try:
        import pdfplumber  # noqa: PLC0415
    except ImportError as exc:  # installed with the tool; a trimmed install says what is missing
        raise ReadError(Failure.UNOPENABLE, "读取 PDF 需要 pdfplumber：pip install pdfplumber") from exc
    report = Report(source.path, ReportKind.PDF)
    try:
        with pdfplumber.open(io.BytesIO(source.read())) as pdf:
            if len(pdf.pages) > limits.max_pages:
                raise ReadError(Failure.TOO_LARGE, f"PDF 有 {len(pdf.pages)} 页，超过上限 {limits.max_pages} 页"
                                                   "（如确需处理，可设置环境变量 EXCEL_EVAL_MAX_PAGES 提高上限）")
            chars = 0
            for number, page in enumerate(pdf.pages, start=1):
                chars += len(page.chars)
                if chars > limits.max_chars:
                    raise ReadError(Failure.TOO_LARGE, f"PDF 的文字超过上限 {limits.max_chars} 字"
                                                       "（如确需处理，可设置环境变量 EXCEL_EVAL_MAX_CHARS 提高上限）")
                _read_page(page, number, report)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 (pdfminer's many refusals of a damaged file)
        raise ReadError(Failure.CORRUPT, "PDF 文件已损坏或无法解析，请重新导出或重新获取该文件") from exc
    if not report.paragraphs and not report.tables:
        raise ReadError(Failure.NOT_A_WORKBOOK, "这份 PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字和数字；"
                                                "请提交 Word 版报告，或由 Word/WPS 直接导出的 PDF")
    return report


_SPACES = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
_WRAP = re.compile(r"(?<=[^\x00-\x7f])\n|\n(?=[^\x00-\x7f])")


def _clean(text: str) -> str:
    """Text as the page shows it, without the spaces a PDF puts between Chinese characters, nor
    the line breaks of a narrow table cell (合计人 / 数 is 合计人数)."""
    text = _WRAP.sub("", (text or "").strip()).replace("\n", " ")
    return _SPACES.sub("", text)


def _read_page(page, number: int, report: Report) -> None:
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    items: list[tuple[float, str, object]] = []
    for t in found:
        rows = [[_clean(c) for c in row] for row in t.extract()]
        items.append((t.bbox[1], "table", rows))

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    lines = page.filter(outside).extract_text_lines(strip=True)
    right = max((ln["x1"] for ln in lines), default=0)
    size = min((c["size"] for c in page.chars), default=10)
    paragraph, top = [], 0.0
    for ln in lines:
        if not paragraph:
            top = ln["top"]
        paragraph.append(_clean(ln["text"]))
        if ln["x1"] < right - 2 * size:  # a line that stops short of the margin ends its paragraph
            items.append((top, "text", "".join(paragraph)))
            paragraph = []
    if paragraph:
        items.append((top, "text", "".join(paragraph)))
    count = 0
    for _, kind, value in sorted(items, key=lambda x: x[0]):
        if kind == "table":
            previous = report.tables[-1] if report.tables else None
            if previous is not None and previous.page == number - 1 and count == 0 \
                    and len(previous.rows[-1]) == len(value[0]):  # a table that goes on over the page break
                previous.rows.extend(value)
                previous.page = number
            else:
                report.tables.append(ReportTable(len(report.tables) + 1, value, number))
            count += 1
        elif value.strip():
            count += 1
            n = sum(1 for p in report.paragraphs if p.place.col == number) + 1
            report.paragraphs.append(Paragraph(value, Place(REPORT_SHEET, number * 1000 + n, number,
                                                            f"第{number}页第{n}段")))


__all__ = ["Paragraph", "Report", "ReportKind", "ReportLimits", "ReportTable", "read_report", "report_kind"]
