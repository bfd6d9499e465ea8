"""The benchmark runs (quick sizes) so it cannot rot. Nothing here asserts anything about time."""

import json
import subprocess
import sys

from conftest import ROOT


def test_quick_benchmark_runs_and_reports(tmp_path):
    out = tmp_path / "bench.json"
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    result = json.loads(out.read_text("utf-8"))
    assert {"machine", "typical", "large", "ladder", "batch", "targets", "met"} <= set(result)
    assert set(result["typical"]["phases"]) == {"read", "score", "check", "write_results", "write_marked", "write_report"}
    assert [b["jobs"] for b in result["batch"]][0] == 1 and "倍数" in r.stdout
    assert [f["form"] for f in result["forms"]] == ["拖放 excel-eval 文件.xlsx", "run 文件 --out 目录", "run 文件 --json",
                                                   "check 文件", "check 文件 --json", "拖放形式，不写报告 --no-report"]
    assert all(f["ratio"] > 0 for f in result["forms"]) and "form_ratio" in result["met"]
    assert "report_ms" in result and "report_ms" in result["met"]
    assert [f["workbook"] for f in result["fix"]] == ["典型工作簿（无可更正）", "典型工作簿，5 处算错"]
    assert all(f["ratio"] > 0 for f in result["fix"]) and "fix_ratio" in result["met"]
    assert [f["form"] for f in result["pair"]["forms"]] == ["check 自评表", "check 自评表 自评报告.docx"]
    form = result["self_eval_form"]
    assert [f["form"] for f in form["forms"]] == ["拖放 excel-eval 文件.xlsx", "check 文件", "check 文件 --json",
                                                 "拖放形式，不写报告 --no-report"]
    assert all(f["ratio"] > 0 for f in form["forms"]) and "self_eval_form_ratio" in result["met"]
    assert [x["rows"] for x in result["ladder"]] == [500, 2_500] and all(x["ratio"] > 0 for x in result["ladder"])
    assert {"roster_ratio", "roster_rss_mb", "bureau_per_second", "bureau_rss_mb", "gui_start_seconds"} <= set(result["met"])
    assert 0 < result["gui"]["url_seconds"] <= result["gui"]["page_seconds"]
    assert [b["workbooks"] for b in result["bureau"]] == [10, 40] and result["bureau"][0]["options"] == "--summary-only"
    assert [b["options"] for b in result["bureau_outputs"]] == ["--no-report", ""]
