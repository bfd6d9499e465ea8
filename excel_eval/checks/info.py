"""项目信息: required fields, the year, questionnaire option weights and counts."""

from __future__ import annotations

from .. import layout, rules
from ..model import Loc
from ..parse import parse_year
from ..scoring import defaulted_weights
from .base import Context, check
from ..keys import Key


@check(rules.INFO_REQUIRED)
def required_fields(ctx: Context):
    info = ctx.model.info
    if info is None or not ctx.model.family.info_required:
        return
    for f in layout.INFO_FIELDS:
        if f.required and info.get(f.key) is None:
            cell = info.fields.get(f.key)
            yield rules.INFO_REQUIRED(cell.loc if cell else Loc(info.sheet, info.end_row, 0), label=f.label)


@check(rules.YEAR_INVALID)
def year(ctx: Context):
    info = ctx.model.info
    cell = info.get(Key.YEAR) if info else None
    if cell is not None and parse_year(cell.value) is None:
        yield rules.YEAR_INVALID(cell.loc, text=cell.value)


@check(rules.OPTION_WEIGHT_ORDER, rules.OPTION_WEIGHT_RANGE)
def option_weights(ctx: Context):
    info = ctx.model.info
    if info is None:
        return
    cells = [(o, info.get(f"weight_{o}")) for o in layout.OPTIONS]
    for o, cell in cells:
        if cell is not None and cell.number is not None and not 0 <= cell.number <= 1:
            yield rules.OPTION_WEIGHT_RANGE(cell.loc, actual=cell.number, option=o)
    given = [(o, c) for o, c in cells if c is not None and c.number is not None]
    if any(a.number < b.number for (_, a), (_, b) in zip(given, given[1:])):
        yield rules.OPTION_WEIGHT_ORDER(given[0][1].loc, actual="、".join(f"{o}={c.number:g}" for o, c in given))


@check(rules.SURVEYS_VALID_OVER_ISSUED)
def survey_counts(ctx: Context):
    info = ctx.model.info
    issued, valid = (info.get(Key.SURVEYS_ISSUED), info.get(Key.SURVEYS_VALID)) if info else (None, None)
    if issued is not None and valid is not None and None not in (issued.number, valid.number) \
            and valid.number > issued.number:
        yield rules.SURVEYS_VALID_OVER_ISSUED(valid.loc, issued.number, valid.number)


@check(rules.OPTION_WEIGHTS_BLANK)
def option_weights_blank(ctx: Context):
    """Only where a questionnaire is scored with them."""
    blank = defaulted_weights(ctx.model)
    if not blank or not ctx.scores.surveys:
        return
    info = ctx.model.info
    cells = [info.fields[f"weight_{o}"].loc for o in blank if f"weight_{o}" in info.fields]
    loc = cells[0] if cells else Loc(info.sheet, info.end_row, 0)
    weights = ctx.scores.surveys[0].weights
    yield rules.OPTION_WEIGHTS_BLANK(loc, cells=cells or "“选项A权重”等栏目缺失",
                                     scheme=ctx.scores.scheme.name,
                                     weights="/".join(f"{o}={w:g}" for o, w in zip(layout.OPTIONS, weights)))


CHECKS = (required_fields, year, option_weights, option_weights_blank, survey_counts)
