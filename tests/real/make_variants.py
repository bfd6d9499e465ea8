"""Real files as people leave them: each class of variant, made from the samples.

A variant is the sample's package with a few parts edited the way Excel, WPS, a script or a
person leaves them: a signature line under a table, a label typed with a colon, a draft copy of
a sheet, a formula with no cached value, a percentage stored as 0.9809999999999999, ... Each
says what a careful reader expects of it: the untouched sample's total, execution rate and
survey score with no new 错误 (and a 警告 where the tool had to choose), or, for a planted
mistake, the 错误 at its cell. `python tests/real/make_variants.py DIR` writes them all.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from excel_eval.ooxml import escape, sheet_parts  # noqa: E402

SAMPLES = ROOT / "samples"
DEMO, S000, S003 = "示例_无错误.xlsx", "000_残疾人基层组织建设补助经费.xlsx", "003_职业技能培训及就业服务.xlsx"


@dataclass(frozen=True)
class Variant:
    file: str
    sample: str
    make: Callable[[bytes], bytes]
    cls: int  # the class of issue it belongs to
    planted: tuple[str, str] | None = None  # (code, "sheet!cell") of the 错误 a planted mistake gives
    warns: tuple[str, ...] = ()  # the 警告 the tool gives where it made a choice
    hints: tuple[str, ...] = ()  # the 提示 it gives where it read something as meant


# --- editing a package ------------------------------------------------------------------------------

def rebuild(src: bytes, change: Callable[[str, bytes, dict], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        parts = sheet_parts(z)
        for info in z.infolist():
            w.writestr(info.filename, change(info.filename, z.read(info.filename), parts))
    return out.getvalue()


def cells(sheet: str, values: dict[str, object]) -> Callable[[bytes], bytes]:
    """Set cells: a number, text (inline), a formula with no cached value (`=…`), or None (empty)."""
    def cell_xml(ref: str, style: str, v: object) -> str:
        if v is None:
            return f'<c r="{ref}"{style}/>'
        if isinstance(v, str) and v.startswith("="):
            return f'<c r="{ref}"{style}><f>{escape(v[1:])}</f></c>'
        if isinstance(v, str):
            return f'<c r="{ref}"{style} t="inlineStr"><is><t>{escape(v)}</t></is></c>'
        return f'<c r="{ref}"{style}><v>{v!r}</v></c>'

    def change(name: str, data: bytes, parts: dict) -> bytes:
        if name != parts[sheet]:
            return data
        for ref, v in values.items():
            m = re.search(rb'<c r="' + ref.encode() + rb'"([^>]*?)(/>|>.*?</c>)', data, re.S)
            if m:
                style = re.search(rb'\ss="\d+"', m[1])
                new = cell_xml(ref, style[0].decode() if style else "", v).encode()
                data = data[:m.start()] + new + data[m.end():]
            else:  # a cell the row does not have yet: at the end of its row (readers go by reference)
                row = re.match(r"[A-Z]+(\d+)", ref)[1]
                rm = re.search(rb'<row r="' + row.encode() + rb'"[^>]*?(/>|>)', data)
                row_open = rm[0] if rm[1] == b">" else rm[0][:-2] + b">"
                end = data.index(b"</row>", rm.end()) if rm[1] == b">" else rm.end()
                body = data[rm.end():end] if rm[1] == b">" else b""
                data = data[:rm.start()] + row_open + body + cell_xml(ref, "", v).encode() + b"</row>" + \
                    data[end + (6 if rm[1] == b">" else 0):]
        return data

    return lambda src: rebuild(src, change)


def rows_below(sheet: str, rows: list[list[str | None]], gap: int = 1) -> Callable[[bytes], bytes]:
    """Text rows under the last row of a sheet (signature lines, notes)."""
    def change(name: str, data: bytes, parts: dict) -> bytes:
        if name != parts[sheet]:
            return data
        last = max(int(x) for x in re.findall(rb'<row r="(\d+)"', data))
        xml = ""
        for i, row in enumerate(rows):
            r = last + gap + 1 + i
            xml += f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                                             for c, v in enumerate(row) if v) + "</row>"
        return data.replace(b"</sheetData>", xml.encode() + b"</sheetData>")

    return lambda src: rebuild(src, change)


def strings(mapping: dict[str, str]) -> Callable[[bytes], bytes]:
    """Shared strings retyped (every cell that shows them)."""
    def change(name: str, data: bytes, parts: dict) -> bytes:
        if name != "xl/sharedStrings.xml":
            return data
        for a, b in mapping.items():
            data = data.replace(f"<t>{escape(a)}</t>".encode(), f"<t>{escape(b)}</t>".encode())
        return data

    return lambda src: rebuild(src, change)


def copy_sheet(sheet: str, new_name: str, edit: dict[str, object] | None = None) -> Callable[[bytes], bytes]:
    """A copy of `sheet` named `new_name`, placed first (as a draft often is), with `edit` in the copy."""
    def make(src: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(src)) as z:
            part = sheet_parts(z)[sheet]
            n = 1 + max(int(x) for x in re.findall(r"worksheets/sheet(\d+)\.xml", " ".join(z.namelist())))
            new_part, rid = f"xl/worksheets/sheet{n}.xml", f"rIdCopy{n}"
            body = z.read(part)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for info in z.infolist():
                    data = z.read(info.filename)
                    if info.filename == "xl/workbook.xml":
                        data = data.replace(b"<sheets>", f'<sheets><sheet name="{escape(new_name)}" sheetId="{100 + n}" '
                                                         f'r:id="{rid}"/>'.encode())
                    elif info.filename == "xl/_rels/workbook.xml.rels":
                        data = data.replace(b"</Relationships>", (
                            f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            f'relationships/worksheet" Target="worksheets/sheet{n}.xml"/></Relationships>').encode())
                    elif info.filename == "[Content_Types].xml":
                        data = data.replace(b"</Types>", (
                            f'<Override PartName="/{new_part}" ContentType="application/vnd.openxmlformats-'
                            f'officedocument.spreadsheetml.worksheet+xml"/></Types>').encode())
                    w.writestr(info.filename, data)
                w.writestr(new_part, body)
        data = out.getvalue()
        return cells(new_name, edit)(data) if edit else data

    return make


def blank_sheet(sheet: str) -> Callable[[bytes], bytes]:
    def change(name: str, data: bytes, parts: dict) -> bytes:
        if name != parts[sheet]:
            return data
        data = re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", data, flags=re.S)
        return re.sub(rb"<mergeCells.*?</mergeCells>", b"", data, flags=re.S)

    return lambda src: rebuild(src, change)


def unmerge(sheet: str, ref: str) -> Callable[[bytes], bytes]:
    def change(name: str, data: bytes, parts: dict) -> bytes:
        if name != parts[sheet]:
            return data
        data = data.replace(f'<mergeCell ref="{ref}"/>'.encode(), b"")
        return re.sub(rb'<mergeCells count="(\d+)"', lambda m: b'<mergeCells count="%d"' % (int(m[1]) - 1), data)

    return lambda src: rebuild(src, change)


def both(*edits: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def make(src: bytes) -> bytes:
        for edit in edits:
            src = edit(src)
        return src

    return make


# --- the variants ---------------------------------------------------------------------------------

SIGNATURE = [["填表人：张三", None, "审核人：李四", None, "单位负责人：王五"], ["填报日期：2023年3月1日"]]
DEMO_SCORES = {f"I{r}": f"=H{r}" for r in (3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 23)}  # 定性 rows at full marks: 自评得分 = 分值
DEMO_WEIGHTS = {f"B{r}": None for r in range(9, 14)}  # 选项A权重 … 选项E权重

VARIANTS = [
    # 1. Lines that are not data
    Variant("1_签名行_绩效指标.xlsx", DEMO, rows_below("绩效指标", SIGNATURE), 1),
    Variant("1_签名行_预算.xlsx", DEMO, rows_below("预算", [["制表：赵六", None, "审核人：李四"]]), 1),
    Variant("1_签名行_问卷.xlsx", S003, rows_below("满意度问卷", SIGNATURE), 1),
    Variant("1_两格备注_绩效指标.xlsx", DEMO, rows_below("绩效指标", [["注：以上由评价小组打分", None, "见附件"]], gap=0), 1),
    # 2. Labels as people type them; section names in any numbering
    *(Variant(f"2_标签_{i}.xlsx", DEMO, strings({"项目名称": label}), 2)
      for i, label in enumerate(("项目名称：", "项目名称:", "1.项目名称", "项目名称*", "（一）项目名称"))),
    Variant("2_标签缺失.xlsx", DEMO, strings({"项目名称": "名称"}), 2, planted=("P001", "项目信息!A38")),
    *(Variant(f"2_一级指标编号_{i}.xlsx", S000, cells("得分汇总", {"A5": label}), 2, planted=("T004", "得分汇总!C5"))
      for i, label in enumerate(("（三）项目绩效", "三、项目绩效", "3.项目绩效", "3、项目绩效", "(3)项目绩效", "C. 项目绩效"))),
    Variant("2_一级指标对不上.xlsx", S000, cells("得分汇总", {"A5": "产出"}), 2, warns=("T007",)),
    # 3. Two candidates, never a silent guess
    Variant("3_草稿副本_绩效指标.xlsx", DEMO, copy_sheet("绩效指标", "绩效指标 (2)", {"I9": 0, "I13": 0}), 3,
            warns=("R010",)),
    Variant("3_草稿副本_问卷.xlsx", DEMO, copy_sheet("满意度问卷", "满意度问卷 (2)", {"C3": 1}), 3, warns=("R010",)),
    Variant("3_调整后预算列.xlsx", DEMO, cells("预算", {"J2": "全年预算数（调整后）", "J3": 1.0, "J4": 1.0, "J5": 1.0}), 3,
            warns=("R011",)),
    # 4. Formulas without cached values
    Variant("4_得分公式无结果.xlsx", DEMO, cells("绩效指标", DEMO_SCORES), 4, warns=("R006",)),
    Variant("4_公式无法计算.xlsx", DEMO, cells("预算", {"G3": "=[1]Other!A1"}), 4, warns=("R012",)),
    # 5. Numbers as office suites store them
    Variant("5_百分比浮点尾数.xlsx", DEMO, cells("项目信息", {"B18": 0.9809999999999999}), 5),
    Variant("5_百分比无百分号.xlsx", DEMO, cells("项目信息", {"B18": 98.1}), 5, hints=("R009",)),
    Variant("5_满意度带百分号.xlsx", S003, cells("项目信息", {"B19": "97.47%"}), 5, planted=("X004", "项目信息!B19")),
    # 6. Whole numbers are not exempt
    Variant("6_整数得分.xlsx", S000, cells("绩效指标", {"I3": 3.5, "K3": "见正文"}), 6, planted=("T004", "得分汇总!C3")),
    # 7. The seeds' own 合计 block
    Variant("7_合计得分只填一格.xlsx", S000, unmerge("满意度问卷", "C20:G20"), 7),
    Variant("7_合计得分填错.xlsx", S000, both(unmerge("满意度问卷", "C20:G20"), cells("满意度问卷", {"C20": 98.5})), 7,
            planted=("S009", "满意度问卷!C20")),
    # 8. Blank settings say so where they are blank
    Variant("8_选项权重空白.xlsx", DEMO, cells("项目信息", DEMO_WEIGHTS), 8, hints=("P006",)),
    Variant("8_空白得分汇总表.xlsx", DEMO, blank_sheet("得分汇总"), 8),
    Variant("8_空白资金分配表.xlsx", DEMO, blank_sheet("资金分配"), 8),
]


def build(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for v in VARIANTS:
        path = out / v.file
        path.write_bytes(v.make((SAMPLES / v.sample).read_bytes()))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in build(Path(sys.argv[1] if len(sys.argv) > 1 else "variants")):
        print(p)
