"""`excel-eval gui`: the server (token, loopback, downloads, limits, clean stop) and the page in a
real browser (Playwright driving Debian's chromium)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from python_calamine import CalamineWorkbook

from conftest import SAMPLES
from excel_eval.pipeline import evaluate

SAMPLE = SAMPLES / "003_职业技能培训及就业服务.xlsx"
CHROMIUM = "/usr/bin/chromium"


class Server:
    def __init__(self, tmp: Path, **env: str):
        self.tmp = tmp / "tmp"
        self.tmp.mkdir()
        self.proc = subprocess.Popen([sys.executable, "-m", "excel_eval", "gui", "--no-browser"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                     env={**os.environ, "TMPDIR": str(self.tmp), "TEMP": str(self.tmp), **env})
        self.url = self.proc.stdout.readline().strip()  # the first line: the address with its token
        assert self.url.startswith("http://127.0.0.1:") and self.url.endswith("/"), self.proc.stderr.read()
        self.base = self.url.rsplit("/", 2)[0] + "/"  # without the token
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=2).close()
                break
            except OSError:
                time.sleep(0.05)

    def request(self, path: str, data: bytes | None = None, method: str = "GET", headers: dict | None = None):
        req = urllib.request.Request(path if path.startswith("http") else self.url + path, data=data, method=method,
                                     headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def upload(self, name: str, data: bytes) -> dict:
        status, body = self.request(f"api/files?name={quote(name)}", data, "PUT",
                                    {"content-type": "application/octet-stream"})
        assert status == 200, body
        return json.loads(body)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=20)


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path)
    yield s
    s.stop()


# --- the server --------------------------------------------------------------------------------

def test_without_the_token_every_request_is_refused(server):
    for url in (server.base, server.base + "api/files", server.base + "static/app.js", server.base + "wrongtoken/",
                server.url.replace("/", "x", 0)[:-2] + "/"):
        status, body = server.request(url)
        assert status == 403 and "禁止访问" in body.decode()
    # the right token from a page that names another host (DNS rebinding) is refused too
    status, _ = server.request(server.url, headers={"Host": "evil.example:80"})
    assert status == 403
    assert server.request(server.url)[0] == 200


def test_only_files_the_server_wrote_can_be_downloaded(server):
    answer = server.upload("样例.xlsx", SAMPLE.read_bytes())
    (card,) = answer["cards"]
    assert card["ok"] and [d["label"] for d in card["downloads"]] == ["评价结果", "标注副本", "自评报告", "全部（zip）"]
    status, body = server.request(card["downloads"][0]["url"])
    assert status == 200 and body[:2] == b"PK"
    for bad in ("download/999", "download/..%2F..%2Fetc%2Fpasswd", "download/../../etc/passwd", "download/1/../2",
                f"download/{quote(SAMPLE.name)}"):
        status, _ = server.request(bad)
        assert status in (403, 404), bad


def test_an_upload_is_named_safely_and_scored_as_the_command_does(server):
    expected = evaluate(SAMPLE)
    answer = server.upload("..\\..\\../样例.xlsx", SAMPLE.read_bytes())
    (card,) = answer["cards"]
    assert card["file"] == "样例.xlsx" and card["total"] == pytest.approx(expected.total_score)
    assert card["grade"] == expected.grade and card["provisional"] == expected.has_errors
    assert [(f["code"], f["where"]) for f in card["findings"]] == [(f.code, str(f.loc) if f.loc else "")
                                                                  for f in expected.findings]


def test_an_upload_over_the_limit_is_refused_with_its_reason(tmp_path):
    s = Server(tmp_path, EXCEL_EVAL_MAX_UNZIPPED_MB="0.01")
    try:
        (card,) = s.upload("大.xlsx", SAMPLE.read_bytes())["cards"]
        assert not card["ok"] and "超过 0.01 MB" in card["reason"]
    finally:
        s.stop()


def test_a_folder_gets_the_batch_summary(server):
    uploads, failed = [], []
    for name in ("000_残疾人基层组织建设补助经费.xlsx", "003_职业技能培训及就业服务.xlsx"):
        uploads.append(server.upload(name, (SAMPLES / name).read_bytes())["upload"])
    bad = server.upload("坏.xlsx", b"PK\x03\x04 broken")
    failed.append({"file": "坏.xlsx", "reason": bad["cards"][0]["reason"]})
    status, body = server.request("api/summary", json.dumps({"uploads": uploads, "failed": failed}).encode(), "POST",
                                  {"content-type": "application/json"})
    summary = json.loads(body)
    assert status == 200 and summary["tally"] == {"完成": 2, "失败": 1}
    assert summary["priority"][0]["file"] == "坏.xlsx" and summary["departments"][0]["projects"] == 2
    status, book = server.request(summary["download"]["url"])
    assert status == 200 and book[:2] == b"PK"
    saved = server.tmp.parent / "汇总.xlsx"
    saved.write_bytes(book)
    rows = CalamineWorkbook.from_path(str(saved)).get_sheet_by_name("汇总").to_python()
    assert not [v for row in rows for v in row if isinstance(v, str) and str(server.tmp) in v]  # no temporary path


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_sigterm_or_ctrl_c_stops_it_and_removes_every_temporary_file(tmp_path, stop):
    s = Server(tmp_path)
    s.upload("样例.xlsx", SAMPLE.read_bytes())
    assert any(s.tmp.rglob("*_评价结果.xlsx"))
    s.proc.send_signal(stop)
    assert s.proc.wait(timeout=20) == 0
    assert list(s.tmp.iterdir()) == []
    assert "已停止" in s.proc.stderr.read()


def test_a_name_from_the_browser_is_reduced_to_a_plain_file_name():
    from excel_eval.gui.workspace import safe_name

    assert safe_name("../../etc/passwd") == "passwd" and safe_name("..\\..\\a.xlsx") == "a.xlsx"
    assert safe_name("CON.xlsx") == "_CON.xlsx" and safe_name('a:b?<>|".xlsx') == "a_b_____.xlsx"
    assert safe_name("") == safe_name("..") == "工作簿.xlsx" and safe_name("自评.xlsx") == "自评.xlsx"


def test_a_port_in_use_is_a_clear_message(server):
    port = server.url.split(":")[2].split("/")[0]
    r = subprocess.run([sys.executable, "-m", "excel_eval", "gui", "--no-browser", "--port", port],
                       capture_output=True, text=True, encoding="utf-8", timeout=30)
    assert r.returncode == 2 and f"端口 {port} 已被占用" in r.stderr and "Traceback" not in r.stderr


# --- the page in a real browser ----------------------------------------------------------------

@pytest.fixture
def page(server):
    if not Path(CHROMIUM).exists():  # under CI (which installs it) a failure, never a silent skip
        message = "Debian 的 chromium 没有安装：apt-get install chromium"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, locale="zh-CN", viewport={"width": 1280, "height": 900})
        outside: list[str] = []  # the page must work offline: any request beyond this machine is recorded

        def route(r):
            if r.request.url.startswith(("http://127.0.0.1:", "data:")):
                return r.continue_()
            outside.append(r.request.url)
            return r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.outside = outside
        page.goto(server.url)
        yield page
        browser.close()


def drop(page, *paths: Path) -> None:
    """Drop files on the drop zone as a person does: a real `drop` event carrying them."""
    files = [[p.name, base64.b64encode(p.read_bytes()).decode()] for p in paths]
    transfer = page.evaluate_handle("""files => {
        const dt = new DataTransfer();
        for (const [name, b64] of files) {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            dt.items.add(new File([bytes], name));
        }
        return dt;
    }""", files)
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})


@pytest.mark.browser
def test_drop_a_workbook_and_read_its_score_findings_and_download(page, tmp_path):
    expected = evaluate(SAMPLE)
    drop(page, SAMPLE)
    card = page.locator(".card").first
    card.locator(".total").wait_for()
    assert card.locator(".total").inner_text() == f"{expected.total_score:.2f}"
    assert card.locator(".grade").inner_text().startswith(expected.grade)
    assert f"待更正：{expected.count(expected.findings[0].severity)}" in card.locator(".grade").inner_text()
    rows = card.locator("tbody tr")
    assert rows.count() == len(expected.findings)
    first = expected.findings[0]
    assert rows.first.locator(".where").inner_text() == str(first.loc) and rows.first.locator(".message").inner_text() \
        == first.message
    card.locator(".filters button", has_text="警告").click()
    visible = [r for r in rows.all() if r.is_visible()]
    assert visible and all(r.get_attribute("data-severity") == "警告" for r in visible)
    assert card.locator("canvas.chart-sections").evaluate("c => c.width") > 0  # drawn by the shipped Chart.js
    with page.expect_download() as info:
        card.locator(".downloads a", has_text="评价结果").click()
    saved = tmp_path / "下载.xlsx"
    info.value.save_as(saved)
    assert CalamineWorkbook.from_path(str(saved)).sheet_names[0] == "总览"
    assert page.locator(".job.done").count() == 1
    assert page.outside == []  # no script, font or style fetched from outside


@pytest.mark.browser
def test_drop_a_corrupt_file_and_see_its_reason(page, tmp_path):
    bad = tmp_path / "损坏的表.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    drop(page, bad)
    reason = page.locator(".card.failed .reason")
    reason.wait_for()
    assert reason.inner_text() == "无法读取：" + evaluate(bad).reason
    assert page.locator(".job.failed .state").inner_text() == "无法读取"


@pytest.mark.browser
def test_the_page_without_the_token_is_403(page, server):
    response = page.goto(server.base)
    assert response.status == 403 and "禁止访问" in page.content()


@pytest.mark.browser
def test_a_folder_picked_gives_the_batch_summary(page, tmp_path):
    folder = tmp_path / "收件箱"
    folder.mkdir()
    for name in ("000_残疾人基层组织建设补助经费.xlsx", "示例_无错误.xlsx"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "说明.txt").write_text("不是工作簿", encoding="utf-8")
    page.set_input_files("#folder", folder)
    panel = page.locator("#batch .batch")
    panel.locator("table").first.wait_for(timeout=60_000)
    assert "完成 2 个，无法读取 0 个；另有 1 个不是工作簿的文件未处理" in panel.inner_text()
    assert page.locator(".card").count() == 2


def test_the_page_s_libraries_load_only_for_gui():
    code = ("import sys, excel_eval.cli, excel_eval.runner, excel_eval.pipeline; "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2', 'pandas', 'playwright') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stderr
