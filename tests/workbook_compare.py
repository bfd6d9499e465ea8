"""Compare two workbooks by cell contents (values and formulas), not bytes."""

from __future__ import annotations

import openpyxl


def contents(path) -> dict:
    book = openpyxl.load_workbook(path)  # formulas as text
    out = {}
    for ws in book.worksheets:
        cells = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
        out[ws.title] = (cells, sorted(str(r) for r in ws.merged_cells.ranges),
                         [(str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation])
    return out
