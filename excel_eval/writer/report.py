"""The 自评报告 draft (.docx), in the shape of the seed reports, every figure from the Result.

Numbers come only from the computed model: where the workbook states a different figure, the
report uses the computed one and a Word comment says what the workbook had ("核算值；原表填写为
97.47"). Narrative comes only from the workbook's narrative fields (template v1.1); where one is
blank the report holds a highlighted placeholder. Totals in the text are the tables' totals.
"""

from __future__ import annotations

from pathlib import Path

from .. import layout
from ..families import FORM_SCHEME
from ..files import write_atomic
from ..result import Result
from ..scoring import share
from ..privacy import mask_text
from ..report_text import Figure, budget_sentence, conclusion, money, percent, points, scored, survey_sentence
from ..vocab import RuleKind, Severity
from . import report_charts
from .docx import Document, Run
from ..keys import Key

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEADINGS = ("一", "二", "三", "四", "五", "六")


def write_report(result: Result, path: Path, mask: bool = True) -> Path:
    """Write the report draft atomically; returns the name written (another if `path` is open)."""
    return write_atomic(path, lambda tmp: _Report(result, mask).document().save(tmp), fallback=True)


def placeholder(what: str) -> Run:
    return Run(f"【请填写：{what}】", mark=True)


def differs(a: float | None, b: float | None) -> bool:
    """Two scores both known and apart by more than the two decimals shown."""
    return a is not None and b is not None and abs(a - b) > 0.005


class _Report:
    def __init__(self, result: Result, mask: bool):
        self.r, self.mask = result, mask
        self.m, self.s = result.model, result.scores
        self.unit = self.m.money_unit
        self.doc = Document(title=self.title())
        # cells whose figure a check contradicted (not merely, say, a number typed as text)
        self.flagged = {loc for f in result.findings if f.severity is not Severity.INFO and f.expected for loc in f.locs}
        contacts = self.m.allocation.data().texts(Key.CONTACT) if mask and self.m.allocation else []
        self.names = sorted(set(contacts) - {""}, key=len, reverse=True)

    # --- what the workbook says -------------------------------------------------------------

    def title(self) -> str:
        return f"{self.r.info('project') or self.r.path.stem}项目绩效自评报告"

    def narrative(self, key: str) -> list[str]:
        """A narrative field's paragraphs, masked; empty when the workbook does not give it."""
        text = self.r.info(key)
        if self.mask:
            text = mask_text(text, self.names)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def told(self, key: str, label: str) -> None:
        """The workbook's own text for `key`, or a placeholder asking for it."""
        paragraphs = self.narrative(key)
        for line in paragraphs:
            self.doc.paragraph(line)
        if not paragraphs:
            self.doc.paragraph(placeholder(label))

    def sentence(self, parts: list) -> list[Run | str]:
        """A sentence of report_text, each figure commented with the workbook's own where a check
        contradicted it."""
        return [self.checked(p) if isinstance(p, Figure) else p for p in parts]

    def checked(self, figure: Figure) -> Run:
        cell = self.m.info.get(figure.key) if self.m.info else None
        if cell is not None and cell.loc in self.flagged:
            typed = cell.text or (f"{cell.value:.2%}" if cell.percent and isinstance(cell.value, float) else
                                  f"{cell.value:g}" if isinstance(cell.value, float) else str(cell.value))
            return Run(figure.text, comment=f"核算值；原表（{cell.loc}）填写为 {typed}")
        return Run(figure.text)

    def actual(self, ind) -> Run:
        """An indicator's actual: the computed one where the tool computes it (satisfaction from
        the questionnaire, execution from the budget), commented when the workbook had another."""
        typed = ind.actual.text or "—"
        b = self.s.budget
        if ind.survey is not None:
            shown = f"{ind.survey.score:.2f}%"
        elif ind.rule.from_budget and b is not None:
            shown = percent(b.execution_rate if ind.rule is RuleKind.EXECUTION else b.arrival_rate)
        else:
            return Run(typed)
        cell = ind.row.get(Key.ACTUAL)
        flagged = cell is not None and cell.loc in self.flagged
        return Run(shown, comment=f"核算值；原表（{cell.loc}）填写为 {typed}" if flagged else "")

    # --- the document -----------------------------------------------------------------------

    def document(self) -> Document:
        d = self.doc
        unit_name = self.r.info("unit") or self.r.info("department")
        if unit_name:
            d.paragraph(unit_name, style="Subtitle")
        d.paragraph(self.title(), style="Title")
        self.notice()
        self.basics()
        self.work()
        self.conclusion()
        self.analysis()
        self.cost()
        self.lessons()
        d.heading("六、其他需要说明的问题", 1)
        self.told("other", "其他需要说明的问题；没有的写“无”")
        self.annex_indicators()
        self.annex_surveys()
        return d

    def notice(self) -> None:
        errors = self.r.count(Severity.ERROR)
        text = ("本稿由 excel-eval 根据工作簿自动生成：文中数字均为核算值，黄色底纹处为待填写的内容。"
                + (f"工作簿尚有 {errors} 个错误（见“_评价结果.xlsx”的问题清单），等级为暂定，更正后请重新生成。"
                   if errors else ""))
        self.doc.paragraph(Run(text, mark=bool(errors)), style="Notice")

    def basics(self) -> None:
        d, b = self.doc, self.s.budget
        d.heading("一、基本情况", 1)
        d.heading("（一）项目概况", 2)
        self.told("overview", "项目概况：立项背景及目的、实施内容")
        if b is not None:
            d.paragraph(*self.sentence(budget_sentence(self.r)))
        d.heading("（二）项目绩效目标", 2)
        self.told("goals", "项目绩效目标：总目标和年度目标")
        for k, line in enumerate(self.narrative("achieved")):  # a 自评表's 年度目标完成情况 / 实际完成情况
            d.paragraph(("目标完成情况：" if k == 0 else "") + line)
        if self.s.scheme.name == FORM_SCHEME:  # 产出, 效益 and 满意度 are all the year's targets
            rows = [i for i in self.s.indicators if not i.rule.from_budget]
        else:
            rows = [i for i in self.s.indicators if i.section == self.performance_section()]
        if rows:
            d.paragraph("年度绩效指标及完成情况如下：")
            for k, ind in enumerate(rows, start=1):
                d.paragraph(f"（{k}）{ind.name}：年度指标值{ind.target.text or '—'}，实际完成值", self.actual(ind), "。")

    def work(self) -> None:
        self.doc.heading("二、绩效评价工作开展情况", 1)
        self.told("work", "绩效评价工作开展情况：评价目的、组织、方法和过程")

    def conclusion(self) -> None:
        d, s = self.doc, self.s
        d.heading("三、评价结论和绩效分析", 1)
        d.heading("（一）评价结论", 2)
        if s.total is None:
            d.paragraph(Run("".join(conclusion(self.r)), mark=True))
        else:
            d.paragraph(*self.sentence(conclusion(self.r)))
        own = self.narrative("conclusion")  # what a 自评表's own 评价结论 says, quoted as the unit wrote it
        if own:
            d.paragraph("自评表填写的评价结论：“" + "".join(own) + "”。")
        d.paragraph("项目绩效指标体系得分情况", style="Caption")
        rows: list[list] = [["一级指标", "权重分", "得分", "扣分", "得分率"]]
        for x in s.sections:
            score = Run(points(x.score), comment=f"核算值；各指标自评得分合计为 {x.self_score:.2f}"
                        if differs(x.score, x.self_score) else "")
            rows.append([x.name, points(x.weight), score, points(x.deduction), self.rate(x.score, x.rate)])
        total = s.section_score  # (None where a section's score is unknown)
        rows.append(["合计", points(s.weight), points(total), points(None if total is None else s.weight - total),
                     self.rate(total, share(total, s.weight))])
        d.table(rows, [4, 2.5, 2.5, 2.5, 2.5], left=(0,))
        chart = report_charts.section_chart([(x.name, x.weight, x.score) for x in s.sections])
        d.picture(chart, 14, "各部分得分") if chart else d.paragraph(report_charts.NO_FONT, style="Figure")
        d.paragraph("图1  各部分满分与得分", style="Caption")

    def analysis(self) -> None:
        d = self.doc
        d.heading("（二）具体绩效分析", 2)
        d.paragraph("对照绩效评价指标体系逐项进行分析、评价并打分，各绩效指标评价情况如下（具体评分情况详见附表1）。")
        for n, x in enumerate(self.s.sections, start=1):
            d.heading(f"{n}、{x.name}（满分{x.weight:g}分，{scored(x.score)}）", 3)
            groups: dict[str, list] = {}
            for ind in self.s.indicators:
                if ind.section == x.name:
                    groups.setdefault(ind.row.text(Key.LEVEL2) or ind.row.text(Key.LEVEL3) or x.name, []).append(ind)
            for k, (group, items) in enumerate(groups.items(), start=1):
                d.paragraph(Run(f"（{k}）{group}", bold=True))
                for j, ind in enumerate(items):
                    self.indicator_sentence(ind, CIRCLED[j] if j < len(CIRCLED) else f"{j + 1}.")
            if x.name == self.satisfaction_section():
                self.survey_paragraphs()

    def indicator_sentence(self, ind, mark: str) -> None:
        weight = ind.weight or 0.0
        parts: list = [f"{mark}{ind.name}："]
        if ind.target.text or ind.actual.text or ind.rule.from_budget or ind.survey is not None:
            parts += [f"年度指标值{ind.target.text or '—'}，实际完成值", self.actual(ind), "；"]
        parts.append(f"分值{weight:g}分，得分")
        parts.append(Run(points(ind.score), comment=f"核算值；原表自评得分为 {ind.self_score:g}"
                         if differs(ind.score, ind.self_score) else ""))
        parts.append("分。" if ind.score is not None else
                     "（完成值和得分未填写）。" if ind in self.s.unscored else "（公式没有计算结果）。")
        lost = None if ind.score is None else weight - ind.score
        if lost is not None and lost > 0.005:
            reason = self.narrative_text(ind.row.text(Key.DEVIATION))
            parts.append(f"扣{lost:.2f}分，偏差原因：")
            parts.append(reason if reason else placeholder("偏差原因"))
            parts.append("。" if reason and not reason.endswith(("。", "；", "！")) else "")
        self.doc.paragraph(*parts)

    def survey_paragraphs(self) -> None:
        d = self.doc
        for sv in self.s.surveys:
            d.paragraph("满意度调查：", *self.sentence(survey_sentence(self.r, sv)), "各题得分见附表2。")
            chart = report_charts.survey_chart([(f"{o} {n}", c) for o, n, c in zip(layout.OPTIONS, layout.OPTION_NAMES,
                                                                             sv.counts)])
            d.picture(chart, 14, "问卷答案分布") if chart else d.paragraph(report_charts.NO_FONT, style="Figure")
            d.paragraph(f"图{2 + self.s.surveys.index(sv)}  问卷各选项人次（全部题目合计）", style="Caption")

    def cost(self) -> None:
        d, b = self.doc, self.s.budget
        d.heading("四、成本效益分析", 1)
        if b is None:
            d.paragraph(placeholder("成本效益分析（工作簿没有预算表）"))
            return
        d.paragraph(*self.sentence(budget_sentence(self.r)),
                    f"结余{money(b.balance)}{self.unit}。" if b.execution_rate is not None else "")
        rows = self.m.budget.rows
        if b.execution_rate is not None and b.execution_rate > 1 + 1e-9:
            carried = [r for r in rows if layout.is_carried_over(r.text(Key.SOURCE))]
            notes = [self.narrative_text(r.text(Key.NOTE)) for r in rows if r.text(Key.NOTE)]
            if carried:
                amount = sum(r.num(Key.BUDGET) or 0 for r in carried)
                d.paragraph(f"执行数超过当年预算，其中使用上年结转资金{money(amount)}{self.unit}"
                            + (f"（{'；'.join(n for n in notes if n)}）" if notes else "") + "。")
            else:
                d.paragraph("执行数超过当年预算：", placeholder("说明超出部分的资金来源（如上年结转资金）"))
        d.paragraph(f"项目支出明细表（单位：{self.unit}）", style="Caption")
        table = [["序号", "支出内容", "全年预算数", "执行数", "结余", "执行率", "备注"]]
        for k, line in enumerate(b.lines, start=1):
            table.append([str(k), line.row.text(Key.ITEM), money(line.budget), money(line.executed),
                          money(line.balance), percent(line.rate), self.narrative_text(line.row.text(Key.NOTE))])
        table.append(["合计", "", money(b.budget), money(b.executed), money(b.balance), percent(b.execution_rate), ""])
        d.table(table, [1.0, 4.6, 2.4, 2.4, 2.4, 1.9, 3.3], left=(1, 6))
        d.paragraph(placeholder("资金使用效果：项目实施取得的经济效益、社会效益"))

    def lessons(self) -> None:
        d = self.doc
        d.heading("五、主要经验及做法、存在的问题和建议", 1)
        for k, (key, label) in enumerate((("experience", "主要经验及做法"), ("problems", "存在的问题"),
                                          ("suggestions", "改进建议"))):
            d.heading(f"（{HEADINGS[k]}）{label}", 2)
            self.told(key, label)

    def annex_indicators(self) -> None:
        d = self.doc
        d.page_break()
        d.heading("附表1  项目支出绩效指标体系及评分表", 1)
        rows: list[list] = [["一级指标", "二级指标", "三级指标", "四级指标", "年度指标值", "实际完成值", "分值", "得分",
                             "偏差原因"]]
        for ind in self.s.indicators:
            row = ind.row
            rows.append([ind.section, row.text(Key.LEVEL2), row.text(Key.LEVEL3), row.text(Key.LEVEL4),
                         ind.target.text, self.actual(ind), f"{ind.weight or 0:g}",
                         Run(points(ind.score), comment=f"核算值；原表自评得分为 {ind.self_score:g}"
                             if differs(ind.score, ind.self_score) else ""),
                         self.narrative_text(row.text(Key.DEVIATION))])
        rows.append(["合计", "", "", "", "", "", f"{sum(i.weight or 0 for i in self.s.indicators):g}",
                     points(self.s.section_score), ""])
        d.table(rows, [1.9, 1.9, 1.9, 3.0, 2.0, 2.0, 1.0, 1.3, 2.4], left=(3, 8))

    def annex_surveys(self) -> None:
        d = self.doc
        for k, sv in enumerate(self.s.surveys, start=1):
            d.heading(f"附表2{'' if len(self.s.surveys) == 1 else f'-{k}'}  {sv.survey.title or '满意度问卷统计表'}", 1)
            head = ["问卷题目", *(f"{o}（{n}）" for o, n in zip(layout.OPTIONS, layout.OPTION_NAMES)), "合计人数", "得分"]
            rows: list[list] = [head]
            for q in sv.questions:
                counts = [q.question.counts.num(f"opt_{o}") for o in layout.OPTIONS]
                rows.append([str(q.question.text.value or ""), *(f"{c or 0:g}" for c in counts), f"{q.respondents:g}",
                             points(q.score)])
            rows.append(["合计", *(f"{c:g}" for c in sv.counts), f"{sum(sv.counts):g}", points(sv.score)])
            d.table(rows, [6.0, 1.5, 1.5, 1.5, 1.5, 1.5, 1.6, 1.4], left=(0,))

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def rate(score: float | None, rate: float | None) -> str:
        """得分率: unknown with the score (未能计算), a dash only where there are no points."""
        return points(None) if score is None else percent(rate)

    def narrative_text(self, text: str) -> str:
        return mask_text(text, self.names) if self.mask else text

    def performance_section(self) -> str:
        """The section whose indicators are the year's targets in the four-level scheme (项目绩效)."""
        names = [x.name for x in self.s.sections]
        return names[-1] if names else ""

    def satisfaction_section(self) -> str:
        with_survey = {i.section for i in self.s.indicators if i.survey is not None or layout.is_satisfaction(i.name)}
        names = [x.name for x in self.s.sections if x.name in with_survey]
        return names[0] if names else (self.s.sections[-1].name if self.s.sections else "")


__all__ = ["write_report"]
