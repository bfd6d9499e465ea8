"""excel-eval: checks and scores 项目支出绩效自评 workbooks.

A library first, a command second::

    from excel_eval import evaluate, write_outputs

    result = evaluate("自评.xlsx")
    print(result.total_score, result.grade)
    for finding in result.findings:
        print(finding.severity, finding.loc, finding.message)
    write_outputs(result, "结果")

The names below are imported when first used, so the command's start-up stays small.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._version import __version__

_PUBLIC = {
    "evaluate": "pipeline", "evaluate_all": "pipeline", "Result": "result",
    "Finding": "findings", "Rule": "findings", "Loc": "model",
    "Severity": "vocab", "RuleKind": "vocab", "Status": "vocab", "ExitCode": "vocab", "Failure": "vocab",
    "Scheme": "schemes", "SchemeError": "schemes", "load_scheme": "schemes",
    "ALL_RULES": "rules", "UnknownRule": "rules",
    "write_outputs": "writer", "fix_workbook": "fixing", "Correction": "writer", "Fixing": "step", "Options": "step", "Outcome": "step", "process": "step",
    "run_batch": "batch", "BatchLocked": "batch", "Report": "batch", "Item": "batch", "read_manifest": "batch",
    "Views": "review", "PRIORITY_RULES": "review",
}
__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'excel_eval' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # for type checkers and editors; at run time the names load lazily
    from .batch import BatchLocked, Item, Report, read_manifest, run_batch
    from .pipeline import evaluate, evaluate_all
    from .result import Result
    from .review import PRIORITY_RULES, Views
    from .findings import Finding, Rule
    from .model import Loc
    from .rules import ALL_RULES, UnknownRule
    from .schemes import Scheme, SchemeError, load_scheme
    from .vocab import ExitCode, Failure, RuleKind, Severity, Status
    from .step import Fixing, Options, Outcome, process
    from .fixing import fix_workbook
    from .writer import Correction, write_outputs
