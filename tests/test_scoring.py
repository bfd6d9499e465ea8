import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from excel_eval.model import Cell, Info, Loc, Model, Row, Table
from excel_eval.reader import read_workbook
from excel_eval.schemes import SchemeError, load_scheme, pick_scheme
from excel_eval.scoring import score
from excel_eval.targets import clean, parse_target
from excel_eval.vocab import RuleKind
from conftest import SAMPLES


def scored(path):
    model = read_workbook(path).model
    return score(model, pick_scheme(model))


SCHEME = load_scheme("四级指标")
LOC = Loc("绩效指标", 0, 0)


def indicator(target, actual, weight=10.0, self_score=None, kind="", name="指标", budget=None, scheme=SCHEME,
              year=2022):
    cells = {"level1": Cell("项目绩效", LOC), "level4": Cell(name, LOC), "target": Cell(target, LOC),
             "actual": Cell(actual, LOC), "weight": Cell(weight, LOC), "score": Cell(self_score, LOC),
             "type": Cell(kind or None, LOC)}
    model = Model("x", info=Info("项目信息", {"year": Cell(float(year), LOC)}),
                  indicators=Table("绩效指标", 0, {"weight": 7}, [Row(1, cells)]), budget=budget)
    return score(model, scheme).indicators[0]


@pytest.mark.parametrize("target, actual, expected, rule", [
    ("≥95%", "100%", 10, "正向"),
    ("≥95%", "76%", 8, "正向"),  # 10 × 0.76 / 0.95
    ("不少于60人次", "114人", 10, "正向"),
    ("≤10%", "5%", 10, "反向"),
    ("≤10%", "15%", 5, "反向"),  # 10 × (1 − (15 − 10) / 10)
    ("≤10%", "20%", 0, "反向"),  # a ≥ 2t
    ("≤10%", "25%", 0, "反向"),
    ("不多于64.53万元", "63.6万元", 10, "反向"),
    ("=0", "0", 10, "等于"),
    ("=0", "2", 0, "等于"),
    ("=100%", "90%", 9, "等于"),
    ("1237人", "1252人", 10, "等于"),
    ("90%-95%", "93%", 10, "区间"),
    ("90%-95%", "45%", 5, "区间"),
    ("<=5300元/户", "5830元/户", 10 * (1 - 530 / 5300), "反向"),  # 濉溪县: a standard per household, over its ceiling
    (">=530元/人*月", "583元/人*月", 10, "正向"),  # per head and month
])
def test_quantitative_rules(target, actual, expected, rule):
    r = indicator(target, actual)
    assert r.rule.value == rule
    assert r.computed == pytest.approx(expected)


def test_negative_actual_counts_as_zero():
    assert indicator("≥10人", "-5人").computed == 0


def test_reverse_ratio_formula_by_scheme():
    ten = load_scheme("自评表")
    assert indicator("≤10%", "15%", scheme=ten).computed == pytest.approx(10 * 10 / 15)


@pytest.mark.parametrize("actual", ["0.95", "95", 0.95, 95.0])
def test_bare_number_against_percent_target(actual):
    r = indicator("≥95%", actual)
    assert r.computed == 10 and r.actual_value == pytest.approx(0.95)
    assert "95.00%" in r.note


def test_deadline_met_and_missed():
    met = indicator("2022年11月30日前", "2022年8月21日", self_score=10)
    assert (met.rule.value, met.met, met.computed) == ("期限", True, 10)
    missed = indicator("2022年11月30日前", dt.datetime(2022, 12, 5), self_score=6)
    assert (missed.met, missed.computed, missed.score) == (False, None, 6)  # the evaluator's score stands
    assert indicator("12月底前", "2022年12月20日").met is True


def test_qualitative_keeps_the_evaluators_score_and_its_band():
    r = indicator("明显提高", "部分达成", self_score=9)
    assert (r.rule.value, r.computed, r.score, r.band) == ("定性", None, 9, (0.6, 0.8))
    assert indicator("明显提高", "达成", self_score=9).band == (0.8, 1.0)
    none = indicator("明显提高", "有效提升")
    assert none.score is None and none.computed is None  # no score given, none invented (unknown, not 0)


def test_execution_and_arrival_take_their_actual_from_the_budget():
    rows = [Row(2, {"budget": Cell(100.0, LOC), "executed": Cell(84.27, LOC), "received": Cell(100.0, LOC)})]
    budget = Table("预算", 0, {"budget": 4, "executed": 6}, rows)
    r = indicator("≥100%", "100%", weight=4, name="预算执行率", budget=budget)
    assert r.rule is RuleKind.EXECUTION and r.computed == pytest.approx(4 * 0.8427) and r.met is False
    assert indicator("100%", "", weight=4, name="资金到位率", budget=budget).computed == 4


def test_execution_tiers():
    from dataclasses import replace
    tiers = replace(SCHEME, execution_rule="tiers")
    rows = [Row(2, {"budget": Cell(100.0, LOC), "executed": Cell(85.0, LOC)})]
    r = indicator("100%", "", weight=10, name="预算执行率", budget=Table("预算", 0, {"budget": 4, "executed": 6}, rows),
                  scheme=tiers)
    assert r.computed == pytest.approx(7)


def test_over_performance_flag():
    assert indicator("≥10人", "21人").over_performance is True
    assert indicator("≥10人", "12人").over_performance is False


@pytest.mark.parametrize("total, grade", [(90, "优"), (89.999, "良"), (80, "良"), (79.99, "中"), (60, "中"), (59.9, "差")])
def test_grades_from_the_unrounded_total(total, grade):
    assert SCHEME.grade(total) == grade


def test_survey_scores_of_the_samples():
    s000 = scored(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx")
    assert round(s000.surveys[0].score, 2) == 97.23  # the report computed right
    s003 = scored(SAMPLES / "003_职业技能培训及就业服务.xlsx")
    assert s003.surveys[0].score == pytest.approx(96.86, abs=0.005)  # not the typed 97.47
    assert s003.surveys[0].respondents == 114
    assert s003.surveys[0].counts == (1015, 79, 42, 4, 0)


@pytest.mark.parametrize("name, sections, total", [
    ("000_残疾人基层组织建设补助经费.xlsx", [20, 18, 58], 96),
    ("001_残疾人基层组织建设及服务经费.xlsx", [19, 18.8, 58], 95.8),
    ("003_职业技能培训及就业服务.xlsx", [20, 19, 53], 92),
])
def test_sample_sections_and_totals_equal_the_reports(name, sections, total):
    s = scored(SAMPLES / name)
    assert [round(x.score, 2) for x in s.sections] == sections
    assert round(s.total, 2) == total and s.grade == "优"
    assert [x.weight for x in s.sections] == [20, 20, 60]


def test_scheme_is_picked_by_info_row_or_section_names():
    def model(l1, scheme=None):
        info = Info("项目信息", {"scheme": Cell(scheme, LOC)} if scheme else {})
        rows = [Row(1, {"level1": Cell(l1, LOC)})]
        return Model("x", info=info, indicators=Table("绩效指标", 0, {}, rows))
    assert pick_scheme(model("A项目决策")).name == "四级指标"
    assert pick_scheme(model("产出指标")).name == "自评表"
    assert pick_scheme(model("A项目决策", "自评表")).name == "自评表"


def test_scheme_file_mistakes_are_clear(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\noption_weights = [1, 0.8]\n', encoding="utf-8")
    with pytest.raises(SchemeError, match="option_weights"):
        load_scheme(bad)
    bad.write_text("name = [", encoding="utf-8")
    with pytest.raises(SchemeError, match="格式有误"):
        load_scheme(bad)
    with pytest.raises(SchemeError, match="无法读取"):
        load_scheme(tmp_path / "missing.toml")


def test_score_is_pure():
    import ast
    import inspect

    import excel_eval.scoring as mod
    tree = ast.parse(inspect.getsource(mod))
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "print" not in called and "open" not in called


TARGET_TEXT = st.text(alphabet="≥≤<>=%.0123456789万元人次期以上下不低于多少-~年月日前底明显提高达成部分 \t", max_size=16)


@given(TARGET_TEXT)
def test_target_parser_never_raises(text):
    parse_target(text, 2022)


@given(TARGET_TEXT)
def test_target_parser_is_stable_under_spacing_and_width(text):
    wide = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%=<>.-~"})
    spaced = " ".join(text)
    base = parse_target(text, 2022)
    for variant in (wide, spaced):
        other = parse_target(variant, 2022)
        assert (other.kind, other.op, other.value, other.high, other.unit, other.date) == \
               (base.kind, base.op, base.value, base.high, base.unit, base.date)
        assert clean(variant) == clean(text) or base.kind == "qualitative"


def test_the_builtin_schemes_module_is_what_their_files_say():
    """A run takes the built-in schemes from schemes/builtin.py (no TOML parser loaded); it must
    be what the .toml files beside it parse to. EXCEL_EVAL_REWRITE=1 writes it anew."""
    import os

    from excel_eval import schemes

    written = Path(schemes.__file__).with_name("builtin.py")
    if os.environ.get("EXCEL_EVAL_REWRITE") == "1":
        written.write_text(schemes.builtin_source(), "utf-8")
    assert written.read_text("utf-8") == schemes.builtin_source(), \
        "a built-in scheme's .toml changed: EXCEL_EVAL_REWRITE=1 python -m pytest tests/test_scoring.py writes builtin.py"
    for name in schemes.BUILTIN_SCHEMES:  # and each is the scheme its file declares
        assert schemes.builtin_scheme(name) == schemes.load_scheme(schemes.SCHEMES_DIR / schemes.SCHEME_FILES[name])
