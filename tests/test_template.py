import openpyxl

from excel_eval import layout
from excel_eval.findings import Severity
from excel_eval.reader import read_workbook
from excel_eval.writer.template import write_template
from conftest import ROOT
from workbook_compare import contents

COMMITTED = ROOT / "workbook_templates" / "绩效自评模板_v1.xlsx"


def test_committed_template_matches_the_generator(tmp_path):
    fresh = write_template(tmp_path / "t.xlsx")
    assert contents(fresh) == contents(COMMITTED), "run: excel-eval template workbook_templates/绩效自评模板_v1.xlsx --force"


def test_template_round_trips_to_an_empty_model():
    reading = read_workbook(COMMITTED)
    m = reading.model
    assert [f for f in reading.findings if f.severity is not Severity.INFO] == []
    assert m.budget.rows == [] and m.allocation.rows == [] and m.indicators.rows == [] and m.summary.rows == []
    assert m.surveys == []
    assert m.info.text("project") == "" and m.money_unit == "万元"


def test_template_has_every_sheet_label_and_the_working_parts():
    book = openpyxl.load_workbook(COMMITTED)
    assert book.sheetnames == [s.name for s in layout.SHEETS]
    for spec in layout.SHEETS:
        ws = book[spec.name]
        assert ws.page_setup.paperSize in (9, "9")
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        if spec.columns:
            header = [layout.normalize(c.value) for c in ws[2] if c.value]
            assert header == [c.label for c in spec.columns]
            assert ws.freeze_panes is not None
        if spec.landscape and spec.columns:
            assert ws.page_setup.orientation == "landscape"
    sources = {dv.formula1 for ws in book.worksheets for dv in ws.data_validations.dataValidation}
    assert '"当年财政拨款,上年结转资金,其他资金"' in sources
    assert '"定量,定性"' in sources and '"人数,占比,得分"' in sources
    survey = book["满意度问卷"]
    assert str(survey["C4"].value).startswith("=IF(") and survey["C4"].number_format.startswith("0.00%")
    assert str(book["预算"]["E11"].value) == "=SUM(E3:E10)"
    assert book["预算"]["E3"].fill.fgColor.rgb != book["预算"]["E11"].fill.fgColor.rgb  # input vs computed
    assert book["预算"]["E3"].number_format.startswith("#,##0.00")


def test_formulas_carry_cached_values(tmp_path):
    from excel_eval.writer.template import Content, Question, SurveyContent

    content = Content(budget=[{"item": "甲", "budget": 10, "executed": 9}, {"item": "乙", "budget": 5.5, "executed": 5}],
                      surveys=[SurveyContent(questions=[Question("1.x", 100, (8, 2, 0, 0, 0))])])
    reading = read_workbook(write_template(tmp_path / "f.xlsx", content))
    assert reading.findings == []
    m = reading.model
    assert m.budget.totals[0].num("budget") == 15.5 and m.budget.totals[0].num("executed") == 14
    q = m.surveys[0].questions[0]
    assert q.ratios.num("opt_A") == 0.8 and q.points.num("opt_B") == 16  # 100 × 2/10 × 0.8
    assert q.counts.num("question_score") == 96 and q.counts.num("respondents") == 10
