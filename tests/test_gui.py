"""`excel-eval gui`: the server (token, loopback, downloads, limits, clean stop) and the page in a
real browser (Playwright driving Debian's chromium)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
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


# A server whose workbooks named 慢… take a minute: read in a child process, as the page runs each
# upload (registered with the workspace, so that a skip or a stop kills it), or, with SLOW=thread,
# in the server's own thread. After its child, the worker writes `结果` as write_outputs would.
SLOW = """
import os, subprocess, sys, time
from pathlib import Path
from excel_eval.gui.workspace import Workspace

evaluate = Workspace.process

def process(self, upload, path):
    if not path.name.startswith("慢"):
        return evaluate(self, upload, path)
    if os.environ.get("SLOW") == "thread":
        time.sleep(60)
    else:
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        Path(os.environ["CHILD_PID"]).write_text(str(child.pid))
        with self.child(upload, child):
            child.wait()
    (path.parent / "结果").mkdir(parents=True, exist_ok=True)
    return []

Workspace.process = process
from excel_eval.entry import main
main(["gui", "--no-browser"])
"""


class Server:
    started: list[Server] = []  # every server a test starts, killed after it if it is still running

    def __init__(self, tmp: Path, script: str | None = None, **env: str):
        self.tmp = tmp / "tmp"
        self.tmp.mkdir(exist_ok=True)
        command = ["-c", script] if script else ["-m", "excel_eval", "gui", "--no-browser"]
        self.proc = subprocess.Popen([sys.executable, *command],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                     env={**os.environ, "TMPDIR": str(self.tmp), "TEMP": str(self.tmp), **env})
        Server.started.append(self)
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
        status, _, body = self.exchange(path, data, method, headers)
        return status, body

    def exchange(self, path: str, data: bytes | None = None, method: str = "GET", headers: dict | None = None):
        """(status, headers, body) of one request."""
        req = urllib.request.Request(path if path.startswith("http") else self.url + path, data=data, method=method,
                                     headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def upload(self, name: str, data: bytes) -> dict:
        return self.upload_as(name, name, data)

    def upload_as(self, name: str, path: str, data: bytes) -> dict:
        """As the page sends a file: its name, and its path in the folder chosen."""
        status, body = self.request(f"api/files?name={quote(name)}&path={quote(path)}", data, "PUT",
                                    {"content-type": "application/octet-stream"})
        assert status == 200, body
        return json.loads(body)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=20)


@pytest.fixture(autouse=True)
def no_server_left():
    yield
    while Server.started:
        s = Server.started.pop()
        if s.proc.poll() is None:  # a test that failed before it stopped its server
            s.proc.kill()
            s.proc.wait()


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
    assert card["ok"] and [d["label"] for d in card["downloads"]] == ["评价结果", "标注副本", "自评报告", "更正副本（33 处）",
                                                                      "全部（zip）"]
    status, body = server.request(card["downloads"][0]["url"])
    assert status == 200 and body[:2] == b"PK"
    corrected = card["downloads"][3]
    status, body = server.request(corrected["url"])  # the officer's own table back, corrected
    assert status == 200 and body[:2] == b"PK" and corrected["name"] == "样例_已更正.xlsx"
    for bad in ("download/999", "download/..%2F..%2Fetc%2Fpasswd", "download/../../etc/passwd", "download/1/../2",
                f"download/{quote(SAMPLE.name)}"):
        status, _ = server.request(bad)
        assert status in (403, 404), bad


def test_an_upload_is_named_safely_and_scored_as_the_command_does(server):
    expected = evaluate(SAMPLE)
    answer = server.upload("..\\..\\../样例.xlsx", SAMPLE.read_bytes())
    (card,) = answer["cards"]
    assert card["file"] == "样例.xlsx" and card["total"] == pytest.approx(expected.total_score)
    assert card["grade"] == expected.grade and bool(card["provisional"]) == expected.has_errors
    assert card["grade"] + (f"（{card['provisional']}）" if card["provisional"] else "") == expected.grade_label
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


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "Ctrl+C", "terminal closed"])
def test_sigterm_or_ctrl_c_stops_it_and_removes_every_temporary_file(tmp_path, stop):
    s = Server(tmp_path)
    s.upload("样例.xlsx", SAMPLE.read_bytes())
    assert any(s.tmp.rglob("*_评价结果.xlsx"))
    s.proc.send_signal(stop)
    assert s.proc.wait(timeout=20) == 0
    assert list(s.tmp.iterdir()) == []
    assert "已停止" in s.proc.stderr.read()


def wait_for(found, what: str, seconds: float = 30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if found():
            return
        time.sleep(0.05)
    raise AssertionError(f"no {what} within {seconds} s")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") < 0  # a zombie is gone, only not yet reaped


def said_cleanly(stderr: str) -> None:
    """The console of a stop: the two lines of the page, nothing else (no traceback, no English)."""
    assert "Traceback" not in stderr and "Error" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == "excel-eval 网页已停止，临时文件已删除。", stderr


@pytest.mark.parametrize("where", ["child", "thread"], ids=["in a child process", "in the server's thread"])
def test_a_stop_with_a_file_in_flight_ends_within_5_s_and_leaves_nothing(tmp_path, where):
    child = tmp_path / "child"
    s = Server(tmp_path, SLOW, SLOW=where, CHILD_PID=str(child))
    answer = {}
    sender = threading.Thread(target=lambda: answer.update(r=s.request(f"api/files?name={quote('慢.xlsx')}",
                                                                       SAMPLE.read_bytes(), "PUT")))
    sender.start()
    wait_for(lambda: any(s.tmp.rglob("慢.xlsx")) and (where == "thread" or child.exists()), "file in flight")
    s.proc.send_signal(signal.SIGTERM)
    assert s.proc.wait(timeout=5) == 0  # not the minute the file takes
    sender.join(10)
    status, body = answer["r"]
    assert status == 503 and "已停止，这个文件没有处理完" in body.decode()  # the waiting upload answered, not a 500
    assert list(s.tmp.iterdir()) == []  # and no `结果` made by the worker after the folder was removed
    if where == "child":
        assert not alive(int(child.read_text()))
    said_cleanly(s.proc.stderr.read())


def test_a_stop_while_a_file_is_being_sent_answers_it_and_leaves_nothing(tmp_path):
    s = Server(tmp_path)
    host, port, token = s.url.split("/")[2].split(":") + [s.url.split("/")[3]]
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"PUT /{token}/api/files?name=a.xlsx HTTP/1.1\r\nHost: {host}:{port}\r\n"
                     "Content-Length: 10000000\r\n\r\n".encode() + b"PK\x03\x04" * 1000)  # and then nothing more
        wait_for(lambda: any(s.tmp.rglob("a.xlsx")), "upload begun")
        s.proc.send_signal(signal.SIGINT)
        assert s.proc.wait(timeout=5) == 0
        assert sock.recv(100).startswith(b"HTTP/1.1 503")
    assert list(s.tmp.iterdir()) == []
    said_cleanly(s.proc.stderr.read())


def test_a_file_skipped_while_checked_has_its_child_killed_and_the_page_goes_on(tmp_path):
    child = tmp_path / "child"
    s = Server(tmp_path, SLOW, CHILD_PID=str(child))
    try:
        host, port, token = s.url.split("/")[2].split(":") + [s.url.split("/")[3]]
        data = SAMPLE.read_bytes()
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(f"PUT /{token}/api/files?name={quote('慢.xlsx')} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                         f"Content-Length: {len(data)}\r\n\r\n".encode() + data)
            wait_for(child.exists, "child process")
        # the page aborted the request (its 跳过 button): the child is killed and the upload's files removed
        wait_for(lambda: not alive(int(child.read_text())), "child killed", 5)
        wait_for(lambda: not any(s.tmp.rglob("慢.xlsx")), "upload removed", 5)
        (card,) = s.upload("样例.xlsx", data)["cards"]
        assert card["ok"]
    finally:
        assert s.stop() == 0
    said_cleanly(s.proc.stderr.read())


def test_folders_left_by_earlier_runs_are_swept_at_start_never_a_live_one(tmp_path):
    killed = Server(tmp_path)  # a run killed outright (or a power cut) leaves the officers' workbooks behind
    killed.upload("样例.xlsx", SAMPLE.read_bytes())
    killed.proc.kill()
    killed.proc.wait()
    tmp = killed.tmp
    left = [*tmp.glob(f"excel-eval-gui-{killed.proc.pid}-*"), tmp / "excel-eval-gui-k2j3h4g5"]  # and a release's
    live = tmp / f"excel-eval-gui-{os.getpid()}-a1b2c3d4"  # before the folders carried their run's id; a live run
    for folder in left[1:] + [live]:
        (folder / "1" / "结果").mkdir(parents=True)
        (folder / "1" / "自评表.xlsx").write_bytes(b"the officers' workbook")
    log = tmp / "excel-eval-错误-20250101_000000.log"
    log.write_text("kept")
    assert len(left) == 2 and any(left[0].rglob("*_评价结果.xlsx"))
    s = Server(tmp_path)
    try:
        own = [p for p in tmp.iterdir() if p.name.startswith(f"excel-eval-gui-{s.proc.pid}-")]
        assert sorted(tmp.iterdir()) == sorted([live, log, *own]) and len(own) == 1
    finally:
        s.stop()
    assert sorted(tmp.iterdir()) == sorted([live, log])
    assert "已删除以前运行留下的临时文件（2 个文件夹）" in s.proc.stderr.read()


def test_closing_the_console_window_removes_the_folder_at_once(tmp_path):
    """Windows' console control handler, called as Windows calls it (it cannot be run here)."""
    from excel_eval.gui.server import CONSOLE_CLOSED, on_console_event
    from excel_eval.gui.workspace import Workspace

    workspace = Workspace(root=tmp_path / "ws")
    (workspace.root / "1").mkdir(parents=True)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with workspace.child("1", child):
        assert on_console_event(workspace, 0) is False  # Ctrl+C: left to Python's own handler
        assert workspace.root.exists() and child.poll() is None
        assert CONSOLE_CLOSED[0] == 2 and on_console_event(workspace, 2) is False  # CTRL_CLOSE_EVENT
        assert child.wait(timeout=5) != 0 and not workspace.root.exists()


def test_a_name_from_the_browser_is_reduced_to_a_plain_file_name():
    from excel_eval.gui.workspace import MAX_NAME_BYTES, OUTPUT_ROOM, name_note, safe_name

    assert safe_name("../../etc/passwd.xlsx") == "passwd.xlsx" and safe_name("..\\..\\a.xlsx") == "a.xlsx"
    assert safe_name('a:b?<>|".xlsx') == "a_b_____.xlsx" and safe_name("自评.xlsx") == "自评.xlsx"
    assert safe_name("") == safe_name("..") == "工作簿.xlsx" and safe_name("表.XLS") == "表.XLS"
    # Windows devices, in any case, with a space before the dot, or with superscript digits
    for device in ("CON.xlsx", "prn.xlsx", "Aux.xlsx", "NUL .xlsx", "nul.tar.xlsx", "COM1.xlsx", "lpt9.xlsx",
                   "CONIN$.xlsx", "conout$.xlsx", "COM\u00b9.xlsx", "LPT\u00b3.xlsx", "com0.xlsx"):
        assert safe_name(device) == "_" + device, device
    assert safe_name("CONSOLE.xlsx") == "CONSOLE.xlsx" and safe_name("COM10.xlsx") == "COM10.xlsx"
    # bidi controls and other invisible format characters: `表\u202exslx.exe` must not show as `表exe.xlsx`
    assert safe_name("\u202a表\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\ufeff.xlsx") == "表.xlsx"
    # a name that is not a workbook's is saved as one: its outputs are workbooks, never `x_标注.html`
    assert safe_name("x.html") == "x_html.xlsx" and safe_name("报表") == "报表.xlsx"
    assert "x_html.xlsx" in name_note("x.html") and name_note("自评.xlsx") == ""
    # by UTF-8 bytes: 100 Chinese characters (300 bytes) are shortened so that every output name fits
    long = "项" * 100 + ".xlsx"
    saved = safe_name(long)
    assert saved.endswith(".xlsx") and saved.startswith("项" * 40)
    assert len(saved.encode()) - len(".xlsx") <= MAX_NAME_BYTES - OUTPUT_ROOM
    assert len((saved[:-5] + "_" + "表" * 31 + "_xls_评价结果(20).xlsx").encode()) <= MAX_NAME_BYTES
    assert "文件名过长（305 字节" in name_note(long) and saved in name_note(long)


def test_a_long_chinese_name_or_another_extension_is_processed_and_said(server):
    long = "云南省" + "项目支出绩效自评表" * 11 + ".xlsx"  # 102 characters, 306 bytes
    (card,) = server.upload(long, SAMPLE.read_bytes())["cards"]
    assert card["ok"] and "文件名过长" in card["note"] and card["file"] in card["note"]
    assert all(server.request(d["url"])[0] == 200 for d in card["downloads"])
    (card,) = server.upload("自评\u202e.html", SAMPLE.read_bytes())["cards"]
    assert card["ok"] and card["file"] == "自评_html.xlsx" and "扩展名" in card["note"]
    assert {Path(d["name"]).suffix for d in card["downloads"]} <= {".xlsx", ".docx", ".zip"}


def test_odd_paths_and_wrong_requests_are_answered_in_chinese(server):
    for path in ("%E9%A1%B9/", "%E9%A1%B9", "api/summary/", "download/%E9%A1%B9/", "static/", "static/%E9%A1%B9",
                 "download/999", "nothing"):
        status, body = server.request(path)
        assert status == 404 and "没有这个页面或文件" in body.decode(), path
    status, body = server.request(server.base + "%E9%A1%B9/")  # no token, not ASCII
    assert status == 403 and "禁止访问" in body.decode()
    status, body = server.request("api/files", method="DELETE")
    assert status == 405 and "不支持这种请求" in body.decode()
    for wrong in (b'{"uploads":5}', b'{"uploads":[1]}', b'{"failed":[1]}', b'{"failed":[{"file":3}]}', b"[]", b'"x"',
                  b"5", b"{", b"\xff\xfe"):
        status, body = server.request("api/summary", wrong, "POST", {"content-type": "application/json"})
        assert status == 400 and "汇总请求的格式不对" in body.decode(), wrong


def test_every_answer_keeps_the_page_to_itself(server):
    (card,) = server.upload("样例.xlsx", SAMPLE.read_bytes())["cards"]
    for path in ("", "static/app.js", card["downloads"][1]["url"], "nothing", server.base):
        status, headers, _ = server.exchange(path)
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "no-referrer" and headers["Cache-Control"] == "no-store", path
    # a page of another origin cannot use the token, even when it has it; the page's own origin can
    origin = server.url.split("/", 3)
    own = f"{origin[0]}//{origin[2]}"
    for foreign in ("http://evil.example", "null", own.replace("127.0.0.1", "localhost"), own + "0"):
        status, body = server.request(f"api/files?name=a.xlsx", SAMPLE.read_bytes(), "PUT", {"Origin": foreign})
        assert status == 403 and "禁止访问" in body.decode(), foreign
    status, _ = server.request(f"api/files?name=a.xlsx", SAMPLE.read_bytes(), "PUT", {"Origin": own})
    assert status == 200


def test_the_gate_lets_only_http_and_the_lifespan_through(tmp_path):
    import asyncio

    from excel_eval.gui.app import create_app
    from excel_eval.gui.workspace import Workspace

    app = create_app(Workspace(root=tmp_path), "token")

    async def call(scope, incoming):
        sent = []

        async def receive():
            return incoming.pop(0) if incoming else await asyncio.sleep(3600)

        async def send(message):
            sent.append(message["type"])

        await asyncio.wait_for(app(scope, receive, send), 10)
        return sent

    socket = {"type": "websocket", "path": "/token/", "headers": [(b"host", b"127.0.0.1:1")], "query_string": b""}
    assert asyncio.run(call(socket, [{"type": "websocket.connect"}])) == ["websocket.close"]
    lifespan = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    assert asyncio.run(call({"type": "lifespan", "asgi": {"version": "3.0"}}, lifespan)) == \
        ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_a_file_too_large_is_labelled_so_with_what_to_do(tmp_path):
    s = Server(tmp_path, EXCEL_EVAL_MAX_ROWS="5")  # the reader's own limit, as well as the upload's size
    try:
        for card in s.upload("大表.xlsx", SAMPLE.read_bytes())["cards"]:
            assert card["failure"] == "too-large" and "超过上限 5 行" in card["reason"], card
            assert "环境变量" not in card["reason"] and "拆分" in card["reason"]
    finally:
        s.stop()


def test_a_library_s_english_never_reaches_a_card(server):
    import io
    import zipfile

    from excel_eval.voice import page_reason

    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets><sheet name=")
    (card,) = server.upload("坏.xlsx", broken.getvalue())["cards"]
    words = re.sub(r"Excel|WPS", "", card["reason"])  # (the programs an officer knows by these names)
    assert not card["ok"] and card["reason"] and not re.search(r"[A-Za-z]{3,}", words), card["reason"]
    assert page_reason("文件内容损坏或不安全，无法读取（I/O error: File is larger than its declared uncompressed size）") \
        == "文件内容损坏或不安全，无法读取"
    assert page_reason("内部错误：ValueError: bad value") == "内部错误：这个文件未能处理，请把它发给维护人员"
    assert page_reason("无法读取工作表“Sheet1”（没有表头）") == "无法读取工作表“Sheet1”（没有表头）"
    assert page_reason("请使用标准模板（excel-eval template）") == "请使用标准模板（excel-eval template）"


def test_the_folder_summary_keeps_each_file_s_place_in_the_folder(server):
    uploads = []
    for unit in ("甲单位", "乙单位"):
        answer = server.upload_as("项目支出绩效自评表.xlsx", f"收件箱/{unit}/项目支出绩效自评表.xlsx", SAMPLE.read_bytes())
        uploads.append(answer["upload"])
    failed = [{"file": "收件箱/丙单位/\u202e坏.xlsx", "reason": "文件已损坏"}]
    status, body = server.request("api/summary", json.dumps({"uploads": uploads, "failed": failed}).encode(), "POST",
                                  {"content-type": "application/json"})
    summary = json.loads(body)
    assert status == 200 and {p["file"] for p in summary["priority"]} == \
        {"收件箱/甲单位/项目支出绩效自评表.xlsx", "收件箱/乙单位/项目支出绩效自评表.xlsx", "收件箱/丙单位/坏.xlsx"}
    saved = server.tmp.parent / "汇总.xlsx"
    saved.write_bytes(server.request(summary["download"]["url"])[1])
    cells = {v for row in CalamineWorkbook.from_path(str(saved)).get_sheet_by_name("汇总").to_python() for v in row}
    assert {"收件箱/甲单位/项目支出绩效自评表.xlsx", "收件箱/乙单位/项目支出绩效自评表.xlsx"} <= cells


def test_a_port_in_use_is_a_clear_message(server):
    port = server.url.split(":")[2].split("/")[0]
    r = subprocess.run([sys.executable, "-m", "excel_eval", "gui", "--no-browser", "--port", port],
                       capture_output=True, text=True, encoding="utf-8", timeout=30)
    assert r.returncode == 2 and f"端口 {port} 已被占用" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("port", ["70000", "0", "http"])
def test_a_port_out_of_range_is_a_usage_line(port):
    r = subprocess.run([sys.executable, "-m", "excel_eval", "gui", "--no-browser", "--port", port],
                       capture_output=True, text=True, encoding="utf-8", timeout=30)
    assert r.returncode == 2 and "“--port”的值不对" in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert {"70000": "应不大于 65535", "0": "应不小于 1", "http": "应为整数"}[port] in r.stderr


# --- the page in a real browser ----------------------------------------------------------------

@contextlib.contextmanager
def browse(server, width: int = 1280):
    """The page in Debian's chromium, at a window `width` pixels wide."""
    if not Path(CHROMIUM).exists():  # under CI (which installs it) a failure, never a silent skip
        message = "Debian 的 chromium 没有安装：apt-get install chromium"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, locale="zh-CN", viewport={"width": width, "height": 900})
        outside: list[str] = []  # the page must work offline: any request beyond this machine is recorded

        def route(r):
            if r.request.url.startswith(("http://127.0.0.1:", "data:")):
                return r.continue_()
            outside.append(r.request.url)
            return r.abort()

        context.route("**/*", route)
        # whatever the Content-Security-Policy refuses (an inline script or style, a data: image) is recorded
        context.add_init_script("window.refused = []; document.addEventListener('securitypolicyviolation', "
                                "e => window.refused.push(e.violatedDirective + ' ' + e.blockedURI))")
        page = context.new_page()
        # file choosers are caught from the start (Playwright turns the catching on with its first listener,
        # and a key pressed before that would open the real dialog, which a headless browser cancels)
        page.on("filechooser", lambda chooser: None)
        page.outside = outside
        page.goto(server.url)
        yield page
        browser.close()


@pytest.fixture
def page(server):
    with browse(server) as page:
        yield page


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
def test_an_unfinished_form_s_card_says_unknown_never_zero(page, tmp_path):
    """012 (完成值 and 得分 blank): the total says 未能计算 and why; the sections' chart names the
    sections it cannot score, with no bar for them (a 0 would read as a score)."""
    unfinished = SAMPLES / "自评表" / "012_青神县工资性支出.xlsx"
    drop(page, unfinished)
    card = page.locator(".card").first
    card.locator(".total").wait_for()
    assert card.locator(".total").inner_text() == "未能计算"
    assert "I019" in card.locator(".total").get_attribute("title")
    card.scroll_into_view_if_needed()
    card.locator("canvas.chart-sections").evaluate("c => new Promise(r => requestAnimationFrame(r))")
    chart = card.locator("canvas.chart-sections").evaluate(
        "c => { const ch = Chart.getChart(c); return ch && {labels: ch.data.labels, scores: ch.data.datasets[0].data}; }")
    assert chart["labels"] == ["预算执行率", "产出（未能计算）", "效益（未能计算）"]
    assert chart["scores"] == [10, None, None]
    card.screenshot(path=tmp_path / "unfinished-card.png")


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
    assert page.evaluate("window.refused") == []  # and the page works under its own policy


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
def test_a_folder_picked_gives_the_batch_summary_in_path_order(page, tmp_path):
    folder = tmp_path / "收件箱"
    for unit in ("乙单位", "甲单位"):
        (folder / unit).mkdir(parents=True)
        shutil.copy(SAMPLES / "000_残疾人基层组织建设补助经费.xlsx", folder / unit / "项目支出绩效自评表.xlsx")
    shutil.copy(SAMPLES / "示例_无错误.xlsx", folder / "示例_无错误.xlsx")
    (folder / "丙单位").mkdir()
    (folder / "丙单位" / "坏.xlsx").write_bytes(b"PK\x03\x04 broken")
    (folder / "说明.txt").write_text("不是工作簿", encoding="utf-8")
    page.set_input_files("#folder", folder)
    panel = page.locator("#batch .batch")
    panel.locator("table").first.wait_for(timeout=60_000)
    assert "完成 3 个，无法读取 1 个；另有 1 个不是工作簿的文件未处理" in panel.inner_text()
    assert page.locator(".card").count() == 4
    rows = page.locator(".job")
    assert [r.get_attribute("data-file") for r in rows.all()] == [  # by path, in Chinese order: bing, jia, shi, yi
        "收件箱/丙单位/坏.xlsx", "收件箱/甲单位/项目支出绩效自评表.xlsx", "收件箱/示例_无错误.xlsx",
        "收件箱/乙单位/项目支出绩效自评表.xlsx"]
    assert page.locator("#counter").inner_text() == "已处理 4/4 个文件"
    bad = page.locator(".job", has_text="坏.xlsx")
    assert "failed" in bad.get_attribute("class") and bad.locator(".state").inner_text() == "无法读取"
    assert not bad.locator("progress").is_visible()  # not a full blue bar
    page.locator("#queue").screenshot(path=tmp_path / "queue.png")
    priority = panel.locator("table").nth(1).inner_text()
    assert "收件箱/甲单位/项目支出绩效自评表.xlsx" in priority and "收件箱/乙单位/项目支出绩效自评表.xlsx" in priority


def one_line_each(page) -> list[str]:
    """The buttons and button-like links whose label is broken over more than one line."""
    return page.evaluate("""() => [...document.querySelectorAll('button, a.button, .chip')]
        .filter(b => b.offsetParent !== null)
        .filter(b => { const r = document.createRange(); r.selectNodeContents(b);
                       return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1; })
        .map(b => b.textContent)""")


def press_tab_until(page, found: str, most: int = 80) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {found}; }})()"):
            return
    raise AssertionError(f"Tab never reached {found}")


@pytest.mark.browser
def test_a_phone_sized_window_and_the_keyboard_alone(server, tmp_path):
    expected = evaluate(SAMPLE)
    with browse(server, 390) as page:
        # the pickers are real buttons: reached by Tab, pressed by Enter, with the focus shown
        press_tab_until(page, "e.id === 'pick-files'")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Enter")
        chooser.value.set_files(SAMPLE)
        card = page.locator(".card").first
        card.locator(".total").wait_for(timeout=60_000)
        assert card.locator(".total").inner_text() == f"{expected.total_score:.2f}"
        # nothing wider than the window; each finding a block, its problem across the block; no label broken
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        row = card.locator("tbody tr").first
        assert card.locator("thead").is_hidden()
        assert row.locator(".message").bounding_box()["width"] > 0.8 * row.bounding_box()["width"]
        assert one_line_each(page) == []
        page.screenshot(path=tmp_path / "page-390.png")
        card.locator("tbody").screenshot(path=tmp_path / "findings-390.png")
        # a filter by Space, a download by Enter
        press_tab_until(page, "e.dataset.severity === '警告'")
        page.keyboard.press("Space")
        visible = [r for r in card.locator("tbody tr").all() if r.is_visible()]
        assert visible and all(r.get_attribute("data-severity") == "警告" for r in visible)
        page.keyboard.press("Shift+Tab")
        press_tab_until(page, "e.textContent === '评价结果'")
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        assert download.value.suggested_filename.endswith("_评价结果.xlsx")
        # the folder picker too, by Space
        folder = tmp_path / "收件箱"
        folder.mkdir()
        shutil.copy(SAMPLES / "示例_无错误.xlsx", folder / "示例_无错误.xlsx")
        page.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
        press_tab_until(page, "e.id === 'pick-folder'")
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(folder)
        page.locator("#batch table").first.wait_for(timeout=60_000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 and one_line_each(page) == []
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate("window.scrollTo(0, 0)")
            # (the charts follow a new width a moment later)
            wait_for(lambda: page.evaluate("document.documentElement.scrollWidth") <= width, "layout at " + str(width), 5)
            assert one_line_each(page) == []
            page.screenshot(path=tmp_path / f"page-{width}.png")
        page.locator("#batch").screenshot(path=tmp_path / "batch-1280.png")
        assert page.evaluate("window.refused") == []


@pytest.mark.browser
def test_a_slow_file_is_skipped_and_the_queue_goes_on(tmp_path):
    child = tmp_path / "child"
    s = Server(tmp_path, SLOW, CHILD_PID=str(child))
    try:
        slow, other = tmp_path / "慢.xlsx", tmp_path / "样例.xlsx"
        shutil.copy(SAMPLE, slow)
        shutil.copy(SAMPLE, other)
        with browse(s) as page:
            drop(page, other, slow)
            first = page.locator(".job").first
            assert first.get_attribute("data-file") == "慢.xlsx"  # 慢 (màn) before 样 (yàng): sorted by path
            wait_for(child.exists, "child process")
            assert page.locator("#counter").inner_text() == "正在处理第 1/2 个文件"
            first.locator("button.skip").click()
            page.locator(".job.done").wait_for(timeout=60_000)
            assert first.locator(".state").inner_text() == "已跳过" and not first.locator("progress").is_visible()
            assert page.locator("#counter").inner_text() == "已处理 2/2 个文件"
            assert page.locator(".card").count() == 1
            page.locator("#queue").screenshot(path=tmp_path / "queue-skipped.png")
        wait_for(lambda: not alive(int(child.read_text())), "child killed", 5)
    finally:
        assert s.stop() == 0
    said_cleanly(s.proc.stderr.read())


def test_the_page_s_libraries_load_only_for_gui():
    code = ("import sys, excel_eval.cli, excel_eval.runner, excel_eval.pipeline; "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2', 'pandas', 'playwright') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stderr


def _abort(path):
    import faulthandler
    faulthandler.disable()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # (quietly: the test's output stays readable)
    os.abort()  # what a native reader's allocation failure does


def test_a_file_that_kills_its_child_costs_one_card_and_the_next_file_scores(tmp_path):
    from excel_eval.gui.workspace import Workspace, evaluate_upload
    from excel_eval.isolation import Workers

    ws = Workspace(root=tmp_path / "ws")
    ws.root.mkdir()
    try:
        ws._workers = Workers(_abort, 1, 20, "spawn")
        upload, path = ws.new_upload("坏.xlsx")
        path.write_bytes(SAMPLE.read_bytes())
        (card,) = ws.process(upload, path)
        assert not card["ok"] and "工作进程意外退出" in card["reason"]
        ws._workers.close()
        ws._workers = Workers(evaluate_upload, 1, 20, "spawn")
        upload, path = ws.new_upload("好.xlsx")
        path.write_bytes(SAMPLE.read_bytes())
        (card,) = ws.process(upload, path)
        assert card["ok"] and ws.download(card["downloads"][0]["url"].split("/")[-1]).is_file()
    finally:
        ws.close()
