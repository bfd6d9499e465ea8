"""Bad input, hostile input: every case of the corpus gives its message and exit code, no
traceback, leaves the input's bytes alone and no partial output behind."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).parent / "bad"))
from make_corpus import CASES, FORMULA_TEXTS, HOSTILE, build  # noqa: E402
from conftest import ROOT, assert_opens  # noqa: E402


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    build(folder)
    return folder


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_in_process(capsys, *args: str) -> tuple[int, str, str]:
    """The console entry point, as the command runs it, in this process: (exit code, stdout, stderr)."""
    from excel_eval.entry import main

    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return exited.value.code, out, err


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_corpus_case(corpus, tmp_path, capsys, case):
    source = corpus / case.file
    before = sha(source)
    out = tmp_path / "输出"
    out.mkdir()
    code, stdout, stderr = run_in_process(capsys, str(source), "--out", str(out))
    assert code == case.exit, stderr
    # A file that cannot be read is said on standard error; a workbook's results on standard output.
    assert case.message in (stderr if case.exit == 3 else stdout)
    assert "Traceback" not in stderr + stdout and "内部错误" not in stderr
    assert stdout == "" if case.exit == 3 else stderr == ""
    assert sha(source) == before
    written = sorted(p.name for p in out.iterdir())
    stem = Path(case.file).stem
    if case.exit == 3:
        assert written == []
    elif source.suffix == ".xls":
        assert written == [f"{stem}_xls_自评报告.docx", f"{stem}_xls_评价结果.xlsx"]  # never 旧版.xlsx's names
    elif source.suffix == ".xlsm":
        assert written == sorted([f"{stem}_xlsm_评价结果.xlsx", f"{stem}_标注.xlsm", f"{stem}_xlsm_自评报告.docx"])
    else:
        assert written == sorted([f"{stem}_评价结果.xlsx", f"{stem}_标注{source.suffix}", f"{stem}_自评报告.docx"])
    for p in out.iterdir():
        if p.suffix == ".docx":
            zipfile.ZipFile(p).testzip()  # the report is a sound package (test_report reads its text)
        else:
            CalamineWorkbook.from_path(str(p))  # every output opens


def results_of(corpus, tmp_path, name) -> Path:
    from excel_eval.pipeline import evaluate
    from excel_eval.writer import write_outputs
    written = write_outputs(evaluate(corpus / name), tmp_path)
    return written["results"], written.get("marked")


def test_formula_looking_text_stays_text(corpus, tmp_path):
    results, marked = results_of(corpus, tmp_path, "公式文本.xlsx")
    for out in (results, marked):
        with zipfile.ZipFile(out) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        assert "<f>HYPERLINK" not in xml and "<f>cmd" not in xml and "<f>SUM(1)" not in xml
    book = CalamineWorkbook.from_path(str(results))
    texts = {c for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python() for c in row}
    assert {FORMULA_TEXTS[0], FORMULA_TEXTS[2]} <= texts


def test_macros_are_kept_in_the_marked_copy(corpus, tmp_path):
    _, marked = results_of(corpus, tmp_path, "宏.xlsm")
    with zipfile.ZipFile(corpus / "宏.xlsm") as a, zipfile.ZipFile(marked) as b:
        assert a.read("xl/vbaProject.bin") == b.read("xl/vbaProject.bin")


def test_a_long_cell_is_cut_where_excel_would_refuse_it(corpus, tmp_path):
    results, _ = results_of(corpus, tmp_path, "超长单元格.xlsx")
    item = CalamineWorkbook.from_path(str(results)).get_sheet_by_name("预算执行").to_python()[1][0]
    assert len(item) <= 32767 and item.endswith("（原文过长，已截断）")


def test_control_characters_and_emoji_survive(corpus, tmp_path):
    results, _ = results_of(corpus, tmp_path, "表情符号.xlsx")
    overview = CalamineWorkbook.from_path(str(results)).get_sheet_by_name("总览").to_python()
    assert "😀" in overview[2][1]


def test_serial_number_dates_are_read_as_dates(corpus):
    from excel_eval.pipeline import evaluate
    ind = next(i for i in evaluate(corpus / "日期序号.xlsx").scores.indicators if i.name == "补助资金下达时间")
    assert ind.met is True and "2022-08-31" in ind.note


def test_limits_can_be_raised_for_a_larger_roster(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EXCEL_EVAL_MAX_ROWS", "2000000")
    src = shutil.copy(corpus / "百万行.xlsx", tmp_path / "百万行.xlsx")
    code, _, stderr = run_in_process(capsys, "check", str(src))
    assert "工作表过大" not in stderr and "内部错误" not in stderr and code in (0, 1)


def test_the_command_itself_refuses_a_bad_file_in_its_own_process(corpus, tmp_path):
    """One case through `python -m excel_eval`, as the drag-and-drop script starts it."""
    r = subprocess.run([sys.executable, "-m", "excel_eval", str(corpus / "加密.xlsx")], capture_output=True,
                       text=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert r.returncode == 3 and "文件已加密" in r.stderr and "Traceback" not in r.stderr


# --- hostile files (issue 25) ----------------------------------------------------------------------

MAX_RSS_MB = 500
ENGLISH = re.compile(r"error|Error|failed|panick|I/O|Traceback|memory allocation")


def command(*args: str) -> tuple[int, str, str, float]:
    """`python -m excel_eval …` in its own process: (exit code, stdout, stderr, its peak memory in MB)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "excel_eval", *args], stdout=out, stderr=err,
                                env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        timer = threading.Timer(120, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest of all so far
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read().decode("utf-8"), err.read().decode("utf-8"), usage.ru_maxrss / 1024


@pytest.mark.parametrize("case", HOSTILE, ids=[c.file for c in HOSTILE])
def test_a_hostile_file_is_one_clear_answer(corpus, tmp_path, case):
    """`check` and `run`, each in its own process: the exit code and the one Chinese line the case
    names (a readable one scored and written), no English, no abort, the input unchanged, and
    every output opens."""
    source = corpus / case.file
    before = sha(source)
    out = tmp_path / "输出"
    for args in (["check", str(source)], ["run", str(source), "--out", str(out)]):
        code, stdout, stderr, peak = command(*args)
        assert code == case.exit, stderr
        assert not ENGLISH.search(stderr + stdout), stderr
        if case.exit == 3:
            assert stderr.strip().count("\n") == 0 and case.message in stderr and stdout == ""
        else:
            assert stderr == "" and "核算总分" in stdout and (case.message in stdout or args[0] == "check")
        assert peak <= MAX_RSS_MB
    assert sha(source) == before
    written = sorted(out.iterdir()) if out.exists() else []
    assert len(written) == (0 if case.exit == 3 else 2 if "标注副本" in case.message else 3)
    for path in written:
        assert_opens(path)


def test_what_a_reader_would_trust_is_corrected_in_memory_and_in_the_marked_copy(corpus, tmp_path):
    """The shared-strings count and the encoding declaration come right in the copy every reader
    reads, and so in the marked copy made from it; the file itself keeps its bytes."""
    from excel_eval.pipeline import evaluate
    from excel_eval.writer import write_outputs

    for name, part, want in (("共享字符串计数.xlsx", "xl/sharedStrings.xml", b'uniqueCount="'),
                             ("编码junk.xlsx", "xl/workbook.xml", b'encoding="UTF-8"')):
        result = evaluate(corpus / name)
        assert result.ok and result.source.package is not None and result.source.data is None
        marked = write_outputs(result, tmp_path)["marked"]
        with zipfile.ZipFile(marked) as z:
            head = z.read(part)[:300]
        assert want in head and b"4294967295" not in head and b"junk" not in head
    with zipfile.ZipFile(corpus / "共享字符串计数.xlsx") as z:
        assert b'uniqueCount="4294967295"' in z.read("xl/sharedStrings.xml")[:300]


def test_control_characters_are_dropped_where_text_is_read(corpus):
    from excel_eval.pipeline import evaluate

    result = evaluate(corpus / "控制字符.xlsx")
    assert [s.name for s in result.sections][0] == "项目决策" and result.info("unit") == "某某单位"


def test_a_panic_in_the_cell_reader_is_a_read_error_in_chinese(monkeypatch, tmp_path):
    """pyo3 turns a Rust panic into PanicException, a BaseException: it is caught where the cell
    reader is called and said as one Chinese line (an interrupt still interrupts)."""
    import python_calamine

    from excel_eval.pipeline import evaluate
    from excel_eval.samples import demo
    from excel_eval.writer.template import write_template

    class PanicException(BaseException):
        pass

    def panics(*args, **kwargs):
        raise PanicException("called `Option::unwrap()` on a `None` value")

    path = write_template(tmp_path / "样例.xlsx", demo())
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", panics)
    result = evaluate(path)
    assert not result.ok and result.failure.value == "corrupt"
    assert "无法读取" in result.reason and "unwrap" not in result.reason

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", interrupted)
    with pytest.raises(KeyboardInterrupt):
        evaluate(path)


def test_the_hostile_files_in_a_batch_are_rows_and_the_summary_is_written(corpus, tmp_path):
    """The same files in a night run: each one row (失败 with its reason, or scored), the good
    workbook beside them scored, the summary and log written, nothing exit 4."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for case in HOSTILE:
        shutil.copy(corpus / case.file, inbox / case.file)
    shutil.copy(ROOT / "samples" / "示例_无错误.xlsx", inbox / "好的.xlsx")
    old = time.time() - 60
    for p in inbox.iterdir():
        os.utime(p, (old, old))
    started = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "excel_eval", "batch", str(inbox), "--out", str(tmp_path / "结果"),
                        "--no-report"], capture_output=True, text=True, timeout=300)
    assert r.returncode in (1, 3) and "Traceback" not in r.stderr + r.stdout, r.stderr
    assert time.monotonic() - started < 20 * len(HOSTILE)
    from excel_eval.batch import read_manifest

    rows = {e["file"]: e for e in read_manifest(tmp_path / "结果").values()}
    assert rows["好的.xlsx"]["status"] == "完成"
    for case in HOSTILE:
        assert case.file in rows, case.file
        status = rows[case.file]["status"]
        assert (status == "失败") is (case.exit == 3), (case.file, rows[case.file].get("reason"))
    assert list((tmp_path / "结果").glob("汇总_*.xlsx")) and list((tmp_path / "结果").glob("日志_*.log"))


def test_the_page_answers_each_hostile_file_with_a_card_and_keeps_serving(corpus, tmp_path):
    from excel_eval.gui.workspace import Workspace

    ws = Workspace(root=tmp_path / "ws")
    ws.root.mkdir()
    try:
        for case in HOSTILE + [type(HOSTILE[0])("好的.xlsx", 0, "", None)]:
            upload, path = ws.new_upload(case.file)
            source = corpus / case.file if case.make else ROOT / "samples" / "示例_无错误.xlsx"
            path.write_bytes(source.read_bytes())
            cards = ws.process(upload, path)
            assert cards and all(c["ok"] is (case.exit != 3) for c in cards), (case.file, cards[0].get("reason"))
    finally:
        ws.close()
