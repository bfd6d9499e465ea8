// excel-eval desktop page: plain JavaScript, no build step. Every text from a workbook is set
// with textContent, never parsed as HTML.
"use strict";

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
const REPORT = /\.(docx|pdf)$/i;  // a unit's 自评报告: checked with the workbook of its name, or on its own
// The words a file name adds to a project's name (as the tool pairs a report with its workbook by name).
const NAME_WORDS = /绩效自评报告|绩效自评表|自评报告|自评表|评价报告|评价表|绩效|报告|[_\-—\s()（）【】\[\].]+/g;
const nameKey = (name) => name.replace(/\.[^.]*$/, "").replace(NAME_WORDS, "");
const COLOURS = { blue: "#2e75b6", grey: "#a6a6a6", green: "#70ad47", orange: "#ed7d31" };
const OPTION_COLOURS = ["#2e75b6", "#5b9bd5", "#a5a5a5", "#f4b183", "#c00000"];

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};
const fixed = (x, d = 2) => (x === null || x === undefined ? "—" : Number(x).toFixed(d));
const percent = (x) => (x === null || x === undefined ? "—" : (x * 100).toFixed(2) + "%");

let busy = Promise.resolve();  // files are checked one after another, in the order shown
const tally = { total: 0, finished: 0, current: 0 };

// --- choosing files ---------------------------------------------------------------------------

function wanted(file) {
  const name = file.name;
  return !name.startsWith("~$") && !name.startsWith(".");
}

async function entries(item) {
  // A dropped folder: every file in it, with its path in the folder (甲单位/自评表.xlsx).
  const entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
  if (!entry) return { files: [item.getAsFile()].filter(Boolean).map((file) => ({ file, path: file.name })), folder: false };
  const read = (e) => new Promise((ok, no) => e.file(ok, no));
  if (entry.isFile) return { files: [{ file: await read(entry), path: entry.name }], folder: false };
  const files = [];
  async function walk(dir) {
    const reader = dir.createReader();
    for (;;) {
      const batch = await new Promise((ok, no) => reader.readEntries(ok, no));
      if (!batch.length) break;
      for (const e of batch) {
        if (e.isDirectory) await walk(e);
        else files.push({ file: await read(e), path: e.fullPath.replace(/^\/+/, "") });
      }
    }
  }
  await walk(entry);
  return { files, folder: true };
}

const byPath = new Intl.Collator("zh-Hans-CN", { numeric: true });

function take(chosen, folder) {
  let list = chosen.filter((c) => wanted(c.file));
  let left = 0;
  if (folder) {  // in a folder, only the workbooks and reports; a file dropped on its own is always tried
    const books = list.filter((c) => WORKBOOK.test(c.file.name) || REPORT.test(c.file.name));
    left = list.length - books.length;
    list = books;
  }
  list = paired(list);
  if (!list.length) {
    note(folder ? "这个文件夹里没有工作簿（.xlsx / .xlsm / .xls / .ods）。" : "没有可处理的文件。");
    return;
  }
  list.sort((a, b) => byPath.compare(a.path, b.path));  // a folder in the order its paths read
  const jobs = list.map((c) => Object.assign(queued(c.file, c.path), { report: c.report || null }));
  tally.total += jobs.length;
  count();
  busy = busy.then(() => runAll(jobs, folder, left));
}

function paired(list) {
  // Each report goes with the one workbook of its name (sent with it); a report left over is checked on its own.
  const books = list.filter((c) => !REPORT.test(c.file.name));
  const out = books.map((c) => ({ ...c }));
  for (const r of list.filter((c) => REPORT.test(c.file.name))) {
    const key = nameKey(r.file.name);
    const match = out.filter((b) => !b.report && key && nameKey(b.file.name)
      && (nameKey(b.file.name).includes(key) || key.includes(nameKey(b.file.name))));
    if (match.length === 1) match[0].report = r.file;
    else if (list.length === 2 && out.length === 1 && !out[0].report) out[0].report = r.file;
    else out.push(r);
  }
  return out;
}

const picked = (files) => Array.from(files).map((file) => ({ file, path: file.webkitRelativePath || file.name }));

function note(text) {
  $("#jobs").prepend(el("div", { className: "job failed" }, el("span", { className: "name", textContent: text })));
}

function count() {
  const counter = $("#counter");
  counter.hidden = false;
  counter.textContent = tally.finished < tally.total
    ? `正在处理第 ${tally.current || tally.finished + 1}/${tally.total} 个文件`
    : `已处理 ${tally.total}/${tally.total} 个文件`;
}

// --- uploading and checking -------------------------------------------------------------------

function queued(file, path) {
  const bar = el("progress", { max: 100, value: 0 });
  const state = el("span", { className: "state", textContent: "等待中" });
  const skip = el("button", { type: "button", className: "skip", textContent: "跳过" });
  const row = el("div", { className: "job" }, el("span", { className: "name", textContent: path, title: path }), bar, state,
    skip);
  row.dataset.file = path;
  $("#jobs").append(row);
  const job = { file, name: path, row, bar, state, skip, skipped: false, xhr: null };
  skip.setAttribute("aria-label", `跳过 ${path}`);
  skip.onclick = () => {  // a slow file: its request is aborted (the server stops its work) and the queue moves on
    job.skipped = true;
    if (job.xhr) job.xhr.abort();
    else finish(job, "skipped", "已跳过");
  };
  return job;
}

// How a file that gave no project is named: on its queue row (state) and on its card (label).
const FAILED = { "too-large": { state: "过大，未处理", label: "文件过大，未处理：" },
  stopped: { state: "未处理完", label: "未处理完：" } };
const UNREADABLE = { state: "无法读取", label: "无法读取：" };
const failedAs = (c) => FAILED[c.failure] || UNREADABLE;

async function upload(job) {
  let pairedWith = "";
  if (job.report) {  // its 自评报告 first, kept by the server for this workbook
    const held = await send(job, job.report, "&hold=1");
    if (held.skipped) return held;
    if (!held.held) return held;  // refused (too large): its card says why
    pairedWith = "&paired=" + encodeURIComponent(held.upload);
  }
  return send(job, job.file, pairedWith);
}

function send(job, file, extra) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    job.xhr = xhr;
    const failed = (reason, failure = "") => resolve({ cards: [{ file: file.name, ok: false, failure, reason }] });
    xhr.open("PUT", "api/files?name=" + encodeURIComponent(file.name) + "&path=" + encodeURIComponent(job.name) + extra);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) job.bar.value = Math.round((e.loaded / e.total) * 90);
      job.state.textContent = "上传中";
    };
    xhr.upload.onload = () => { job.bar.value = 90; job.state.textContent = "正在核对…"; };
    xhr.onload = () => {
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (err) { answer = null; }
      if (answer && (Array.isArray(answer.cards) || answer.held)) return resolve(answer);
      // the server's own line (403, 404, 503 when the page was stopped): Chinese, shown as it is
      failed(xhr.responseText.trim() || `excel-eval 没有回答（${xhr.status}）`, xhr.status === 503 ? "stopped" : "");
    };
    xhr.onabort = () => resolve({ skipped: true });
    xhr.onerror = () => failed("无法连接到 excel-eval（命令窗口是否已关闭？）", "stopped");
    xhr.send(file);
  });
}

function finish(job, kind, text) {
  if (job.row.classList.contains("finished")) return;
  job.row.classList.add("finished", kind);
  job.state.textContent = text;
  job.skip.remove();
  if (kind === "done") job.bar.value = 100;
  tally.finished += 1;
  count();
}

async function runAll(jobs, folder, left) {
  const uploads = [], failed = [];
  for (const job of jobs) {
    if (job.skipped) {
      failed.push({ file: job.name, reason: "在网页上跳过，未处理" });
      continue;
    }
    tally.current = tally.finished + 1;
    count();
    job.row.classList.add("active");
    job.state.textContent = "上传中";
    const answer = await upload(job);
    job.row.classList.remove("active");
    if (answer.skipped) {
      finish(job, "skipped", "已跳过");
      failed.push({ file: job.name, reason: "在网页上跳过，未处理" });
      continue;
    }
    const bad = answer.cards.filter((c) => !c.ok);
    const allBad = !answer.cards.some((c) => c.ok);
    finish(job, allBad ? "failed" : "done", allBad ? failedAs(bad[0] || {}).state : "完成");
    for (const c of answer.cards) {
      c.path = job.name;
      showCard(c);
    }
    if (answer.upload && !allBad && !answer.cards.every((c) => c.report_only)) uploads.push(answer.upload);
    for (const c of bad) failed.push({ file: job.name, reason: c.reason });
  }
  tally.current = 0;
  count();
  if (folder) await summary(uploads, failed, left);
}

// --- a project's card ---------------------------------------------------------------------------

function showCard(c) {
  const card = $("#card-template").content.firstElementChild.cloneNode(true);
  const own = (c.path || c.file).split("/").pop();  // the file as the officer named it
  $(".project", card).textContent = c.ok ? (c.project || own) + (c.sheet ? `（${c.sheet}）` : "") : own;
  const where = c.ok || (c.path || c.file) !== own ? c.path || c.file : "";  // (a failed card's title is its file)
  $(".file", card).textContent = [where, c.ok && c.unit, c.ok && c.year && `${c.year} 年度`, c.ok && c.scheme]
    .filter(Boolean).join(" · ");
  card.dataset.file = c.file;
  $("#cards").prepend(card);
  if (c.note) {
    const note = $(".note", card);
    note.hidden = false;
    note.textContent = c.note;
  }
  if (!c.ok) {
    card.classList.add("failed");
    const reason = $(".reason", card);
    reason.hidden = false;
    reason.textContent = failedAs(c).label + c.reason;
    return;
  }
  $(".total", card).textContent = c.total === null ? c.unknown : fixed(c.total);
  if (c.total === null && c.total_reason) $(".total", card).title = c.total_reason;
  const grade = $(".grade", card);
  grade.textContent = c.grade || "—";
  if (c.provisional) grade.append(el("span", { className: "provisional", textContent: c.provisional }));
  $(".execution", card).textContent = percent(c.execution);
  $(".satisfaction", card).textContent = fixed(c.satisfaction);
  const counts = $(".counts", card);
  for (const s of c.severities) counts.append(el("span", { className: `chip s-${s}`, textContent: `${s} ${c.counts[s]}` }));
  for (const d of c.downloads) {
    downloadsOf(card).append(el("a", { className: "button secondary", href: d.url, download: d.name, textContent: d.label }));
  }
  findings(card, c);
  if (c.report_only) {  // a 自评报告 on its own: its findings, no score and no charts
    card.classList.add("report-only");
    return;
  }
  drawWhenSeen(card, () => charts(card, c));
}

// A folder of hundreds of workbooks: each card's charts are drawn when it first scrolls into view.
const seen = "IntersectionObserver" in window ? new IntersectionObserver((items) => {
  for (const item of items) {
    if (item.isIntersecting && item.target.draw) {
      item.target.draw();
      item.target.draw = null;
      seen.unobserve(item.target);
    }
  }
}, { rootMargin: "400px" }) : null;

function drawWhenSeen(card, draw) {
  if (!seen) return draw();
  card.draw = draw;
  seen.observe(card);
}

const downloadsOf = (card) => $(".downloads", card);

function findings(card, c) {
  const body = $("tbody", card);
  const cell = (label, props, ...children) => {  // the label: each row stacked as a block on a narrow screen
    const td = el("td", props, ...children);
    td.dataset.label = label;
    return td;
  };
  for (const f of c.findings) {
    const row = el("tr", {},
      cell("级别", { className: "severity" }, el("span", { className: `chip s-${f.severity}`, textContent: f.severity })),
      cell("代码", { className: "code", textContent: f.code }),
      cell("位置", { className: "where", textContent: f.where || "—" }),
      cell("问题", { className: "message", textContent: f.message }),
      cell("建议", { className: f.hint ? "hint" : "hint empty", textContent: f.hint }));
    row.dataset.severity = f.severity;
    body.append(row);
  }
  if (!c.findings.length) {
    $("table", card).hidden = true;
    $(".none", card).hidden = false;
    return;
  }
  const filters = $(".filters", card);
  const choices = [["全部", c.findings.length], ...c.severities.map((s) => [s, c.counts[s]])];
  for (const [label, n] of choices) {
    const button = el("button", { type: "button", textContent: `${label} ${n}` });
    button.dataset.severity = label;
    button.setAttribute("aria-pressed", label === "全部" ? "true" : "false");
    button.onclick = () => {
      for (const b of filters.children) b.setAttribute("aria-pressed", b === button ? "true" : "false");
      for (const r of body.children) r.hidden = label !== "全部" && r.dataset.severity !== label;
    };
    filters.append(button);
  }
}

function chart(canvas, type, labels, datasets, options = {}) {
  if (typeof Chart === "undefined") return;
  return new Chart(canvas, {
    type, data: { labels, datasets },
    options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } } }, options),
  });
}

function charts(card, c) {
  const sections = $(".chart-sections", card);
  if (c.sections.length) {
    chart(sections, "bar", c.sections.map((s) => s.label), [  // 产出（未能计算）: no bar, never a 0
      { label: "得分", data: c.sections.map((s) => s.score), backgroundColor: COLOURS.blue },
      { label: "分值", data: c.sections.map((s) => s.weight), backgroundColor: COLOURS.grey }]);
  } else sections.parentElement.classList.add("empty");
  const budget = $(".chart-budget", card);
  $(".budget-caption", card).textContent = `预算执行（${c.budget.unit}）`;
  if (c.budget.lines.length) {
    const names = c.budget.lines.map((l) => l.name);
    const short = names.map((n) => (n.length > 8 ? n.slice(0, 7) + "…" : n));  // the whole name in the tooltip
    chart(budget, "bar", short, [
      { label: "全年预算数", data: c.budget.lines.map((l) => l.budget), backgroundColor: COLOURS.grey },
      { label: "执行数", data: c.budget.lines.map((l) => l.executed), backgroundColor: COLOURS.green }],
      { plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: { callbacks: { title: (items) => names[items[0].dataIndex] } } } });
  } else budget.parentElement.classList.add("empty");
  const survey = $(".chart-survey", card);
  if (c.survey) {
    chart(survey, "bar", c.survey.options, [{ label: "人数", data: c.survey.counts, backgroundColor: OPTION_COLOURS }],
      { plugins: { legend: { display: false } } });
  } else survey.parentElement.classList.add("empty");
}

// --- a folder's summary -----------------------------------------------------------------------

async function summary(uploads, failed, left) {
  const box = $("#batch");
  box.hidden = false;
  box.replaceChildren(el("div", { className: "batch" }, el("h2", { textContent: "批量汇总" }),
    el("p", { textContent: "正在生成汇总表…" })));
  let s;
  try {
    const r = await fetch("api/summary", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ uploads, failed }) });
    if (!r.ok) throw new Error((await r.text()).trim() || `excel-eval 没有回答（${r.status}）`);
    s = await r.json();
  } catch (err) {
    // a fetch that never reached the server fails with the browser's English words: said in Chinese
    const reason = err instanceof TypeError ? "无法连接到 excel-eval（命令窗口是否已关闭？）" : err.message;
    box.firstChild.lastChild.textContent = "汇总表生成失败：" + reason;
    return;
  }
  const panel = el("div", { className: "batch" });
  const head = el("div", { className: "card-head" }, el("h2", { textContent: "批量汇总" }),
    el("div", { className: "downloads" }, el("a", { className: "button", href: s.download.url, download: s.download.name,
      textContent: "下载汇总表" })));
  const done = `完成 ${s.tally["完成"]} 个，无法读取 ${s.tally["失败"]} 个` + (left ? `；另有 ${left} 个不是工作簿的文件未处理` : "");
  panel.append(head, el("p", { className: "tally", textContent: done + "。汇总表含抽查优先、按主管部门和历年对比。" }));
  panel.append(el("h3", { textContent: "按主管部门" }), table(
    ["主管部门", "项目数", "平均分", "最低分", "优", "良", "中", "差", "加权执行率", "错误", "警告"],
    s.departments.map((d) => [d.department, d.projects, fixed(d.mean), fixed(d.lowest), d["优"], d["良"], d["中"], d["差"],
      percent(d.execution), d.errors, d.warnings])));
  panel.append(el("h3", { textContent: "抽查优先（前 50 个）" }), table(
    ["排名", "优先分", "文件", "项目名称", "核算总分", "等级", "抽查理由"],
    s.priority.map((p) => [p.rank, p.priority, p.file + (p.sheet ? `（${p.sheet}）` : ""), p.project, fixed(p.total),
      p.grade, p.reasons])));
  box.replaceChildren(panel);
}

function table(heads, rows) {
  const t = el("table", {}, el("thead", {}, el("tr", {}, ...heads.map((h) => el("th", { textContent: h })))));
  const body = el("tbody");
  for (const r of rows) {
    body.append(el("tr", {}, ...r.map((v) => el("td", { textContent: v === null || v === undefined ? "" : String(v),
      className: typeof v === "number" || /^[\d.,%—-]+$/.test(String(v)) ? "num" : "" }))));
  }
  t.append(body);
  return el("div", { className: "scroll", tabIndex: 0 }, t);  // wide: scrolled sideways on a narrow screen
}

// --- wiring -------------------------------------------------------------------------------------

const drop = $("#drop");
for (const type of ["dragenter", "dragover"]) {
  drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); });
}
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", async (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  const items = Array.from(e.dataTransfer.items || []).filter((i) => i.kind === "file");
  if (!items.length) return take(picked(e.dataTransfer.files), false);
  const found = await Promise.all(items.map(entries));
  take(found.flatMap((f) => f.files), found.some((f) => f.folder));
});
document.addEventListener("dragover", (e) => e.preventDefault());  // a miss does not open the file in the browser
document.addEventListener("drop", (e) => e.preventDefault());
$("#picker").addEventListener("change", (e) => { take(picked(e.target.files), false); e.target.value = ""; });
$("#folder").addEventListener("change", (e) => { take(picked(e.target.files), true); e.target.value = ""; });
// Real buttons (reachable by Tab, pressed with Enter or Space) open the hidden file inputs.
$("#pick-files").addEventListener("click", () => $("#picker").click());
$("#pick-folder").addEventListener("click", () => $("#folder").click());
