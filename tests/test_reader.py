import datetime as dt

import openpyxl
import pytest
from hypothesis import example, given, settings, strategies as st

from excel_eval import ooxml

from excel_eval.reader import ReadError, read_workbook
from conftest import BUDGET_ROWS, INDICATOR_ROWS, INFO_ROWS, minimal


def codes(reading):
    return [(f.code, f.loc.sheet if f.loc else "", f.loc.cell if f.loc else "") for f in reading.findings]


def test_minimal_workbook_reads_clean(xlsx):
    reading = read_workbook(xlsx(minimal()))
    m = reading.model
    assert reading.findings == []
    assert m.info.text("project") == "测试项目" and m.year == 2022
    assert [r.text("item") for r in m.budget.rows] == ["甲", "乙"]
    assert m.budget.totals[0].num("budget") == 30
    assert str(m.budget.rows[0].get("executed").loc) == "预算!C2"


@pytest.mark.parametrize("name", ["预算", " 预算 ", "budget", "Budget", "预算　"])
def test_sheet_found_by_name_alias_and_spaces(xlsx, name):
    sheets = minimal()
    sheets[name] = sheets.pop("预算")
    m = read_workbook(xlsx(sheets)).model
    assert m.budget is not None and m.budget.sheet == name


def test_title_rows_reordered_columns_and_synonyms(xlsx):
    rows = [["2022年项目支出明细表"], [], ["单位：万元"],
            ["备注", "使用经费（万元）", "项目名称", "结余经费", "下达金额（万元）"],
            [None, 0.9735, "培训", 4.2975, 5.271],
            [],
            ["说明", 63.6, "技能培训", 0.93, 64.53]]
    m = read_workbook(xlsx(minimal(预算=rows))).model
    t = m.budget
    assert t.header_row == 3
    assert t.columns == {"note": 0, "executed": 1, "item": 2, "balance": 3, "budget": 4}
    assert [r.num("budget") for r in t.rows] == [5.271, 64.53]
    assert t.rows[1].get("executed").loc.cell == "B7"


def test_total_rows_and_notes(xlsx):
    rows = BUDGET_ROWS[:3] + [["小计", 30, 29], [], ["注：以上为测试数据。"], ["合 计", 30, 29],
                              ["丙", 99, 99]]
    t = read_workbook(xlsx(minimal(预算=rows))).model.budget
    assert [r.text("item") for r in t.rows] == ["甲", "乙"]
    assert [(x.label, x.num("budget")) for x in t.totals] == [("小计", 30), ("合计", 30)]


def test_numbers_typed_as_text_are_read_with_a_hint(xlsx):
    rows = [["支出内容", "全年预算数", "执行数", "结余"], ["甲", "306.55万元", "1,252", "-"], ["乙", "９５", 3, "—"]]
    reading = read_workbook(xlsx(minimal(预算=rows)))
    t = reading.model.budget
    assert [r.num("budget") for r in t.rows] == [306.55, 95]
    assert t.rows[0].num("executed") == 1252 and t.rows[0].get("balance") is None
    assert ("R004", "预算", "B2") in codes(reading) and ("R004", "预算", "C2") in codes(reading)
    assert ("R004", "预算", "B3") in codes(reading)


def test_text_that_is_not_a_number_is_an_error_at_its_cell(xlsx):
    rows = [["支出内容", "全年预算数", "执行数"], ["甲", "约三十万", 3]]
    reading = read_workbook(xlsx(minimal(预算=rows)))
    assert ("R005", "预算", "B2") in codes(reading)
    assert reading.model.budget.rows[0].num("budget") is None


def test_money_in_yuan_is_converted(xlsx):
    info = INFO_ROWS + [["金额单位", "万元"]]
    rows = [["支出内容", "全年预算数", "执行数"], ["甲", "3000元", 0.3]]
    reading = read_workbook(xlsx(minimal(项目信息=info, 预算=rows)))
    assert reading.model.budget.rows[0].num("budget") == pytest.approx(0.3)
    assert ("R007", "预算", "B2") in codes(reading)


def test_percent_cells_and_text(xlsx):
    rows = [["问卷题目及选项", "项目", "A", "B", "C", "D", "E", "分值"],
            ["1.总体评价", "人数", 8, 2, 0, 0, 0, 100],
            [None, "占比", 0.8, "20%", 0, 0, 0]]
    s = read_workbook(xlsx(minimal(满意度问卷=rows), formats={"满意度问卷": {(2, 2): "0.00%"}})).model.surveys[0]
    q = s.questions[0]
    assert q.ratios.num("opt_A") == 0.8 and q.ratios.num("opt_B") == 0.2
    assert q.ratios.get("opt_B").percent and q.ratios.get("opt_B").step == pytest.approx(0.01)


def test_merged_and_blank_hierarchy_cells_take_the_value_from_above(xlsx):
    rows = [["一级指标", "二级指标", "三级指标", "四级指标", "分值"],
            [None, None, "立项依据", "立项依据充分性", 10],
            [None, None, None, "立项程序规范性", 10],
            ["项目绩效", "项目产出", "数量指标", "发放人数", 80],
            [None, "项目效益", "社会效益", None, 0]]
    merges = {"绩效指标": [(1, 0, 2, 0, "A项目决策"), (1, 1, 2, 1, "项目立项")]}
    t = read_workbook(xlsx(minimal(绩效指标=rows), merges=merges)).model.indicators
    got = [(r.text("level1"), r.text("level2"), r.text("level3"), r.text("level4")) for r in t.rows]
    assert got == [("A项目决策", "项目立项", "立项依据", "立项依据充分性"),
                   ("A项目决策", "项目立项", "立项依据", "立项程序规范性"),
                   ("项目绩效", "项目产出", "数量指标", "发放人数"),
                   ("项目绩效", "项目效益", "社会效益", "")]  # a new 二级 does not inherit 三级 or 四级
    assert t.rows[1].get("level1").loc.cell == "A2"  # the merged cell's own location


@pytest.mark.parametrize("year", [2022, "2022年", "２０２２", "2022年度"])
def test_evaluation_year_forms(xlsx, year):
    info = [["项目名称", "x"], ["实施单位", "y"], ["评价年度", year]]
    assert read_workbook(xlsx(minimal(项目信息=info))).model.year == 2022


def test_dates_are_read_as_dates(xlsx):
    rows = INDICATOR_ROWS[:1] + [["项目绩效", "项目产出", "时效指标", "完成时间", 100, 100]]
    rows[0] = rows[0] + ["实际完成值"]
    rows[1] = rows[1] + [dt.datetime(2022, 8, 21)]
    m = read_workbook(xlsx(minimal(绩效指标=rows), formats={"绩效指标": {(1, 6): "yyyy-mm-dd"}})).model
    assert m.indicators.rows[0].get("actual").value == dt.date(2022, 8, 21)


def test_formula_without_cached_value_is_computed_with_a_warning(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目信息"
    for row in INFO_ROWS:
        ws.append(row)
    ws = wb.create_sheet("预算")
    for row in BUDGET_ROWS[:3]:
        ws.append(row)
    ws.append(["合计", "=SUM(B2:B3)", "=SUM(C2:C3)"])
    ws = wb.create_sheet("绩效指标")
    for row in INDICATOR_ROWS:
        ws.append(row)
    path = tmp_path / "script.xlsx"
    wb.save(path)
    reading = read_workbook(path)
    assert not reading.source.all_cached  # triage saw the formulas without their values: the reader looks them up
    found = [f for f in reading.findings if f.code == "R006"]
    assert [(f.severity.value, f.loc.cell) for f in found] == [("警告", "B4"), ("警告", "C4")]
    assert "=SUM(B2:B3)" in found[0].message and "已由工具按公式算出：30" in found[0].message
    assert reading.model.budget.totals[0].num("budget") == 30  # computed, not read as blank or 0


CELLS = ['<c r="A{r}"><v>1</v></c>', '<c r="B{r}"><f>SUM(A1:A{r})</f><v>3</v></c>', '<c r="C{r}"><f>A{r}&amp;"x"</f></c>',
         '<c r="D{r}" t="str"><f>B{r}</f><v></v></c>', '<c r="E{r}"><f t="shared" si="0"/></c>', '<f>X</f>',
         '<c r="F{r}" t="inlineStr"><is><t>长的文字长的文字</t></is></c>', '<c r="G{r}"><f>IF(A1>0,1,2)</f>', '<c r="H{r}"/>']


@given(st.lists(st.lists(st.sampled_from(CELLS), max_size=6), max_size=12),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3)), max_size=16), st.sampled_from([ooxml.Formulas.TAIL_LIMIT, 40]))
@example([[CELLS[2]]], [(1, 0), (2, 0), (3, 0), (3, 2), (3, 3)], ooxml.Formulas.TAIL_LIMIT)  # the first cell's "<c r=" cut in three
@settings(max_examples=200, deadline=None)
def test_formulas_found_as_triage_inflates_a_sheet_are_those_found_in_it_whole(rows, cuts, limit):
    """Triage finds a sheet's formulas without a cached value a piece at a time (the pieces cut
    anywhere, as a piece holding no tag start is), so that the reader need not inflate it again;
    a cell it cannot follow to its end (`limit`) leaves the sheet to be read whole."""
    from excel_eval.package import _tags

    body = "".join(f'<row r="{r}">' + "".join(c.format(r=r) for c in cells) + "</row>" for r, cells in enumerate(rows, 1))
    data = f"<worksheet><sheetData>{body}</sheetData></worksheet>".encode()
    whole: dict = {}
    ooxml._uncached(data, whole)
    tags = [i for i, b in enumerate(data) if b == ord("<")]
    at = sorted({min(tags[k % len(tags)] + d, len(data)) for k, d in cuts})  # at a tag start, or a byte or three into it
    found = ooxml.Formulas()
    found.TAIL_LIMIT = limit
    for piece in _tags(iter(data[a:b] for a, b in zip([0, *at], [*at, len(data)]))):
        found.feed(piece)
    assert found.cells is None and limit == 40 or list(found.cells.items()) == list(whole.items())


def test_formula_with_cached_value_is_read(xlsx):
    rows = BUDGET_ROWS[:3] + [["合计", "=SUM(B2:B3)", "=SUM(C2:C3)"]]
    reading = read_workbook(xlsx(minimal(预算=rows)))
    assert reading.findings == []
    assert reading.source.all_cached  # every formula has its value: the package is not opened again to ask
    assert reading.model.budget.totals[0].num("budget") == 0  # the cached value written by the test


def test_missing_sheet_names_it_and_lists_what_was_found(xlsx):
    sheets = minimal()
    del sheets["绩效指标"]
    reading = read_workbook(xlsx(sheets))
    (f,) = [f for f in reading.findings if f.code == "R001"]
    assert f.severity.value == "错误"
    assert "“绩效指标”" in f.message and "项目信息、预算" in f.message
    assert reading.model.indicators is None


def test_missing_required_column_names_label_and_found_headers(xlsx):
    rows = [["支出内容", "全年预算数", "备注"], ["甲", 10, ""]]
    reading = read_workbook(xlsx(minimal(预算=rows)))
    (f,) = [f for f in reading.findings if f.code == "R003"]
    assert (f.loc.sheet, f.loc.cell) == ("预算", "D1")  # where the missing column belongs
    assert "“执行数”" in f.message and "支出内容、全年预算数、备注" in f.message
    assert "执行数" in f.hint


def test_header_not_found(xlsx):
    reading = read_workbook(xlsx(minimal(预算=[["钱", "花了多少"], [1, 2]])))
    assert ("R002", "预算", "A1") in codes(reading)
    assert reading.model.budget is None


def test_survey_blocks_total_and_notes(xlsx):
    rows = [["满意度调查问卷"],
            ["问卷题目及选项", "项目", "A（非常满意）", "B（满意）", "C（一般）", "D（不满意）", "E（很不满意）", "各项得分", "分值"],
            ["1.总体", "人数", 20, 6, 0, 0, 0, 19.54, 50],
            [None, "占比", 0.77, 0.23, 0, 0, 0],
            [None, "得分", 15.38, 4.15, 0, 0, 0],
            ["2.时效", "人数", 20, 6, 0, 0, 0, 19.54, 50],
            ["合计", "人数", 40, 12, 0, 0, 0, 39.08],
            [None, "占比", 0.77, 0.23, 0, 0, 0],
            [None, "分数", 39.08],
            ["注：问卷不记名。"],
            ["最终得分", "权重", 97.47]]
    merges = {"满意度问卷": [(8, 2, 8, 6, 39.08)]}
    s = read_workbook(xlsx(minimal(满意度问卷=rows), merges=merges)).model.surveys[0]
    assert s.title == "满意度调查问卷"
    assert [q.text.value for q in s.questions] == ["1.总体", "2.时效"]
    assert s.questions[0].weight.value == 50 and s.questions[0].points.num("opt_A") == 15.38
    assert s.questions[1].ratios is None
    assert s.total.counts.num("opt_A") == 40 and s.total.ratios.num("opt_B") == 0.23
    assert s.total.points.num("question_score") == 39.08  # merged across A–E: the block's score
    assert s.total.points.get("opt_A") is None


def test_several_questionnaires(xlsx):
    rows = [["题目", "项目", "A", "B", "C", "D", "E", "分值"], ["1.x", "人数", 1, 0, 0, 0, 0, 100]]
    m = read_workbook(xlsx(minimal(满意度问卷=rows, **{"满意度问卷-培训": rows}))).model
    assert [s.sheet for s in m.surveys] == ["满意度问卷", "满意度问卷-培训"]


def test_not_a_workbook_raises_read_error(tmp_path):
    p = tmp_path / "x.xlsx"
    p.write_text("not a workbook")
    with pytest.raises(ReadError):
        read_workbook(p)


def test_hidden_sheet_is_read_with_a_hint(tmp_path):
    import xlsxwriter

    from conftest import minimal
    book = xlsxwriter.Workbook(str(tmp_path / "h.xlsx"))
    for name, rows in minimal().items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
        if name == "预算":
            ws.hide()
    book.close()
    reading = read_workbook(tmp_path / "h.xlsx")
    assert [("R008", "预算", "A1")] == [(f.code, f.loc.sheet, f.loc.cell) for f in reading.findings]
    assert reading.model.budget.rows[0].num("budget") == 10


def test_the_garbage_collector_is_as_it_was_after_reading(xlsx, tmp_path):
    """Reading pauses the cyclic collector for the sheets' cells and leaves it as it found it,
    a workbook that cannot be read included."""
    import gc

    path, bad = xlsx(minimal()), tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    assert gc.isenabled()
    read_workbook(path)
    with pytest.raises(ReadError):
        read_workbook(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        read_workbook(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("odd", ['<c r="K{r}">', '<c r="AA{r}">', '<c r="a{r}">', '<c r="Ab{r}">', '<c r="B{r}0">',
                                 '<c r="B{up}">', '<c t="s" r="B{r}">', "<c>", '<c\tr="xfd{r}">', '<c r="B0{r}">'])
def test_a_cell_unlike_the_rest_of_a_long_sheet_is_counted_by_the_area_estimate(odd):
    """Triage estimates a sheet's area in a few passes a piece, leaning on the rows and columns seen
    so far: one cell past them (a column further right, in small letters, a row below every row
    tag, a cell without r first), deep in a long sheet of plain rows, still counts as the exact
    count counts it (the estimate is never the smaller)."""
    from excel_eval.package import _Cells, _tags
    from excel_eval.triage import Limits

    rows = []
    for r in range(150_000, 153_000):
        extra = odd.format(r=r, up=r + 100_000) + "<v>1</v></c>" if r == 152_500 else ""
        rows.append(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in "ABCDEFGHIJ") + extra + "</row>")
    data = ("<worksheet><sheetData>" + "".join(rows) + "</sheetData></worksheet>").encode()
    areas = []
    for exact in (False, True):
        cells = _Cells(Limits(), exact)
        for piece in _tags(iter(data[i:i + 4096] for i in range(0, len(data), 4096))):
            cells.feed(piece)
        areas.append((cells.rows, cells.cols))
    (rows_estimated, cols_estimated), (rows_counted, cols_counted) = areas
    assert rows_estimated >= rows_counted and cols_estimated >= cols_counted


def test_the_workbook_part_is_parsed_without_entities_or_fetching():
    """The sheet list is read with expat as defusedxml reads a part: a declared entity is refused
    (no expansion), an external one never fetched, escapes and namespaces kept."""
    ns = 'xmlns="urn:a" xmlns:r="urn:r"'
    assert ooxml.elements(f'<w {ns}><s name="收入&amp;支出" r:id="x"/><s name="预算"/></w>'.encode(), "{urn:a}s") \
        == [{"name": "收入&支出", "{urn:r}id": "x"}, {"name": "预算"}]
    for bad in (f'<!DOCTYPE w [<!ENTITY e "lol">]><w {ns}><s name="&e;"/></w>',
                f'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><w {ns}><s name="&e;"/></w>',
                f'<w {ns}><s name="&undeclared;"/></w>', "<w><s></w>", ""):
        with pytest.raises(ValueError):
            ooxml.elements(bad.encode(), "{urn:a}s")
