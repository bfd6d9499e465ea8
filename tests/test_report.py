"""The 自评报告 draft: read back, every figure it states is the model's, its tables add up, and no
figure the workbook typed wrong appears in its text (only in a comment beside the computed one)."""

import re
import zipfile
from pathlib import Path

import pytest

from excel_eval import evaluate
from excel_eval.model import Cell, Loc
from excel_eval.report_text import money, percent
from excel_eval.writer.report import write_report
from conftest import SAMPLES

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.xlsx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> tuple[str, list[list[list[str]]], list[str]]:
    """The body's text (a line per paragraph outside tables), its tables, and its comments."""
    from xml.etree import ElementTree as ET

    with zipfile.ZipFile(path) as z:
        body = ET.fromstring(z.read("word/document.xml")).find(f"{W}body")
        comments = ET.fromstring(z.read("word/comments.xml")) if "word/comments.xml" in z.namelist() else None

    def text(node) -> str:
        return "".join(t.text or "" for t in node.iter(f"{W}t"))

    lines = [text(p) for p in body.findall(f"{W}p")]
    tables = [[[text(c) for c in row.findall(f"{W}tc")] for row in tbl.findall(f"{W}tr")] for tbl in body.findall(f"{W}tbl")]
    notes = [text(c) for c in comments.findall(f"{W}comment")] if comments is not None else []
    return "\n".join(lines), tables, notes


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    done = {}
    for name in SAMPLE_NAMES:
        result = evaluate(SAMPLES / name)
        done[name] = (result, write_report(result, out / f"{Path(name).stem}_自评报告.docx"))
    return done


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_figure_is_the_models(reports, name):
    result, path = reports[name]
    text, tables, _ = read_docx(path)
    s, b = result.scores, result.budget
    grade = result.grade_label  # provisional while there are 错误, in the words of every output
    assert f"个四级指标进行评价、打分，最终自评得分{s.total:.2f}分，评定等级为{grade}。" in text
    assert f"{len(s.indicators)}个四级指标" in text
    for n, x in enumerate(s.sections, start=1):
        assert f"{n}、{x.name}（满分{x.weight:g}分，评价得分{x.score:.2f}分）" in text
    assert f"全年预算数{money(b.budget)}{result.model.money_unit}" in text
    assert f"实际支出{money(b.executed)}{result.model.money_unit}" in text
    assert f"预算执行率{percent(b.execution_rate)}" in text
    for sv in s.surveys:
        assert f"满意度为{sv.score:.2f}分" in text

    sections, budget, annex = tables[0], tables[1], tables[2]
    assert [row[0] for row in sections[1:-1]] == [x.name for x in s.sections]
    assert [float(row[2]) for row in sections[1:-1]] == [round(x.score, 2) for x in s.sections]
    assert float(sections[-1][2]) == pytest.approx(s.total, abs=0.005)  # the table's total is the text's
    assert float(sections[-1][1]) == pytest.approx(sum(x.weight for x in s.sections))
    assert budget[-1][2:4] == [money(b.budget), money(b.executed)]
    assert sum(float(row[3]) for row in budget[1:-1]) == pytest.approx(b.executed, abs=1e-6)
    assert len(annex) == len(s.indicators) + 2  # header, one row per indicator, 合计
    assert float(annex[-1][7]) == pytest.approx(s.total, abs=0.005)
    assert sum(float(row[7]) for row in annex[1:-1]) == pytest.approx(s.total, abs=0.01 * len(s.indicators))
    for k, sv in enumerate(s.surveys):
        survey = tables[3 + k]
        assert len(survey) == len(sv.questions) + 2 and float(survey[-1][-1]) == pytest.approx(sv.score, abs=0.005)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_figure_typed_wrong_appears_only_in_a_comment(reports, name):
    result, path = reports[name]
    text, _, comments = read_docx(path)
    flagged = {f.loc for f in result.findings if f.loc and f.severity.value != "提示" and f.expected}
    info = result.model.info
    typed_wrong = []
    for key in ("report_total", "report_execution", "report_satisfaction"):
        cell = info.get(key)
        if cell is not None and cell.loc in flagged:
            shown = cell.text or (f"{cell.value:.2%}" if key == "report_execution" else f"{cell.value:g}")
            typed_wrong.append((cell.loc, shown))
    for loc, shown in typed_wrong:
        assert any(f"（{loc}）填写为 {shown}" in c for c in comments), (shown, comments)
        if "." in shown:  # a whole number such as 92 is also part of other figures
            assert shown not in text, shown
    if name.startswith("003"):
        assert typed_wrong and "97.47" not in text and "84.28%" not in text  # the seed's own contradictions
        assert "核算值；原表（绩效指标!G35）填写为 97.47%" in comments
    assert not any(c.startswith("核算值") is False for c in comments)


def test_narrative_comes_from_the_workbook_or_is_asked_for(reports):
    text, _, _ = read_docx(reports["003_职业技能培训及就业服务.xlsx"][1])
    assert "建立了“党政同责、一岗双责、齐抓共管”的工作体系" in text and "【请填写：主要经验及做法】" not in text
    assert "全面了解项目管理过程是否规范" in text and "2023年5月17日" in text  # v1.1's 评价目的, 报告日期
    assert "【请填写：前期调研、研究文件、指标体系及工作方案的设计】" in text  # not given in 003's workbook
    text, _, _ = read_docx(reports["000_残疾人基层组织建设补助经费.xlsx"][1])
    for label in ("主要经验及做法", "存在的问题", "改进措施及建议"):
        assert f"【请填写：{label}】" in text
    for lost in re.findall(r"扣\d+\.\d\d分，偏差原因：([^。]*)", text):
        assert lost  # a deviation reason, or the placeholder asking for one


def test_personal_data_is_masked_unless_kept(tmp_path):
    result = evaluate(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx")
    name = "李明华"  # a 负责人 of the allocation roster, as a workbook would give one
    result.model.allocation.rows[0].cells["contact"] = Cell(name, Loc("资金分配", 2, 7))
    result.model.info.fields["other"] = Cell(f"联系人{name}，电话13812345678。", Loc("项目信息", 40, 1))
    masked, _, _ = read_docx(write_report(result, tmp_path / "打码.docx"))
    kept, _, _ = read_docx(write_report(result, tmp_path / "保留.docx", mask=False))
    assert "13812345678" not in masked and "138****5678" in masked and name not in masked
    assert f"联系人{name}，电话13812345678。" in kept


def test_names_that_hold_one_another_are_masked_as_before(tmp_path):
    """张三丰 holds 张三: the longer is masked whole (张**), the shorter where it stands alone (张*)."""
    result = evaluate(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx")
    for i, name in enumerate(("张三", "张三丰")):
        result.model.allocation.rows[i].cells["contact"] = Cell(name, Loc("资金分配", 2 + i, 7))
    result.model.info.fields["other"] = Cell("张三丰牵头，张三配合；张三丰、张三均已到岗。", Loc("项目信息", 40, 1))
    masked, _, _ = read_docx(write_report(result, tmp_path / "打码.docx"))
    assert "张**牵头，张*配合；张**、张*均已到岗。" in masked and "张三" not in masked


def test_the_charts_are_native_word_charts_of_the_tables_figures(tmp_path):
    """Each chart is a DrawingML chart part holding the figures of the table above it: no picture,
    no font needed to write it."""
    from xml.etree import ElementTree as ET

    result = evaluate(SAMPLES / "示例_无错误.xlsx")
    path = write_report(result, tmp_path / "图表.docx")
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        sections, survey = (ET.fromstring(z.read(f"word/charts/chart{i}.xml")) for i in (1, 2))
        assert "drawingml.chart+xml" in z.read("[Content_Types].xml").decode()
        assert 'r:id="rIdChart2"' in z.read("word/document.xml").decode()

    def series(chart):
        return [(ser.find(f"{c}tx").findtext(f".//{c}v"), [p.findtext(f"{c}v") for p in ser.find(f"{c}val").iter(f"{c}pt")])
                for ser in chart.iter(f"{c}ser")]

    s = result.scores
    assert series(sections) == [("满分", [repr(x.weight) for x in s.sections]), ("得分", [repr(x.score) for x in s.sections])]
    (name, counts), = series(survey)
    assert name == "人次" and [float(n) for n in counts] == [float(n) for n in s.surveys[0].counts]
    text, _, _ = read_docx(path)
    assert "图1  各部分满分与得分" in text and "图2  问卷各选项人次（全部题目合计）" in text


def test_run_writes_the_report_and_no_report_skips_it(cli, tmp_path):
    import shutil

    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "示例.xlsx")
    r = cli("run", source, "--no-report")
    assert r.code == 0 and not (tmp_path / "示例_自评报告.docx").exists()
    r = cli("run", source)
    assert r.code == 0 and f"报告：{tmp_path / '示例_自评报告.docx'}" in r.out
    r = cli(tmp_path / "示例_自评报告.docx", source)  # its own report is never read as a workbook
    assert "示例_自评报告.docx：本工具写出的结果文件，已跳过" in r.err


@pytest.mark.libreoffice
def test_libreoffice_converts_every_report_to_pdf(reports, tmp_path):
    from libreoffice import convert, pdf_pages

    pdfs = convert([path for _, path in reports.values()], "pdf", tmp_path)
    for pdf in pdfs:
        assert pdf.exists() and pdf_pages(pdf) >= 5, pdf


def test_a_self_evaluation_form_s_own_words_are_used(tmp_path):
    """A 自评表 gives 年度目标完成情况 and 评价结论 in words: the report quotes them, rather than
    asking for them."""
    import openpyxl

    from excel_eval.pipeline import evaluate_all

    tangxi = evaluate(SAMPLES / "自评表" / "011_棠溪镇委托业务项目.xlsx")
    text, _, _ = read_docx(write_report(tangxi, tmp_path / "棠溪镇.docx"))
    assert "2、项目实施情况\n本项目共完成预算资金89.97万元。" in text
    book = openpyxl.load_workbook(SAMPLES / "自评表" / "012_青神县工资性支出.xlsx")
    book.active["B18"] = "年度目标基本完成，工资足额发放。"  # the 评价结论 row, left blank in the published form
    book.save(tmp_path / "青神.xlsx")
    qingshen = evaluate_all(tmp_path / "青神.xlsx")[0]
    text, _, _ = read_docx(write_report(qingshen, tmp_path / "青神.docx"))
    assert "自评表填写的评价结论：“年度目标基本完成，工资足额发放。”。" in text


@pytest.mark.parametrize("counts", [
    [1e308, 36, 9, 0, 0],  # found by the fuzz test: bar height × 1e308 overflowed before ÷ the tallest
    [1e308, 1e308, 1, 0, 0],  # a total that overflows
    [5, -3, 3, 0, 0],  # a negative count
])
def test_a_chart_of_absurd_counts_is_still_a_well_formed_chart(counts):
    """Whatever was typed, the chart part parses, and holds no figure XML does not allow (inf, nan):
    an unknown or infinite value is a gap."""
    from xml.etree import ElementTree as ET

    from excel_eval.writer import report_charts as charts

    options = [(f"{o} {n}", c) for o, n, c in zip(("A", "B", "C", "D", "E"), ("很满意", "满意", "一般", "不满意", "很不满意"), counts)]
    for xml in (charts.survey_chart(options),
                charts.section_chart([("决策", 1e-300, 1e308), ("产出", 50, -1e308), ("效益", 30, None), ("管理", float("inf"), 1)])):
        values = [v.text for v in ET.fromstring(xml.encode()).iter("{http://schemas.openxmlformats.org/drawingml/2006/chart}v")]
        assert values and not [v for v in values if v.lower() in ("inf", "-inf", "nan")]
        assert all(float(v) == float(v) for v in values if v[0].isdigit() or v[0] == "-")


def test_an_item_judged_by_its_criteria_is_written_with_them(tmp_path):
    """A rubric item (广水市's 决策依据, 目标申报) has no 指标值 or 完成值: the report gives its 评价标准, and asks why
    a point was lost (扣分原因), never says its target was left blank."""
    from test_forms import RUBRIC, RUBRIC_MERGES

    from excel_eval.samples import write_form

    path = write_form(tmp_path / "广水.xlsx", [("项目表", RUBRIC, RUBRIC_MERGES)])
    text, tables, _ = read_docx(write_report(evaluate(path), tmp_path / "广水.docx"))
    assert "（1）决策依据\n评价标准：有项目年度工作计划或有上级文件或审批报告计2分,没有不得分。本项分值2分，评价得分2.00分。" in text
    assert "其中目标申报扣1.00分，扣分原因：【请填写：扣分原因】" in text and "决策依据未填写" not in text
    assert ["项目决策", "", "决策依据", "—", "—", "2", "2.00", ""] in next(t for t in tables if "年度指标值" in t[0])  # 附表1: no 指标值 or 完成值 of its own
