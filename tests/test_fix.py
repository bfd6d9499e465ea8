"""`excel-eval fix`: the officer's own workbook back, corrected where arithmetic decides.

Fixed means fixed: on every sample, the corrected copy checked again shows none of the fixed
findings and no new one, keeps the computed total, and a second fix changes nothing; every part
of the package the fix did not need is the input's, byte for byte; formulas stay formulas."""

import re
import zipfile

import pytest

from conftest import SAMPLES, assert_opens
from excel_eval import evaluate_all, fix_workbook
from excel_eval.keys import Key
from excel_eval.ooxml import sheet_parts
from excel_eval.vocab import FixKind, RuleKind

ALL_SAMPLES = sorted(SAMPLES.glob("*.xlsx")) + sorted((SAMPLES / "自评表").glob("*.xlsx"))
# The parts a corrected copy may change: the sheets with changes (and their links to comments), the
# styles, the list of parts, the workbook's list of sheets; and what it adds.
EDITED = re.compile(r"xl/worksheets/(_rels/)?sheet\d+\.xml(\.rels)?|xl/styles\.xml|\[Content_Types\]\.xml|"
                    r"xl/workbook\.xml|xl/_rels/workbook\.xml\.rels")


def keyed(findings):
    return {(f.code, str(loc)) for f in findings for loc in f.locs}


WITHOUT_FIXES = {"示例_无错误", "012_青神县工资性支出"}  # nothing arithmetic can decide: no copy is written


def fixed(path, tmp_path, scores=False):
    correction = fix_workbook(path, tmp_path, scores=scores)
    if path.stem in WITHOUT_FIXES:
        assert not correction.changes and correction.written is None and not list(tmp_path.glob("*_已更正*"))
        assert keyed(correction.left) == keyed(f for r in evaluate_all(path) for f in r.findings)
        return None
    assert correction.written is not None and correction.written.name == path.stem + "_已更正.xlsx"
    return correction


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("scores", [False, True], ids=["safe", "scores"])
def test_the_corrected_copy_rechecks_clean_keeps_its_total_and_a_second_fix_changes_nothing(path, tmp_path, scores):
    before = evaluate_all(path)
    correction = fixed(path, tmp_path, scores)
    if correction is None:
        return
    after = evaluate_all(correction.written)
    kinds = {FixKind.SAFE, FixKind.SCORE} if scores else {FixKind.SAFE}
    assert [r.total_score for r in after] == pytest.approx([r.total_score for r in before])
    assert keyed(f for r in after for f in r.findings) <= keyed(f for r in before for f in r.findings)  # nothing new
    left = [f for r in after for f in r.findings if f.rule.fix in kinds and f.fixes]
    assert not left, [str(f) for f in left]  # every fixable finding is fixed
    changed = {(c.sheet, c.cell) for c in correction.changes}
    assert not {(loc.sheet, loc.cell) for r in after for f in r.findings if f.rule.fix in kinds for loc in f.locs} & changed
    assert keyed(correction.left) == keyed(f for r in after for f in r.findings)  # what is listed is what is left
    again = fix_workbook(correction.written, dry_run=True, scores=scores)
    assert again.changes == [], [c.note for c in again.changes]


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.stem)
def test_untouched_parts_are_the_input_s_bytes_and_formulas_stay_formulas(path, tmp_path):
    correction = fixed(path, tmp_path)
    if correction is None:
        return
    assert_opens(correction.written)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(correction.written) as b:
        names = set(a.namelist())
        assert names <= set(b.namelist())
        for name in names:
            if not EDITED.fullmatch(name):
                assert a.read(name) == b.read(name), name
        part_of = {part: sheet for sheet, part in sheet_parts(a).items()}
        for name in (n for n in names if n.startswith("xl/worksheets/sheet")):
            before, after = _formulas(a.read(name)), _formulas(b.read(name))
            assert set(before) <= set(after), name  # every formula cell keeps a formula
            changed = {c.cell for c in correction.changes if c.sheet == part_of.get(name)}
            assert {ref: f for ref, f in after.items() if ref in before and ref not in changed} == \
                {ref: f for ref, f in before.items() if ref not in changed}, name  # and the same one
        assert "修改清单".encode() in b.read("xl/workbook.xml")


def _formulas(xml: bytes) -> dict[str, str]:
    return {m[1].decode(): m[2].decode() for m in
            re.finditer(rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?<!/)>\s*<f\b[^>]*>(.*?)</f>', xml, re.S)}


def test_each_change_is_coloured_commented_and_listed(tmp_path):
    import openpyxl

    path = SAMPLES / "003_职业技能培训及就业服务.xlsx"
    correction = fixed(path, tmp_path)
    assert len(correction.changes) == 33  # 27 cells, and the 占比 rows' own 合计 typed 98%, 101% (twice), 102%, 113%, 116%
    book = openpyxl.load_workbook(correction.written)
    h6 = book["满意度问卷"]["H6"]
    assert h6.value == pytest.approx(9.26)
    assert h6.comment.text == "原为 9.58；按分值 × Σ(人数 × 权重) ÷ 答题人数改为 9.26（S006）"
    assert h6.fill.fgColor.rgb == "FFC6EFCE"
    assert book["项目信息"]["B18"].value == pytest.approx(0.8427)  # a rate typed as a number stays one
    listing = [[c.value for c in row] for row in book["修改清单"].iter_rows()]
    assert listing[0] == ["工作表", "单元格", "原值", "改为", "依据", "规则"]
    assert ["满意度问卷", "H6", "9.58", "9.26", "按分值 × Σ(人数 × 权重) ÷ 答题人数", "S006"] in listing
    left = listing.index(["留待人工处理的问题（4 条）", None, None, None, None, None])
    assert [row[2] for row in listing[left + 2:]] == ["I010", "I010", "I010", "B007"]
    assert ["满意度问卷", "I7", "116.00%", "100.00%", "按各选项占比之和（100%）", "S002"] in listing
    assert book.sheetnames[-1] == "修改清单" and book.sheetnames[:-1] == openpyxl.load_workbook(path).sheetnames


def test_score_fixes_need_scores_and_typed_facts_are_never_changed(tmp_path):
    path = SAMPLES / "自评表" / "011_棠溪镇委托业务项目.xlsx"
    safe = fix_workbook(path, dry_run=True)
    assert {c.rule.fix for c in safe.changes} == {FixKind.SAFE}
    assert "I009" in {f.code for f in safe.left}  # the budget line's 得分 0 of 10: the evaluator's, left
    scored = fix_workbook(path, dry_run=True, scores=True)
    assert {(c.cell, c.now, c.rule.code) for c in scored.changes} - {(c.cell, c.now, c.rule.code) for c in safe.changes} \
        == {("I6", "10.00", "I009")}
    for sample in ALL_SAMPLES:
        facts = _typed_facts(evaluate_all(sample))
        for c in fix_workbook(sample, dry_run=True, scores=True).changes:
            assert (c.sheet, c.cell) not in facts, (sample.name, c.note)


def _typed_facts(results) -> set[tuple[str, str]]:
    """The cells a person types: amounts of the budget's lines, 分值 and 指标值, 完成值 that no
    other sheet gives, the questionnaire's counts."""
    out = set()
    for r in results:
        m = r.model
        if m.budget is not None:
            for row in m.budget.rows:
                out |= {(c.sheet, c.loc.cell) for k in (Key.INITIAL, Key.BUDGET, Key.RECEIVED, Key.EXECUTED)
                        if (c := row.get(k)) is not None}
        for ind in r.scores.indicators:
            for key in (Key.WEIGHT, Key.TARGET) + (() if ind.rule.from_budget or ind.survey else (Key.ACTUAL,)):
                if (c := ind.row.get(key)) is not None:
                    out.add((c.sheet, c.loc.cell))
        for s in r.scores.surveys:
            for q in s.questions:
                out |= {(c.sheet, c.loc.cell) for k in ("opt_A", "opt_B", "opt_C", "opt_D", "opt_E")
                        if (c := q.question.counts.get(k)) is not None}
    assert out
    return out


def test_a_total_whose_range_missed_a_row_gets_the_right_range(tmp_path):
    """001's 预算 合计 is =SUM(E3:E7); made =SUM(E3:E6) (its cached value without row 7), the fix
    writes =SUM(E3:E7) back, with the value."""
    from python_calamine import CalamineWorkbook

    source = SAMPLES / "001_残疾人基层组织建设及服务经费.xlsx"
    rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_name("预算").to_python()
    short = sum(r[4] for r in rows[2:6] if isinstance(r[4], (int, float)))
    broken = tmp_path / "缺一行.xlsx"
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info)
            if b"<f>SUM(E3:E7)</f>" in data:
                data = re.sub(rb"<f>SUM\(E3:E7\)</f><v>[^<]*</v>", b"<f>SUM(E3:E6)</f><v>%r</v>" % short, data)
            w.writestr(info, data)
    assert "B005" in {f.code for f in evaluate_all(broken)[0].findings}
    correction = fixed(broken, tmp_path)
    (change,) = [c for c in correction.changes if c.rule.code == "B005"]
    assert (change.sheet, change.cell, change.formula) == ("预算", "E8", "SUM(E3:E7)")
    with zipfile.ZipFile(correction.written) as z:
        part = next(n for n in z.namelist() if b"SUM(E3:E7)" in z.read(n))
        assert re.search(rb'<c r="E8"[^>]*><f>SUM\(E3:E7\)</f><v>76\.1</v></c>', z.read(part))
    assert "B005" not in {f.code for f in evaluate_all(correction.written)[0].findings}


def test_an_existing_file_is_never_written_over(tmp_path):
    path = SAMPLES / "000_残疾人基层组织建设补助经费.xlsx"
    taken = tmp_path / "000_残疾人基层组织建设补助经费_已更正.xlsx"
    taken.write_bytes(b"mine")
    correction = fix_workbook(path, tmp_path)
    assert taken.read_bytes() == b"mine" and correction.written.name == "000_残疾人基层组织建设补助经费_已更正(1).xlsx"


def test_the_command_says_each_change_and_what_is_left(cli, tmp_path):
    import shutil

    path = shutil.copy(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx", tmp_path / "表.xlsx")
    listed = cli("fix", path, "--dry-run")
    assert listed.code == 0 and not (tmp_path / "表_已更正.xlsx").exists()
    assert listed.out.splitlines()[:2] == ["表.xlsx：可更正 1 处，留待人工处理 0 条（错误 0，警告 0，提示 0）",
                                           "  得分汇总!C5  59.00 → 58.00  T004 按绩效指标表中该项自评得分之和"]
    assert "未写出文件（--dry-run 只列出更正）" in listed.out
    done = cli("fix", path)
    assert done.code == 0 and f"更正副本：{tmp_path / '表_已更正.xlsx'}" in done.out
    form = cli("fix", SAMPLES / "自评表" / "011_棠溪镇委托业务项目.xlsx", "--out", tmp_path / "出")
    assert form.code == 0  # the 错误 are fixed; the 警告 I009 is the evaluator's
    assert "另有 1 处得分与评分规则不符：加 --scores 按评分规则改写" in form.out
    assert "原文件" not in form.err and not form.err
    assert cli("fix", tmp_path / "无此文件.xlsx").code == 2
    assert cli("fix", tmp_path).err.startswith("“")
    (tmp_path / "坏.xlsx").write_text("不是工作簿", encoding="utf-8")
    bad = cli("fix", tmp_path / "坏.xlsx")
    assert bad.code == 3 and "坏.xlsx" in bad.err and "Traceback" not in bad.err


@pytest.mark.libreoffice
def test_an_xls_input_says_why_no_corrected_copy(cli, tmp_path):
    from libreoffice import convert

    (saved,) = convert([SAMPLES / "000_残疾人基层组织建设补助经费.xlsx"], "xls", tmp_path)
    r = cli("fix", saved)
    assert "更正副本：文件是旧版 .xls 格式，无法生成更正副本，请另存为 .xlsx" in r.out
    assert not list(tmp_path.glob("*_已更正*"))


def test_every_rule_with_a_fix_says_how_and_only_such_rules_carry_one():
    from excel_eval.rules import ALL_RULES

    for rule in ALL_RULES:
        assert bool(rule.fix_by) == (rule.fix is not FixKind.NONE), rule.code
    for sample in ALL_SAMPLES:
        for r in evaluate_all(sample):
            for f in r.findings:
                assert not f.fixes or f.rule.fix is not FixKind.NONE
                assert all(x.loc in f.locs for x in f.fixes), f
    assert RuleKind.EXECUTION.from_budget


def test_every_published_table_fixed_rechecks_clean_and_keeps_its_total(tmp_path):
    """The 25 transcribed tables (tests/real/published), every fix the score ones included."""
    import sys

    from conftest import ROOT
    from excel_eval.samples import write_form

    sys.path.insert(0, str(ROOT / "tests" / "real" / "published"))
    from build import tables

    copies = 0
    for t in tables():
        path = write_form(tmp_path / t.file_name, t.sheets)
        before = evaluate_all(path)
        correction = fix_workbook(path, tmp_path / "出", scores=True)
        if correction.written is None:
            assert not correction.changes and not any(f.fixes for r in before for f in r.findings), t.key
            continue
        copies += 1
        after = evaluate_all(correction.written)
        assert [r.total_score for r in after] == pytest.approx([r.total_score for r in before]), t.key
        # …nothing new, but the 偏差原因 a score lowered by the rule now asks of a person (I011 at that cell)
        changed = {f"{c.sheet}!{c.cell}" for c in correction.changes}
        new = keyed(f for r in after for f in r.findings) - keyed(f for r in before for f in r.findings)
        assert all(code == "I011" and where in changed for code, where in new), (t.key, new)
        assert not [f for r in after for f in r.findings if f.fixes], t.key
        assert fix_workbook(correction.written, dry_run=True, scores=True).changes == [], t.key
    assert copies >= 8


def test_batch_fix_writes_one_corrected_copy_per_workbook_and_counts_the_changes(cli, tmp_path):
    import os
    import shutil

    from python_calamine import CalamineWorkbook

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for name in ("000_残疾人基层组织建设补助经费.xlsx", "示例_无错误.xlsx"):
        shutil.copy(SAMPLES / name, inbox / name)
        os.utime(inbox / name, (0, 0))
    r = cli("batch", inbox, "--fix", "--no-report", "-j", "1")
    assert r.code == 1  # the originals have 错误; the corrected copy is the officer's to hand in
    assert "更正：共 1 处，写出“_已更正.xlsx” 1 份" in r.out
    out = inbox / "评价结果"
    assert sorted(p.name for p in out.glob("*_已更正*")) == ["000_残疾人基层组织建设补助经费_已更正.xlsx"]
    (summary,) = out.glob("汇总_*.xlsx")
    rows = CalamineWorkbook.from_path(str(summary)).get_sheet_by_name("汇总").to_python()
    head = rows[0]
    fixed = {row[0]: (row[head.index("更正")], row[head.index("更正副本")]) for row in rows[1:]}
    assert fixed == {"000_残疾人基层组织建设补助经费.xlsx": (1, "000_残疾人基层组织建设补助经费_已更正.xlsx"),
                     "示例_无错误.xlsx": (0, "")}
    assert "更正 1 处" in next(out.glob("日志_*.log")).read_text("utf-8")


def _edited(source, tmp_path, name, edit, also: str = "") -> "Path":
    """A copy of a sample with each sheet part (and the part `also`) passed through `edit`."""
    out = tmp_path / name
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info)
            w.writestr(info, edit(data) if info.filename.startswith("xl/worksheets/") or info.filename == also else data)
    return out


def test_a_formula_that_refers_to_a_changed_cell_gets_its_cached_value_recomputed(tmp_path):
    """000's 得分汇总 合计 made the formula =SUM(C3:C5) (cached 97, with C5's 59): the fix sets C5 to
    58, and the formula keeps its text with 96 cached, as Excel would compute it."""
    source = SAMPLES / "000_残疾人基层组织建设补助经费.xlsx"
    wb = _edited(source, tmp_path, "合计为公式.xlsx",
                 lambda d: d.replace(b'<c r="C6" s="6"><v>96</v></c>', b'<c r="C6" s="6"><f>SUM(C3:C5)</f><v>97</v></c>'))
    assert {f.code for f in evaluate_all(wb)[0].findings} == {"T001", "T002", "T004", "T006"}  # the 合计 agrees
    correction = fixed(wb, tmp_path)
    assert [(c.cell, c.now) for c in correction.changes] == [("C5", "58.00")]
    with zipfile.ZipFile(correction.written) as z:
        sheet = next(z.read(n) for n in z.namelist() if b'<c r="C6"' in z.read(n) and b"SUM(C3:C5)" in z.read(n))
    assert re.search(rb'<c r="C6"[^>]*><f>SUM\(C3:C5\)</f><v>96</v></c>', sheet)
    assert evaluate_all(correction.written)[0].findings == []


def test_a_shared_formula_is_left_for_a_person(tmp_path):
    source = SAMPLES / "001_残疾人基层组织建设及服务经费.xlsx"
    wb = _edited(source, tmp_path, "共享公式.xlsx", lambda d: re.sub(
        rb"<f>SUM\(E3:E7\)</f><v>[^<]*</v>", b'<f t="shared" ref="E8" si="0">SUM(E3:E6)</f><v>1</v>', d))
    correction = fix_workbook(wb, dry_run=True)
    assert "E8" not in {c.cell for c in correction.changes}
    (left,) = [f for f in correction.left if f.code == "B005"]
    from excel_eval.writer.corrected import left_reason

    assert left.loc.cell == "E8" and left_reason(left, correction.kinds) == "公式无法自动改写"


def test_a_sheet_with_comments_of_its_own_keeps_them_and_its_formulas_values(tmp_path):
    """000's marked copy has comments on 得分汇总 (C5 among them): fixed, C5's comment is the old one
    and then the fix's, the other comments stay, and the package is patched, not rewritten."""
    import openpyxl

    from excel_eval.writer import write_marked

    source = SAMPLES / "000_残疾人基层组织建设补助经费.xlsx"
    commented = write_marked(evaluate_all(source)[0], tmp_path / "有批注.xlsx")
    before = openpyxl.load_workbook(commented)["得分汇总"]
    correction = fixed(commented, tmp_path)
    assert_opens(correction.written)
    after = openpyxl.load_workbook(correction.written)["得分汇总"]
    old, new = before["C5"].comment.text, after["C5"].comment.text
    assert new == old + "\n\n原为 59.00；按绩效指标表中该项自评得分之和改为 58.00（T004）"
    assert after["D5"].comment.text == before["D5"].comment.text and after["C5"].value == 58
    with zipfile.ZipFile(commented) as a, zipfile.ZipFile(correction.written) as b:
        for name in a.namelist():  # the formulas keep their cached values: no openpyxl rewrite
            if name.startswith("xl/worksheets/sheet") and not name.endswith(".rels"):
                assert _formulas(a.read(name)) == _formulas(b.read(name)), name
                assert re.findall(rb"<f>[^<]*</f><v>[^<]*</v>", a.read(name)) == \
                    re.findall(rb"<f>[^<]*</f><v>[^<]*</v>", b.read(name)), name
    assert "R006" not in {f.code for f in evaluate_all(correction.written)[0].findings}


def test_a_formula_it_cannot_recompute_is_left_to_excel_on_opening(tmp_path):
    """A formula that refers to a changed cell and is more than sums and arithmetic (ROUND) keeps
    its text, and the workbook asks Excel and WPS to recompute on opening; only then."""
    source = SAMPLES / "000_残疾人基层组织建设补助经费.xlsx"

    def without_recalc(data: bytes) -> bytes:
        return data.replace(b' fullCalcOnLoad="1"', b"")

    for formula, asked in ((b"ROUND(C5,0)", True), (b"C5+0", False)):
        wb = _edited(source, tmp_path, f"公式{int(asked)}.xlsx", lambda d: without_recalc(d).replace(
            b'<c r="F6" s="2"/>', b'<c r="F6" s="2"><f>' + formula + b"</f><v>59</v></c>"), also="xl/workbook.xml")
        correction = fixed(wb, tmp_path)
        with zipfile.ZipFile(correction.written) as b:
            assert bool(re.search(rb'<calcPr\b[^>]*fullCalcOnLoad="1"', b.read("xl/workbook.xml"))) is asked
            sheet = next(b.read(n) for n in b.namelist() if b"<f>" + formula + b"</f>" in b.read(n))
            assert re.search(rb'<c r="F6"[^>]*><f>' + re.escape(formula) + rb"</f><v>" + (b"59" if asked else b"58")
                             + rb"</v></c>", sheet)
