"""Build the corpus of bad and hostile workbooks: `python tests/bad/make_corpus.py OUTDIR`.

Every case is made by this script (nothing hand-made), from the clean demo sample: broken
packages, disguised files, encryption, legacy formats, macros, zip and XML bombs, and workbooks
whose contents are wrong in the ways offices get them wrong. CASES says, for each file, the exit
code and the message a user must see.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from excel_eval.samples import demo  # noqa: E402
from excel_eval.writer.template import Content, write_template  # noqa: E402


@dataclass(frozen=True)
class Case:
    file: str
    exit: int
    message: str  # must appear in what the user sees (stderr); "" when the run is clean
    make: Callable[[Path], None]


def _demo(path: Path, edit: Callable[[Content], None] | None = None) -> None:
    content = demo()
    if edit:
        edit(content)
    write_template(path, content)


def _rewrite(path: Path, source: Path, change: Callable[[str, bytes], bytes | None],
             extra: dict[str, bytes] | None = None) -> None:
    """Copy a package part by part; `change` may return new bytes for a part (None drops it)."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = change(info.filename, z.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)


def _clean(tmp: Path) -> Path:
    path = tmp / "clean.xlsx"
    if not path.exists():
        _demo(path)
    return path


# --- the cases ----------------------------------------------------------------------------------

def empty(path: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path) -> None:
    data = _clean(path.parent).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def word_renamed(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats'
                   '.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>自评报告</w:t></w:r></w:p></w:body>'
                   "</w:document>")


def text_renamed(path: Path) -> None:
    path.write_text("项目名称,预算\n测试,100\n", encoding="utf-8")


def encrypted(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(_clean(path.parent), "rb") as src, open(path, "wb") as out:
        OOXMLFile(src).encrypt("123456", out)


def legacy_xls(path: Path) -> None:
    src = _clean(path.parent)
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(path.parent), str(src)],
                   check=True, capture_output=True, timeout=300)
    (path.parent / "clean.xls").rename(path)


def macro_xlsm(path: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            return data.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/'
                                b'vnd.ms-office.vbaProject"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.'
                                b'com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                                b"</Relationships>")
        return data

    _rewrite(path, _clean(path.parent), change, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not a real macro " * 64})


def zip_bomb(path: Path) -> None:
    # 60 MB of one repeated byte packs into ~60 KB: a ratio no workbook has.
    _rewrite(path, _clean(path.parent), lambda name, data: data, {"xl/media/filler.bin": b"\0" * 60_000_000})


def billion_laughs(path: Path) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
              "<si><t>&lol9;</t></si></sst>")
    _rewrite(path, _clean(path.parent),
             lambda name, data: laughs.encode() if name == "xl/sharedStrings.xml" else data)


def _openpyxl(path: Path, edit: Callable) -> None:
    import openpyxl

    book = openpyxl.load_workbook(_clean(path.parent))
    edit(book)
    book.save(path)


def sheet_renamed(path: Path) -> None:
    _openpyxl(path, lambda book: setattr(book["预算"], "title", "预算表"))


def column_missing(path: Path) -> None:
    _openpyxl(path, lambda book: book["预算"].delete_cols(7))  # 执行数


def merged_header(path: Path) -> None:
    def edit(book) -> None:
        ws = book["预算"]
        ws.insert_rows(2)
        for col, (top, bottom) in enumerate([("序号", None), ("支出内容", None), ("资金来源", None), ("预算数", "年初"),
                                             (None, "全年"), ("到位数", None), ("执行数", None), ("结余", None),
                                             ("备注", None)], start=1):
            ws.cell(2, col).value = top
            ws.cell(3, col).value = bottom
        ws.merge_cells("D2:E2")
        for col in (1, 2, 3, 6, 7, 8, 9):
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    _openpyxl(path, edit)


def text_with_units(path: Path) -> None:
    _demo(path, lambda c: c.budget[0].update(budget="70万元", received="70 万元", executed="69.5万元"))


def negative(path: Path) -> None:
    _demo(path, lambda c: c.budget[1].update(executed=-28.6, balance=58.6))


def nan_inf(path: Path) -> None:
    _demo(path, lambda c: c.budget[0].update(budget="NaN", executed="inf"))


def serial_dates(path: Path) -> None:
    def edit(c: Content) -> None:
        for row in c.indicators:
            if row["level4"] == "补助资金下达时间":
                row["actual"] = 44804  # 2022-08-31, typed into a cell with no date format
    _demo(path, edit)


def circular(path: Path) -> None:
    """结余 of the first budget line refers to itself; Excel saved its last value (0.5)."""
    src = path.parent / "circular_src.xlsx"
    _demo(src)
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet3.xml")  # 预算
    start = sheet.index(b'<c r="H3"')
    cell = sheet[start:sheet.index(b"</c>", start) + 4]
    head = cell[: cell.index(b">")]
    _rewrite(path, src, lambda name, data: data.replace(cell, head + b"><f>H3+0</f><v>0.5</v></c>")
             if name == "xl/worksheets/sheet3.xml" else data)
    src.unlink()


def uncached_formulas(path: Path) -> None:
    def edit(book) -> None:
        ws = book["预算"]
        ws["E5"] = "=SUM(E3:E4)"  # written by a script, never opened in Excel
    _openpyxl(path, edit)


def million_rows(path: Path) -> None:
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 1_000_002))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A1000001"/><sheetData>'
             + rows + "</sheetData></worksheet>").encode()
    _rewrite(path, _clean(path.parent), lambda name, data: sheet if name == "xl/worksheets/sheet4.xml" else data)


def hidden_sheet(path: Path) -> None:
    _rewrite(path, _clean(path.parent), lambda name, data: data.replace(
        '<sheet name="预算"'.encode(), '<sheet name="预算" state="hidden"'.encode()) if name == "xl/workbook.xml"
        else data)


FORMULA_TEXTS = ('=HYPERLINK("http://example.invalid","点此查看")', "=cmd|' /C calc'!A0", "+1+1", "-1+2", "@SUM(1)")


def formula_text(path: Path) -> None:
    def edit(c: Content) -> None:
        c.budget[0]["item"] = FORMULA_TEXTS[0]
        c.budget[0]["note"] = FORMULA_TEXTS[1]
        c.budget[1]["item"] = FORMULA_TEXTS[2]
        c.allocation[0]["name"] = FORMULA_TEXTS[3]
        c.allocation[1]["name"] = FORMULA_TEXTS[4]
    _demo(path, edit)


def long_cell(path: Path) -> None:
    """50,000 characters in one cell: more than Excel itself allows (32,767), so written directly."""
    long = ("残疾人生活补助" + "很长的说明" * 10_000).encode()
    _rewrite(path, _clean(path.parent), lambda name, data: data.replace(
        "<t>残疾人生活补助</t>".encode(), b"<t>" + long + b"</t>") if name == "xl/sharedStrings.xml" else data)


def emoji_control(path: Path) -> None:
    def edit(c: Content) -> None:
        c.info["project"] = "2022年残疾人😀生活补助\x01经费"
        c.allocation[0]["name"] = "甲县残联🏢\x07"
    _demo(path, edit)


# --- hostile files: small packages that lie about what they hold -----------------------------------

SHEET = "xl/worksheets/sheet4.xml"  # 资金分配 of the demo


def _edit_part(path: Path, part: str, edit: Callable[[bytes], bytes]) -> None:
    _rewrite(path, _clean(path.parent), lambda name, data: edit(data) if name == part else data)


def workbook_entity(path: Path) -> None:
    """xl/workbook.xml declares an external entity and names a sheet with it: nothing is fetched or expanded."""
    _edit_part(path, "xl/workbook.xml", lambda d: d.replace(b"?>", b'?><!DOCTYPE workbook [<!ENTITY e SYSTEM '
                                                                    b'"file:///etc/passwd">]>', 1)
               .replace(b'name="', b'name="&e;', 1))


def _dimension(data: bytes, ref: str | None) -> bytes:
    return re.sub(rb"<dimension [^>]*/>", b"" if ref is None else f'<dimension ref="{ref}"/>'.encode(), data)


def _append_row(data: bytes, row: bytes) -> bytes:
    return data.replace(b"</sheetData>", row + b"</sheetData>")


def far_cell(path: Path) -> None:
    """One cell at XFD1048576, no <dimension>: a reader that sizes its grid by the cells asks for 512 GB."""
    _edit_part(path, SHEET, lambda d: _append_row(_dimension(d, None),
                                                  b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))


def honest_huge_dimension(path: Path) -> None:
    """Within the row and column limits one by one (300,000 × 500), honestly declared: 150 million cells."""
    _edit_part(path, SHEET, lambda d: _append_row(_dimension(d, "A1:SF300000"),
                                                  b'<row r="300000"><c r="SF300000"><v>1</v></c></row>'))


def loose_dimension(path: Path) -> None:
    """The <dimension> claims A1:SF300000, the cells are the demo's own: a header that overstates."""
    _edit_part(path, SHEET, lambda d: _dimension(d, "A1:SF300000"))


def shared_strings_count(path: Path) -> None:
    _edit_part(path, "xl/sharedStrings.xml", lambda d: re.sub(
        rb'count="\d+" uniqueCount="\d+"', b'count="4294967295" uniqueCount="4294967295"', d, count=1))


BUDGET = "xl/worksheets/sheet3.xml"  # 预算 of the demo


def _uncached(data: bytes) -> bytes:
    """预算!E5 (the 合计 of 全年预算数) as a script leaves it: =SUM(E3:E4) with no cached value."""
    return re.sub(rb'<c r="E5"([^>]*?)>.*?</c>', rb'<c r="E5"\1><f>SUM(E3:E4)</f></c>', data, count=1)


def rows_and_formula(path: Path) -> None:
    """A cell at A300001 (300,001 rows, 18 KB) and a formula without a cached value: the formula
    engine would load the whole grid before the row limit is looked at."""
    def change(name: str, data: bytes) -> bytes:
        if name == BUDGET:
            return _append_row(_dimension(_uncached(data), None), b'<row r="300001"><c r="A300001"><v>1</v></c></row>')
        return data
    _rewrite(path, _clean(path.parent), change)


def unnumbered_rows(path: Path) -> None:
    """300,001 rows and cells with no r attributes (positions by counting), no <dimension>: 7 KB zipped."""
    rows = b"<row><c><v>1</v></c></row>" * 300_001
    sheet = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>")
    _rewrite(path, _clean(path.parent), lambda name, data: sheet if name == SHEET else data)


def merge_and_formula(path: Path) -> None:
    """A merge over A1:A100000 on 预算, beside a formula without a cached value there."""
    def change(name: str, data: bytes) -> bytes:
        if name == BUDGET:
            merge = b'<mergeCells count="1"><mergeCell ref="A1:A100000"/></mergeCells>'
            data = re.sub(rb"<mergeCells .*?</mergeCells>", b"", _uncached(data), flags=re.S)
            return data.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
        return data
    _rewrite(path, _clean(path.parent), change)


def comment_and_huge_merge(path: Path) -> None:
    """A negative amount on 预算 (a finding to mark), a comment there already (the marked copy then
    goes through openpyxl) and a merge over the whole sheet, which openpyxl would fill cell by cell."""
    src = path.parent / "comment_src.xlsx"

    def edit(book) -> None:
        from openpyxl.comments import Comment

        book["预算"]["G4"] = -28.6
        book["预算"]["B2"].comment = Comment("原有批注", "填表人")
    _openpyxl(src, edit)
    merge = b'<mergeCells count="1"><mergeCell ref="K1:XFD1048576"/></mergeCells>'
    _rewrite(path, src, lambda name, data: re.sub(rb"<mergeCells .*?</mergeCells>", b"", data, flags=re.S).replace(
        b"</sheetData>", b"</sheetData>" + merge, 1) if name == BUDGET else data)
    src.unlink()


def control_in_section(path: Path) -> None:
    """A control character (U+0001) in a 一级指标 name and in a 项目名称: text XML 1.0 cannot hold."""
    def edit(c: Content) -> None:
        for row in c.indicators:
            if row["level1"] == "A项目决策":
                row["level1"] = "A项目\x01决策"
        c.info["unit"] = "某某\x02单位\x1f"
    _demo(path, edit)


def encoding_declared(label: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _edit_part(path, "xl/workbook.xml", lambda d: d.replace(b'encoding="UTF-8"', b'encoding="' + label + b'"', 1))
    make.__doc__ = f"xl/workbook.xml declares encoding {label.decode()} over UTF-8 bytes."
    return make


def all_utf16(path: Path) -> None:
    """Every XML part really in UTF-16 (with its byte-order mark), as OOXML allows and no office writes."""
    _rewrite(path, _clean(path.parent), lambda name, data: data.decode("utf-8").replace(
        'encoding="UTF-8"', 'encoding="UTF-16"', 1).encode("utf-16") if name.endswith((".xml", ".rels")) else data)


def utf16_far_cell(path: Path) -> None:
    """The far cell again, in a sheet written in UTF-16: its cells are measured after conversion."""
    src = path.parent / "far_src.xlsx"
    far_cell(src)
    _rewrite(path, src, lambda name, data: data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
             .encode("utf-16") if name == SHEET else data)
    src.unlink()


def repeated_ods(path: Path) -> None:
    """An OpenDocument table whose one row of one cell stands for 6,000 rows × 16,384 columns, all
    holding a value (number-rows-repeated, number-columns-repeated): 1 KB that the cell reader
    makes into 98 million cells, just under its own cap."""
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
               f'opendocument:xmlns:office:1.0" xmlns:table="{table}" xmlns:text="urn:oasis:names:tc:opendocument:'
               'xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="预算">'
               '<table:table-row><table:table-cell office:value-type="string"><text:p>全年预算数</text:p>'
               '</table:table-cell></table:table-row><table:table-row table:number-rows-repeated="6000"><table:table-cell '
               'table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                   '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                   'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def duplicate_sheet_names(path: Path) -> None:
    _edit_part(path, "xl/workbook.xml", lambda d: d.replace('<sheet name="资金分配"'.encode(),
                                                                     '<sheet name="预算"'.encode(), 1))


def _zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> None:
    """A zip written by hand, so a part can declare a size it does not have: (name, deflated, crc, size)."""
    body, central = bytearray(), bytearray()
    for name, data, crc, size in parts:
        raw = name.encode()
        head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size, len(raw), 0)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(data), size,
                               len(raw), 0, 0, 0, 0, 0, len(body)) + raw
        body += head + raw + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(body), 0)
    path.write_bytes(bytes(body + central + end))


def under_declared(path: Path, megabytes: int = 1000, declared: int = 1_000_000) -> None:
    """资金分配 inflates to `megabytes` MB (whitespace inside <sheetData>) and declares `declared` bytes:
    the central directory and the local header both lie, the CRC is honest. 1 MB on disk."""
    with zipfile.ZipFile(_clean(path.parent)) as z:
        originals = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    parts = []
    for name, data in originals:
        if name != SHEET:
            deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
            parts.append((name, deflate.compress(data) + deflate.flush(), zlib.crc32(data), len(data)))
            continue
        cut = data.index(b"</sheetData>")
        head, tail, filler = data[:cut], data[cut:], b" " * 2**20
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        first = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
        block = deflate.compress(filler) + deflate.flush(zlib.Z_FULL_FLUSH)  # stands alone: repeated below
        last = deflate.compress(tail) + deflate.flush()
        crc = zlib.crc32(head)
        for _ in range(megabytes):
            crc = zlib.crc32(filler, crc)
        parts.append((name, first + block * megabytes + last, zlib.crc32(tail, crc), declared))
    _zip(path, parts)


CASES = [
    Case("空文件.xlsx", 3, "文件是空的（0 字节）", empty),
    Case("截断.xlsx", 3, "文件已损坏（压缩包不完整），请重新保存或重新获取该文件", truncated),
    Case("Word改名.xlsx", 3, "不是 Excel 工作簿（内容是Word 文档，可能只是改了扩展名）", word_renamed),
    Case("文本改名.xlsx", 3, "不是 Excel 工作簿（请另存为 .xlsx 后重试）", text_renamed),
    Case("加密.xlsx", 3, "文件已加密，请取消密码后重试", encrypted),
    Case("旧版.xls", 0, "文件是旧版 .xls 格式，无法生成标注副本，请另存为 .xlsx", legacy_xls),
    Case("宏.xlsm", 0, "", macro_xlsm),
    Case("压缩炸弹.xlsx", 3, "疑似压缩炸弹", zip_bomb),
    Case("实体炸弹.xlsx", 3, "文件内容损坏或不安全：xl/sharedStrings.xml 含有 XML 实体声明，已拒绝读取", billion_laughs),
    Case("表名改了.xlsx", 1, "缺少必需的工作表“预算”", sheet_renamed),
    Case("缺列.xlsx", 1, "工作表“预算”缺少必需的列“执行数”", column_missing),
    # openpyxl's insert_rows leaves the 合计 formulas pointing one row up (=SUM(D3:D4) over the header
    # and one row): computed, as Excel would show them, they disagree with the rows above.
    Case("两行表头.xlsx", 1, "合计行的“全年预算数” 70.00 ≠ 上面各行之和 100.00", merged_header),
    Case("文本数字.xlsx", 1, "数字以文本形式填写：“70万元”，已按 70 读取", text_with_units),  # and the SUM skipped them
    Case("负数.xlsx", 1, "金额为负数：-28.60", negative),
    Case("NaN.xlsx", 1, "应为数字，实际为“NaN”", nan_inf),
    Case("日期序号.xlsx", 0, "", serial_dates),
    Case("循环公式.xlsx", 0, "", circular),
    Case("无缓存公式.xlsx", 0, "5 个公式没有计算结果（文件未在 Excel/WPS 中打开保存过），均已由工具按公式算出", uncached_formulas),
    Case("百万行.xlsx", 3, "工作表“资金分配”过大（1000001 行 × 1 列，最远的单元格在 A1000001），超过上限 300000 行", million_rows),
    Case("隐藏表.xlsx", 0, "工作表“预算”是隐藏的，已照常读取", hidden_sheet),
    Case("公式文本.xlsx", 0, "", formula_text),
    Case("超长单元格.xlsx", 0, "", long_cell),
    Case("表情符号.xlsx", 0, "", emoji_control),
]

# Hostile files (issue 25): each is one clear answer, quickly and in little memory, before any
# reader allocates. `message` is what the user sees; the readable ones are scored as the demo is.
HOSTILE = [
    Case("远处单元格.xlsx", 3, "工作表“资金分配”过大（1048576 行 × 16384 列，最远的单元格在 XFD1048576）", far_cell),
    Case("维度巨大.xlsx", 3, "工作表“资金分配”过大（300000 行 × 500 列，最远的单元格在 SF300000），超过上限 5000000 个单元格",
         honest_huge_dimension),
    Case("维度虚报.xlsx", 0, "", loose_dimension),
    Case("压缩声明不实.xlsx", 3, "xl/worksheets/sheet4.xml 解压后比压缩包中声明的大小（1.0 MB）更大，压缩包已被篡改或损坏",
         under_declared),
    Case("共享字符串计数.xlsx", 0, "", shared_strings_count),
    Case("三十万行公式.xlsx", 3, "工作表“预算”过大（300001 行 × 9 列，最远的单元格在 I300001），超过上限 300000 行",
         rows_and_formula),
    Case("三十万行无编号.xlsx", 3, "工作表“资金分配”过大（至少 300001 行 × 1 列，已数到的单元格在 A300001），超过上限 300000 行",
         unnumbered_rows),
    Case("合并十万行公式.xlsx", 0, "", merge_and_formula),
    Case("批注与整表合并.xlsx", 1, "标注：文件结构不完整，无法生成标注副本", comment_and_huge_merge),
    Case("控制字符.xlsx", 0, "", control_in_section),
    Case("编码UTF16.xlsx", 0, "", encoding_declared(b"UTF-16")),
    Case("编码junk.xlsx", 0, "", encoding_declared(b"junk")),
    Case("全UTF16.xlsx", 0, "", all_utf16),
    Case("UTF16远处单元格.xlsx", 3, "工作表“资金分配”过大（1048576 行 × 16384 列，最远的单元格在 XFD1048576）", utf16_far_cell),
    Case("重复行列.ods", 3, "工作表“预算”过大（2 行 × 16384 列，最远的单元格在 XFD2），超过上限 500 列", repeated_ods),
    Case("目录外部实体.xlsx", 3, "工作簿的目录部分无法解析，请用 Excel 或 WPS 打开后重新保存", workbook_entity),
    Case("重名工作表.xlsx", 3, "工作簿中有两张同名的工作表“预算”，无法确定读哪一张", duplicate_sheet_names),
]


def build(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES + HOSTILE:
        path = out / case.file
        case.make(path)
        paths.append(path)
    for leftover in ("clean.xlsx",):
        (out / leftover).unlink(missing_ok=True)
    return paths


if __name__ == "__main__":
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bad-corpus")):
        print(p)
