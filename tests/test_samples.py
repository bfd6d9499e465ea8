import pytest

from excel_eval import samples as build
from excel_eval.reader import read_workbook
from conftest import SAMPLES
from workbook_compare import contents


def read(key):
    return read_workbook(SAMPLES / build.FILES[key])


def at(cell):
    return f"{cell.loc.sheet}!{cell.loc.cell}"


def test_committed_samples_match_the_builder(tmp_path):
    for path in build.build(tmp_path):
        committed = SAMPLES / path.relative_to(tmp_path)
        assert contents(path) == contents(committed), f"run: python samples/build.py ({path.name})"


@pytest.mark.parametrize("key", list(build.FILES))
def test_every_sample_reads_without_errors(key):
    reading = read(key)
    assert [f for f in reading.findings if f.severity.value != "提示"] == []
    assert reading.model.info.text("project").startswith("2022年")


def test_report_000_values():
    m = read("000").model
    assert m.year == 2022 and m.info.num("surveys_valid") == 26 and m.info.num("weight_B") == 0.9
    assert m.budget.column_sum("budget") == 306.55 and at(m.budget.totals[0].get("budget")) == "预算!E4"
    assert len(m.allocation.rows) == 11 and m.allocation.column_sum("quantity") == 1252
    assert m.allocation.column_sum("amount") == pytest.approx(306.55)
    assert len(m.indicators.rows) == 31
    (s,) = m.surveys
    assert [q.counts.num("opt_A") for q in s.questions] == [20, 20, 16, 19, 23]
    assert [q.counts.num("question_score") for q in s.questions] == [19.54, 19.54, 19.08, 19.38, 19.69]
    assert s.questions[2].ratios.num("opt_C") == 0.08
    assert s.total.counts.num("question_score") == 97.23 and s.total.points.num("question_score") == 97.23
    rows = {r.text("section"): r for r in m.summary.rows}
    assert rows["C项目绩效"].num("score") == 59 and at(rows["C项目绩效"].get("score")) == "得分汇总!C5"
    assert rows["C项目绩效"].num("deduction") == 2 and rows["C项目绩效"].num("rate") == 0.9667
    assert m.summary.totals[0].num("score") == 96


def test_report_001_values():
    reading = read("001")
    m = reading.model
    assert m.budget.column_sum("budget") == pytest.approx(76.1)
    assert m.budget.column_sum("executed") == pytest.approx(44.39)
    assert m.info.num("report_execution") == pytest.approx(0.5833)
    assert [(f.code, f.loc.cell) for f in reading.findings] == [("R004", "B18")]  # 58.33% typed as text
    texts = {r.text("section"): r.num("text_score") for r in m.summary.rows}
    assert texts == {"A项目决策": 19, "B项目管理": 19.9, "C项目绩效": 54}
    assert len(m.indicators.rows) == 33 and m.surveys == []


def test_report_003_values():
    m = read("003").model
    assert m.budget.columns["budget"] == 4 and m.budget.columns["executed"] == 6
    assert [r.num("budget") for r in m.budget.rows] == [1.56, 5.271, 64.53, 26]
    total = m.budget.totals[0]
    assert total.num("executed") == 82.050854 and at(total.get("executed")) == "预算!G7"
    assert m.info.num("report_execution") == 0.8428
    (s,) = m.surveys
    assert len(s.questions) == 10 and all(q.weight.value == 10 for q in s.questions)
    q2 = s.questions[1]
    assert q2.ratios.num("opt_D") == 0.1667 and at(q2.ratios.get("opt_D")) == "满意度问卷!F7"
    assert q2.ratios.num("respondents") == 1.16
    assert s.questions[0].ratios.get("opt_E") is None  # the report printed only four ratios
    assert s.total.counts.num("opt_D") == 0 and s.total.counts.num("respondents") == 1136
    assert at(s.total.counts.get("respondents")) == "满意度问卷!I33"
    assert s.total.counts.num("question_score") == 97.47
    assert [r.num("score") for r in m.summary.rows] == [20, 19, 53] and m.summary.totals[0].num("score") == 92


def test_demo_values():
    m = read("demo").model
    q = m.surveys[0].questions[0]
    assert q.ratios.num("opt_A") == 0.8 and q.counts.num("question_score") == pytest.approx(23.8)
    assert m.budget.totals[0].num("executed") == pytest.approx(98.1)
