"""How a result is said, each way in one place: the console's lines (`run`, `check`), the JSON
document, and the page's card. The batch's row is made from the JSON document (batch.Item)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .layout import OPTION_NAMES
from .step import Outcome
from .result import Result
from .text import display_width
from .vocab import UNGRADED, UNKNOWN_SCORE, Failure, Severity, provisional
from .keys import Key

FIRST_FINDINGS = 5  # what `run` shows of a workbook's findings; the results workbook has them all
BUDGET_LINES = 20  # the page's budget chart: its bars


def summary_line(result: Result) -> str:
    """`文件.xlsx：核算总分 92.00（优，待更正：27 个错误）；错误 27，警告 3，提示 2`"""
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
    lines += [f"  {finding_line(f)}" for f in result.findings[:FIRST_FINDINGS]]
    if len(result.findings) > FIRST_FINDINGS:
        lines.append(f"  ……共 {len(result.findings)} 条，详见结果中的“问题清单”")
    lines.append(f"  结果：{written['results']}")
    lines.append(f"  标注：{written['marked']}" if "marked" in written else "  标注：" + no_marked_copy(result))
    if "report" in written:
        lines.append(f"  报告：{written['report']}")
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


def no_marked_copy(result: Result) -> str:
    """Why a readable workbook got no marked-up copy."""
    return {"xls": "文件是旧版 .xls 格式，无法生成标注副本，请另存为 .xlsx",
            "ods": "文件是 .ods（OpenDocument）格式，无法生成标注副本，请另存为 .xlsx"}.get(
        result.model.file_format, "文件结构不完整，无法生成标注副本；请用 Excel 或 WPS 打开后另存一次")


def document(outcome: Outcome) -> dict:
    """The JSON document of a project (`--json`): the Result's contract and the files written."""
    return {**outcome.result.as_dict(), "outputs": [str(p) for p in outcome.written.values()]}


def card(outcome: Outcome, offer: Callable[[object], str]) -> dict:
    """What the page shows of one project; `offer(path)` gives a written file's download URL."""
    result = outcome.result
    if not result.ok or outcome.unwritten:
        return failed_card(result.path.name, unwritten(outcome) or result.reason, result.part, result.failure)
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
        "findings": [{"severity": f["severity"], "code": f["code"],
                      "where": f"{f['sheet']}!{f['cell']}" if f["cell"] else "",
                      "message": f["message"], "hint": f["hint"] or ""} for f in doc["findings"]],
        "sections": [{"name": x.name, "weight": x.weight, "score": x.score,
                      "label": x.name if x.score is not None else f"{x.name}（{UNKNOWN_SCORE}）"} for x in result.sections],
        "unknown": UNKNOWN_SCORE, "total_reason": result.unknown_total,
        "budget": {"unit": m.money_unit, "lines": budget_lines},
        "survey": None if survey is None else {"options": list(OPTION_NAMES), "counts": list(survey.counts),
                                               "respondents": survey.respondents},
        "downloads": downloads(outcome, offer),
    }


DOWNLOADS = (("results", "评价结果"), ("marked", "标注副本"), ("report", "自评报告"))


def downloads(outcome: Outcome, offer: Callable[[object], str]) -> list[dict]:
    return [{"label": label, "name": outcome.written[kind].name, "url": offer(outcome.written[kind])}
            for kind, label in DOWNLOADS if kind in outcome.written]


TOO_LARGE_ADVICE = "请把工作簿拆分为较小的文件（例如每个项目一个工作簿）再拖入，或报送财政局处理。"
# A limit's refusal names the environment variable that raises it (triage.Limits): an officer on
# the page cannot set one, so the card gives the advice above instead.
_LIMIT_ADVICE = re.compile(r"（[^（）]*EXCEL_EVAL_[A-Z_]+[^（）]*）")
# A library's own words (calamine's `I/O error: …`, `File not found '…'`, an exception's type) put
# in brackets or after `内部错误：`: English an officer cannot act on, left out of the card. (A
# sentence: a capital, then words; not a command such as `excel-eval template`.)
_ENGLISH = r"[^（）()\u3400-\u9fff]*[A-Z][A-Za-z]*[ :,.'/-]+[A-Za-z]{2,}[^（）()\u3400-\u9fff]*"
_LIBRARY_TEXT = re.compile(rf"[（(]{_ENGLISH}[）)]")
_EXCEPTION = re.compile(r"(?:(?<=：)|^)[A-Za-z_.]*(?:Error|Exception|Panic[A-Za-z]*)(?::\s.*)?$", re.S)


def page_reason(reason: str, failure: str = "") -> str:
    """A reason as a card gives it: Chinese only, and for a file over a limit what to do."""
    text = _LIMIT_ADVICE.sub("", reason)
    text = _LIBRARY_TEXT.sub("", text)
    text = _EXCEPTION.sub("这个文件未能处理，请把它发给维护人员", text).strip()
    if failure == Failure.TOO_LARGE.value:
        text = text.rstrip("。") + "。" + TOO_LARGE_ADVICE
    return text


def failed_card(file: str, reason: str, sheet: str = "", failure: Failure | str | None = None) -> dict:
    """A file (or one project of it) that could not be read. `failure` is why (`Result.failure`):
    a file over a limit is shown as too large, not as unreadable."""
    failure = getattr(failure, "value", failure) or (Failure.TOO_LARGE.value if _LIMIT_ADVICE.search(reason) else "")
    return {"file": file, "sheet": sheet, "ok": False, "failure": failure, "reason": page_reason(reason, failure)}
