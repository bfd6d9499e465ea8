"""The one processing step: a source evaluated, its outputs written, each project's outcome.

`run`, `check`, `batch` and the page all call `process` with an `Options`: an option is one field
here, and every front end has it. What an outcome means for the exit code is decided here too
(`Outcome.code`); how it is said is `voice.py`'s.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .naming import WORKBOOK_SUFFIXES, Claims, is_own_output
from .result import Result
from .rules import EVERY_RULE, Selection
from .schemes import Scheme, load_scheme
from .text import os_reason
from .triage import Source
from .vocab import ExitCode, Failure, Severity

if TYPE_CHECKING:
    from .writer.corrected import Correction

OWN_OUTPUT = "本工具写出的结果文件，已跳过"


@dataclass(frozen=True)
class Fixing:
    """What `excel-eval fix` does: the safe fixes always, the score fixes with `scores`; `write`
    off lists the changes only (--dry-run)."""

    scores: bool = False
    write: bool = True


@dataclass(frozen=True)
class Options:
    """How each source is evaluated and what is written of it."""

    scheme: Scheme | None = None  # every workbook scored by this one; None: each by its own
    selection: Selection = EVERY_RULE  # which findings are reported (never the scores)
    out: Path | None = None  # where the outputs go; None: beside each input
    outputs: bool = True  # write the outputs (off: `check`, a summary-only batch)
    report: bool = True  # with the 自评报告 draft (.docx)
    mask: bool = True  # 负责人 and 联系电话 hidden in every output
    fix: Fixing | None = None  # the corrected copy (`_已更正.xlsx`): which fixes, and whether it is written

    @classmethod
    def of(cls, *, scheme: Scheme | str | os.PathLike | None = None, skip: str | Iterable[str] = (),
           only: str | Iterable[str] = (), out: str | os.PathLike | None = None, **fields) -> Options:
        """From what a caller gives: a scheme's name or file, rule codes (`"R004,S005"`), a folder.
        Raises SchemeError for a scheme that cannot be used, UnknownRule for a code no rule has."""
        chosen = load_scheme(scheme) if scheme is not None and not isinstance(scheme, Scheme) else scheme
        selection = fields.pop("selection", None) or Selection.of(skip, only)
        return cls(chosen, selection, Path(out) if out is not None else None, **fields)

    def into(self, out: Path | None) -> Options:
        return replace(self, out=out)


@dataclass(eq=False, repr=False)
class Outcome:
    """One project of a source: what was found, the files written by kind, and why nothing was
    written when that failed."""

    result: Result
    written: dict[str, Path] = field(default_factory=dict)
    wanted: dict[str, Path] = field(default_factory=dict)  # the names asked for (a file open in Excel gets another)
    unwritten: str = ""  # why the outputs could not be written (the system's reason, in Chinese)
    clash: Path | None = None  # the results of another input of this name, which these were not written over
    correction: Correction | None = None  # with Options.fix: the workbook's (every project of it shares one)

    @property
    def skipped(self) -> bool:
        return self.result.failure is Failure.OWN_OUTPUT

    @property
    def renamed(self) -> list[tuple[Path, Path]]:
        """(asked for, written) of each output written under another name."""
        return [(self.wanted[k], p) for k, p in self.written.items() if k in self.wanted and p != self.wanted[k]]

    @property
    def code(self) -> ExitCode:
        """The exit code this outcome stands for; a run exits with the highest of its outcomes'."""
        failure = self.result.failure
        if failure is Failure.OWN_OUTPUT:
            return ExitCode.OK
        if failure is Failure.SCHEME_MISMATCH:  # the run's choice, not the file's fault
            return ExitCode.USAGE
        if failure is not None:
            return ExitCode.UNREADABLE
        if self.unwritten:
            return ExitCode.UNWRITABLE
        if self.correction is not None and self.correction.possible:  # what is left once corrected
            return ExitCode.FINDINGS if any(f.severity is Severity.ERROR for f in self.correction.left) else ExitCode.OK
        return ExitCode.FINDINGS if self.result.count(Severity.ERROR) else ExitCode.OK


def exit_code(outcomes: Iterable[Outcome]) -> ExitCode:
    return max((o.code for o in outcomes), default=ExitCode.OK)


def process(source: str | os.PathLike | bytes, options: Options = Options(), *, name: str | None = None,
            claims: Claims | None = None, paired: str | os.PathLike | None = None) -> list[Outcome]:
    """Evaluate `source` (a path, or bytes under `name`) and write each project's outputs as
    `options` say: one Outcome per project, or one for a file that could not be read. Never
    raises for a file's content or a folder that cannot be written; `claims` keeps the names
    of one run apart (two inputs called x.xlsx into one folder). `paired`: the unit's 自评报告
    sent with the workbook, checked with it (a 自评报告 given as `source` is checked alone and
    writes nothing)."""
    from .pipeline import evaluate_all

    src = Source.of(source, name)
    if src.data is None and is_own_output(src.path):  # a whole folder dropped: never …_评价结果_评价结果.xlsx
        return [Outcome(Result(src, failure=Failure.OWN_OUTPUT, reason=OWN_OUTPUT))]
    outcomes = []
    claims = claims or Claims()
    for result in evaluate_all(source, scheme=options.scheme, selection=options.selection, name=name, paired=paired):
        outcome = Outcome(result)
        if result.ok and options.outputs and not result.report_only:
            _deliver(outcome, options, claims)
        outcomes.append(outcome)
    if options.fix is not None and any(o.result.ok and not o.result.report_only for o in outcomes):  # (a report: no table)
        _correct(source, name, outcomes, options, claims)
    return outcomes


def _correct(source, name: str | None, outcomes: list[Outcome], options: Options, claims: Claims) -> None:
    """The corrected copy of the workbook, one whatever its projects; written unless a dry run.
    Fixes apply whatever rules are selected; they are checked again with every rule."""
    from .fixing import fix_workbook
    from .naming import corrected_path

    results = [o.result for o in outcomes] if options.selection == EVERY_RULE and options.scheme is None else None
    first = outcomes[0]
    path = claims.one(corrected_path(first.result.path, options.out)) if options.fix.write else None
    try:
        correction = fix_workbook(source, scores=options.fix.scores, dry_run=not options.fix.write, name=name,
                                  path=path, results=results)
    except OSError as exc:  # a folder not writable, a full disk
        first.unwritten = first.unwritten or os_reason(exc)
        return
    for outcome in outcomes:
        outcome.correction = correction
    if correction.written is not None:  # (a name taken by an existing file is said by voice.fix_lines)
        first.wanted.setdefault("corrected", correction.written)
        first.written["corrected"] = correction.written


def _deliver(outcome: Outcome, options: Options, claims: Claims) -> None:
    from .writer import write_outputs

    result = outcome.result
    report = result.report_source.path if result.report_source is not None else None
    outcome.wanted, outcome.clash = claims.paths(result.path, options.out, result.tag, report)
    try:
        outcome.written = write_outputs(result, options.out, mask=options.mask, report=options.report,
                                        paths=outcome.wanted)
    except OSError as exc:  # a folder not writable, a full disk: this project fails, the run goes on
        gone = result.source.data is None and not result.path.exists()
        outcome.unwritten = "原文件在处理过程中被删除或移走" if gone else os_reason(exc)


def pair_inputs(paths: list[Path]) -> tuple[list[tuple[Path, Path | None]], list[Path]]:
    """The workbooks given, each with its 自评报告 when one was given too (reports/pair_inputs)."""
    if all(p.suffix.lower() in WORKBOOK_SUFFIXES for p in paths):  # no report among them: nothing to pair or load
        return [(p, None) for p in paths], []
    from .reports import pair_inputs as pair

    return pair(paths)


def is_report(path: Path) -> bool:
    """A 自评报告 by its content (a Word document or a PDF), not a workbook."""
    from .reports import is_report as report

    return report(path)


__all__ = ["Fixing", "Options", "Outcome", "exit_code", "is_report", "pair_inputs", "process"]
