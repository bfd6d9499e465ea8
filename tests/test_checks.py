"""Every rule fires at its cell on a small workbook built here, and the clean base is silent."""

import copy
import re
from pathlib import Path

import pytest
from snapshot import compare

from excel_eval.pipeline import evaluate
from excel_eval.rules import ALL_RULES
from conftest import ROOT, SAMPLES, make_xlsx

SCORE = 97.0  # the base questionnaire: Q1 48 + Q2 49

BASE = {
    "项目信息": [["项目名称", "测试项目"], ["实施单位", "测试单位"], ["评价年度", 2022],
             ["选项A权重", 1], ["选项B权重", 0.8], ["选项C权重", 0.6], ["选项D权重", 0.2], ["选项E权重", 0],
             ["问卷发放份数", 10], ["有效问卷份数", 10],
             ["报告总分", 99], ["报告等级", "优"], ["报告预算执行率", 0.95], ["报告满意度", SCORE],
             ["报告四级指标数", 5]],
    "预算": [["序号", "支出内容", "资金来源", "年初预算数", "全年预算数", "到位数", "执行数", "结余", "备注"],
           [1, "甲", "当年财政拨款", 60, 60, 60, 57, 3, None],
           [2, "乙", "当年财政拨款", 40, 40, 40, 38, 2, None],
           [None, "合计", None, 100, 100, 100, 95, 5]],
    "资金分配": [["序号", "单位名称", "所属地区", "数量", "单位标准", "分配金额", "实拨金额"],
             [1, "A县", "A县", 10, 5, 50, 50],
             [2, "B县", "B县", 10, 5, 50, 50],
             [None, "合计", None, 20, None, 100, 100]],
    "绩效指标": [["一级指标", "二级指标", "三级指标", "四级指标", "指标类型", "年度指标值", "实际完成值", "分值",
              "自评得分", "评分说明", "偏差原因"],
             ["A项目决策", "项目立项", "立项依据", "立项依据充分性", "定性", "充分", "达成", 20, 20],
             ["B项目管理", "投入管理", "预算执行", "预算执行率", "定量", "100%", "95%", 20, 19, None, "结余5万元"],
             ["C项目绩效", "项目产出", "数量指标", "发放人数", "定量", "≥100人", "110人", 30, 30],
             ["C项目绩效", "项目效益", "社会效益", "社会效益", "定性", "明显提高", "达成", 20, 20],
             ["C项目绩效", "满意度", "服务对象满意度", "服务对象满意度", "定量", "≥90%", "97%", 10, 10]],
    "满意度问卷": [["问卷题目及选项", "项目", "A", "B", "C", "D", "E", "各题得分", "合计人数", "分值"],
               ["1.总体", "人数", 8, 2, 0, 0, 0, 48, 10, 50],
               [None, "占比", 0.8, 0.2, 0, 0, 0, None, 1],
               [None, "得分", 40, 8, 0, 0, 0],
               ["2.及时", "人数", 9, 1, 0, 0, 0, 49, 10, 50],
               [None, "占比", 0.9, 0.1, 0, 0, 0, None, 1],
               [None, "得分", 45, 4, 0, 0, 0],
               ["合计", "人数", 17, 3, 0, 0, 0, SCORE, 20, 100],
               [None, "占比", 0.85, 0.15, 0, 0, 0, None, 1],
               [None, "得分", 85, 12, 0, 0, 0]],
    "得分汇总": [["一级指标", "权重分", "得分", "扣分", "得分率"],
             ["A项目决策", 20, 20, 0, 1], ["B项目管理", 20, 19, 1, 0.95], ["C项目绩效", 60, 60, 0, 1],
             ["合计", 100, 99, 1, 0.99]],
}


def workbook(tmp_path: Path, drop: str = "", **cells) -> Path:
    """The base workbook with some cells changed: `预算!E2=99` is written as {"预算!E2": 99}."""
    sheets = copy.deepcopy(BASE)
    sheets.pop(drop, None)
    for address, value in cells.items():
        sheet, ref = address.split("!")
        m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        col = ord(m[1]) - 65
        row = int(m[2]) - 1
        rows = sheets[sheet]
        while len(rows) <= row:
            rows.append([])
        rows[row] = list(rows[row]) + [None] * (col + 1 - len(rows[row]))
        rows[row][col] = value
    return make_xlsx(tmp_path / "wb.xlsx", sheets)


def found(path):
    return [(f.code, f.loc.sheet if f.loc else "", f.loc.cell if f.loc else "") for f in evaluate(path).findings]


def test_clean_base_is_silent(tmp_path):
    result = evaluate(workbook(tmp_path))
    assert [str(f) for f in result.findings] == []
    assert result.scores.total == 99 and result.scores.satisfaction == SCORE


# (code, expected sheet!cell, changes); sheet "" and cell "" for a finding with no cell.
FIRES = [
    ("R001", "!", {"drop": "绩效指标"}),
    ("R002", "预算!A1", {"预算!A1": "钱", "预算!B1": "花了多少", "预算!E1": "x", "预算!G1": "y"}),
    ("R003", "预算!J1", {"预算!G1": "花了多少"}),
    ("R009", "项目信息!B13", {"项目信息!B13": 95}),  # 95 for 95%
    ("R011", "预算!J1", {"预算!J1": "全年预算数（调整后）", "预算!J2": 1, "预算!J3": 1}),
    ("P006", "项目信息!B4", {"项目信息!B4": None}),
    ("T007", "得分汇总!A3", {"得分汇总!A3": "产出"}),
    ("R004", "预算!E2", {"预算!E2": "60万元"}),
    ("R005", "预算!E2", {"预算!E2": "约六十"}),
    ("R007", "预算!E2", {"预算!E2": "600000元"}),
    ("P001", "项目信息!B2", {"项目信息!B2": None}),
    ("P002", "项目信息!B3", {"项目信息!B3": "二〇二二"}),
    ("P003", "项目信息!B5", {"项目信息!B5": 80}),
    ("P004", "项目信息!B4", {"项目信息!B4": 0.8, "项目信息!B5": 1}),
    ("P005", "项目信息!B10", {"项目信息!B10": 12}),
    ("B001", "预算!G2", {"预算!G2": -1}),
    ("B002", "预算!H2", {"预算!H2": 4}),
    ("B003", "预算!F2", {"预算!F2": 70}),
    ("B004", "预算!G2", {"预算!F2": 55}),
    ("B005", "预算!E4", {"预算!E4": 99}),
    ("B006", "预算!G4", {"预算!G2": 80, "预算!H2": -20, "预算!G4": 118}),
    ("B007", "预算!G4", {"预算!G2": 20, "预算!H2": 40, "预算!G4": 58}),
    ("B008", "预算!D2", {"预算!D2": 50}),
    ("F001", "资金分配!F4", {"资金分配!F2": 45, "资金分配!G2": 45, "资金分配!F4": 95, "资金分配!G4": 95,
                           "资金分配!E2": 4.5}),
    ("F002", "资金分配!F2", {"资金分配!E2": 4}),
    ("F003", "资金分配!G2", {"资金分配!G2": 55}),
    ("F004", "资金分配!B3", {"资金分配!B3": "A县"}),
    ("F005", "资金分配!F4", {"资金分配!F4": 90}),
    ("I001", "绩效指标!H6", {"绩效指标!H4": 29, "绩效指标!I4": 29}),
    ("I002", "绩效指标!A2", {"绩效指标!H2": 15, "绩效指标!I2": 15, "绩效指标!H4": 35, "绩效指标!I4": 35}),
    ("I003", "绩效指标!I2", {"绩效指标!I2": 21}),
    ("I004", "绩效指标!F4", {"绩效指标!F4": "较上年有所增加"}),
    ("I005", "绩效指标!G4", {"绩效指标!G4": None}),
    ("I006", "绩效指标!G4", {"绩效指标!G4": "110万元"}),
    ("I007", "绩效指标!I4", {"绩效指标!I4": 28, "绩效指标!K4": "质量一般"}),
    ("I008", "绩效指标!I4", {"绩效指标!G4": "80人"}),
    ("I009", "绩效指标!I3", {"绩效指标!I3": 18}),
    ("I010", "绩效指标!G4", {"绩效指标!G4": "150人"}),
    ("I011", "绩效指标!I5", {"绩效指标!I5": 18}),
    ("I012", "绩效指标!I5", {"绩效指标!G5": "部分达成"}),
    ("I013", "绩效指标!G4", {"绩效指标!F4": "2022年6月30日前", "绩效指标!G4": "2022年7月15日"}),
    ("I014", "绩效指标!I5", {"绩效指标!I5": None}),
    ("I015", "绩效指标!H5", {"绩效指标!H5": None}),
    ("S001", "满意度问卷!I5", {"满意度问卷!G5": 1}),
    ("S002", "满意度问卷!I3", {"满意度问卷!D3": 0.3}),
    ("S003", "满意度问卷!C3", {"满意度问卷!C3": 0.7, "满意度问卷!D3": 0.3}),
    ("S004", "满意度问卷!E3", {"满意度问卷!E3": 0.1}),
    ("S005", "满意度问卷!C4", {"满意度问卷!C4": 39}),
    ("S006", "满意度问卷!H2", {"满意度问卷!H2": 47}),
    ("S007", "满意度问卷!J2", {"满意度问卷!J2": 40}),
    ("S008", "满意度问卷!C8", {"满意度问卷!C8": 16}),
    ("S009", "满意度问卷!H8", {"满意度问卷!H8": 96}),
    ("S010", "满意度问卷!I2", {"满意度问卷!I2": 11}),
    ("T001", "得分汇总!D3", {"得分汇总!D3": 2}),
    ("T002", "得分汇总!E3", {"得分汇总!E3": 0.9}),
    ("T003", "得分汇总!C5", {"得分汇总!C5": 98}),
    ("T004", "得分汇总!C3", {"得分汇总!C3": 18, "得分汇总!D3": 2, "得分汇总!E3": 0.9, "得分汇总!C5": 98,
                           "得分汇总!D5": 2, "得分汇总!E5": 0.98}),
    ("T005", "得分汇总!B4", {"得分汇总!B4": 61}),
    ("T006", "得分汇总!F3", {"得分汇总!F1": "正文得分", "得分汇总!F3": 19.5}),
    ("X001", "项目信息!B11", {"项目信息!B11": 98}),
    ("X002", "项目信息!B12", {"项目信息!B12": "良"}),
    ("X003", "项目信息!B13", {"项目信息!B13": 0.93}),
    ("X004", "项目信息!B14", {"项目信息!B14": 96}),
    ("X005", "项目信息!B15", {"项目信息!B15": 6}),
    ("X006", "绩效指标!G3", {"绩效指标!G3": "100%"}),
    ("X007", "绩效指标!G6", {"绩效指标!G6": "95%"}),
]


@pytest.mark.parametrize("code, where, changes", FIRES, ids=[c for c, _, _ in FIRES])
def test_rule_fires_at_its_cell(tmp_path, code, where, changes):
    drop = changes.pop("drop", "") if "drop" in changes else ""
    sheet, cell = where.split("!")
    got = found(workbook(tmp_path, drop, **changes))
    assert (code, sheet, cell) in got, got
    # …and nothing but what was reviewed: every finding of the case, as tests/expected/fires/ holds it
    compare(f"fires/{code}@{where.replace('!', '_')}", [" ".join(x) for x in got])


def test_every_rule_is_tested_and_documented():
    tested = {c for c, _, _ in FIRES}
    reader_tests = "".join((ROOT / "tests" / name).read_text("utf-8") for name in ("test_reader.py", "test_real.py", "test_reports.py",
                                                                                     "test_forms.py"))
    for rule in ALL_RULES:
        assert rule.code in tested or f'"{rule.code}"' in reader_tests, rule.code
        assert rule.what and rule.why and rule.bad and rule.good and rule.hint, rule.code
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


def test_docs_rules_md_is_current():
    from excel_eval.rules import rules_markdown
    assert (ROOT / "docs" / "rules.md").read_text("utf-8") == rules_markdown(), \
        "run: excel-eval rules --markdown > docs/rules.md"


def test_findings_are_sorted_by_severity_sheet_and_row(tmp_path):
    path = workbook(tmp_path, **{"得分汇总!D3": 2, "预算!D2": 50, "预算!H2": 4, "项目信息!B13": 0.9501})
    findings = evaluate(path).findings
    keys = [(f.severity.rank, f.loc.sheet, f.loc.row) for f in findings]
    assert {"B002", "T001", "B008", "X003"} <= {f.code for f in findings}
    assert keys == sorted(keys, key=lambda k: (k[0], ["项目信息", "预算", "得分汇总"].index(k[1]), k[2]))
    assert [f.severity.value for f in findings][:2] == ["错误", "错误"] and findings[-1].code == "B008"


# --- precision ---------------------------------------------------------------------------------

def test_rounding_slip_is_a_hint_and_a_wrong_number_an_error(tmp_path):
    slip = evaluate(workbook(tmp_path, **{"项目信息!B13": 0.9501})).findings  # 95.01% for 95.00%
    assert [(f.code, f.severity.value) for f in slip] == [("X003", "提示")]
    wrong = evaluate(workbook(tmp_path, **{"项目信息!B13": 0.995})).findings
    assert [(f.code, f.severity.value) for f in wrong] == [("X003", "错误")]


def test_correctly_rounded_numbers_give_no_error(tmp_path):
    # 2/3 typed as 0.67, 0.6667 and 66.67%: all correctly rounded
    changes = {"满意度问卷!C2": 2, "满意度问卷!D2": 1, "满意度问卷!I2": 3, "满意度问卷!C3": 0.67,
               "满意度问卷!D3": 0.33, "满意度问卷!C4": 33.33, "满意度问卷!D4": 13.33, "满意度问卷!H2": 46.67}
    got = evaluate(workbook(tmp_path, **changes)).findings
    assert "S008" in [f.code for f in got]  # the 合计 block was left as it was: it no longer adds up
    assert not [f for f in got if f.code in ("S003", "S005", "S006", "S002") and f.loc.row < 4]


def test_ratio_rows_summing_to_101_are_rounding_but_111_is_a_mistake(tmp_path):
    rows = {"满意度问卷!C2": 6, "满意度问卷!D2": 2, "满意度问卷!E2": 2, "满意度问卷!I2": 10}
    ok = {**rows, "满意度问卷!C3": 0.6, "满意度问卷!D3": 0.2, "满意度问卷!E3": 0.21}
    assert "S002" not in [f.code for f in evaluate(workbook(tmp_path, **ok)).findings]
    bad = {**rows, "满意度问卷!C3": 0.6, "满意度问卷!D3": 0.3, "满意度问卷!E3": 0.21}
    assert "S002" in [f.code for f in evaluate(workbook(tmp_path, **bad)).findings]


# --- the seed reports ----------------------------------------------------------------------------

def codes_at(name):
    return {(f.code, f.loc.sheet, f.loc.cell, f.severity.value) for f in evaluate(SAMPLES / name).findings}


def test_demo_sample_is_clean():
    result = evaluate(SAMPLES / "示例_无错误.xlsx")
    assert [f for f in result.findings if f.severity.value != "提示"] == []


def test_report_000_findings():
    got = codes_at("000_残疾人基层组织建设补助经费.xlsx")
    assert ("T001", "得分汇总", "D5", "错误") in got  # C项目绩效 扣分 2.00 against 60 − 59
    assert ("T002", "得分汇总", "E5", "错误") in got  # 得分率 96.67% against 59/60
    assert ("T003", "得分汇总", "C6", "错误") in got  # A+B+C = 97 against 合计 96
    assert ("T004", "得分汇总", "C5", "错误") in got  # 59 against the indicators' 58


def test_report_001_findings():
    got = codes_at("001_残疾人基层组织建设及服务经费.xlsx")
    assert ("T006", "得分汇总", "F4", "错误") in got  # text 19.9 against table 18.8
    assert ("T006", "得分汇总", "F5", "错误") in got  # text 54 against table 58
    assert ("B007", "预算", "G8", "提示") in got  # execution 58.33%


def test_report_003_findings():
    result = evaluate(SAMPLES / "003_职业技能培训及就业服务.xlsx")
    got = {(f.code, loc.cell, f.severity.value) for f in result.findings for loc in f.locs}
    sums = sorted(f.actual for f in result.findings if f.code == "S002")
    assert sums == ["101.00%", "101.00%", "102.00%", "113.00%", "116.00%", "98.00%"]  # each row's own 合计, typed off 100%
    assert {("S004", c, "错误") for c in ("F16", "F19", "F28")} <= got  # D 占比 copied from C, count 0
    (copied,) = [f for f in result.findings if f.code == "S004"]  # one cause, one finding, six cells
    assert [loc.cell for loc in copied.locs] == ["F16", "F17", "F19", "F20", "F28", "F29"]
    assert copied.as_dict()["cells"] == ["F16", "F17", "F19", "F20", "F28", "F29"]
    assert {("S003", c, "错误") for c in ("F7", "F31")} <= got  # D 占比 copied from C, count 1
    assert ("S008", "F33", "错误") in got and ("S008", "I33", "错误") in got  # D 0 vs 4; 1136 vs 1140
    assert ("S009", "H33", "错误") in got  # typed 97.47 against 96.86
    assert {("S006", c, "错误") for c in ("H3", "H6", "H18")} <= got
    assert ("X003", "B18", "提示") in got  # 84.28% against 84.27%
    assert ("X004", "B19", "错误") in got and ("X007", "G35", "错误") in got


def test_weights_too_large_to_add_up_give_a_finding_not_a_crash(tmp_path):
    # Found by the fuzz test: two weights of 1e308 add up to infinity.
    path = workbook(tmp_path, **{"绩效指标!H2": 1e308, "绩效指标!H3": 1e308})
    f = next(f for f in evaluate(path).findings if f.code == "I001")
    assert "数值超出范围" in f.message


def test_a_section_adds_to_its_points_as_far_as_they_were_typed(tmp_path):
    # 项目绩效's 60 points split in thirds, typed 26.66667, 26.66667, 6.66667: they add to 60.00001,
    # which is 60 as typed (the whole table's 100 has always been read so).
    thirds = {"绩效指标!H4": 26.66667, "绩效指标!H5": 26.66667, "绩效指标!H6": 6.66667}
    assert not [f for f in evaluate(workbook(tmp_path, **thirds)).findings if f.code == "I002"]


def test_numbers_that_differ_are_never_shown_alike(tmp_path):
    # 项目决策's points typed 19.996 against the scheme's 20: to two decimals the message read
    # “分值合计 20.00，评分体系“四级指标”规定为 20”.
    from excel_eval.findings import _show_pair

    result = evaluate(workbook(tmp_path, **{"绩效指标!H2": 19.996}))
    (f,) = [f for f in result.findings if f.code == "I002"]
    assert (f.expected, f.actual) == ("20", "19.996")
    assert "分值合计 19.996，评分体系“四级指标”规定为 20" in f.message
    assert _show_pair(60, 59.99999400000003) == ("60", "59.999994")  # as it is, not a rounding of it
    assert _show_pair(-0.0, 0.0) == ("0", "0") and _show_pair(100, 99.99999999999997) == ("100", "100")


def test_each_finding_says_what_it_costs_the_stated_total(tmp_path):
    # 预算执行率 95% of 20 points is 19; the evaluator gave 20 (and kept the summary at 99).
    result = evaluate(workbook(tmp_path, **{"绩效指标!I3": 20}))
    effects = {(f.code, str(f.loc)): f.score_effect for f in result.findings}
    assert effects[("I008", "绩效指标!I3")] == pytest.approx(-1.0)
    assert sum(effects.values()) == pytest.approx(result.scores.total - result.scores.self_total)
    assert result.findings[0].code == "I008"  # the 错误 that change the score come first
    assert result.findings[0].as_dict()["score_effect"] == pytest.approx(-1.0)
    assert all(f.score_effect == 0 for f in result.findings[1:])


def test_a_code_once_issued_is_never_given_to_another_rule():
    """tests/expected/rule_codes.json lists every code ever issued, with its rule's name; a code
    whose rule goes is listed in rules.RETIRED, and no code comes back with another meaning."""
    import json

    from excel_eval.rules import RETIRED
    from snapshot import EXPECTED, REWRITE

    path = EXPECTED / "rule_codes.json"
    issued = json.loads(path.read_text("utf-8"))
    live = {r.code: r.name for r in ALL_RULES}
    if REWRITE:  # new codes join the list; none ever leaves it
        issued = {**issued, **{c: n for c, n in live.items() if c not in issued}}
        path.write_text(json.dumps(dict(sorted(issued.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert not set(live) & set(RETIRED), "a retired code is used again"
    assert {c: n for c, n in live.items() if issued.get(c, n) != n} == {}, "a code now names another rule"
    assert sorted(c for c in issued if c not in live and RETIRED.get(c) != issued[c]) == [], \
        "a code no rule has any more: list it in rules.RETIRED"
    assert sorted(set(live) - set(issued)) == [], "a new code: EXCEL_EVAL_REWRITE=1 adds it to rule_codes.json"


def test_a_rule_is_raised_only_at_the_severities_it_declares():
    from excel_eval import rules
    from excel_eval.vocab import Severity

    assert rules.ROW_RATE_MISMATCH(None, severity=Severity.INFO).severity is Severity.INFO  # declared: also=(I,)
    with pytest.raises(ValueError, match="F005"):
        rules.ALLOCATION_TOTAL_MISMATCH(None, severity=Severity.INFO, column="分配金额", rows="上面")  # not declared
    assert all(r.also_when for r in ALL_RULES if r.also), "each variant says when (docs/rules.md)"


def test_a_finding_about_several_cells_gives_every_one_in_the_json(tmp_path):
    """P006 names the five blank option weights: the JSON's `cells` lists the five, not the first."""
    blank = {f"项目信息!B{r}": None for r in range(4, 9)}
    result = evaluate(workbook(tmp_path, **blank))
    weights = next(f.as_dict() for f in result.findings if f.code == "P006")
    assert weights["cells"] == ["B4", "B5", "B6", "B7", "B8"] and weights["cell"] == "B4"
    assert "B4、B5、B6、B7、B8" in weights["message"]
