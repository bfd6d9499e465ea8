"""The tool's own vocabulary: typed values whose Chinese words are only what people see.

Code branches on these members, never on the words. Template labels (sheet names, headers,
units) are the input contract's vocabulary and live in `layout.py`.
"""

from __future__ import annotations

import enum


class Severity(enum.Enum):
    """How serious a finding is."""

    ERROR = "错误"  # the workbook contradicts itself
    WARNING = "警告"  # suspicious, needs an explanation
    INFO = "提示"  # informational

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}


class RuleKind(enum.Enum):
    """How an indicator was scored."""

    POSITIVE = "正向"  # at least the target: actual ÷ target of the points
    REVERSE = "反向"  # at most the target: deducted by the scheme's reverse formula
    EQUAL = "等于"
    RANGE = "区间"
    DEADLINE = "期限"
    QUALITATIVE = "定性"  # the evaluator's score, within the band the wording implies
    EXECUTION = "预算执行率"  # taken from the 预算 sheet
    ARRIVAL = "资金到位率"  # taken from the 预算 sheet
    UNIT_MISMATCH = "单位不一致"
    NOT_COMPUTED = "无法计算"

    @property
    def from_budget(self) -> bool:
        """The actual comes from the 预算 sheet, not from the indicator row."""
        return self in (RuleKind.EXECUTION, RuleKind.ARRIVAL)


class FixKind(enum.Enum):
    """What `excel-eval fix` may do about a rule's finding (declared once, on the rule)."""

    SAFE = "安全更正"  # pure arithmetic of a derived cell: applied by default
    SCORE = "得分更正"  # a score by the scheme's rule: applied only with --scores (the evaluator may differ)
    NONE = "不更正"  # a typed fact or a judgment: listed for a person

    @property
    def said(self) -> str:
        """How docs/rules.md says it."""
        return _FIX_SAID[self]


_FIX_SAID = {FixKind.SAFE: "安全更正（默认）", FixKind.SCORE: "得分更正（需 --scores）", FixKind.NONE: "不更正，留待人工"}


class Status(enum.Enum):
    """What a batch run did with one workbook."""

    DONE = "完成"
    UNCHANGED = "未变化"  # unchanged since the last run: its outputs stand
    FAILED = "失败"
    SKIPPED = "跳过"  # left for the next run (still being written)


class ExitCode(enum.IntEnum):
    OK = 0  # no 错误
    FINDINGS = 1  # at least one workbook has a 错误
    USAGE = 2  # wrong arguments, a file or folder that does not exist
    UNREADABLE = 3  # a file could not be read (corrupt, encrypted, not a workbook)
    INTERNAL = 4  # a bug: one line for the user, the details in a log
    LOCKED = 5  # batch: the output folder is in use by another run
    UNWRITABLE = 6  # an output could not be written (folder not writable, disk full)

    @property
    def meaning(self) -> str:
        return _EXIT_MEANINGS[self]


_EXIT_MEANINGS = {
    ExitCode.OK: "无错误", ExitCode.FINDINGS: "有错误", ExitCode.USAGE: "用法错误",
    ExitCode.UNREADABLE: "文件无法读取", ExitCode.INTERNAL: "内部错误",
    ExitCode.LOCKED: "输出目录正被另一个批处理使用",
    ExitCode.UNWRITABLE: "无法写出结果",
}


UNGRADED = "等级未定：分值合计不是 100"  # the grade of a total on points that do not add to 100 (I001)
UNKNOWN_SCORE = "未能计算"  # a score the tool cannot know (a blank 完成值 and 得分, a formula not computed): never 0


def provisional(errors: int) -> str:
    """What a grade from a workbook with 错误 carries, in every output that shows a grade."""
    return f"待更正：{errors} 个错误" if errors else ""


def grade_label(grade: str | None, errors: int, total: float | None = None) -> str:
    """The grade as every output shows it: `优`, `优（待更正：27 个错误）` while the workbook
    contradicts itself, UNGRADED for a total on points that are not 100, "" without a total."""
    if not grade:
        return UNGRADED if total is not None else ""
    return f"{grade}（{provisional(errors)}）" if errors else grade


class Failure(enum.Enum):
    """Why a file could not be read at all (`ReadError.kind`, `"failure"` in JSON)."""

    UNOPENABLE = "unopenable"  # the operating system refused to open it
    EMPTY = "empty"
    NOT_A_WORKBOOK = "not-a-workbook"  # a Word document, a text file, another zip
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"  # a damaged package
    TOO_LARGE = "too-large"  # over a size, row or column limit
    UNSAFE = "unsafe"  # a zip bomb, XML entity declarations
    NOT_SELF_EVAL = "not-self-evaluation"  # a workbook, but neither the template nor a 自评表 it can read
    SCHEME_MISMATCH = "scheme-mismatch"  # the scheme asked for does not fit the workbook's 一级指标
    OWN_OUTPUT = "own-output"  # a file this tool wrote (a results workbook, a marked copy): skipped
