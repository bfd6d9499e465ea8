"""One parser for what staff write as 年度指标值 and 实际完成值: `≥95%`, `不多于64.53万元`,
`90%-95%`, `2022年11月30日前`, `明显提高`. It never raises."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
from typing import NamedTuple

from .parse import PER_UNIT, UNITS
from .text import LazyPattern, fold

GE, GT, LE, LT, EQ, RANGE = "≥", ">", "≤", "<", "=", "range"

_PREFIX_OPS = [  # longest first
    ("大于等于", GE), ("不低于", GE), ("不少于", GE), ("至少", GE), ("达到", GE), (">=", GE), ("≥", GE), ("≧", GE),
    ("小于等于", LE), ("不高于", LE), ("不多于", LE), ("不超过", LE), ("控制在", LE), ("<=", LE), ("≤", LE), ("≦", LE),
    ("大于", GT), ("高于", GT), ("超过", GT), (">", GT),
    ("小于", LT), ("低于", LT), ("<", LT),
    ("等于", EQ), ("=", EQ),
]
_SUFFIX_OPS = [("及以上", GE), ("以上", GE), ("及以下", LE), ("以下", LE), ("以内", LE), ("之内", LE)]
_NUM = r"(-?(?:\d+(?:\.\d+)?|\.\d+))"
_UNIT = "(?:" + PER_UNIT + "|" + "|".join(re.escape(u) for u in sorted(UNITS + ("人次", "万人", "%", "‰"), key=len, reverse=True)) + ")"
_VALUE = re.compile(rf"^{_NUM}(?P<unit>{_UNIT})?$")
_RANGE = LazyPattern(rf"^{_NUM}(?P<u1>{_UNIT})?(?:-|~|～|—|至|到)+{_NUM}(?P<u2>{_UNIT})?$")
_NUMBER_START = frozenset("-.0123456789")  # what `_NUM`, and so a value or a range, starts with
_DATE = re.compile(r"^(?:(\d{4})[年.\-/])?(\d{1,2})[月.\-/](?:(\d{1,2})日?|底|末)?(?:前|之前|以前|完成)?$")
_YEAR_END = re.compile(r"^(\d{4})年(?:底|末)(?:前|之前|以前)?$")

QUALITATIVE_LEVELS = {"未达成": "未达成", "部分达成": "部分达成", "基本达成": "部分达成", "达成": "达成",
                      "已完成": "达成", "完成": "达成", "全部达成": "达成"}


class TargetKind(enum.StrEnum):
    """What a 年度指标值 or 实际完成值 turned out to be."""

    NUMBER = "number"
    RANGE = "range"
    DATE = "date"
    QUALITATIVE = "qualitative"  # words: 明显提高, 达成
    EMPTY = "empty"


class Target(NamedTuple):
    """A parsed target or actual. For numbers `value` is a fraction when `unit` is `%`
    (95% → 0.95); `high` is the upper end of a range."""

    kind: TargetKind
    op: str = EQ
    value: float | None = None
    high: float | None = None
    unit: str = ""
    date: dt.date | None = None
    phrase: str = ""
    text: str = ""

    @property
    def level(self) -> str:
        """达成 / 部分达成 / 未达成 when the phrase states a completion level."""
        return QUALITATIVE_LEVELS.get(self.phrase, "")


def clean(text: str) -> str:
    return fold(text).replace("﹦", "=").replace("＝", "=").replace("百分比", "%").replace("，", ",").replace(",", "")


def parse_target(raw: object, year: int | None = None) -> Target:
    """Cell value → Target. Dates without a year take `year` (the evaluation year)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Target(TargetKind.EMPTY)
    if isinstance(raw, dt.datetime):
        return Target(TargetKind.DATE, LE, date=raw.date(), text=str(raw.date()))
    if isinstance(raw, dt.date):
        return Target(TargetKind.DATE, LE, date=raw, text=str(raw))
    if isinstance(raw, bool):
        return Target(TargetKind.QUALITATIVE, phrase=str(raw), text=str(raw))
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw):
            return Target(TargetKind.QUALITATIVE, phrase=str(raw), text=str(raw))
        return Target(TargetKind.NUMBER, EQ, float(raw), text=format(raw, ".15g"))  # 50, not 50.0
    return _parse_text(str(raw), year)


@functools.lru_cache(maxsize=4096)  # the same targets and actuals recur in every table and workbook
def _parse_text(text: str, year: int | None) -> Target:
    s = clean(text)
    if s in ("-", "—", "/"):
        return Target(TargetKind.EMPTY, text=text)
    op = EQ
    for word, o in _PREFIX_OPS:
        if s.startswith(word):
            op, s = o, s[len(word):]
            break
    for word, o in _SUFFIX_OPS:
        if s.endswith(word):
            op, s = (o if op == EQ else op), s[: -len(word)]
            break
    m = _VALUE.match(s)
    if m:
        value, unit = float(m[1]), m["unit"] or ""
        if unit in ("%", "‰"):
            value, unit = value / (100 if unit == "%" else 1000), "%"
        return Target(TargetKind.NUMBER, op, value, unit=unit, text=text)
    date = _parse_date(s, year)
    if date is not None:
        return Target(TargetKind.DATE, LE if op == EQ else op, date=date, text=text)
    m = _RANGE.match(s) if s[:1] in _NUMBER_START else None  # (words never compile the pattern)
    if m:
        lo, hi = float(m[1]), float(m[3])
        unit = m["u1"] or m["u2"] or ""
        if unit in ("%", "‰"):
            lo, hi, unit = lo / 100, hi / 100, "%"
        return Target(TargetKind.RANGE, RANGE, min(lo, hi), max(lo, hi), unit, text=text)
    return Target(TargetKind.QUALITATIVE, phrase=clean(text), text=text)


def _parse_date(s: str, year: int | None) -> dt.date | None:
    m = _YEAR_END.match(s)
    if m:
        return dt.date(int(m[1]), 12, 31)
    m = _DATE.match(s)
    if not m or not (m[1] or year):
        return None
    if not m[1] and not re.search(r"[月底末]", s):
        return None  # `5.5` is a number, not May 5th
    y, mo = int(m[1] or year), int(m[2])
    if not 1 <= mo <= 12 or not 1900 <= y <= 2200:
        return None
    last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)).day
    day = int(m[3]) if m[3] else last
    return dt.date(y, mo, day) if 1 <= day <= last else None


UNIT_FAMILIES = [{"人", "人次", "名", "万人"}, {"万元", "元"}, {"次", "期", "场"}]


def units_compatible(a: str, b: str) -> bool:
    """人 vs 人次 is fine; % vs 万元 is not. A missing unit fits anything."""
    if not a or not b or a == b:
        return True
    return any(a in fam and b in fam for fam in UNIT_FAMILIES)
