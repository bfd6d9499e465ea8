"""`excel-eval fix`: the rounds of fixing a workbook and checking it again (the writer edits the
package: writer/corrected.py).

Which findings are fixed is the rule's declaration (`Rule.fix`): the safe ones always, the score
ones only when asked (`scores=True`); typed facts and judgments never. A fix can make another
visible (a section's 得分 corrected, its 扣分 is then off), so the workbook is checked again after
each round of fixes until nothing fixable is left; the changes listed are the net ones (a cell
changed and changed back is no change).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from .findings import Finding, Fix, Rule
from .model import col_index
from .naming import corrected_path
from .pipeline import evaluate_all
from .result import Result
from .vocab import FixKind
from .writer.corrected import ZIP_FORMAT, Book, Change, Correction, write_corrected
from .writer.marked import BROKEN

MAX_ROUNDS = 6  # fixes that reveal fixes: a sum's row, then the sum, then what repeats it


def fix_workbook(source: str | os.PathLike | bytes, out_dir: str | os.PathLike | None = None, *,
                 scores: bool = False, dry_run: bool = False, name: str | None = None,
                 path: Path | None = None, results: list[Result] | None = None) -> Correction:
    """Correct a workbook where arithmetic decides, into `<name>_已更正.xlsx` beside it (or in
    `out_dir`, or at `path`); the input is only read, no existing file is written over (an
    existing name gets `(1)`, …), and nothing is written when there is nothing to change. Safe
    fixes always; score fixes with `scores`; `dry_run` writes nothing. `results`: the workbook's
    evaluation with every rule, when the caller has it. Returns the Correction: `changes`, `left`
    (the findings of the corrected workbook, for a person), `written` (the file, or None;
    `possible` is false for .xls/.ods, `file_format` says which)."""
    correction = correct(source, scores=scores, name=name, results=results)
    if dry_run or not correction.possible or not correction.changes:
        return correction
    if path is None:
        if out_dir is None and not isinstance(source, (str, os.PathLike)):
            raise ValueError("a workbook given as bytes needs out_dir")
        path = corrected_path(correction.path, Path(out_dir) if out_dir is not None else None)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_corrected(correction, path)
    return correction


def correct(source: str | os.PathLike | bytes, *, scores: bool = False, name: str | None = None,
            results: list[Result] | None = None) -> Correction:
    """Fix one workbook in memory: the changes, what is left, the corrected package. `results`:
    the workbook's evaluation when the caller has it already (every rule selected)."""
    kinds = frozenset({FixKind.SAFE, FixKind.SCORE} if scores else {FixKind.SAFE})
    results = results if results is not None else evaluate_all(source, name=name)
    readable = [r for r in results if r.ok]
    correction = Correction(results[0].path, kinds, results=results)
    if not readable:
        return correction
    correction.file_format = readable[0].model.file_format
    if correction.file_format != ZIP_FORMAT:
        correction.left = [f for r in readable for f in r.findings]
        return correction
    try:
        origin = readable[0].source
        book = Book(origin.read())
    except BROKEN:
        correction.file_format = ""  # a package that cannot be edited: said as the marked copy's
        correction.left = [f for r in readable for f in r.findings]
        return correction
    first: dict[tuple[str, str], tuple[bytes, str]] = {}  # a changed cell: its original element, and shown value
    last: dict[tuple[str, str], tuple[str, Rule, str]] = {}
    for _ in range(MAX_ROUNDS):
        fixes = [(f, x) for r in readable for f in r.findings if f.rule.fix in kinds for x in f.fixes]
        done = []
        for f, x in fixes:
            key = (x.loc.sheet, x.loc.cell)
            original = book.element(*key)
            written = book.set(x)
            if written is None:
                continue
            first.setdefault(key, (original, _was(f, x, book.shown(original))))
            last[key] = (_now(f, x), f.rule, written)
            done.append(key)
        if not done:
            break
        book.recalculate(done)
        readable = [r for r in evaluate_all(book.package(), name=correction.path.name) if r.ok]
    for key, (original, was) in first.items():
        if book.element(*key) == original:
            continue  # changed and changed back
        now, rule, formula = last[key]
        correction.changes.append(Change(key[0], key[1], was, now, rule, formula))
    correction.changes.sort(key=lambda c: (c.sheet, _row_col(c.cell)))
    if book.stale and correction.changes:
        book.calculate_on_opening()
    correction.results = readable
    correction.left = [f for r in readable for f in r.findings]
    correction.source = replace(origin, data=book.package() if correction.changes else origin.read(), package=None)
    return correction


def _was(f: Finding, x: Fix, shown: str) -> str:
    return x.was or (f.actual if len(f.fixes) == 1 and f.actual else shown)


def _now(f: Finding, x: Fix) -> str:
    if x.now:
        return x.now
    if len(f.fixes) == 1 and f.expected:
        return f.expected
    return x.value if isinstance(x.value, str) else f"{x.value:g}"


def _row_col(ref: str) -> tuple[int, int]:
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()
    return int(row), col_index(col)



__all__ = ["correct", "fix_workbook"]
