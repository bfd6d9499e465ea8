"""The bureau's review of a batch: a folder with planted problems, each project's priority
reasons and the department aggregates worked out by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from excel_eval.batch import run_batch
from excel_eval.review import PRIORITY_RULES
from excel_eval.writer.template import Content, Question, SurveyContent, write_template


def content(department: str, project: str, year: int, executed: float = 9.5, missed: bool = False,
            respondents: int = 100, deducted: bool = False) -> Content:
    """Ten indicators of 2/2/6 per section (10 points each: 100 in all), every one typed at full
    points; 10 budget lines of 10 万元. `missed`: the first 产出 indicator reaches 45% of a ≥90%
    target (5 of its 10 points) but is typed 10. `deducted`: the last indicator typed 9, no 偏差原因."""
    indicators = []
    for section, n in (("A项目决策", 2), ("B项目管理", 2), ("C项目绩效", 6)):
        for i in range(n):
            quantitative = i % 2 == 0
            actual = "45%" if missed and section.startswith("C") and i == 0 else "95%"
            indicators.append({"level1": section, "level2": f"二级{i + 1}", "level3": f"三级{i + 1}",
                               "level4": f"{section[1:]}指标{i + 1}", "type": "定量" if quantitative else "定性",
                               "target": "≥90%" if quantitative else "明显提高",
                               "actual": actual if quantitative else "达成", "weight": 10, "score": 10})
    if deducted:
        indicators[-1]["score"] = 9
    spent = [executed + (i % 3) * 0.25 if executed == 9.5 else executed for i in range(10)]
    budget = [{"seq": i + 1, "item": f"支出{i + 1}", "source": "当年财政拨款", "initial": 10, "budget": 10,
               "received": 10, "executed": x, "balance": 10 - x} for i, x in enumerate(spent)]
    a = respondents
    survey = SurveyContent(title="满意度调查问卷统计表", questions=[
        Question(f"{q + 1}.您对第{q + 1}项工作是否满意？", 10, (a, 0, 0, 0, 0)) for q in range(10)])
    return Content(info={"project": project, "department": department, "unit": f"{project}实施单位", "year": year,
                         "surveys_issued": a, "surveys_valid": a},
                   budget=budget, indicators=indicators, surveys=[survey])


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("review") / "收件箱"
    inbox.mkdir()
    write_template(inbox / "甲_A.xlsx", content("甲局", "甲项目A", 2022))  # every indicator full: +15
    write_template(inbox / "甲_B.xlsx", content("甲局", "甲项目B", 2022, executed=8, deducted=True))  # 优 at 80%
    write_template(inbox / "乙_C_2021.xlsx", content("乙局", "乙项目C", 2021, respondents=12))  # 100 分满意 from 12
    write_template(inbox / "乙_C_2022.xlsx", content("乙局", "乙项目C", 2022, missed=True))  # typed 100, computed 95
    (inbox / "坏.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    old = time.time() - 60
    for p in inbox.iterdir():
        os.utime(p, (old, old))
    return inbox, run_batch(inbox, jobs=1, settle=0, report=False)


def reasons(report) -> dict[str, list[str]]:
    return {row["file"]: row["reasons"].split("；") if row["reasons"] else []
            for row in report.views.priority.to_dict("records")}


def keys(report) -> dict[str, set[str]]:
    """file → the keys of the rules that gave its reasons."""
    titles = {r.key: r for r in PRIORITY_RULES}
    out = {}
    for row in report.views.priority.to_dict("records"):
        weighed = [r.key for r in titles.values() if r.weigh(row | _project(report, row["file"]))[1]]
        out[row["file"]] = set(weighed)
    return out


def _project(report, file: str) -> dict:
    return next(r for r in report.views.projects.to_dict("records") if r["file"] == file)


def test_each_project_gets_its_planted_reasons(batch):
    _, report = batch
    found = keys(report)
    assert found == {
        "坏.xlsx": {"unreadable"},
        "甲_A.xlsx": {"full_marks"},
        "甲_B.xlsx": {"grade_with_low_execution", "unexplained"},
        "乙_C_2021.xlsx": {"full_marks", "few_respondents"},
        "乙_C_2022.xlsx": {"typed_above", "errors", "grade_with_errors"},
    }
    words = reasons(report)
    assert "填报总分 100.00 高于核算总分 95.00（高 5.00 分）（+30）" in words["乙_C_2022.xlsx"]
    assert "等级为优，但预算执行率仅 80.00%（+20）" in words["甲_B.xlsx"]
    assert "满意度 100.00 分，但只有 12 份有效问卷（+10）" in words["乙_C_2021.xlsx"]
    assert "全部 10 项指标均得满分（+15）" in words["甲_A.xlsx"]
    order = list(report.views.priority["file"])
    assert order[0] == "坏.xlsx" and order[1] == "乙_C_2022.xlsx" and order[-1] == "甲_A.xlsx"
    scores = dict(zip(report.views.priority["file"], report.views.priority["priority"]))
    errors = _project(report, "乙_C_2022.xlsx")["errors"]
    assert scores["乙_C_2022.xlsx"] == 30 + min(5 * errors, 30) + 20
    assert scores["甲_B.xlsx"] == 20 + 5 and _project(report, "甲_B.xlsx")["unexplained"] == 1


def test_department_aggregates_worked_out_by_hand(batch):
    _, report = batch
    d = {row["department"]: row for row in report.views.departments.to_dict("records")}
    assert set(d) == {"甲局", "乙局"}  # the unreadable file has no department
    a, b = d["甲局"], d["乙局"]
    assert (a["projects"], a["mean"], a["lowest"], a["优"], a["良"]) == (2, 99.5, 99.0, 2, 0)  # 100 and 99
    # 10 lines of 10 万元 each; executed 9.5/9.75/10 in turn (97.25) and 8 × 10 (80)
    assert a["budget"] == pytest.approx(200) and a["executed"] == pytest.approx(177.25)
    assert a["execution"] == pytest.approx(177.25 / 200)
    assert (b["projects"], b["mean"], b["lowest"], b["优"]) == (2, 97.5, 95.0, 2)
    assert b["execution"] == pytest.approx(97.25 * 2 / 200)
    assert b["errors"] == _project(report, "乙_C_2022.xlsx")["errors"] + _project(report, "乙_C_2021.xlsx")["errors"]
    assert list(report.views.departments["department"]) == ["乙局", "甲局"]  # lowest mean first (97.5, 99.5)


def test_years_side_by_side(batch):
    _, report = batch
    years = report.views.years.to_dict("records")
    assert len(years) == 1
    assert (years[0]["project"], years[0][2021], years[0][2022], years[0]["change"]) == ("乙项目C", 100.0, 95.0, -5.0)


def test_the_summary_workbook_holds_every_view(batch):
    _, report = batch
    book = CalamineWorkbook.from_path(str(report.summary))
    assert book.sheet_names == ["汇总", "抽查优先", "按主管部门", "历年对比", "抽查规则", "统计"]
    priority = book.get_sheet_by_name("抽查优先").to_python()
    assert priority[0][:3] == ["排名", "优先分", "文件"] and priority[1][2] == "坏.xlsx"
    departments = book.get_sheet_by_name("按主管部门").to_python()
    assert departments[-1][0] == "合计" and departments[-1][1] == 4
    rules = book.get_sheet_by_name("抽查规则").to_python()
    assert [r[0] for r in rules[1:]] == [r.title for r in PRIORITY_RULES]
    with __import__("zipfile").ZipFile(report.summary) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) >= 3  # grades, histogram, departments (native charts)


def test_batch_json_prints_the_same_views(batch, tmp_path):
    inbox, report = batch
    r = subprocess.run([sys.executable, "-m", "excel_eval", "batch", str(inbox), "--out", str(tmp_path / "o"),
                        "--json", "--summary-only", "--settle", "0", "--jobs", "1"], capture_output=True, text=True,
                       encoding="utf-8")
    assert r.returncode == 3, r.stderr  # an unreadable file
    doc = json.loads(r.stdout)
    assert [p["file"] for p in doc["priority"]] == list(report.views.priority["file"])
    assert {d["department"]: d["projects"] for d in doc["by_department"]} == {"甲局": 2, "乙局": 2}
    assert doc["years"][0]["project"] == "乙项目C" and doc["tally"]["失败"] == 1
    assert not list((tmp_path / "o").glob("*_评价结果.xlsx"))  # --summary-only: no per-workbook outputs


def test_every_priority_rule_is_explained_in_the_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    for rule in PRIORITY_RULES:
        assert f"| {rule.title} |" in readme and rule.explain in readme
    assert "docs/review-priority.png" in readme
