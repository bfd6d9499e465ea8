"""A long 资金分配 roster is checked column by column: the same findings, at the same cells, as
the row-by-row reading of a short one."""

from __future__ import annotations

import pytest

from excel_eval import reader
from excel_eval.pipeline import evaluate
from excel_eval.writer.template import Content, write_template

ROWS = 2_500  # above reader.COLUMNAR_ROWS
FIRST = 3  # the Excel row of the first data row


def roster_content() -> Content:
    rows = [{"seq": i + 1, "name": f"单位{i:06d}", "region": f"县区{i % 7}", "quantity": 1, "standard": 0.04,
             "amount": 0.04, "paid": 0.04, "contact": "张三", "phone": "15812345678"} for i in range(ROWS)]
    rows[10].update(quantity=2, standard=3, amount=7)  # 2 × 3 ≠ 7
    rows[20].update(amount=5, paid=9)  # paid more than allocated
    rows[30]["name"] = "单位０００００６"  # full-width digits: the same unit as row 6
    rows[40].update(quantity=None, standard=None, amount="1,000.50")  # a number typed as text
    rows[50].update(quantity=3, standard=0.333, amount=0.998)  # 0.999, typed at the same precision
    rows[60].update(quantity=None, standard=None, amount="待定")  # not a number
    info = {"project": "名册项目", "department": "测试部门", "unit": "测试单位", "year": 2022}
    budget = [{"seq": 1, "item": "补助", "source": "当年财政拨款", "initial": 100, "budget": 100, "received": 100,
               "executed": 100, "balance": 0}]
    return Content(info=info, budget=budget, allocation=rows, allocation_total={"amount": 12345, "paid": 100})


@pytest.fixture(scope="module")
def roster(tmp_path_factory):
    return write_template(tmp_path_factory.mktemp("roster") / "名册.xlsx", roster_content())


def located(result) -> list[tuple]:
    return [(f.code, str(f.loc), f.severity.value, f.message) for f in result.findings]


def test_a_long_roster_is_held_by_column(roster):
    t = evaluate(roster).model.allocation
    assert t.columnar is not None and len(t.rows) == ROWS
    assert t.rows[40].get("amount").number == 1000.5 and t.rows[40].get("amount").text == "1,000.50"
    assert t.rows[40].get("quantity") is None and str(t.rows[10].get("amount").loc) == "资金分配!F13"


def test_column_by_column_finds_what_row_by_row_finds(roster, monkeypatch):
    columnar = evaluate(roster)
    monkeypatch.setattr(reader, "COLUMNAR_ROWS", 10 ** 9)
    by_row = evaluate(roster)
    assert by_row.model.allocation.columnar is None
    assert located(columnar) == located(by_row)
    assert columnar.as_dict() == by_row.as_dict()
    found = {(code, loc, severity) for code, loc, severity, _ in located(columnar)}
    last = FIRST + ROWS
    assert {("F002", f"资金分配!F{FIRST + 10}", "错误"), ("F003", f"资金分配!G{FIRST + 20}", "警告"),
            ("F004", f"资金分配!B{FIRST + 30}", "警告"), ("F002", f"资金分配!F{FIRST + 50}", "错误"),
            ("F005", f"资金分配!F{last}", "错误"), ("F001", f"资金分配!F{last}", "警告")} <= found
    assert {code for code, loc, _ in found if loc in (f"资金分配!F{FIRST + 40}", f"资金分配!F{FIRST + 60}")} \
        == {"R004", "R005"}  # read from text; not a number
    duplicate = next(m for code, loc, _, m in located(columnar) if code == "F004")
    assert f"B{FIRST + 6}" in duplicate
    # the 合计 of paid is right (100 typed for the rows' sum): no F005 at G
    assert ("F005", f"资金分配!G{last}", "错误") not in found


def test_a_columns_rounding_slack_and_folded_names_are_those_of_its_cells(roster):
    from excel_eval.checks.allocation import _folded
    from excel_eval.model import rounding_slack
    from excel_eval.text import fold

    data = evaluate(roster).model.allocation.data()
    for key in ("amount", "standard", "paid", "quantity"):
        rows = [i for i, v in enumerate(data.numbers(key)) if v is not None]
        assert data.slack(key, rows) == rounding_slack([data.cell(i, key) for i in rows])
    assert data.numbers("amount") is data.numbers("amount")  # made once, not copied for each check
    names = [*data.texts("name")[:50], "单位 ０6", "a\0b", "ｶ\u3099", "", " 张三 "]
    assert _folded(names) == [fold(n) for n in names] and _folded(names[:-3]) == [fold(n) for n in names[:-3]]
