"""Every output of every sample and of one published table per family — results workbook, marked
copy, report, JSON, console lines and the batch summary — is what tests/expected/ holds: a change
of code that was meant to change nothing changes nothing here (see tests/snapshot.py to rewrite)."""

import json
import shutil
import sys

import pytest

from conftest import ROOT, SAMPLES
from snapshot import compare, document, scrub, workbook

from excel_eval import evaluate_all, write_outputs
from excel_eval.cli import main

sys.path.insert(0, str(ROOT / "tests" / "real" / "published"))
from build import tables  # noqa: E402

SAMPLE_FILES = ["000_残疾人基层组织建设补助经费.xlsx", "001_残疾人基层组织建设及服务经费.xlsx", "003_职业技能培训及就业服务.xlsx",
                "示例_无错误.xlsx", "自评表/010_普陀体育中心结算费用.xlsx", "自评表/011_棠溪镇委托业务项目.xlsx",
                "自评表/012_青神县工资性支出.xlsx"]
PUBLISHED = ["a01_jishan_medical_insurance", "a04_yongde_minglang_nutrition", "b01_district_service_trade_20_80",
             "b04_hainan_commerce_service_trade_four_part", "c02_shouxian_dept_rubric", "c04_huoshan_medical_aid_transfer", "d01_daying_sifaju_stacked"]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    from excel_eval.samples import write_form

    folder = tmp_path_factory.mktemp("inbox")
    for name in SAMPLE_FILES:
        shutil.copy(SAMPLES / name, folder / name.split("/")[-1])
    published = {t.key: t for t in tables()}
    for key in PUBLISHED:
        t = published[key]
        write_form(folder / t.file_name, t.sheets)
    return folder


def inputs(folder):
    return sorted(p for p in folder.iterdir() if p.suffix == ".xlsx")


def test_every_output_is_as_expected(inbox, tmp_path):
    for source in inputs(inbox):
        out = tmp_path / source.stem
        for i, result in enumerate(evaluate_all(source)):
            doc = result.as_dict()
            written = write_outputs(result, out / str(i)) if result.ok else {}
            name = source.stem + (f"_{i}" if i else "")
            data = {"json": doc, **{kind: (document(p) if p.suffix == ".docx" else workbook(p)) for kind, p in written.items()},
                    "names": {kind: p.name for kind, p in written.items()}}
            compare(f"outputs/{name}", scrub(data, tmp_path))


def test_the_console_says_what_it_said(inbox, tmp_path, capsys):
    for source in inputs(inbox):
        code = main(["run", str(source), "--out", str(tmp_path / "run")])
        captured = capsys.readouterr()
        compare(f"console/{source.stem}", scrub({"code": int(code), "out": captured.out, "err": captured.err}, tmp_path))


def test_the_batch_summary_is_as_expected(inbox, tmp_path, capsys):
    folder = tmp_path / "inbox"
    shutil.copytree(inbox, folder)
    code = main(["batch", str(folder), "--out", str(tmp_path / "out"), "--settle", "0", "-j", "1", "--json"])
    captured = capsys.readouterr()
    summary = next((tmp_path / "out").glob("汇总_*.xlsx"))
    compare("batch", scrub({"code": int(code), "json": json.loads(captured.out), "summary": workbook(summary)}, tmp_path))
