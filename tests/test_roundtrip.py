"""Each sample saved by LibreOffice as .xlsx, .xls and .ods (and renamed .xlsx, as people send
them) scores as the sample does: the same total, execution rate and survey score."""

import shutil

import pytest

from excel_eval import Severity, evaluate
from conftest import SAMPLES
from libreoffice import convert
from test_writer import SAMPLE_NAMES

pytestmark = pytest.mark.libreoffice
FORMATS = ("xlsx", "xls", "ods")


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("roundtrip")
    sources = [shutil.copy(SAMPLES / name, folder / name) for name in SAMPLE_NAMES]
    out = {}
    for fmt in FORMATS:
        target = folder / fmt
        target.mkdir()
        for source, path in zip(sources, convert(sources, fmt, target)):
            out[(source.name, fmt)] = path
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_libreoffice_save_scores_the_same(saved, name, fmt, tmp_path):
    sample = evaluate(SAMPLES / name)
    path = saved[(name, fmt)]
    renamed = shutil.copy(path, tmp_path / f"{path.stem}.xlsx")  # an .xls or .ods sent as .xlsx
    for result in (evaluate(path), evaluate(renamed)):
        assert result.ok, result.reason
        assert result.model.file_format == ("xlsx" if fmt == "xlsx" else fmt)
        assert result.total_score == pytest.approx(sample.total_score, abs=1e-6)
        assert result.execution_rate == pytest.approx(sample.execution_rate, abs=1e-9)
        assert result.satisfaction == pytest.approx(sample.satisfaction, abs=1e-6) if sample.satisfaction else \
            result.satisfaction is None
        new = {(f.code, str(f.loc)) for f in result.findings if f.severity is Severity.ERROR} - \
            {(f.code, str(f.loc)) for f in sample.findings if f.severity is Severity.ERROR}
        assert not new, new
