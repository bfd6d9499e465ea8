"""Real files as people leave them (tests/real/make_variants.py): each variant scores as its
sample does and adds no 错误, says 警告 where the tool chose, or finds the planted 错误 at its cell."""

import sys
from pathlib import Path

import pytest

from excel_eval import Severity, evaluate
from conftest import SAMPLES

sys.path.insert(0, str(Path(__file__).parent / "real"))
from make_variants import VARIANTS, build  # noqa: E402


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real")
    build(folder)
    return folder


def errors(result):
    return {(f.code, str(f.loc)) for f in result.findings if f.severity is Severity.ERROR}


@pytest.fixture(scope="module")
def samples():
    return {name: evaluate(SAMPLES / name) for name in {v.sample for v in VARIANTS}}


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.file for v in VARIANTS])
def test_variant(variants, samples, variant):
    result, sample = evaluate(variants / variant.file), samples[variant.sample]
    assert result.ok, result.reason
    codes = {f.code: f.severity for f in result.findings}
    for code in variant.warns:
        assert codes.get(code) is Severity.WARNING, (code, codes)
    for code in variant.hints:
        assert codes.get(code) is Severity.INFO, (code, codes)
    if variant.planted:
        code, where = variant.planted
        assert (code, where) in errors(result), errors(result)
        return
    assert result.total_score == pytest.approx(sample.total_score, abs=1e-9)
    assert result.execution_rate == pytest.approx(sample.execution_rate, abs=1e-12) \
        or "R012" in codes  # an amount not computed: no execution rate is claimed
    assert result.satisfaction == pytest.approx(sample.satisfaction, abs=1e-9) or variant.cls == 8
    assert errors(result) <= errors(sample), errors(result) - errors(sample)


def test_every_class_has_variants():
    assert {v.cls for v in VARIANTS} >= set(range(1, 9))


def test_a_formula_that_cannot_be_computed_is_unknown_at_its_cell_not_blank(variants):
    result = evaluate(variants / "4_公式无法计算.xlsx")
    (f,) = [f for f in result.findings if f.code == "R012"]
    assert str(f.loc) == "预算!G3" and "#REF!" in f.message and "未知" in f.message
    assert result.budget is None and not [x for x in result.findings if x.code in ("B005", "X006")]


def test_a_satisfaction_score_typed_as_a_percent_is_compared_as_a_score(variants):
    (f,) = [f for f in evaluate(variants / "5_满意度带百分号.xlsx").findings if f.code == "X004"]
    assert f.message == "报告满意度 97.47 ≠ 按问卷人数计算的 96.86"


def test_a_copy_is_named_and_its_numbers_are_not_read(variants):
    result = evaluate(variants / "3_草稿副本_绩效指标.xlsx")
    (f,) = [f for f in result.findings if f.code == "R010"]
    assert f.message == "有两张“绩效指标”表：读取了“绩效指标”，未读取“绩效指标 (2)”"
    assert str(f.loc) == "绩效指标 (2)!A1"


def test_an_indicator_score_not_computed_leaves_the_total_unknown_not_lower(variants, tmp_path):
    from make_variants import DEMO, cells
    from excel_eval import write_outputs
    from python_calamine import CalamineWorkbook

    path = tmp_path / "得分未知.xlsx"
    path.write_bytes(cells("绩效指标", {"I3": "=[1]Other!A1"})((SAMPLES / DEMO).read_bytes()))
    result = evaluate(path)
    assert result.total_score is None and result.grade is None
    assert [f.code for f in result.findings] == ["R012"]
    overview = CalamineWorkbook.from_path(str(write_outputs(result, tmp_path)["results"])).get_sheet_by_name("总览")
    assert overview.to_python()[2][7] == "未能计算（见问题清单 R012）"
