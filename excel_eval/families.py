"""Every family of self-evaluation table the tool reads, declared once, with the labels of its blocks.

A published 绩效自评表 is found by its blocks (`forms.py`): project labels, a budget block, an
indicator block, section points stated in labels, a total. The labels every form uses are
declared here once, each beside the form it was seen in; a family says how it is recognised
among the forms whose blocks were found, and what it asks of checks and scoring (its scheme,
the section points it fixes, its policies). The model carries its family (`Model.family`):
checks, scoring and writers ask it, never a layout name. Adding a family is one declaration
below plus its test material (`tests/real/published/`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .layout import FUND_SOURCES, QUALITATIVE_TYPE, SCHEMES, TEMPLATE_LAYOUT, Column, Field, label_key, normalize
from .text import LazyPattern, fold
from .keys import Key, CellKind

FORM_SCHEME = SCHEMES[1]  # 自评表: every published form is scored by the rules of 10号
FORM_EXECUTION_NAME = "预算执行率"  # the budget's points, as an indicator of the 自评表 scheme

# --- block labels, each beside where it was seen ---------------------------------------------------
# 10号 = 财政部财预〔2020〕10号附件 项目支出绩效自评表 (the national form; 普陀体育中心, 棠溪镇 samples).
# 一体化 = 预算管理一体化 export, 报表编号 510000_0013zp (青神县 sample).
# The rest: the published tables of tests/real/published/ (each file names its page).

# Project labels: the value is the next filled cell to the right.
INFO_FIELDS = (
    Field(Key.PROJECT, "项目名称", ("专项资金名称",  # transfer-payment tables
                                 "项目(资金)名称", "转移支付项目名称", "专项名称", "资金名称",
                                 "转移支付(项目)名称", "转移(项目)名称", "转移支付名称")),  # 霍山县, 旺苍县 transfer tables
    Field(Key.DEPARTMENT, "主管部门", ("主管单位", "主管部门及代码", "主管部门(单位)", "地方主管部门",
                                  "项目主管单位")),  # 广水市
    Field(Key.UNIT, "实施单位", ("项目实施单位", "实施单位(盖章)", "预算单位", "单位名称", "资金使用单位")),
)
# A department-level table names the department instead of a project.
DEPARTMENT_NAME = Field(Key.PROJECT, "部门(单位)名称", ("部门名称", "部门(单位)", "部门"))
# Text blocks: the label with its text in the cell below (10号, 一体化), or to its right where the cell below
# starts the next block (广水市: 项目年度目标 | 1.完成乡村道路建设养护里程300公里;, above 项目权重 | 评价内容 …).
BELOW_FIELDS = (
    Field(Key.GOALS, "预期目标", ("项目年度目标", "年度目标")),
    Field(Key.ACHIEVED, "实际完成情况", ("年度目标完成情况", "目标完成情况")),
)
# Text blocks: the label with its text to the right (一体化).
TEXT_FIELDS = (
    Field(Key.OVERVIEW, "项目实施内容及过程概述"), Field(Key.CONCLUSION, "评价结论", ("自评结论",)),
    Field(Key.PROBLEMS, "存在问题", ("存在的问题",)), Field(Key.SUGGESTIONS, "改进措施", ("改进建议",)),
    Field(Key.DEVIATIONS, "偏差大或目标未完成原因分析", ("偏差大或目标未完成原因",)),  # 施甸县 20/80: one row for the table
)
NO_REASON = ("无", "没有", "不适用")  # a reason cell that gives none

# The budget block's header. A column matches when its header (units in brackets dropped:
# `调整预算数(A)`, `全年执行数(万元)`) is one of these; the first name is the one shown.
BUDGET_COLUMNS = (
    Column(Key.INITIAL, "年初预算数", ("年初预算", "年初预算金额")),  # 10号; 一体化
    Column(Key.BUDGET, "全年预算数", ("调整后预算数",  # 一体化
                                  "调整预算数", "全年预算", "调整后预算", "预算数", "全年预算数(A)",
                                  "合计"), kind=CellKind.MONEY),  # 广水市: 中央 | 省、地 | 本级 | 其他 | 合计(万元) | 执行数
    Column(Key.EXECUTED, "全年执行数", ("预算执行数",  # 一体化
                                    "实际执行数", "执行数", "全年实际执行数", "实际支出数", "全年执行",
                                    "全年执行资金", "执行资金"), kind=CellKind.MONEY),  # 名山区 transfer table
    Column(Key.RECEIVED, "全年到位资金", ("到位资金", "实际到位资金", "全年到位数"), kind=CellKind.MONEY),  # 名山区
    Column(Key.WEIGHT, "分值", ("权重", "参考分值", "执行率权重"), kind=CellKind.NUMBER),  # 重庆 部门整体: 执行率权重
    Column(Key.RATE, "执行率", ("预算执行率", "资金执行率", "预算执行"), kind=CellKind.RATIO),
    Column(Key.SCORE, "得分", ("自评得分", "评分", "执行率得分"), kind=CellKind.NUMBER),  # 重庆: 执行率得分(分)
    Column(Key.REASON, "原因", ("偏差原因", "未完成原因", "说明")),  # 一体化: a rate under 90 % needs one
)
# A budget given as labels with their amounts in one row, not as a table (海南省: 计划投资额(万元) | 570 |
# 实际到位资金(万元) | 398.88 | 实际使用情况(万元) | 395.86; 成安县: 预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84): the
# amount is the next number to the right.
LABELLED_BUDGET = (
    Field(Key.BUDGET, "计划投资额", ("计划投资", "预算安排资金", "年度预算资金", "预算数")),
    Field(Key.RECEIVED, "实际到位资金", ("到位资金", "到位数")),
    Field(Key.EXECUTED, "实际使用情况", ("实际使用资金", "实际使用", "实际支出资金", "执行数")),
)
# The indicator block's header: a level (一级/二级/三级指标 or 指标名称) and at least one of the rest.
INDICATOR_COLUMNS = (
    Column(Key.LEVEL1, "一级指标", kind=CellKind.LEVEL),
    Column(Key.LEVEL2, "二级指标", kind=CellKind.LEVEL),
    Column(Key.LEVEL3, "三级指标", ("指标名称", "绩效指标名称", "具体指标"), kind=CellKind.LEVEL),
    Column(Key.NATURE, "指标性质", ("指标方向", "计算符号", "指标属性", "符号")),  # 一体化; 指标方向/计算符号: 正向/反向/大于等于; 成安县: 预期指标值 over 符号 | 值 | 单位
    Column(Key.TARGET, "年度指标值", ("指标值", "全年目标值", "年度目标值", "目标值", "预期指标值", "计划值", "预期目标值")),
    Column(Key.UNIT, "度量单位", ("计量单位", "单位")),  # 一体化
    Column(Key.ACTUAL, "实际完成值", ("完成值", "全年实际值", "全年完成值", "实际值", "全年实际完成值", "实际完成情况")),
    Column(Key.WEIGHT, "分值", ("权重", "参考分值", "指标分值", "指标权重", "权重占比"), kind=CellKind.NUMBER),  # 重庆: 指标权重(分); 成安县: 权重占比(%)
    Column(Key.SCORE, "得分", ("自评得分", "评分", "实际得分", "自评分", "指标得分"), kind=CellKind.NUMBER),  # 广水市: 自评分 | 复核分; 重庆: 指标得分(分)
    Column(Key.WEIGHTED, "折算得分", ("单项指标折算得分",), kind=CellKind.NUMBER),  # 成安县: 单项指标得分 | 权重占比(%) | 单项指标折算得分
    Column(Key.DEVIATION, "偏差原因分析及改进措施", ("偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "偏差原因分析",
                                        "未完成原因分析及改进措施", "原因分析", "未完成原因", "偏差原因及改进措施")),
)
LEVEL_KEYS = (Key.LEVEL1, Key.LEVEL2, Key.LEVEL3)

# The rubric block of the 湖北 county form (广水市 财政预算支出项目绩效目标自评表), above its indicator block: a
# header 项目权重 | 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据, then one row per item (决策依据, 财务制度,
# 组织机构, 运行监管, 目标申报), its part and the part's points in the first column, merged down (项目决策2分,
# 项目管理13分). Each item is an indicator of its part; it has no target and no actual: its 自评分 is the unit's
# judgement by its 评价标准, scored as a 定性 indicator is (the evaluator's score, within its 分值).
_INDICATOR = {c.key: c for c in INDICATOR_COLUMNS}
RUBRIC_COLUMNS = (
    Column(Key.LEVEL1, "项目权重", kind=CellKind.LEVEL),
    Column(Key.LEVEL3, "评价内容", kind=CellKind.LEVEL),
    _INDICATOR[Key.WEIGHT], _INDICATOR[Key.SCORE],  # 分值, 自评分: the indicator block's own labels
    Column(Key.REVIEW, "复核分", kind=CellKind.NUMBER),  # the reviewer's, kept beside the unit's
    Column(Key.BASIS, "评价标准及依据", ("评价标准",)),  # the template's 评分说明
)
RUBRIC_ITEM_TYPE = QUALITATIVE_TYPE
# The 10号 二级指标 and the 一级指标 each belongs to: a blank 一级 cell below a merge that ended too
# early (鄂州市: 社会效益指标 left under 产出指标) takes the 一级 its 二级 names, not the one above.
LEVEL2_SECTIONS = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
                   "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
                   "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标", "满意度指标": "满意度指标"}

# The 资金管理情况 block of transfer-payment and department-level forms: a header naming 情况说明 and
# 存在问题 (and 改进措施), then one row per item of fund management (分配科学性, 下达及时性, 拨付合规性 …),
# the item's name left of its statement (名山区: 一级项目 | 行次 | 二级项目 | 情况说明 | 存在问题 | 改进措施;
# 霍山县: 资金管理情况 | 情况说明 | 存在问题和改进措施, the problem and its remedy in one column).
MANAGEMENT_COLUMNS = (
    Column(Key.STATEMENT, "情况说明"),
    Column(Key.PROBLEMS, "存在问题", ("存在的问题", "存在问题和改进措施", "存在问题及改进措施")),  # 名山区; 霍山县
    Column(Key.SUGGESTIONS, "改进措施", ("改进建议", "整改措施")),
)
# A statement that claims the good state, against the words of its own 存在问题 that say the opposite
# (名山区: 资金分解下达进度 “及时分解下达” beside “…于2025年2月26日省级下达资金文件,下达滞后”). Each pair:
# the claims, and what contradicts them; 缓慢 only a claim of 及时 (a payment made as the contract
# provides, 严格按照合同约定支付进度, may still be slow).
CLAIM_OPPOSITES = (
    (("及时", "按时", "按进度", "如期"),
     ("滞后", "延迟", "迟缓", "不及时", "未及时", "没有及时", "未能及时", "不够及时", "推迟", "延误", "拖延", "缓慢",
      "未按时", "未按进度")),
    (("到位",), ("未到位", "不到位", "没有到位", "未能到位", "未足额到位", "未全部到位")),
    (("合规",), ("违规", "不合规")),
    (("规范",), ("不规范", "不够规范", "欠规范")),
)
CLAIM_NEGATIONS = ("不", "未", "无", "没", "欠", "非")  # just before a claim word: no claim (不及时, 未到位)
CLAIM_HEDGES = ("基本", "大部分", "部分", "大体", "较为", "比较", "总体", "大多")  # 基本到位: no claim of the whole
# A clause that sets a goal or a rule rather than stating what was done (要求…及时, 确保…合规): no claim.
CLAIM_AIMS = ("要求", "确保", "力争", "争取", "应当", "需要", "拟", "加强", "督促", "建议")
# A 存在问题 clause that says there is none of it, or how to avoid it (无滞后, 未发现违规, 避免滞后).
PROBLEM_DENIALS = ("未发现", "不存在", "没有出现", "没有发现", "未出现", "避免", "防止", "杜绝", "无明显")
NO_PROBLEM = ("无", "暂无", "无问题", "暂无问题", "没有", "不存在", "未发现问题", "/", "-", "—", "——", "无。")
CLAUSE_MARKS = "，,。；;！!？?\n"  # a statement's clauses

# Budget lines: the total, and the 其中 lines that carry the money by source.
TOTAL_LINES = ("年度资金总额", "总额", "资金总额", "合计", "年度预算资金总额", "预算资金总额", "项目资金总额")
SOURCE_LINES = {
    "当年财政拨款": FUND_SOURCES[0], "本年财政拨款": FUND_SOURCES[0], "财政拨款": FUND_SOURCES[0],
    "财政资金": FUND_SOURCES[0], "财政拨款资金": FUND_SOURCES[0], "上年结转资金": FUND_SOURCES[1], "上年结转": FUND_SOURCES[1],
    "财政专户管理资金": "财政专户管理资金", "单位资金": "单位资金", "其他资金": FUND_SOURCES[2],
    "中央资金": "中央资金", "省级资金": "省级资金", "市级资金": "市级资金", "县级资金": "县级资金",  # transfer payments
    "基本支出": "基本支出", "项目支出": "项目支出",  # department-level tables
}
SKIP_LINES = ("列次", "行次")  # the column numbers some provinces print under a header (名山区)
GRAND_TOTAL = ("总分", "合计", "总计", "自评总分", "综合得分", "自评得分")  # the last row of the indicator block
# The total stated among the project labels at the top (银川市: 实施单位 | … | 自评得分 | 98).
HEAD_TOTAL = ("自评得分", "自评总分", "综合得分", "自评分")
RATE_COMPARATORS = ("=", "≥", "≤", ">", "<")  # 指标性质 of a quantitative indicator (一体化)
# Direction columns (指标方向, 计算符号) in words: the comparator each means.
DIRECTION_WORDS = {"正向": "≥", "反向": "≤", "大于等于": "≥", "小于等于": "≤", "等于": "=", "大于": ">", "小于": "<",
                   "≥": "≥", "≤": "≤", "=": "=", ">": ">", "<": "<", ">=": "≥", "<=": "≤"}
QUALITATIVE_WORDS = ("定性",)
# A 完成值 that states a bound (`≥90%`, `100%以上`) restates the target instead of what was done.
BOUND_WORDS = ("≥", "≤", ">", "<", "以上", "以下", "不低于", "不少于", "不高于", "不超过", "大于", "小于")
# Block labels: a row holding one ends the block above it.
BLOCK_LABELS = ("年度总体目标", "绩效指标", "项目基本情况", "总体目标", "年度绩效目标", "绩效目标", "评价结论",
                "存在问题", "改进措施", "项目资金", "预算执行情况")

TITLE_WORDS = ("自评", "绩效")  # a title row of a form says what it is
BUDGET_WORDS = ("预算", "资金")  # a budget block's label (预算执行情况(20分), 项目资金（万元）)
GOAL_WORDS = ("目标", "指标")  # an indicator block's label (年度绩效目标(80分), 绩效指标(90分))
# Labels that make a sheet look like a self-evaluation: one the tool cannot read says which it saw.
FORM_MARKS = ("预算执行情况", "项目资金", "绩效指标", "年度绩效目标", "一级指标", "三级指标", "指标名称", "全年执行数", "执行数",
              "得分", "分值", "产出指标", "效益指标", "满意度指标", "评价结论")

_WHERE_OF = LazyPattern(r"^其中[:]?")
_POINTS = LazyPattern(r"\((\d+(?:\.\d+)?)分\)|(?<![\d.])(\d+(?:\.\d+)?)分$")
_INSTRUCTION = LazyPattern(r"\(\d+字以内\)")
_YEAR = LazyPattern(r"\((\d{4})年度?\)|(\d{4})年度|(\d{4})年(?=.{0,20}(?:绩效|自评))")
_MONEY_UNIT = LazyPattern(r"\((万元|元)\)|单位[:](万元|元)")
_PLACEHOLDER = LazyPattern(r"^(?:指标\d*[:]?[/—\-]*|[.…。·]+|等)$")  # 指标1：, 指标2:/ (天长市), ……
_TITLE_PROJECT = LazyPattern(r"^(?:\d{4}年度?)?(.+?)(?:支出)?绩效(?:目标)?(?:自评|评价指标)表")
GENERIC_TITLES = ("", "项目", "部门预算项目", "部门项目", "预算项目", "专项资金", "市级部门项目", "本级部门项目")
_PERCENT_HEADER = LazyPattern(r"\(%\)|（%）|%$")


def line_label(text: object) -> str:
    """`其中：当年财政拨款` → 当年财政拨款; `年度资金总额：` → 年度资金总额."""
    return label_key(_WHERE_OF.sub("", label_key(text)))


def is_title(text: str) -> bool:
    """`项目支出绩效自评表（2023年度）`: a form's own title."""
    return all(w in text for w in TITLE_WORDS)


def is_budget_label(text: str) -> bool:
    return any(w in text for w in BUDGET_WORDS)


def is_budget_points(level1: str) -> bool:
    """The indicator a 自评表's budget block becomes (its points are the block's, not the indicators')."""
    return level1 == FORM_EXECUTION_NAME


def is_goal_label(text: str) -> bool:
    return any(w in text for w in GOAL_WORDS)


def states_a_bound(text: object) -> bool:
    """`≥90%`, `100%以上`: a value written as a bound, not as a measurement."""
    if not isinstance(text, str):
        return False
    folded = fold(text)  # (once, not once for each word)
    return any(w in folded for w in BOUND_WORDS)


def is_no_problem(text: object) -> bool:
    """A 存在问题 that names none: blank, `无`, `暂无`, `无问题`."""
    return not isinstance(text, str) or fold(text).rstrip("。.") in {fold(n).rstrip("。.") for n in NO_PROBLEM} \
        or not fold(text).strip("。./-—")


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(f"[{re.escape(CLAUSE_MARKS)}]", fold(text)) if c]


def _claims(text: str) -> list[tuple[int, str]]:
    """(pair, word) of each good state a statement claims: a claim word not negated (不及时), hedged
    (基本到位) or set as an aim (要求…及时, 确保…合规)."""
    out = []
    for clause in _clauses(text):
        if any(a in clause for a in CLAIM_AIMS):
            continue
        for k, (claims, _) in enumerate(CLAIM_OPPOSITES):
            for word in claims:
                at = clause.find(word)
                while at >= 0:
                    before = clause[max(0, at - 4):at]
                    if not any(n in before[-2:] for n in CLAIM_NEGATIONS) and not any(before.endswith(h) for h in CLAIM_HEDGES):
                        out.append((k, word))
                        break
                    at = clause.find(word, at + 1)
    return out


def contradiction(statement: object, problem: object) -> tuple[str, str, str] | None:
    """(the claim, its opposite, the problem up to the clause that says it) when a 资金管理情况 item's
    statement claims a good state its own 存在问题 says is not so (及时分解下达 beside …下达滞后); None
    when they agree, the problem names none, or the words do not say so plainly."""
    if not isinstance(statement, str) or is_no_problem(problem):
        return None
    claims = _claims(statement)
    if not claims:
        return None
    for clause in _clauses(problem):
        if any(d in clause for d in PROBLEM_DENIALS) or clause.startswith("无"):
            continue
        for k, word in claims:
            opposite = next((o for o in CLAIM_OPPOSITES[k][1] if o in clause), None)
            if opposite:  # the problem as typed, up to the end of the clause that says it
                text = problem.strip()
                end = text.find(opposite)
                end = len(text) if end < 0 else end + len(opposite)
                while end < len(text) and text[end] not in CLAUSE_MARKS and fold(text[end]) not in CLAUSE_MARKS:
                    end += 1
                return word, opposite, text[:end]
    return None


def is_where_of(text: object) -> bool:
    """`其中：…`: a line of the total above it."""
    return bool(_WHERE_OF.match(fold(text))) if isinstance(text, str) else False


def without_points(text: object) -> object:
    """A label without the points it states: `项目决策2分` → 项目决策, `产出指标(50分)` → 产出指标."""
    if not isinstance(text, str):
        return text
    return _POINTS.sub("", fold(text)).strip() or text


def stated_points(text: object) -> float | None:
    """The points a label states: `产出指标(50分)`, `预算执行情况（20分）`, `年度绩效目标 80分` → the number."""
    if not isinstance(text, str):
        return None
    m = _POINTS.search(fold(text))
    return float(m[1] or m[2]) if m else None


def is_instruction(text: object) -> bool:
    """Instruction text of the printed form left in place of content: `…(100字以内)`."""
    return bool(_INSTRUCTION.search(fold(text))) if isinstance(text, str) else False


def is_placeholder(text: object) -> bool:
    """The printed form's own empty lines: `指标1：`, `指标2：`, `……`."""
    return bool(_PLACEHOLDER.match(fold(text))) if isinstance(text, str) else False


def title_project(text: object) -> str:
    """The project a form's title names where the form has no 项目名称 (海南省: `服务贸易项目绩效自评表` →
    服务贸易项目); "" for a title that names only the form (`项目支出绩效自评表`)."""
    m = _TITLE_PROJECT.match(fold(text)) if isinstance(text, str) and len(text) < 60 else None
    name = m[1].strip() if m else ""
    generic = name in GENERIC_TITLES or name.endswith(("部门项目", "部门预算项目", "预算项目")) or any(w in name for w in ("部门整体", "转移支付", "区域"))
    return "" if generic else name


def stated_year(text: object) -> int | None:
    """`项目支出绩效自评表（2022年度）`, `2023年度`, `2023年项目支出绩效自评表` → the year."""
    m = _YEAR.search(fold(text)) if isinstance(text, str) and len(text) < 80 else None
    year = int(m[1] or m[2] or m[3]) if m else None
    return year if year and 2000 <= year <= 2100 else None


def stated_money_unit(text: object) -> str:
    """`项目资金（万元）`, `年度预算数(万元)`, `单位：元` → the unit; "" when the label names none."""
    m = _MONEY_UNIT.search(fold(text)) if isinstance(text, str) else None
    return (m[1] or m[2]) if m else ""


def is_percent_header(text: object) -> bool:
    """A header that says its numbers are percentages: `执行率(%)`, `完成率（%）`."""
    return bool(_PERCENT_HEADER.search(fold(text))) if isinstance(text, str) else False


def direction(text: object) -> str:
    """A 指标性质 / 指标方向 / 计算符号 cell as a comparator (`正向` → ≥), `定性`, or ""."""
    s = normalize(text)
    if s in QUALITATIVE_WORDS:
        return QUALITATIVE_WORDS[0]
    return DIRECTION_WORDS.get(s, "")


# --- the families -------------------------------------------------------------------------------

class Family(NamedTuple):
    """One family of self-evaluation table: how it is recognised among the tables whose blocks were
    found, and what it asks of scoring and checks."""

    layout: str  # the JSON's `layout`
    name: str  # as people read it
    level: str = Key.PROJECT  # project | department | transfer: what one table evaluates
    titles: tuple[str, ...] = ()  # any one of these in the sheet's title rows picks the family
    marks: tuple[str, ...] = ()  # all of these labels on the sheet pick the family
    budget_points: float | None = None  # the budget block's label states these points (预算执行情况(20分))
    # The sections whose points the family sets; None: every one of its scheme (10号: 预算执行率10,
    # 产出50/效益30/满意度10); (): none, the table states its own.
    fixed_sections: tuple[str, ...] | None = ()
    is_form: bool = True  # a published table, not the template
    blank_score_is_gap: bool = True  # a blank 得分 is a form left unfilled (the template computes it)
    low_rate_needs_reason: bool = False  # a budget rate under 90 % needs its 原因
    total_line_heads: bool = True  # the budget's total line heads its 其中 lines (B009 may score from them)
    info_required: bool = False  # the template's required 项目信息 rows (P001): a form prints what it prints
    management: bool = False  # it may carry a 资金管理情况 block (情况说明 | 存在问题 | 改进措施), read when found
    rubric: bool = False  # it may carry a rubric block (评价内容 | 分值 | 自评分 …, `RUBRIC_COLUMNS`), read when found
    deduction_needs_reason: bool = True  # a score under its points asks for a 偏差原因 (I011)
    form_order: bool = False  # its sections are shown in the form's order, not the scheme's (产出, 效益, 满意度)
    ceilings: tuple[str, ...] = ()  # indicators named so whose bare 指标值 is an upper bound (CEILING_RATES)

    @property
    def scheme(self) -> str:
        return FORM_SCHEME if self.is_form else ""

    @property
    def is_department(self) -> bool:
        return self.level == Key.DEPARTMENT


TEMPLATE = Family(TEMPLATE_LAYOUT, "标准模板 v1", fixed_sections=None, is_form=False, blank_score_is_gap=False,
                  total_line_heads=False, info_required=True)
# The rates of the 部门整体支出 common indicators that are kept under their value, written without a sign (重庆
# 部门整体: 财政供养人员控制率 100%, 预算调整率 3%, 结转结余率 2%, 公用经费控制率 100%): ≤ the value typed.
CEILING_RATES = ("控制率", "调整率", "结转结余率", "结余率", "变动率")
DEPARTMENT = Family("department-form", "部门整体支出绩效自评表", level=Key.DEPARTMENT,
                    titles=("部门整体支出绩效", "部门整体绩效"), management=True, ceilings=CEILING_RATES)
# 转移支付区域(项目)绩效目标自评表 (旺苍县), 转移支付项目绩效目标自评表 (霍山县), 区域绩效自评表
TRANSFER = Family("transfer-form", "转移支付区域绩效自评表", level="transfer", titles=("转移支付", "区域绩效自评"),
                  marks=("转移支付(项目)名称",), management=True)  # 临河区 就业补助资金绩效目标自评表
INTEGRATED = Family("integrated-form", "部门预算项目支出绩效自评表（预算管理一体化）",
                    marks=("调整后预算数", "预算执行数", "指标性质"), fixed_sections=(FORM_EXECUTION_NAME,),
                    low_rate_needs_reason=True)
# 湖北 county form (广水市): the rubric block 项目决策/项目管理 (`RUBRIC_COLUMNS`) above the 项目绩效 indicator block;
# neither block has a 偏差原因 column: the 评价标准 column states what each point is given for.
RUBRIC = Family("rubric-form", "财政预算支出项目绩效目标自评表（项目决策、项目管理评分 + 项目绩效指标）",
                marks=("评价内容", "复核分"), rubric=True, deduction_needs_reason=False, form_order=True)
FOUR_PART = Family("four-part-form", "项目支出绩效自评表（决策、过程、产出、效益四部分）",
                   marks=("项目决策", "项目产出"))  # (海南省: 项目决策/项目管理/项目绩效, 项目产出 under 项目绩效)
MUNICIPAL = Family("municipal-form", "项目支出绩效自评表（预算执行 20 分、绩效目标 80 分）", budget_points=20.0)
NATIONAL = Family("national-form", "项目支出绩效自评表（财预〔2020〕10号）", marks=("全年执行数",),
                  fixed_sections=None)
OTHER = Family("self-eval-form", "项目支出绩效自评表（其他格式）", management=True)  # 名山区: a 四川 transfer table titled by its fund

# In the order they are tried: the first that fits is the table's family; OTHER fits every form.
FAMILIES = (DEPARTMENT, TRANSFER, INTEGRATED, RUBRIC, FOUR_PART, MUNICIPAL, NATIONAL, OTHER)
BY_LAYOUT = {f.layout: f for f in (TEMPLATE, *FAMILIES)}


def family_of(layout: str) -> Family:
    return BY_LAYOUT.get(layout, OTHER)


def recognise(titles: list[str], labels: set[str], budget_points: float | None) -> Family:
    """The family of a table whose blocks were found: its title texts, every label on it (folded
    by `label_key`), and the points its budget block's label states."""
    folded = [fold(t) for t in titles]
    for family in FAMILIES:
        if family.titles and any(t in s for t in family.titles for s in folded):
            return family
        if family.marks and all(label_key(m) in labels for m in family.marks):
            return family
        if family.budget_points is not None and budget_points == family.budget_points:
            return family
    return OTHER
