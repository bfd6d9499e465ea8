"""How a result is said, each way in one place: the console's lines (`run`, `check`), the JSON
document, and the page's card. The batch's row is made from the JSON document (batch.Item)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .layout import OPTION_NAMES
from .step import Outcome
from .result import Result
from .text import display_width
from .vocab import UNGRADED, UNKNOWN_SCORE, Failure, FixKind, Severity, provisional
from .keys import Key

REPORT_ALONE = ("只核对了自评报告本身（未写出文件）；与自评表一同核对：excel-eval 自评表.xlsx 自评报告.docx")
REPORT_ALONE_PAGE = "只核对了自评报告本身；把它和自评表一同拖入（文件名相同或写明同一项目），即可与自评表对照核对。"
UNPAIRED = "{report}：没有找到与它对应的自评表（按文件名），只核对报告本身"
FIRST_FINDINGS = 5  # what `run` shows of a workbook's findings; the results workbook has them all
BUDGET_LINES = 20  # the page's budget chart: its bars


def summary_line(result: Result) -> str:
    """`文件.xlsx：核算总分 92.00（优，待更正：27 个错误）；错误 27，警告 3，提示 2`"""
    if result.report_only:
        return f"{name(result)}（自评报告）：" + "，".join(f"{sev.value} {n}" for sev, n in result.counts.items())
    errors = result.count(Severity.ERROR)
    pending = f"，{provisional(errors)}" if errors else ""  # a grade from a self-contradicting workbook
    total = f"核算总分 {result.total_score:.2f}（{result.grade or UNGRADED}{pending}）" \
        if result.total_score is not None else f"{UNKNOWN_SCORE}总分"
    return f"{name(result)}：{total}；" + "，".join(f"{sev.value} {n}" for sev, n in result.counts.items())


def name(result: Result) -> str:
    """The file, and the project's sheet when it holds several: `部门导出.xlsx（项目甲）`."""
    return f"{result.path.name}（{result.part}）" if result.part else result.path.name


def finding_line(f, width: int = 0) -> str:
    """`错误 B005 预算!C7  合计 30 ≠ 各行之和 29（影响总分 -1.00）`; `width` aligns the messages."""
    where = str(f.loc) if f.loc else "-"
    effect = f"（{f.effect_text}）" if f.effect_text else ""
    return f"{f.severity.value} {f.code} {where}{' ' * (width - display_width(where))}  {f.message}{effect}"


def run_lines(outcome: Outcome) -> list[str]:
    """What `run` says of a project it wrote: the summary, the first findings, the files."""
    result, written = outcome.result, outcome.written
    lines = [summary_line(result)]
    if result.report_only:  # nothing is written of a report alone: every finding is said here
        return lines + [f"  {finding_line(f)}" for f in result.findings] + [f"  {REPORT_ALONE}"]
    if result.report:
        lines.append(f"  已与自评报告“{result.report}”对照核对（问题清单中工作表为“自评报告”的各条）")
    lines += [f"  {finding_line(f)}" for f in result.findings[:FIRST_FINDINGS]]
    if len(result.findings) > FIRST_FINDINGS:
        lines.append(f"  ……共 {len(result.findings)} 条，详见结果中的“问题清单”")
    lines.append(f"  结果：{written['results']}")
    lines.append(f"  标注：{written['marked']}" if "marked" in written else "  标注：" + no_marked_copy(result))
    if "report" in written:
        lines.append(f"  报告：{written['report']}")
    if "report_marked" in written:
        lines.append(f"  自评报告标注：{written['report_marked']}")
    safe = sum(1 for f in result.findings if f.fixes and f.rule.fix is FixKind.SAFE)
    if safe and "corrected" not in written:  # the next step, where arithmetic decides
        # (the corrected copy edits the officer's own .xlsx, as the marked copy does: an .xls or .ods is saved as one first)
        how = f"excel-eval fix \"{result.path.name}\" 写出更正副本" if "marked" in written else \
            "将文件另存为 .xlsx 后运行 excel-eval fix 写出更正副本"
        lines.append(f"  其中 {safe} 条可按算术更正：{how}")
    return lines


def problem_lines(outcome: Outcome) -> list[str]:
    """What goes to standard error about a project: why it has no result, names that changed."""
    result = outcome.result
    if outcome.skipped:
        return [f"{result.path.name}：{result.reason}"]
    if not result.ok:
        return [f"{result.path}{'（' + result.part + '）' if result.part else ''}：{result.reason}"]
    if outcome.unwritten:
        return [f"{name(result)}：无法写出结果到 {outcome.wanted['results'].parent}：{outcome.unwritten}"]
    notes = [f"  注意：{outcome.clash.name} 已是另一个同名文件的结果，本文件的结果写为 {outcome.wanted['results'].name}"]  \
        if outcome.clash else []
    return notes + [f"  注意：{wanted.name} 正被其他程序打开（如 Excel），已另存为 {written.name}"
                    for wanted, written in outcome.renamed]


def check_lines(result: Result) -> list[str]:
    """What `check` says of a project: every finding, aligned, with its hint, then the summary."""
    width = max((display_width(str(f.loc)) for f in result.findings if f.loc), default=0)
    lines = []
    for f in result.findings:
        lines.append(finding_line(f, width))
        if f.hint:
            lines.append(f"{'':<10}→ {f.hint}")
    return lines + [summary_line(result)]


def unwritten(outcome: Outcome) -> str:
    """Why a project's outputs are missing, as a batch row or a card says it ("" when written)."""
    return f"无法写出结果：{outcome.unwritten}" if outcome.unwritten else ""


def no_marked_copy(result: Result, copy: str = "标注副本", file_format: str | None = None) -> str:
    """Why a readable workbook got no marked-up copy (or no corrected copy: `copy`)."""
    kind = result.model.file_format if file_format is None else file_format
    return {"xls": f"文件是旧版 .xls 格式，无法生成{copy}，请另存为 .xlsx",
            "ods": f"文件是 .ods（OpenDocument）格式，无法生成{copy}，请另存为 .xlsx"}.get(
        kind, f"文件结构不完整，无法生成{copy}；请用 Excel 或 WPS 打开后另存一次")


CORRECTED_COPY = "更正副本"


def changes_of(outcome: Outcome) -> int | None:
    """The cells the corrected copy changed in this project (its sheet, for one of several); None
    when no correction was asked for."""
    c = outcome.correction
    if c is None:
        return None
    part = outcome.result.part
    return sum(1 for x in c.changes if not part or x.sheet == part)


def fix_lines(outcome: Outcome, dry_run: bool = False) -> list[str]:
    """What `fix` says of a workbook: each change (sheet!cell, was → now, rule, why), then the
    findings left for a person, then the file written (or why none could be)."""
    c, result = outcome.correction, outcome.result
    if c is None:
        return []
    width = max((display_width(x.where) for x in c.changes), default=0)
    verb = "可更正" if dry_run or not c.possible else "已更正"
    left = {sev: sum(1 for f in c.left if f.severity is sev) for sev in Severity}
    done = f"{verb} {len(c.changes)} 处" if c.changes else "没有可按算术更正的单元格"
    lines = [f"{result.path.name}：{done}，留待人工处理 {len(c.left)} 条（"
             + "，".join(f"{sev.value} {n}" for sev, n in left.items()) + "）"]
    lines += [f"  {x.where}{' ' * (width - display_width(x.where))}  {x.was} → {x.now}  {x.rule.code} {x.why}"
              + (f"（公式 ={x.formula}）" if x.formula else "") for x in c.changes]
    if c.left:
        lines.append("留待人工处理：")
        for f in c.left:
            lines.append(f"  {finding_line(f)}")
            if f.hint:
                lines.append(f"{'':<12}→ {f.hint}")
    scoreable = sum(1 for f in c.left if f.rule.fix is FixKind.SCORE)
    if scoreable and not c.scores:
        lines.append(f"  另有 {scoreable} 处得分与评分规则不符：加 --scores 按评分规则改写（评价人可能采用了其他规则，请核实）")
    if not c.possible:
        lines.append(f"  {CORRECTED_COPY}：" + no_marked_copy(result, CORRECTED_COPY, c.file_format))
    elif dry_run:
        lines.append("  未写出文件（--dry-run 只列出更正）")
    elif not c.changes:
        lines.append(f"  未写出{CORRECTED_COPY}（没有改动）")
    elif c.written is not None:
        taken = f"（{c.asked.name} 已存在，未覆盖）" if c.asked is not None and c.asked != c.written else ""
        lines.append(f"  {CORRECTED_COPY}：{c.written}{taken}")
    return lines


def document(outcome: Outcome) -> dict:
    """The JSON document of a project (`--json`): the Result's contract and the files written."""
    return {**outcome.result.as_dict(), "outputs": [str(p) for p in outcome.written.values()]}


def card(outcome: Outcome, offer: Callable[[object], str]) -> dict:
    """What the page shows of one project; `offer(path)` gives a written file's download URL."""
    result = outcome.result
    if not result.ok or outcome.unwritten:
        return failed_card(result.path.name, unwritten(outcome) or result.reason, result.part, result.failure)
    if result.report_only:  # a 自评报告 on its own: its findings, no score
        return report_card(outcome, offer)
    doc, m = document(outcome), result.model
    budget_lines = []
    if m.budget is not None:
        for row in list(m.budget.rows)[:BUDGET_LINES]:
            line = row.text(Key.ITEM) or row.text(Key.SOURCE) or f"第 {row.index + 1} 行"
            budget_lines.append({"name": line, "budget": row.num(Key.BUDGET), "executed": row.num(Key.EXECUTED)})
    survey = result.surveys[0] if result.surveys else None
    return {
        "file": doc["file"], "sheet": result.part, "ok": True,
        "project": doc["project"], "unit": doc["unit"], "year": doc["year"],
        "scheme": doc["scheme"], "total": result.total_score, "grade": result.grade or "",
        "grade_label": result.grade_label,
        "provisional": provisional(result.count(Severity.ERROR)) if result.grade is not None else "",
        "execution": result.execution_rate, "satisfaction": result.satisfaction,
        "counts": doc["counts"], "severities": [sev.value for sev in Severity],
        "findings": card_findings(result),
        "sections": [{"name": x.name, "weight": x.weight, "score": x.score,
                      "label": x.name if x.score is not None else f"{x.name}（{UNKNOWN_SCORE}）"} for x in result.sections],
        "unknown": UNKNOWN_SCORE, "total_reason": result.unknown_total,
        "budget": {"unit": m.money_unit, "lines": budget_lines},
        "survey": None if survey is None else {"options": list(OPTION_NAMES), "counts": list(survey.counts),
                                               "respondents": survey.respondents},
        "downloads": downloads(outcome, offer),
    }


def card_findings(result: Result) -> list[dict]:
    """A card's findings, each at its place (`预算!C7`, `自评报告 第135段`)."""
    return [{"severity": f.severity.value, "code": f.code, "where": str(f.loc) if f.loc else "",
             "message": f.message, "hint": f.hint or ""} for f in result.findings]


def report_card(outcome: Outcome, offer: Callable[[object], str]) -> dict:
    """What the page shows of a 自评报告 checked on its own: the report's findings (no score)."""
    result = outcome.result
    counts = {sev.value: n for sev, n in result.counts.items()}
    return {"file": result.path.name, "sheet": "", "ok": True, "report_only": True,
            "project": f"{result.path.name}（自评报告）",
            "unit": "", "year": None, "scheme": "", "total": None, "grade": "", "grade_label": "",
            "provisional": False, "execution": None, "satisfaction": None, "counts": counts,
            "severities": [sev.value for sev in Severity], "findings": card_findings(result), "sections": [],
            "budget": {"unit": "", "lines": []}, "survey": None, "downloads": downloads(outcome, offer),
            "note": REPORT_ALONE_PAGE}


DOWNLOADS = (("results", "评价结果"), ("marked", "标注副本"), ("report", "自评报告"), ("report_marked", "自评报告标注"),
             ("corrected", CORRECTED_COPY))


def downloads(outcome: Outcome, offer: Callable[[object], str]) -> list[dict]:
    def label(kind: str, text: str) -> str:
        return f"{text}（{len(outcome.correction.changes)} 处）" if kind == "corrected" else text

    return [{"label": label(kind, text), "name": outcome.written[kind].name, "url": offer(outcome.written[kind])}
            for kind, text in DOWNLOADS if kind in outcome.written]


TOO_LARGE_ADVICE = "请把工作簿拆分为较小的文件（例如每个项目一个工作簿）再拖入，或报送财政局处理。"
# A limit's refusal names the environment variable that raises it (triage.Limits): an officer on
# the page cannot set one, so the card gives the advice above instead.
_LIMIT_ADVICE = r"（[^（）]*EXCEL_EVAL_[A-Z_]+[^（）]*）"
# A library's own words (calamine's `I/O error: …`, `File not found '…'`, an exception's type) put
# in brackets or after `内部错误：`: English an officer cannot act on, left out of the card. (A
# sentence: a capital, then words; not a command such as `excel-eval template`.) Patterns as text: `re`
# compiles each on its first use (its cache keeps it), not at every start.
_ENGLISH = r"[^（）()\u3400-\u9fff]*[A-Z][A-Za-z]*[ :,.'/-]+[A-Za-z]{2,}[^（）()\u3400-\u9fff]*"
_LIBRARY_TEXT = rf"[（(]{_ENGLISH}[）)]"
_EXCEPTION = r"(?s)(?:(?<=：)|^)[A-Za-z_.]*(?:Error|Exception|Panic[A-Za-z]*)(?::\s.*)?$"


def page_reason(reason: str, failure: str = "") -> str:
    """A reason as a card gives it: Chinese only, and for a file over a limit what to do."""
    text = re.sub(_LIMIT_ADVICE, "", reason)
    text = re.sub(_LIBRARY_TEXT, "", text)
    text = re.sub(_EXCEPTION, "这个文件未能处理，请把它发给维护人员", text).strip()
    if failure == Failure.TOO_LARGE.value:
        text = text.rstrip("。") + "。" + TOO_LARGE_ADVICE
    return text


def failed_card(file: str, reason: str, sheet: str = "", failure: Failure | str | None = None) -> dict:
    """A file (or one project of it) that could not be read. `failure` is why (`Result.failure`):
    a file over a limit is shown as too large, not as unreadable."""
    failure = getattr(failure, "value", failure) or (Failure.TOO_LARGE.value if re.search(_LIMIT_ADVICE, reason) else "")
    return {"file": file, "sheet": sheet, "ok": False, "failure": failure, "reason": page_reason(reason, failure)}
