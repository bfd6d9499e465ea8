"""Every rule of excel-eval, declared once. Codes are stable: a retired code is never reused.

Areas: R 读取, P 项目信息, B 预算, F 资金分配, I 绩效指标, S 满意度问卷, T 得分汇总, X 跨表与报告,
W 自评报告 (the unit's report read beside its workbook).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .findings import Finding, Rule, Severity
from .vocab import FixKind
from .errors import Refusal

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
ROUNDING_SLIP = "所填数字与算出值只差填写精度的一个舍入单位时为提示"

# Codes that were once issued and are no more, with the name each had: never given to another rule.
RETIRED: dict[str, str] = {}

# --- R: reading -------------------------------------------------------------------------------

SHEET_MISSING = Rule(
    "R001", "sheet-missing", E,
    "缺少必需的工作表“{sheet}”（工作簿中的工作表：{found}）",
    "请使用标准模板，或把对应工作表改名为“{sheet}”；如交的是项目支出绩效自评表，请检查其项目资金和绩效指标两块的表头是否完整。",
    what="必需的工作表（项目信息、预算、绩效指标）是否存在。",
    why="没有这些表，就无法核算执行率和得分。",
    bad="工作簿只有“Sheet1”“预算表”。", good="工作簿含“项目信息”“预算”“绩效指标”。",
    raised_in=('reader.py',),
)
HEADER_NOT_FOUND = Rule(
    "R002", "header-not-found", E,
    "工作表“{sheet}”前{rows}行中找不到表头（应包含：{labels}）",
    "请在表格上方保留一行表头，标签与模板一致（可用同义词，如“使用经费”代替“执行数”）。",
    what="在工作表前若干行中按标签查找表头行。",
    why="表头找不到，整张表的数字都无法定位。",
    bad="表头写成“钱”“花了多少”。", good="表头为“支出内容 / 全年预算数 / 执行数”。",
    raised_in=('reader.py',),
)
COLUMN_MISSING = Rule(
    "R003", "column-missing", E,
    "工作表“{sheet}”缺少必需的列“{label}”（找到的表头：{found}）",
    "请在表头行补上“{label}”列，或把同义的列名改为“{label}”。",
    what="表头行是否包含每个必需的列。",
    why="缺少必需列，相关的核对和计分无法进行。",
    bad="预算表只有“支出内容”“全年预算数”。", good="预算表有“支出内容”“全年预算数”“执行数”。",
    raised_in=('reader.py',),
)
NUMBER_FROM_TEXT = Rule(
    "R004", "number-from-text", I,
    "数字以文本形式填写：“{text}”，已按 {value} 读取",
    "建议直接填写数字，单位写在表头（如“全年预算数（万元）”）。",
    grouped="{n} 个单元格的数字以文本形式填写，均已按数字读取（{cells}）；如第一处：{first}",
    what="数字单元格里是文本（带单位、千分位、全角数字等）。",
    why="文本数字在 Excel 里不参与求和，合计行会悄悄算错。",
    bad="“306.55万元”、“1,252”、“９５％”。", good="306.55（数字格式）。",
    raised_in=('reader.py',),
)
NOT_A_NUMBER = Rule(
    "R005", "not-a-number", E,
    "应为数字，实际为“{text}”",
    "请填写数字；不适用的填“-”或留空。",
    what="数字列中无法识别为数字的内容。",
    why="无法识别的数字会让合计、执行率和得分缺项。",
    bad="执行数填“约三十万”。", good="执行数填 30。",
    raised_in=('reader.py',),
)
FORMULA_NO_CACHE = Rule(
    "R006", "formula-without-value", W,
    "公式“{formula}”没有计算结果（文件未在 Excel/WPS 中打开保存过），已由工具按公式算出：{value}",
    "请用 Excel 或 WPS 打开该文件并保存一次，使公式结果写入文件。",
    grouped="{n} 个公式没有计算结果（文件未在 Excel/WPS 中打开保存过），均已由工具按公式算出（{cells}）；如第一处：{first}",
    what="公式单元格没有缓存的计算结果。",
    why="由程序生成、未经 Excel/WPS 打开的文件，公式没有值；按 0 读取会得出错误的结论。",
    bad="脚本写入 =SUM(E3:E6) 后直接提交。", good="在 Excel 中打开并保存后再提交。",
    raised_in=('reader.py',),
)
MONEY_UNIT_CONVERTED = Rule(
    "R007", "money-unit-converted", I,
    "金额“{text}”的单位与本表金额单位“{unit}”不同，已换算为 {value}",
    "同一工作簿请统一金额单位（见“项目信息”的“金额单位”）。",
    what="金额文本自带的单位与工作簿的金额单位不一致。",
    why="万元与元混用会让金额相差一万倍。",
    bad="金额单位为万元，某格填“3000元”。", good="填 0.3。",
    raised_in=('reader.py',),
)

HIDDEN_SHEET = Rule(
    "R008", "hidden-sheet", I,
    "工作表“{sheet}”是隐藏的，已照常读取",
    "如该表不应参与评价，请删除；否则建议取消隐藏，便于审核。",
    what="工具读取的工作表是否被隐藏。",
    why="隐藏的表容易被忽略，审核人看不到它却影响了结果。",
    bad="“预算”表被隐藏。", good="所有参与评价的表都可见。",
    raised_in=('reader.py',),
)

PERCENT_WITHOUT_SIGN = Rule(
    "R009", "percent-without-sign", I,
    "比率“{text}”没有百分号，已按 {value} 读取",
    "比率请填 84.27% 或 0.8427。",
    what="比率单元格里填了大于 1.5 的数，又没有百分号。",
    why="84.27 当作比率就是 8427%，所有相关核对都会出错；按百分数理解才是填表人的本意。",
    bad="报告预算执行率填 84.27。", good="填 84.27%。",
    raised_in=('reader.py',),
)
SHEET_CANDIDATES = Rule(
    "R010", "sheet-candidates", W,
    "有两张“{sheet}”表：读取了“{used}”，未读取“{ignored}”",
    "如“{ignored}”是草稿或副本（Excel 的“移动或复制”会生成“表名 (2)”），请删除；否则请改名。",
    what="工作簿中有不止一张可以当作同一张表的工作表。",
    why="草稿副本的数字会悄悄替换真正的数字；工具优先读取名称完全一致的表，并说明读了哪张。",
    bad="“绩效指标”和“绩效指标 (2)”并存。", good="只保留“绩效指标”。",
    raised_in=('reader.py',),
)
COLUMN_CANDIDATES = Rule(
    "R011", "column-candidates", W,
    "工作表“{sheet}”有两列可作“{label}”：读取了“{used}”列（{used_cell}），未读取“{ignored}”列（{ignored_cell}）",
    "如读取的列不对，请把不用的列删除或改名。",
    what="表头中有两列都能当作同一个栏目（如“全年预算数”和“全年预算数（调整后）”）。",
    why="读错列会让执行率和得分全部改变；工具优先读取与标签完全一致的列，并说明读了哪列。",
    bad="“全年预算数”和“全年预算数（调整后）”两列并存。", good="只保留一列“全年预算数”。",
    raised_in=('reader.py',),
)
FORMULA_NOT_COMPUTED = Rule(
    "R012", "formula-not-computed", W,
    "公式“{formula}”没有计算结果，工具也无法算出（{why}）；此格按“未知”处理，不按 0 或空白读取",
    "请用 Excel 或 WPS 打开该文件并保存一次，使公式结果写入文件。",
    what="公式单元格没有缓存的结果，而且工具无法自行计算。",
    why="按 0 或空白读取会改变合计和得分；工具跳过依赖此格的核对，并在此说明。",
    bad="引用了其他工作簿的公式，文件由程序生成。", good="在 Excel 中打开并保存后再提交。",
    raised_in=('reader.py',),
)

SHEET_NOT_READ = Rule(
    "R013", "sheet-not-read", I,
    "工作表“{sheet}”既不是项目支出绩效自评表，也不是标准模板的工作表，未读取",
    "如该表是一个项目的自评表，请检查表头是否完整（项目资金、绩效指标两块）；否则可以忽略本提示。",
    what="自评表工作簿中不属于任何一种已知格式、因而未读取的工作表。",
    why="一个项目的表格若因表头残缺没有被识别，它就不会出现在结果和汇总里；说明未读取哪张表，才不会悄悄漏掉。",
    bad="部门导出的工作簿里有一张“Sheet3”，表头只剩“绩效指标”。", good="每张项目表都有完整的项目资金和绩效指标表头。",
    raised_in=('reader.py',),
)

FORM_NOT_READ = Rule(
    "R014", "form-not-read", W,
    "{why}，未读取",
    "请检查该表的表头：预算表须有“全年预算数/调整后预算数”和“全年执行数/预算执行数”列，指标表须有“三级指标/指标名称”和"
    "“年度指标值”“实际完成值”“分值”“得分”中至少两列；表头的写法见 docs/forms.md。",
    what="看起来是绩效自评表、却找不到可读的预算表或指标表的工作表：说明找到了什么、缺什么、表头是什么。",
    why="工具不猜测表格的结构：读不了的表要明确说出来，不能悄悄漏掉，也不能按模板报一串无关的错误。",
    bad="指标表的表头写成“考核内容 / 目标 / 结果”。", good="表头为“三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分”。",
    raised_in=('reader.py',),
)

# --- P: 项目信息 ------------------------------------------------------------------------------

INFO_REQUIRED = Rule(
    "P001", "info-required-missing", E,
    "项目信息缺少“{label}”",
    "请在“项目信息”表填写“{label}”。",
    what="项目名称、实施单位、评价年度是否填写。",
    why="结果和汇总表要按项目、单位和年度归档。",
    bad="“评价年度”一行右侧为空。", good="评价年度：2022。",
    raised_in=('checks/info.py',),
)
YEAR_INVALID = Rule(
    "P002", "year-invalid", E,
    "评价年度“{text}”不是年份",
    "请填写四位年份，如 2022 或 2022年。",
    what="评价年度能否识别为年份。",
    why="期限类指标（如“12月底前”）要用评价年度补全日期。",
    bad="评价年度：二〇二二。", good="评价年度：2022。",
    raised_in=('checks/info.py',),
)
OPTION_WEIGHT_RANGE = Rule(
    "P003", "option-weight-range", E,
    "选项{option}权重 {actual} 不在 0～1 之间",
    "问卷选项权重是得分系数，请填写 0 到 1 之间的数，如 A=1、B=0.8。",
    what="问卷选项 A～E 的权重是否在 0～1 之间。",
    why="权重超出 0～1，满意度得分会超过题目分值。",
    bad="选项B权重：80。", good="选项B权重：0.8。",
    raised_in=('checks/info.py',),
)
OPTION_WEIGHT_ORDER = Rule(
    "P004", "option-weight-order", W,
    "问卷选项权重没有从 A 到 E 递减：{actual}",
    "“非常满意”的权重应最高，“很不满意”最低，请检查是否填反或错行。",
    what="选项权重是否按 A（非常满意）→ E（很不满意）递减。",
    why="权重顺序颠倒，满意的回答反而得分低。",
    bad="A=0.8、B=1。", good="A=1、B=0.8、C=0.6、D=0.2、E=0。",
    raised_in=('checks/info.py',),
)
SURVEYS_VALID_OVER_ISSUED = Rule(
    "P005", "surveys-valid-over-issued", E,
    "有效问卷份数 {actual} 多于发放份数 {expected}",
    "有效问卷不可能多于发放的问卷，请核对两处份数。",
    what="有效问卷份数不超过问卷发放份数。",
    why="份数矛盾说明统计口径有误。",
    bad="发放 26 份，有效 28 份。", good="发放 26 份，有效 26 份。",
    raised_in=('checks/info.py',),
)

OPTION_WEIGHTS_BLANK = Rule(
    "P006", "option-weights-blank", I,
    "问卷选项权重未填写（{cells}），已按评分体系“{scheme}”的默认值 {weights} 计分",
    "请在“项目信息”填写选项A～E的权重（0～1）；问卷的得分行由这些权重算出，未填写时不逐格核对。",
    what="项目信息中问卷选项 A～E 的得分系数是否填写。",
    why="权重空白时，表内公式按 0 计算，逐格比对只会得到一串假错误；工具按默认值计分并在此说明。",
    bad="选项A权重～选项E权重全部空白。", good="填写 1、0.8、0.6、0.2、0。",
    raised_in=('checks/info.py',),
)

INSTRUCTION_LEFT = Rule(
    "P007", "instruction-left", W,
    "“{label}”处仍是表格自带的填写说明“{text}”，没有填写内容",
    "请删去填写说明，填写实际内容。",
    grouped="{n} 处仍是表格自带的填写说明，没有填写内容（{cells}）；如第一处：{first}",
    what="自评表的文字栏目（目标完成情况、评价结论、存在问题等）是否还留着“(100字以内)”之类的填写说明。",
    why="留着说明的表格是没填完的表格；报告草稿不能把说明当成内容。",
    bad="评价结论：结合自评情况，说明项目自评总分……(200字以内)。", good="评价结论：项目全年预算执行率100%，自评得分95分……",
    raised_in=('forms.py',),
)

# --- B: 预算 ----------------------------------------------------------------------------------

NEGATIVE_AMOUNT = Rule(
    "B001", "negative-amount", E,
    "金额为负数：{actual}",
    "预算、到位、执行、结余金额不应为负；退回资金请在备注说明。",
    what="预算表的金额是否为负。",
    why="负数金额会冲减合计，掩盖真实的执行情况。",
    bad="执行数 -3.5。", good="执行数 3.5。",
    raised_in=('checks/budget.py',),
)
BALANCE_MISMATCH = Rule(
    "B002", "balance-mismatch", E,
    "结余 {actual} ≠ 全年预算数 − 执行数 = {expected}",
    "结余应等于全年预算数减执行数，请核对这三个数。",
    what="每行的结余是否等于全年预算数减执行数。",
    why="三个数对不上，至少有一个是错的。",
    bad="下达 5.271、使用 0.9735、结余 4.3。", good="结余 4.2975。",
    raised_in=('checks/budget.py',),
    fix=FixKind.SAFE, fix_by="全年预算数 − 执行数",
)
RECEIVED_OVER_BUDGET = Rule(
    "B003", "received-over-budget", W,
    "到位数 {actual} 超过全年预算数 {expected}",
    "到位资金一般不超过预算；如有追加，请调整全年预算数或在备注说明。",
    what="到位数是否超过全年预算数。",
    why="到位超预算通常是预算数没有按调整后的数填写。",
    bad="预算 10、到位 12。", good="预算 12、到位 12。",
    raised_in=('checks/budget.py',),
)
EXECUTED_OVER_RECEIVED = Rule(
    "B004", "executed-over-received", W,
    "执行数 {actual} 超过到位数 {expected}",
    "支出不应超过到位资金；如使用了其他资金，请另起一行填写并在备注说明。",
    what="执行数是否超过到位数。",
    why="钱没到位却花出去了，要么数字错，要么有其他资金来源未列出。",
    bad="到位 10、执行 12。", good="到位 10、执行 9.5。",
    raised_in=('checks/budget.py',),
)
BUDGET_TOTAL_MISMATCH = Rule(
    "B005", "budget-total-mismatch", E,
    "合计行的“{column}” {actual} ≠ {rows}各行之和 {expected}",
    "请检查合计公式的范围是否包含了所有明细行，或手工合计是否算错。",
    what="预算表合计行的每一列是否等于各明细行之和。",
    why="合计与明细不符，报告引用的总数就不可信。",
    bad="明细 1.56+5.271+64.53+26，合计写 97.3。", good="合计 97.361。",
    raised_in=('checks/budget.py',), also=(I,),
    also_when="自评表的总额行与其中各行之差不超过各行四舍五入的范围时为提示（不更正；执行率按总额行计算）",
    fix=FixKind.SAFE, fix_by="各明细行之和",
)
EXECUTION_OVER_BUDGET = Rule(
    "B006", "execution-over-budget", W,
    "执行数合计 {actual} 超过全年预算数合计 {expected}（执行率 {rate}）",
    "如使用了上年结转资金，请另起一行，资金来源填“上年结转资金”，并在“备注”说明原因。",
    what="预算执行率是否超过 100%。",
    why="执行率超过 100% 而不说明，是自评报告最常见的疑点。",
    bad="预算 16、执行 24，无说明。", good="另起一行“上年结转资金 8”，备注说明。",
    raised_in=('checks/budget.py',),
)
EXECUTION_LOW = Rule(
    "B007", "execution-low", I,
    "预算执行率 {rate}，明显低于计划",
    "请在偏差原因中说明执行率低的原因和改进措施（如结余资金的处理）。",
    what="预算执行率是否低于 90%。",
    why="执行率低影响预算执行率指标得分，报告须说明原因。",
    bad="执行率 58.33%，未说明。", good="说明“受疫情影响活动开展较少”。",
    raised_in=('checks/budget.py',),
)
INITIAL_DIFFERS = Rule(
    "B008", "initial-differs-without-note", I,
    "年初预算数 {actual} 与全年预算数 {expected} 不同，但备注为空",
    "预算调整的，请在备注写明调整原因和文号。",
    what="年初预算数与全年预算数不同时是否有备注。",
    why="预算调整要有依据，评价时会被问到。",
    bad="年初 50、全年 76.1，备注空。", good="备注“追加 26.1 万元，昆财社〔2022〕xx号”。",
    raised_in=('checks/budget.py',),
)

FORM_TOTAL_NOT_USED = Rule(
    "B009", "form-total-not-used", I,
    "“{label}”一行与其中各行之和不符，预算执行率和得分按其中各行计算（全年预算数 {budget}，执行数 {executed}）",
    "请把总额行改为其中各行之和。",
    what="自评表项目资金的总额行与“其中”各行不符时，工具用哪几行计算。",
    why="公开的自评表常见总额行填 0 而资金填在“其中：当年财政拨款”一行；按 0 计算会把执行率算成 0。",
    bad="年度资金总额 0，其中：本年财政拨款 90。", good="年度资金总额 90，其中：本年财政拨款 90。",
    raised_in=('checks/budget.py',),
)
EXECUTION_LOW_WITHOUT_REASON = Rule(
    "B010", "execution-low-without-reason", W,
    "预算执行率 {rate} 低于 90%，但没有说明原因",
    "请在“原因”栏说明预算执行率未达到 90% 的原因。",
    what="预算执行率低于 90% 时是否说明了原因（一体化自评表明确要求）。",
    why="执行率低是自评最该解释的一点；没有原因，审核无从判断。",
    bad="执行率 45.17%，原因栏空白。", good="原因：援滇人员年中轮换，部分经费下年支付。",
    raised_in=('checks/budget.py',), unexplained=True,
)
BUDGET_ZERO_SPENT = Rule(
    "B012", "budget-zero-spent", E,
    "全年预算数为 0，却有执行数 {actual}：预算执行率无法计算，预算执行的得分不计入总分（{cells}）",
    "请填写全年预算数（调整后的预算，含上年结转），执行率和得分按执行数 ÷ 全年预算数计算。",
    what="全年预算数为 0 或空白时是否有执行数。",
    why="没有预算就没有执行率，表上填的执行率和得分都没有依据；按它们评出的总分不可信。",
    bad="年度资金总额 全年预算数 0，全年执行数 207.45，执行率 100%，得 10 分。", good="全年预算数 207.45。",
    raised_in=('checks/budget.py',),
)
ROW_RATE_MISMATCH = Rule(
    "B011", "row-rate-mismatch", E,
    "执行率 {actual} ≠ 执行数 ÷ 预算数 = {expected}",
    "请按执行数 ÷ 预算数重新计算执行率。",
    what="自评表项目资金各行填写的执行率是否等于本行执行数除以预算数。",
    why="执行率是得分的依据，手填的执行率与金额不符，得分就不可信。",
    bad="预算 250000，执行 215457.6，执行率填 86.19%。", good="86.18%。",
    raised_in=('checks/budget.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="执行数 ÷ 预算数",
)

STATEMENT_CONTRADICTS_PROBLEM = Rule(
    "B013", "statement-contradicts-problem", W,
    "资金管理情况“{item}”的情况说明写“{statement}”，同一行的存在问题却写“{problem}”：“{claim}”与“{opposite}”相互矛盾",
    "请按实际情况改写情况说明：存在“{opposite}”的问题时不宜写“{claim}”（可写明实际的时间、金额或做法）；如问题已经解决，请在存在问题中写明。",
    what="自评表“资金管理情况”一块（情况说明 | 存在问题 | 改进措施）中，每一项的情况说明是否声称了同一行存在问题所否认的情况"
         "（及时、按进度、如期对滞后、延迟、缓慢、不及时；到位对未到位；合规对违规；规范对不规范）。"
         "存在问题为空白、“无”“暂无”“无问题”的不算矛盾；写成要求或目标（要求、确保、力争）、有所保留（基本、部分）的说明不算声称。",
    why="情况说明是给审核人看的结论：说“及时分解下达”，同一行又写“下达滞后”，审核人不知道哪一句是实情，"
        "下达及时性这一项也就无从评价。",
    bad="资金分解下达进度：情况说明“及时分解下达”，存在问题“…于2025年2月26日省级下达资金文件，下达滞后”。",
    good="情况说明“省级资金于2025年2月26日下达，收到后7日内分解下达”，存在问题“省级下达滞后”。",
    raised_in=('checks/management.py',),
)

# --- F: 资金分配 -------------------------------------------------------------------------------

ALLOCATION_VS_BUDGET = Rule(
    "F001", "allocation-vs-budget", W,
    "分配金额合计 {actual} ≠ 全年预算数合计 {expected}",
    "对下资金应与预算一致；如只分配了部分资金，请在备注说明。",
    what="资金分配表的分配金额合计是否等于预算表的全年预算数合计。",
    why="分配给下级的钱与预算对不上，说明有资金去向没有列出或重复列出。",
    bad="预算 306.55，分配合计 300.48。", good="分配合计 306.55。",
    raised_in=('checks/allocation.py',),
)
QUANTITY_TIMES_STANDARD = Rule(
    "F002", "quantity-times-standard", E,
    "数量 × 单位标准 = {expected}，但分配金额为 {actual}",
    "请核对数量、补助标准和分配金额。",
    what="每行的数量 × 单位标准是否等于分配金额。",
    why="按标准分配的资金算错，会多拨或少拨。",
    bad="260 家 × 0.135 万元 = 35.1，填 35。", good="35.1。",
    raised_in=('checks/allocation.py',),
)
PAID_OVER_ALLOCATED = Rule(
    "F003", "paid-over-allocated", W,
    "实拨金额 {actual} 超过分配金额 {expected}",
    "实拨不应超过分配；如有追加，请修改分配金额并在备注说明。",
    what="实拨金额是否超过分配金额。",
    why="多拨的资金需要说明来源。",
    bad="分配 20、实拨 22。", good="分配 22、实拨 22。",
    raised_in=('checks/allocation.py',),
)
DUPLICATE_UNIT = Rule(
    "F004", "duplicate-unit", W,
    "单位“{name}”重复出现（另见 {other}）",
    "同一单位请合并为一行，或在单位名称中写明区别（如不同项目）。",
    what="同一单位名称是否出现两次。",
    why="重复的行会让同一单位被算两次钱。",
    bad="“东川区残联”出现两行。", good="合并为一行。",
    raised_in=('checks/allocation.py',),
)
ALLOCATION_TOTAL_MISMATCH = Rule(
    "F005", "allocation-total-mismatch", E,
    "合计行的“{column}” {actual} ≠ {rows}各行之和 {expected}",
    "请检查合计公式的范围，或手工合计是否算错。",
    what="资金分配表合计行是否等于各行之和。",
    why="合计与明细不符，拨付总数就不可信。",
    bad="11 个县区合计写 300。", good="合计 306.55。",
    raised_in=('checks/allocation.py',),
    fix=FixKind.SAFE, fix_by="各行之和",
)

# --- I: 绩效指标 -------------------------------------------------------------------------------

WEIGHTS_NOT_100 = Rule(
    "I001", "weights-not-100", E,
    "指标分值合计 {actual}，应为 100；总分不按百分制评定等级，等级未定",
    "请检查是否漏填或多填了指标分值；改正后工具会重新评分。",
    what="全部指标的分值之和是否为 100（不是 100 时不给等级）。",
    why="满分不是 100，总分和等级就失去意义：120 分制的 108 分评为“优”没有依据。",
    bad="分值合计 98。", good="分值合计 100。",
    raised_in=('checks/indicators.py',),
)
SECTION_WEIGHT = Rule(
    "I002", "section-weight", W,
    "一级指标“{section}”分值合计 {actual}，评分体系“{scheme}”规定为 {expected}",
    "请按评分体系分配分值，或在项目信息中选择正确的评分体系。",
    what="各一级指标的分值是否符合评分体系（四级指标体系为 20/20/60，10号自评表为 10/50/30/10；按填写精度"
         "允许舍入误差，如三等分填作 3.333333 的六项合计 19.999998 记作 20）；"
         "一体化自评表只规定预算执行 10 分、绩效指标合计 90 分，各一级指标之间的分配不查。",
    why="分值结构不合规，评价结果不可比。",
    bad="项目决策 25 分。", good="项目决策 20 分。",
    raised_in=('checks/indicators.py',),
)
SCORE_OUT_OF_RANGE = Rule(
    "I003", "score-out-of-range", E,
    "自评得分 {actual} 不在 0 到分值 {expected} 之间",
    "自评得分不能超过分值，也不能为负。",
    what="自评得分是否在 0 与分值之间。",
    why="超分或负分会直接让总分出错。",
    bad="分值 4、得分 5。", good="分值 4、得分 4。",
    raised_in=('checks/indicators.py',),
)
TARGET_UNPARSED = Rule(
    "I004", "target-unparsed", W,
    "定量指标的年度指标值“{text}”无法识别",
    "请写成“≥95%”“不少于60人次”“不多于64.53万元”“2022年11月30日前”这样的形式。",
    what="定量指标的目标值能否识别出比较方向、数值和单位。",
    why="目标值含糊，无法判断是否完成，也就无法核对得分。",
    bad="“较上年有所增加”标为定量。", good="“≥1237人”。",
    raised_in=('checks/indicators.py',),
)
ACTUAL_MISSING = Rule(
    "I005", "actual-missing", W,
    "定量指标“{name}”没有填写实际完成值",
    "请填写实际完成值，与年度指标值使用相同的单位。",
    what="定量指标是否填写了实际完成值。",
    why="没有完成值，得分没有依据。",
    bad="目标 ≥95%，完成值空。", good="完成值 100%。",
    raised_in=('checks/indicators.py',),
)
UNIT_MISMATCH = Rule(
    "I006", "unit-mismatch", E,
    "年度指标值单位“{expected}”与实际完成值单位“{actual}”不一致",
    "请用相同单位填写目标和完成值（人与人次可以混用，% 与 万元不行）。",
    what="目标值与完成值的单位是否可比。",
    why="单位不同，无法比较是否完成。",
    bad="目标 ≥95%，完成 306.55万元。", good="目标 ≥95%，完成 100%。",
    raised_in=('checks/indicators.py',),
)
MET_NOT_FULL = Rule(
    "I007", "met-but-deducted", W,
    "指标已完成（目标 {target}，完成 {done}），但自评得分 {actual} 低于分值 {expected}",
    "目标已完成应得满分；如因质量等原因扣分，请在偏差原因中写明。",
    what="定量指标完成了目标却没有得满分。",
    why="得分与完成情况矛盾，是自评表最常见的问题之一。",
    bad="目标 ≥85%，完成 90%，得 3/4 分。", good="得 4/4 分。",
    raised_in=('checks/indicators.py',), moves_score=True,
    fix=FixKind.SCORE, fix_by="评分规则（已完成，得满分）",
)
MISSED_BUT_FULL = Rule(
    "I008", "missed-but-full", E,
    "指标未完成（目标 {target}，完成 {done}），却给了满分 {actual}；按规则应得 {expected}",
    "未完成的指标应按完成比例扣分。",
    what="定量指标未完成目标却得了满分。",
    why="得分与完成情况自相矛盾。",
    bad="目标 ≥10次，完成 6次，得满分。", good="按 6/10 得 60% 的分值。",
    raised_in=('checks/indicators.py',), moves_score=True,
    fix=FixKind.SCORE, fix_by="评分规则（按完成比例）",
)
SCORE_DIFFERS_FROM_RULE = Rule(
    "I009", "score-differs-from-rule", W,
    "自评得分 {actual} 与按“{rule}”规则计算的 {expected} 不同",
    "请按评分规则重新计算得分，或在评分说明中写明采用的规则。",
    what="有计分规则的指标（正向、反向、预算执行率等），自评得分是否等于规则算出的分数。",
    why="得分不按规则，总分和等级就站不住。",
    bad="执行率 58.33%、分值 4，得 2.8。", good="得 2.33。",
    raised_in=('checks/indicators.py',), moves_score=True, also=(I, E),
    fix=FixKind.SCORE, fix_by="评分规则",
    also_when="只差填写精度的一个舍入单位时为提示；舍入有利于单位时为警告，按所填得分会改变等级时为错误",
)
OVER_PERFORMANCE = Rule(
    "I010", "over-performance", W,
    "实际完成值 {done} 达到目标 {target} 的 {times}，但没有填写偏差原因",
    "大幅超额完成通常说明目标定得偏低，请在偏差原因中说明，下年度调整目标。",
    what="实际完成值是否达到目标值的 1.3 倍以上而未说明。",
    why="目标定得太低，绩效目标就失去约束作用。",
    bad="目标 ≥10人，完成 21人，无说明。", good="偏差原因写明超额原因。",
    raised_in=('checks/indicators.py',), unexplained=True,
)
DEDUCTED_WITHOUT_REASON = Rule(
    "I011", "deducted-without-reason", W,
    "得分 {actual} 低于分值 {expected}，但没有填写偏差原因",
    "扣分的指标请在“偏差原因”列写明原因和改进措施。",
    what="扣了分的指标是否写明偏差原因。",
    why="财政部门要求对每个扣分项说明原因和整改措施。",
    bad="得 3/4 分，偏差原因空。", good="偏差原因“受疫情影响活动较少，下年度…”。",
    raised_in=('checks/indicators.py',), unexplained=True,
)
QUALITATIVE_BAND = Rule(
    "I012", "qualitative-band", W,
    "完成情况为“{level}”，得分应在分值的 {band} 之间（{low}～{high} 分），实际 {actual}",
    "达成 80%～100%、部分达成 60%～80%、未达成 60% 以下；请调整得分或完成情况的表述。",
    what="定性指标的得分是否落在所述完成程度对应的区间。",
    why="“达成”却只给一半分，或“未达成”给满分，说明表述与打分不一致。",
    bad="部分达成，得 4/4 分。", good="部分达成，得 3/4 分。",
    raised_in=('checks/indicators.py',), moves_score=True,
)
DEADLINE_MISSED = Rule(
    "I013", "deadline-missed-without-reason", W,
    "完成时间 {done} 晚于期限 {target}，但没有填写偏差原因",
    "未按期完成的，请在偏差原因中说明原因。",
    what="期限类指标逾期时是否写明原因。",
    why="逾期完成需要说明，且不应得满分。",
    bad="期限 2022年11月30日前，完成 2022年12月5日，无说明。", good="写明逾期原因。",
    raised_in=('checks/indicators.py',), unexplained=True,
)
SCORE_MISSING = Rule(
    "I014", "score-missing", W,
    "指标“{name}”没有自评得分",
    "请填写自评得分；定性指标的得分由评价人按完成程度给出。",
    what="没有计分规则可算的指标（定性指标等）是否填写了自评得分。",
    why="没有得分，总分就少算了这一项。",
    bad="定性指标得分空。", good="得 3 分。",
    raised_in=('checks/indicators.py',),
)
WEIGHT_MISSING = Rule(
    "I015", "weight-missing", E,
    "指标“{name}”没有分值",
    "请填写该指标的分值；不计分的指标请删除该行。",
    what="每个指标是否填写了分值。",
    why="没有分值的指标无法计分。",
    bad="分值空。", good="分值 3。",
    raised_in=('checks/indicators.py',),
)

INDICATOR_TOTAL_MISMATCH = Rule(
    "I016", "indicator-total-mismatch", E,
    "{what} {actual} ≠ 各项之和 {expected}",
    "请按各项重新计算合计（自评表的总分含预算执行率的分值和得分）。",
    what="绩效指标表（或自评表）合计行、总分行的分值和得分是否等于各项之和。",
    why="总分是评定等级的依据，合计算错，等级就可能评错。",
    bad="各项得分之和 98.62，总分填 99。", good="总分 98.62。",
    raised_in=('checks/indicators.py',),
    fix=FixKind.SAFE, fix_by="各项之和",
)
SECTION_LABEL_WEIGHT = Rule(
    "I017", "section-label-weight", E,
    "“{label}”标明 {expected} 分，其下各指标分值合计 {actual}",
    "请使各指标分值之和等于一级指标标明的分值，或改正标明的分值。",
    what="一级指标名称里写明的分值（如“产出指标(50分)”）是否等于其下各指标分值之和。",
    why="标明的分值与指标分值不符，说明表格改过一半，得分结构不可信。",
    bad="产出指标(50分)，其下分值合计 48。", good="其下分值合计 50。",
    raised_in=('checks/indicators.py',),
)
ACTUAL_NOT_A_NUMBER = Rule(
    "I018", "actual-not-a-number", W,
    "定量指标“{name}”（指标值 {target}）的完成值写作“{done}”，不是数值，却得了 {actual} 分",
    "请填写实际完成的数值（带单位），得分按完成值与指标值计算。",
    what="定量指标（指标性质为 =、≥、≤，或指标值是数字）的完成值是不是数值。",
    why="“完成”“达成预期指标”无法与指标值比较，满分就没有依据。",
    bad="成本控制数 ≤30万元，完成值“完成”，得 90 分。", good="完成值 3.36（万元）。",
    raised_in=('checks/indicators.py',),
)
TOTAL_NOT_SCORABLE = Rule(
    "I019", "total-not-scorable", W,
    "{n} 个指标既没有可计算的完成值，也没有得分（{cells}），总分无法核算",
    "请补填这些指标的完成值和得分；其余各项已照常核算。",
    what="是否有指标既无法按完成值计分、也没有填写得分（表格没有填完）。",
    why="缺项按 0 分计会得出一个看似确定、其实没有依据的总分和等级。",
    bad="完成值和得分两列空白。", good="完成值 100%，得分 60。",
    raised_in=('checks/indicators.py',),
)

NO_POINTS = Rule(
    "I020", "no-points", I,
    "{table}没有{what}，未评分",
    "这类表格（多见于转移支付和部分市县的自评表）只核对金额、执行率和指标的完成情况；如需评分，请补上“分值”和“得分”两列。",
    what="指标表既没有分值列也没有得分列的自评表：照常读取和核对，但不评分，只说一次。",
    why="没有分值就没有总分和等级；逐格报“没有分值”或给出 0 分都会误导。",
    bad="转移支付区域绩效自评表只有“指标值”“实际完成值”。", good="照常核对，结果写明“本表没有分值和得分，未评分”。",
    raised_in=('checks/indicators.py',),
)
DIRECTION_CONFLICT = Rule(
    "I021", "direction-conflict", W,
    "指标“{name}”的指标方向为“{way}”，而指标值写作“{target}”，两者相反；已按指标值计分",
    "请改正指标方向或指标值，使二者一致（正向/大于等于：越高越好；反向/小于等于：越低越好）。",
    what="“指标方向”“计算符号”“指标性质”列与指标值自带的比较符号是否一致。",
    why="方向相反时，完成得好与不好正好颠倒，得分就没有依据。",
    bad="指标方向“正向”，指标值“≤5%”。", good="指标方向“反向”，指标值“≤5%”。",
    raised_in=('forms.py',),
)
LEVEL_FROM_BELOW = Rule(
    "I028", "level-from-its-child", I,
    "一级指标空白，按二级指标“{level2}”归入“{level1}”（上方的一级指标是“{above}”）",
    "请在该行填写一级指标，或把上方的一级指标单元格合并到正确的范围。",
    what="一级指标空白的行，其二级指标（如“社会效益指标”）是否属于上方的一级指标（如“产出指标”）。",
    why="合并单元格提前结束时，逐行向上取一级指标会把效益指标算进产出，各部分分值就核对错了。",
    bad="产出指标合并到成本指标为止，下一行“社会效益指标”的一级指标空白。", good="该行一级指标填“效益指标”。",
    raised_in=('forms.py',),
)
TARGETS_ONLY = Rule(
    "I029", "targets-only", I,
    "本表只有指标值和分值，没有完成值和得分：是绩效目标（指标）表，不是自评表；未核对完成情况，未评分",
    "如需自评，请在表中加上“实际完成值”和“得分”两列，或使用标准模板（excel-eval template）。",
    what="指标表既没有完成值列也没有得分列：它列的是目标，不是评价结果，只说一次。",
    why="逐个指标报“没有完成值”会把一张目标表当成没填完的自评表。",
    bad="绩效评价指标表只有“目标值”“分值”两列。", good="说一次“本表只有指标值和分值”，不逐项报缺。",
    raised_in=('checks/indicators.py',),
)
WEIGHT_APPLIED_TWICE = Rule(
    "I030", "weight-applied-twice", W,
    "“{name}”的折算得分 {actual} = 得分 {score} × 权重占比 {weight}%：得分已是 {weight} 分之内的分数，权重乘了两次，应为 {expected}",
    "得分已按分值计的，折算得分就是得分本身；只有得分按百分制（满分 100）计时，才乘以权重占比。",
    what="表中有“折算得分”列时（河北省县级自评表：单项指标得分 | 权重占比(%) | 单项指标折算得分），折算得分是否把已在分值之内的得分又乘了一次权重。",
    why="得分 25（满分 25）再乘 25% 成了 6.25：各项折算得分加起来远低于总分，汇总和评级都会错。",
    bad="单项指标得分 25，权重占比 25%，折算得分 6.25。", good="折算得分 25（或单项指标得分按百分制填 100，折算 25）。",
    raised_in=('checks/indicators.py',),
)
FORM_TOTAL_DIFFERS = Rule(
    "I022", "form-total-differs", W,
    "表中总分 {actual} ≠ 按各指标完成情况核算的总分 {expected}",
    "总分按核算结果为准；逐项的差异见本表其他问题（超过分值的得分、未完成却给满分等）。",
    what="自评表总分行填写的总分是否等于按规则逐项核算的总分。",
    why="各项得分加起来对，不等于总分对：超出分值的得分、未按完成比例扣分，都会让总分偏高。",
    bad="各项得分之和 71.7，其中三项超过分值；核算总分 58.17。", good="总分 58.17。",
    raised_in=('checks/indicators.py',), moves_score=True, also=(I,), also_when=ROUNDING_SLIP,
)
IMPLIED_POINTS = Rule(
    "I023", "implied-points", I,
    "指标表没有“分值”列；各指标的分值由所填得分和{label}推定（{points}），据此核算",
    "推定的分值只在每项都得出整数、且合计与标明的分值相符时采用；如与原意不符，请补上“分值”列。",
    what="没有分值列、只有得分的自评表：能否由得分和一级指标（或“年度绩效目标”）标明的分值推定各指标分值。",
    why="不推定就无法核算；推定的依据要写明，评审者才能复核。",
    bad="产出指标(60分)下 6 项各得 10 分，没有分值列。", good="推定各 10 分，合计 60，与标明的分值相符。",
    raised_in=('checks/indicators.py',),
)
NOT_MET_UNSCORED = Rule(
    "I024", "not-met-unscored", W,
    "指标“{name}”未达到年度指标值（目标 {target}，完成 {done}）",
    "本表没有分值，不扣分也不评分；请核实完成值，未完成的在偏差原因中说明。",
    what="没有分值的自评表上，定量指标的完成值是否达到指标值。",
    why="没有分值的表没有扣分来显示未完成，只能逐项说出来。",
    bad="保障率 目标 100%，完成值“无”。", good="完成值 100%。",
    raised_in=('checks/indicators.py',),
)
RATE_OVER_100 = Rule(
    "I025", "rate-over-100", W,
    "“{name}”的{what}为 {value}，满意度不可能超过 100%",
    "请改正为实际的百分比（如“≥90%”）。",
    what="满意度指标的指标值和完成值是否超过 100%。",
    why="超过 100% 的满意度多是录入错误（“≥90%”写成“290%”），据此计分没有意义。",
    bad="市民满意度 指标值 290%。", good="指标值 ≥90%。",
    raised_in=('checks/indicators.py',),
)
POINTS_WITHOUT_EVIDENCE = Rule(
    "I026", "points-without-evidence", W,
    "指标“{name}”既没有年度指标值，也没有实际完成值，却得了 {actual} 分",
    "请填写年度指标值和实际完成值；没有依据的得分无法复核。",
    what="得分大于 0 的指标是否至少有指标值或完成值。",
    why="没有目标也没有完成情况，得分（尤其是满分）就没有依据。",
    bad="工程质量合格，指标值和完成值空白，得 10 分。", good="指标值“合格”，完成值“合格”，得 10 分。",
    raised_in=('checks/indicators.py',),
)
ACTUAL_RESTATES_TARGET = Rule(
    "I027", "actual-restates-target", W,
    "指标“{name}”的实际完成值写作“{done}”，是目标的写法，不是实际完成的数值",
    "请填写实际测得的数值（如满意度 95.3%），得分按它与指标值计算。",
    what="实际完成值是否带有“≥”“≤”“以上”之类的比较词。",
    why="“≥90%”只复述了目标，说不出完成了多少；据此给满分没有依据。",
    bad="满意度 指标值 90%，完成值“≥90%”，得 40 分。", good="完成值 96%。",
    raised_in=('checks/indicators.py',),
)
# --- S: 满意度问卷 -----------------------------------------------------------------------------

RESPONDENTS_MISMATCH = Rule(
    "S001", "respondents-mismatch", E,
    "本题答题人数 {actual} ≠ {what} {expected}",
    "每道题的各选项人数之和应等于有效问卷份数，请核对人数行。",
    what="每题各选项人数之和是否等于有效问卷份数（未填份数时，与其他题比较）。",
    why="人数对不上，占比和得分都会算错。",
    bad="有效问卷 114 份，某题人数合计 113。", good="114。",
    raised_in=('checks/survey.py',),
)
RATIO_ROW_SUM = Rule(
    "S002", "ratio-row-sum", E,
    "占比行合计 {actual}，应为 100%",
    "占比应由人数除以答题人数算出，合计为 100%；请检查是否抄错列。",
    what="每题占比行之和、以及该行填写的合计是否为 100%（按填写精度允许舍入误差，如 101% 对两位小数）。",
    why="占比合计 116%，说明有数字抄错或公式引用错列。",
    bad="82.46%、0%、16.67%、16.67%、0%，合计 116%。", good="82.46%、0%、16.67%、0.88%、0%，合计 100%。",
    raised_in=('checks/survey.py',),
    fix=FixKind.SAFE, fix_by="各选项占比之和（100%）",
)
RATIO_MISMATCH = Rule(
    "S003", "ratio-mismatch", E,
    "占比 {actual} ≠ 人数 {count} / {n} = {expected}",
    "占比 = 该选项人数 ÷ 答题人数；建议用模板中的公式。",
    what="每个占比是否等于人数除以答题人数（按填写精度比较，差一位末位算舍入提示）。",
    why="手填占比最容易抄错。",
    bad="1 人 / 114 人，占比填 16.67%。", good="0.88%。",
    raised_in=('checks/survey.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="人数 ÷ 答题人数",
)
COPIED_VALUE = Rule(
    "S004", "copied-from-neighbour", E,
    "该选项人数为 0，{row}却填了 {actual}",
    "人数为 0 的选项占比和得分都应为 0；常见原因是从相邻列复制了数字。",
    grouped="{n} 个人数为 0 的选项填了占比或得分，疑似整列从相邻列复制（{cells}）；如第一处：{first}",
    what="人数为 0 的选项，占比或得分是否不为 0。",
    why="这是“从旁边一列复制过来”的典型痕迹。",
    bad="D 人数 0，D 占比 13.16%（与 C 相同）。", good="D 占比 0。",
    raised_in=('checks/survey.py',),
    fix=FixKind.SAFE, fix_by="该选项人数为 0",
)
POINTS_MISMATCH = Rule(
    "S005", "points-mismatch", E,
    "得分 {actual} ≠ 分值 × 占比 × 选项权重 = {expected}",
    "选项得分 = 题目分值 × 人数 ÷ 答题人数 × 选项权重；请核对权重和公式。",
    what="每个选项的得分是否等于分值 × 人数 / 答题人数 × 权重。",
    why="选项得分错了，题目得分和满意度都会错。",
    bad="D 1 人，得分 0.33。", good="0.02。",
    raised_in=('checks/survey.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="分值 × 人数 ÷ 答题人数 × 选项权重",
)
QUESTION_SCORE_MISMATCH = Rule(
    "S006", "question-score-mismatch", E,
    "本题得分 {actual} ≠ 按人数计算的 {expected}",
    "题目得分 = 分值 × Σ(人数 × 权重) ÷ 答题人数。",
    what="每题填写的得分是否等于按人数和权重计算的结果。",
    why="题目得分错了，满意度总分就错了。",
    bad="第 2 题填 9.58。", good="9.26。",
    raised_in=('checks/survey.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="分值 × Σ(人数 × 权重) ÷ 答题人数",
)
QUESTION_WEIGHTS_NOT_100 = Rule(
    "S007", "question-weights-not-100", E,
    "各题分值合计 {actual}，应为 100",
    "问卷各题分值之和应为 100 分。",
    what="问卷各题分值之和是否为 100。",
    why="满分不是 100，满意度得分无法与目标值（如 ≥90%）比较。",
    bad="5 题各 10 分。", good="5 题各 20 分。",
    raised_in=('checks/survey.py',),
)
SURVEY_TOTAL_MISMATCH = Rule(
    "S008", "survey-total-mismatch", E,
    "合计行的“{column}” {actual} ≠ 各题之和 {expected}",
    "合计行应等于各题对应数字之和。",
    what="问卷合计块的人数（及合计人数、得分）是否等于各题之和。",
    why="合计块是报告直接引用的数字。",
    bad="D 列合计 0，各题 D 人数之和为 4。", good="4。",
    raised_in=('checks/survey.py',),
    fix=FixKind.SAFE, fix_by="各题之和",
)
SURVEY_SCORE_MISMATCH = Rule(
    "S009", "survey-score-mismatch", E,
    "满意度得分 {actual} ≠ 按人数计算的 {expected}",
    "满意度得分应为各题得分之和，由人数和选项权重算出。",
    what="问卷填写的最终得分是否等于按人数计算的满意度。",
    why="报告引用的满意度得分必须能由问卷数据复算。",
    bad="填 97.47，按人数算为 96.86。", good="96.86。",
    raised_in=('checks/survey.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="问卷人数和选项权重",
)
TYPED_RESPONDENTS_MISMATCH = Rule(
    "S010", "typed-respondents-mismatch", E,
    "合计人数 {actual} ≠ 本行各选项人数之和 {expected}",
    "合计人数应等于 A～E 人数之和。",
    what="人数行填写的合计人数是否等于各选项人数之和。",
    why="合计人数错了，手算的占比也会跟着错。",
    bad="103+9+0+2+0，合计填 113。", good="114。",
    raised_in=('checks/survey.py',),
    fix=FixKind.SAFE, fix_by="A～E 人数之和",
)

# --- T: 得分汇总 -------------------------------------------------------------------------------

DEDUCTION_MISMATCH = Rule(
    "T001", "deduction-mismatch", E,
    "扣分 {actual} ≠ 权重分 − 得分 = {expected}",
    "扣分 = 权重分 − 得分。",
    what="得分汇总表每行的扣分是否等于权重分减得分。",
    why="扣分与得分对不上，至少有一个数是错的。",
    bad="权重 60、得分 59、扣分 2。", good="扣分 1。",
    raised_in=('checks/summary.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="权重分 − 得分",
)
RATE_MISMATCH = Rule(
    "T002", "rate-mismatch", E,
    "得分率 {actual} ≠ 得分 / 权重分 = {expected}",
    "得分率 = 得分 ÷ 权重分。",
    what="得分汇总表每行的得分率是否等于得分除以权重分。",
    why="得分率是报告里最常抄错的数。",
    bad="59/60，得分率 96.67%。", good="98.33%。",
    raised_in=('checks/summary.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="得分 ÷ 权重分",
)
SUMMARY_TOTAL_MISMATCH = Rule(
    "T003", "summary-total-mismatch", E,
    "合计行的“{column}” {actual} ≠ 各行之和 {expected}",
    "合计应等于 A、B、C 各行之和。",
    what="得分汇总表的合计行是否等于各一级指标之和。",
    why="20+18+59=97，合计却写 96：总分与分项自相矛盾。",
    bad="A+B+C = 97，合计 96。", good="各行与合计一致。",
    raised_in=('checks/summary.py',),
    fix=FixKind.SAFE, fix_by="各行之和",
)
SECTION_VS_INDICATORS = Rule(
    "T004", "section-vs-indicators", E,
    "“{section}”得分 {actual} ≠ 绩效指标表中该项自评得分之和 {expected}",
    "得分汇总表应由绩效指标表汇总得出，请核对两表。",
    what="得分汇总表每个一级指标的得分是否等于绩效指标表中其下各指标自评得分之和。",
    why="汇总表与明细表不一致，说明其中一张表被单独改过。",
    bad="汇总表 C 59 分，明细合计 58 分。", good="58 分。",
    raised_in=('checks/summary.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="绩效指标表中该项自评得分之和",
)
SECTION_WEIGHT_VS_INDICATORS = Rule(
    "T005", "section-weight-vs-indicators", E,
    "“{section}”权重分 {actual} ≠ 绩效指标表中该项分值之和 {expected}",
    "权重分应等于其下各指标分值之和。",
    what="得分汇总表的权重分是否等于绩效指标表中对应分值之和。",
    why="两张表的满分结构不同，说明指标体系改过而汇总表没跟着改。",
    bad="汇总表 20，明细 22。", good="20。",
    raised_in=('checks/summary.py',),
    fix=FixKind.SAFE, fix_by="绩效指标表中该项分值之和",
)
TEXT_SCORE_MISMATCH = Rule(
    "T006", "text-score-mismatch", E,
    "报告正文写“{section}”得 {actual} 分，得分表为 {expected} 分",
    "正文与表格应一致；请以核算结果为准同时修改两处。",
    what="报告正文写的分项得分是否与得分表一致。",
    why="正文说 19.9 分、表格说 18.8 分，读者不知道信哪个。",
    bad="正文“评价得分19.9分”，表格 18.8。", good="两处都是 18.8。",
    raised_in=('checks/summary.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="得分表的得分",
)

SECTION_NOT_IN_INDICATORS = Rule(
    "T007", "section-not-in-indicators", W,
    "得分汇总的“{section}”在绩效指标表中找不到对应的一级指标（绩效指标表的一级指标：{known}），这一行未能核对",
    "请让两张表的一级指标名称一致（编号写法可以不同，如“C项目绩效”与“（三）项目绩效”）。",
    what="得分汇总的每一行能否对应到绩效指标表的一级指标。",
    why="对应不上，这一行的得分就无人核对，错误的汇总得分会被放过。",
    bad="得分汇总写“产出”，绩效指标写“项目绩效”。", good="两表都写“项目绩效”（编号不限）。",
    raised_in=('checks/summary.py',),
)

# --- X: 跨表与报告 -----------------------------------------------------------------------------

REPORT_TOTAL = Rule(
    "X001", "report-total", E,
    "报告总分 {actual} ≠ 核算总分 {expected}",
    "请以核算总分为准修改报告正文。",
    what="报告正文写的总分是否等于按指标核算的总分。",
    why="总分决定等级，必须能由指标表复算。",
    bad="正文 96 分，核算 95.2 分。", good="一致。",
    raised_in=('checks/cross.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="核算总分",
)
REPORT_GRADE = Rule(
    "X002", "report-grade", E,
    "报告等级“{actual}”≠ 按核算总分 {total} 评定的“{expected}”",
    "等级：优 ≥ 90，良 80～90，中 60～80，差 < 60（按未四舍五入的总分）。",
    what="报告写的等级是否与核算总分对应。",
    why="等级是评价结论，必须与分数一致。",
    bad="89.99 分评为优。", good="评为良。",
    raised_in=('checks/cross.py',),
    fix=FixKind.SAFE, fix_by="核算总分评定的等级",
)
REPORT_EXECUTION = Rule(
    "X003", "report-execution", E,
    "报告预算执行率 {actual} ≠ 执行数合计 / 全年预算数合计 = {expected}",
    "执行率 = Σ执行数 ÷ Σ全年预算数；请按预算表修改报告，并统一全文的写法。",
    what="报告写的预算执行率是否等于预算表算出的执行率（差一位末位为舍入提示）。",
    why="同一份报告里 84.28% 和 84.27% 并存，读者无所适从。",
    bad="82.050854 / 97.361，报告写 84.28%。", good="84.27%。",
    raised_in=('checks/cross.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="执行数合计 ÷ 全年预算数合计",
)
REPORT_SATISFACTION = Rule(
    "X004", "report-satisfaction", E,
    "报告满意度 {actual} ≠ 按问卷人数计算的 {expected}",
    "满意度应由问卷人数和选项权重算出，请以核算结果为准。",
    what="报告写的满意度得分是否等于问卷复算结果。",
    why="满意度是效益和满意度指标的依据。",
    bad="报告 97.47，复算 96.86。", good="96.86。",
    raised_in=('checks/cross.py',), also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="问卷人数和选项权重",
)
REPORT_INDICATOR_COUNT = Rule(
    "X005", "report-indicator-count", E,
    "报告写 {actual} 个四级指标，绩效指标表中有 {expected} 个",
    "请核对报告正文的指标个数与附表是否一致。",
    what="报告写的四级指标个数是否等于指标表的指标行数。",
    why="指标个数对不上，说明附表不全或正文照抄了旧报告。",
    bad="正文“33个四级指标”，表中 31 行。", good="一致。",
    raised_in=('checks/cross.py',),
    fix=FixKind.SAFE, fix_by="绩效指标表的指标个数",
)
RATE_INDICATOR_ACTUAL = Rule(
    "X006", "rate-indicator-actual", E,
    "“{name}”的实际完成值 {actual} ≠ 按预算金额算出的 {expected}",
    "该指标的完成值应按预算金额计算：执行率 = Σ执行数 ÷ Σ全年预算数（自评表为项目资金各行），到位率 = Σ到位数 ÷ Σ全年预算数。",
    what="预算执行率、资金到位率指标的完成值是否与预算表一致。",
    why="指标表与预算表各说各的，得分就没有依据。",
    bad="预算表执行率 58.33%，指标表完成值填 100%。", good="58.33%。",
    raised_in=('checks/cross.py',), moves_score=True, also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="预算金额算出的执行率或到位率",
)
SATISFACTION_INDICATOR_ACTUAL = Rule(
    "X007", "satisfaction-indicator-actual", E,
    "“{name}”的实际完成值 {actual} ≠ 问卷“{sheet}”算出的满意度 {expected}",
    "满意度指标的完成值应取自问卷复算结果。",
    what="满意度指标的完成值是否等于问卷复算的满意度得分。",
    why="问卷是满意度指标的唯一依据。",
    bad="问卷复算 96.86，指标完成值 97.47%。", good="96.86%。",
    raised_in=('checks/cross.py',), moves_score=True, also=(I,), also_when=ROUNDING_SLIP,
    fix=FixKind.SAFE, fix_by="问卷算出的满意度",
)

# --- W: 自评报告 -----------------------------------------------------------------------------
# The unit's 自评报告 (.docx or PDF) read beside its 自评表 (reports/): each figure it states
# against the workbook's computed value, and against the report's own other statements.

REPORT_UNREADABLE = Rule(
    "W009", "report-unreadable", W,
    "与本表一同提交的自评报告“{file}”无法读取：{reason}",
    "请提交 Word 版（.docx）报告，或由 Word/WPS 直接导出、带文字层的 PDF；自评表本身已照常核对。",
    what="与自评表一同提交的自评报告能否读取（.docx，或有文字层的 PDF）。",
    why="报告读不了，报告与自评表之间的核对就没有做；要说出来，不能悄悄跳过。",
    bad="报告是扫描件 PDF。", good="报告是 Word 文档，或由 Word 导出的 PDF。",
    raised_in=('reports/__init__.py',),
)
REPORT_SAYS_TOTAL = Rule(
    "W001", "report-says-total", E,
    "自评报告写总分 {actual} 分（“{quote}”），自评表核算总分为 {expected} 分{elsewhere}",
    "请以自评表按指标核算的总分为准修改报告，并统一摘要和正文的写法。",
    what="自评报告写的总分是否等于自评表按指标核算的总分。",
    why="报告和自评表一同报送，总分对不上，审核人不知道哪一个是真的。",
    bad="报告“最终自评得分96分”，自评表核算 95.20 分。", good="两处都是 95.20 分。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_SAYS_GRADE = Rule(
    "W002", "report-says-grade", E,
    "自评报告写评价等级“{actual}”（“{quote}”），按{basis} {total} 分应为“{expected}”{elsewhere}",
    "等级由总分评定（优 ≥ 90，良 80～90，中 60～80，差 < 60）；请按核算总分修改报告的等级。",
    what="自评报告写的等级是否与总分相符：与自评表的核算总分（一同报送时），或与报告自己写的总分。",
    why="等级是评价结论，必须由分数得出。",
    bad="总分 89.5 分，报告“评定等级为优”。", good="评定等级为良。",
    raised_in=('reports/verify.py',),
)
REPORT_SAYS_RATE = Rule(
    "W003", "report-says-rate", E,
    "自评报告写{what} {actual}（“{quote}”），自评表算出 {expected}{elsewhere}",
    "执行率 = Σ执行数 ÷ Σ全年预算数，到位率 = Σ到位数 ÷ Σ全年预算数；请按自评表的预算表修改报告。",
    what="自评报告写的预算执行率、资金到位率是否等于自评表预算表算出的比率（差末位一个舍入单位为提示）。",
    why="报告写 100%、表里是 84.28%，报告的结论就没有依据。",
    bad="报告“预算执行率100%”，自评表 82.050854 / 97.361。", good="报告写 84.27%。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_SAYS_AMOUNT = Rule(
    "W004", "report-says-amount", E,
    "自评报告写{what} {actual} 万元（“{quote}”），自评表为 {expected} 万元{elsewhere}",
    "请核对报告与自评表预算表的金额（单位均按万元比较），以预算表为准修改。",
    what="自评报告写的预算金额、实际支出、到位资金、结余资金是否等于自评表预算表的合计。",
    why="金额是执行率和成本指标的依据，两份材料必须一致。",
    bad="报告“实际支出44.39万元”，预算表执行数合计 41.36。", good="一致。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_SAYS_SATISFACTION = Rule(
    "W005", "report-says-satisfaction", E,
    "自评报告写满意度 {actual}（“{quote}”），按自评表问卷人数复算为 {expected}{elsewhere}",
    "满意度应由问卷各选项人数和权重算出；请以复算结果为准修改报告（和问卷表）。",
    what="自评报告写的满意度是否等于按自评表问卷人数复算的满意度。",
    why="满意度是满意度指标得分的依据；照抄有误的问卷合计，指标得分就跟着错。",
    bad="报告“群众满意度综合得分为97.47分”，复算 96.86。", good="96.86。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_SAYS_SECTION = Rule(
    "W006", "report-says-section", E,
    "自评报告写“{section}”得 {actual} 分（{where}），自评表核算为 {expected} 分{elsewhere}",
    "分项得分应等于绩效指标表中该一级指标下各指标得分之和；请按自评表修改报告的正文和得分表。",
    what="自评报告正文和得分情况表写的一级指标得分是否等于自评表核算的分项得分。",
    why="分项得分对不上，总分和等级就无从复核。",
    bad="正文“项目管理（满分20分，评价得分19.9分）”，核算 18.80 分。", good="18.80 分。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_SAYS_COUNT = Rule(
    "W007", "report-says-count", E,
    "自评报告写{what} {actual}（“{quote}”），自评表为 {expected}{elsewhere}",
    "请核对报告所写的个数与自评表（绩效指标表的指标行数、问卷的人数）是否一致。",
    what="自评报告写的四级指标个数、问卷份数是否等于自评表中的个数。",
    why="个数对不上，说明附表不全，或正文照抄了旧报告。",
    bad="报告“33个四级指标”，自评表 31 行。", good="一致。",
    raised_in=('reports/verify.py',),
)
REPORT_DISAGREES = Rule(
    "W010", "report-disagrees-with-itself", E,
    "自评报告的{what}前后不一：此处写 {actual}（“{quote}”），{other}写 {expected}",
    "同一个数在摘要、正文和表格中应写成一样；请核实后统一全文。",
    what="自评报告在不同地方（摘要、正文）写的同一个数（总分、等级、金额、执行率、满意度、问卷份数）是否一致。",
    why="摘要和正文各说各的，读者不知道信哪个；往往是改了一处忘了另一处。",
    bad="摘要“为预算金额的84.28%”，正文“为预算金额的84.27%”。", good="两处都是 84.27%。",
    raised_in=('reports/verify.py',), also=(I,), also_when="两处只差末位一个舍入单位时为提示",
)
REPORT_TEXT_VS_TABLE = Rule(
    "W011", "report-text-vs-table", E,
    "自评报告正文写{what} {actual}（{where}），{table}为 {expected}",
    "正文与表格应一致；请核实后同时修改两处。",
    what="自评报告正文写的分项得分、总分、满意度、金额、问卷人数是否与报告自己的得分情况表、支出明细表、问卷统计表一致。",
    why="正文说 19.9 分、表格说 18.8 分，读者不知道信哪个。",
    bad="正文“项目绩效（满分60分，评价得分58分）”，得分表 59.00。", good="两处都是 58。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_TABLE_ARITHMETIC = Rule(
    "W012", "report-table-arithmetic", E,
    "自评报告{table}：{what} {actual} ≠ {formula} = {expected}",
    "请按表中其他数字重算这一格（或核实其他数字）。",
    what="自评报告里的表格自身是否算得通：扣分 = 权重分 − 得分，得分率 = 得分 ÷ 权重分，合计 = 各行之和，"
         "结余 = 下达 − 使用，问卷每题人数之和 = 合计人数、占比 = 人数 ÷ 总人数。",
    why="表格自相矛盾，说明有一格改过而其他格没跟着改。",
    bad="得分表“项目绩效”得分 59.00、扣分 2.00（权重 60）。", good="得分 58.00、扣分 2.00。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_RATE_VS_AMOUNTS = Rule(
    "W013", "report-rate-vs-amounts", E,
    "自评报告写{what} {actual}（“{quote}”），按报告所写{numerator} {top} 万元 ÷ 预算 {bottom} 万元 = {expected}",
    "比率应由报告所写的金额算出；请按金额重算后统一全文的写法。",
    what="自评报告写的预算执行率、到位率是否等于它自己写的金额之比（差末位一个舍入单位为提示）。",
    why="82.050854 ÷ 97.361 = 84.27%，报告一处写 84.28%、一处写 84.27%，至少一处是错的。",
    bad="“实际支出82.050854万元，为预算金额的84.28%”（预算 97.361 万元）。", good="84.27%。",
    raised_in=('reports/verify.py',), also=(I,), also_when=ROUNDING_SLIP,
)
REPORT_REPEATED_DIFFERS = Rule(
    "W014", "report-repeated-differs", E,
    "自评报告同一句话两处的数字不同：此处写 {actual}（“{quote}”），{other}写 {expected}（“{other_quote}”）",
    "同一件事在报告中前后应写成一样（如“主要绩效”与“项目产出”）；请核实后统一。",
    what="自评报告中说同一件事、措辞相同的两处（如“完成采购第三代残疾人证…万张”）写的数字是否相同。",
    why="“主要绩效”写 4 万张、“项目产出”写 5 万张，至少一处是错的；多半是一处沿用了旧稿。",
    bad="一处“完成采购第三代残疾人证（预制卡）4万张”，另一处“5万张”。", good="两处都按实际数写。",
    raised_in=('reports/verify.py',),
)
REPORT_PART_OVER_TOTAL = Rule(
    "W015", "report-part-over-total", E,
    "自评报告写一项支出 {actual} 万元（“{quote}”），超过报告所写的项目实际支出 {expected} 万元",
    "一项支出不能超过项目的全部支出；请核实这一项的金额或实际支出合计。",
    what="自评报告写的某一项支出（支付、使用经费）是否超过它写的项目实际支出合计。",
    why="部分大于整体，必有一处是错的。",
    bad="实际支出 44.39 万元，却写“支付采购经费51.7万元”。", good="支付采购经费41.36万元。",
    raised_in=('reports/verify.py',),
)


ALL_RULES: tuple[Rule, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Rule))
RULES_BY_CODE = {r.code: r for r in ALL_RULES}


class UnknownRule(Refusal, ValueError):
    """A rule code given to --skip / --only that no rule has."""


@dataclass(frozen=True)
class Selection:
    """Which rules a run reports: all but `skip`, or only `only`. Scores never depend on it."""

    skip: frozenset[str] = frozenset()
    only: frozenset[str] | None = None

    @classmethod
    def of(cls, skip: str | Iterable[str] = (), only: str | Iterable[str] = ()) -> Selection:
        """From codes (`"R004,S005"` or `["R004", "S005"]`); raise UnknownRule for a code no rule has."""
        skipped, kept = _codes(skip), _codes(only)
        unknown = sorted((skipped | kept) - RULES_BY_CODE.keys())
        if unknown:
            raise UnknownRule(f"没有这样的规则代码：{'、'.join(unknown)}（excel-eval rules 列出全部规则）")
        return cls(skipped, kept or None)

    def wants(self, rule: Rule) -> bool:
        return rule.code not in self.skip and (self.only is None or rule.code in self.only)

    def keep(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.wants(f.rule)]


EVERY_RULE = Selection()


def _codes(value: str | Iterable[str]) -> frozenset[str]:
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in str(v).split(",")]
    return frozenset(p.strip().upper() for p in parts if p.strip())


AREAS = {"R": "读取", "P": "项目信息", "B": "预算", "F": "资金分配", "I": "绩效指标", "S": "满意度问卷",
         "T": "得分汇总", "X": "跨表与报告", "W": "自评报告"}


def rules_markdown() -> str:
    """docs/rules.md, generated from the declarations above (a test keeps the file current)."""
    out = ["# 核对规则 / Rules", "",
           "由 `excel-eval rules --markdown > docs/rules.md` 生成，请勿手改。级别：错误＝工作簿自相矛盾；"
           "警告＝可疑，需要说明；提示＝供参考。更正（`excel-eval fix`）：安全更正＝由其他数字算出的单元格，默认改正；"
           "得分更正＝按评分规则的得分，加 `--scores` 才改；不更正＝填写的事实或需要判断，只列出留待人工。", "",
           "| 代码 | 级别 | 名称 | 更正 | 检查什么 |", "|---|---|---|---|---|"]
    out += [f"| [{r.code}](#{r.code.lower()}) | {_levels(r)} | `{r.name}` | {r.fix.value} | {r.what} |" for r in ALL_RULES]
    area = ""
    for r in ALL_RULES:
        if r.code[0] != area:
            area = r.code[0]
            out += ["", f"## {area} {AREAS[area]}"]
        out += ["", f"### {r.code}", "", f"`{r.name}` · {_levels(r)}", "",
                *([f"- **级别**：{r.severity.value}；{r.also_when}"] if r.also else []),
                f"- **检查什么**：{r.what}", f"- **为什么**：{r.why}", f"- **错误示例**：{r.bad}",
                f"- **正确示例**：{r.good}", f"- **提示语**：{r.message}", f"- **如何修改**：{r.hint}",
                f"- **更正**：{r.fix.said}" + (f"，按{r.fix_by}" if r.fix_by else "")]
    if RETIRED:
        out += ["", "## 已停用的代码", "", "这些代码不再使用，也不会分配给其他规则：", ""]
        out += [f"- {code} `{name}`" for code, name in sorted(RETIRED.items())]
    return "\n".join(out) + "\n"


def _levels(rule: Rule) -> str:
    return "／".join(s.value for s in rule.severities)
