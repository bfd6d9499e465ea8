"""Fuzzing: mutated sample workbooks (cell values, sheet names, zip bytes) never crash the tool.

Every outcome is a result or a clear read error. CI runs 2,000 cases, a local run 300;
EXCEL_EVAL_FUZZ_CASES sets another count (raise it for a longer run on demand).

CI draws the same cases every time (derandomized), so a run's verdict is the code's, not the
draw's; a local run draws new ones, and that is where new crashes are found (and then kept as a
test of their own, like the 1e308 one below)."""

import io
import math
import os
import re
import tempfile
import zipfile
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from excel_eval import Severity, evaluate
from excel_eval.ooxml import escape
from excel_eval.writer import write_outputs
from conftest import SAMPLES

CASES = int(os.environ.get("EXCEL_EVAL_FUZZ_CASES", "2000" if os.environ.get("CI") else "300"))
SOURCES = [(SAMPLES / name).read_bytes() for name in ("示例_无错误.xlsx", "003_职业技能培训及就业服务.xlsx",
                                                     "自评表/011_棠溪镇委托业务项目.xlsx", "自评表/012_青神县工资性支出.xlsx")]
RUN = {"cases": 0, "read_errors": 0}


class Blob(bytes):
    """A mutated workbook; shown by its size, so a failing case prints short."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes>"

VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "-", "—", "/", "=SUM(A1:A9)", "+1", "@x", "NaN", "inf", "1e308", "-0", "９５％",
                     "306.55万元", "1,252", "≥95%", "2022年11月30日前", "合计", "小计", "人数", "占比", "得分",
                     "项目名称", "执行数", "一级指标", "A项目决策", "优",
                     "全年执行数", "三级指标", "年度资金总额", "其中：本年财政拨款", "总额", "总分", "(100字以内)",
                     "指标性质", "调整后预算数", "产出指标(50分)", "≤", "定性", "完成"]),
    st.floats(allow_nan=False).map(repr), st.integers(-10**12, 10**12).map(str),
)
_VALUE_TAG = re.compile(rb"<(v|t)( [^>]*)?>([^<]*)</\1>")
_SHEET_NAME = re.compile(rb'<sheet name="([^"]*)"')


def rebuild(source: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as w:
        for info in z.infolist():
            data = change(info.filename, z.read(info.filename))
            if data is not None:
                w.writestr(info.filename, data)
    return out.getvalue()


@st.composite
def mutated(draw) -> Blob:
    return Blob(draw(_mutated()))


@st.composite
def _mutated(draw) -> bytes:
    source = draw(st.sampled_from(SOURCES))
    kind = draw(st.sampled_from(["value", "values", "sheet_name", "flip", "truncate", "drop_part"]))
    if kind in ("value", "values"):
        n = 1 if kind == "value" else draw(st.integers(2, 20))
        picks = [(draw(st.integers(0, 10**6)), draw(VALUES)) for _ in range(n)]
        part_choice = draw(st.integers(0, 10**6))

        def change(name, data):
            if not (name.startswith("xl/worksheets/sheet") or name == "xl/sharedStrings.xml"):
                return data
            matches = list(_VALUE_TAG.finditer(data))
            if not matches or zlib.crc32(name.encode()) % 3 != part_choice % 3 and name != "xl/sharedStrings.xml":
                return data
            for index, value in picks:
                m = matches[index % len(matches)]
                new = m[0].replace(b">" + m[3] + b"</", b">" + escape(value).encode("utf-8", "replace") + b"</", 1)
                data = data.replace(m[0], new, 1)
            return data
        return rebuild(source, change)
    if kind == "sheet_name":
        with zipfile.ZipFile(io.BytesIO(source)) as z:
            names = _SHEET_NAME.findall(z.read("xl/workbook.xml"))
        old = names[draw(st.integers(0, len(names) - 1))]
        new = escape(draw(st.text(min_size=0, max_size=31))).encode("utf-8", "replace")
        return rebuild(source, lambda n, d: d.replace(b'name="' + old + b'"', b'name="' + new + b'"', 1)
                       if n == "xl/workbook.xml" else d)
    data = bytearray(source)
    if kind == "flip":
        for _ in range(draw(st.integers(1, 16))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= draw(st.integers(1, 255))
        return bytes(data)
    if kind == "truncate":
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    with zipfile.ZipFile(io.BytesIO(source)) as z:
        names = z.namelist()
    drop = names[draw(st.integers(0, len(names) - 1))]
    return rebuild(source, lambda n, d: None if n == drop else d)


@settings(max_examples=CASES, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutated(), write=st.integers(0, 19))
def test_mutated_workbooks_never_crash(data, write):
    with tempfile.TemporaryDirectory(prefix="fuzz") as folder:
        check_one(Path(folder), data, write)


def check_one(folder: Path, data: bytes, write: int) -> None:
    path = folder / "变异.xlsx"
    path.write_bytes(data)
    result = evaluate(path) if write % 2 else evaluate(data, name=path.name)  # raises nothing, from a file or bytes
    RUN["cases"] += 1
    if not result.ok:
        RUN["read_errors"] += 1
        assert result.reason and "Traceback" not in result.reason
        return
    assert result.scores is not None
    for f in result.findings:
        assert f.message and isinstance(f.severity, Severity)
    if write == 0:  # the writers too, now and then
        assert write_outputs(result, folder)["results"].exists()
    assert path.read_bytes() == data


def test_fuzz_ran_the_cases(record_property):
    record_property("fuzz", dict(RUN))  # for the closing line, from whichever worker ran the cases
    assert RUN["cases"] >= CASES * 0.99, RUN


def test_a_count_of_1e308_is_scored_said_and_drawn(tmp_path):
    """Found by this fuzz: 人数 1e+308 in a questionnaire made the 满意度 score infinite and the
    report's chart crash. The share is taken first, the message shows 1e+308, not 309 digits."""
    import openpyxl

    book = openpyxl.load_workbook(SAMPLES / "003_职业技能培训及就业服务.xlsx")
    book["满意度问卷"]["C3"] = 1e308
    book.save(tmp_path / "人数过大.xlsx")
    result = evaluate(tmp_path / "人数过大.xlsx")
    assert all(math.isfinite(s.score) for s in result.scores.surveys) and math.isfinite(result.scores.total)
    assert any(f.code == "S001" and f.loc.cell == "I3" and "1e+308" in f.message for f in result.findings)
    assert not any("inf" in f.message for f in result.findings)
    assert write_outputs(result, tmp_path)["report"].exists()
