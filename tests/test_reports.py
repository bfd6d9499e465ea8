"""The unit's 自评报告 read beside its 自评表: the three seed reports made into Word documents (by
tests/real/reports/build.py, from their texts), every contradiction a careful reader finds in
each listed here by hand and found at its place, no false 错误; the pair with each seed's sample
workbook; the same report as a PDF; the reader's limits."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES


def _builder():
    """tests/real/reports/build.py, under a name of its own (other folders have a build.py too)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("seed_reports_build", ROOT / "tests" / "real" / "reports" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


seed_reports = _builder()

SEEDS = {"000": "000_残疾人基层组织建设补助经费", "001": "001_残疾人基层组织建设及服务经费",
         "003": "003_职业技能培训及就业服务"}

# Each seed report's contradictions, as a careful reader finds them: (code, place, as written, severity).
CONTRADICTIONS = {
    "000": {
        # 3、项目绩效（满分60分，评价得分58分） — the 得分情况表 has 59.00 for C项目绩效
        ("W011", "第119段", "58", "错误"),
        # …and the table does not add up around that 59: 扣分 2.00 (60 − 59 = 1), 得分率 96.67% (59/60 = 98.33%),
        # 合计 96.00 (20 + 18 + 59 = 97): the 59 is the slip, 58 agrees with the text and the 合计
        ("W012", "表1!D4", "2.00", "错误"),
        ("W012", "表1!E4", "96.67%", "错误"),
        ("W012", "表1!C5", "96.00", "错误"),
    },
    "001": {
        # 2.项目管理（满分20分，评价得分19.9分）, 3.项目绩效（…评价得分54分）: the table has 18.80 and 58.00
        ("W011", "第135段", "19.9", "错误"),
        ("W011", "第152段", "54", "错误"),
        # 主要绩效 “完成采购第三代残疾人证（预制卡）4万张，支付采购经费41.36万元”; 项目产出 the same words with 5万张, 51.7万元
        ("W014", "第154段", "5万张", "错误"),
        ("W014", "第154段", "51.7万元", "错误"),
        # …and 51.7 万元 for the cards alone is more than the project's whole spending, 44.39 万元
        ("W015", "第154段", "51.7", "错误"),
        # Not contradictions, and not reported: 项目实施 “共接待来访1140人，接听来电2163次” (the whole 残联系统)
        # against 主要绩效 “接待群众来访35人次，接听来电890个” (the 市残联 itself) count different things.
    },
    "003": {
        # 年度目标 “参加第六届昆明市残疾人职业技能竞赛人数52人”; 项目产出 “…竞赛人数60余人”
        ("W014", "第137段", "60余人", "错误"),
        # 摘要 and 资金来源 “为预算金额的84.28%”: 82.050854 / 97.361 = 84.2749%, 84.27% as the body writes it
        # three times — a rounding slip, said as a 提示 at each of the two places
        ("W013", "第16段", "84.28%", "提示"),
        ("W013", "第36段", "84.28%", "提示"),
        # The questionnaire table: D（不满意）’s 占比 copied from C’s (16.67%, 13.16%, 0.88% and 1.75% where the count
        # is 1 or 0), so the 占比 rows make 98%, 116%, 113%, 102% (101% a 提示: one unit off)…
        ("W012", "表3!H3", "98%", "错误"),
        ("W012", "表3!F6", "16.67%", "错误"),
        ("W012", "表3!H6", "116%", "错误"),
        ("W012", "表3!F15", "0.88%", "错误"),
        ("W012", "表3!H15", "101%", "提示"),
        ("W012", "表3!F18", "13.16%", "错误"),
        ("W012", "表3!H18", "113%", "错误"),
        ("W012", "表3!F27", "1.75%", "错误"),
        ("W012", "表3!H27", "102%", "错误"),
        ("W012", "表3!F30", "1.75%", "错误"),
        ("W012", "表3!H30", "101%", "提示"),
        # …and the 合计 block: D’s count 0 where the questions have 2 + 1 + 1 = 4, 合计人数 1136 for 10 × 114 = 1140,
        # and its 占比 computed over 1136
        ("W012", "表3!F32", "0", "错误"),
        ("W012", "表3!H32", "1136", "错误"),
        ("W012", "表3!C33", "89.35%", "错误"),
        ("W012", "表3!D33", "6.95%", "错误"),
        ("W012", "表3!E33", "3.70%", "错误"),
    },
}
# What the pair with the seed's sample workbook adds: the report against what the workbook computes.
AGAINST_WORKBOOK = {
    "000": {("W006", "表1!C4", "59.00", "错误")},  # the table's 59 against the indicators' 58
    "001": {("W006", "第135段", "19.9", "错误"), ("W006", "第152段", "54", "错误")},  # 18.80 and 58 computed
    # 97.47 written three times (第69段, 第141段, the table's H34) against 96.86 from the counts; 84.28% a slip
    "003": {("W005", "第69段", "97.47", "错误"), ("W003", "第16段", "84.28%", "提示")},
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("seed_reports")
    built = seed_reports.build_all(out)
    return {seed: next(p for p in built if p.stem == stem) for seed, stem in SEEDS.items()}


def found(findings) -> set[tuple[str, str, str, str]]:
    return {(f.code, f.loc.cell if f.loc else "", f.actual, f.severity.value) for f in findings if f.code[0] == "W"}


def report_alone(path: Path):
    from excel_eval import evaluate

    result = evaluate(path)
    assert result.ok and result.report_only and result.model is None, result.reason
    return result


@pytest.mark.parametrize("seed", SEEDS)
def test_every_contradiction_of_a_seed_report_is_found_at_its_place(reports, seed):
    result = report_alone(reports[seed])
    got = found(result.findings)
    assert CONTRADICTIONS[seed] <= got, CONTRADICTIONS[seed] - got
    errors = {f for f in got if f[3] == "错误"}
    assert errors == {f for f in CONTRADICTIONS[seed] if f[3] == "错误"}, "a 错误 no careful reader finds"
    assert all(f.loc.sheet == "自评报告" for f in result.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_each_seed_report_with_its_workbook_gives_the_text_vs_workbook_findings(reports, seed):
    from excel_eval import evaluate

    alone = evaluate(SAMPLES / f"{SEEDS[seed]}.xlsx")
    result = evaluate(SAMPLES / f"{SEEDS[seed]}.xlsx", paired=reports[seed])
    assert result.report == reports[seed].name
    got = found(result.findings)
    assert got == CONTRADICTIONS[seed] | AGAINST_WORKBOOK[seed]
    workbook_own = [f for f in result.findings if f.code[0] != "W"]
    assert {(f.code, str(f.loc)) for f in workbook_own} == {(f.code, str(f.loc)) for f in alone.findings}
    assert result.total_score == alone.total_score  # the report changes no score


def test_a_figure_written_alike_in_several_places_is_one_finding_naming_them_all(reports):
    from excel_eval import evaluate

    result = evaluate(SAMPLES / f"{SEEDS['003']}.xlsx", paired=reports["003"])
    f = next(f for f in result.findings if f.code == "W005")
    assert [loc.cell for loc in f.locs] == ["第69段", "第141段", "表3!H34"]
    assert f.message == ("自评报告写满意度 97.47（“训学员的满意度不低于90%，实际满意度97.47%，完成率100%。”），"
                         "按自评表问卷人数复算为 96.86（报告中另有 2 处同样写法：第141段、表3!H34）")
    document = result.as_dict()
    listed = next(d for d in document["findings"] if d["code"] == "W005")
    assert (listed["sheet"], listed["cell"], listed["cells"]) == ("自评报告", "第69段", ["第69段", "第141段", "表3!H34"])
    assert document["report"] == reports["003"].name


def test_the_report_s_figures_are_read_with_the_seed_phrasings(reports):
    from excel_eval.reports.figures import PHRASINGS, text_figures
    from excel_eval.reports.read import read_report
    from excel_eval.triage import Source

    figures = {(f.kind.value, f.shown) for seed in SEEDS for f in text_figures(read_report(Source.of(reports[seed])))}
    assert {("total", "96"), ("total", "95.8"), ("total", "92.00"), ("grade", "优"), ("execution", "84.28%"),
            ("execution", "58.33%"), ("satisfaction", "97.23"), ("satisfaction", "97.47"), ("executed", "82.050854"),
            ("budget", "97.361"), ("balance", "15.310146"), ("valid", "114"), ("indicators", "31"),
            ("arrival", "100%")} <= figures
    assert all(seed for _, _, seed in PHRASINGS)  # each phrasing beside the sentence it comes from


def test_a_report_states_its_grade_against_its_own_total(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("通过对项目支出决策、管理、绩效三个方面的指标进行评价、打分，最终自评得分88.5分，评定等级为优。")
    path = tmp_path / "自评报告.docx"
    doc.save(str(path))
    f = next(f for f in report_alone(path).findings if f.code == "W002")
    assert (f.loc.cell, f.actual, f.expected) == ("第1段", "优", "良")


def test_a_report_s_figures_against_the_workbook_and_each_other(tmp_path):
    """A report made for the 003 workbook (总分 92.00, 执行 82.050854 / 97.361, 114 份问卷, 33 个四级指标) that
    says otherwise: its 摘要's total differs from the body's, and its amounts and counts from the workbook's."""
    from docx import Document

    from excel_eval import evaluate

    doc = Document()
    for text in ("最终自评得分93分，评定等级为优。", "最终自评得分92分，评定等级为优。", "最终自评得分92分，评定等级为优。",
                 "本项目预算申报金额为97.361万元，实际支出80万元，为预算金额的82.17%。",
                 "共计发放问卷120份，收回有效问卷120份，群众满意度为96.86分。",
                 "对决策、管理、绩效三个方面的30个四级指标进行评价。"):
        doc.add_paragraph(text)
    path = tmp_path / "自评报告.docx"
    doc.save(str(path))
    result = evaluate(SAMPLES / f"{SEEDS['003']}.xlsx", paired=path)
    got = {(f.code, f.loc.cell, f.actual, f.expected) for f in result.findings if f.code[0] == "W"}
    assert got == {("W010", "第1段", "93", "92"), ("W001", "第1段", "93", "92.00"),
                   ("W004", "第4段", "80", "82.050854"), ("W003", "第4段", "82.17%", "84.27%"),
                   ("W007", "第5段", "120", "114"), ("W007", "第6段", "30", "33")}
    codes = {"W001", "W003", "W004", "W007", "W010"}  # the rules this report shows
    assert codes == {c for c, *_ in got}


# --- where it is used ----------------------------------------------------------------------------

def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "excel_eval", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_run_checks_a_workbook_with_its_report_and_lists_the_report_in_the_results(reports, tmp_path):
    import openpyxl

    book = tmp_path / f"{SEEDS['001']}.xlsx"
    book.write_bytes((SAMPLES / book.name).read_bytes())
    report = tmp_path / reports["001"].name
    report.write_bytes(reports["001"].read_bytes())
    done = cli("run", str(book), str(report), "--json")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert document["report"] == report.name
    assert ("W014", "第154段") in {(f["code"], f["cell"]) for f in document["findings"]}
    assert "已与自评报告“001_残疾人基层组织建设及服务经费.docx”对照核对" in done.stderr
    results = openpyxl.load_workbook(tmp_path / f"{book.stem}_评价结果.xlsx", read_only=True)
    rows = [[c for c in row] for row in results["问题清单"].iter_rows(values_only=True)]
    listed = [r for r in rows if r[1] == "W014"]
    assert listed and listed[0][2] == "自评报告" and listed[0][3] == "第154段"
    assert report.read_bytes() == reports["001"].read_bytes()  # the input is never modified


def test_the_marked_copy_of_a_docx_report_has_a_word_comment_at_each_figure(reports, tmp_path):
    from docx import Document

    from excel_eval import evaluate, write_outputs

    result = evaluate(SAMPLES / f"{SEEDS['003']}.xlsx", paired=reports["003"])
    written = write_outputs(result, tmp_path, report=False)
    marked = written["report_marked"]
    assert marked.name == "003_职业技能培训及就业服务_标注.docx"
    doc = Document(str(marked))
    notes = {c.text for c in doc.comments}
    places = {loc for f in result.findings if f.code[0] == "W" for loc in f.locs}
    assert len(list(doc.comments)) == len(places)
    assert any(n.startswith("【错误 W005】自评报告写满意度 97.47") for n in notes)
    assert any("【错误 W012】自评报告问卷统计表：第6题的占比合计 113%" in n for n in notes)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text == "\n".join(p.text for p in Document(str(reports["003"])).paragraphs)  # the report's own text


def test_check_reads_a_report_alone_and_writes_nothing(reports, tmp_path):
    report = tmp_path / reports["000"].name
    report.write_bytes(reports["000"].read_bytes())
    done = cli("check", str(report))
    assert done.returncode == 1
    assert "错误 W011 自评报告 第119段" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == f"{report.name}（自评报告）：错误 4，警告 0，提示 0"
    assert sorted(p.name for p in tmp_path.iterdir()) == [report.name]


def test_a_report_next_to_workbooks_goes_with_the_one_of_its_name(reports, tmp_path):
    from excel_eval.step import pair_inputs

    books = [tmp_path / f"{SEEDS[s]}.xlsx" for s in ("000", "001")]
    for b in books:
        b.write_bytes((SAMPLES / b.name).read_bytes())
    report = tmp_path / "001_残疾人基层组织建设及服务经费绩效自评报告.docx"
    report.write_bytes(reports["001"].read_bytes())
    stray = tmp_path / "另一个项目自评报告.docx"
    stray.write_bytes(reports["000"].read_bytes())
    pairs, unpaired = pair_inputs([*books, report, stray])
    assert pairs == [(books[0], None), (books[1], report)] and unpaired == [stray]


def test_batch_reads_each_report_with_the_workbook_of_its_name_and_lists_the_unpaired(reports, tmp_path):
    import os
    import time

    from excel_eval.batch import run_batch

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    book = inbox / f"{SEEDS['001']}.xlsx"
    book.write_bytes((SAMPLES / book.name).read_bytes())
    (inbox / f"{SEEDS['001']}绩效自评报告.docx").write_bytes(reports["001"].read_bytes())
    (inbox / "另一个项目自评报告.docx").write_bytes(reports["000"].read_bytes())
    old = time.time() - 60
    for p in inbox.iterdir():
        os.utime(p, (old, old))
    lines: list[str] = []
    run_batch(inbox, jobs=1, on_log=lines.append)
    assert any(line.startswith("1 份自评报告没有找到对应的自评表") and "另一个项目自评报告.docx" in line for line in lines)
    assert (inbox / "评价结果" / f"{SEEDS['001']}绩效自评报告_标注.docx").exists()
    # the workbook's own 2 (T006) and the report's 7 (W006 ×2, W011 ×2, W014 ×2, W015)
    assert any(line.endswith(f"{book.name}：95.80 分，优（待更正：9 个错误）") for line in lines), lines
    import openpyxl

    summary = next((inbox / "评价结果").glob("汇总_*.xlsx"))
    rows = list(openpyxl.load_workbook(summary, read_only=True)["汇总"].values)
    paired = rows[0].index("对照的单位报告")
    assert [r[paired] for r in rows[1:]] == [f"{SEEDS['001']}绩效自评报告.docx"]  # the reviewer sees which report was read


def test_a_report_named_otherwise_goes_with_the_workbook_of_its_project(reports, tmp_path):
    from excel_eval.step import pair_inputs

    books = [tmp_path / f"自评表{n}.xlsx" for n in (1, 2)]
    books[0].write_bytes((SAMPLES / f"{SEEDS['000']}.xlsx").read_bytes())  # 项目名称 2022年残疾人基层组织建设补助经费
    books[1].write_bytes((SAMPLES / f"{SEEDS['003']}.xlsx").read_bytes())  # …残疾人职业技能培训及就业服务经费
    report = tmp_path / "市残联报送材料（三）.docx"  # its title: 2022年残疾人职业技能培训及就业服务 经费项目绩效自评报告
    report.write_bytes(reports["003"].read_bytes())
    pairs, unpaired = pair_inputs([*books, report])
    assert pairs == [(books[0], None), (books[1], report)] and unpaired == []


def test_a_report_that_cannot_be_read_is_said_and_the_workbook_checked_all_the_same(tmp_path):
    from excel_eval import evaluate

    broken = tmp_path / "自评报告.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    result = evaluate(SAMPLES / f"{SEEDS['000']}.xlsx", paired=broken)
    w009 = [f for f in result.findings if f.code == "W009"]
    assert len(w009) == 1 and "自评报告“自评报告.pdf”无法读取" in w009[0].message
    assert result.total_score == 96.0


# --- the reader's limits -------------------------------------------------------------------------

def docx_with(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def test_a_report_declaring_xml_entities_is_refused():
    from excel_eval import evaluate

    xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document '
           b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a;</w:t>'
           b'</w:r></w:p></w:body></w:document>')
    result = evaluate(docx_with(xml), name="自评报告.docx")
    assert result.failure is not None and "实体" in result.reason


def test_a_report_that_inflates_past_the_limit_is_refused(monkeypatch):
    from excel_eval import evaluate

    monkeypatch.setenv("EXCEL_EVAL_MAX_UNZIPPED_MB", "1")
    body = b"<w:p><w:r><w:t>" + b"a" * 2_000_000 + b"</w:t></w:r></w:p>"
    xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body
           + b"</w:body></w:document>")
    result = evaluate(docx_with(xml), name="自评报告.docx")
    assert result.failure is not None and "上限" in result.reason


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    from PIL import Image

    from excel_eval import evaluate

    scan = tmp_path / "扫描件.pdf"
    Image.new("RGB", (600, 800), "white").save(scan, "PDF")
    result = evaluate(scan)
    assert result.failure is not None and "没有文字层" in result.reason


def test_reading_a_report_loads_no_pdf_library_until_a_pdf_is_read(reports):
    code = (f"import sys; from excel_eval import evaluate; evaluate({str(reports['000'])!r}); "
            "print(any(m.startswith(('pdfplumber', 'pdfminer')) for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


# --- the same report as a PDF --------------------------------------------------------------------

@pytest.mark.libreoffice
def test_a_pdf_made_from_a_seed_report_gives_the_same_findings(reports, tmp_path):
    from libreoffice import convert

    from excel_eval import evaluate

    pdf = convert([reports["003"]], "pdf", tmp_path)[0]
    from_pdf, from_docx = report_alone(pdf), report_alone(reports["003"])

    def what(result):
        return sorted((f.code, f.actual, f.expected, f.severity.value) for f in result.findings)

    assert what(from_pdf) == what(from_docx)
    assert all(f.loc.cell.startswith("第") and "页" in f.loc.cell or f.loc.cell.startswith("表")
               for f in from_pdf.findings)
    paired = evaluate(SAMPLES / f"{SEEDS['003']}.xlsx", paired=pdf)
    assert {f.code for f in paired.findings if f.code[0] == "W"} >= {"W005", "W003", "W012", "W013", "W014"}


# --- the page ------------------------------------------------------------------------------------

def test_the_page_checks_a_report_with_its_workbook_or_on_its_own(reports, tmp_path):
    from urllib.parse import quote

    from test_gui import Server

    server = Server(tmp_path)
    try:
        def put(name: str, data: bytes, extra: str = "") -> dict:
            status, body = server.request(f"api/files?name={quote(name)}&path={quote(name)}{extra}", data, "PUT",
                                          {"content-type": "application/octet-stream"})
            assert status == 200, body
            return json.loads(body)

        held = put(reports["001"].name, reports["001"].read_bytes(), "&hold=1")
        assert held["held"] is True
        book = SAMPLES / f"{SEEDS['001']}.xlsx"
        (card,) = put(book.name, book.read_bytes(), f"&paired={held['upload']}")["cards"]
        assert card["total"] == pytest.approx(95.796623)
        assert ("W014", "自评报告 第154段") in {(f["code"], f["where"]) for f in card["findings"]}
        assert "自评报告标注" in [d["label"] for d in card["downloads"]]
        (alone,) = put(reports["000"].name, reports["000"].read_bytes())["cards"]
        assert alone["ok"] and alone["report_only"] and alone["total"] is None
        assert {(f["code"], f["where"]) for f in alone["findings"]} >= {("W011", "自评报告 第119段")}
        assert alone["note"].startswith("只核对了自评报告本身")
    finally:
        server.stop()


@pytest.mark.browser
def test_dropping_a_workbook_with_its_report_gives_one_card_with_both(reports, tmp_path):
    from test_gui import Server, browse, drop

    server = Server(tmp_path)
    try:
        with browse(server) as page:
            report = tmp_path / reports["003"].name
            report.write_bytes(reports["003"].read_bytes())
            drop(page, SAMPLES / f"{SEEDS['003']}.xlsx", report)
            card = page.locator(".card").first
            card.locator(".total").wait_for()
            page.locator(".job.done").first.wait_for()
            assert page.locator(".card").count() == 1  # the report went with its workbook
            assert card.locator(".total").inner_text() == "92.00"
            wheres = card.locator("tbody tr .where").all_inner_texts()
            assert "自评报告 第69段" in wheres and "自评报告 表3!F6" in wheres
            assert card.locator(".downloads a", has_text="自评报告标注").count() == 1
            assert page.evaluate("window.refused") == []
    finally:
        server.stop()
