"""Every workbook the tool writes: the results workbook, the marked-up copy of the input, the
batch summary and the standard template. Each is written atomically."""

from __future__ import annotations

import os
from pathlib import Path

from ..naming import CORRECTED_SUFFIX, MARKED_SUFFIX, REPORT_SUFFIX, RESULTS_SUFFIX, is_own_output, output_paths
from ..result import Result
from .marked import write_marked
from .results import write_results


def write_outputs(result: Result, out_dir: str | os.PathLike | None = None, *, mask: bool = True,
                  report: bool = True, paths: dict[str, Path] | None = None) -> dict[str, Path]:
    """Write the outputs of a readable workbook; the input is only read.

    Returns the files written by kind: `results` always, `marked` unless the input cannot be
    copied with marks (a legacy .xls), `report` (the 自评报告 draft, .docx) unless `report` is
    false or no score could be computed, and `report_marked` (the unit's own 自评报告 with a Word
    comment at each figure a finding is about) when the workbook was read with a .docx report. `out_dir` is made if it does not exist. An output open
    in another program is written under a new name, never lost: the name returned is the one
    written. `mask` hides personal data (负责人, 联系电话). A workbook given as bytes needs `out_dir`.
    `paths` gives the names to write (naming.Claims); by default naming.output_paths.
    """
    if not result.ok:
        raise ValueError(f"{result.path.name} could not be read: {result.reason}")
    if out_dir is None and result.source.data is not None:
        raise ValueError("a workbook given as bytes needs out_dir")
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    report_path = result.report_source.path if result.report_source is not None else None
    wanted = paths or output_paths(result.path, Path(out_dir) if out_dir is not None else None, result.tag, report_path)
    marked = write_marked(result, wanted["marked"])  # first: the results link to its cells
    results = write_results(result, wanted["results"], marked.name if marked else "", mask)
    written = {"results": results, **({"marked": marked} if marked else {})}
    if report and result.scores is not None:
        from .report import write_report  # the report's modules load only when one is written

        written["report"] = write_report(result, wanted["report"], mask)
    if result.report_source is not None and "report_marked" in wanted:  # the unit's own 自评报告, commented
        from .marked_report import write_marked_report

        marked_report = write_marked_report(result, wanted["report_marked"])
        if marked_report is not None:
            written["report_marked"] = marked_report
    return written


def __getattr__(name: str):
    """The corrected copy's writer (`fix`) loads when first asked for, not with every run's outputs."""
    if name in ("Correction", "write_corrected"):
        from . import corrected

        return getattr(corrected, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CORRECTED_SUFFIX", "Correction", "MARKED_SUFFIX", "REPORT_SUFFIX", "RESULTS_SUFFIX", "is_own_output", "output_paths", "write_outputs",
           "write_corrected", "write_marked", "write_results"]
