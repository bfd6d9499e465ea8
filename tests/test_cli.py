import json
import re
import subprocess
import sys

import pytest

from conftest import SAMPLES


def test_check_clean_sample_exits_0(cli):
    r = cli("check", SAMPLES / "示例_无错误.xlsx")
    assert r.code == 0 and r.err == ""
    assert "核算总分 98.92（优）" in r.out and "错误 0" in r.out


def test_check_with_errors_exits_1_and_names_cells(cli):
    r = cli("check", SAMPLES / "000_残疾人基层组织建设补助经费.xlsx")
    assert r.code == 1
    assert "错误 T003 得分汇总!C6" in r.out and "合计应等于" in r.out


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


def test_unreadable_file_exits_3(cli, tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"not a zip")
    r = cli("check", bad)
    assert r.code == 3 and "不是 Excel 工作簿" in r.err
    r = subprocess.run([sys.executable, "-m", "excel_eval", "check", "--json", str(bad)], capture_output=True,
                       text=True)
    assert r.returncode == 3 and json.loads(r.stdout)["status"] == "failed" and "Traceback" not in r.stderr


def test_usage_errors_exit_2(cli, tmp_path):
    assert cli("check", tmp_path / "没有这个文件.xlsx").code == 2
    assert cli("check").code == 2
    bad = tmp_path / "s.toml"
    bad.write_text("name = [", encoding="utf-8")
    r = cli("check", SAMPLES / "示例_无错误.xlsx", "--scheme", bad)
    assert r.code == 2 and "格式有误" in r.err
    r = cli("check", SAMPLES / "示例_无错误.xlsx", "--scheme", tmp_path / "没有.toml")
    assert r.code == 2 and "无法读取评分体系文件" in r.err and "文件或目录不存在" in r.err


def test_template_command(cli, tmp_path):
    out = tmp_path / "模板 副本.xlsx"
    assert cli("template", out).code == 0 and out.exists()
    before = out.read_bytes()
    r = cli("template", out)
    assert r.code == 2 and "已存在" in r.err and out.read_bytes() == before  # nothing overwritten
    assert cli("template", out, "--force").code == 0


def test_rules_command_lists_every_rule(cli):
    from excel_eval.rules import ALL_RULES
    r = cli("rules")
    assert r.code == 0 and all(rule.code in r.out for rule in ALL_RULES)


def test_version(cli):
    from excel_eval import __version__
    r = cli("--version")
    assert r.code == 0 and r.out == f"excel-eval {__version__}\n"


def test_json_lists_the_files_written_and_rounds_its_numbers(tmp_path):
    import shutil
    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "示例.xlsx")
    r = subprocess.run([sys.executable, "-m", "excel_eval", "run", str(source), "--json"], capture_output=True, text=True)
    doc = json.loads(r.stdout)
    assert sorted(doc["outputs"]) == [str(tmp_path / name) for name in ("示例_标注.xlsx", "示例_自评报告.docx",
                                                                         "示例_评价结果.xlsx")]
    assert doc["surveys"][0]["score"] == 94.6  # not 94.60000000000001
    assert "94.60000000000001" not in r.stdout
    check = json.loads(subprocess.run([sys.executable, "-m", "excel_eval", "check", str(source), "--json"],
                                      capture_output=True, text=True).stdout)
    assert check["outputs"] == []


@pytest.mark.parametrize("args, message", [
    (["chek", "x.xlsx"], "没有“chek”这个命令，您是不是要用 excel-eval check？"),
    (["check", "--jsn", "x.xlsx"], "没有“--jsn”这个选项，您是不是要用 --json"),
    (["check"], "缺少要核对的工作簿：excel-eval check 文件.xlsx"),
    (["run"], "缺少要处理的工作簿：excel-eval run 文件.xlsx"),
    (["check", "a.xlsx", "b.docx", "c.xlsx"], "多余的参数：c.xlsx"),
    (["batch", ".", "-j", "abc"], "“--jobs/-j”的值不对：应为整数"),
    (["batch", ".", "-j", "0"], "“--jobs/-j”的值不对：应不小于 1"),
    (["run", "--out"], "选项“--out”需要一个值"),
    (["template", "模板.csv"], "文件名须以 .xlsx 结尾"),
])
def test_usage_slips_are_answered_in_chinese_with_the_way_out(cli, args, message):
    code, out, err = cli(*args)
    assert code == 2 and message in err and out == ""
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", err.replace("excel-eval", "").replace("--help", "")), err


def test_a_folder_given_to_run_points_to_batch_and_a_file_given_to_batch_points_to_run(cli, tmp_path):
    code, _, err = cli("run", tmp_path)
    assert code == 2 and f"excel-eval batch \"{tmp_path}\"" in err
    code, _, err = cli("batch", SAMPLES / "示例_无错误.xlsx")
    assert code == 2 and "excel-eval run" in err


def test_run_makes_its_out_folder_and_never_reads_its_own_outputs(cli, tmp_path):
    import shutil
    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "示例.xlsx")
    code, _, _ = cli("run", source, "--out", tmp_path / "新" / "目录")
    assert code == 0 and (tmp_path / "新" / "目录" / "示例_评价结果.xlsx").exists()
    code, _, err = cli(tmp_path / "新" / "目录" / "示例_评价结果.xlsx", source)
    assert code == 0 and "示例_评价结果.xlsx：本工具写出的结果文件，已跳过" in err
    assert not list(tmp_path.rglob("*_评价结果_评价结果.xlsx"))


@pytest.mark.parametrize("args", [["--help"], [], ["-h"], *([name, "--help"] for name in
                                                             ("run", "check", "batch", "demo", "template", "rules"))])
def test_help_is_chinese_whole_and_names_every_option(cli, args):
    from excel_eval.cli import COMMANDS

    code, out, err = cli(*args)
    assert code == 0 and err == "" and out.startswith("用法：excel-eval")
    for english in ("Usage", "Options", "Arguments", "Show this message", "[required]", "<bool>", "<str>", "…\n"):
        assert english not in out
    shown = [COMMANDS[args[0]]] if args and args[0] in COMMANDS else []
    for command in shown:
        for option in command.options:
            assert option.flags[0] in out and option.help in out
        for argument in command.arguments:
            assert argument.help in out
    if not shown:
        assert all(f"  {name} " in out for name in COMMANDS) and "退出码" in out


def test_options_as_scripts_write_them(cli, tmp_path):
    import shutil
    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "-示例.xlsx")  # a name that looks like an option
    r = cli("--out=" + str(tmp_path / "甲"), "--", source)  # the drop-on form with options, `--opt=value`, `--`
    assert r.code == 0 and (tmp_path / "甲" / "-示例_评价结果.xlsx").exists(), r.err
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox)
    r = cli("batch", inbox, "-j1", "--settle=0", "-r")
    assert r.code == 0 and "完成 1" in r.out, r.out + r.err


@pytest.mark.parametrize("args, message", [
    (["check", "x.xlsx", "--out", "d"], "没有“--out”这个选项"),
    (["check", "x.xlsx", "--json=yes"], "选项“--json”不带值"),
    (["batch", ".", "--settle", "-1"], "“--settle”的值不对：应不小于 0"),
    (["batch", ".", "--settle", "nan"], "“--settle”的值不对：应为数字"),
    (["batch", ".", "-j"], "选项“-j”需要一个值（N）"),
    (["run", "x.xlsx", "--out", "--json"], "选项“--out”需要一个值（目录）"),
    (["batch"], "缺少要处理的目录：excel-eval batch 收件箱目录"),
    (["batch", "a", "b"], "多余的参数：b（batch 一次处理一个目录）"),
])
def test_more_slips(cli, args, message):
    code, out, err = cli(*args)
    assert code == 2 and message in err and out == "", err


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_reader_that_leaves_early_loses_no_output(tmp_path, unbuffered):
    """`excel-eval … | head -1`: the pipe closes after the first line; every file is still done."""
    import os
    import shutil
    sources = [shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / f"{k}.xlsx") for k in "ab"]
    proc = subprocess.Popen([sys.executable, "-m", "excel_eval", *map(str, sources)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": unbuffered})
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0 and "内部错误" not in err, err
    assert all((tmp_path / f"{k}_自评报告.docx").exists() and (tmp_path / f"{k}_评价结果.xlsx").exists() for k in "ab")


def test_each_command_takes_exactly_what_its_table_declares():
    """The command table and each action's signature are one: a parameter with no option, or an
    option no parameter takes, fails here rather than at a user's keyboard."""
    import inspect

    from excel_eval.cli import COMMANDS, HELP

    for command in COMMANDS.values():
        declared = [a.name for a in command.arguments] + [o.name for o in command.options if o is not HELP]
        taken = list(inspect.signature(command.action).parameters)
        assert sorted(declared) == sorted(taken), command.name
        assert len(set(declared)) == len(declared), command.name


def test_two_inputs_of_one_name_never_share_outputs(cli, tmp_path):
    import shutil

    for folder in ("甲", "乙"):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / folder / "自评.xlsx")
    out = tmp_path / "结果"
    r = cli("run", tmp_path / "甲" / "自评.xlsx", tmp_path / "乙" / "自评.xlsx", "--out", out, "--no-report")
    assert r.code == 0, r.err
    assert sorted(p.name for p in out.iterdir()) == ["自评(2)_标注.xlsx", "自评(2)_评价结果.xlsx",
                                                     "自评_标注.xlsx", "自评_评价结果.xlsx"]
    assert "自评_评价结果.xlsx 已是另一个同名文件的结果，本文件的结果写为 自评(2)_评价结果.xlsx" in r.err


def test_sheets_whose_names_make_one_file_name_get_their_own_outputs(cli, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(SAMPLES / "自评表" / "011_棠溪镇委托业务项目.xlsx")
    first = book.worksheets[0]
    second = book.copy_worksheet(first)
    first.title, second.title = "工资<1>", "工资|1|"
    source = tmp_path / "部门.xlsx"
    book.save(source)
    r = cli("run", source, "--out", tmp_path / "结果", "--no-report")
    names = sorted(p.name for p in (tmp_path / "结果").iterdir())
    assert names == ["部门_工资_1__2_标注.xlsx", "部门_工资_1__2_评价结果.xlsx", "部门_工资_1__标注.xlsx",
                     "部门_工资_1__评价结果.xlsx"], (names, r.err)


def test_check_skips_the_tools_own_outputs_as_run_does(cli, tmp_path):
    r = cli("run", SAMPLES / "示例_无错误.xlsx", "--out", tmp_path, "--no-report")
    assert r.code == 0
    r = cli("check", tmp_path / "示例_无错误_评价结果.xlsx")
    assert r.code == 0 and "本工具写出的结果文件，已跳过" in r.err and "R001" not in r.out + r.err


# --- every slip answered ----------------------------------------------------------------------------

def test_help_is_a_command(cli):
    whole = cli("--help")
    assert cli("help") == whole
    assert cli("help", "check") == cli("check", "--help") and "用法：excel-eval check" in cli("help", "check").out
    code, out, err = cli("help", "chek")
    assert code == 2 and out == "" and "没有“chek”这个命令，您是不是要用 excel-eval help check？" in err
    code, _, err = cli("help", "命令")  # the placeholder typed as it is
    assert code == 2 and "全部命令：run、check、batch" in err


@pytest.mark.parametrize("typed", ["—help", "——help", "–help", "－－help", "－－ｈｅｌｐ", "‐‐help", "－h", "—h"])
def test_ime_and_word_processor_dashes_read_as_dashes(cli, typed):
    """Shift+- in a Chinese input method gives ——, Word turns -- into — or –, full-width mode gives －－."""
    assert cli(typed) == cli("--help")


def test_ime_dashes_before_options_and_values(cli, tmp_path):
    import shutil
    source = shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / "——附件.xlsx")  # a real name is never folded
    r = cli(source, "——out", tmp_path / "甲", "——no-report")
    assert r.code == 0 and (tmp_path / "甲" / "——附件_评价结果.xlsx").exists(), r.err
    assert not (tmp_path / "甲" / "——附件_自评报告.docx").exists()
    r = cli("run", source, "—out＝" + str(tmp_path / "乙"))  # a full-width = as well
    assert r.code == 0 and (tmp_path / "乙" / "——附件_评价结果.xlsx").exists(), r.err
    r = cli("check", SAMPLES / "示例_无错误.xlsx", "——json")
    assert r.code == 0 and json.loads(r.out)["status"] == "ok"
    assert cli("—version").out == cli("--version").out


def test_a_mistyped_version_is_suggested(cli):
    code, out, err = cli("--verison")
    assert code == 2 and out == "" and "没有“--verison”这个选项，您是不是要用 --version？" in err
    code, _, err = cli("check", "x.xlsx", "--jsno")
    assert code == 2 and "您是不是要用 --json？" in err  # within a command, its own options


@pytest.mark.parametrize("name, meant", [("五级", ""), ("四级", "您是不是要用“四级指标”？")])
def test_a_scheme_name_that_is_no_file_lists_the_built_in_schemes(cli, name, meant):
    code, out, err = cli("check", SAMPLES / "示例_无错误.xlsx", "--scheme", name)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"没有名为“{name}”的评分体系。{meant}内置评分体系：四级指标（项目决策20 / 项目管理20 / 项目绩效60" in err
    assert "自评表（预算执行率10 + 产出指标50" in err and "无法读取" not in err


@pytest.fixture
def unwritable(tmp_path):
    """A folder nobody may write in, root included: mode 555, or immutable (chattr +i) when run as root."""
    import os
    import subprocess
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK):  # root ignores the mode
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if not immutable:
            folder.chmod(0o755)
            pytest.skip("no folder can be made unwritable here (root, and chattr +i refused)")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def test_an_output_that_cannot_be_written_is_exit_6_in_one_line(cli, unwritable):
    from excel_eval.vocab import ExitCode
    assert ExitCode.UNWRITABLE == 6 and ExitCode.UNWRITABLE.meaning == "无法写出结果"
    code, out, err = cli("template", unwritable / "t.xlsx")
    assert (code, out) == (6, "") and err == f"无法写出模板 {unwritable / 't.xlsx'}：没有权限\n"
    code, out, err = cli("demo", unwritable / "示例")
    assert (code, out) == (6, "") and err == f"无法在目录 {unwritable / '示例'} 中写出示例：没有权限\n"
    assert list(unwritable.iterdir()) == []
    assert "6 无法写出结果" in cli("--help").out


def test_a_full_disk_is_exit_6_in_one_line(tmp_path):
    """A 4 KB file system (tmpfs, where root may mount one): the template does not fit."""
    import os
    full = tmp_path / "满"
    full.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(full)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        r = subprocess.run([sys.executable, "-m", "excel_eval", "template", str(full / "t.xlsx")], capture_output=True,
                           text=True, env={**os.environ, "LANG": "C.UTF-8"})
        assert r.returncode == 6 and r.stdout == "" and r.stderr == f"无法写出模板 {full / 't.xlsx'}：磁盘空间已满\n"
        assert list(full.iterdir()) == []  # no temporary file left
    finally:
        subprocess.run(["umount", str(full)], check=True)


def test_not_a_workbook_is_said_for_what_it_is(cli, tmp_path):
    import shutil
    import zipfile
    report = tmp_path / "项目自评报告.docx"  # (…_自评报告.docx would be the tool's own report: skipped)
    with zipfile.ZipFile(report, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    code, _, err = cli("check", report)  # a Word document is read as a 自评报告 (tests/test_reports.py): this one is empty
    assert code == 3 and "这份 Word 文档没有文字，不是自评报告（也不是工作簿）" in err
    assert "改了扩展名" not in err
    renamed = shutil.copy(report, tmp_path / "项目.xlsx")  # the same content under a workbook's name
    assert "内容是Word 文档，可能只是改了扩展名" in cli("check", renamed).err
    lock = tmp_path / "~$项目.xlsx"  # what Excel leaves beside an open workbook: the user's name, padded
    lock.write_bytes(b"\x08zhangsan" + b" " * 45 + b"\x00" * 110)
    code, _, err = cli("check", lock)
    assert code == 3 and "这是 Excel 或 WPS 打开工作簿时留下的锁文件" in err and "请关闭该工作簿，再使用不带“~$”的原文件" in err
    assert "不是 Excel 工作簿" not in err


@pytest.mark.libreoffice
def test_a_word_97_document_is_said_to_be_one(cli, tmp_path):
    from libreoffice import convert
    text = tmp_path / "自评报告.txt"
    text.write_text("项目支出绩效自评报告", encoding="utf-8")
    (doc,) = convert([text], "doc", tmp_path)
    code, _, err = cli("check", doc)
    assert code == 3 and "这是Word 文档（可能是自评报告），不是工作簿" in err
    assert "内容是Word 文档，可能只是改了扩展名" in cli("check", doc.rename(tmp_path / "自评.xls")).err


def test_run_names_the_fix_step_only_where_a_corrected_copy_can_be_written(tmp_path):
    """An .xlsx: the command to run; a file no copy can be made of (an .xls, an .ods): save it as .xlsx first."""
    from excel_eval.step import Options, process
    from excel_eval.voice import run_lines
    from conftest import SAMPLES

    (outcome,) = process(SAMPLES / "自评表" / "011_棠溪镇委托业务项目.xlsx", Options(out=tmp_path, report=False))
    assert run_lines(outcome)[-1] == '  其中 4 条可按算术更正：excel-eval fix "011_棠溪镇委托业务项目.xlsx" 写出更正副本'
    del outcome.written["marked"]  # as for an .xls, whose marked copy cannot be written either
    assert run_lines(outcome)[-1] == "  其中 4 条可按算术更正：将文件另存为 .xlsx 后运行 excel-eval fix 写出更正副本"
