"""A blank is unknown everywhere, and a grade from a workbook with 错误 is provisional everywhere.

On the unfinished 一体化 sample (完成值 and 得分 blank on 产出 and 效益) every output that shows an
indicator's or a section's score says 未能计算 — the report, the results workbook (总览, 指标得分,
报告摘要), the page's card, the batch summary and the JSON (null) — and none shows 0.00 or a
deduction for it. On 003 (27 错误) every output that shows a grade shows it provisional, in the
same words (vocab.grade_label).
"""

import re
import shutil

import openpyxl
import pytest

from conftest import SAMPLES
from excel_eval.batch import run_batch
from excel_eval.step import Options, process
from excel_eval.vocab import UNKNOWN_SCORE, Severity
from excel_eval.voice import card, document

UNFINISHED = SAMPLES / "自评表" / "012_青神县工资性支出.xlsx"
WITH_ERRORS = SAMPLES / "003_职业技能培训及就业服务.xlsx"
BLANK_SECTIONS = ("产出", "效益")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    out = tmp_path_factory.mktemp("unknown")
    return {path.name: process(path, Options.of(out=out))[0] for path in (UNFINISHED, WITH_ERRORS)}


def docx_text(path) -> tuple[str, list[list[list[str]]]]:
    import docx

    d = docx.Document(str(path))
    return "\n".join(p.text for p in d.paragraphs), [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]


def sheet_rows(path, name) -> list[tuple]:
    """The cells as written, a formula's cached value in its place."""
    return [tuple(r) for r in openpyxl.load_workbook(path, data_only=True)[name].iter_rows(values_only=True)]


def test_the_json_gives_null_for_what_cannot_be_scored(outcomes):
    doc = document(outcomes[UNFINISHED.name])
    sections = {x["name"]: x for x in doc["sections"]}
    for name in BLANK_SECTIONS:
        assert sections[name]["score"] is None and sections[name]["self_score"] is None
    assert sections["预算执行率"]["score"] == pytest.approx(10.0)  # what can be scored still is
    blank = [i for i in doc["indicators"] if i["section"] in BLANK_SECTIONS]
    assert blank and all(i["score"] is None and i["computed"] is None for i in blank)
    assert doc["total_score"] is None and doc["grade"] is None and doc["self_total"] is None


def test_the_report_says_unknown_and_deducts_nothing(outcomes):
    result = outcomes[UNFINISHED.name].result
    text, tables = docx_text(outcomes[UNFINISHED.name].written["report"])
    for n, name in enumerate(("预算执行率", *BLANK_SECTIONS), start=1):
        if name in BLANK_SECTIONS:
            assert f"{n}、{name}（满分" in text and f"{name}（满分{dict((x.name, x.weight) for x in result.sections)[name]:g}分，评价得分{UNKNOWN_SCORE}）" in text
    assert "0.00分" not in text.replace("10.00分", "")  # the one scored section's 10.00 is the only figure
    assert "扣" not in re.sub(r"扣分", "", text) and "偏差原因：【请填写" not in text
    assert "见问题清单 I019" in text and "R012" not in text
    sections = tables[0]
    assert [row[0] for row in sections[1:]] == ["预算执行率", *BLANK_SECTIONS, "合计"]
    for row in sections[2:]:
        assert row[2:] == [UNKNOWN_SCORE] * 3, row  # 得分, 扣分, 得分率: unknown, never 0.00 / 90.00
    annex = next(t for t in tables if t[0][0] == "一级指标" and len(t[0]) > 5)
    score = annex[0].index("得分")
    assert annex[-1][score] == UNKNOWN_SCORE
    assert [row[score] for row in annex[2:-1]] == [UNKNOWN_SCORE] * len(BLANK_SECTIONS)


def test_the_results_workbook_says_unknown_and_names_the_rule_in_the_list(outcomes):
    path = outcomes[UNFINISHED.name].written["results"]
    overview = sheet_rows(path, "总览")
    by_label = {row[0]: row for row in overview if row[0]}
    for name in BLANK_SECTIONS:
        assert by_label[name][2:5] == (UNKNOWN_SCORE,) * 3
    assert by_label["合计"][2:5] == (UNKNOWN_SCORE,) * 3
    reason = next(row[7] for row in overview if row[6] == "核算总分")
    assert reason == f"{UNKNOWN_SCORE}（见问题清单 I019）"
    listed = {row[1] for row in sheet_rows(path, "问题清单")[1:]}
    assert "I019" in listed and "R012" not in listed
    scores = sheet_rows(path, "指标得分")
    blank = [row for row in scores[1:] if row[0] and row[0] != "合计" and not str(row[0]).startswith("预算")]
    assert blank and all(row[8] == UNKNOWN_SCORE and row[9] is None for row in blank)
    assert scores[-1][0] == "合计" and scores[-1][8] == UNKNOWN_SCORE
    abstract = sheet_rows(path, "报告摘要")
    text = "\n".join(str(r[0]) for r in abstract if r[0])
    for name in BLANK_SECTIONS:
        assert f"{name}（满分" in text and f"评价得分{UNKNOWN_SCORE}）" in text
    assert "0.00分" not in text.replace("10.00分", "")


def test_the_card_says_unknown(outcomes):
    c = card(outcomes[UNFINISHED.name], lambda path: "")
    assert c["total"] is None and c["unknown"] == UNKNOWN_SCORE and "I019" in c["total_reason"]
    sections = {x["name"]: x for x in c["sections"]}
    for name in BLANK_SECTIONS:
        assert sections[name]["score"] is None and sections[name]["label"] == f"{name}（{UNKNOWN_SCORE}）"


def test_a_grade_with_errors_is_provisional_in_every_output(outcomes):
    outcome = outcomes[WITH_ERRORS.name]
    result = outcome.result
    errors = result.count(Severity.ERROR)
    label = f"{result.grade}（待更正：{errors} 个错误）"
    assert errors and result.grade_label == label
    text, _ = docx_text(outcome.written["report"])
    assert f"评定等级为{label}。" in text
    abstract = "\n".join(str(r[0]) for r in sheet_rows(outcome.written["results"], "报告摘要") if r[0])
    assert f"评定等级为{label}。" in abstract and f"评定等级为{result.grade}。" not in abstract
    overview = sheet_rows(outcome.written["results"], "总览")
    assert next(row[7] for row in overview if row[6] == "评定等级") == label
    c = card(outcome, lambda path: "")
    assert c["grade_label"] == label and c["grade"] + f"（{c['provisional']}）" == label
    assert document(outcome)["grade_label"] == label


def test_the_batch_summary_says_unknown_and_provisional(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in (UNFINISHED, WITH_ERRORS):
        shutil.copy(path, inbox / path.name)
    report = run_batch(inbox, tmp_path / "out", settle=0, jobs=1, outputs=False)
    rows = sheet_rows(report.summary, "汇总")
    head = list(rows[0])
    by_file = {row[0]: dict(zip(head, row)) for row in rows[1:]}
    unfinished, with_errors = by_file[UNFINISHED.name], by_file[WITH_ERRORS.name]
    assert unfinished["核算总分"] == UNKNOWN_SCORE and unfinished["等级"] is None  # not 0, and no grade
    errors = with_errors["错误"]
    assert errors and with_errors["等级"] == f"优（待更正：{errors} 个错误）"
    stats = {row[0]: row[1] for row in sheet_rows(report.summary, "统计") if row[0]}
    assert stats["优"] == 1  # a provisional 优 is still counted as 优
