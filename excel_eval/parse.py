"""Parsers for what staff type into number cells. They never raise anything but NotANumber."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from .layout import EMPTY_MARKS
from .text import LazyPattern, fold

UNITS = ("万元/家", "万元/人", "元/人", "万元", "万", "元", "人次", "户次", "个次", "平方米", "公里", "人", "次", "期", "家",
         "张", "个", "份", "户", "分", "项", "天", "名", "件",
         # counts and measures the published tables use (稷山县 不少于12种, 施甸县 头, 平方米)
         "种", "类", "所", "座", "处", "条", "台", "套", "批", "场", "篇", "头", "吨", "亩", "米", "辆", "间", "册")
# A standard in money per head or household, perhaps per period (濉溪县: ≤5300元/户, ≥530元/人*月, 元/人·月).
PER_UNIT = r"(?:万元|元)/(?:人次|人|户|家|亩|次|公里|平方米)(?:[*·×/](?:月|年|天))?"
_NUMBER = LazyPattern(  # (a number typed as text: most tables have none)
    r"^(?P<sign>[+-]?)[¥$]?(?P<num>\d+(?:\.\d*)?|\.\d+)(?P<pct>%|‰)?(?P<unit>" + PER_UNIT + "|"
    + "|".join(re.escape(u) for u in UNITS) + r")?$"
)


UNIT_SPELLINGS = {"万": "万元"}  # `3359.62万` in a table headed (万元) (霍山县 transfer table)


class NotANumber(ValueError):
    """Text in a number cell that is not a number."""


@dataclass(frozen=True, slots=True)
class Number:
    """A number as typed: its value, the precision it was typed at, and whether it was a percentage."""

    value: float
    step: float  # the precision it was typed at
    percent: bool = False
    unit: str = ""
    from_text: bool = False


def _step(digits: str) -> float:
    """Precision of a decimal string (digits, perhaps a point: `_NUMBER`'s): `306.55` → 0.01,
    `3.0` → 0.1, `1252` → 1."""
    decimals = len(digits.partition(".")[2])
    return 10.0 ** -decimals if decimals else 1.0


def float_step(value: float) -> float:
    """Precision of a number stored as a number: the decimals of the shortest text that gives it
    back at 15 significant digits, as Excel keeps them (an .xls save stores 84.27% as
    0.8426999999999999: typed at 0.0001, not at 1e-16)."""
    if value.is_integer() or not math.isfinite(value):
        return 1.0
    mantissa, _, exponent = f"{value:.15g}".partition("e")  # (%g drops trailing zeros: 0.5, 1.5e-07)
    decimals = len(mantissa.partition(".")[2]) - (int(exponent) if exponent else 0)
    return 10.0 ** -decimals if decimals > 0 else 1.0


def parse_number(raw: object) -> Number | None:
    """A cell value → Number, or None for an empty cell (blank, `-`, `—`, `/`).

    Accepts numbers, and text such as `306.55万元`, `1,252`, `９５％`, `95%`.
    """
    if raw is None:
        return None
    if type(raw) is float:  # the common case, first
        if not math.isfinite(raw):
            raise NotANumber(str(raw))
        return Number(raw, float_step(raw))
    if isinstance(raw, bool) or isinstance(raw, (dt.date, dt.time, dt.timedelta)):
        raise NotANumber(str(raw))
    if isinstance(raw, (int, float)):
        value = float(raw)
        if not math.isfinite(value):
            raise NotANumber(str(raw))
        return Number(value, float_step(value))
    text = fold(raw).replace(",", "")
    if text == "" or text in EMPTY_MARKS:
        return None
    m = _NUMBER.match(text)
    if not m:
        raise NotANumber(str(raw))
    digits = m["num"]
    value = float(digits) * (-1 if m["sign"] == "-" else 1)
    step = _step(digits)
    if m["pct"] == "%":
        return Number(value / 100, step / 100, True, "%", True)
    if m["pct"] == "‰":
        return Number(value / 1000, step / 1000, True, "‰", True)
    return Number(value, step, False, UNIT_SPELLINGS.get(m["unit"], m["unit"] or ""), True)


def parse_year(raw: object) -> int | None:
    """`2022`, `2022年`, `2022年度`, 2022.0 → 2022; anything else → None."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.year
    if isinstance(raw, (int, float)):
        return int(raw) if math.isfinite(raw) and raw == int(raw) and 1900 <= raw <= 2200 else None
    m = re.fullmatch(r"(\d{4})(?:年度?)?", fold(raw))
    return int(m[1]) if m and 1900 <= int(m[1]) <= 2200 else None
