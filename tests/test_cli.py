import json
import re
import subprocess
import sys

from typer.testing import CliRunner

from excel_eval.cli import app
from conftest import SAMPLES

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_check_clean_sample_exits_0():
    r = run("check", SAMPLES / "示例_无错误.xlsx")
    assert r.exit_code == 0
    assert "核算总分 98.92（优）" in r.output and "错误 0" in r.output


def test_check_with_errors_exits_1_and_names_cells():
    r = run("check", SAMPLES / "000_残疾人基层组织建设补助经费.xlsx")
    assert r.exit_code == 1
    assert "错误 T003 得分汇总!C6" in r.output and "合计应等于" in r.output


def test_check_json_follows_the_output_contract():
    r = subprocess.run([sys.executable, "-m", "excel_eval", "check", "--json",
                        str(SAMPLES / "003_职业技能培训及就业服务.xlsx")], capture_output=True, text=True)
    assert r.returncode == 1
    doc = json.loads(r.stdout)  # nothing but JSON on stdout
    for key in ("file", "status", "project", "unit", "year", "total_score", "grade", "sections", "budget",
                "surveys", "findings"):
        assert key in doc
    assert doc["status"] == "ok" and doc["year"] == 2022 and doc["grade"] == "优"
    assert abs(doc["surveys"][0]["score"] - 96.8596) < 1e-4 and doc["surveys"][0]["respondents"] == 114
    assert doc["sections"][0] == {"name": "项目决策", "weight": 20.0, "score": 20.0, "self_score": 20.0}
    f = doc["findings"][0]
    assert set(f) >= {"severity", "code", "sheet", "cell", "message", "expected", "actual", "hint"}
    assert "核算总分" in r.stderr


def test_unreadable_file_exits_3(tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"not a zip")
    r = run("check", bad)
    assert r.exit_code == 3 and "不是 Excel 工作簿" in r.output
    r = subprocess.run([sys.executable, "-m", "excel_eval", "check", "--json", str(bad)], capture_output=True,
                       text=True)
    assert r.returncode == 3 and json.loads(r.stdout)["status"] == "failed" and "Traceback" not in r.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run("check", tmp_path / "没有这个文件.xlsx").exit_code == 2
    assert run("check").exit_code == 2
    bad = tmp_path / "s.toml"
    bad.write_text("name = [", encoding="utf-8")
    r = run("check", SAMPLES / "示例_无错误.xlsx", "--scheme", bad)
    assert r.exit_code == 2 and "格式有误" in r.output


def test_template_command(tmp_path):
    out = tmp_path / "模板 副本.xlsx"
    assert run("template", out).exit_code == 0 and out.exists()
    before = out.read_bytes()
    r = run("template", out)
    assert r.exit_code == 2 and "已存在" in r.output and out.read_bytes() == before  # nothing overwritten
    assert run("template", out, "--force").exit_code == 0


def test_rules_command_lists_every_rule():
    from excel_eval.rules import ALL_RULES
    r = run("rules")
    assert r.exit_code == 0 and all(rule.code in r.output for rule in ALL_RULES)


def test_version():
    from excel_eval import __version__
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


def test_json_lists_the_files_written_and_rounds_its_numbers(tmp_path):
    import shutil
    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "示例.xlsx")
    r = subprocess.run([sys.executable, "-m", "excel_eval", "run", str(source), "--json"], capture_output=True, text=True)
    doc = json.loads(r.stdout)
    assert sorted(doc["outputs"]) == [str(tmp_path / "示例_标注.xlsx"), str(tmp_path / "示例_评价结果.xlsx")]
    assert doc["surveys"][0]["score"] == 94.6  # not 94.60000000000001
    assert "94.60000000000001" not in r.stdout
    check = json.loads(subprocess.run([sys.executable, "-m", "excel_eval", "check", str(source), "--json"],
                                      capture_output=True, text=True).stdout)
    assert check["outputs"] == []


def main_in_process(capsys, *args):
    import pytest as _pytest
    from excel_eval.entry import main

    with _pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exited.value.code, out, err


import pytest  # noqa: E402


@pytest.mark.parametrize("args, message", [
    (["chek", "x.xlsx"], "没有“chek”这个命令，您是不是要用 excel-eval check？"),
    (["check", "--jsn", "x.xlsx"], "没有“--jsn”这个选项，您是不是要用 --json"),
    (["check"], "缺少要核对的工作簿：excel-eval check 文件.xlsx"),
    (["run"], "缺少要处理的工作簿：excel-eval run 文件.xlsx"),
    (["check", "a.xlsx", "b.xlsx"], "多余的参数：b.xlsx"),
    (["batch", ".", "-j", "abc"], "“--jobs/-j”的值不对：应为整数"),
    (["batch", ".", "-j", "0"], "“--jobs/-j”的值不对：应不小于 1"),
    (["run", "--out"], "选项“--out”需要一个值"),
    (["template", "模板.csv"], "文件名须以 .xlsx 结尾"),
])
def test_usage_slips_are_answered_in_chinese_with_the_way_out(capsys, args, message):
    code, out, err = main_in_process(capsys, *args)
    assert code == 2 and message in err and out == ""
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", err.replace("excel-eval", "").replace("--help", "")), err


def test_a_folder_given_to_run_points_to_batch_and_a_file_given_to_batch_points_to_run(capsys, tmp_path):
    code, _, err = main_in_process(capsys, "run", tmp_path)
    assert code == 2 and f"excel-eval batch \"{tmp_path}\"" in err
    code, _, err = main_in_process(capsys, "batch", SAMPLES / "示例_无错误.xlsx")
    assert code == 2 and "excel-eval run" in err


def test_run_makes_its_out_folder_and_never_reads_its_own_outputs(capsys, tmp_path):
    import shutil
    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "示例.xlsx")
    code, _, _ = main_in_process(capsys, "run", source, "--out", tmp_path / "新" / "目录")
    assert code == 0 and (tmp_path / "新" / "目录" / "示例_评价结果.xlsx").exists()
    code, _, err = main_in_process(capsys, tmp_path / "新" / "目录" / "示例_评价结果.xlsx", source)
    assert code == 0 and "示例_评价结果.xlsx：本工具写出的结果文件，已跳过" in err
    assert not list(tmp_path.rglob("*_评价结果_评价结果.xlsx"))
