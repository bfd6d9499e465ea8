"""The docs cannot drift: every command has help and a README entry; every exit code is documented."""

from excel_eval import cli
from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_every_command_and_option_has_help_and_a_readme_entry():
    assert set(cli.COMMANDS) == {"run", "check", "batch", "fix", "gui", "demo", "template", "rules", "help", "drop"}
    for name, command in cli.COMMANDS.items():
        assert command.help, name
        assert f"excel-eval {name}" in README, name
        for option in command.options:
            assert option.help, f"{name} {option.flags}"
            if option is not cli.HELP:
                assert option.flags[0] in README, f"{name} {option.flags[0]} is not in the README"
        for argument in command.arguments:
            assert argument.help, f"{name} {argument.name}"


def test_every_exit_code_is_documented():
    from excel_eval.vocab import ExitCode

    for code in ExitCode:
        assert f"| {code.value} |" in README and f"{code.value} {code.meaning}" in cli.EXIT_HELP
    assert "5 输出目录正被另一个批处理使用" in cli.EXIT_HELP and "6 无法写出结果" in cli.EXIT_HELP


def test_ci_runs_exactly_the_readme_commands():
    """The two set-up commands are fenced blocks under "两条命令"; CI runs the test one as it is written."""
    import re

    section = README[README.index("### 两条命令"):README.index("测试需要的系统程序")]
    demo, tests = re.findall(r"```\n(.+?)\n```", section)
    assert demo.startswith("python3 -m venv .venv && ") and demo.endswith("excel-eval demo")
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert tests in ci and ci[-1] == tests


def test_the_installed_package_has_every_module(tmp_path):
    """`pip install .` (not only the editable install of the tests) carries every subpackage and the schemes."""
    import subprocess
    import sys
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("excel_eval-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "excel_eval").rglob("*")
              if p.suffix in (".py", ".toml", ".html", ".js", ".css", ".txt") and "__pycache__" not in p.parts}
    assert source <= names, source - names
