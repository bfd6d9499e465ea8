#!/usr/bin/env python3
"""Build the offline bundle: every wheel excel-eval needs, for Windows and Linux, in one folder with
its install scripts, so that a PC on an office intranet installs with no network at all.

    python scripts/offline-bundle.py [目录] [--here] [--zip] [--dry-run]

Run it on a machine that reaches PyPI; copy the folder (or, with --zip, the one .zip) to the intranet
PC and run 安装.bat (Windows) or install.sh (Linux) there. The bundle holds:

- wheels/: the tool's own wheel, and every runtime dependency of pyproject.toml (not the test ones),
  with theirs, for Windows (win_amd64) and Linux (manylinux x86_64, glibc 2.17 to 2.28: 统信UOS and
  麒麟 are 2.28) for each supported Python (3.11, 3.12, 3.13); and pip's own wheel;
- 安装.bat, install.sh: make a virtual environment and `pip install --no-index --find-links wheels`;
- the two Windows scripts (拖放 and 网页) and 说明.txt.

`--here` downloads for this machine's platform and Python only (a quick real check: the README says
how). `--dry-run` prints the pip commands instead of running them. Standard library and pip only.
"""

from __future__ import annotations

import email.parser
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.11", "3.12", "3.13")  # from requires-python (>=3.11) up to the newest the tests run on
# pip matches a manylinux tag exactly (only manylinux2014 stands for the older ones too): name each glibc.
LINUX_TAGS = (*(f"manylinux_2_{minor}_x86_64" for minor in range(28, 16, -1)), "manylinux2014_x86_64")
PLATFORMS = {"windows": ("win_amd64",), "linux": LINUX_TAGS}
# What pip's environment markers (`colorama; platform_system == "Windows"`) see on each target: pip
# itself judges them by the machine it runs on, so a bundle built on Linux would miss Windows-only needs.
MARKERS = {"windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64"},
           "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                     "platform_machine": "x86_64"}}
SCRIPTS = ROOT / "scripts"
BUNDLE_FILES = [SCRIPTS / "offline" / "安装.bat", SCRIPTS / "offline" / "install.sh", SCRIPTS / "offline" / "说明.txt",
                SCRIPTS / "excel-eval-拖放.bat", SCRIPTS / "excel-eval-网页.bat"]


def requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The runtime dependencies, exactly as pyproject.toml declares them (the test extra is not shipped)."""
    return list(tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"])


def version() -> str:
    namespace: dict = {}
    exec((ROOT / "excel_eval" / "_version.py").read_text("utf-8"), namespace)  # noqa: S102 (our own file)
    return namespace["__version__"]


def download_command(wanted: list[str], folder: Path, python: str | None, system: str | None) -> list[str]:
    """`pip download` of binary wheels only, for one Python and one system (None: this machine's)."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", str(folder)]
    if python:
        command += ["--python-version", python, "--implementation", "cp", "--abi", "cp" + python.replace(".", "")]
    for tag in PLATFORMS[system] if system else ():
        command += ["--platform", tag]
    return command + wanted


def missing(wheels: list[Path], python: str, system: str) -> set[str]:
    """Requirements the wheels declare for the target (markers judged as the target would) that no wheel
    among them provides: what pip left out because it judged a marker by this machine."""
    from pip._vendor.packaging.requirements import Requirement  # pip's own copy: nothing else to install

    environment = {**MARKERS[system], "python_version": python, "python_full_version": python + ".0",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}
    have = {canonical(w.name.split("-")[0]) for w in wheels}
    needed = set()
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as z:
            name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
            metadata = email.parser.Parser().parsestr(z.read(name).decode("utf-8"))
        for line in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if canonical(requirement.name) in have:
                continue
            if requirement.marker is None or requirement.marker.evaluate(environment):
                requirement.marker = None
                needed.add(str(requirement))
    return needed


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def run(command: list[str], dry_run: bool) -> None:
    if dry_run:
        print(" ".join(command), flush=True)
        return
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"下载失败（pip 退出码 {done.returncode}）：请在能访问 PyPI 的电脑上运行。pip 的输出：\n{done.stderr[-3000:]}")


def download(target: Path, python: str | None, system: str | None, dry_run: bool) -> None:
    """One target's wheels into `target`: the requirements, then whatever the target's markers add, until
    nothing new is needed."""
    wanted = sorted({*requirements(), "pip"})  # pip: install.sh makes a venv without ensurepip (Debian lacks it)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        while True:
            run(download_command(wanted, folder, python, system), dry_run)
            if dry_run or system is None:  # this machine: pip judged the markers right itself
                break
            more = missing(sorted(folder.glob("*.whl")), python, system)
            if not more:
                break
            print(f"  {system} 另需（pip 在本机按本机判断而略去的）：{'、'.join(sorted(more))}", flush=True)
            wanted = sorted({*wanted, *more})
        for wheel in folder.glob("*.whl"):
            if not (target / wheel.name).exists():
                shutil.move(str(wheel), target / wheel.name)


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(args: list[str]) -> int:
    flags = {a for a in args if a.startswith("--")}
    unknown = flags - {"--here", "--zip", "--dry-run"}
    if unknown or len(args) - len(flags) > 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    dry_run = "--dry-run" in flags
    name = f"excel-eval-{version()}-离线安装包" + ("-本机" if "--here" in flags else "")
    bundle = Path(next((a for a in args if not a.startswith("--")), name))
    wheels = bundle / "wheels"
    if not dry_run:
        if bundle.exists():
            shutil.rmtree(bundle)
        wheels.mkdir(parents=True)
    print(f"离线安装包：{bundle}", flush=True)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)], dry_run)
    if "--here" in flags:
        targets = [(None, None)]
    else:
        targets = [(python, system) for system in PLATFORMS for python in PYTHONS]
    for python, system in targets:
        print(f"下载 {system or '本机'} Python {python or '.'.join(map(str, sys.version_info[:2]))} 的 wheel", flush=True)
        download(wheels, python, system, dry_run)
    if dry_run:
        return 0
    for file in BUNDLE_FILES:
        shutil.copy2(file, bundle / file.name)
    count = len(list(wheels.glob("*.whl")))
    print(f"完成：{bundle}，{count} 个 wheel，共 {size(bundle) / 1e6:.0f} MB")
    if "--zip" in flags:
        archive = shutil.make_archive(str(bundle), "zip", bundle.parent, bundle.name)
        print(f"压缩包：{archive}（{Path(archive).stat().st_size / 1e6:.0f} MB）")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
