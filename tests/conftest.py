from __future__ import annotations

import time
from pathlib import Path
from typing import NamedTuple

import pytest
import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


class Text(str):
    """A string written as text even when it starts with "=" (as a cell typed as text would be)."""


def make_xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[tuple]] | None = None,
              formats: dict[str, dict[tuple[int, int], str]] | None = None) -> Path:
    """A small workbook built in code: sheet name → rows of values (None = empty cell).

    A string starting with "=" is written as a formula with a cached value of 0.
    """
    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                fmt = None
                if formats and (r, c) in formats.get(name, {}):
                    fmt = book.add_format({"num_format": formats[name][(r, c)]})
                if value is None:
                    continue
                if isinstance(value, str) and value.startswith("=") and not isinstance(value, Text):
                    ws.write_formula(r, c, value, fmt, 0)
                elif isinstance(value, str):
                    ws.write_string(r, c, value, fmt)
                else:
                    ws.write(r, c, value, fmt)
        for (r0, c0, r1, c1, value) in (merges or {}).get(name, []):
            ws.merge_range(r0, c0, r1, c1, value)
    book.close()
    return path


INFO_ROWS = [["项目名称", "测试项目"], ["实施单位", "测试单位"], ["评价年度", 2022]]
BUDGET_ROWS = [["支出内容", "全年预算数", "执行数"], ["甲", 10, 9], ["乙", 20, 20], ["合计", 30, 29]]
INDICATOR_ROWS = [["一级指标", "二级指标", "三级指标", "四级指标", "分值", "自评得分"],
                  ["项目决策", "项目立项", "立项依据", "立项依据充分性", 20, 20],
                  ["项目管理", "投入管理", "预算执行", "预算执行率", 20, 18],
                  ["项目绩效", "项目产出", "数量指标", "发放人数", 60, 60]]


def minimal(**sheets: list[list]) -> dict[str, list[list]]:
    base = {"项目信息": INFO_ROWS, "预算": BUDGET_ROWS, "绩效指标": INDICATOR_ROWS}
    base.update(sheets)
    return base


@pytest.fixture
def xlsx(tmp_path):
    counter = iter(range(10_000))

    def build(sheets: dict[str, list[list]], **kw) -> Path:
        return make_xlsx(tmp_path / f"wb{next(counter)}.xlsx", sheets, **kw)

    return build


class Outcome(NamedTuple):
    code: int
    out: str  # standard output
    err: str  # standard error


@pytest.fixture
def cli(capsys):
    """The command line run in this process, as the console script runs it: (exit code, stdout, stderr)."""
    from excel_eval.entry import main

    def invoke(*args) -> Outcome:
        with pytest.raises(SystemExit) as exited:
            main([str(a) for a in args])
        return Outcome(exited.value.code, *capsys.readouterr())

    return invoke


EXTERNAL = ("libreoffice", "browser")  # tests that drive another program
TIMES = {"start": time.perf_counter(), "external": 0.0}  # conftest loads before the tests are collected
FUZZ: dict = {}


def pytest_runtest_logreport(report):
    if any(kind in report.keywords for kind in EXTERNAL):
        TIMES["external"] += report.duration
    for name, value in report.user_properties:
        if name in ("fuzz", "xml_fuzz"):
            FUZZ[name] = value


def pytest_terminal_summary(terminalreporter):
    wall = time.perf_counter() - TIMES["start"]
    terminalreporter.write_line(f"wall time: {wall:.1f} s in all, LibreOffice and browser tests included "
                                f"(their own durations: {TIMES['external']:.1f} s; budget: 90 s without them)")
    if FUZZ.get("fuzz", {}).get("cases"):
        run = FUZZ["fuzz"]
        terminalreporter.write_line(f"fuzz: {run['cases']} mutated workbooks, {run['read_errors']} refused with a "
                                    "clear read error, 0 crashes")
    if FUZZ.get("xml_fuzz", {}).get("cases"):
        run = FUZZ["xml_fuzz"]
        terminalreporter.write_line(f"xml fuzz: {run['cases']} packages mutated at the XML level, {run['read_errors']} "
                                    f"refused with a clear read error, {run['written']} written (every output opens), "
                                    "0 internal errors")
@pytest.fixture(autouse=True)
def rules_are_kept():
    """Every test: no finding made with a placeholder left unfilled, and no check emitting a
    rule it did not declare in the registry."""
    from excel_eval.checks import UNDECLARED
    from excel_eval.findings import UNFILLED

    UNFILLED.clear()
    UNDECLARED.clear()
    yield
    assert not UNFILLED, f"placeholders left unfilled: {sorted(set(UNFILLED))}"
    assert not UNDECLARED, f"rules emitted but not declared: {sorted(set(UNDECLARED))}"


def assert_opens(path: Path, load: bool = True) -> None:
    """An output opens: every XML part of the package parses, and (`load`) openpyxl (a workbook)
    or python-docx (a report) loads it, as Excel, WPS and Word would have to."""
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                ElementTree.fromstring(z.read(name))  # raises on a character XML 1.0 forbids
    if not load:
        return
    if path.suffix == ".docx":
        import docx

        docx.Document(str(path))
    else:
        import openpyxl

        openpyxl.load_workbook(path).close()
