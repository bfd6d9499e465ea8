"""What every output is called, decided here and only here: the names of one workbook's outputs,
one name per project of a workbook holding several, and no name given twice in one run."""

from __future__ import annotations

import re
from pathlib import Path

from .text import shown

FORMATS = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",), "ods": (".ods",)}  # a workbook by content → its usual names
WORKBOOK_SUFFIXES = tuple(s for suffixes in FORMATS.values() for s in suffixes)

RESULTS_SUFFIX = "_评价结果"
MARKED_SUFFIX = "_标注"
REPORT_SUFFIX = "_自评报告"
CORRECTED_SUFFIX = "_已更正"  # the officer's own workbook, corrected (`excel-eval fix`): theirs to hand in, so read like any input
SUMMARY_PREFIX = "汇总_"
KINDS = ("results", "marked", "report", "report_marked", "corrected")  # in the order they are written and listed

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_ALTERNATE = re.compile(r"\(\d+\)$")  # 原表_评价结果(1): written under a new name (see files.alternates)


def is_own_output(path: Path) -> bool:
    """A file this tool wrote: a results workbook, a marked-up copy, a report (also under an
    alternate name such as `…_评价结果(1).xlsx`) or a batch summary."""
    stem = _ALTERNATE.sub("", path.stem)
    return stem.endswith((RESULTS_SUFFIX, MARKED_SUFFIX, REPORT_SUFFIX)) or path.stem.startswith(SUMMARY_PREFIX)


def in_file_name(text: str) -> str:
    """`text` with every character a Windows file name cannot hold replaced by `_`."""
    return _NOT_IN_FILE_NAMES.sub("_", text)


def project_tags(sheets: list[str]) -> list[str]:
    """The part of the output names that tells the projects of one workbook apart: "" for a
    workbook of one project, else its sheet — made unique when two would give one name
    (projects stacked on one sheet; sheets `工资<1>` and `工资|1|`): `Sheet1`, `Sheet1_2`, …"""
    if len(sheets) < 2:
        return [""] * len(sheets)
    tags, seen = [], set()
    for sheet in sheets:
        base = in_file_name(sheet) or "工作表"
        tag, n = base, 1
        while tag.casefold() in seen:  # Windows file names do not tell case apart
            n += 1
            tag = f"{base}_{n}"
        seen.add(tag.casefold())
        tags.append(tag)
    return tags


def output_paths(source: Path, out_dir: Path | None = None, tag: str = "", report: Path | None = None) -> dict[str, Path]:
    """Where the outputs of `source` go: beside it, or in `out_dir`. `tag` tells one project of a
    workbook holding several from the others (部门导出.xlsx → 部门导出_项目甲_评价结果.xlsx).
    `report`: the unit's 自评报告 (.docx) read with it, whose marked copy is 报告_标注.docx."""
    folder = out_dir or source.parent
    # (a name no Windows file may have, or bytes that are not UTF-8: the outputs' names are safe)
    stem = in_file_name(shown(source.stem)) + (f"_{tag}" if tag else "")
    # 原表.xls or 原表.ods beside 原表.xlsx must not overwrite its results: 原表_xls_评价结果.xlsx
    kind = source.suffix.lower().lstrip(".")
    mark = f"_{kind}" if kind not in ("xlsx", "") else ""
    marked = ".xlsm" if kind == "xlsm" else ".xlsx"  # a copy of the package: never the name's own suffix (x.html)
    paths = {"results": folder / f"{stem}{mark}{RESULTS_SUFFIX}.xlsx",
             "marked": folder / f"{stem}{MARKED_SUFFIX}{marked}",
             "report": folder / f"{stem}{mark}{REPORT_SUFFIX}.docx"}
    if report is not None and report.suffix.lower() == ".docx":
        paths["report_marked"] = folder / f"{in_file_name(shown(report.stem))}{f'_{tag}' if tag else ''}{MARKED_SUFFIX}.docx"
    return paths


def corrected_path(source: Path, out_dir: Path | None = None) -> Path:
    """`原表_已更正.xlsx` (`.xlsm` kept): one per workbook, whatever its projects; a corrected copy's
    own is not `…_已更正_已更正`."""
    stem = in_file_name(shown(source.stem)).removesuffix(CORRECTED_SUFFIX)
    suffix = ".xlsm" if source.suffix.lower() == ".xlsm" else ".xlsx"
    return (out_dir or source.parent) / f"{stem}{CORRECTED_SUFFIX}{suffix}"


class Claims:
    """The output names one run has given: a second input of the same name (`a/x.xlsx`,
    `b/x.xlsx` into one folder) gets `x(2)_评价结果.xlsx`, never the first one's files."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def paths(self, source: Path, out_dir: Path | None, tag: str = "",
              report: Path | None = None) -> tuple[dict[str, Path], Path | None]:
        """The names for `source`'s outputs, and the results name they would have taken from an
        earlier input of this run (None when they take their own)."""
        first = wanted = output_paths(source, out_dir, tag, report)
        n = 1
        while any(_key(p) in self.taken for p in wanted.values()):
            n += 1
            again = report.with_name(f"{report.stem}({n}){report.suffix}") if report is not None else None
            wanted = output_paths(source.with_name(f"{source.stem}({n}){source.suffix}"), out_dir or source.parent, tag,
                                  again)
        self.taken.update(_key(p) for p in wanted.values())
        return wanted, (first["results"] if wanted is not first else None)

    def one(self, path: Path) -> Path:
        """`path`, or `name(2).xlsx`, … when this run has given it already (the corrected copy,
        one per workbook whatever its projects)."""
        wanted, n = path, 1
        while _key(wanted) in self.taken:
            n += 1
            wanted = path.with_name(f"{path.stem}({n}){path.suffix}")
        self.taken.add(_key(wanted))
        return wanted


def linkable(name: str) -> bool:
    """A name an output may link to: a relative path to one of the tool's own outputs, never a
    UNC share (`\\\\host\\share`), a drive, an absolute path or a URL."""
    return bool(name) and not re.match(r"^(?:[\\/]|[A-Za-z][\w+.-]*:)", name) and "\\" not in name \
        and ".." not in Path(name).parts \
        and (is_own_output(Path(name)) or _ALTERNATE.sub("", Path(name).stem).endswith(CORRECTED_SUFFIX))


def _key(path: Path) -> str:
    return str(path.resolve()).casefold()


__all__ = ["Claims", "CORRECTED_SUFFIX", "KINDS", "corrected_path", "linkable", "MARKED_SUFFIX", "REPORT_SUFFIX", "RESULTS_SUFFIX", "SUMMARY_PREFIX", "in_file_name",
           "is_own_output", "output_paths", "project_tags"]
