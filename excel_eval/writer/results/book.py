"""What every sheet of the results workbook is written from: the workbook, the result and its
formats, and the few facts they share."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Model
from ...result import Result
from ...scoring import Scores
from ...vocab import UNKNOWN_SCORE
from ..formats import Formats

UNKNOWN_TOTAL = UNKNOWN_SCORE  # a score that is unknown is said so, never written as 0
DETAIL_LIMIT = 5000  # allocation rows listed one by one; a longer roster shows summaries and flagged rows
TOP_UNITS = 20
MIN_DIFF = 0.005


@dataclass(eq=False, repr=False)
class Book:
    book: object  # the xlsxwriter Workbook being written
    r: Result
    f: Formats
    marked: str = ""  # the marked-up copy the finding cells link to
    mask: bool = True  # personal data (负责人, 联系电话) hidden

    @property
    def s(self) -> Scores:
        return self.r.scores

    @property
    def m(self) -> Model:
        return self.r.model


def source_text(model: Model, name: str) -> str:
    """`原表.xlsx`, or for a 自评表 the form and sheet read: `部门导出.xlsx（项目支出绩效自评表（…），工作表“甲”）`."""
    if not model.family.is_form:
        return name
    return f"{name}（{model.family.name}，工作表“{model.sheet}”）"
