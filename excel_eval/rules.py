"""Every rule of excel-eval, declared once. Codes are stable: a retired code is never reused.

Areas: R 读取, P 项目信息, B 预算, F 资金分配, I 绩效指标, S 满意度问卷, T 得分汇总, X 跨表与报告.
"""

from __future__ import annotations

from .findings import Rule, Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

# --- R: reading -------------------------------------------------------------------------------

SHEET_MISSING = Rule(
    "R001", "sheet-missing", E,
    "缺少必需的工作表“{sheet}”（工作簿中的工作表：{found}）",
    "请使用标准模板，或把对应工作表改名为“{sheet}”。",
    what="必需的工作表（项目信息、预算、绩效指标）是否存在。",
    why="没有这些表，就无法核算执行率和得分。",
    bad="工作簿只有“Sheet1”“预算表”。", good="工作簿含“项目信息”“预算”“绩效指标”。",
)
HEADER_NOT_FOUND = Rule(
    "R002", "header-not-found", E,
    "工作表“{sheet}”前{rows}行中找不到表头（应包含：{labels}）",
    "请在表格上方保留一行表头，标签与模板一致（可用同义词，如“使用经费”代替“执行数”）。",
    what="在工作表前若干行中按标签查找表头行。",
    why="表头找不到，整张表的数字都无法定位。",
    bad="表头写成“钱”“花了多少”。", good="表头为“支出内容 / 全年预算数 / 执行数”。",
)
COLUMN_MISSING = Rule(
    "R003", "column-missing", E,
    "工作表“{sheet}”缺少必需的列“{label}”（找到的表头：{found}）",
    "请在表头行补上“{label}”列，或把同义的列名改为“{label}”。",
    what="表头行是否包含每个必需的列。",
    why="缺少必需列，相关的核对和计分无法进行。",
    bad="预算表只有“支出内容”“全年预算数”。", good="预算表有“支出内容”“全年预算数”“执行数”。",
)
NUMBER_FROM_TEXT = Rule(
    "R004", "number-from-text", I,
    "数字以文本形式填写：“{text}”，已按 {value} 读取",
    "建议直接填写数字，单位写在表头（如“全年预算数（万元）”）。",
    what="数字单元格里是文本（带单位、千分位、全角数字等）。",
    why="文本数字在 Excel 里不参与求和，合计行会悄悄算错。",
    bad="“306.55万元”、“1,252”、“９５％”。", good="306.55（数字格式）。",
)
NOT_A_NUMBER = Rule(
    "R005", "not-a-number", E,
    "应为数字，实际为“{text}”",
    "请填写数字；不适用的填“-”或留空。",
    what="数字列中无法识别为数字的内容。",
    why="无法识别的数字会让合计、执行率和得分缺项。",
    bad="执行数填“约三十万”。", good="执行数填 30。",
)
FORMULA_NO_CACHE = Rule(
    "R006", "formula-without-value", W,
    "公式“{formula}”没有计算结果（文件未在 Excel/WPS 中打开保存过），工具将自行计算",
    "请用 Excel 或 WPS 打开该文件并保存一次，使公式结果写入文件。",
    what="公式单元格没有缓存的计算结果。",
    why="由程序生成、未经 Excel/WPS 打开的文件，公式没有值；按 0 读取会得出错误的结论。",
    bad="脚本写入 =SUM(E3:E6) 后直接提交。", good="在 Excel 中打开并保存后再提交。",
)
MONEY_UNIT_CONVERTED = Rule(
    "R007", "money-unit-converted", I,
    "金额“{text}”的单位与本表金额单位“{unit}”不同，已换算为 {value}",
    "同一工作簿请统一金额单位（见“项目信息”的“金额单位”）。",
    what="金额文本自带的单位与工作簿的金额单位不一致。",
    why="万元与元混用会让金额相差一万倍。",
    bad="金额单位为万元，某格填“3000元”。", good="填 0.3。",
)

ALL_RULES: tuple[Rule, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Rule))
RULES_BY_CODE = {r.code: r for r in ALL_RULES}
