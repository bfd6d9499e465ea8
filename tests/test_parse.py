import datetime as dt
import math

import pytest
from hypothesis import given, strategies as st

from excel_eval.layout import normalize, section_name
from excel_eval.parse import NotANumber, parse_number, parse_year


@pytest.mark.parametrize("raw, value, step, percent", [
    (306.55, 306.55, 0.01, False),
    ("306.55万元", 306.55, 0.01, False),
    ("1,252", 1252, 1, False),
    ("９５％", 0.95, 0.01, True),
    ("95%", 0.95, 0.01, True),
    ("84.28%", 0.8428, 0.0001, True),
    (" 12 人 ", 12, 1, False),
    ("-3.5", -3.5, 0.1, False),
    (3.0, 3.0, 1, False),
])
def test_numbers(raw, value, step, percent):
    n = parse_number(raw)
    assert n.value == pytest.approx(value)
    assert n.step == pytest.approx(step)
    assert n.percent is percent


@pytest.mark.parametrize("raw", [None, "", "-", "—", "/", "  "])
def test_empty_marks(raw):
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", ["约三十万", "12abc", True, dt.date(2022, 1, 1), float("nan"), float("inf")])
def test_not_numbers(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)


@pytest.mark.parametrize("raw, year", [(2022, 2022), (2022.0, 2022), ("2022年", 2022), ("２０２２年度", 2022),
                                       ("二〇二二", None), ("22", None), (2022.5, None), (None, None)])
def test_years(raw, year):
    assert parse_year(raw) == year


def test_normalize_labels():
    assert normalize("全年预算数（万元）") == "全年预算数"
    assert normalize("全 年 预\n算数") == "全年预算数"
    assert normalize("A（非常满意）") == "A"
    assert normalize("（万元）") == "(万元)"  # a label that is only a bracket stays
    assert section_name("A项目决策") == "项目决策"
    assert section_name("B. 项目过程") == "项目管理"


@given(st.one_of(st.none(), st.text(), st.floats(), st.integers(), st.booleans()))
def test_parse_number_never_raises_anything_else(raw):
    try:
        n = parse_number(raw)
    except NotANumber:
        return
    assert n is None or math.isfinite(n.value)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_number_text_round_trips(d):
    for text in (f"{d}", f"{d:,}", f"{d}万元", f" {d} "):
        assert parse_number(text).value == pytest.approx(float(d))
    wide = str(d).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.-"})
    assert parse_number(wide).value == pytest.approx(float(d))
    assert parse_number(f"{d}%").value == pytest.approx(float(d) / 100)


@given(st.text(alphabet="项目名称预算数 （）()\n\t万元ABC１２", max_size=20))
def test_normalize_is_stable(text):
    once = normalize(text)
    assert normalize(once) == once
    assert normalize(text.replace(" ", "　")) == once


def test_a_lazy_pattern_is_compiled_at_its_first_use_and_answers_as_the_compiled_one():
    import re

    from excel_eval.text import LazyPattern

    lazy, compiled = LazyPattern(rb'r="([A-Z]+)(\d+)"'), re.compile(rb'r="([A-Z]+)(\d+)"')
    assert "search" not in vars(lazy)  # nothing compiled yet
    text = b'<c r="B7"/><c r="AA12"/>'
    assert [m.groups() for m in map(lazy.search, [text, b"<c/>"]) if m] == [compiled.search(text).groups()]
    assert lazy.findall(text) == compiled.findall(text) and lazy.sub(b"", text) == compiled.sub(b"", text)
    assert lazy.pattern == compiled.pattern and "search" in vars(lazy)


@given(st.text(st.characters(blacklist_categories=()), max_size=40))  # lone surrogates too
def test_an_output_cell_keeps_everything_xml_can_hold_and_drops_the_rest(text):
    """(Text that is printable is taken as it is, unsearched: never does it hold what is dropped.)"""
    import re

    from excel_eval.text import XML_FORBIDDEN, cell_text, shown, xml_safe

    assert shown(text) == re.sub("[\ud800-\udfff]", "\ufffd", text)
    assert xml_safe(text) == XML_FORBIDDEN.sub("", text) and cell_text(text) == XML_FORBIDDEN.sub("", shown(text))


def _decimal_step(text: str) -> float:
    from decimal import Decimal

    exponent = Decimal(text).normalize().as_tuple().exponent
    return 10.0 ** min(int(exponent), 0) if isinstance(exponent, int) else 1.0


@given(st.floats(allow_nan=False, allow_infinity=False) | st.decimals(places=6, allow_nan=False, allow_infinity=False).map(float))
def test_a_stored_number_has_the_precision_of_its_shortest_text(value):
    """(As Decimal tells it, at 15 significant digits, without loading decimal at every start.)"""
    from excel_eval.parse import float_step

    assert float_step(value) == (1.0 if value.is_integer() else _decimal_step(f"{value:.15g}"))


@given(st.from_regex(r"\A(?:\d{1,12}(?:\.\d{0,8})?|\.\d{1,8})\Z"))
def test_a_typed_number_has_the_precision_of_its_digits(digits):
    from decimal import Decimal

    from excel_eval.parse import _step

    exponent = Decimal(digits).as_tuple().exponent
    assert _step(digits) == 10.0 ** min(int(exponent), 0)
