"""The Windows scripts and the offline bundle, tested without Windows and without the network.

There is no cmd.exe here. Two things stand in for it:

1. Rules (`violations`), each a construct that lets a file name act as batch syntax. Why each rule:
   - cmd expands %1, %* and %NAME% in a whole line (or a whole ( ) block) before it looks for special
     characters, so what they put in is read as if typed: outside "…" a `&` starts a new command,
     `(` `)` open and close blocks, `^` escapes. Inside "…" all of these are plain text. Hence: no %*;
     an argument only as "%~1" (the ~ takes away the quotes Explorer added when the name had a
     space; the outer quotes protect the rest); a variable holding a path only inside quotes, except
     the few that carry their own quotes (EXCEL_EVAL_RUN, EXCEL_EVAL_ARGS, …).
   - A ( ) block is expanded as a whole, once: a `)` in a name inside it ends the block there (the old
     script's `if … ( excel-eval %* )` did exactly that for 自评表(1).xlsx). Hence: no blocks (a
     one-line `for /f … in (…)` reading a command's output, with no percent value in it, is allowed).
   - Delayed expansion (!NAME!) happens after the special characters are read, so its value cannot
     act; but while it is on, a `!` in any value starts a variable name and vanishes. Hence: off,
     except for the one line that copies cmdcmdline.
   - `call` expands percent signs a second time and doubles carets; `exit /b` lets cmd go on with
     what it cut off after an `&`; a `^` at a line's end joins the next line; lines before
     `chcp 65001` are read in the console's code page (GBK); goto's label search wants CRLF ends.
2. A model of cmd's reading (tests/cmd_model.py) that runs the drag-and-drop script on the command
   line Explorer writes for hostile names, and splits the program it starts as Windows splits a
   command line. It knows only the constructs the scripts use and refuses anything else.

What the model cannot show is cmd itself; the scripts have not been run on Windows here.
"""

from __future__ import annotations

import hashlib
import base64
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from cmd_model import Batch, Unsupported, explorer_start
from conftest import ROOT, SAMPLES
from excel_eval import cli

SCRIPTS = ROOT / "scripts"
DROP = SCRIPTS / "excel-eval-拖放.bat"
PAGE = SCRIPTS / "excel-eval-网页.bat"
INSTALL_BAT = SCRIPTS / "offline" / "安装.bat"
INSTALL_SH = SCRIPTS / "offline" / "install.sh"
SELF_QUOTING = {"EXCEL_EVAL_RUN", "EXCEL_EVAL_ARGS", "EXCEL_EVAL_PY", "EXCEL_EVAL_CODE", "ERRORLEVEL"}
CAPTURE = 'set "EXCEL_EVAL_LAUNCH=!cmdcmdline!"'


def violations(data: bytes) -> list[str]:
    """Every rule the batch file `data` breaks, as `line N: what`."""
    found = []
    if b"\n" in data.replace(b"\r\n", b""):
        found.append("line ends are not CRLF")
    lines = data.decode("utf-8").replace("\r\n", "\n").split("\n")
    code = [(n, line.strip()) for n, line in enumerate(lines, 1)
            if line.strip() and not re.match(r"@?rem(\s|$)", line.strip(), re.I)]
    head = [line for _, line in code[:3]]
    if head != ["@echo off", "chcp 65001 >nul", "setlocal DisableDelayedExpansion"]:
        found.append(f"does not start with @echo off, chcp 65001, setlocal DisableDelayedExpansion: {head}")
    chcp = next(n for n, line in code if line.startswith("chcp")) if any(l.startswith("chcp") for _, l in code) else 0
    for n, line in enumerate(lines, 1):
        if n < chcp and not line.isascii():
            found.append(f"line {n}: not ASCII before chcp 65001")
        if line.rstrip().endswith("^"):
            found.append(f"line {n}: ends with ^ (joins the next line)")
        if re.match(r"\s*@?rem(\s|$)", line, re.I) and re.search(r"(?<!%)%(?!%)", line.replace("%%", "")):
            found.append(f"line {n}: a % in a remark is expanded too")
    for i, (n, line) in enumerate(code):
        where = f"line {n}: {line}"
        unquoted = _outside_quotes(line)
        if "%*" in line:
            found.append(f"{where}: %* (every argument unquoted)")
        for m in re.finditer(r"(?<!%)%(~[a-z]*)?([0-9])", line):
            ok = (m[0] == f"%~{m[2]}" and m[2] != "0" and line[m.start() - 1:m.start()] == '"'
                  and line[m.end():m.end() + 1] == '"') or (m[0] in ("%~f0", "%~dp0") and line.startswith('set "'))
            if not ok:
                found.append(f"{where}: argument {m[0]} not as \"%~N\"")
        for m in re.finditer(r"(?<!%)%([A-Za-z_][A-Za-z0-9_]*)%", line):
            if m[1].upper() not in SELF_QUOTING and unquoted[m.start()]:
                found.append(f"{where}: %{m[1]}% outside quotes")
        parens = [j for j, c in enumerate(line) if c in "()" and unquoted[j]]
        if parens and not (re.match(r"for /f .* in \(.*\) do ", line) and not re.search(r"(?<!%)%(?!%)", line.replace("%%", ""))):
            found.append(f"{where}: a ( ) block")
        if any(c in "&|" and unquoted[j] for j, c in enumerate(line)):
            found.append(f"{where}: & or | outside quotes")
        if "!" in line and line != CAPTURE:
            found.append(f"{where}: a ! outside the one cmdcmdline copy")
        if re.match(r"setlocal enabledelayedexpansion$", line, re.I):
            following = [l for _, l in code[i + 1:i + 3]]
            if following != [CAPTURE, "setlocal DisableDelayedExpansion"]:
                found.append(f"{where}: delayed expansion left on beyond the cmdcmdline copy")
        if re.match(r"call\s", line, re.I):
            found.append(f"{where}: call expands percent signs twice")
        if re.match(r"exit\s+/b", line, re.I) or re.search(r"goto\s+:eof", line, re.I):
            found.append(f"{where}: exit /b (cmd would go on with the rest of its command line)")
    if not code or not re.match(r"exit(\s|$)", code[-1][1], re.I):
        found.append("the last command is not exit")
    return found


def _outside_quotes(line: str) -> list[bool]:
    out, quoted = [], False
    for c in line:
        if c == '"':
            quoted = not quoted
            out.append(False)
        else:
            out.append(not quoted)
    return out


@pytest.mark.parametrize("script", sorted(SCRIPTS.rglob("*.bat")), ids=lambda p: p.name)
def test_every_windows_script_follows_the_rules(script):
    assert violations(script.read_bytes()) == []


OLD_DROP_SCRIPT = """@echo off
rem Drag Excel workbooks onto this file (or a desktop shortcut to it): each is checked and scored,
chcp 65001 >nul
where excel-eval >nul 2>nul
if %errorlevel%==0 (
  excel-eval %*
) else (
  py -m excel_eval %*
)
echo.
echo 完成。结果文件在原工作簿旁边（文件名以“_评价结果”“_标注”结尾）。
pause
""".replace("\n", "\r\n").encode()


def test_the_rules_catch_what_broke_the_old_script():
    found = "\n".join(violations(OLD_DROP_SCRIPT))
    assert "%* (every argument unquoted)" in found and "a ( ) block" in found
    assert "the last command is not exit" in found and "does not start with" in found


# --- the model: Explorer drops hostile names on the script --------------------------------------------

SCRIPT_PATH = r"C:\Users\张三\Desktop\excel-eval-拖放.bat"
LOCAL = r"C:\Users\张三\AppData\Local"
EXE = LOCAL + r"\excel-eval\Scripts\excel-eval.exe"
ENV = {"LOCALAPPDATA": LOCAL, "USERNAME": "张三"}
HOSTILE = ["自评表(1).xlsx", "R&D.xlsx", "100%.xlsx", "%USERNAME%的表.xlsx", "a!b.xlsx", "x^y.xlsx",
           "甲,乙;丙=丁.xlsx", "项目 (2) & 副本.xlsx", "收件箱(2023)&备份", "50%!^&().xlsx"]


def drop_on_script(dropped: list[str], programs=None, exists=(EXE,)):
    """Run the drag-and-drop script on `dropped` as Explorer starts it; `programs`: name → exit code of
    what is installed (default: excel-eval, succeeding)."""
    line, args = explorer_start(SCRIPT_PATH, dropped, ENV)
    installed = {"excel-eval": 0} if programs is None else programs
    return Batch(DROP.read_bytes().decode(), SCRIPT_PATH, args, ENV, cmdcmdline=line, exists=set(exists),
                 programs=installed)(), args


def _drop_started(run):
    (started,) = [s for s in run.started if "drop" in s.argv]
    return started


@pytest.mark.parametrize("names", [[n] for n in HOSTILE] + [HOSTILE], ids=lambda n: "+".join(n))
def test_names_dropped_in_explorer_reach_excel_eval_whole(names):
    dropped = [rf"C:\收件\{n}" for n in names]
    run, args = drop_on_script(dropped)
    started = _drop_started(run)
    assert started.argv[:2] == [EXE, "drop"]
    recovered = cli.launched_paths(started.env[cli.LAUNCH_LINE], started.env[cli.LAUNCH_SCRIPT])
    assert recovered == [Path(p) for p in dropped]
    assert run.paused and run.hard_exit and run.exit_code == 0


def test_the_model_shows_why_the_arguments_alone_would_not_do():
    """cmd cuts R&D.xlsx at the &, drops the ^ and splits at a comma before the script sees anything."""
    _, args = drop_on_script([r"C:\收件\R&D.xlsx"])
    assert args == [r"C:\收件\R"]
    _, args = drop_on_script([r"C:\收件\x^y.xlsx", r"C:\收件\甲,乙.xlsx"])
    assert args == [r"C:\收件\xy.xlsx", r"C:\收件\甲", "乙.xlsx"]


def test_started_from_a_console_the_arguments_are_used():
    """Typed in a console, cmdcmdline is the console's own line, and the user quotes the names."""
    names = [rf"C:\收件\{n}" for n in HOSTILE]
    run = Batch(DROP.read_bytes().decode(), SCRIPT_PATH, [f'"{n}"' for n in names], ENV,
                cmdcmdline='"C:\\WINDOWS\\system32\\cmd.exe" ', exists={EXE}, programs={"excel-eval": 1})()
    started = _drop_started(run)
    assert started.argv[2:] == names
    assert cli.launched_paths(started.env[cli.LAUNCH_LINE], started.env[cli.LAUNCH_SCRIPT]) is None
    assert run.exit_code == 1  # the tool's own exit code


def test_double_clicked_it_starts_drop_with_nothing():
    run, args = drop_on_script([])
    started = _drop_started(run)
    assert args == [] and started.argv == [EXE, "drop"]
    assert cli.launched_paths(started.env[cli.LAUNCH_LINE], started.env[cli.LAUNCH_SCRIPT]) == []


def test_where_excel_eval_is_looked_for_and_what_is_said_without_it():
    beside_clone = SCRIPT_PATH.rsplit("\\", 1)[0] + r"\..\.venv\Scripts\excel-eval.exe"
    run, _ = drop_on_script([r"C:\收件\a.xlsx"], exists={beside_clone})
    assert _drop_started(run).argv[0] == beside_clone
    run, _ = drop_on_script([r"C:\收件\a.xlsx"], exists=set(), programs={"py": 0})
    assert _drop_started(run).argv[:4] == ["py", "-m", "excel_eval", "drop"]
    run, _ = drop_on_script([r"C:\收件\a.xlsx"], exists=set(), programs={})
    assert run.exit_code == 9009 and run.paused and "安装.bat" in run.echoed[-1]


def test_the_page_script_starts_the_page_and_stays_open_on_failure():
    for code, paused in ((0, False), (2, True)):
        run = Batch(PAGE.read_bytes().decode(), r"C:\桌面\excel-eval-网页.bat", [], ENV, cmdcmdline="",
                    exists={EXE}, programs={"excel-eval": code})()
        assert [s.argv for s in run.started] == [[EXE, "gui"]]
        assert (run.exit_code, run.paused, run.hard_exit) == (code, paused, True)


def test_the_model_refuses_what_it_does_not_know():
    with pytest.raises(Unsupported):
        Batch(OLD_DROP_SCRIPT.decode(), SCRIPT_PATH, [], ENV, cmdcmdline="")()


def test_the_scripts_agree_with_each_other_and_with_the_tool():
    def block(path: Path) -> str:
        text = path.read_bytes().decode()
        return text[text.index(":find_excel_eval"):text.index(":found_excel_eval")]

    assert block(DROP) == block(PAGE)  # one search for excel-eval, written twice
    install = INSTALL_BAT.read_bytes().decode()
    assert r'set "EXCEL_EVAL_HOME=%LOCALAPPDATA%\excel-eval"' in install
    assert r"%LOCALAPPDATA%\excel-eval\Scripts\excel-eval.exe" in block(DROP)  # found where it is installed
    drop = DROP.read_bytes().decode()
    assert f'set "{cli.LAUNCH_SCRIPT}=%~f0"' in drop and f'set "{cli.LAUNCH_LINE}=!cmdcmdline!"' in drop


# --- the Python side of the drop: excel-eval drop -----------------------------------------------------

def test_drop_reads_the_launch_line_and_runs_files_and_folders(tmp_path):
    import shutil
    names = ["R&D.xlsx", "自评表(1).xlsx", "100%.xlsx", "a!b^c.xlsx", "甲 乙.xlsx"]
    for name in names:
        shutil.copy(SAMPLES / "示例_无错误.xlsx", tmp_path / name)
    inbox = tmp_path / "收件箱(2023)&备份"
    inbox.mkdir()
    shutil.copy(SAMPLES / "示例_无错误.xlsx", inbox / "单位甲.xlsx")
    os.utime(inbox / "单位甲.xlsx", (1e9, 1e9))  # settled long ago
    dropped = [str(tmp_path / n) for n in names] + [str(inbox)]
    script = str(tmp_path / "excel-eval-拖放.bat")
    line = f'C:\\WINDOWS\\system32\\cmd.exe /c ""{script}" ' + " ".join(f'"{p}"' if " " in p else p for p in dropped) + '"'
    env = {**os.environ, cli.LAUNCH_LINE: line, cli.LAUNCH_SCRIPT: script}
    r = subprocess.run([sys.executable, "-m", "excel_eval", "drop", str(tmp_path / "R")], capture_output=True,
                       text=True, env=env)  # the argument as cmd cut it: ignored, the line is whole
    assert r.returncode == 0, r.stdout + r.stderr
    for name in names:
        stem = name.removesuffix(".xlsx")
        assert (tmp_path / f"{stem}_评价结果.xlsx").exists() and (tmp_path / f"{stem}_自评报告.docx").exists(), name
    assert (inbox / "评价结果" / "单位甲_评价结果.xlsx").exists() and list((inbox / "评价结果").glob("汇总_*.xlsx"))
    ending = r.stdout.rsplit("-" * 40, 1)[1]
    assert "完成，没有“错误”级问题" in ending and "“_评价结果.xlsx”（评价结果" in ending
    assert "“_自评报告.docx”（自评报告草稿）" in ending and "汇总表" in ending


def test_drop_says_why_when_not_done_and_how_to_use_it_when_given_nothing(tmp_path):
    note = tmp_path / "说明.txt"
    note.write_text("不是工作簿", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "excel_eval", "drop", str(note)], capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k not in (cli.LAUNCH_LINE, cli.LAUNCH_SCRIPT)})
    assert r.returncode == 3 and "未全部完成（退出码 3：文件无法读取），原因见上方" in r.stdout
    assert "说明.txt：不是 Excel 工作簿" in r.stderr
    r = subprocess.run([sys.executable, "-m", "excel_eval", "drop"], capture_output=True, text=True)
    assert r.returncode == 2 and "没有收到要处理的文件。用法：把一个或多个工作簿" in r.stdout


@pytest.mark.parametrize("line, paths", [
    (r'C:\WINDOWS\system32\cmd.exe /c ""C:\桌面\excel-eval-拖放.bat" C:\收\R&D.xlsx "C:\收\a b.xlsx""',
     [r"C:\收\R&D.xlsx", r"C:\收\a b.xlsx"]),
    (r'cmd /c ""C:\桌面\EXCEL-EVAL-拖放.BAT" "', []),  # double-clicked; case as Windows pleases
    (r'C:\WINDOWS\system32\cmd.exe /c ""C:\桌面\excel-eval-拖放.bat" \\服务器\共享\表.xlsx"', [r"\\服务器\共享\表.xlsx"]),
    (r'"C:\WINDOWS\system32\cmd.exe" ', None),  # a console's own line
    (r'C:\WINDOWS\system32\cmd.exe /c ""C:\其他\别的.bat" C:\收\a.xlsx"', None),  # another script's start
    ("", None),
])
def test_launched_paths(line, paths):
    result = cli.launched_paths(line, r"C:\桌面\excel-eval-拖放.bat")
    assert result == (None if paths is None else [Path(p) for p in paths])


# --- the offline bundle -------------------------------------------------------------------------------

def bundle_module():
    spec = importlib.util.spec_from_file_location("offline_bundle", SCRIPTS / "offline-bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_ships_the_runtime_dependencies_of_pyproject_and_nothing_for_tests():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    bundle = bundle_module()
    assert bundle.requirements() == project["dependencies"]
    assert not {r.split(">")[0] for r in bundle.requirements()} & {"pytest", "pytest-xdist", "hypothesis", "playwright"}
    assert bundle.PYTHONS[0] == project["requires-python"].removeprefix(">=") and bundle.PYTHONS[-1] == "3.13"


def test_the_bundle_downloads_binary_wheels_for_every_target(tmp_path, capsys):
    bundle = bundle_module()
    assert bundle.main([str(tmp_path / "包"), "--dry-run"]) == 0
    commands = [line.split() for line in capsys.readouterr().out.splitlines() if " -m pip " in line]
    assert commands[0][3:] == ["wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path / "包" / "wheels"), str(ROOT)]
    targets = set()
    for command in commands[1:]:
        assert command[3] == "download" and "--only-binary=:all:" in command
        python = command[command.index("--python-version") + 1]
        assert command[command.index("--abi") + 1] == "cp" + python.replace(".", "")
        platforms = tuple(command[i + 1] for i, word in enumerate(command) if word == "--platform")
        targets.add((python, platforms))
        assert set(bundle.requirements()) | {"pip"} <= set(command)
    assert targets == {(p, tags) for p in ("3.11", "3.12", "3.13") for tags in (("win_amd64",), bundle.LINUX_TAGS)}
    assert {"manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"} <= set(bundle.LINUX_TAGS)
    assert not (tmp_path / "包").exists()


def fake_wheel(folder: Path, name: str, version: str, requires=(), files=None, scripts=None) -> Path:
    """A wheel written by hand (RECORD with real hashes): what pip needs, nothing from the network."""
    dist = f"{name}-{version}.dist-info"
    files = dict(files or {f"{name}/__init__.py": ""})
    files[f"{dist}/METADATA"] = "".join([f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
                                         *(f"Requires-Dist: {r}\n" for r in requires)])
    files[f"{dist}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    if scripts:
        files[f"{dist}/entry_points.txt"] = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())

    def digest(data: bytes) -> str:
        return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

    record = "".join(f"{p},sha256={digest(t.encode())},{len(t.encode())}\n" for p, t in files.items()) + f"{dist}/RECORD,,\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as z:
        for p, t in {**files, f"{dist}/RECORD": record}.items():
            z.writestr(p, t)
    return path


def test_a_dependency_only_the_target_needs_is_found(tmp_path):
    """pip judges `; platform_system == "Windows"` by the machine it runs on: the bundle judges it by the target."""
    bundle = bundle_module()
    fake_wheel(tmp_path, "click", "8.1", ['colorama; platform_system == "Windows"', "numpy>=1.2",
                                          'pytest; extra == "test"', 'tomli; python_version < "3.11"'])
    fake_wheel(tmp_path, "numpy", "2.0")
    wheels = sorted(tmp_path.glob("*.whl"))
    assert bundle.missing(wheels, "3.12", "windows") == {"colorama"}
    assert bundle.missing(wheels, "3.12", "linux") == set()


def test_the_linux_install_script_installs_with_no_network(tmp_path):
    """install.sh on a bundle of a stand-in excel-eval and pip's own wheel (from ensurepip), pip pointed at
    nothing: a virtual environment made without ensurepip, pip from its wheel, the command linked."""
    import ensurepip
    import shutil
    wheels = tmp_path / "包" / "wheels"
    wheels.mkdir(parents=True)
    (pip_wheel,) = (Path(ensurepip.__file__).parent / "_bundled").glob("pip-*.whl")
    shutil.copy(pip_wheel, wheels)
    fake_wheel(wheels, "excel_eval", "9.9", files={"excel_eval/__init__.py": "def main():\n    print('excel-eval 9.9')\n"},
               scripts={"excel-eval": "excel_eval:main"})
    shutil.copy(INSTALL_SH, tmp_path / "包")
    home, bin_ = tmp_path / "家" / "excel-eval", tmp_path / "家" / "bin"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "家"), "LANG": "C.UTF-8", "EXCEL_EVAL_HOME": str(home),
           "EXCEL_EVAL_BIN": str(bin_), "EXCEL_EVAL_PYTHON": sys.executable, "PIP_CONFIG_FILE": os.devnull,
           "PIP_INDEX_URL": "http://127.0.0.1:9/"}
    r = subprocess.run(["sh", str(tmp_path / "包" / "install.sh")], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "excel-eval 9.9" in r.stdout and "安装完成" in r.stdout
    assert subprocess.run([str(bin_ / "excel-eval")], capture_output=True, text=True, env=env).stdout == "excel-eval 9.9\n"
    r = subprocess.run(["sh", str(tmp_path / "包" / "install.sh")], capture_output=True, text=True,
                       env={**env, "EXCEL_EVAL_PYTHON": str(tmp_path / "没有这个python")})
    assert r.returncode == 1 and "没有找到 Python 3.11、3.12 或 3.13" in r.stderr


def test_the_windows_install_script_installs_from_the_bundle_only():
    text = INSTALL_BAT.read_bytes().decode()
    assert '%EXCEL_EVAL_PY% -m venv --clear "%EXCEL_EVAL_HOME%"' in text
    assert ('"%EXCEL_EVAL_HOME%\\Scripts\\python.exe" -m pip install --quiet --no-index --find-links '
            '"%EXCEL_EVAL_HERE%wheels" --upgrade excel-eval') in text
    assert all(f"py -{v} " in text for v in bundle_module().PYTHONS)
    for name in ("excel-eval-拖放.bat", "excel-eval-网页.bat"):  # copied to the desktop from the bundle
        assert f'copy /y "%EXCEL_EVAL_HERE%{name}" "%EXCEL_EVAL_DESKTOP%\\{name}"' in text
        assert SCRIPTS / name in bundle_module().BUNDLE_FILES
