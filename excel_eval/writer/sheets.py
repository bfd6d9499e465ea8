"""What every workbook the tool writes shares: its sheets' page set-up, A1 addresses (made by
`xlsxwriter.utility` and nowhere else), where a table landed (`Block`), text that is always text,
rows tall enough for their text, and the look of a native chart."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import cell_text, display_width
from .formats import FONT

A4 = 9
MARGINS = (0.5, 0.5, 0.6, 0.6)  # left, right, top, bottom (inches)
NARROW = (0.4, 0.4, 0.5, 0.5)  # the batch summary's wide tables


def q(sheet: str) -> str:
    """A sheet name quoted for a formula or a link."""
    return "'" + sheet.replace("'", "''") + "'"


def cell(row: int, col: int, absolute: bool = False) -> str:
    """0-based row and column → `B7` (`$B$7` when absolute)."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


def span(first: int, last: int, col: int, absolute: bool = False) -> str:
    """`B2:B9`: a column's rows first…last."""
    return f"{cell(first, col, absolute)}:{cell(last, col, absolute)}"


@dataclass(eq=False, repr=False)
class Block:
    """Where a table landed: charts and formulas point at these, never at hand-made addresses."""

    sheet: str
    first: int  # first data row
    last: int  # last data row
    cols: dict[str, int]

    def ref(self, key: str, row: int | None = None) -> str:
        return f"{q(self.sheet)}!{cell(row if row is not None else self.first, self.cols[key], True)}"

    def series(self, key: str) -> list:
        return [self.sheet, self.first, self.cols[key], self.last, self.cols[key]]


def page(ws, *, landscape: bool = True, pages_tall: int = 0, margins: tuple | None = MARGINS,
         gridlines: bool = False) -> None:
    """A4, one page wide (and `pages_tall` high; 0: as many as it takes), the tool's margins
    (None: the program's own)."""
    ws.set_paper(A4)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, pages_tall)
    if margins is not None:
        ws.set_margins(*margins)
    if not gridlines:
        ws.hide_gridlines(2)


def new_sheet(book, name: str, widths: dict[int, float], **layout):
    """A sheet with the page set-up of `page` and its columns' widths."""
    ws = book.add_worksheet(name)
    page(ws, **layout)
    for col, width in widths.items():
        ws.set_column(col, col, width)
    return ws


def write_text(ws, row: int, col: int, text: str, fmt=None) -> None:
    """Text, never a formula or a link whatever it starts with; cut where Excel would refuse it."""
    ws.write_string(row, col, cell_text(text), fmt)


def write_number(ws, row: int, col: int, value: float | None, fmt) -> None:
    """A number, or a blank cell in the same format where there is none."""
    if value is None:
        ws.write_blank(row, col, None, fmt)
    else:
        ws.write_number(row, col, value, fmt)


def fit_row(ws, row: int, cells: list[tuple[str, float]], line_height: float = 13.5, least: float = 0) -> None:
    """Set a row tall enough for its wrapped texts (and at least `least`): LibreOffice and WPS do not
    grow rows on open."""
    lines = max((-(-display_width(t) * 1.3 // max(w, 1)) for t, w in cells if t), default=1)
    if lines > 1 or least:
        ws.set_row(row, max(least, line_height * min(lines, 15)))


def style_chart(chart, title: str) -> None:
    """The tool's chart look: its font, a bottom legend, light grid lines."""
    font = {"name": FONT, "size": 10}
    chart.set_title({"name": title, "name_font": {"name": FONT, "size": 12, "bold": True}})
    chart.set_legend({"position": "bottom", "font": font})
    chart.set_x_axis({"num_font": font})
    chart.set_y_axis({"num_font": font, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})


def reversed_categories(chart) -> None:
    """A bar chart whose first category is at the top, as the table above it reads."""
    chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})
