"""The report's charts as native Word charts: DrawingML chart parts (ECMA-376 Part 1, §21.2)
with their figures in the part's own cache, as Word writes them.

A native chart needs no drawing library and no font on the machine that writes it: Word, WPS and
LibreOffice draw it with the document's fonts, print it sharp, and let the officer restyle it. No
workbook is embedded: the chart shows its cached figures; Word's 编辑数据 has nothing to open
(the figures are in the tables above each chart).
"""

from __future__ import annotations

import math

from ..vocab import UNKNOWN_SCORE
from .docx import escape

WEIGHT, SCORE = "D9D9D9", "2F5597"
OPTION_COLOURS = ("2F5597", "5B9BD5", "A5A5A5", "ED7D31", "C00000")
FONT = "宋体"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def section_chart(sections: list[tuple[str, float, float | None]]) -> str | None:
    """满分 and 得分 of each section, side by side, as horizontal bars: (name, weight, score)
    each; a score that is unknown (None) has no bar, and its section's name says UNKNOWN_SCORE."""
    if not sections:
        return None
    names = [name if score is not None else f"{name}（得分{UNKNOWN_SCORE}）" for name, _, score in sections]
    series = (("满分", WEIGHT, [w for _, w, _ in sections]), ("得分", SCORE, [s for _, _, s in sections]))
    body = (f'<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
            + "".join(_series(i, name, colour, names, values, "0.00") for i, (name, colour, values) in enumerate(series))
            + '<c:gapWidth val="60"/><c:axId val="1"/><c:axId val="2"/></c:barChart>'
            # categories top to bottom in the table's order; the value axis at the bottom
            + _category_axis("l", reverse=True) + _value_axis("b", crosses="max"))
    return _chart_space(body, legend=True)


def section_height_cm(count: int) -> float:
    """The section chart's height for `count` sections: about a centimetre a section."""
    return 2.0 + 1.1 * count


def survey_chart(options: list[tuple[str, float]]) -> str | None:
    """How many answered each option, over all questions: (option name, count) each; each
    option's name carries its share."""
    total = sum(n for _, n in options)
    if not options or not total > 0:
        return None
    names = [f"{name}（{_share(count, total):.1%}）" for name, count in options]
    points = "".join(f'<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>{_fill(colour)}</c:spPr></c:dPt>'
                     for i, colour in zip(range(len(options)), OPTION_COLOURS))
    body = ('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
            + _series(0, "人次", OPTION_COLOURS[0], names, [n for _, n in options], "0", points)
            + '<c:gapWidth val="80"/><c:axId val="1"/><c:axId val="2"/></c:barChart>'
            + _category_axis("b") + _value_axis("l"))
    return _chart_space(body, legend=False)


def _share(value: float, whole: float) -> float:
    """value ÷ whole, kept between 0 and 1 whatever was typed (a negative count, or numbers so
    large that their ratio overflows)."""
    if not whole > 0 or not math.isfinite(whole):
        return 0.0
    share = value / whole
    return min(max(share, 0.0), 1.0) if share == share else 0.0


def _series(i: int, name: str, colour: str, categories: list[str], values: list[float | None], number: str,
            points: str = "") -> str:
    """One series: its name, colour, value labels, categories and values in the part's cache. A
    value that is unknown or not finite has no point: a gap, never a zero bar."""
    n = len(categories)
    cats = "".join(f'<c:pt idx="{k}"><c:v>{escape(c)}</c:v></c:pt>' for k, c in enumerate(categories))
    vals = "".join(f'<c:pt idx="{k}"><c:v>{v!r}</c:v></c:pt>' for k, v in enumerate(values)
                   if v is not None and math.isfinite(v))
    col = "BCDEFG"[i]  # the series' column in Word's data sheet, where 编辑数据 would put it
    return (f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/>'
            f'<c:tx><c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0">'
            f'<c:v>{escape(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:spPr>{_fill(colour)}</c:spPr><c:invertIfNegative val="0"/>{points}'
            f'<c:dLbls><c:numFmt formatCode="{number}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln>'
            f'</c:spPr>{_font(900)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
            '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
            f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${n + 1}</c:f><c:strCache><c:ptCount val="{n}"/>{cats}</c:strCache>'
            f'</c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${n + 1}</c:f>'
            f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>{vals}</c:numCache></c:numRef>'
            f'</c:val></c:ser>')


def _category_axis(position: str, reverse: bool = False) -> str:
    return (f'<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="{"maxMin" if reverse else "minMax"}"/></c:scaling>'
            f'<c:delete val="0"/><c:axPos val="{position}"/><c:numFmt formatCode="General" sourceLinked="0"/>'
            '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            f'<c:spPr><a:ln w="9525">{_fill("BFBFBF")}</a:ln></c:spPr>{_font(1000)}'
            '<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
            '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')


def _value_axis(position: str, crosses: str = "autoZero") -> str:
    return (f'<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
            f'<c:delete val="0"/><c:axPos val="{position}"/><c:majorGridlines><c:spPr><a:ln w="6350">{_fill("E7E6E6")}'
            '</a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="General" sourceLinked="0"/>'
            '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            f'<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{_font(900)}<c:crossAx val="1"/><c:crosses val="{crosses}"/>'
            '<c:crossBetween val="between"/></c:valAx>')


def _chart_space(plot: str, legend: bool) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"><c:date1904 val="0"/><c:lang val="zh-CN"/>'
            '<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
            f'{plot}</c:plotArea>'
            + ('<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>' if legend else "")
            + '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
            f'<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{_font(1000)}</c:chartSpace>')


def _fill(colour: str) -> str:
    return f"<a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill>"


def _font(size: int) -> str:
    """Text properties: `size` in hundredths of a point, in the report's Chinese font."""
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"><a:solidFill><a:srgbClr val="222222"/>'
            f'</a:solidFill><a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/></a:defRPr></a:pPr>'
            '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr>')


__all__ = ["section_chart", "section_height_cm", "survey_chart"]
