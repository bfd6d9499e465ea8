"""The public API: what a Python user imports from `excel_eval`, and the README's example."""

import json
import re
import shutil
import subprocess
import sys

import pytest

import excel_eval
from excel_eval import (BatchLocked, ExitCode, Failure, Finding, Result, RuleKind, Scheme, Severity, Status,
                        evaluate, load_scheme, read_manifest, run_batch, write_outputs)
from conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "003_职业技能培训及就业服务.xlsx"


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch, capsys):
    code = re.search(r"## Python\n.*?```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)[1]
    shutil.copytree(SAMPLES, tmp_path / "samples")  # keeps the files' times: none is "still being written"
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "核算总分 92.00（优），预算执行率 84.27%" in out
    assert "X004 项目信息!B19 报告满意度 97.47 ≠ 按问卷人数计算的 96.86" in out
    assert (tmp_path / "结果" / "003_职业技能培训及就业服务_评价结果.xlsx").exists()
    assert "完成 4，未变化 0，失败 0，跳过 0" in out


def test_the_public_names_are_the_library_not_its_modules():
    import excel_eval.pipeline  # noqa: F401 (a submodule imported first must not shadow the function)

    assert callable(excel_eval.evaluate) and excel_eval.evaluate.__module__ == "excel_eval.pipeline"
    for name in excel_eval.__all__:
        assert getattr(excel_eval, name) is not None, name
    with pytest.raises(AttributeError):
        excel_eval.no_such_name  # noqa: B018


def test_importing_the_package_loads_nothing_heavy():
    code = ("import sys, excel_eval; heavy = [m for m in ('excel_eval.pipeline', 'xlsxwriter', 'typer', 'openpyxl',"
            " 'python_calamine', 'pandas') if m in sys.modules]; print(heavy)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_the_command_line_answers_help_and_slips_without_loading_the_library():
    code = ("import sys; from excel_eval.entry import main\ntry: main(['check', '--jsn'])\nexcept SystemExit: pass\n"
            "heavy = [m for m in ('excel_eval.pipeline', 'xlsxwriter', 'openpyxl', 'python_calamine', 'rich', 'click')"
            " if m in sys.modules]; print(heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]" and "--json" in done.stderr


def test_a_result_has_typed_attributes():
    r = evaluate(SAMPLE)
    assert isinstance(r, Result) and r.ok and r.layout == "template-v1"
    assert r.total_score == pytest.approx(92.0, abs=0.01) and r.grade == "优"
    assert [s.name for s in r.sections] == ["项目决策", "项目管理", "项目绩效"]
    assert r.budget.execution_rate == pytest.approx(0.8427, abs=1e-4) and r.surveys[0].respondents == 114
    assert r.counts[Severity.ERROR] == 27 and isinstance(r.findings[0], Finding)  # 32 cells, 27 causes
    assert r.findings[0].severity is Severity.ERROR and (r.findings[0].loc.sheet, r.findings[0].loc.cell) == \
        ("项目信息", "B19")
    assert {i.rule for i in r.scores.indicators} <= set(RuleKind)
    assert r.as_dict()["layout"] == "template-v1"


def test_bytes_score_as_the_file_does_and_need_an_output_folder(tmp_path):
    data = SAMPLE.read_bytes()
    from_bytes, from_file = evaluate(data, name=SAMPLE.name), evaluate(SAMPLE)
    assert from_bytes.as_dict() == from_file.as_dict()
    with pytest.raises(ValueError):
        write_outputs(from_bytes)
    written = write_outputs(from_bytes, tmp_path / "新目录")
    assert set(written) == {"results", "marked", "report"} and all(p.exists() for p in written.values())


def test_an_unreadable_file_is_a_result_with_its_kind(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    r = evaluate(bad)
    assert not r.ok and r.failure is Failure.NOT_A_WORKBOOK and "不是 Excel 工作簿" in r.reason
    assert r.as_dict()["failure"] == "not-a-workbook" and r.total_score is None
    with pytest.raises(ValueError):
        write_outputs(r, tmp_path)


def test_a_scheme_is_an_object_a_builtin_name_or_a_file():
    scheme = load_scheme("自评表")
    assert isinstance(scheme, Scheme) and load_scheme("自评表") is scheme  # read once
    four = load_scheme("四级指标")
    assert evaluate(SAMPLE, scheme=four).scheme is four and evaluate(SAMPLE, scheme="四级指标").scheme is four
    misfit = evaluate(SAMPLE, scheme=scheme)  # 自评表 does not fit a four-level workbook: said, never claimed
    assert misfit.failure.value == "scheme-mismatch" and misfit.scheme is None
    assert "评分体系“自评表”不适用于本工作簿" in misfit.reason and "项目决策、项目管理、项目绩效" in misfit.reason


def test_run_batch_prints_nothing_unless_asked(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    shutil.copytree(SAMPLES, inbox)
    lines, progress = [], []
    report = run_batch(inbox, jobs=1)
    assert capsys.readouterr() == ("", "")
    assert report.out == inbox / "评价结果" and report.count(Status.UNCHANGED) == 0
    again = run_batch(inbox, jobs=1, on_log=lines.append, on_progress=lambda *a: progress.append(a))
    assert capsys.readouterr() == ("", "")
    assert again.count(Status.UNCHANGED) == 4 and lines == [] and progress == []  # nothing to do, nothing said


def test_exit_codes_are_one_enum():
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 4, 5, 6]
    assert issubclass(BatchLocked, Exception)


# --- --skip / --only on the command line ------------------------------------------------------------

def test_check_skip_and_only(cli):
    everything = cli("check", SAMPLE, "--json")
    skipped = cli("check", SAMPLE, "--json", "--skip", "S003,S005")
    only = cli("check", SAMPLE, "--json", "--only", "X004")
    codes = [{f["code"] for f in json.loads(r.out)["findings"]} for r in (everything, skipped, only)]
    assert {"S003", "S005"} <= codes[0] and not {"S003", "S005"} & codes[1] and codes[2] == {"X004"}
    assert only.code == ExitCode.FINDINGS


@pytest.mark.parametrize("command", ["check", "run"])
def test_an_unknown_rule_code_is_a_usage_error(cli, command, tmp_path):
    r = cli(command, SAMPLE, "--skip", "B999")
    assert r.code == ExitCode.USAGE and "没有这样的规则代码：B999" in r.err


def test_batch_only(cli, tmp_path):
    inbox = tmp_path / "收件箱"
    shutil.copytree(SAMPLES, inbox)
    r = cli("batch", inbox, "--only", "X004", "-j", "1")
    assert r.code == ExitCode.FINDINGS, r.out + r.err
    manifest = read_manifest(inbox / "评价结果")
    errors = {name: entry["errors"] for name, entry in manifest.items()}
    assert errors == {"000_残疾人基层组织建设补助经费.xlsx": 0, "001_残疾人基层组织建设及服务经费.xlsx": 0,
                      "003_职业技能培训及就业服务.xlsx": 1, "示例_无错误.xlsx": 0}


def test_every_refusal_is_one_family_with_its_exit_code():
    from excel_eval.batch import BatchLocked
    from excel_eval.cli import Stop
    from excel_eval.errors import Refusal
    from excel_eval.gui.server import PortInUse
    from excel_eval.rules import UnknownRule
    from excel_eval.schemes import SchemeError
    from excel_eval.triage import ReadError
    from excel_eval.vocab import ExitCode

    codes = {ReadError: ExitCode.UNREADABLE, SchemeError: ExitCode.USAGE, UnknownRule: ExitCode.USAGE,
             BatchLocked: ExitCode.LOCKED, PortInUse: ExitCode.USAGE, Stop: ExitCode.USAGE}
    for cls, code in codes.items():
        assert issubclass(cls, Refusal) and cls.code is code, cls
    assert set(Refusal.__subclasses__()) == set(codes)  # a new refusal is listed in errors.py and here
