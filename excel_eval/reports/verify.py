"""The checks of a 自评报告: its figures against each other (摘要, body, its own tables), and, when
it comes with its 自评表, against what the workbook computes. Every comparison is made at the
precision the report wrote the figure at, as the workbook checks compare a typed number
(checks/base.verdict: off by one in the last written decimal is a rounding slip, a 提示)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from .. import rules
from ..checks.base import EPS, verdict
from ..findings import Finding, Rule, sort_findings
from ..layout import section_name
from ..model import TABLE_ROWS
from ..result import Result
from ..schemes import builtin_scheme
from ..vocab import Severity
from .figures import (ARRIVAL, BALANCE, BUDGET, EXECUTED, EXECUTION, GRADE, INDICATORS, ISSUED, NAMES, RECEIVED,
                      SATISFACTION, SECTION, SPENT, TOTAL, VALID, Figure, ScoreRow, SurveyBlock, SurveyTable, TableKind, TOTAL_ROW, number,
                      quote, score_rows, show_number, spending_rows, survey_table, table_kind, text_figures)
from .read import Paragraph, Report, ReportTable

DEFAULT_SCHEME = "四级指标"  # the grades a report alone is held to
CONSISTENT = (TOTAL, GRADE, BUDGET, RECEIVED, EXECUTED, BALANCE, EXECUTION, ARRIVAL, SATISFACTION, ISSUED, VALID,
              INDICATORS)
RULES = (rules.REPORT_SAYS_TOTAL, rules.REPORT_SAYS_GRADE, rules.REPORT_SAYS_RATE, rules.REPORT_SAYS_AMOUNT,
         rules.REPORT_SAYS_SATISFACTION, rules.REPORT_SAYS_SECTION, rules.REPORT_SAYS_COUNT, rules.REPORT_DISAGREES,
         rules.REPORT_TEXT_VS_TABLE, rules.REPORT_TABLE_ARITHMETIC, rules.REPORT_RATE_VS_AMOUNTS,
         rules.REPORT_REPEATED_DIFFERS, rules.REPORT_PART_OVER_TOTAL)


class Read:
    """What the checks share: the report's figures by kind, and its tables by what they are."""

    def __init__(self, report: Report):
        self.report = report
        self.figures = text_figures(report)
        self.scores: list[tuple[ReportTable, list[ScoreRow]]] = []
        self.spending: list[tuple[ReportTable, list]] = []
        self.surveys: list[SurveyTable] = []
        for t in report.tables:
            kind = table_kind(t)
            if kind is TableKind.SCORE:
                self.scores.append((t, score_rows(t)))
            elif kind is TableKind.SPENDING:
                self.spending.append((t, spending_rows(t)))
            elif kind is TableKind.SURVEY:
                self.surveys.append(survey_table(t))

    def of(self, kind: str) -> list[Figure]:
        return [f for f in self.figures if f.kind == kind]

    def stated(self, kind: str) -> Figure | None:
        """The figure of this kind the report states, when it states it one way throughout."""
        found = self.of(kind)
        if not found or any(_differs(f, found[0]) for f in found):
            return None
        return found[0]


def report_findings(report: Report, result: Result | None = None, selection=None) -> list[Finding]:
    """Every finding of the report; with `result` (its 自评表 read and scored) the text-vs-workbook ones too."""
    read = Read(report)
    found = [*consistency(read), *rates_vs_amounts(read), *part_over_total(read), *score_tables(read),
             *spending_tables(read), *survey_tables(read), *repeated_statements(read)]
    if result is not None and result.ok and result.scores is not None:
        found += against_workbook(read, result)
    else:
        found += own_grade(read)
    if selection is not None:
        found = selection.keep(found)
    return sort_findings(found)


# --- comparing figures ---------------------------------------------------------------------------

def _judge(figure: Figure, expected: float) -> Severity | None:
    if isinstance(figure.value, str):
        return None
    if figure.about:
        return None if figure.value <= expected + EPS else Severity.ERROR
    return verdict(figure.cell, expected)


def _differs(a: Figure, b: Figure) -> bool:
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value != b.value
    coarse, fine = (a, b) if a.step >= b.step else (b, a)
    return verdict(coarse.cell, fine.value) is not None


def _finding(rule: Rule, figure: Figure, expected: object, severity: Severity | None = None, **values) -> Finding:
    sev = severity if severity is not None and severity is not rule.severity else None
    return rule(figure.place, expected, figure.shown, severity=sev, quote=figure.quote.strip("…"), **values)


def _show(value: float, like: Figure) -> str:
    """`value` at the precision `like` was written at, and at least two decimals (of a percent, for
    a rate), as the workbook checks show a computed value (95.7966 is not shown as 96)."""
    return show_number(value, min(like.step, 0.0001 if like.percent else 0.01), like.percent)


def _where(figure: Figure) -> str:
    return str(figure.place)


# --- the report against itself -------------------------------------------------------------------

def consistency(read: Read) -> Iterator[Finding]:
    """W010: a figure stated one way in one place and another way elsewhere (摘要 vs body)."""
    skip_rates = read.stated(BUDGET) is not None and read.stated(EXECUTED) is not None  # W013 judges each rate
    for kind in CONSISTENT:
        if kind in (EXECUTION, ARRIVAL) and skip_rates:
            continue
        yield from _disagreements(read.of(kind), NAMES[kind])
    sections: dict[str, list[Figure]] = {}
    for f in read.of(SECTION):
        sections.setdefault(f.section, []).append(f)
    for name, figures in sections.items():
        yield from _disagreements(figures, f"“{name}”得分")


def _disagreements(figures: list[Figure], what: str) -> Iterator[Finding]:
    if len(figures) < 2:
        return
    counts = Counter(f.shown if isinstance(f.value, str) else round(f.value, 9) for f in figures)
    top = counts.most_common(1)[0][1]
    reference = next(f for f in figures if counts[f.shown if isinstance(f.value, str) else round(f.value, 9)] == top)
    for f in figures:
        if f is reference or not _differs(f, reference):
            continue
        sev = None
        if not isinstance(f.value, str):
            coarse, fine = (f, reference) if f.step >= reference.step else (reference, f)
            sev = verdict(coarse.cell, fine.value)
        yield _finding(rules.REPORT_DISAGREES, f, reference.shown, sev, what=what, other=_where(reference))


def rates_vs_amounts(read: Read) -> Iterator[Finding]:
    """W013: each rate the report writes against the amounts it writes."""
    budget = read.stated(BUDGET)
    if budget is None or not budget.value:
        return
    for kind, amount, numerator in ((EXECUTION, EXECUTED, "实际支出"), (ARRIVAL, RECEIVED, "到位资金")):
        top = read.stated(amount)
        if top is None:
            continue
        expected = top.value / budget.value
        for f in read.of(kind):
            sev = _judge(f, expected)
            if sev is not None:
                yield _finding(rules.REPORT_RATE_VS_AMOUNTS, f, _show(expected, f), sev, what=NAMES[kind],
                               numerator=numerator, top=top.shown, bottom=budget.shown)


def part_over_total(read: Read) -> Iterator[Finding]:
    """W015: one item's spending over the whole project's."""
    total = read.stated(EXECUTED)
    if total is None:
        return
    for f in read.of(SPENT):
        if f.value > total.value + EPS:
            yield _finding(rules.REPORT_PART_OVER_TOTAL, f, total.shown)


def _sum_off(parts: list[Figure], typed: Figure) -> float | None:
    """Σ parts when `typed` is further from it than rounding of the parts and of `typed` explains."""
    total = sum(p.value for p in parts)
    slack = sum(p.step / 2 for p in parts if p.step < 1) + typed.step / 2 + EPS
    return total if abs(typed.value - total) > slack else None


def score_tables(read: Read) -> Iterator[Finding]:
    """W012 on a 得分情况表's own arithmetic; W011 the text's section points and total against it."""
    for t, rows in read.scores:
        name = "得分情况表"
        sections = [r for r in rows if r.section != TOTAL_ROW]
        for r in sections:
            w, s = r.cells.get("weight"), r.cells.get("score")
            if w is None or s is None:
                continue
            d, rate = r.cells.get("deduction"), r.cells.get("rate")
            if d is not None and (sev := _judge(d, w.value - s.value)) is not None:
                yield _finding(rules.REPORT_TABLE_ARITHMETIC, d, _show(w.value - s.value, d), sev, table=name,
                               what=f"“{r.section}”扣分", formula="权重分 − 得分")
            if rate is not None and w.value and (sev := _judge(rate, s.value / w.value)) is not None:
                yield _finding(rules.REPORT_TABLE_ARITHMETIC, rate, _show(s.value / w.value, rate), sev, table=name,
                               what=f"“{r.section}”得分率", formula="得分 ÷ 权重分")
        total = next((r for r in rows if r.section == TOTAL_ROW), None)
        if total is not None:
            for key, label in (("weight", "权重分"), ("score", "得分"), ("deduction", "扣分")):
                typed = total.cells.get(key)
                parts = [r.cells[key] for r in sections if key in r.cells]
                if typed is not None and parts and (expected := _sum_off(parts, typed)) is not None:
                    yield _finding(rules.REPORT_TABLE_ARITHMETIC, typed, _show(expected, typed), table=name,
                                   what=f"合计行的“{label}”", formula="各行之和")
        for f in read.of(SECTION):
            row = next((r for r in sections if r.section == f.section and "score" in r.cells), None)
            if row is not None and (sev := _judge(f, row.cells["score"].value)) is not None:
                yield _finding(rules.REPORT_TEXT_VS_TABLE, f, row.cells["score"].shown, sev,
                               what=f"“{f.section}”得分", where=f"“{f.quote.strip('…')}”",
                               table=f"{name}（{row.cells['score'].place.label}）")
        table_total = total.cells.get("score") if total is not None else None
        scores = [r.cells["score"] for r in sections if "score" in r.cells]
        expected = table_total.value if table_total is not None else sum(s.value for s in scores) if scores else None
        where = table_total.place.label if table_total is not None else f"表{t.number}各行之和"
        for f in read.of(TOTAL) if expected is not None else ():
            if (sev := _judge(f, expected)) is not None:
                yield _finding(rules.REPORT_TEXT_VS_TABLE, f, _show(expected, f), sev, what="总分",
                               where=f"“{f.quote.strip('…')}”", table=f"{name}（{where}）")


def spending_tables(read: Read) -> Iterator[Finding]:
    """W012 on a 支出明细表 (结余 = 下达 − 使用, 合计 = Σ); W011 the text's amounts against its 合计."""
    for t, rows in read.spending:
        name = "支出明细表"
        items = [r for r in rows if not r.total]
        for r in items:
            b, e, bal = (r.cells.get(k) for k in ("budget", "executed", "balance"))
            if b is not None and e is not None and bal is not None and (sev := _judge(bal, b.value - e.value)):
                yield _finding(rules.REPORT_TABLE_ARITHMETIC, bal, _show(b.value - e.value, bal), sev, table=name,
                               what=f"“{r.label}”结余", formula="下达 − 使用")
        total = next((r for r in rows if r.total), None)
        if total is None:
            continue
        for key, kind in (("budget", BUDGET), ("executed", EXECUTED), ("balance", BALANCE)):
            typed = total.cells.get(key)
            parts = [r.cells[key] for r in items if key in r.cells]
            if typed is not None and parts and (expected := _sum_off(parts, typed)) is not None:
                yield _finding(rules.REPORT_TABLE_ARITHMETIC, typed, _show(expected, typed), table=name,
                               what=f"合计行的{NAMES[kind]}", formula="各行之和")
            if typed is None:
                continue
            for f in read.of(kind):
                if (sev := _judge(f, typed.value)) is not None:
                    yield _finding(rules.REPORT_TEXT_VS_TABLE, f, typed.shown, sev, what=NAMES[kind],
                                   where=f"“{f.quote.strip('…')}”", table=f"{name}合计（{typed.place.label}）")


def survey_tables(read: Read) -> Iterator[Finding]:
    """W012 on a questionnaire table (each question's 占比, the 合计 block, the score) and W011 its
    respondents and score against the text."""
    valid = read.stated(VALID) or read.stated(ISSUED)
    for st in read.surveys:
        t, name = st.table, "问卷统计表"
        questions, total = st.questions, st.total
        for q in questions:
            n = q.respondents
            label = f"第{re.match(r'[0-9]*', q.label).group() or '?'}题"
            if valid is not None and any(c is not None for c in q.counts) and abs(n - valid.value) > EPS:
                yield _finding(rules.REPORT_TEXT_VS_TABLE, valid, _num(n), what=NAMES[valid.kind],
                               where=f"“{valid.quote.strip('…')}”", table=f"{name}{label}人数之和（表{t.number}）")
            yield from _ratios(q, n, name, label)
        everyone = sum(q.respondents for q in questions)
        if total is not None:
            for i, typed in enumerate(total.counts):
                column = [q.counts[i] for q in questions if i < len(q.counts) and q.counts[i] is not None]
                if typed is not None and column and abs(typed.value - sum(c.value for c in column)) > EPS:
                    yield _finding(rules.REPORT_TABLE_ARITHMETIC, typed, _num(sum(c.value for c in column)),
                                   table=name, what=f"合计的{_option(t, typed)}人数", formula="各题之和")
            if st.counted and total.count_tail is not None and abs(total.count_tail.value - everyone) > EPS:
                yield _finding(rules.REPORT_TABLE_ARITHMETIC, total.count_tail, _num(everyone), table=name,
                               what="合计人数", formula="各题人数之和")
            yield from _ratios(total, everyone, name, "合计")
        score = st.score
        scores = [s for q in questions if (s := st.question_score(q)) is not None]
        if score is not None and scores and (expected := _sum_off(scores, score)) is not None:
            yield _finding(rules.REPORT_TABLE_ARITHMETIC, score, _show(expected, score), table=name,
                           what="满意度得分", formula="各题得分之和")
        if score is not None:
            for f in read.of(SATISFACTION):
                if (sev := _judge(f, score.value)) is not None:
                    yield _finding(rules.REPORT_TEXT_VS_TABLE, f, score.shown, sev, what="满意度",
                                   where=f"“{f.quote.strip('…')}”", table=f"{name}（{score.place.label}）")


def _amount(value: float) -> str:
    """万元 as the reports write them: up to six decimals, at least two (82.050854, 26.00)."""
    text = f"{value:.6f}".rstrip("0")
    return text + "0" * max(0, 2 - len(text.split(".")[1]))


def _num(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < EPS else f"{value:.2f}"


def _option(t: ReportTable, figure: Figure) -> str:
    col = figure.place.col
    head = next((row for row in t.rows[:3] if len(row) > col and row[col] and number(row[col]) is None), None)
    return f"“{head[col]}”" if head else ""


def _ratios(block: SurveyBlock, n: float, name: str, label: str) -> Iterator[Finding]:
    """Each 占比 against 人数 ÷ the question's respondents; a ratio row whose total is not 100%."""
    if not n or not block.ratios:
        return
    for count, ratio in zip(block.counts, block.ratios):
        if count is None or ratio is None:
            continue
        expected = count.value / n
        if (sev := _judge(ratio, expected)) is not None:
            yield _finding(rules.REPORT_TABLE_ARITHMETIC, ratio, _show(expected, ratio), sev, table=name,
                           what=f"{label}的占比", formula=f"人数 {_num(count.value)} ÷ {_num(n)}")
    tail = block.ratio_tail
    if tail is not None and (sev := _judge(tail, 1.0)) is not None:
        yield _finding(rules.REPORT_TABLE_ARITHMETIC, tail, _show(1.0, tail), sev, table=name,
                       what=f"{label}的占比合计", formula="全部选项之和")


ABOUT = re.compile(r"[余多]")  # 60余人: at least 60
_SPLIT = re.compile(r"[，。；：,;！？\n\t]")
_NUMBER = re.compile(r"(?<![\d.〔\[])(\d+(?:\.\d+)?)(?![\d.]*\s*(?:年|月|日|号|届|周年|〕|\]))")
_LEAD = re.compile(r"^\s*(?:[（(]?[\d一二三四五六七八九十]+[)）.、．]|[①-⑳]|[一二三四五六七八九十]是)\s*")


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SPLIT.finditer(text + "。"):
        out.append((start, text[start:m.start()]))
        start = m.end()
    return out


def _masked(text: str) -> str:
    return _NUMBER.sub("#", _LEAD.sub("", text)).strip()


def repeated_statements(read: Read) -> Iterator[Finding]:
    """W014: the same words stated twice with another number (主要绩效 4万张, 项目产出 5万张): the words
    before the number in its clause match (at least 12 characters of them, or 4 when the clause
    before matches too, as long), and so does its unit; figures of the kinds W010 compares are left to it."""
    spans = _declared_spans(read)
    seen: dict[tuple[str, str, str], tuple[Paragraph, float, str, str, Figure]] = {}
    for p in read.report.paragraphs:
        clauses = _clauses(p.text)
        for i, (start, clause) in enumerate(clauses):
            for m in _NUMBER.finditer(clause):
                at = start + m.start(1)
                if any(a <= at < b for a, b in spans.get(id(p), ())):
                    continue
                if re.match(r"\s*[.、．)）]", clause[m.end(1):m.end(1) + 1]) and not clause[m.end(1) + 1:m.end(1) + 2].isdigit():
                    continue  # an enumerator: 1. 2、 （3）
                context = _masked(clause[:m.start(1)])
                tail = clause[m.end(1):]
                about = bool(ABOUT.match(tail))
                unit = re.match(r"[余多]?([^\d，。；：,;\s]{0,2})", tail).group(1)
                before = _masked(clauses[i - 1][1]) if i else ""
                if len(context) >= 12:
                    key = (context, "", unit)
                elif len(context) >= 4 and len(before) >= 12:
                    key = (context, before, unit)
                else:
                    continue
                parsed = number(m.group(1))
                if parsed is None:
                    continue
                value, step = parsed
                end = start + m.end(1) + (1 if about else 0) + len(unit)
                figure = Figure(SPENT, value, p.place, quote(p.text, start + max(0, m.start(1) - 16), end, 0),
                                step, about=about)
                if key not in seen:
                    seen[key] = (p, value, m.group(1), unit, figure)
                    continue
                first = seen[key][4]
                if first.place == p.place:
                    continue
                if (about and value <= first.value) or (first.about and first.value <= value):
                    pass
                elif not _differs(figure, first) or (first.about and value >= first.value):
                    continue
                shown = m.group(1) + ("余" if about else "") + unit
                other = seen[key][2] + ("余" if first.about else "") + seen[key][3]
                yield rules.REPORT_REPEATED_DIFFERS(p.place, other, shown, quote=figure.quote,
                                                    other=_where(first), other_quote=first.quote)


def _declared_spans(read: Read) -> dict[int, list[tuple[int, int]]]:
    """Where in each paragraph the figures W010 compares stand (left out of W014)."""
    from .figures import _COMPILED

    out: dict[int, list[tuple[int, int]]] = {}
    for p in read.report.paragraphs:
        for kind, pattern in _COMPILED:
            if kind not in CONSISTENT and kind != SECTION:
                continue
            for m in pattern.finditer(p.text):
                out.setdefault(id(p), []).append(m.span())
    return out


# --- against the workbook ------------------------------------------------------------------------

def own_grade(read: Read) -> Iterator[Finding]:
    """W002 for a report read alone: its grade against its own total."""
    total = read.stated(TOTAL)
    if total is None:
        return
    expected = builtin_scheme(DEFAULT_SCHEME).grade(total.value)
    for f, others in _distinct(read.of(GRADE)):
        if f.value != expected:
            yield _finding(rules.REPORT_SAYS_GRADE, f, expected, basis="报告所写总分", total=total.shown,
                           **_elsewhere(others))


def _distinct(figures: Iterable[Figure]) -> list[tuple[Figure, list[Figure]]]:
    """Each value the report writes, at its first place, with the other places it is written at
    (a figure written alike in the 摘要 and the body is one finding that names every place)."""
    groups: dict[object, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.value if isinstance(f.value, str) else round(f.value, 9), []).append(f)
    return [(g[0], g[1:]) for g in groups.values()]


def _elsewhere(others: list[Figure]) -> dict:
    """The finding's other places: named in the message, and kept as its cells (the JSON's `cells`)."""
    if not others:
        return {"elsewhere": ""}
    names = "、".join(f.place.label for f in others[:6]) + (f" 等 {len(others)} 处" if len(others) > 6 else "")
    return {"elsewhere": f"（报告中另有 {len(others)} 处同样写法：{names}）", "cells": [f.place for f in others]}


def against_workbook(read: Read, result: Result) -> Iterator[Finding]:
    """W001–W007: what the report states against what its 自评表 computes."""
    sc, model = result.scores, result.model
    to_wan = {"元": 1e-4, "千元": 0.1, "万元": 1.0, "亿元": 1e4}.get(model.money_unit or "万元", 1.0)

    def compare(rule: Rule, figures: Iterable[Figure], expected: float | None, **values) -> Iterator[Finding]:
        if expected is None:
            return
        for f, others in _distinct(figures):
            if (sev := _judge(f, expected)) is not None:
                shown = _amount(expected) if rule is rules.REPORT_SAYS_AMOUNT else _show(expected, f)
                yield _finding(rule, f, shown, sev, **values, **_elsewhere(others))

    total = None if model.indicators is not None and model.indicators.unknown else sc.total
    yield from compare(rules.REPORT_SAYS_TOTAL, read.of(TOTAL), total)
    if total is not None and sc.grade:
        for f, others in _distinct(read.of(GRADE)):
            if f.value != sc.grade:
                yield _finding(rules.REPORT_SAYS_GRADE, f, sc.grade, basis="自评表核算总分", total=f"{total:.2f}",
                               **_elsewhere(others))
    b = sc.budget
    if b is not None:
        yield from compare(rules.REPORT_SAYS_RATE, read.of(EXECUTION), b.execution_rate, what=NAMES[EXECUTION])
        yield from compare(rules.REPORT_SAYS_RATE, read.of(ARRIVAL), b.arrival_rate, what=NAMES[ARRIVAL])
        for kind, value in ((BUDGET, b.budget), (EXECUTED, b.executed), (RECEIVED, b.received),
                            (BALANCE, b.balance)):
            figures = read.of(kind) + [r.cells[key] for t, rows in read.spending for r in rows if r.total
                                       for key in ("budget", "executed", "balance")
                                       if key in r.cells and r.cells[key].kind == kind]
            yield from compare(rules.REPORT_SAYS_AMOUNT, figures, None if value is None else value * to_wan,
                               what=NAMES[kind])
    if sc.satisfaction is not None:
        table = [st.score for st in read.surveys if st.score is not None]
        yield from compare(rules.REPORT_SAYS_SATISFACTION, read.of(SATISFACTION) + table, sc.satisfaction)
    for s in sc.sections:
        name = section_name(s.name)
        figures = [f for f in read.of(SECTION) if f.section == name]
        figures += [r.cells["score"] for t, rows in read.scores for r in rows if r.section == name and "score" in r.cells]
        for f, others in _distinct(figures):
            if (sev := _judge(f, s.score)) is not None:
                where = f"得分情况表 {f.place.label}" if f.place.row >= TABLE_ROWS else f"“{f.quote.strip('…')}”"
                yield _finding(rules.REPORT_SAYS_SECTION, f, _show(s.score, f), sev, section=name, where=where,
                               **_elsewhere(others))
    if model.indicators is not None and sc.indicators:
        for f, others in _distinct(read.of(INDICATORS)):
            if abs(f.value - len(sc.indicators)) > EPS:
                yield _finding(rules.REPORT_SAYS_COUNT, f, len(sc.indicators), what=NAMES[INDICATORS],
                               **_elsewhere(others))
    respondents = sc.surveys[0].respondents if sc.surveys else None
    if respondents is not None:
        for f, others in _distinct(read.of(VALID)):
            if abs(f.value - respondents) > EPS:
                yield _finding(rules.REPORT_SAYS_COUNT, f, _num(respondents), what=NAMES[VALID], **_elsewhere(others))


__all__ = ["RULES", "report_findings"]
