"""The published 项目支出绩效自评表: recognised by content, read into the model, checked, scored by
财预〔2020〕10号 and written out like a template-v1 workbook. Each new rule fires at its cell on a
form of each family and the clean forms are silent; the transcribed samples give their published
inconsistencies (samples/README.md works their totals out by hand)."""

import copy
import json
import re
import runpy
import shutil
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from excel_eval import evaluate
from excel_eval.batch import run_batch
from excel_eval.pipeline import evaluate_all
from excel_eval.samples import FORM_FILES, form_putuo, form_qingshen, form_tangxi, write_form
from excel_eval.keys import Key
from excel_eval.vocab import ExitCode, Status
from excel_eval.writer.results import write_results
from conftest import ROOT, SAMPLES

NOTE = "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因(100字以内)；2.其他资金包括：社会投入资金、银行贷款。"

# A consistent national form (万元): 9.5 + 50 + 30 + 10 = 99.5.
NATIONAL = [
    ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
    ["（2022年度）", None, None, None, None, None, None, None, None],
    ["项目名称", "职业技能培训项目", None, None, None, None, None, None, None],
    ["主管部门", "测试局", None, None, "实施单位", "测试中心", None, None, None],
    ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
    [None, "年度资金总额", 100.0, 100.0, 95.0, 10.0, 0.95, 9.5, None],
    [None, "其中：当年财政拨款", 100.0, 100.0, 95.0, "—", 0.95, "—", None],
    [None, "上年结转资金", 0.0, 0.0, 0.0, "—", None, "—", None],
    [None, "其他资金", None, None, None, "—", None, "—", None],
    ["年度总体目标", "预期目标", None, None, "实际完成情况", None, None, None, None],
    [None, "培训100人", None, None, "培训110人", None, None, None, None],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [None, "产出指标(50分)", "数量指标", "培训人数", "≥100人", "110人", 30.0, 30.0, None],
    [None, None, "时效指标", "培训及时性", "及时", "及时", 20.0, 20.0, None],
    [None, "效益指标(30分)", "社会效益指标", "就业率", "≥80%", "85%", 30.0, 30.0, None],
    [None, "满意度指标(10分)", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10.0, 10.0, None],
    ["总分", None, None, None, None, None, 100.0, 99.5, None],
]
NATIONAL_MERGES = ["A5:B5", "A6:A9", "A10:A11", "A12:A16", "B13:B14", "A17:F17"]

# A consistent 一体化 export: 9.5 + 50 + 30 + 10 = 99.5.
INTEGRATED = [
    ["部门预算项目支出绩效自评表(2023年度)"] + [None] * 10,
    ["项目名称", "职业技能培训项目"] + [None] * 9,
    ["主管部门", "测试局", None, None, None, "实施单位(盖章)", "测试中心", None, None, None, None],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况"] + [None] * 7,
    [None, None, "培训100人", "培训110人"] + [None] * 7,
    [None, "2.项目实施内容及过程概述", "全年举办培训5期"] + [None] * 8,
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
     None, None],
    [None, "总额", 100.0, 100.0, 95.0, 0.95, 10.0, 9.5, NOTE, None, None],
    [None, "其中:财政资金", 100.0, 100.0, 95.0, 0.95, "/", "/", None, None, None],
    [None, "单位资金", 0.0, 0.0, 0.0, 0.0, "/", "/", None, None, None],
    ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    [None, "产出指标", "数量指标", "培训人数", "≥", 100.0, "人", 110.0, 50.0, 50.0, None],
    [None, "效益指标", "社会效益指标", "就业率", "≥", 80.0, "%", 85.0, 30.0, 30.0, None],
    [None, "满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90.0, "%", 95.0, 10.0, 10.0, None],
    ["合计", None, None, None, None, None, None, None, 100.0, 99.5, None],
    ["评价结论", "全年培训110人，自评99.5分。"] + [None] * 9,
    ["存在问题", "无"] + [None] * 9,
    ["改进措施", "无"] + [None] * 9,
    ["项目负责人：", None, None, None, None, "财务负责人：", None, None, None, None, None],
]
INTEGRATED_MERGES = ["A4:A6", "A7:A10", "I8:K10", "A11:A14", "A15:H15"]

FORMS = {"national": (NATIONAL, NATIONAL_MERGES), "integrated": (INTEGRATED, INTEGRATED_MERGES)}

# A consistent transfer-payment table (霍山县's layout) with its 资金管理情况 block; no points.
TRANSFER = [
    ["就业补助资金绩效目标自评表", None, None, None, None, None],
    ["(2023年度)", None, None, None, None, None],
    ["转移支付(项目)名称", "就业补助资金", None, None, None, None],
    ["地方主管部门", "测试局", "资金使用单位", "测试中心", None, None],
    ["资金投入情况(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)", None, None],
    ["年度资金总额:", 100.0, 95.0, 0.95, None, None],
    ["其中:中央财政资金", 100.0, 95.0, 0.95, None, None],
    ["地方资金", 0.0, 0.0, None, None, None],
    ["资金管理情况", "情况说明", "存在问题", "改进措施", None, None],
    ["分配科学性", "资金分配科学", "无", "无", None, None],
    ["下达及时性", "资金下达及时", "暂无", None, None, None],
    ["拨付合规性", "资金拨付合规", None, None, None, None],
    ["使用规范性", "资金使用规范", "绩效目标设置不够细化", "细化绩效目标", None, None],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值"],
    [None, "产出指标", "数量指标", "培训人数", "≥100人", "110人"],
    [None, "效益指标", "社会效益指标", "就业率", "≥80%", "85%"],
]
TRANSFER_MERGES = ["A1:F1", "A2:F2", "B3:F3", "A14:A16"]
# CONSTRUCTED, not published: the 湖北 county 绩效目标自评表 of 广水市 (tests/real/published/tables/b05_…, whose
# stored page stops inside 质量指标), its page as stored up to the first 三级指标, completed by hand from there (and
# 目标申报 scored 3 of 4, 自评总分 98.87, the unit renamed). A rubric block (项目决策2分, 项目管理13分: 分值 | 自评分
# | 复核分 | 评价标准及依据) above the 项目绩效 85分 indicator block, whose 三级 carry no 分值 (its 评价标准: each
# 二级's points shared evenly by its 三级).
# By hand: 决策 2/2; 管理 3+2+4+3 = 12/13 (目标申报 逾期 −1, judged by its criteria, no reason asked); 项目绩效: points
# implied by the 得分 and the labels 15 + 6 + 6 + 8 + 5 = 40, 10 + 10 + 10 = 30, 15; scores 15, 6, 6×93/95 = 5.8737
# (typed 5.87), 8, 5 | 10, 10, 10 | 15 = 84.8737. Total 2 + 12 + 84.8737 = 98.87 of 100 (typed 98.87): 优.
_GUANGSHUI = runpy.run_path(str(ROOT / "tests/real/published/tables/b05_guangshui_rural_roads_decision_mgmt_perf.py"))
_PAGE, _PAGE_MERGES = _GUANGSHUI["SHEETS"][0][1][:17], [m for m in _GUANGSHUI["SHEETS"][0][2] if int(m.split(":")[0][1:]) < 17]
RUBRIC = copy.deepcopy(_PAGE) + [
    [None, None, "质量指标12分", "农村公路建设验收合格率", "100%", "100%", 6.0, None, None],
    [None, None, None, "农村公路养护验收合格率", "≥95%", "93%", 5.87, None, None],
    [None, None, "时效指标8分", "养护任务完成及时率", "100%", "100%", 8.0, None, None],
    [None, None, "成本指标5分", "每公里养护成本", "≤1.03万元", "1万元", 5.0, None, None],
    [None, "效益指标30分", "社会效益指标20分", "群众出行条件", "明显改善", "明显改善", 10.0, None, None],
    [None, None, None, "农村公路安全通行", "全年无重大安全事故", "全年无重大安全事故", 10.0, None, None],
    [None, None, "可持续影响指标10分", "道路设计使用年限", "≥8年", "8年", 10.0, None, None],
    [None, "满意度指标15分", "服务对象满意度指标15分", "沿线群众满意度", "≥90%", "92%", 15.0, None, None],
]
RUBRIC[1][5], RUBRIC[13][3] = 98.87, 3.0  # 自评总分 (F2); 目标申报's 自评分 (D14): 逾期申报
RUBRIC[2][5] = RUBRIC[3][1] = "测试交通运输局"  # 项目主管单位 (F3), 项目实施单位 (B4)
RUBRIC[3][5] = "张三"
RUBRIC_MERGES = _PAGE_MERGES + ["A17:A25", "B17:B21", "C18:C19", "B22:B24", "C22:C23"]
EVERY_FORM = {**FORMS, "transfer": (TRANSFER, TRANSFER_MERGES), "rubric": (RUBRIC, RUBRIC_MERGES)}


def form(tmp_path: Path, family: str, extra: list | None = None, name: str = "项目表", **cells) -> Path:
    """A clean form with some cells changed: {"F13": "完成"}."""
    rows, merges = copy.deepcopy(EVERY_FORM[family])
    for ref, value in cells.items():
        m = re.fullmatch(r"([A-Z])(\d+)", ref)
        rows[int(m[2]) - 1][ord(m[1]) - 65] = value
    path = tmp_path / f"{family}.xlsx"
    return write_form(path, [(name, rows, merges), *(extra or [])])


def found(path: Path) -> set[tuple[str, str]]:
    return {(c, loc.cell) for f in evaluate(path).findings for loc in f.locs for c in [f.code]}


@pytest.mark.parametrize("family", FORMS)
def test_a_consistent_form_is_silent_and_scores_by_10_hao(tmp_path, family):
    result = evaluate(form(tmp_path, family))
    assert result.ok and [f.message for f in result.findings] == []
    assert result.layout == {"national": "national-form", "integrated": "integrated-form"}[family]
    assert result.scheme.name == "自评表" and result.total_score == pytest.approx(99.5) and result.grade == "优"
    assert [(s.name, s.weight, s.score) for s in result.sections] == [
        ("预算执行率", 10, 9.5), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10)]
    assert result.execution_rate == pytest.approx(0.95)
    assert result.info("project") == "职业技能培训项目" and result.info("unit") == "测试中心"
    assert result.info("department") == "测试局" and result.year == (2022 if family == "national" else 2023)
    assert result.info("goals") == "培训100人" and result.model.money_unit == "万元"


FIRES = [  # family, rule, cell, changes
    ("national", "B005", "C6", {"C6": 0.0}),
    ("national", "B009", "B6", {"D6": 0.0, "E6": 0.0}),
    ("national", "B011", "G7", {"G7": 0.9}),
    ("national", "B012", "E6", {"D6": 0.0, "D7": 0.0}),  # spent of a budget of 0: no rate, the typed 9.5 not counted
    ("national", "X006", "G6", {"G6": 0.96}),
    ("national", "I009", "H6", {"H6": 9.0}),
    ("national", "I001", "G17", {"G13": 31.0}),
    ("national", "I016", "H17", {"H17": 98.0}),
    ("national", "I017", "B13", {"B13": "产出指标(40分)"}),
    ("national", "I018", "F13", {"F13": "完成"}),
    ("national", "I019", "H17", {"F15": None, "H15": None}),
    ("national", "I005", "F15", {"F15": None, "H15": None}),
    ("national", "I014", "H15", {"F15": None, "H15": None}),
    ("national", "I003", "H13", {"H13": 35.0}),
    ("national", "I008", "H13", {"F13": "90人"}),
    ("national", "I007", "H13", {"H13": 25.0}),
    ("national", "P007", "B11", {"B11": "对照年度目标，说明相关任务目标(100字以内)"}),
    ("integrated", "B010", "I8", {"E8": 80.0, "E9": 80.0, "F8": 0.8, "F9": 0.8, "H8": 8.0, "J15": 98.0}),
    ("integrated", "B011", "F9", {"F9": 0.9}),
    ("integrated", "I018", "H12", {"H12": "完成"}),
    ("integrated", "I008", "J12", {"H12": 90.0}),
    ("integrated", "I016", "J15", {"J15": 98.0}),
    ("integrated", "I014", "H8", {"H8": None, "J15": 90.0}),
    ("integrated", "P007", "B16", {"B16": "结合自评情况，说明项目自评总分。(200字以内)"}),
    ("integrated", "I006", "H13", {"H13": "85人"}),
    ("integrated", "I021", "E12", {"E12": "正向", "F12": "≤100"}),  # a direction column against the target
    ("national", "I020", "B12", {"G12": None, "H12": None}),  # no 分值 and no 得分 column: read, not scored
    ("national", "I022", "H17", {"F13": "90人"}),  # the total adds up, but rests on a full score for 90 of 100
    ("national", "I023", "B12", {"G12": None}),  # no 分值 column: points implied by the 得分 and the labels
    ("national", "I024", "F13", {"G12": None, "H12": None, "F13": "90人"}),  # no points: a missed target said
    ("national", "I025", "E16", {"E16": "≥190%"}),
    ("national", "I026", "H14", {"E14": None, "F14": None}),
    ("national", "I027", "F15", {"F15": "≥80%"}),
    ("national", "I029", "B12", {"F12": None, "H12": None}),  # targets and points only: a 目标表, said once
    ("national", "I028", "B15", {"B15": None}),  # a 一级 cell left blank under 产出: 社会效益指标 names 效益
    ("transfer", "B013", "B11", {"C11": "省级资金下达滞后"}),  # 资金下达及时 beside its own 下达滞后
    ("rubric", "I017", "A11", {"C13": 5.0}),  # 项目管理13分 over items of 3 + 2 + 5 + 4 = 14
    ("rubric", "I017", "A10", {"A10": "项目决策3分"}),
    ("rubric", "I003", "D14", {"D14": 5.0, "F2": 100.87}),  # a rubric item's score above its 分值
    ("rubric", "I014", "D12", {"D12": None}),  # a rubric item left unscored
    ("rubric", "I016", "F2", {"F2": 95.0}),  # 自评总分 against the items of both blocks, 98.87
]


@pytest.mark.parametrize("family, code, cell, changes", FIRES, ids=[f"{f}-{c}" for f, c, _, _ in FIRES])
def test_each_form_rule_fires_at_its_cell(tmp_path, family, code, cell, changes):
    got = found(form(tmp_path, family, **changes))
    assert (code, cell) in got, got


def test_a_rubric_block_is_scored_with_the_indicators_and_the_total_is_over_every_part(tmp_path):
    result = evaluate(form(tmp_path, "rubric"))
    assert result.ok and result.layout == "rubric-form"
    assert result.info("department") == "测试交通运输局"  # 项目主管单位
    assert result.info("goals").startswith("1.完成乡村道路建设养护里程300公里;")  # right of its label: below it, the rubric
    assert [(s.name, s.weight, round(s.score, 4)) for s in result.sections] == [
        ("项目决策", 2, 2), ("项目管理", 13, 12), ("产出", 40, 39.8737), ("效益", 30, 30), ("满意度", 15, 15)]
    assert result.total_score == pytest.approx(98.873684, abs=1e-6) and result.grade == "优"
    # the items are judged by their criteria: no target or actual asked of them, no reason for 目标申报's 3 of 4
    assert [(f.code, f.loc.cell) for f in result.findings] == [("I023", "B16")]
    items = [i for i in result.scores.indicators if i.section in ("项目决策", "项目管理")]
    assert [(i.name, i.weight, i.self_score, i.score) for i in items] == [
        ("决策依据", 2, 2, 2), ("财务制度", 3, 3, 3), ("组织机构", 2, 2, 2), ("运行监管", 4, 4, 4), ("目标申报", 4, 3, 3)]
    assert items[-1].row.text(Key.BASIS).startswith("1、项目绩效目标全申报的1分") and items[-1].remark == ""
    reviewed = evaluate(form(tmp_path, "rubric", E14=2.5))  # the reviewer's 复核分 is kept beside the unit's
    assert [i.remark for i in reviewed.scores.indicators if i.name == "目标申报"] == ["复核分 2.5"]
    assert reviewed.total_score == pytest.approx(98.873684, abs=1e-6)


def test_a_sheet_that_is_no_form_is_named_and_the_form_is_read_by_content(tmp_path):
    other = ("Sheet3", [["填表说明：请按实际填写"], [None, "绩效指标"]], [])
    stray = ("Sheet4", [["备用"], [None, "甲"]], [])
    path = form(tmp_path, "national", extra=[other, stray], name="Sheet1")  # names say nothing: content does
    (result,) = evaluate_all(path)
    assert result.ok and result.model.sheet == "Sheet1" and result.total_score == pytest.approx(99.5)
    # a sheet with a form's label says what it has and lacks; one with nothing of a form is named
    assert [(f.code, str(f.loc)) for f in result.findings] == [("R014", "Sheet3!A1"), ("R013", "Sheet4!A1")]
    assert "Sheet3" in result.findings[0].message and "“绩效指标”" in result.findings[0].message
    assert "找不到预算表" in result.findings[0].message and "自评表" in result.findings[1].message


def test_a_score_rounded_in_the_units_favour_is_a_warning_and_an_error_where_it_changes_the_grade(tmp_path):
    spent = {"E6": 86.2, "E7": 86.2, "G6": 0.862, "G7": 0.862}  # 8.62 points by the rule
    up = evaluate(form(tmp_path, "national", **spent, H6=9.0))
    assert [(f.severity.value, f.loc.cell) for f in up.findings if f.code == "I009"] == [("警告", "H6")]
    down = evaluate(form(tmp_path, "national", **spent, H6=8.61))  # a slip against the unit: a 提示
    assert [f.severity.value for f in down.findings if f.code == "I009"] == ["提示"]
    # 8.62 + 21.3 + 60 = 89.92 (良) by the rule; with the typed 9 it would be 90.30 (优)
    near = evaluate(form(tmp_path, "national", **spent, H6=9.0, F13="71人", H13=21.3, H17=90.3))
    assert near.grade == "良" and near.total_score == pytest.approx(89.92)
    assert [f.severity.value for f in near.findings if f.code == "I009"] == ["错误"]


def test_weights_that_do_not_add_to_100_leave_the_grade_undetermined(tmp_path):
    result = evaluate(form(tmp_path, "national", G13=50.0, H13=50.0, G17=120.0, H17=119.5))
    assert result.total_score == pytest.approx(119.5) and result.grade is None
    assert result.grade_label == "等级未定：分值合计不是 100"
    (i001,) = [f for f in result.findings if f.code == "I001"]
    assert i001.severity.value == "错误" and "等级未定" in i001.message


def test_projects_stacked_in_one_sheet_are_read_one_by_one(tmp_path):
    rows, merges = copy.deepcopy(FORMS["national"])
    second = copy.deepcopy(rows)
    second[2][1] = "第二个项目"
    second[0][0] = "项目支出绩效自评表（2023年度）"
    second[1][0] = None
    second[5][4] = second[6][4] = 50.0  # half spent: 5 points of 10
    second[5][6] = second[6][6] = 0.5
    second[5][7] = 5.0
    second[16][7] = 95.0
    width = len(rows[0])
    stacked = rows + [[None] * width] + second
    path = write_form(tmp_path / "部门导出.xlsx", [("全部项目", stacked, [])])
    first, other = evaluate_all(path)
    assert first.info("project") == "职业技能培训项目" and first.total_score == pytest.approx(99.5)
    assert other.info("project") == "第二个项目" and other.year == 2023 and first.year == 2022
    assert other.execution_rate == pytest.approx(0.5) and other.total_score == pytest.approx(95.0)
    assert other.part == first.part == "全部项目" and not [f for f in other.findings if f.severity.value == "错误"]


def test_the_printed_forms_placeholder_lines_are_no_indicators(tmp_path):
    result = evaluate(form(tmp_path, "national", D14="指标2：", E14=None, F14=None, G14=None, H14=None,
                           G13=50.0, H13=50.0))
    assert result.ok and [i.name for i in result.scores.indicators] == ["预算执行率", "培训人数", "就业率", "学员满意度"]
    assert [f.code for f in result.findings if f.severity.value == "错误"] == []


def test_a_workbook_of_neither_layout_says_what_it_looked_for(tmp_path):
    path = write_form(tmp_path / "杂表.xlsx", [("Sheet1", [["项目", "金额"], ["甲", 1.0]], [])])
    result = evaluate(path)  # neither a template nor a form: not read as a template with six R001s
    assert not result.ok and result.failure.value == "not-self-evaluation" and not result.findings
    assert "“Sheet1”" in result.reason and "标准模板" in result.reason and "自评表" in result.reason


# --- the samples ---------------------------------------------------------------------------------

def sample(key):
    return evaluate(SAMPLES / FORM_FILES[key])


def codes(result):
    return sorted((f.code, f.loc.cell, f.severity.value) for f in result.findings for _ in [0])


def test_sample_putuo_a_rate_typed_one_hundredth_off():
    r = sample("putuo")
    assert r.layout == "national-form" and r.model.money_unit == "元"
    assert r.execution_rate == pytest.approx(215457.6 / 250000)  # 86.18%, typed 86.19%
    assert r.total_score == pytest.approx(98.618304) and round(r.total_score, 2) == 98.62 and r.grade == "优"
    assert codes(r) == [("B007", "F6", "提示"), ("X006", "H6", "提示")]


def test_sample_tangxi_the_total_line_left_at_zero():
    r = sample("tangxi")
    assert r.execution_rate == pytest.approx(1.0)  # 89.974 ÷ 89.974, from the 本年财政拨款 line
    assert r.total_score == pytest.approx(100.0) and r.scores.self_total == pytest.approx(90.0) and r.grade == "优"
    # (年初 90 ≠ 全年 89.974, but the 10号 form has no 备注 column to explain it in: no B008)
    assert codes(r) == [("B005", "D6", "错误"), ("B005", "E6", "错误"), ("B005", "F6", "错误"),
                        ("B009", "B6", "提示"), ("I009", "I6", "警告"), ("X006", "H6", "错误")]
    effect = sum(f.score_effect for f in r.findings)
    assert effect == pytest.approx(r.total_score - r.scores.self_total)  # the 10 points the zero line cost


def test_sample_qingshen_an_unfinished_table_scored_as_far_as_it_goes():
    r = sample("qingshen")
    assert r.layout == "integrated-form" and r.total_score is None and r.grade is None
    assert r.budget.execution_rate == pytest.approx(1.0) and r.sections[0].score == pytest.approx(10.0)
    assert codes(r) == [("B008", "C10", "提示"), ("I005", "H15", "警告"), ("I005", "H16", "警告"),
                        ("I014", "H9", "警告"), ("I014", "J15", "警告"), ("I014", "J16", "警告"),
                        ("I019", "J17", "警告"), ("P007", "H6", "警告")]
    left = next(f for f in r.findings if f.code == "P007")
    assert [loc.cell for loc in left.locs] == ["H6", "B18", "B19", "B20"]  # not the form's own 原因 note (I9)
    assert r.info("conclusion") == "" and r.info("goals").startswith("严格执行相关政策")


def test_the_integrated_form_sets_only_the_indicators_sum_the_national_form_each_section(tmp_path):
    """一体化 prints 绩效指标(90分) and leaves the split to the unit (青神: 产出 60, 效益 30): no I002.
    10号 prints 产出指标(50分) and so on: 产出 60 there is an I002. A sum other than 90 is I004 on both."""
    (_, qingshen, merges), = form_qingshen()
    as_published = sample("qingshen")
    assert "I002" not in {f.code for f in as_published.findings}
    overview = openpyxl.load_workbook(write_results(as_published, tmp_path / "青神_评价结果.xlsx")).worksheets[0]
    assert (overview["A7"].value, overview["B7"].value) == (
        "评分体系", "自评表（预算执行率10 + 绩效指标90，各一级指标的分值由单位确定）")  # not 产出50 where it is 60
    qingshen = copy.deepcopy(qingshen)
    qingshen[14][8] = 70.0  # 产出 70 + 效益 30 = 100, with the budget's 10: 110
    r = evaluate(write_form(tmp_path / "青神_110.xlsx", [("工资性支出", qingshen, merges)]))
    assert [(f.code, f.loc.cell) for f in r.findings if f.code in ("I001", "I002")] == [("I001", "I17")]
    (_, putuo, merges), = form_putuo()
    putuo = copy.deepcopy(putuo)
    output, benefit = (next(row for row in putuo if row[1] == name) for name in ("产出指标", "效益指标"))
    output[7] = output[8] = 20.0  # 产出 60, 效益 20: still 100 in all
    benefit[7] = benefit[8] = 20.0
    r = evaluate(write_form(tmp_path / "普陀_60.xlsx", [("普陀", putuo, merges)]))
    assert sorted((f.code, f.message) for f in r.findings if f.code in ("I001", "I002")) == [
        ("I002", "一级指标“产出”分值合计 60，评分体系“自评表”规定为 50"),
        ("I002", "一级指标“效益”分值合计 20，评分体系“自评表”规定为 30")]


# --- several projects in one workbook ------------------------------------------------------------

@pytest.fixture
def export(tmp_path):
    return write_form(tmp_path / "部门导出.xlsx", form_putuo() + form_qingshen() + form_tangxi())


def test_check_json_gives_one_document_per_project(cli, export):
    r = cli("check", export, "--json")
    assert r.code == ExitCode.FINDINGS  # 棠溪镇's zero line
    docs = json.loads(r.out)["files"]
    assert [(d["file"], d["sheet"], d["layout"]) for d in docs] == [
        ("部门导出.xlsx", "普陀体育中心结算费用", "national-form"), ("部门导出.xlsx", "工资性支出", "integrated-form"),
        ("部门导出.xlsx", "委托业务项目", "national-form")]
    assert [d["total_score"] for d in docs] == [pytest.approx(98.618304), None, pytest.approx(100.0)]
    assert all(f["sheet"] == d["sheet"] for d in docs for f in d["findings"])


def test_run_writes_one_set_of_outputs_per_project(cli, export, tmp_path):
    out = tmp_path / "结果"
    r = cli("run", export, "--out", out)
    assert r.code == ExitCode.FINDINGS
    for sheet in ("普陀体育中心结算费用", "工资性支出", "委托业务项目"):
        for suffix in ("_评价结果.xlsx", "_标注.xlsx", "_自评报告.docx"):
            assert (out / f"部门导出_{sheet}{suffix}").exists(), sheet + suffix
    assert "部门导出.xlsx（工资性支出）：未能计算总分" in r.out


def test_the_marked_copy_marks_the_form_itself(export, tmp_path):
    from excel_eval import write_outputs

    result = evaluate_all(export)[2]  # 委托业务项目
    marked = write_outputs(result, tmp_path, report=False)["marked"]
    ws = openpyxl.load_workbook(marked)["委托业务项目"]
    for f in result.findings:
        cell = ws[f.loc.cell]
        assert cell.fill.fgColor.rgb not in (None, "00000000") and cell.comment is not None, f.loc
    assert ws["B6"].value == "年度资金总额：" and ws["D7"].value == 90  # the form, not a template copy


def test_a_scheme_that_does_not_fit_is_a_clear_error(cli):
    r = cli("check", SAMPLES / "003_职业技能培训及就业服务.xlsx", "--scheme", "自评表")
    assert r.code == ExitCode.USAGE and "评分体系“自评表”不适用于本工作簿" in r.err and "Traceback" not in r.err
    r = cli("check", SAMPLES / FORM_FILES["putuo"], "--scheme", "四级指标")
    assert r.code == ExitCode.USAGE and "预算执行率、产出、效益、满意度" in r.err


def test_a_batch_mixing_template_workbooks_forms_and_an_export(export, tmp_path):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox)
    shutil.copy(SAMPLES / "003_职业技能培训及就业服务.xlsx", inbox)
    for key in ("putuo", "qingshen"):
        shutil.copy(SAMPLES / FORM_FILES[key], inbox)
    shutil.copy(export, inbox)
    report = run_batch(inbox, tmp_path / "out", jobs=2, settle=0, report=False)
    rows = CalamineWorkbook.from_path(str(report.summary)).get_sheet_by_name("汇总").to_python()
    scheme = rows[0].index("评分体系")
    listed = [(r[0], r[1], r[2], r[scheme]) for r in rows[1:]]
    assert listed == [
        ("003_职业技能培训及就业服务.xlsx", "", "完成", "四级指标"),
        ("010_普陀体育中心结算费用.xlsx", "", "完成", "自评表"),
        ("012_青神县工资性支出.xlsx", "", "完成", "自评表"),
        ("示例_无错误.xlsx", "", "完成", "四级指标"),
        ("部门导出.xlsx", "普陀体育中心结算费用", "完成", "自评表"),
        ("部门导出.xlsx", "工资性支出", "完成", "自评表"),
        ("部门导出.xlsx", "委托业务项目", "完成", "自评表")]
    again = run_batch(inbox, tmp_path / "out", jobs=1, settle=0, report=False)
    assert again.count(Status.UNCHANGED) == 7 and again.summary == report.summary  # a re-run does nothing


# --- as LibreOffice saves them: .xls (as 一体化 systems export) and .ods ------------------------

@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_form_saved_as_xls_or_ods_scores_the_same(export, tmp_path, fmt):
    from libreoffice import convert, soffice

    soffice()
    (saved,) = convert([export], fmt, tmp_path / fmt)
    before, after = evaluate_all(export), evaluate_all(saved)
    assert [r.model.file_format for r in after] == [fmt] * 3
    for a, b in zip(before, after):
        assert (b.part, b.total_score, b.grade) == (a.part, a.total_score, a.grade)
        assert [(f.code, str(f.loc)) for f in b.findings] == [(f.code, str(f.loc)) for f in a.findings]


def test_amounts_are_labelled_in_the_form_s_own_unit(tmp_path):
    from excel_eval.writer import write_outputs

    result = evaluate(SAMPLES / FORM_FILES["putuo"])  # filed in 元
    assert result.model.money_unit == "元" and result.scores.self_total == pytest.approx(98.62)
    written = write_outputs(result, tmp_path, report=False)
    overview = CalamineWorkbook.from_path(str(written["results"])).get_sheet_by_name("总览").to_python()
    labels = {v for row in overview for v in row if isinstance(v, str)}
    assert {"全年预算数（元）", "执行数（元）"} <= labels and "全年预算数（万元）" not in labels
    unfinished = evaluate_all(SAMPLES / FORM_FILES["qingshen"])[0]
    assert unfinished.scores.self_total is None  # nothing typed: no typed total, not 0


def test_a_total_heading_its_lines_is_compared_with_the_lines_below():
    messages = [f.message for f in evaluate(SAMPLES / FORM_FILES["tangxi"]).findings if f.code == "B005"]
    assert messages and all("≠ 下面各行之和" in m for m in messages)  # the 其中 lines sit under 年度资金总额


def test_a_forms_one_reason_row_answers_for_its_indicators(tmp_path):
    """施甸县's 20/80 form has one 偏差大或目标未完成原因分析 row for the whole table: filled, no indicator
    is asked for its own 偏差原因 (I011); left 无, each deduction is."""
    import sys
    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "tests" / "real" / "published"))
    from build import tables

    (t,) = [t for t in tables() if t.key.startswith("b02")]
    sheet, rows, merges = copy.deepcopy(t.sheets[0])
    given = evaluate(write_form(tmp_path / "given.xlsx", [(sheet, rows, merges)]))
    assert given.info("deviations").startswith("一是相关台账不健全") and not [f for f in given.findings if f.code == "I011"]
    rows[16][1] = "无"
    none = evaluate(write_form(tmp_path / "none.xlsx", [(sheet, rows, merges)]))
    assert {f.loc.cell for f in none.findings if f.code == "I011"} == {"F11", "F12"}


def test_a_management_statement_is_checked_against_its_own_problem(tmp_path):
    """资金管理情况 (名山区's layout: 一级项目 | 行次 | 二级项目 | 情况说明 | 存在问题 | 改进措施): a statement that
    claims the good state where the same item's 存在问题 says its opposite is a 警告 at the statement,
    naming both; a problem that is blank, 无 or 暂无, a claim its problem does not deny, a statement
    with no claim, a hedged or an aimed one, and a problem that denies it are not."""
    rows, merges = copy.deepcopy(EVERY_FORM["transfer"])
    block = [  # (item, statement, problem): fires?
        ("资金分解下达进度", "及时分解下达", "中央资金于2025年2月26日省级下达资金文件,下达滞后", True),
        ("资金到位率", "资金已足额到位", "部分资金未到位", True),
        ("资金拨付合规性", "资金拨付合规", "存在违规拨付资金的情况", True),
        ("资金使用规范性", "资金使用规范", "资金使用不规范", True),
        ("资金分配合理性", "资金分配合理", "无", False),
        ("资金到位情况", "资金已到位", "暂无", False),
        ("资金下达情况", "资金下达及时", None, False),
        ("资金拨付情况", "资金拨付合规", "绩效目标设置不够细化", False),  # a claim its problem does not deny
        ("资金项目支付进度", "严格按照项目合同约定支付进度支付资金", "项目支付进度缓慢", False),  # no claim of 及时
        ("资金到位及时性", "资金已到位", "资金到位缓慢", False),  # 缓慢 only against 及时
        ("资金下达时效", "资金下达基本及时", "个别资金下达滞后", False),  # hedged
        ("资金下达要求", "要求资金下达时及时传达", "下达滞后", False),  # an aim, not a claim
        ("资金下达过程", "资金下达及时", "无下达滞后情况", False),  # the problem denies it
        ("资金执行情况", "资金下达不及时", "下达滞后", False),  # the statement admits it
    ]
    head = [[None, "行次", None, "情况说明", "存在问题", "改进措施"]]
    head[0][0] = "资金管理情况"
    lines = [["下达及时性" if k == 0 else None, float(k + 5), item, said, problem, None]
             for k, (item, said, problem, _) in enumerate(block)]
    rows = rows[:8] + head + lines
    start = 9  # the block's first item is on row 10
    path = write_form(tmp_path / "名山区.xlsx", [("Sheet1", rows, ["A1:F1", "A2:F2", "B3:F3"])])
    result = evaluate(path)
    b013 = [f for f in result.findings if f.code == "B013"]
    fired = [k for k, (_, _, _, fires) in enumerate(block) if fires]
    assert [f.loc.cell for f in b013] == [f"D{start + 1 + k}" for k in fired], [str(f) for f in b013]
    first = b013[0]
    assert first.severity.value == "警告" and [loc.cell for loc in first.locs] == ["D10", "E10"]
    assert "“资金分解下达进度”" in first.message and "“及时分解下达”" in first.message and "下达滞后" in first.message
    assert "“及时”与“滞后”" in first.message
    assert {f.code for f in result.findings if f.severity.value == "错误"} == set()
    # the block's problems, item by item, are the table's 存在问题 (the report draft's 存在的问题)
    assert result.info("problems").splitlines()[0] == "资金分解下达进度：中央资金于2025年2月26日省级下达资金文件,下达滞后"
    assert "暂无" not in result.info("problems") and "资金分配合理性" not in result.info("problems")
    # …and the block, item by item, in the JSON document
    items = result.as_dict()["management"]
    assert len(items) == len(block) and items[0] == {
        "item": "资金分解下达进度", "section": "下达及时性", "statement": "及时分解下达",
        "problem": "中央资金于2025年2月26日省级下达资金文件,下达滞后", "remedy": "", "cell": "Sheet1!D10"}
    assert "management" not in evaluate(form(tmp_path, "national")).as_dict()  # a form without the block: no key


def test_a_consistent_transfer_form_says_nothing_of_its_management_block(tmp_path):
    result = evaluate(form(tmp_path, "transfer"))
    assert result.ok and result.layout == "transfer-form" and result.total_score is None
    assert [f.code for f in result.findings if f.severity.value != "提示"] == []
    rows = result.model.management.rows
    assert [(r.text("item"), r.text("statement"), r.text("problems")) for r in rows] == [
        ("分配科学性", "资金分配科学", "无"), ("下达及时性", "资金下达及时", "暂无"), ("拨付合规性", "资金拨付合规", ""),
        ("使用规范性", "资金使用规范", "绩效目标设置不够细化")]
    assert result.info("problems") == "使用规范性：绩效目标设置不够细化" and result.info("suggestions") == "使用规范性：细化绩效目标"


def test_a_management_block_beside_its_merged_label_names_each_item(tmp_path):
    """临河区's layout: the block's label merged down column A, the items in B, 情况说明 and 存在问题 right of them."""
    rows, _ = copy.deepcopy(EVERY_FORM["transfer"])
    block = [["资金管理情况", None, "情况说明", "存在问题", None, None],
             [None, "分配科学性", "根据业务情况合理分配", "无", None, None],
             [None, "下达及时性", "资金下达及时", "市级资金下达滞后", None, None]]
    path = write_form(tmp_path / "临河区.xlsx", [("Sheet1", rows[:8] + block, ["A1:F1", "A2:F2", "B3:F3", "A9:A11"])])
    result = evaluate(path)
    assert [(r.text("section"), r.text("item")) for r in result.model.management.rows] == [("", "分配科学性"), ("", "下达及时性")]
    assert [(f.code, f.loc.cell) for f in result.findings if f.code == "B013"] == [("B013", "C11")]
    assert "“下达及时性”" in next(f.message for f in result.findings if f.code == "B013")


def test_a_weight_applied_twice_is_found_on_the_hebei_county_form(tmp_path):
    """成安县 (河北): 单项指标得分 25 of its 25 points, times 权重占比 25% again, typed as 折算得分 6.25 (I030), its
    weight read from 权重占比(%) (not the 指标分值 column, which describes the indicator), its budget from labels with
    their amounts (预算数 | 6.84 | 执行数 | 6.84), its target from 符号 | 值 | 单位."""
    table = runpy.run_path(str(ROOT / "tests/real/published/tables/f02_chengan_minzheng_gaoling_jintie.py"))
    path = write_form(tmp_path / "成安县.xlsx", table["SHEETS"])
    result = evaluate(path)
    assert {("I030", f"L{r}") for r in range(16, 20)} <= found(path)
    assert [i.weight for i in result.scores.indicators] == [25, 25, 30, 10] and result.execution_rate == 1.0
    assert [i.target.text for i in result.scores.indicators][0] == "≥98%"


def test_goal_blocks_each_with_a_header_and_the_header_printed_again_on_a_new_page(tmp_path):
    """黄冈市: 年度绩效目标1(40分) and 年度绩效目标2(40分), each with its header; the second header printed again
    where the form runs onto a new page (same label) continues its block: 100.00, 优, as worked out by hand."""
    table = runpy.run_path(str(ROOT / "tests/real/published/tables/f03_huanggang_soil_monitoring_20_80.py"))
    (sheet, rows, merges), = table["SHEETS"]
    assert evaluate(write_form(tmp_path / "黄冈.xlsx", [(sheet, rows, merges)])).total_score == pytest.approx(100)
    again = copy.deepcopy(rows)
    again.insert(16, list(rows[14]))  # block 2's header once more, above its 进度指标 line
    merges = [m for m in merges if not m.startswith(("A15", "B16", "A20", "B21", "B22"))]  # (rows below moved down)
    result = evaluate(write_form(tmp_path / "黄冈_转页.xlsx", [(sheet, again, merges)]))
    assert result.total_score == pytest.approx(100) and result.grade == "优"
    assert not [f for f in result.findings if f.code in ("I017", "R005")]
