"""LibreOffice headless for the tests: convert workbooks with a profile that recalculates on load."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


NEEDED = "apt-get install libreoffice-calc libreoffice-writer fonts-noto-cjk poppler-utils"


def soffice() -> str:
    """LibreOffice, or a skip with the line that installs it; under CI (which installs it, see
    .ci/run) a missing program is a failure, never a silent skip."""
    import os

    import pytest

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    writer = exe and (Path(exe).resolve().parent / "swriter").exists()  # the 自评报告 is converted too
    if exe and writer and shutil.which("pdfinfo"):
        return exe
    message = f"此测试需要 LibreOffice 和 poppler：{NEEDED}（.ci/run 会安装）"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def convert(files: list[Path], fmt: str, outdir: Path) -> list[Path]:
    """Convert with formulas recalculated on load (OOXMLRecalcMode=0); returns the converted files."""
    with tempfile.TemporaryDirectory() as profile:
        (Path(profile) / "user").mkdir()
        (Path(profile) / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
        subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", fmt,
                        "--outdir", str(outdir), *map(str, files)], check=True, capture_output=True, timeout=300)
    ext = fmt.split(":")[0]
    return [outdir / f"{f.stem}.{ext}" for f in files]


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
