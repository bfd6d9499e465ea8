"""The docs cannot drift: every command has help and a README entry; every exit code is documented."""

from typer.main import get_command

from excel_eval import cli, entry
from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_every_command_has_help_and_a_readme_entry():
    group = get_command(cli.app)
    assert set(group.commands) == set(entry.COMMANDS)
    for name, command in group.commands.items():
        assert command.help, name
        assert f"excel-eval {name}" in README, name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"{name} {param.opts}"


def test_every_exit_code_is_documented():
    for code in range(6):
        assert f"| {code} |" in README
    assert "5 输出目录正被另一个批处理使用" in cli.EXIT_HELP


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
              if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts}
    assert source <= names, source - names
