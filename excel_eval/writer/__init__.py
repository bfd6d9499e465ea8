"""Writers: the results workbook and the marked-up copy of the input."""

from __future__ import annotations

from pathlib import Path

from ..evaluate import Result
from .marked import write_marked
from .results import write_results

RESULTS_SUFFIX = "_评价结果"
MARKED_SUFFIX = "_标注"


def output_paths(source: Path, out_dir: Path | None = None) -> tuple[Path, Path]:
    folder = out_dir or source.parent
    return folder / f"{source.stem}{RESULTS_SUFFIX}.xlsx", folder / f"{source.stem}{MARKED_SUFFIX}{source.suffix}"


def write_outputs(result: Result, out_dir: Path | None = None, mask: bool = True) -> tuple[Path, Path | None]:
    """Write both outputs for a readable workbook; the input is only read. Returns the names
    written: an output open in another program is written under a new name, never lost."""
    results, marked = output_paths(result.path, out_dir)
    marked = write_marked(result, marked)  # None for a legacy .xls: no package to copy with marks
    results = write_results(result, results, marked.name if marked else "", mask)
    return results, marked


__all__ = ["output_paths", "write_outputs", "write_results", "write_marked"]
