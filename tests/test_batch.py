"""The three ways it is used: a workbook dropped on the command, folder runs, the office desktop."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock
from python_calamine import CalamineWorkbook

from excel_eval import entry, files, runner
from excel_eval.batch import LOCK, find_workbooks, read_manifest, run_batch
from excel_eval.vocab import Status
from conftest import SAMPLES

GOOD = ["000_残疾人基层组织建设补助经费.xlsx", "示例_无错误.xlsx"]


def excel_eval(*args, cwd=None, env=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "excel_eval", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=timeout)


def old(path: Path) -> Path:
    t = time.time() - 60
    os.utime(path, (t, t))
    return path


def encrypted(path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile
    with open(SAMPLES / "示例_无错误.xlsx", "rb") as src, open(path, "wb") as out:
        OOXMLFile(src).encrypt("密码", out)
    return path


@pytest.fixture
def inbox(tmp_path):
    box = tmp_path / "收件箱"
    box.mkdir()
    for name in GOOD:
        shutil.copy(SAMPLES / name, box / name)
    (box / "坏文件.xlsx").write_bytes(b"PK\x03\x04 truncated")
    encrypted(box / "加密.xlsx")
    shutil.copy(SAMPLES / GOOD[0], box / "~$000.xlsx")
    (box / "说明.txt").write_text("不是工作簿", encoding="utf-8")
    for p in box.iterdir():
        old(p)
    return box


# --- a workbook dropped on the command ------------------------------------------------------------

def test_drop_a_workbook_on_the_command(tmp_path):
    src = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "我的 工作簿.xlsx")
    r = excel_eval(src)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "我的 工作簿_评价结果.xlsx").exists() and (tmp_path / "我的 工作簿_标注.xlsx").exists()
    assert "核算总分 98.92（优）" in r.stdout and "结果：" in r.stdout and r.stderr == ""  # results on stdout


def test_several_files_and_the_worst_exit_code(tmp_path):
    a = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "a.xlsx")
    b = shutil.copy(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx", tmp_path / "b.xlsx")
    out = tmp_path / "输出"
    out.mkdir()
    r = excel_eval(a, b, "--out", out, "--json")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert [d["file"] for d in doc["files"]] == ["a.xlsx", "b.xlsx"]
    assert sorted(p.name for p in out.iterdir()) == ["a_标注.xlsx", "a_自评报告.docx", "a_评价结果.xlsx", "b_标注.xlsx",
                                                     "b_自评报告.docx", "b_评价结果.xlsx"]


def test_exit_codes(tmp_path, inbox):
    assert excel_eval(inbox / "坏文件.xlsx").returncode == 3
    r = excel_eval(inbox / "加密.xlsx")
    assert r.returncode == 3 and "文件已加密，请取消密码后重试" in r.stderr
    assert excel_eval(tmp_path / "没有.xlsx").returncode == 2
    assert excel_eval("run", "--no-such-option").returncode == 2


def test_internal_error_prints_one_line_and_writes_a_log(tmp_path, monkeypatch, capsys):
    def boom(*a, **k):
        raise RuntimeError("模拟的内部错误")
    monkeypatch.setattr("excel_eval.pipeline.evaluate_all", boom)
    with pytest.raises(SystemExit) as exit_:
        entry.main([str(SAMPLES / "示例_无错误.xlsx"), "--out", str(tmp_path)])
    assert exit_.value.code == 4
    err = capsys.readouterr().err
    assert "内部错误" in err and "Traceback" not in err
    log = Path(err.split("已写入：")[1].split("（")[0])
    assert "模拟的内部错误" in log.read_text("utf-8")
    log.unlink()


def test_output_open_in_excel_is_written_under_a_new_name(tmp_path, monkeypatch):
    target = tmp_path / "结果.xlsx"
    target.write_bytes(b"open in Excel")
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == target:
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)
    monkeypatch.setattr(files.os, "replace", locked)
    written = files.write_atomic(target, lambda tmp: tmp.write_bytes(b"new"), fallback=True)
    assert written == tmp_path / "结果(1).xlsx" and written.read_bytes() == b"new"
    assert target.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_run_says_when_it_wrote_under_a_new_name(tmp_path, monkeypatch, capsys):
    src = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "a.xlsx")
    real_replace = os.replace
    monkeypatch.setattr(files.os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "locked"))
                        if Path(d).name == "a_评价结果.xlsx" else real_replace(s, d))
    with pytest.raises(SystemExit) as exit_:
        entry.main([str(src)])
    assert exit_.value.code == 0
    err = capsys.readouterr().err
    assert "a_评价结果.xlsx 正被其他程序打开" in err and "a_评价结果(1).xlsx" in err


def test_open_uses_the_default_program(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(runner, "open_file", lambda path, say: opened.append(path))
    src = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "a.xlsx")
    with pytest.raises(SystemExit):
        entry.main(["run", str(src), "--open"])
    assert opened == [tmp_path / "a_评价结果.xlsx"]


def test_gbk_console_redirected_output_does_not_crash(tmp_path):
    src = shutil.copy(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx", tmp_path / "表😀 ✓.xlsx")
    r = subprocess.run([sys.executable, "-m", "excel_eval", str(src), "--json"], capture_output=True,
                       env={**os.environ, "PYTHONIOENCODING": "gbk"}, timeout=120)
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    doc = json.loads(r.stdout.decode("gbk"))
    assert doc["grade"] == "优" and doc["file"].startswith("表")


def test_demo_runs_the_bundled_sample(tmp_path):
    r = excel_eval("demo", tmp_path / "示例")
    assert r.returncode == 0, r.stderr
    assert "核算总分 92.00（优，待更正：27 个错误）" in r.stdout  # the sample keeps its reports' mistakes
    assert (tmp_path / "示例" / "003_职业技能培训及就业服务_评价结果.xlsx").exists()
    assert "011_棠溪镇委托业务项目.xlsx：核算总分 100.00（优，待更正：4 个错误）" in r.stdout  # a published 自评表 too
    assert (tmp_path / "示例" / "011_棠溪镇委托业务项目_标注.xlsx").exists()


# --- folder runs ----------------------------------------------------------------------------------

def test_batch_mixes_good_and_bad_files(inbox, tmp_path):
    out = tmp_path / "结果"
    r = excel_eval("batch", inbox, "--out", out, "--jobs", "2")
    assert r.returncode == 3, r.stderr  # some workbook could not be read
    summary = next(out.glob("汇总_*.xlsx"))
    rows = CalamineWorkbook.from_path(str(summary)).get_sheet_by_name("汇总").to_python()
    status = {row[0]: (row[2], row[-1]) for row in rows[1:]}
    assert status["坏文件.xlsx"][0] == "失败" and "损坏" in status["坏文件.xlsx"][1]
    assert status["加密.xlsx"] == ("失败", "文件已加密，请取消密码后重试")
    assert status["000_残疾人基层组织建设补助经费.xlsx"][0] == "完成" and "~$000.xlsx" not in status
    assert "说明.txt" not in status and len(status) == 4
    assert (out / "示例_无错误_评价结果.xlsx").exists() and next(out.glob("日志_*.log")).read_text("utf-8")
    assert [p for p in out.rglob(".~*")] == []
    links = {row[0]: (row[rows[0].index("结果文件")], row[rows[0].index("自评报告")]) for row in rows[1:]}
    assert links["示例_无错误.xlsx"] == ("示例_无错误_评价结果.xlsx", "示例_无错误_自评报告.docx")


def test_rerun_skips_unchanged_and_force_redoes(inbox, tmp_path):
    out = tmp_path / "结果"
    first = run_batch(inbox, out, jobs=1)
    assert first.count(Status.DONE) == 2 and first.count(Status.FAILED) == 2
    second = run_batch(inbox, out, jobs=1)
    assert second.count(Status.UNCHANGED) == 2 and second.count(Status.DONE) == 0
    shutil.copy(SAMPLES / "003_职业技能培训及就业服务.xlsx", inbox / "示例_无错误.xlsx")  # a changed workbook
    old(inbox / "示例_无错误.xlsx")
    third = run_batch(inbox, out, jobs=1)
    assert third.count(Status.UNCHANGED) == 1 and third.count(Status.DONE) == 1
    forced = run_batch(inbox, out, jobs=1, force=True)
    assert forced.count(Status.DONE) == 2
    manifest = read_manifest(out)
    assert {k for k, v in manifest.items() if v["status"] == "完成"} == set(GOOD)
    assert {k: v["failure"] for k, v in manifest.items() if v["status"] == "失败"} == \
        {"加密.xlsx": "encrypted", "坏文件.xlsx": "corrupt"}  # unreadable as they are: not retried until changed


def test_files_still_being_written_wait_for_the_next_run(inbox, tmp_path):
    (inbox / "刚复制.xlsx").write_bytes((SAMPLES / GOOD[1]).read_bytes())  # modified just now
    take, wait, ignored = find_workbooks(inbox, tmp_path / "out", recursive=False, settle=3)
    assert [p.name for p, _ in wait] == ["刚复制.xlsx"]
    assert {n for n, _ in ignored} == {"~$000.xlsx", "说明.txt"}


def test_own_outputs_and_subfolders(inbox, tmp_path):
    sub = inbox / "二级单位"
    sub.mkdir()
    old(Path(shutil.copy(SAMPLES / GOOD[1], sub / "下级.xlsx")))
    old(Path(shutil.copy(SAMPLES / GOOD[1], inbox / "旧_评价结果.xlsx")))
    out = inbox / "评价结果"  # the default: inside the inbox, never read back
    report = run_batch(inbox, out, recursive=True, jobs=1)
    assert {i.file for i in report.items} == {*GOOD, "坏文件.xlsx", "加密.xlsx", "二级单位/下级.xlsx"}
    assert (out / "二级单位" / "下级_评价结果.xlsx").exists()
    again = run_batch(inbox, out, recursive=True, jobs=1)
    assert again.count(Status.UNCHANGED) == 3


def test_a_second_batch_on_the_same_folder_is_refused(inbox, tmp_path):
    out = tmp_path / "结果"
    out.mkdir()
    with FileLock(str(out / LOCK)):
        r = excel_eval("batch", inbox, "--out", out)
    assert r.returncode == 5 and "正被另一个批处理使用" in r.stderr


def test_a_killed_run_leaves_no_partial_outputs_and_the_next_run_finishes(tmp_path):
    box = tmp_path / "in"
    box.mkdir()
    for i in range(12):
        old(Path(shutil.copy(SAMPLES / "003_职业技能培训及就业服务.xlsx", box / f"表{i:02}.xlsx")))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "excel_eval", "batch", str(box), "--out", str(out), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*_评价结果.xlsx"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = list(out.glob("*_评价结果.xlsx"))
    assert 2 <= len(written) < 12
    for p in written:  # every output under its real name is whole
        assert CalamineWorkbook.from_path(str(p)).sheet_names[0] == "总览"
    report = run_batch(box, out, jobs=1)
    assert report.count(Status.DONE) + report.count(Status.UNCHANGED) == 12
    assert len(list(out.glob("*_评价结果.xlsx"))) == 12 and list(out.rglob(".~*")) == []


def test_a_batch_of_100_workbooks_and_a_rerun_that_skips_them_all(tmp_path):
    box = tmp_path / "in"
    box.mkdir()
    names = ["000_残疾人基层组织建设补助经费.xlsx", "001_残疾人基层组织建设及服务经费.xlsx",
             "003_职业技能培训及就业服务.xlsx", "示例_无错误.xlsx"]
    for i in range(25):
        for name in names:
            old(Path(shutil.copy(SAMPLES / name, box / f"{i:02}_{name}")))
    out = tmp_path / "out"
    r = excel_eval("batch", box, "--out", out, timeout=600)
    assert r.returncode == 1  # the report samples have 错误
    rows = CalamineWorkbook.from_path(str(next(out.glob("汇总_*.xlsx")))).get_sheet_by_name("汇总").to_python()
    assert len(rows) - 1 == 100 and all(row[2] == "完成" for row in rows[1:])
    r = excel_eval("batch", box, "--out", out)
    assert "完成 0，未变化 100" in r.stdout and len(list(out.glob("汇总_*.xlsx"))) == 1  # nothing new: none written


def test_disk_full_marks_the_file_failed_and_the_batch_goes_on(inbox, tmp_path, monkeypatch):
    import errno

    real = files.write_atomic

    def full(path, write, fallback=False):
        if path.name.startswith("示例_无错误"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, write, fallback)
    monkeypatch.setattr("excel_eval.files.write_atomic", full)
    monkeypatch.setattr("excel_eval.writer.results.write_atomic", full)
    monkeypatch.setattr("excel_eval.writer.marked.write_atomic", full)
    out = tmp_path / "结果"
    report = run_batch(inbox, out, jobs=1)
    failed = {i.file: i.reason for i in report.items if i.status is Status.FAILED}
    assert failed["示例_无错误.xlsx"] == "无法写出结果：磁盘空间已满"
    assert {i.file for i in report.items if i.status is Status.DONE} == {"000_残疾人基层组织建设补助经费.xlsx"}
    assert [p.name for p in out.rglob(".~*")] == []


def test_an_unwritable_output_folder_is_a_clear_message(tmp_path):
    src = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "a.xlsx")
    blocked = tmp_path / "不是目录"
    blocked.write_text("x")
    r = excel_eval(src, "--out", blocked)
    assert r.returncode == 6 and "无法建立输出目录" in r.stderr and "已有同名的文件" in r.stderr
    assert "Traceback" not in r.stderr and "File exists" not in r.stderr  # the OS's words are not shown
    r = excel_eval("batch", tmp_path, "--out", blocked / "子目录", "--settle", "0")
    assert r.returncode == 6 and "无法使用输出目录" in r.stderr and "路径中有一段不是目录" in r.stderr
    assert "Traceback" not in r.stderr


def test_batch_scores_by_a_chosen_scheme(inbox, tmp_path):
    bad = tmp_path / "坏.toml"
    bad.write_text("name = [", encoding="utf-8")
    r = excel_eval("batch", inbox, "--out", tmp_path / "o1", "--scheme", bad)
    assert r.returncode == 2 and "格式有误" in r.stderr and not (tmp_path / "o1").exists()
    report = run_batch(inbox, tmp_path / "o2", jobs=1, scheme=Path("四级指标"))
    done = [i for i in report.items if i.status is Status.DONE]
    assert done and {i.scheme for i in done} == {"四级指标"}
    # 自评表 does not fit a four-level workbook: each says so, and is not kept as done or as unreadable
    again = run_batch(inbox, tmp_path / "o2", jobs=1, scheme=Path("自评表"))
    misfits = [i for i in again.items if "不适用于本工作簿" in i.reason]
    assert again.count(Status.UNCHANGED) == 0 and len(misfits) == len(done)
    assert all(i.status is Status.FAILED and i.failure == "" for i in misfits)
    default = run_batch(inbox, tmp_path / "o2", jobs=1)  # the misfit run left the 四级指标 results standing
    assert default.count(Status.UNCHANGED) == len(done) and default.count(Status.DONE) == 0


def test_a_nightly_rerun_with_nothing_changed_writes_nothing_new_and_leaves_no_lock(inbox, tmp_path):
    out = tmp_path / "结果"
    first = run_batch(inbox, out, jobs=1)
    before = sorted(p.name for p in out.iterdir())
    second = run_batch(inbox, out, jobs=1)
    assert sorted(p.name for p in out.iterdir()) == before  # no new 汇总/日志: the latest stand
    assert second.summary == first.summary and second.log == first.log
    assert second.count(Status.FAILED) == 2 and second.count(Status.UNCHANGED) == 2
    assert not (out / LOCK).exists()


def test_a_workbook_removed_from_the_inbox_gives_a_new_summary_without_it(inbox, tmp_path):
    out = tmp_path / "结果"
    first = run_batch(inbox, out, jobs=1)
    (inbox / GOOD[0]).unlink()
    second = run_batch(inbox, out, jobs=1)
    assert GOOD[0] not in {i.file for i in second.items}
    listed = [row[0] for row in CalamineWorkbook.from_path(str(second.summary)).get_sheet_by_name("汇总").to_python()]
    assert GOOD[0] not in listed and GOOD[1] in listed  # the summary is written anew, without it
    assert GOOD[0] not in read_manifest(out)


def test_kill_9_at_any_moment_then_a_rerun_loses_and_doubles_nothing(tmp_path):
    box = tmp_path / "in"
    box.mkdir()
    names = [f"表{i:03}.xlsx" for i in range(40)]
    for name in names:
        old(Path(shutil.copy(SAMPLES / "示例_无错误.xlsx", box / name)))
    out = tmp_path / "out"
    manifest = out / ".excel-eval-manifest.jsonl"
    kept = 0
    for stop_at in (3, 11, 24):  # kill -9 three times, each after more workbooks were recorded
        proc = subprocess.Popen([sys.executable, "-m", "excel_eval", "batch", str(box), "--out", str(out), "--jobs",
                                 "2", "--summary-only", "--settle", "0"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and (not manifest.exists() or manifest.read_bytes().count(b"\n") < stop_at):
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        recorded = read_manifest(out)
        assert len(recorded) >= kept  # nothing recorded before is lost
        kept = len(recorded)
    deadline = time.time() + 10  # the killed runs' workers leave too, rather than wait forever
    while time.time() < deadline and _processes_mentioning(str(box)):
        time.sleep(0.1)
    assert _processes_mentioning(str(box)) == []
    with open(manifest, "ab") as f:
        f.write(b'{"file": "\xe8\xa1\xa8')  # a line torn in the middle of a write
    report = run_batch(box, out, jobs=2, settle=0, outputs=False)
    assert report.count(Status.UNCHANGED) == kept and report.count(Status.DONE) == len(names) - kept
    assert sorted(read_manifest(out)) == names
    rows = CalamineWorkbook.from_path(str(report.summary)).get_sheet_by_name("汇总").to_python()
    assert sorted(row[0] for row in rows[1:]) == names  # every workbook once
    assert manifest.read_bytes().count(b"\n") == len(names)  # compacted: one line each


def _processes_mentioning(text: str) -> list[int]:
    """The processes whose command line holds `text` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            pass
    return found


def test_a_manifest_of_the_earlier_version_is_kept(inbox, tmp_path):
    """Before the journal, the manifest was one JSON object: a run reads it, keeps its entries, and
    leaves only the journal."""
    out = tmp_path / "结果"
    run_batch(inbox, out, jobs=1)
    entries = read_manifest(out)
    (out / ".excel-eval-manifest.jsonl").unlink()
    (out / ".excel-eval-manifest.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    again = run_batch(inbox, out, jobs=1)
    assert again.count(Status.DONE) == 0 and again.count(Status.UNCHANGED) == 2  # nothing redone
    assert not (out / ".excel-eval-manifest.json").exists() and read_manifest(out) == entries


# --- a night run's inbox as it really is -----------------------------------------------------------

def test_an_empty_inbox_does_nothing_says_so_and_exits_0(tmp_path):
    (tmp_path / "收件箱").mkdir()
    r = excel_eval("batch", tmp_path / "收件箱", "--out", tmp_path / "结果")
    assert r.returncode == 0 and "没有要处理的工作簿" in r.stdout and str(tmp_path / "结果") in r.stdout, r
    assert not (tmp_path / "结果").exists()  # no folder, no empty log, night after night
    r = excel_eval("batch", tmp_path / "收件箱")
    assert r.returncode == 0 and str(tmp_path / "收件箱" / "评价结果") in r.stdout  # the real output folder
    assert list((tmp_path / "收件箱").iterdir()) == []


def test_an_inbox_still_being_written_waits_for_the_next_run(tmp_path):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox / "刚到.xlsx")
    r = excel_eval("batch", inbox)
    assert r.returncode == 0 and "1 个文件 3 秒内修改过，下次再处理" in r.stdout
    assert not (inbox / "评价结果").exists()


def _abort_on_crash_files(source, rel, options):
    if "崩溃" in rel:
        import faulthandler
        faulthandler.disable()
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # (quietly: the test's output stays readable)
        os.abort()  # what a native reader's allocation failure does: no Python exception at all
    if "很慢" in rel:
        time.sleep(60)
    return _REAL_PROCESS[0](source, rel, options)


_REAL_PROCESS = []


def test_a_worker_that_dies_or_hangs_costs_one_row_and_the_summary_is_written(tmp_path, monkeypatch):
    from excel_eval import batch

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for name in ("甲.xlsx", "崩溃.xlsx", "乙.xlsx", "很慢.xlsx", "丙.xlsx"):
        old(shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox / name))
    _REAL_PROCESS[:] = [batch.process]
    monkeypatch.setattr(batch, "process", _abort_on_crash_files)  # the workers are forked: they run it
    started = time.monotonic()
    report = run_batch(inbox, tmp_path / "结果", jobs=2, timeout=3, report=False)
    assert time.monotonic() - started < 30
    rows = {i.file: i for i in report.items}
    assert [rows[n].status for n in ("甲.xlsx", "乙.xlsx", "丙.xlsx")] == [Status.DONE] * 3
    assert rows["崩溃.xlsx"].status is Status.FAILED and "工作进程意外退出" in rows["崩溃.xlsx"].reason
    assert rows["很慢.xlsx"].status is Status.FAILED and "超过 3 秒" in rows["很慢.xlsx"].reason
    assert report.summary.exists()
    assert set(read_manifest(tmp_path / "结果")) == {"甲.xlsx", "乙.xlsx", "丙.xlsx"}  # the two are tried again


def test_names_as_file_systems_give_them(tmp_path):
    """Bytes that are not UTF-8 (a Windows archive unzipped), a UNC-looking name, a line break."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    raw = os.fsencode(inbox) + b"/\xb9\xfa\xbc\xd2.xlsx"  # 国家 in GBK
    with open(raw, "wb") as f:
        f.write((SAMPLES / "示例_无错误.xlsx").read_bytes())
    os.utime(raw, (time.time() - 60, time.time() - 60))
    for name in ("\\\\evil.example\\share\\a.xlsx", "第一行\n09:00:00 假的.xlsx：100.00（优），错误 0.xlsx"):
        old(shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox / name))
    r = excel_eval("batch", inbox, "--out", tmp_path / "结果", "--no-report")
    assert r.returncode == 0, r.stderr
    log = next((tmp_path / "结果").glob("日志_*.log")).read_text("utf-8")
    assert all(line[:2].isdigit() for line in log.splitlines()), log  # every line the run's own
    assert "\ufffd\ufffd\ufffd\ufffd.xlsx" in log and "第一行⏎09:00:00 假的" in log
    outputs = sorted(p.name for p in (tmp_path / "结果").iterdir() if p.suffix == ".xlsx" and "汇总" not in p.name)
    assert "__evil.example_share_a_评价结果.xlsx" in outputs and all("\\" not in n for n in outputs)
    from openpyxl import load_workbook

    summary = load_workbook(next((tmp_path / "结果").glob("汇总_*.xlsx")))["汇总"]
    links = [c.hyperlink.target for row in summary.iter_rows() for c in row if c.hyperlink]
    assert links and all("\\" not in t and not t.startswith(("/", "file:")) for t in links), links


def test_a_link_out_of_the_inbox_is_not_followed(tmp_path):
    inbox, elsewhere = tmp_path / "收件箱", tmp_path / "别处"
    inbox.mkdir()
    elsewhere.mkdir()
    secret = old(shutil.copy(SAMPLES / "示例_无错误.xlsx", elsewhere / "别人的.xlsx"))
    (inbox / "链接.xlsx").symlink_to(secret)
    old(shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox / "本单位.xlsx"))
    r = excel_eval("batch", inbox, "--out", tmp_path / "结果", "--no-report")
    assert r.returncode == 0, r.stderr
    assert "1 个链接指向收件箱以外的文件，未处理：链接.xlsx" in r.stderr + r.stdout
    assert not list((tmp_path / "结果").glob("链接*")) and list((tmp_path / "结果").glob("本单位_标注.xlsx"))


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system of its own (tmpfs), where root may mount one."""
    folder = tmp_path / "小磁盘"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
                                           capture_output=True).returncode:
        pytest.skip("a small file system needs root and mount (tmpfs): not available here")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_fails_files_clearly_and_still_writes_the_log_and_summary(tmp_path, small_disk):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for i in range(40):
        old(shutil.copy(SAMPLES / "003_职业技能培训及就业服务.xlsx", inbox / f"单位{i:02}.xlsx"))
    r = excel_eval("batch", inbox, "--out", small_disk, "-j", "1")
    assert r.returncode in (3, 6) and "Traceback" not in r.stderr, r.stderr
    assert "磁盘空间已满" in r.stdout + r.stderr
    summaries, logs = list(small_disk.glob("汇总_*.xlsx")), list(small_disk.glob("日志_*.log"))
    assert summaries and logs, (r.stdout, r.stderr)  # written in the space held back for them
    assert "结束：" in logs[0].read_text("utf-8")
    done = read_manifest(small_disk)
    assert done and len(done) < 40  # the files that fitted are kept; the rest are tried next time
