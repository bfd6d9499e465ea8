import hashlib
import re
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from excel_eval.vocab import Severity
from python_calamine import CalamineWorkbook

from excel_eval.pipeline import evaluate
from excel_eval.writer import output_paths, write_outputs
from excel_eval.privacy import Names, mask_name, mask_phone, mask_text
from conftest import SAMPLES, Text, make_xlsx, minimal

SAMPLE_NAMES = ["000_残疾人基层组织建设补助经费.xlsx", "001_残疾人基层组织建设及服务经费.xlsx",
                "003_职业技能培训及就业服务.xlsx", "示例_无错误.xlsx"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    written = {name: (evaluate(SAMPLES / name), write_outputs(evaluate(SAMPLES / name), out)) for name in SAMPLE_NAMES}
    return {name: (result, paths["results"], paths["marked"]) for name, (result, paths) in written.items()}


def charts(path):
    """Chart parts with their kind: bar/column/percent-stacked."""
    kinds = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
            xml = z.read(name).decode()
            direction = re.search(r'<c:barDir val="(\w+)"', xml)[1]
            stacked = 'grouping val="percentStacked"' in xml
            kinds.append("percent" if stacked else direction)
    return sorted(kinds)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_results_workbook_holds_the_run(outputs, name):
    result, results_path, marked_path = outputs[name]
    book = CalamineWorkbook.from_path(str(results_path))
    m = result.model
    sheets = ["总览", "问题清单", "指标得分", "预算执行"] + (["资金分配"] if m.allocation and m.allocation.rows else []) \
        + ["满意度"] * len(m.surveys) + ["报告摘要"]
    assert book.sheet_names == sheets
    overview = book.get_sheet_by_name("总览").to_python()
    assert overview[2][7] == pytest.approx(result.scores.total) and overview[3][7] == result.grade_label  # 优（待更正：N 个错误）while there are 错误
    findings = book.get_sheet_by_name("问题清单").to_python()
    listed = [(r[0], r[1], r[2], r[3]) for r in findings[1:] if r[1]]
    assert listed == [(f.severity.value, f.code, f.loc.sheet, f.loc.cell) for f in result.findings]
    scores = book.get_sheet_by_name("指标得分").to_python()
    assert [r[8] for r in scores[1:1 + len(result.scores.indicators)]] == \
        pytest.approx([i.score for i in result.scores.indicators])
    expected_charts = ["col"] + ["bar"] * (1 + ("资金分配" in sheets)) + ["percent"] * len(m.surveys)
    assert charts(results_path) == sorted(expected_charts)
    assert marked_path.exists()


def test_summary_sentences_follow_the_numbers(outputs):
    result, results_path, _ = outputs["003_职业技能培训及就业服务.xlsx"]
    rows = CalamineWorkbook.from_path(str(results_path)).get_sheet_by_name("报告摘要").to_python()
    text = "\n".join(str(r[0]) for r in rows)
    # the grade of a workbook with 错误 is provisional here too, in the words every output uses
    assert f"33个四级指标进行评价、打分，最终自评得分92.00分，评定等级为{result.grade_label}。" in text
    assert result.grade_label == f"优（待更正：{result.count(Severity.ERROR)} 个错误）" and result.has_errors
    assert "预算执行率84.27%" in text and "满意度为96.86分" in text


def test_finding_cells_link_into_the_marked_copy(outputs):
    result, results_path, marked_path = outputs["000_残疾人基层组织建设补助经费.xlsx"]
    ws = openpyxl.load_workbook(results_path)["问题清单"]
    first = result.findings[0]
    link = ws["D2"].hyperlink
    assert (link.target, link.location) == (marked_path.name, f"'{first.loc.sheet}'!{first.loc.cell}")


def test_marked_copy_fills_and_comments_each_finding_cell(outputs):
    result, _, marked_path = outputs["000_残疾人基层组织建设补助经费.xlsx"]
    book = openpyxl.load_workbook(marked_path)
    for f in result.findings:
        cell = book[f.loc.sheet][f.loc.cell]
        assert cell.fill.fgColor.rgb.endswith("F8CBAD")  # 错误 red
        assert f.code in cell.comment.text and f.hint in cell.comment.text
    original = openpyxl.load_workbook(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx")
    assert book["得分汇总"]["C5"].value == original["得分汇总"]["C5"].value == 59  # values untouched


def test_input_is_never_modified(tmp_path):
    source = SAMPLES / "003_职业技能培训及就业服务.xlsx"
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    write_outputs(evaluate(source), tmp_path)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in output_paths(source, tmp_path).values())


def test_input_text_that_looks_like_a_formula_stays_text(tmp_path):
    evil = [Text(t) for t in ('=HYPERLINK("http://example.invalid","点我")', "=cmd|' /C calc'!A0", "+1+1", "-2+3",
                              "@SUM(1)")]
    budget = [["支出内容", "全年预算数", "执行数", "备注"]] + [[text, 10, 10, text] for text in evil]
    allocation = [["单位名称", "分配金额", "负责人", "联系电话"], [evil[0], 50, evil[1], "15812345103"]]
    path = make_xlsx(tmp_path / "evil.xlsx", minimal(预算=budget, 资金分配=allocation))
    written = write_outputs(evaluate(path), tmp_path, report=False)
    results, marked = written["results"], written["marked"]
    for out in (results, marked):
        with zipfile.ZipFile(out) as z:
            sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        assert "<f>HYPERLINK" not in sheets and "<f>cmd" not in sheets and "<f>SUM(1)" not in sheets
    texts = {c for row in CalamineWorkbook.from_path(str(results)).get_sheet_by_name("预算执行").to_python()
             for c in row if isinstance(c, str)}
    assert set(evil) <= texts


def test_personal_data_is_masked_unless_kept(tmp_path):
    allocation = [["单位名称", "分配金额", "负责人", "联系电话"], ["甲县残联", 30, "张三丰", "158-1234-5103"]]
    path = make_xlsx(tmp_path / "p.xlsx", minimal(资金分配=allocation))
    masked = write_outputs(evaluate(path), tmp_path / "m" if (tmp_path / "m").mkdir() is None else None)["results"]
    rows = CalamineWorkbook.from_path(str(masked)).get_sheet_by_name("资金分配").to_python()
    flat = {c for r in rows for c in r}
    assert "158****5103" in flat and "张**" in flat and "张三丰" not in flat
    (tmp_path / "k").mkdir()
    kept = write_outputs(evaluate(path), tmp_path / "k", mask=False)["results"]
    flat = {c for r in CalamineWorkbook.from_path(str(kept)).get_sheet_by_name("资金分配").to_python() for c in r}
    assert "张三丰" in flat and "158-1234-5103" in flat


def test_mask_phone():
    assert mask_phone("15812345103") == "158****5103"
    assert mask_phone("0871-6361 2345") == "087****2345"
    assert mask_phone("110") == "***"


def _every_name_in_turn(text: str, names: list[str]) -> str:
    """How a text was masked before names were found in one pass: every name tried, longest first."""
    text = mask_text(text)
    for name in sorted({n.strip() for n in names}, key=lambda n: (-len(n), n)):
        if len(name) >= 2:
            text = text.replace(name, mask_name(name))
    return text


@given(st.text("张三丰李四* 1", max_size=24), st.lists(st.text("张三丰李四* ", min_size=1, max_size=4), max_size=6))
@settings(max_examples=300, deadline=None)
def test_names_found_in_one_pass_mask_as_every_name_in_turn(text, names):
    """Overlapping names (张三 in 张三丰, 三丰 across 张三丰), repeated ones, names holding *."""
    assert mask_text(text, Names(names)) == _every_name_in_turn(text, names)


def test_names_in_text():
    names = Names(["张三", "张三丰", "三丰X", "李", ""])
    assert mask_text("张三丰X找张三，电话15812345103", names) == "张***找张*，电话158****5103"
    assert names.within("张三丰X") == ["三丰X", "张三丰", "张三"] and not Names([" ", "李"])
    long = ["张三" * 12, "三丰", "张三"]  # a cell longer than a name is tried whole, masked as before
    text = "甲" + "张三" * 12 + "乙三丰"
    assert mask_text(text, Names(long)) == _every_name_in_turn(text, long) == "甲张" + "*" * 23 + "乙三*"


def test_marked_copy_keeps_every_other_part_byte_for_byte(outputs):
    from excel_eval.ooxml import rels_path, sheet_parts

    result, _, marked_path = outputs["003_职业技能培训及就业服务.xlsx"]
    with zipfile.ZipFile(result.path) as a, zipfile.ZipFile(marked_path) as b:
        parts = sheet_parts(a)
        marked = {parts[f.loc.sheet] for f in result.findings}
        changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
        added = set(b.namelist()) - set(a.namelist())
    assert len(marked) == 4
    assert changed == {"xl/styles.xml", "[Content_Types].xml"} | marked
    n = len(marked)
    assert added == {rels_path(p) for p in marked} | {f"xl/comments{i}.xml" for i in range(1, n + 1)} | {
        f"xl/drawings/vmlDrawing{i}.vml" for i in range(1, n + 1)}


def test_a_part_too_large_to_parse_is_copied_as_stored_and_looked_at_on_the_way(tmp_path, monkeypatch):
    """A roster's sheet is copied into the marked copy as the input stores it (never inflated and
    deflated again), looked at on the way: the copy holds what a copy of parts looked at whole holds,
    a bare & the input has in that sheet made &amp; in both."""
    from dataclasses import replace

    from excel_eval import package
    from excel_eval.triage import Limits, Source, triage
    from excel_eval.writer.marked import Mark, write_copy

    with zipfile.ZipFile(SAMPLES / "003_职业技能培训及就业服务.xlsx") as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    bare = parts["xl/worksheets/sheet1.xml"].replace(  # 说明, a sheet no mark is on
        b"</sheetData>", b'<row r="999"><c r="A999" t="inlineStr"><is><t>A & B</t></is></c></row></sheetData>', 1)
    marks = {"预算": {"B3": Mark("#FF0000", "注")}}

    def package_of(name, sheet1):
        with zipfile.ZipFile(tmp_path / name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for part, data in parts.items():
                z.writestr(part, sheet1 if part == "xl/worksheets/sheet1.xml" else data)
        return tmp_path / name

    def copied(path, name, marks, triaged=False, **patch):
        with monkeypatch.context() as m:
            for key, value in patch.items():
                m.setattr(package, key, value)
            source = triage(Source(path), Limits())[1] if triaged else Source(path)  # what triage found clean, or not known
            written = write_copy(source, tmp_path / name, marks)
        with zipfile.ZipFile(written) as z:
            return {info.filename: z.read(info) for info in z.infolist()}

    large = {"MAX_PARSED_PART": 0, "CHUNK": 64}  # every part too large to parse, looked at 64 bytes at a time
    for sheet1 in (parts["xl/worksheets/sheet1.xml"], bare):
        path = package_of("输入.xlsx", sheet1)
        for kept in (marks, {}):
            whole = copied(path, "整体.xlsx", kept)
            assert copied(path, "分段.xlsx", kept, **large) == copied(path, "分段.xlsx", kept, True, **large) == whole
            assert (b"A &amp; B" in whole["xl/worksheets/sheet1.xml"]) == (sheet1 is bare)
        with monkeypatch.context() as m:
            m.setattr(package, "MAX_PARSED_PART", 0)
            clean = triage(Source(path), Limits())[1].clean
        clean = {name for name, _, _ in clean}
        assert ("xl/worksheets/sheet1.xml" in clean) == (sheet1 is not bare) and "xl/worksheets/sheet2.xml" in clean
    # a part changed since triage looked at it (a corrected copy's sheet) is looked at again as it is copied
    with monkeypatch.context() as m:
        m.setattr(package, "MAX_PARSED_PART", 0)
        source = triage(Source(package_of("输入.xlsx", parts["xl/worksheets/sheet1.xml"])), Limits())[1]
        changed = replace(source, data=package_of("改后.xlsx", bare).read_bytes())
        written = write_copy(changed, tmp_path / "改后_标注.xlsx", marks)
    with zipfile.ZipFile(written) as z:
        assert b"A &amp; B" in z.read("xl/worksheets/sheet1.xml")
    path = package_of("输入.xlsx", parts["xl/worksheets/sheet1.xml"])
    copied(path, "分段.xlsx", marks, **large)
    with open(path, "rb") as a, open(tmp_path / "分段.xlsx", "rb") as b, zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        same = [n for n in za.namelist() if n not in ("xl/styles.xml", "[Content_Types].xml", "xl/worksheets/sheet3.xml")]
        for name in same:  # the stored (deflated) bytes themselves
            assert b"".join(package.stored(b, zb.getinfo(name))) == b"".join(package.stored(a, za.getinfo(name))), name


def test_marks_on_empty_cells_and_sheets_that_already_have_comments(tmp_path):
    info = [["项目名称", "测试项目"], ["实施单位"], ["评价年度", 2022]]  # 实施单位 blank: P001 at B2 (no cell)
    path = make_xlsx(tmp_path / "a.xlsx", minimal(项目信息=info))
    result = evaluate(path)
    assert ("P001", "项目信息", "B2") in [(f.code, f.loc.sheet, f.loc.cell) for f in result.findings]
    marked = write_outputs(result, tmp_path)["marked"]
    cell = openpyxl.load_workbook(marked)["项目信息"]["B2"]
    assert cell.fill.fgColor.rgb.endswith("F8CBAD") and "P001" in cell.comment.text
    # a sheet with a comment of its own: marked through openpyxl, both comments kept
    book = openpyxl.load_workbook(path)
    book["项目信息"]["A1"].comment = openpyxl.comments.Comment("原有批注", "财务科")
    book["项目信息"]["B2"].comment = openpyxl.comments.Comment("请补填", "财务科")
    book.save(tmp_path / "b.xlsx")
    marked = write_outputs(evaluate(tmp_path / "b.xlsx"), tmp_path)["marked"]
    sheet = openpyxl.load_workbook(marked)["项目信息"]
    assert sheet["A1"].comment.text == "原有批注"
    assert sheet["B2"].comment.text.startswith("请补填") and "P001" in sheet["B2"].comment.text


def test_marking_a_cell_in_a_row_that_does_not_exist():
    from excel_eval.writer.marked import _mark_sheet
    xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="5"><c r="C5"><v>1</v></c></row></sheetData>'
           b"<pageMargins/></worksheet>")
    out = _mark_sheet(xml, {"B3": lambda s: 7, "A5": lambda s: 8, "C5": lambda s: 9}, "rId9")
    assert b'<row r="3"><c r="B3" s="7"/></row><row r="5"><c r="A5" s="8"/><c s="9" r="C5">' in out
    assert out.index(b"<legacyDrawing") > out.index(b"<pageMargins")


def test_a_grade_from_a_workbook_with_errors_is_shown_as_provisional(outputs):
    result, results, _ = outputs["003_职业技能培训及就业服务.xlsx"]
    overview = CalamineWorkbook.from_path(str(results)).get_sheet_by_name("总览").to_python()
    assert overview[3][7] == "优（待更正：27 个错误）"
    clean, results, _ = outputs["示例_无错误.xlsx"]
    assert CalamineWorkbook.from_path(str(results)).get_sheet_by_name("总览").to_python()[3][7] == "优"


def test_workbooks_of_one_name_in_other_formats_do_not_overwrite_each_others_results(tmp_path):
    paths = [output_paths(tmp_path / f"原表{ext}")["results"].name for ext in (".xlsx", ".xls", ".ods", ".xlsm")]
    assert paths == ["原表_评价结果.xlsx", "原表_xls_评价结果.xlsx", "原表_ods_评价结果.xlsx", "原表_xlsm_评价结果.xlsx"]


TOKENS = st.sampled_from([b"\x01", b"\x00", "\ufffe".encode(), b"\xed\xa0\x80", b"&", b"&#1;", b"&#x1F;", b"&amp;",
                          b"&#65;", b"&#00000000000000000001;", "张".encode(), b"<c r=\"A1\"/>"])


@given(st.lists(st.tuples(st.integers(0, 400), TOKENS), max_size=4), st.sampled_from([7, 16, 64]))
@settings(max_examples=200, deadline=None)
def test_a_part_too_large_to_parse_is_looked_at_in_pieces_as_it_would_be_whole(spots, chunk):
    """A roster's sheet is looked at a piece at a time for what XML forbids and for a bare &: the
    package given for the marked copy is what looking at the part whole gives (a character or a
    reference cut between two pieces included)."""
    import io
    from unittest import mock

    from excel_eval import package

    body = bytearray(b"<sheetData>" + b"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>" * 8)
    for at, token in sorted(spots, reverse=True):
        body[min(at, len(body)):min(at, len(body))] = token
    part = b'<?xml version="1.0"?><worksheet>' + bytes(body) + b"</sheetData></worksheet>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", part)
        z.writestr("xl/workbook.xml", b"<workbook/>")

    def given_for_copy(**limits):
        with mock.patch.multiple(package, **limits):
            try:
                return package.well_formed(io.BytesIO(buffer.getvalue()))
            except package.NotWellFormed:
                return "not XML"

    with mock.patch.object(package, "_clean_in_pieces", lambda z, info: False):  # every part looked at whole
        whole = given_for_copy(MAX_PARSED_PART=0)
    assert given_for_copy(MAX_PARSED_PART=0, CHUNK=chunk) == whole
