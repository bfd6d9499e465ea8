"""The pipeline: read → score → check. One Result per workbook feeds every reporter."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace

from .checks import run_checks
from .findings import Finding, by_weight, group_findings, sort_findings
from .model import Model
from .naming import project_tags
from .layout import CHANGES_SHEET, section_name
from .reader import Reading, read_projects
from .result import Result
from .rules import Selection
from .schemes import Scheme, load_scheme, pick_scheme
from .scoring import Scores, score
from .triage import ReadError, Source
from .vocab import Failure
from .keys import Key


def evaluate(source: str | os.PathLike | bytes, *, scheme: Scheme | str | os.PathLike | None = None,
             name: str | None = None, skip: str | Iterable[str] = (), only: str | Iterable[str] = (),
             selection: Selection | None = None, paired: str | os.PathLike | None = None) -> Result:
    """Read, score and check one workbook: a path, or its bytes (`name` then names it).

    `scheme` is a Scheme, a built-in scheme's name or a TOML file (default: the one the workbook
    names, else the one its 一级指标 fit; a 自评表 is scored by 自评表). `skip` / `only` take rule
    codes (`"R004,S005"`) and change only which findings are reported, never the scores. A file
    that cannot be read, or a scheme that does not fit it, gives a Result with `failure` and
    `reason`, not an exception; an unknown rule code raises `rules.UnknownRule`, a scheme file
    that cannot be used `schemes.SchemeError`. A workbook holding several 自评表 projects gives
    the first: `evaluate_all` gives every one.

    `paired` is the unit's 自评报告 (.docx or a PDF with text) sent with the workbook: its figures
    are checked against the workbook's and against each other (the W rules), among the findings.
    A 自评报告 given as `source` alone is checked against itself: a Result without a model.
    """
    return evaluate_all(source, scheme=scheme, name=name, skip=skip, only=only, selection=selection,
                        paired=paired)[0]


def evaluate_all(source: str | os.PathLike | bytes, *, scheme: Scheme | str | os.PathLike | None = None,
                 name: str | None = None, skip: str | Iterable[str] = (), only: str | Iterable[str] = (),
                 selection: Selection | None = None, paired: str | os.PathLike | None = None) -> list[Result]:
    """Every project of one workbook, each a Result (as `evaluate`): one for a template-v1
    workbook or a single 自评表, one per sheet for a department's export of several."""
    selection = selection or Selection.of(skip, only)
    chosen = load_scheme(scheme) if scheme is not None else None
    src = Source.of(source, name)
    try:
        readings = read_projects(src)
    except ReadError as exc:
        if exc.kind is Failure.NOT_A_WORKBOOK:  # a Word document or a PDF: perhaps a 自评报告 on its own
            from .reports import report_kind, report_result

            if report_kind(src) is not None:
                return [report_result(src, selection)]
        return [Result(src, failure=exc.kind, reason=str(exc))]
    several = len(readings) > 1
    tags = project_tags([reading.model.sheet for reading in readings])
    results = [_evaluate(reading.source or src, reading, chosen, selection, reading.model.sheet if several else "", tag)
               for reading, tag in zip(readings, tags)]
    if paired is not None:
        from .reports import with_report

        results = with_report(results, Source.of(paired), selection)
    return results


def _evaluate(src: Source, reading: Reading, chosen: Scheme | None, selection: Selection, part: str,
              tag: str) -> Result:
    model = reading.model
    misfit = scheme_misfit(model, chosen) if chosen is not None else ""
    if misfit:
        return Result(src, failure=Failure.SCHEME_MISMATCH, reason=misfit, part=part, tag=tag)
    scores = score(model, chosen or pick_scheme(model))
    own = [f for f in reading.findings if f.loc is None or f.loc.sheet != CHANGES_SHEET]  # a corrected copy's list
    findings = group_findings(sort_findings(selection.keep(own) + run_checks(model, scores, selection)))
    return Result(src, model, scores, by_weight(score_effects(findings, scores)), part=part, tag=tag)


def scheme_misfit(model: Model, scheme: Scheme) -> str:
    """Why `scheme` cannot score this workbook ("" when it can): none of its 一级指标 is one of the
    scheme's, so every section would be scored against weights it does not have."""
    names = [section_name(r.text(Key.LEVEL1)) for r in (model.indicators.rows if model.indicators else [])]
    found = list(dict.fromkeys(n for n in names if n))
    if not found or set(found) & scheme.section_names:
        return ""
    where = f"（工作表“{model.sheet}”）" if model.sheet else ""
    return (f"评分体系“{scheme.name}”不适用于本工作簿{where}：其一级指标为 {'、'.join(found)}，"
            f"而该评分体系的一级指标为 {'、'.join(n for n, _ in scheme.sections)}。"
            "请去掉 --scheme 由工具按表格判断，或选择与表格相符的评分体系")


def score_effects(findings: list[Finding], scores: Scores) -> list[Finding]:
    """Each indicator whose evaluator's score the rules would change gives that change to one
    finding about it (the first), so the effects add up to the gap between the totals."""
    gaps = {}
    for ind in scores.indicators:
        s = ind.self_score
        if s is None or ind.weight is None:
            continue
        if ind.computed is not None:
            gap = ind.computed - s
        elif ind.band is not None:  # qualitative: into the band the wording allows
            low, high = ind.band[0] * ind.weight, ind.band[1] * ind.weight
            gap = min(max(s, low), high) - s
        else:
            continue
        if abs(gap) >= EFFECT_STEP:
            gaps[(ind.row.cells[Key.SCORE].sheet, ind.row.index)] = gap
    out = []
    for f in findings:
        key = (f.loc.sheet, f.loc.row) if f.loc is not None else None
        if f.rule.moves_score and key in gaps:
            f = replace(f, score_effect=gaps.pop(key))
        out.append(f)
    return out


EFFECT_STEP = 0.005  # an effect below what the two-decimal scores show is none
