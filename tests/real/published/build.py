"""The published self-evaluation tables of `tables/`, written as the workbooks their units filed.

Each module in `tables/` is one table a unit published, transcribed cell for cell from its public
page (the module names its title and address), mistakes included, with the totals and the
contradictions a careful reviewer works out by hand (`EXPECTED`). `python tests/real/published/build.py
DIR` writes every table into DIR as an .xlsx; the tests build them into a temporary folder.
"""

from __future__ import annotations

import runpy
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
TABLES = HERE / "tables"


@dataclass
class Published:
    key: str  # the module's name: a01_jishan_medical_insurance
    source: dict
    family: str
    sheets: list
    expected: list[dict]

    @property
    def file_name(self) -> str:
        return f"{self.key}.xlsx"


def tables() -> list[Published]:
    out = []
    for path in sorted(TABLES.glob("*.py")):
        m = runpy.run_path(str(path))
        out.append(Published(path.stem, m["SOURCE"], m["FAMILY"], m["SHEETS"], m["EXPECTED"]))
    return out


def build(out: Path) -> list[Path]:
    from excel_eval.samples import write_form

    out.mkdir(parents=True, exist_ok=True)
    return [write_form(out / t.file_name, t.sheets) for t in tables()]


if __name__ == "__main__":
    for p in build(Path(sys.argv[1] if len(sys.argv) > 1 else "published")):
        print(p)
