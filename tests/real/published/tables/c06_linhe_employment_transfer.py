"""巴彦淖尔市临河区 2022年度 就业补助资金 — transfer, 内蒙古. 就业补助资金绩效目标自评表 (no 分值/得分) with five funding-source lines whose budgets add to 7165.29, not the printed 7165.32; only the money and 资金管理 parts could be placed."""

SOURCE = {
    "title": "2022年度就业补助资金绩效目标自评表.xlsx",
    "url": None,
    "unit": "巴彦淖尔市临河区（地方财政部门/地方主管部门：巴彦淖尔市临河区财政局）",
    "province": "内蒙古自治区",
    "year": 2022,
    "complete": False,
    "note": ("The search tool returned this stored page without an address (url None). It is a text dump of an xlsx "
             "('附件1'), cells run together in reading order, with the vertically merged side labels (年度资金总额, "
             "资金投入情况(万元), 资金管理情况) emitted after the rows they span; grid rebuilt from the central "
             "就业补助资金绩效目标自评表 layout. Only two money columns are printed (全年预算数(A), 全年执行数(B)); no "
             "执行率 column appears. The pairing of '地方财政部门 巴彦淖尔市临河' and '地方主管部 门 巴彦淖尔市临河区财政局' "
             "is taken in stored order; '巴彦淖尔市临河' is probably a value cut by the cell width. Cell texts cut by the "
             "printed cell width are kept as stored ('确保资金管理准确有'). NOT transcribed: the 总体目标 / 全年实际完成情况 "
             "block, whose two columns are interleaved line by line and truncated in the dump (e.g. '完成全年目标任务2468人的1'), "
             "so it cannot be placed without guessing; and the 绩效指标 block, of which only the header and the first "
             "target (享受社会保险补贴人员数量 4443, actual not shown) are stored before the page ends. "
             "'其他资金 (包括以前年度结转资 金)' is kept with its stored wrap space."),
}
FAMILY = "transfer"

SHEETS = [
    ("Sheet1", [
        ["附件1", None, None, None],
        ["就业补助资金绩效目标自评表", None, None, None],
        ["(2022年度)", None, None, None],
        ["转移支付(项目)名称", "就业补助资金", None, None],
        ["中央主管部门", "人力资源社会保障部", None, None],
        ["地方财政部门", "巴彦淖尔市临河", "地方主管部 门", "巴彦淖尔市临河区财政局"],
        ["资金投入情况 (万元)", None, "全年预算数(A)", "全年执行数(B)"],
        [None, "年度资金总额", 7165.32, 6992.95],
        [None, "其中:中央财政资金", 3144.0, 3144.0],
        [None, "自治区财政资金", 570.17, 570.17],
        [None, "盟市财政资金", 433.0, 432.1],
        [None, "旗县财政资金", 1426.9, 1294.84],
        [None, "其他资金 (包括以前年度结转资 金)", 1591.22, 1551.84],
        ["资金管理情况", None, "情况说明", None],
        [None, "分配科学性", "根据业务情况进行合理的分配", None],
        [None, "下达及时性", "要求在资金下达时及时、快速地传达至相关业务股室", None],
        [None, "拨付合规性", "按照规定程序和标准进行资金拨付", None],
        [None, "使用规范性", "要求对资金使用过程进行合理规范、确保合法合规", None],
        [None, "执行准确性", "要求严格执行就业补助资金规章制度及政策,确保资金管理准确有", None],
        [None, "预算绩效管理情况", "款项从指标录入开始做绩效事前事中事后三次", None],
        [None, "支出责任履行情况", "按支出、时限、范围支出", None],
    ], ["A1:D1", "A2:D2", "A3:D3", "B4:D4", "B5:D5", "A7:A13", "A14:A21", "C14:D14", "C15:D15", "C16:D16",
        "C17:D17", "C18:D18", "C19:D19", "C20:D20", "C21:D21"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "就业补助资金",
    "budget": 7165.32,
    "executed": 6992.95,
    "execution_rate": 0.9759438517749381,
    "budget_points": None,
    "budget_score": None,
    "weights": None,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "no points",
    "contradictions": [
        {"cell": "C8", "severity": "错误", "what": "年度资金总额 全年预算数 7165.32 but its five lines add to 3144.00 + 570.17 + 433.00 + 1426.90 + 1591.22 = 7165.29 (0.03 short)"},
        {"cell": "D6", "severity": "提示", "what": "地方主管部门 given as 巴彦淖尔市临河区财政局 (a finance bureau, not the 人社 主管部门) and 地方财政部门 only '巴彦淖尔市临河': the two values look swapped or cut"},
    ],
    "hand": ("Budget 7165.32, executed 6992.95, rate 6992.95 ÷ 7165.32 = 0.97594 (no rate printed). Executed lines: "
             "3144.00 + 570.17 + 432.10 + 1294.84 + 1551.84 = 6992.95 = total (agrees). Budget lines add to 7165.29 ≠ 7165.32. "
             "盟市 432.10/433.00, 旗县 1294.84/1426.90 (90.7%), 其他 1551.84/1591.22 under-executed. No 分值/得分: total None."),
}]
