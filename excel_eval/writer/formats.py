"""Every format of the results workbook, declared once."""

from __future__ import annotations

from ..vocab import Severity

FONT = "宋体"
SEVERITY_COLOURS = {Severity.ERROR: "#F8CBAD", Severity.WARNING: "#FFE699", Severity.INFO: "#BDD7EE"}
HEADER_FILL = "#DDEBF7"
FIXED_FILL = "#C6EFCE"  # a cell the corrected copy changed
INPUT_FILL = "#FFF8DC"  # cells staff fill in, in the template
COMPUTED_FILL = "#E7E6E6"  # formula cells, in the template


class Formats:
    def __init__(self, book):
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter", "border": 1}
        add = book.add_format
        self.title = add({"font_name": FONT, "font_size": 16, "bold": True})
        self.subtitle = add({"font_name": FONT, "font_size": 12, "bold": True})
        self.note = add({"font_name": FONT, "font_size": 9, "font_color": "#595959"})
        self.header = add({**base, "bold": True, "bg_color": HEADER_FILL, "align": "center", "text_wrap": True})
        self.label = add({**base, "bold": True, "bg_color": "#F2F2F2"})
        self.text = add({**base, "text_wrap": True})
        self.number = add({**base, "num_format": "0.00"})
        self.count = add({**base, "num_format": "0"})
        self.money = add({**base, "num_format": "#,##0.00"})
        self.percent = add({**base, "num_format": "0.00%"})
        self.big = add({**base, "font_size": 14, "bold": True, "num_format": "0.00", "align": "center"})
        self.big_text = add({**base, "font_size": 14, "bold": True, "align": "center"})
        self.big_provisional = add({**base, "font_size": 12, "bold": True, "align": "center",
                                    "bg_color": SEVERITY_COLOURS[Severity.WARNING], "font_color": "#9C5700"})
        self.total_label = add({**base, "bold": True, "bg_color": "#F2F2F2"})
        self.total_number = add({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.00"})
        self.total_money = add({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "#,##0.00"})
        self.total_percent = add({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.00%"})
        self.total_count = add({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "0"})
        self.link = add({**base, "font_color": "#0563C1", "underline": 1})
        self.highlight = add({"bg_color": "#F8CBAD"})
        self.sentence = add({"font_name": FONT, "font_size": 11, "text_wrap": True, "valign": "top"})
        self.severity = {sev: add({**base, "bg_color": colour, "bold": True, "align": "center"})
                         for sev, colour in SEVERITY_COLOURS.items()}
