"""Template v1, declared once.

Every Chinese label of the input contract lives here. The template generator writes what this
module declares and the reader finds what it declares; nothing else spells a sheet name, a
header label or a choice.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .text import LazyPattern, fold
from .keys import CellKind, Key

TEMPLATE_VERSION = "v1"

TOTAL_WORDS = ("合计", "总计", "小计")
FINAL_TOTAL_WORDS = ("合计", "总计")  # 小计 rows sit inside a table; these end it
SUBTOTAL_WORD = "小计"  # totals only the rows since the previous 小计
EMPTY_MARKS = ("-", "—", "/", "--", "——", "－")

FUND_SOURCES = ("当年财政拨款", "上年结转资金", "其他资金")
DEFAULT_FUND_SOURCE = FUND_SOURCES[0]
CARRIED_OVER_WORD = "结转"
INDICATOR_TYPES = ("定量", "定性")
QUANTITATIVE_TYPE, QUALITATIVE_TYPE = INDICATOR_TYPES
MONEY_UNITS = ("万元", "元")
MONEY_UNIT_FACTORS = {"万元": 10000.0, "元": 1.0}  # in 元
DEFAULT_MONEY_UNIT = MONEY_UNITS[0]
SCHEMES = ("四级指标", "自评表")
GRADES = ("优", "良", "中", "差")

OPTIONS = ("A", "B", "C", "D", "E")
OPTION_NAMES = ("非常满意", "满意", "一般", "不满意", "很不满意")

# Rows of one questionnaire block, with the words staff use for them.
SURVEY_ROW_KINDS = {"counts": ("人数",), "ratios": ("占比",), "points": ("得分", "分数")}


class Column(NamedTuple):
    """One header label of a table sheet."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    kind: CellKind = CellKind.TEXT
    choices: tuple[str, ...] = ()
    width: float = 13
    help: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


class Field(NamedTuple):
    """One labelled row of the 项目信息 sheet."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    kind: CellKind = CellKind.TEXT
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


class SheetSpec(NamedTuple):
    key: str
    name: str
    alias: str
    required: bool
    help: str
    columns: tuple[Column, ...] = ()
    repeats: bool = False  # more sheets whose names start with `name`
    landscape: bool = True

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


# The narrative of the 自评报告 (template v1.1): the report draft uses these texts where given and a
# highlighted placeholder where not; nothing of it is ever invented.
NARRATIVE_FIELDS: tuple[Field, ...] = (
    Field(Key.OVERVIEW, "项目概况", ("项目基本情况", "项目立项背景及目的"), help="报告“一、基本情况”：立项背景、实施内容（可多段）"),
    Field(Key.GOALS, "绩效目标", ("项目绩效目标", "年度总体目标"), help="报告“一、基本情况”：总目标和年度目标"),
    Field(Key.WORK, "评价工作开展情况", ("绩效评价工作开展情况", "绩效评价工作情况"), help="报告“二”：评价的组织、方法和过程"),
    Field(Key.EXPERIENCE, "主要经验及做法", ("主要经验",), help="报告“五（一）”"),
    Field(Key.PROBLEMS, "存在的问题", ("存在问题",), help="报告“五（二）”"),
    Field(Key.SUGGESTIONS, "改进建议", ("改进措施", "建议和改进措施", "改进措施及建议"), help="报告“五（三）”"),
    Field(Key.OTHER, "其他需要说明的问题", ("其他说明",), help="报告“六”"),
    # v1.1, added for the report's full structure (the seeds'): each part of it a field of its own
    Field(Key.GROUNDS, "评价依据", ("评价依据文件",), help="报告开头“根据……的要求”：预算法、绩效管理办法、自评通知等文件"),
    Field(Key.TEAM, "评价工作组织", ("绩效评价工作领导小组",), help="报告开头：如“成立绩效评价工作领导小组，由……任组长”"),
    Field(Key.ORGANISATION, "组织及管理情况", ("项目组织管理情况",), help="报告“一（一）4”：项目组织、实施流程、资金拨付流程"),
    Field(Key.PURPOSE, "评价目的", ("绩效评价的目的",), help="报告“二（一）”"),
    Field(Key.PLAN, "评价工作方案制定过程", ("绩效评价工作方案制定过程",), help="报告“二（二）”：前期调研、研究文件、指标体系设计"),
    Field(Key.METHODS, "评价原则和方法", ("绩效评价原则、评价方法", "评价原则、评价方法"), help="报告“二（三）”"),
    Field(Key.PROCESS, "评价实施过程", ("绩效评价实施过程",), help="报告“二（四）”：数据采集、社会调查、分析和撰写报告"),
    Field(Key.LIMITS, "评价的局限性", ("本次绩效评价的局限性",), help="报告“二（五）”"),
    Field(Key.RESULTS, "主要绩效", ("主要成效",), help="报告“三（一）2”：项目取得的主要绩效"),
    Field(Key.REPORT_DATE, "报告日期", ("报告时间",), help="报告落款日期，如 2023年5月20日"),
)

INFO_FIELDS: tuple[Field, ...] = (
    Field(Key.PROJECT, "项目名称", (), True, help="如：2022年残疾人基层组织建设补助经费"),
    Field(Key.DEPARTMENT, "主管部门", help="如：昆明市残疾人联合会"),
    Field(Key.UNIT, "实施单位", ("项目实施单位",), True, help="如：昆明市残疾人联合会组联处"),
    Field(Key.YEAR, "评价年度", ("年度",), True, CellKind.YEAR, help="如：2022 或 2022年"),
    Field(Key.MONEY_UNIT, "金额单位", (), False, CellKind.CHOICE, MONEY_UNITS, help="万元（默认）或 元"),
    Field(Key.SCHEME, "评分体系", (), False, CellKind.CHOICE, SCHEMES,
          help="四级指标（决策20/管理20/绩效60）或 自评表（执行率10+产出50/效益30/满意度10）；空白时按一级指标名称判断"),
    *(Field(Key(f"weight_{o}"), f"选项{o}权重", (), False, CellKind.NUMBER,
            help=f"问卷选项{o}（{n}）的得分系数，0～1；空白用评分体系默认值")
      for o, n in zip(OPTIONS, OPTION_NAMES)),
    Field(Key.SURVEYS_ISSUED, "问卷发放份数", ("发放问卷份数",), False, CellKind.NUMBER),
    Field(Key.SURVEYS_VALID, "有效问卷份数", ("收回有效问卷份数", "有效问卷"), False, CellKind.NUMBER),
    Field(Key.REPORT_TOTAL, "报告总分", (), False, CellKind.NUMBER, help="报告正文写的最终自评得分"),
    Field(Key.REPORT_GRADE, "报告等级", (), False, CellKind.CHOICE, GRADES, help="报告正文写的评定等级"),
    Field(Key.REPORT_EXECUTION, "报告预算执行率", (), False, CellKind.RATIO, help="报告正文写的预算执行率，如 84.28%"),
    Field(Key.REPORT_SATISFACTION, "报告满意度", (), False, CellKind.NUMBER, help="报告正文写的满意度得分"),
    Field(Key.REPORT_INDICATOR_COUNT, "报告四级指标数", (), False, CellKind.NUMBER, help="报告正文写的“N个四级指标”"),
    *NARRATIVE_FIELDS,
)

INFO = SheetSpec(
    "info", "项目信息", "info", True,
    "两列：左列填项目名称、实施单位等标签，右列填内容，行的顺序不限。带“报告”二字的行填报告正文里写的数字，工具会与表格核算结果比对。",
    landscape=False,
)
README = SheetSpec("readme", "说明", "readme", False, "填表说明，工具不读取本表。", landscape=False)

BUDGET = SheetSpec(
    "budget", "预算", "budget", True,
    "每个支出明细一行；最后一行“合计”已设公式。使用上年结转资金的，另起一行，资金来源选“上年结转资金”，并在备注说明。",
    (
        Column(Key.SEQ, "序号", width=6),
        Column(Key.ITEM, "支出内容", ("项目名称", "明细项目"), True, width=34),
        Column(Key.SOURCE, "资金来源", (), False, CellKind.CHOICE, FUND_SOURCES, 14, "空白视为当年财政拨款"),
        Column(Key.INITIAL, "年初预算数", (), False, CellKind.MONEY),
        Column(Key.BUDGET, "全年预算数", ("预算数", "下达金额", "预算批复数"), True, CellKind.MONEY, help="调整后的全年预算"),
        Column(Key.RECEIVED, "到位数", ("到位资金",), False, CellKind.MONEY),
        Column(Key.EXECUTED, "执行数", ("实际支出", "使用经费", "全年执行数"), True, CellKind.MONEY),
        Column(Key.BALANCE, "结余", ("结余经费",), False, CellKind.MONEY),
        Column(Key.NOTE, "备注", (), width=30, help="执行超预算、年初与全年预算不同等须说明原因"),
    ),
)

ALLOCATION = SheetSpec(
    "allocation", "资金分配", "allocation", False,
    "下达到县区或机构的资金，每个单位一行。负责人、联系电话属个人信息，公开输出时自动打码。",
    (
        Column(Key.SEQ, "序号", width=6),
        Column(Key.NAME, "单位名称", ("单位", "机构名称", "县区"), True, width=24),
        Column(Key.REGION, "所属地区", ("所属县区",), width=12),
        Column(Key.QUANTITY, "数量", ("机构数", "人数"), False, CellKind.NUMBER, width=8),
        Column(Key.STANDARD, "单位标准", ("补助标准",), False, CellKind.MONEY, help="每单位金额，如 2（万元/家）"),
        Column(Key.AMOUNT, "分配金额", ("对下资金", "补助经费", "金额"), True, CellKind.MONEY),
        Column(Key.PAID, "实拨金额", (), False, CellKind.MONEY),
        Column(Key.CONTACT, "负责人", ("负责人姓名", "联系人"), width=10),
        Column(Key.PHONE, "联系电话", ("电话",), width=14),
        Column(Key.NOTE, "备注", (), width=20),
    ),
)

INDICATORS = SheetSpec(
    "indicators", "绩效指标", "indicators", True,
    "指标体系与评分（报告附表1）。上级指标可合并单元格或只填第一行；最末一级填到哪一级，哪一级就是该行的指标。",
    (
        Column(Key.LEVEL1, "一级指标", (), True, CellKind.LEVEL, width=12, help="项目决策 / 项目管理 / 项目绩效，可带字母前缀如 A"),
        Column(Key.LEVEL2, "二级指标", (), True, CellKind.LEVEL, width=12),
        Column(Key.LEVEL3, "三级指标", (), True, CellKind.LEVEL, width=14),
        Column(Key.LEVEL4, "四级指标", (), False, width=26),
        Column(Key.TYPE, "指标类型", (), False, CellKind.CHOICE, INDICATOR_TYPES, 9, "定量 / 定性；空白时按指标值判断"),
        Column(Key.TARGET, "年度指标值", ("目标值", "指标值"), width=16, help="如 ≥95%、不多于64.53万元、2022年11月30日前、明显提高"),
        Column(Key.ACTUAL, "实际完成值", ("完成值",), width=16),
        Column(Key.WEIGHT, "分值", ("权重", "权重分"), True, CellKind.NUMBER, width=8),
        Column(Key.SCORE, "自评得分", ("得分",), False, CellKind.NUMBER, width=9),
        Column(Key.BASIS, "评分说明", (), width=24),
        Column(Key.DEVIATION, "偏差原因", ("偏差原因分析及改进措施",), width=24),
    ),
)

SURVEY = SheetSpec(
    "survey", "满意度问卷", "survey", False,
    "每题三行：人数（必填）、占比、得分。占比、得分行已设公式；多份问卷可复制本表，表名以“满意度问卷”开头，如“满意度问卷-培训”。",
    (
        Column(Key.QUESTION, "问卷题目及选项", ("题目",), True, CellKind.LEVEL, width=40),
        Column(Key.ROW_KIND, "项目", (), True, CellKind.CHOICE, tuple(w for ws in SURVEY_ROW_KINDS.values() for w in ws[:1]), 8),
        *(Column(Key(f"opt_{o}"), o, (f"{o}（{n}）", n), True, CellKind.NUMBER, width=11)
          for o, n in zip(OPTIONS, OPTION_NAMES)),
        Column(Key.QUESTION_SCORE, "各题得分", ("各项得分", "得分"), False, CellKind.NUMBER, width=10, help="人数行：本题得分"),
        Column(Key.RESPONDENTS, "合计人数", (), False, CellKind.NUMBER, width=10, help="人数行：答题人数；占比行：占比合计"),
        Column(Key.POINTS, "分值", ("题目分值",), True, CellKind.NUMBER, width=8, help="人数行：本题分值，各题合计100"),
    ),
    repeats=True,
)

SUMMARY = SheetSpec(
    "summary", "得分汇总", "summary", False,
    "报告中“项目绩效指标体系得分情况”表，按报告原样填写，工具会核对每个数字。",
    (
        Column(Key.SECTION, "一级指标", ("项目",), True, width=16),
        Column(Key.WEIGHT, "权重分", (), True, CellKind.NUMBER, width=10),
        Column(Key.SCORE, "得分", (), True, CellKind.NUMBER, width=10),
        Column(Key.DEDUCTION, "扣分", (), False, CellKind.NUMBER, width=10),
        Column(Key.RATE, "得分率", (), False, CellKind.RATIO, width=10),
        Column(Key.TEXT_SCORE, "正文得分", ("报告正文得分",), False, CellKind.NUMBER, width=10,
               help="报告正文里写的该项得分（如“满分20分，评价得分19.9分”），用于核对正文与表格是否一致"),
    ),
    landscape=False,
)

SHEETS: tuple[SheetSpec, ...] = (README, INFO, BUDGET, ALLOCATION, INDICATORS, SURVEY, SUMMARY)
SHEET_ORDER = {s.name: i for i, s in enumerate(SHEETS)}
CHANGES_SHEET = "修改清单"  # what a corrected copy (`excel-eval fix`) adds: the tool's own, never read as the officer's

# Section names of the two scoring schemes, with the words the seeds use for them.
SECTION_SYNONYMS = {
    "项目决策": ("决策",),
    "项目管理": ("项目过程", "过程", "管理"),
    "项目绩效": ("绩效",),
    "产出": ("项目产出", "产出指标"),
    "效益": ("项目效益", "效益指标"),
    "满意度": ("满意度指标",),
    "预算执行率": ("预算执行",),
}


# Lines under a table that are not data: signatures, dates, stamps (`填表人：张三`). One ends the table.
FOOTER_LABELS = ("填表人", "填报人", "审核人", "复核人", "单位负责人", "财务负责人", "分管领导", "负责人", "填报日期",
                 "填表日期", "制表人", "制表", "日期", "联系人", "联系电话", "单位盖章", "单位(盖章)", "盖章")
_FOOTER = LazyPattern("^(?:" + "|".join(re.escape(w) for w in FOOTER_LABELS) + ")[:]")


def is_footer(text: str) -> bool:
    """`填表人：张三`, `填报日期:2023年3月1日`, `单位（盖章）：` (after width folding)."""
    return bool(_FOOTER.match(fold(text)))


_NOTE = LazyPattern(r"^(?:注|说明|备注|附注)\d*[:]")


def is_note(text: str) -> bool:
    """`注：…`, `说明：…`: a note among or under the rows, not a row."""
    return bool(_NOTE.match(fold(text)))


# Words in an indicator's name that say where its actual comes from.
EXECUTION_WORD = "执行率"  # 预算执行率: from the 预算 sheet
ARRIVAL_WORD = "到位率"  # 资金到位率: from the 预算 sheet
SATISFACTION_WORD = "满意度"  # from the questionnaire


def is_execution(name: str) -> bool:
    return EXECUTION_WORD in name


def is_arrival(name: str) -> bool:
    return ARRIVAL_WORD in name


def is_carried_over(source: str) -> bool:
    """A budget row paid from the previous year's money (上年结转资金, 上年结转)."""
    return CARRIED_OVER_WORD in fold(source)


def is_satisfaction(name: str) -> bool:
    return SATISFACTION_WORD in name


_BRACKET_SUFFIX = re.compile(r"\([^()]*\)$")


@functools.lru_cache(maxsize=4096)  # headers and labels repeat in every table and every workbook
def normalize(text: object) -> str:
    """Fold a label for matching: width, spaces, line breaks and a bracketed unit suffix."""
    if text is None:
        return ""
    s = fold(text).replace("【", "(").replace("】", ")")
    while True:
        stripped = _BRACKET_SUFFIX.sub("", s)
        if stripped == s or not stripped:
            return s
        s = stripped


_NUMBERING = re.compile(r"^(?:\(?[0-9一二三四五六七八九十]{1,3}\)|[0-9一二三四五六七八九十]{1,3}[.、．]"
                        r"|[A-Za-z](?:[.、．]|(?=[^\x00-\x7f])))")
_LABEL_MARKS = re.compile(r"[:*※]+$")  # after NFKC: ：→ :, ＊ → *


@functools.lru_cache(maxsize=4096)
def label_key(text: object) -> str:
    """A label as people type it, folded for matching: `（一）项目名称：`, `1.项目名称`,
    `项目名称*`, `B. 项目管理`, `预算数（万元）` → the bare label."""
    s = _LABEL_MARKS.sub("", normalize(text))
    s = _NUMBERING.sub("", s, count=1) or s
    return normalize(_LABEL_MARKS.sub("", s)) or s


def section_name(text: object) -> str:
    """`A项目决策`, `B. 项目过程`, `（三）项目绩效`, `3.项目绩效` → the canonical section name, or the
    folded text."""
    s = label_key(text)
    for name, syns in SECTION_SYNONYMS.items():
        if s == name or s in syns:
            return name
    return s


def find_sheet(names: list[str], spec: SheetSpec) -> list[str]:
    """Sheet names in the workbook that are `spec`'s sheet (several when it repeats)."""
    want = {normalize(spec.name), normalize(spec.alias).lower()}
    found = []
    for name in names:
        n = normalize(name)
        if n in want or n.lower() in want:
            found.append(name)
        elif spec.repeats and n.startswith(normalize(spec.name)):
            found.append(name)
    return found


_COPY = re.compile(r"^(.*)\(\d+\)$")  # Excel's "Move or Copy": 绩效指标 (2)


def is_exact_sheet(name: str, spec: SheetSpec) -> bool:
    n = fold(name)
    return n == spec.name or n.lower() == spec.alias


def is_copy_of(name: str, others: list[str]) -> bool:
    """`绩效指标 (2)` beside `绩效指标`: a copy Excel made, not a sheet of its own."""
    m = _COPY.match(fold(name))
    return bool(m) and any(fold(o) == m[1] for o in others if o != name)


def is_total_word(text: object, words: tuple[str, ...] = TOTAL_WORDS) -> bool:
    return "计" in str(text) and normalize(text) in words  # every total word ends in 计: a cheap test first


ROWS_ABOVE, ROWS_BELOW = "上面", "下面"  # where a total's rows are, in a message: 上面 in the template, 下面 under a 自评表's 总额


def is_plain_text(text: str) -> bool:
    """Text that can be neither a total word nor a footer or note, which all hold 计 or a colon:
    a data row's, told at the cost of three `in` tests (a roster asks 100,000 times)."""
    return "计" not in text and "：" not in text and ":" not in text


TEMPLATE_LAYOUT = "template-v1"  # the published 自评表 families are declared in families.py
