"""The unit's 自评报告 (.docx, or a PDF with a text layer) read beside its 自评表: `read.py` reads it
with its places, `figures.py` declares the phrasings of the figures it states, `verify.py` checks
them against each other and against the workbook (the W rules of rules.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .. import rules
from ..findings import by_weight
from ..naming import is_own_output
from ..package import ReadError
from ..result import Result
from ..rules import Selection
from ..triage import Source
from .read import REPORT_NAMES, Report, ReportKind, read_report, report_kind

__all__ = ["REPORT_NAMES", "Report", "pair_inputs", "read_report", "report_kind", "report_result", "with_report"]

# Words a file name adds to the project's name, left out when names are matched.
_NAME_WORDS = re.compile(r"绩效自评报告|绩效自评表|自评报告|自评表|评价报告|评价表|绩效|报告|[_\-—\s()（）【】\[\].]+")


def report_result(source: Source, selection: Selection) -> Result:
    """A 自评报告 given alone: checked against itself; a Result with the report and no model."""
    from .verify import report_findings

    try:
        report = read_report(source)
    except ReadError as exc:
        return Result(source, failure=exc.kind, reason=str(exc))
    return Result(source, findings=by_weight(report_findings(report, None, selection)), report=source.path.name)


def with_report(results: list[Result], source: Source, selection: Selection) -> list[Result]:
    """Each readable project of a workbook with the findings of its 自评报告 among its own."""
    from .verify import report_findings

    try:
        report = read_report(source)
    except ReadError as exc:
        unread = rules.REPORT_UNREADABLE(None, file=source.path.name, reason=str(exc))
        return [replace(r, findings=by_weight([*r.findings, *selection.keep([unread])]), report=source.path.name)
                if r.ok else r for r in results]
    marked = source if report.kind is ReportKind.DOCX else None  # a .docx gets its marked copy
    return [replace(r, findings=by_weight([*r.findings, *report_findings(report, r, selection)]),
                    report=source.path.name, report_source=marked) if r.ok else r for r in results]


def is_report(path: Path) -> bool:
    return report_kind(Source.of(path)) is not None


PROJECT_MATCH = 6  # characters of a project's name a report and a workbook must share to be paired by it


def pair_inputs(paths: list[Path]) -> tuple[list[tuple[Path, Path | None]], list[Path]]:
    """The workbooks given, each with the 自评报告 given for it (by content, not extension), and
    the reports no workbook was found for. A report goes with the workbook whose name it shares
    once the words a file name adds are left out (`XX项目自评表.xlsx`, `XX项目自评报告.docx`); then,
    for those left, with the workbook whose project (its 项目名称, or its name) the report's name
    or title shares the longest run of characters of (at least PROJECT_MATCH, and no other workbook
    as many); one workbook and one report given together are a pair whatever their names."""
    reports = [p for p in paths if not is_own_output(p) and is_report(p)]  # (our own draft is no unit's report)
    workbooks = [p for p in paths if p not in reports]
    paired: dict[Path, Path] = {}
    for report in reports:
        key = _name_key(report)
        match = [w for w in workbooks if w not in paired and key and (key in _name_key(w) or _name_key(w) in key)
                 and _name_key(w)]
        if len(match) == 1:
            paired[match[0]] = report
    if len(reports) == 1 and len(workbooks) == 1:
        paired = {workbooks[0]: reports[0]}
    left = [r for r in reports if r not in paired.values()]
    free = [w for w in workbooks if w not in paired]
    if left and free:
        projects = {w: _name_key(w) + "|" + _project(w) for w in free}
        for report in list(left):
            said = _name_key(report) + "|" + _title(report)
            scores = sorted(((_shared(projects[w], said), w) for w in free if w not in paired), reverse=True)
            if scores and scores[0][0] >= PROJECT_MATCH and (len(scores) == 1 or scores[1][0] < scores[0][0]):
                paired[scores[0][1]] = report
                left.remove(report)
    return [(w, paired.get(w)) for w in workbooks], left


def _name_key(path: Path) -> str:
    return _NAME_WORDS.sub("", path.stem)


def _shared(a: str, b: str) -> int:
    from difflib import SequenceMatcher  # noqa: PLC0415

    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _project(workbook: Path) -> str:
    """The 项目名称 a workbook gives ("" when it cannot be read)."""
    from ..keys import Key  # noqa: PLC0415
    from ..reader import read_projects  # noqa: PLC0415

    try:
        return "|".join(r.model.info.text(Key.PROJECT) for r in read_projects(Source.of(workbook))
                        if r.model.info is not None)
    except (ReadError, OSError):
        return ""


def _title(report: Path) -> str:
    """A report's first paragraphs (its title names the project)."""
    try:
        return "|".join(p.text[:80] for p in read_report(Source.of(report)).paragraphs[:8])
    except (ReadError, OSError):
        return ""
