"""Every workbook the tool writes: the results workbook, the marked-up copy of the input, the
batch summary and the standard template. Each is written atomically."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..pipeline import Result
from .marked import write_marked
from .results import write_results

RESULTS_SUFFIX = "_评价结果"
MARKED_SUFFIX = "_标注"
REPORT_SUFFIX = "_自评报告"


def is_own_output(path: Path) -> bool:
    """A file this tool wrote: a results workbook, a marked-up copy, a report (also under an
    alternate name such as `…_评价结果(1).xlsx`) or a batch summary."""
    from .summary import SUMMARY_PREFIX

    stem = re.sub(r"\(\d+\)$", "", path.stem)
    return stem.endswith((RESULTS_SUFFIX, MARKED_SUFFIX, REPORT_SUFFIX)) or path.stem.startswith(SUMMARY_PREFIX)


_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def output_paths(source: Path, out_dir: Path | None = None, part: str = "") -> dict[str, Path]:
    """Where the outputs of `source` go: beside it, or in `out_dir`. `part` is the sheet of one
    project of a workbook holding several (部门导出.xlsx → 部门导出_项目甲_评价结果.xlsx)."""
    folder = out_dir or source.parent
    stem = source.stem + (f"_{_NOT_IN_FILE_NAMES.sub('_', part)}" if part else "")
    # 原表.xls or 原表.ods beside 原表.xlsx must not overwrite its results: 原表_xls_评价结果.xlsx
    kind = source.suffix.lower().lstrip(".")
    tag = f"_{kind}" if kind not in ("xlsx", "") else ""
    return {"results": folder / f"{stem}{tag}{RESULTS_SUFFIX}.xlsx",
            "marked": folder / f"{stem}{MARKED_SUFFIX}{source.suffix}",
            "report": folder / f"{stem}{tag}{REPORT_SUFFIX}.docx"}


def write_outputs(result: Result, out_dir: str | os.PathLike | None = None, *, mask: bool = True,
                  report: bool = True) -> dict[str, Path]:
    """Write the outputs of a readable workbook; the input is only read.

    Returns the files written by kind: `results` always, `marked` unless the input cannot be
    copied with marks (a legacy .xls), `report` (the 自评报告 draft, .docx) unless `report` is
    false or no score could be computed. `out_dir` is made if it does not exist. An output open
    in another program is written under a new name, never lost: the name returned is the one
    written. `mask` hides personal data (负责人, 联系电话). A workbook given as bytes needs `out_dir`.
    """
    if not result.ok:
        raise ValueError(f"{result.path.name} could not be read: {result.reason}")
    if out_dir is None and result.source.data is not None:
        raise ValueError("a workbook given as bytes needs out_dir")
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    wanted = output_paths(result.path, Path(out_dir) if out_dir is not None else None, result.part)
    marked = write_marked(result, wanted["marked"])  # first: the results link to its cells
    results = write_results(result, wanted["results"], marked.name if marked else "", mask)
    written = {"results": results, **({"marked": marked} if marked else {})}
    if report and result.scores is not None:
        from .report import write_report  # the report's modules load only when one is written

        written["report"] = write_report(result, wanted["report"], mask)
    return written


__all__ = ["MARKED_SUFFIX", "REPORT_SUFFIX", "RESULTS_SUFFIX", "output_paths", "write_outputs", "write_marked", "write_results"]
