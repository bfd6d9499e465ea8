"""Seen, not assumed: the results workbooks through LibreOffice headless."""

import pytest
from python_calamine import CalamineWorkbook

from excel_eval.pipeline import evaluate
from excel_eval.writer import write_outputs
from conftest import SAMPLES
from libreoffice import convert, pdf_pages
from test_writer import SAMPLE_NAMES

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("render")
    return [write_outputs(evaluate(SAMPLES / name), out)["results"] for name in SAMPLE_NAMES]


def test_results_convert_to_pdf_with_a_page_per_sheet_at_least(results, tmp_path):
    for path, pdf in zip(results, convert(results, "pdf", tmp_path)):
        sheets = len(CalamineWorkbook.from_path(str(path)).sheet_names)
        assert pdf.exists(), path.name
        assert sheets <= pdf_pages(pdf) <= 4 * sheets, path.name


def test_recalculation_gives_the_cached_numbers(results, tmp_path):
    for path, recalculated in zip(results, convert(results, "xlsx:Calc MS Excel 2007 XML", tmp_path)):
        cached = CalamineWorkbook.from_path(str(path))
        fresh = CalamineWorkbook.from_path(str(recalculated))
        for name in cached.sheet_names:
            a = cached.get_sheet_by_name(name).to_python(skip_empty_area=False)
            b = fresh.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for r, row in enumerate(a):
                for c, value in enumerate(row):
                    if isinstance(value, float):
                        assert b[r][c] == pytest.approx(value, rel=1e-9, abs=1e-9), f"{path.name} {name} {r},{c}"
