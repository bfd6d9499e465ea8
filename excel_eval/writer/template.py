"""The standard workbook, written from layout.py: blank (the template) or filled (the samples).

One writer serves both so that the samples look exactly like what staff fill in. Cells the
staffer fills are pale yellow; cells computed by a formula are grey and carry their cached value,
so totals show in Excel, WPS and LibreOffice before any recalculation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import layout
from ..files import write_atomic
from ..layout import Column, SheetSpec
from ..model import col_letter
from ..schemes import FOUR_LEVEL, builtin_scheme
from .sheets import page
from .formats import COMPUTED_FILL, FONT, HEADER_FILL, INPUT_FILL
from ..keys import CellKind, Key

def default_option_weights() -> tuple[float, ...]:
    """The questionnaire weights of the default scheme, written into a new template."""
    return builtin_scheme(FOUR_LEVEL).option_weights


BLANK_ROWS = {"budget": 8, "allocation": 20, "indicators": 40, "summary": 0}
BLANK_QUESTIONS = 10
FIXED_DATE = dt.datetime(2023, 1, 1)


@dataclass
class Question:
    text: str
    points: float  # 分值
    counts: tuple  # A..E
    ratios: tuple | None = None  # typed 占比 row (None → formulas)
    scores: tuple | None = None  # typed 得分 row (None → formulas)
    question_score: object = None  # typed 各题得分 (None → formula)
    respondents: object = None  # typed 合计人数 on the 人数 row (None → formula)
    ratio_sum: object = None  # typed 合计人数 on the 占比 row
    points_word: str = "得分"  # some offices call the third row 分数


@dataclass
class SurveyContent:
    sheet: str = "满意度问卷"
    title: str = ""
    questions: list[Question] = field(default_factory=list)
    total: Question | None = None  # typed 合计 block (None → formulas)
    total_score_merged: object = None  # a 合计 得分 row shown as one value merged across A–E
    notes: list[str] = field(default_factory=list)


@dataclass
class Content:
    """What a filled workbook holds. Blank content writes the template."""

    info: dict[str, object] = field(default_factory=dict)
    budget: list[dict] = field(default_factory=list)
    budget_total: dict | None = None  # typed 合计 row (None → SUM formulas)
    allocation: list[dict] = field(default_factory=list)
    allocation_total: dict | None = None  # typed 合计 row (None → SUM formulas)
    indicators: list[dict] = field(default_factory=list)
    surveys: list[SurveyContent] = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)
    summary_total: dict | None = None
    notes: dict[str, list[str]] = field(default_factory=dict)  # sheet key → note rows below


def write_template(path: str | Path, content: Content | None = None) -> Path:
    """Write the standard workbook to `path` atomically (temp file, then rename)."""
    import io

    import xlsxwriter  # noqa: PLC0415 (start-up time)

    def write(tmp: Path) -> None:
        # Built in memory, then written in one call: a full disk is the plain OSError it is (xlsxwriter
        # writing the file itself wraps it in its own exception and leaves an unclosed zip behind).
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        book.set_properties({"created": FIXED_DATE})  # the same content gives the same file
        _Writer(book, content or Content(), content is None).write()
        book.close()
        tmp.write_bytes(buffer.getvalue())

    return write_atomic(Path(path), write)


class _Writer:
    def __init__(self, book, content: Content, blank: bool):
        self.book = book
        self.content = content
        self.blank = blank
        self.weight_cells: list[str] = []
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter", "border": 1}
        self.f = {
            "title": book.add_format({"font_name": FONT, "bold": True, "font_size": 14}),
            "header": book.add_format({**base, "bold": True, "bg_color": HEADER_FILL,
                                       "align": "center", "text_wrap": True}),
            "text": book.add_format({**base, "bg_color": INPUT_FILL, "text_wrap": True}),
            "money": book.add_format({**base, "bg_color": INPUT_FILL, "num_format": "#,##0.00####"}),
            "number": book.add_format({**base, "bg_color": INPUT_FILL, "num_format": "General"}),
            "ratio": book.add_format({**base, "bg_color": INPUT_FILL, "num_format": "0.00%"}),
            "points": book.add_format({**base, "bg_color": INPUT_FILL, "num_format": "0.00"}),
            "c_money": book.add_format({**base, "bg_color": COMPUTED_FILL, "num_format": "#,##0.00####"}),
            "c_number": book.add_format({**base, "bg_color": COMPUTED_FILL, "num_format": "0.00"}),
            "c_count": book.add_format({**base, "bg_color": COMPUTED_FILL, "num_format": "0"}),
            "c_ratio": book.add_format({**base, "bg_color": COMPUTED_FILL, "num_format": '0.00%;-0.00%;"-"'}),
            "label": book.add_format({**base, "bold": True}),
            "unused": book.add_format(base),
            "help": book.add_format({"font_name": FONT, "font_size": 9, "font_color": "#595959",
                                     "text_wrap": True, "valign": "vcenter"}),
            "note": book.add_format({"font_name": FONT, "font_size": 9, "font_color": "#595959"}),
        }
        self.f["choice"] = self.f["text"]
        self.f["level"] = self.f["text"]

    def write(self) -> None:
        self.readme()
        self.info()
        self.table(layout.BUDGET, self.content.budget, self.content.budget_total)
        self.table(layout.ALLOCATION, self.content.allocation, self.content.allocation_total)
        self.table(layout.INDICATORS, self.content.indicators, None, total=False)
        for survey in self.content.surveys or [SurveyContent()]:
            self.survey(survey)
        self.table(layout.SUMMARY, self.content.summary, self.content.summary_total)

    # --- helpers ----------------------------------------------------------------------------

    def sheet(self, spec: SheetSpec, name: str | None = None):
        ws = self.book.add_worksheet(name or spec.name)
        page(ws, landscape=spec.landscape, gridlines=True)
        return ws

    def header_label(self, col: Column) -> str:
        unit = self.content.info.get(Key.MONEY_UNIT) or layout.DEFAULT_MONEY_UNIT
        return f"{col.label}（{unit}）" if col.kind is CellKind.MONEY else col.label

    def put(self, ws, r: int, c: int, value: object, kind: str) -> None:
        fmt = self.f.get(kind, self.f["text"])
        if value is None or value == "":
            ws.write_blank(r, c, None, fmt)
        elif isinstance(value, str):
            ws.write_string(r, c, value, fmt)  # never a formula, whatever it starts with
        else:
            ws.write(r, c, value, fmt)

    # --- sheets -----------------------------------------------------------------------------

    def readme(self) -> None:
        ws = self.sheet(layout.README)
        ws.set_column(0, 0, 16)
        ws.set_column(1, 1, 90)
        ws.write(0, 0, f"项目支出绩效自评标准工作簿（模板 {layout.TEMPLATE_VERSION}）填表说明", self.f["title"])
        lines = [
            ("总则", "黄色单元格由填表人填写，灰色单元格是公式，自动计算，请勿改写。可以插入标题行、空行和备注列；"
                     "表头文字不要改（可用说明中列出的同义词）。金额默认以万元为单位。"),
            ("数字", "数字请直接填数字；百分比可填 95% 或 0.95。不适用的填“-”或留空。"),
            ("合计行", "第一格写“合计”“总计”或“小计”的行是合计行，工具会与上面各行之和核对；“合计”行以下的内容视为备注。"),
        ]
        for spec in layout.SHEETS[1:]:
            text = spec.help + ("（必需）" if spec.required else "（可选）")
            cols = [f"{c.label}{'*' if c.required else ''}" + (f"（又名：{'、'.join(c.synonyms)}）" if c.synonyms else "")
                    + (f"：{c.help}" if c.help else "") for c in spec.columns]
            if spec is layout.INFO:
                cols = [f"{f.label}{'*' if f.required else ''}" + (f"：{f.help}" if f.help else "")
                        for f in layout.INFO_FIELDS]
            lines.append((spec.name, text + "\n" + "；\n".join(cols) + "。带 * 的为必填。"))
        for i, (head, text) in enumerate(lines, start=2):
            ws.write_string(i, 0, head, self.f["label"])
            ws.write_string(i, 1, text, self.f["help"])
            ws.set_row(i, 13 * sum(1 + len(line) // 75 for line in text.split("\n")))

    def info(self) -> None:
        ws = self.sheet(layout.INFO)
        ws.set_column(0, 0, 18)
        ws.set_column(1, 1, 40)
        ws.set_column(2, 2, 60)
        ws.write(0, 0, "项目信息", self.f["title"])
        for c, label in enumerate(("栏目", "填写内容", "说明")):
            ws.write_string(1, c, label, self.f["header"])
        values = {"money_unit": layout.DEFAULT_MONEY_UNIT,
                  **{f"weight_{o}": w for o, w in zip(layout.OPTIONS, default_option_weights())}}
        values.update(self.content.info)
        for r, f in enumerate(layout.INFO_FIELDS, start=2):
            ws.write_string(r, 0, f.label, self.f["label"])
            kind = {"ratio": "ratio", "number": "number", "year": "number"}.get(f.kind, "text")
            self.put(ws, r, 1, values.get(f.key), kind)
            ws.write_string(r, 2, ("必填。" if f.required else "") + f.help, self.f["help"])
            if f.choices:
                ws.data_validation(r, 1, r, 1, {"validate": "list", "source": list(f.choices)})
            if f.key.startswith("weight_"):
                self.weight_cells.append(f"'{layout.INFO.name}'!$B${r + 1}")
        ws.freeze_panes(2, 0)

    def table(self, spec: SheetSpec, rows: list[dict], typed_total: dict | None, total: bool = True) -> None:
        ws = self.sheet(spec)
        unit = self.content.info.get(Key.MONEY_UNIT) or layout.DEFAULT_MONEY_UNIT
        ws.write(0, 0, f"{spec.name}" + (f"（单位：{unit}）" if any(c.kind is CellKind.MONEY for c in spec.columns) else ""),
                 self.f["title"])
        for c, col in enumerate(spec.columns):
            ws.set_column(c, c, col.width)
            ws.write_string(1, c, self.header_label(col), self.f["header"])
        ws.set_row(1, 30)
        ws.freeze_panes(2, 0)
        n = max(len(rows), BLANK_ROWS[spec.key] if self.blank else 0)
        for i in range(n):
            row = rows[i] if i < len(rows) else {}
            for c, col in enumerate(spec.columns):
                self.put(ws, 2 + i, c, row.get(col.key), col.kind)
        last = 2 + n
        for c, col in enumerate(spec.columns):
            if col.choices:
                ws.data_validation(2, c, max(last - 1, 2) + 50, c, {"validate": "list", "source": list(col.choices),
                                                                      "error_type": "warning"})
        if total and (n or typed_total):
            self.total_row(ws, spec, last, 2, last - 1, rows, typed_total)
            last += 1
        for k, note in enumerate(self.content.notes.get(spec.key, []), start=last + 1):
            ws.write_string(k, 0, note, self.f["note"])

    def total_row(self, ws, spec: SheetSpec, r: int, first: int, last: int, rows: list[dict],
                  typed: dict | None) -> None:
        """The 合计 row: as the report typed it, or SUM formulas with their values cached."""
        label_col = 1 if spec.columns[0].key == "seq" else 0
        for c, col in enumerate(spec.columns):
            if c == label_col:
                ws.write_string(r, c, "合计", self.f["label"])
            elif typed is not None and col.key in typed:
                self.put(ws, r, c, typed[col.key], col.kind)
            elif typed is None and col.kind in (CellKind.MONEY, CellKind.NUMBER) and col.key not in (Key.SEQ, Key.STANDARD, Key.QUANTITY):
                cached = sum(float(x[col.key]) for x in rows if isinstance(x.get(col.key), (int, float)))
                letter = col_letter(c)
                ws.write_formula(r, c, f"=SUM({letter}{first + 1}:{letter}{last + 1})",
                                 self.f["c_money" if col.kind is CellKind.MONEY else "c_number"], _round(cached))
            else:
                ws.write_blank(r, c, None, self.f["label"])

    def survey(self, s: SurveyContent) -> None:
        spec = layout.SURVEY
        ws = self.sheet(spec, s.sheet)
        ws.write(0, 0, s.title or "满意度调查问卷统计表", self.f["title"])
        cols = {col.key: c for c, col in enumerate(spec.columns)}
        for c, col in enumerate(spec.columns):
            ws.set_column(c, c, col.width)
            label = f"{col.label}（{layout.OPTION_NAMES[layout.OPTIONS.index(col.label)]}）" \
                if col.label in layout.OPTIONS else col.label
            ws.write_string(1, c, label, self.f["header"])
        ws.set_row(1, 30)
        ws.freeze_panes(2, 2)
        questions = s.questions or [Question("", None, (None,) * 5) for _ in range(BLANK_QUESTIONS)]
        opt = [cols[f"opt_{o}"] for o in layout.OPTIONS]
        L = {k: col_letter(c) for k, c in cols.items()}
        start = 2
        for i, q in enumerate(questions):
            self.block(ws, start + 3 * i, q, cols, opt, L)
        total_r = start + 3 * len(questions)
        count_rows = [start + 3 * i for i in range(len(questions))]
        self.total_block(ws, total_r, s, questions, count_rows, cols, opt, L)
        ws.data_validation(start, cols["row_kind"], total_r + 2, cols["row_kind"],
                           {"validate": "list", "source": [w[0] for w in layout.SURVEY_ROW_KINDS.values()],
                            "error_type": "warning"})
        for k, note in enumerate(s.notes, start=total_r + 4):
            ws.write_string(k, 0, note, self.f["note"])

    def block(self, ws, r: int, q: Question, cols: dict, opt: list[int], L: dict) -> None:
        from ..scoring import option_points  # noqa: PLC0415

        qc, kc = cols["question"], cols["row_kind"]
        ws.merge_range(r, qc, r + 2, qc, q.text or "", self.f["text"])
        for k, word in enumerate(("人数", "占比", q.points_word)):
            ws.write_string(r + k, kc, word, self.f["label"])
        counts = [c if isinstance(c, (int, float)) else 0 for c in q.counts]
        n = sum(counts)
        for c, count in zip(opt, q.counts):
            self.put(ws, r, c, count, "number")
        weights = self.option_weights()
        resp_cell = f"${L['respondents']}${r + 1}"
        for j, c in enumerate(opt):
            count_cell = f"{col_letter(c)}{r + 1}"
            if q.ratios is not None:
                self.put(ws, r + 1, c, q.ratios[j], "ratio")
            else:
                ws.write_formula(r + 1, c, f"=IF({resp_cell}=0,0,{count_cell}/{resp_cell})", self.f["c_ratio"],
                                 _round(counts[j] / n) if n else 0)
            if q.scores is not None:
                self.put(ws, r + 2, c, q.scores[j], "points")
            else:
                ws.write_formula(
                    r + 2, c, f"=IF({resp_cell}=0,0,${L['points']}${r + 1}*{count_cell}/{resp_cell}*{self.weight_cells[j]})",
                    self.f["c_number"], _round(option_points(q.points or 0, counts[j], n, weights[j])))
        self.typed_or_formula(ws, r, cols["question_score"], q.question_score,
                              f"=SUM({L['opt_A']}{r + 3}:{L['opt_E']}{r + 3})",
                              sum(option_points(q.points or 0, counts[j], n, weights[j]) for j in range(5)), "c_number")
        self.typed_or_formula(ws, r, cols["respondents"], q.respondents,
                              f"=SUM({L['opt_A']}{r + 1}:{L['opt_E']}{r + 1})", n, "c_count")
        self.typed_or_formula(ws, r + 1, cols["respondents"], q.ratio_sum,
                              f"=SUM({L['opt_A']}{r + 2}:{L['opt_E']}{r + 2})", 1.0 if n else 0, "c_ratio")
        self.put(ws, r, cols["points"], q.points, "number")
        for rr in (r + 1, r + 2):
            ws.write_blank(rr, cols["points"], None, self.f["unused"])
            ws.write_blank(rr, cols["question_score"], None, self.f["unused"])
        ws.write_blank(r + 2, cols["respondents"], None, self.f["unused"])

    def typed_or_formula(self, ws, r: int, c: int, typed: object, formula: str, cached: float, kind: str) -> None:
        if typed is not None:
            self.put(ws, r, c, typed, "ratio" if kind == "c_ratio" else "number")
        else:
            ws.write_formula(r, c, formula, self.f[kind], _round(cached))

    def total_block(self, ws, r: int, s: SurveyContent, questions: list[Question], count_rows: list[int],
                    cols: dict, opt: list[int], L: dict) -> None:
        from ..scoring import option_points  # noqa: PLC0415

        t = s.total
        ws.merge_range(r, cols["question"], r + 2, cols["question"], "合计", self.f["label"])
        for k, word in enumerate(("人数", "占比", t.points_word if t else "得分")):
            ws.write_string(r + k, cols["row_kind"], word, self.f["label"])
        weights = self.option_weights()

        def col_sum(c: int, offset: int) -> str:
            return "=" + "+".join(f"{col_letter(c)}{x + offset + 1}" for x in count_rows) if count_rows else "=0"

        sums = [sum((q.counts[j] or 0) for q in questions) for j in range(5)]
        pts = [sum(option_points(q.points or 0, q.counts[j] or 0, sum(x or 0 for x in q.counts), weights[j])
                   for q in questions) for j in range(5)]
        n = sum(sums)
        for j, c in enumerate(opt):
            if t is not None:
                self.put(ws, r, c, t.counts[j], "number")
                self.put(ws, r + 1, c, t.ratios[j] if t.ratios else None, "ratio")
            else:
                ws.write_formula(r, c, col_sum(c, 0), self.f["c_count"], sums[j])
                ws.write_formula(r + 1, c, f"=IF(${L['respondents']}${r + 1}=0,0,{col_letter(c)}{r + 1}/${L['respondents']}${r + 1})",
                                 self.f["c_ratio"], _round(sums[j] / n) if n else 0)
        if s.total_score_merged is not None:
            ws.merge_range(r + 2, opt[0], r + 2, opt[-1], s.total_score_merged, self.f["number"])
        else:
            for j, c in enumerate(opt):
                if t is not None and t.scores is not None:
                    self.put(ws, r + 2, c, t.scores[j], "points")
                else:
                    ws.write_formula(r + 2, c, col_sum(c, 2), self.f["c_number"], _round(pts[j]))
        self.typed_or_formula(ws, r, cols["question_score"], t.question_score if t else None,
                              col_sum(cols["question_score"], 0), sum(pts), "c_number")
        self.typed_or_formula(ws, r, cols["respondents"], t.respondents if t else None,
                              f"=SUM({L['opt_A']}{r + 1}:{L['opt_E']}{r + 1})", n, "c_count")
        self.typed_or_formula(ws, r + 1, cols["respondents"], t.ratio_sum if t else None,
                              f"=SUM({L['opt_A']}{r + 2}:{L['opt_E']}{r + 2})", 1.0 if n else 0, "c_ratio")
        self.typed_or_formula(ws, r, cols["points"], None, col_sum(cols["points"], 0),
                              sum(q.points or 0 for q in questions), "c_number")

    def option_weights(self) -> list[float]:
        given = [self.content.info.get(f"weight_{o}") for o in layout.OPTIONS]
        return [float(g) if isinstance(g, (int, float)) else d for g, d in zip(given, default_option_weights())]


def _round(x: float) -> float:
    """Cached values as Excel would store them (15 significant digits)."""
    return float(f"{x:.15g}")

