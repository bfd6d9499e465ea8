"""The names of what the model holds: every column of a table and every labelled field, and the
kinds of value a column holds. Code names them by these members, never by strings: a key that is
not here is an error the moment it is used (model.Row, Columns, Table, Info)."""

from __future__ import annotations

import enum


class Key(enum.StrEnum):
    """A column of a table (`row.num(Key.EXECUTED)`) or a field of 项目信息 (`info.text(Key.PROJECT)`).
    A member is its own string, so the columnar storage and JSON keys stay plain strings."""

    ACHIEVED = "achieved"
    ACTUAL = "actual"
    AMOUNT = "amount"
    BALANCE = "balance"
    BASIS = "basis"
    BUDGET = "budget"
    CONCLUSION = "conclusion"
    CONTACT = "contact"
    DEDUCTION = "deduction"
    DEPARTMENT = "department"
    DEVIATION = "deviation"
    DEVIATIONS = "deviations"  # a form's one 偏差原因 row for all its indicators (20/80 forms)
    EXECUTED = "executed"
    EXPERIENCE = "experience"
    GOALS = "goals"
    GROUNDS = "grounds"
    INITIAL = "initial"
    ITEM = "item"
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    LEVEL3 = "level3"
    LEVEL4 = "level4"
    LIMITS = "limits"
    METHODS = "methods"
    MONEY_UNIT = "money_unit"
    NAME = "name"
    NATURE = "nature"
    NOTE = "note"
    OPT_A = "opt_A"
    OPT_B = "opt_B"
    OPT_C = "opt_C"
    OPT_D = "opt_D"
    OPT_E = "opt_E"
    ORGANISATION = "organisation"
    OTHER = "other"
    OVERVIEW = "overview"
    PAID = "paid"
    PHONE = "phone"
    PLAN = "plan"
    POINTS = "points"
    PROBLEMS = "problems"
    PROCESS = "process"
    PROJECT = "project"
    PURPOSE = "purpose"
    QUANTITY = "quantity"
    QUESTION = "question"
    QUESTION_SCORE = "question_score"
    RATE = "rate"
    REASON = "reason"
    RECEIVED = "received"
    REGION = "region"
    REPORT_DATE = "report_date"
    REPORT_EXECUTION = "report_execution"
    REPORT_GRADE = "report_grade"
    REPORT_INDICATOR_COUNT = "report_indicator_count"
    REPORT_SATISFACTION = "report_satisfaction"
    REPORT_TOTAL = "report_total"
    RESPONDENTS = "respondents"
    RESULTS = "results"
    REVIEW = "review"  # a rubric item's 复核分: the reviewer's score beside the unit's
    WEIGHTED = "weighted"  # a form's 折算得分: the score weighted by its 权重占比 (成安县)
    BLOCK = "block"  # the goal block an indicator is under where a table has several (黄冈市: 年度绩效目标2(40分))
    ROW_KIND = "row_kind"
    SCHEME = "scheme"
    SCORE = "score"
    SECTION = "section"
    SEQ = "seq"
    SOURCE = "source"
    STANDARD = "standard"
    STATEMENT = "statement"  # a 资金管理情况 item's 情况说明
    SUGGESTIONS = "suggestions"
    SURVEYS_ISSUED = "surveys_issued"
    SURVEYS_VALID = "surveys_valid"
    TARGET = "target"
    TEAM = "team"
    TEXT_SCORE = "text_score"
    TYPE = "type"
    UNIT = "unit"
    WEIGHT = "weight"
    WEIGHT_A = "weight_A"
    WEIGHT_B = "weight_B"
    WEIGHT_C = "weight_C"
    WEIGHT_D = "weight_D"
    WEIGHT_E = "weight_E"
    WORK = "work"
    YEAR = "year"


KEYS = frozenset(Key)


def known(key: str) -> str:
    """`key`, when the model has such a column or field; a KeyError at once when it has none."""
    if key not in KEYS:
        raise KeyError(f"no column or field named {key!r} (see keys.Key)")
    return key


class CellKind(enum.StrEnum):
    """What a column's or field's cells hold, and so how they are read."""

    TEXT = "text"
    MONEY = "money"  # an amount, in the workbook's money unit
    NUMBER = "number"
    RATIO = "ratio"  # a fraction typed as 84.28% or 0.8428
    PERCENT = "percent"  # a header that says (%): 84.28 means 84.28%
    CHOICE = "choice"  # one of the declared choices
    LEVEL = "level"  # an indicator level's name (一级指标 …)
    YEAR = "year"


NUMERIC_KINDS = frozenset({CellKind.MONEY, CellKind.NUMBER, CellKind.RATIO, CellKind.PERCENT})
