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
from ..privacy import Names, mask_text
from ..report_text import (LEVEL_WORDS, MISSING, Figure, as_written, budget_sentence, conclusion, indicator_level, is_pointer, money,
                           percent, plain_name, points, report_title, scored, structure_sentence, survey_sentence)
from ..vocab import RuleKind, Severity
from . import report_charts
from .docx import Document, Run
from ..keys import Key
from ..targets import TargetKind

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEADINGS = ("一", "二", "三", "四", "五", "六")
# 二、绩效评价工作开展情况: the five parts every seed report has, each its 项目信息 field (v1.1)
WORK_PARTS = ((Key.PURPOSE, "绩效评价的目的", "评价目的：为什么评价、要回答什么问题"),
              (Key.PLAN, "绩效评价工作方案制定过程", "前期调研、研究文件、指标体系及工作方案的设计"),
              (Key.METHODS, "绩效评价原则、评价方法", "评价原则（相关性、重要性、可比性……）和方法（比较法、因素分析法、公众评判法……）"),
              (Key.PROCESS, "绩效评价实施过程", "数据填报和采集、社会调查、数据分析和撰写报告，写明起止日期"),
              (Key.LIMITS, "本次绩效评价的局限性", "证据是否全面、数据来源、评价方法的局限"))
LESSONS = ((Key.EXPERIENCE, "主要经验及做法"), (Key.PROBLEMS, "存在的问题"), (Key.SUGGESTIONS, "改进措施及建议"))


def write_report(result: Result, path: Path, mask: bool = True) -> Path:
    """Write the report draft atomically; returns the name written (another if `path` is open)."""
    return write_atomic(path, lambda tmp: _Report(result, mask).document().save(tmp), fallback=True)


def placeholder(what: str) -> Run:
    return Run(f"【请填写：{what}】", mark=True)


def quoted(value: str) -> bool:
    """Words (充分, 达成预期指标) are quoted after a name; a figure (≥95%, 不少于3期, 1252人) follows it directly."""
    return bool(value) and value != MISSING and not any(ch.isdigit() for ch in value)


def named(name: str, value: str) -> str:
    """`培训人次≥1237人次`, `立项依据充分性“充分”`: a name and its value in the seeds' manner."""
    return f"{name}“{value}”" if quoted(value) else f"{name}{value}"


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
        self.names = Names(contacts)

    # --- what the workbook says -------------------------------------------------------------

    def title(self) -> str:
        return report_title(self.r)

    def unit_name(self) -> str:
        """The unit that signs the report, without the system code an export puts before it."""
        return plain_name(self.r.info(Key.UNIT) or self.r.info(Key.DEPARTMENT))

    def narrative(self, key: str) -> list[str]:
        """A narrative field's paragraphs, masked; empty when the workbook does not give it."""
        text = self.r.info(key)
        if self.mask:
            text = mask_text(text, self.names)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def told(self, key: str, label: str, style: str = "Normal") -> None:
        """The workbook's own text for `key`, or a placeholder asking for it."""
        paragraphs = self.narrative(key)
        for line in paragraphs:
            self.doc.paragraph(line, style=style)
        if not paragraphs:
            self.doc.paragraph(placeholder(label), style=style)

    def inline(self, key: str, label: str) -> Run | str:
        """A narrative field inside a sentence (one line), or a placeholder asking for it."""
        text = "".join(self.narrative(key)).rstrip("。；，")
        return text if text else placeholder(label)

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

    @staticmethod
    def target(ind) -> str:
        """The 年度指标值 as reports print it (`≥90%`), or 未填写."""
        return as_written(ind.target.text).lstrip("=") or MISSING

    def actual(self, ind) -> Run:
        """An indicator's actual: the computed one where the tool computes it (satisfaction from
        the questionnaire, execution from the budget), commented when the workbook had another;
        else as typed, with the target's unit where a bare number left it out (`50` of `≥50个`)."""
        typed = ind.actual.text or MISSING
        b = self.s.budget
        if ind.survey is not None:
            shown = f"{ind.survey.score:.2f}%"
        elif ind.rule.from_budget and b is not None:
            shown = percent(b.execution_rate if ind.rule is RuleKind.EXECUTION else b.arrival_rate)
        else:
            return Run(as_written(self.with_unit(ind)) or MISSING)
        cell = ind.row.get(Key.ACTUAL)
        flagged = cell is not None and cell.loc in self.flagged
        return Run(shown, comment=f"核算值；原表（{cell.loc}）填写为 {typed}" if flagged else "")

    @staticmethod
    def with_unit(ind) -> str:
        a, t = ind.actual, ind.target
        if a.kind is not TargetKind.NUMBER or a.unit or not t.unit or a.value is None:
            return a.text
        if t.unit == "%":
            return f"{a.value * 100:g}%" if a.value <= 1.5 else f"{a.value:g}%"
        return f"{a.text}{t.unit}"

    @staticmethod
    def judged(ind) -> bool:
        """An item judged by its 评价标准 (a rubric's 决策依据, 财务制度): its block has no 指标值 or 完成值
        to state (a blank one of an indicator that has them is said to be blank)."""
        cells = ind.row.cells
        return Key.TARGET not in cells and Key.ACTUAL not in cells and bool(ind.row.text(Key.BASIS))

    def reason(self, ind) -> str:
        """The typed 偏差原因, masked; "" for none, or for one that only points elsewhere (见报告正文)."""
        text = self.narrative_text(ind.row.text(Key.DEVIATION)).strip()
        return "" if is_pointer(text) else text

    # --- the document -----------------------------------------------------------------------

    def document(self) -> Document:
        d = self.doc
        self.abstract()
        if self.unit_name():
            d.paragraph(self.unit_name(), style="Subtitle")
        d.paragraph(self.title(), style="Title")
        self.notice()
        self.opening()
        self.basics()
        self.work()
        self.conclusion()
        self.analysis()
        self.cost()
        self.lessons()
        d.heading("六、其他需要说明的问题", 1)
        self.told(Key.OTHER, "其他需要说明的问题；没有的写“无”")
        self.attachments()
        self.signature()
        self.annex_indicators()
        self.annex_surveys()
        return d

    def abstract(self) -> None:
        """摘要: one page before the body, from the same figures and texts."""
        d, b = self.doc, self.s.budget
        head, text = "AbstractHeading", "AbstractText"
        d.paragraph("摘  要", style="AbstractTitle")
        d.paragraph("一、项目概况", style=head)
        d.paragraph("（一）项目立项背景及目的", style=head)
        self.told(Key.OVERVIEW, "项目立项背景及目的", text)
        d.paragraph("（二）预算收支总额、预算执行情况", style=head)
        if b is not None and b.execution_rate is not None:
            d.paragraph(*self.sentence(budget_sentence(self.r)), style=text)
        else:
            d.paragraph(placeholder("预算收支总额、预算执行情况（工作簿没有可核算的预算）"), style=text)
        d.paragraph("二、评价结论", style=head)
        self.verdict(text)
        d.paragraph("三、经验、问题和建议", style=head)
        for k, (key, label) in enumerate(LESSONS):
            d.paragraph(f"（{HEADINGS[k]}）{label}", style=head)
            self.told(key, label, text)
        d.page_break()

    def notice(self) -> None:
        errors = self.r.count(Severity.ERROR)
        text = ("本稿由 excel-eval 根据工作簿自动生成：文中数字均为核算值，黄色底纹处为待填写的内容。"
                + (f"工作簿尚有 {errors} 个错误（见“_评价结果.xlsx”的问题清单），等级为暂定，更正后请重新生成。"
                   if errors else ""))
        self.doc.paragraph(Run(text, mark=bool(errors)), style="Notice")

    def opening(self) -> None:
        """根据……的要求，……成立绩效评价工作领导小组……，现将评价情况报告如下。"""
        project = plain_name(self.r.info(Key.PROJECT)) or self.r.path.stem
        year = self.r.year
        named = project if not year or project.startswith(str(year)) else f"{year}年{project}"
        self.doc.paragraph("根据", self.inline(Key.GROUNDS, "评价依据：预算法、绩效管理办法、自评工作通知等文件"), "的要求，",
                           self.unit_name() or placeholder("实施单位"),
                           self.inline(Key.TEAM, "成立绩效评价工作领导小组，由……任组长，……为组员"),
                           f"，对“{named}”项目支出绩效进行了评价，现将评价情况报告如下。")

    def basics(self) -> None:
        d, b = self.doc, self.s.budget
        d.heading("一、项目基本情况", 1)
        d.heading("（一）项目概况", 2)
        d.heading("1、立项背景及目的", 3)
        self.told(Key.OVERVIEW, "立项背景及目的：立项依据、要解决的问题")
        d.heading("2、项目实施情况", 3)
        self.told(Key.ACHIEVED, "项目实施情况：全年完成了哪些工作")
        d.heading("3、资金来源及使用情况", 3)
        if b is not None and b.execution_rate is not None:
            d.paragraph(*self.sentence(budget_sentence(self.r)))
        else:
            d.paragraph(placeholder("资金来源及使用情况"))
        d.heading("4、组织及管理情况", 3)
        self.told(Key.ORGANISATION, "组织及管理情况：项目组织、实施流程、资金拨付流程")
        d.heading("（二）绩效目标", 2)
        d.heading("1、总目标", 3)
        self.told(Key.GOALS, "总目标")
        d.heading("2、年度目标", 3)
        if self.s.scheme.name == FORM_SCHEME:  # 产出, 效益 and 满意度 are all the year's targets
            rows = [i for i in self.s.indicators if not i.rule.from_budget]
        else:
            rows = [i for i in self.s.indicators if i.section == self.performance_section()]
        if rows:
            d.paragraph("年度绩效指标及完成情况如下：")
            for k, ind in enumerate(rows, start=1):
                d.paragraph(f"（{k}）{ind.name}：年度指标值{self.target(ind)}，实际完成值", self.actual(ind), "。")
        else:
            d.paragraph(placeholder("年度目标"))

    def work(self) -> None:
        d = self.doc
        d.heading("二、绩效评价工作开展情况", 1)
        for line in self.narrative(Key.WORK):  # the whole of it in one field (template v1)
            d.paragraph(line)
        for k, (key, label, prompt) in enumerate(WORK_PARTS):
            d.heading(f"（{HEADINGS[k]}）{label}", 2)
            self.told(key, prompt)
            if key is Key.PLAN and self.s.indicators:
                d.paragraph(structure_sentence(self.r))

    def verdict(self, style: str = "Normal") -> None:
        """The conclusion sentence, or why there is none."""
        d, s = self.doc, self.s
        if s.total is None:
            d.paragraph(Run("".join(conclusion(self.r)), mark=True), style=style)
        else:
            d.paragraph(*self.sentence(conclusion(self.r)), style=style)

    def conclusion(self) -> None:
        d, s = self.doc, self.s
        d.heading("三、评价结论和绩效分析", 1)
        d.heading("（一）评价结论", 2)
        d.heading("1、评价结果", 3)
        self.verdict()
        own = self.narrative(Key.CONCLUSION)  # what a 自评表's own 评价结论 says, quoted as the unit wrote it
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
        if chart:
            d.chart(chart, 14, report_charts.section_height_cm(len(s.sections)), "各部分得分")
            d.paragraph(f"图{len(d.charts)}  各部分满分与得分", style="Caption")
        d.heading("2、主要绩效", 3)
        self.told(Key.RESULTS, "主要绩效：项目完成了哪些目标、取得了什么成效")

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
                self.group_paragraphs(k, group, items)
            if x.name == self.satisfaction_section():
                self.survey_paragraphs()

    def group_paragraphs(self, k: int, group: str, items: list) -> None:
        """One 二级指标 in the seeds' manner: what was planned, what was done, the points and why
        any were lost (the typed 偏差原因, or a blank for it), then a blank for the officer's analysis."""
        d = self.doc
        d.heading(f"（{k}）{group}", 4)
        judged = [i for i in items if self.judged(i)]
        measured = [i for i in items if i not in judged]
        parts: list = []
        if measured:
            parts.append("年度指标值：" + "；".join(named(ind.name, self.target(ind)) for ind in measured) + "。实际完成：")
            for j, ind in enumerate(measured):
                shown = self.actual(ind)
                words = quoted(shown.text)
                parts += [("；" if j else "") + ind.name + ("“" if words else ""), shown, "”" if words else ""]
            parts.append("。")
        if judged:  # an item judged by its criteria (a rubric's 决策依据): the criteria, not a target it lacks
            parts.append("评价标准：" + "；".join((f"{i.name}：" if len(items) > 1 else "")
                                            + self.narrative_text(i.row.text(Key.BASIS)).rstrip("。；;") for i in judged) + "。")
        weight = sum(i.weight or 0.0 for i in items)
        known = [i.score for i in items if i.weight is not None]
        score = None if None in known else sum(i.score or 0.0 for i in items)
        parts.append(f"本项分值{weight:g}分，{scored(score)}")
        if score is None:
            blank = "、".join(i.name for i in items if i.weight is not None and i.score is None)
            parts.append(f"（{blank}的完成值和得分未填写或无法核算，见问题清单）")
        lost = [(i, (i.weight or 0.0) - i.score) for i in items if i.score is not None and (i.weight or 0.0) - i.score > 0.005]
        for j, (ind, points_lost) in enumerate(lost):
            parts.append("，其中" if j == 0 else "；")
            parts.append(Run(f"{ind.name}扣{points_lost:.2f}分", comment=f"核算值；原表自评得分为 {ind.self_score:g}"
                             if differs(ind.score, ind.self_score) else ""))
            reason, why = self.reason(ind), "扣分原因" if self.judged(ind) else "偏差原因"
            parts += [f"，{why}：", reason.rstrip("。；") if reason else placeholder(why)]
        parts.append("。")
        d.paragraph(*parts)
        d.paragraph(placeholder(f"对“{group}”的分析：做了哪些工作、取得了什么效果、扣分的原因和改进办法"))

    def survey_paragraphs(self) -> None:
        d = self.doc
        for sv in self.s.surveys:
            d.paragraph("满意度调查：", *self.sentence(survey_sentence(self.r, sv)), "各题得分见附表2。")
            chart = report_charts.survey_chart([(f"{o} {n}", c) for o, n, c in zip(layout.OPTIONS, layout.OPTION_NAMES,
                                                                             sv.counts)])
            if chart:
                d.chart(chart, 14, 6.5, "问卷答案分布")
                d.paragraph(f"图{len(d.charts)}  问卷各选项人次（全部题目合计）", style="Caption")

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
        d.table(table, [1.3, 3.9, 2.3, 2.5, 2.5, 2.2, 2.8], left=(1, 6))
        d.paragraph(placeholder("资金使用效果：项目实施取得的经济效益、社会效益"))

    def lessons(self) -> None:
        d = self.doc
        d.heading("五、主要经验及做法、存在的问题和建议", 1)
        for k, (key, label) in enumerate(LESSONS):
            d.heading(f"（{HEADINGS[k]}）{label}", 2)
            self.told(key, label)

    def attachments(self) -> None:
        d = self.doc
        d.heading("相关附件", 1)
        d.paragraph("1.项目支出绩效指标体系及评分表（附表1）；")
        for k, sv in enumerate(self.s.surveys, start=1):
            d.paragraph(f"{k + 1}.{sv.survey.title or '满意度问卷统计表'}（附表2{'' if len(self.s.surveys) == 1 else f'-{k}'}）；")
        d.paragraph(placeholder("其他附件：项目支出明细、项目文件依据等；没有的删去本行"))

    def signature(self) -> None:
        """The unit and the date, as each seed report ends."""
        d = self.doc
        d.paragraph("")
        d.paragraph(self.unit_name() or placeholder("实施单位"), style="Signature")
        date = "".join(self.narrative(Key.REPORT_DATE))
        d.paragraph(date or placeholder("报告日期，如2023年5月20日"), style="SignatureDate")

    def annex_indicators(self) -> None:
        d = self.doc
        d.page_break()
        d.paragraph("附表1  项目支出绩效指标体系及评分表", style="AnnexTitle")
        four = indicator_level(self.r) == LEVEL_WORDS[-1]  # a 自评表 whose indicators stop at 三级: no empty 四级 column
        levels = [Key.LEVEL2, Key.LEVEL3, *([Key.LEVEL4] if four else [])]
        rows: list[list] = [["一级指标", "二级指标", "三级指标", *(["四级指标"] if four else []), "年度指标值", "实际完成值",
                             "分值", "得分", "偏差原因"]]
        for ind in self.s.indicators:
            row = ind.row
            judged = self.judged(ind)  # (no 指标值 or 完成值 of its own: — in both)
            rows.append([ind.section, *(row.text(k) for k in levels),
                         "—" if judged else as_written(ind.target.text), "—" if judged else self.actual(ind), f"{ind.weight or 0:g}",
                         Run(points(ind.score), comment=f"核算值；原表自评得分为 {ind.self_score:g}"
                             if differs(ind.score, ind.self_score) else ""),
                         self.narrative_text(row.text(Key.DEVIATION))])
        rows.append(["合计", *([""] * (len(levels) + 2)), f"{sum(i.weight or 0 for i in self.s.indicators):g}",
                     points(self.s.section_score), ""])
        widths = [1.7, 1.7, 1.8, *([2.9] if four else []), 1.9, 1.9, 1.1, 1.8, 2.2]  # 得分 holds 未能计算 on one line
        d.table(rows, widths, left=(len(levels), len(levels) + 5))

    def annex_surveys(self) -> None:
        d = self.doc
        for k, sv in enumerate(self.s.surveys, start=1):
            d.paragraph(f"附表2{'' if len(self.s.surveys) == 1 else f'-{k}'}  {sv.survey.title or '满意度问卷统计表'}",
                        style="AnnexTitle")
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
