"""天长市水利局 2022年度 水旱灾害防御经费 — national-form, 安徽（滁州）. The printed placeholder lines (指标2: / ……) are left in under every 二级指标; six indicators have no target and no actual yet full points; 执行率 left blank; 总分 100 / 100."""

SOURCE = {
    "title": "天长市水利局水旱灾害防御股项目支出绩效自评",
    "url": None,
    "unit": "天长市水利局",
    "province": "安徽",
    "year": 2022,
    "complete": True,
    "note": ("The search tool returned this stored page without an address (url None): it is the 天长市 (滁州, not 池州) "
             "government page published 2023-12-05 15:04. Stored as line-broken text; the table is complete down to 总分, "
             "the 注 below it is cut after '如有'. The 一级指标 cells are stored only as '(50分)' and '(30分)' after "
             "several empty lines (the words 产出指标/效益指标 were probably printed vertically and not captured) — kept as "
             "stored. 主管部门 is empty. The 年度资金总额 line has five values (880 880 880 10 10): 执行率 is left empty. "
             "生态效益 '指标1:/ / /': the two further '/' are put under 年度指标值 and 实际完成值 by judgement. Side labels "
             "are this form's own: '年度总体目标完成情况', '年度绩效指标完成情况'."),
}
FAMILY = "national-form"

SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["(2022年度)", None, None, None, None, None, None, None, None],
        ["项目名称", "水旱灾害防御经费", None, None, None, None, None, None, None],
        ["主管部门", None, None, None, "实施单位", "天长市水利局", None, None, None],
        ["项目资金(万元)", None, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", None],
        [None, "年度资金总额:", 880.0, 880.0, 880.0, 10.0, None, 10.0, None],
        [None, "其中:本年财政拨款", 880.0, 880.0, 880.0, "-", None, "-", None],
        [None, "上年结转资金", None, None, None, "-", None, "-", None],
        [None, "其他资金", None, None, None, "-", None, "-", None],
        ["年度总体目标完成情况", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, "完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。", None, None, None, "完成年度目标。", None, None, None],
        ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "(50分)", "数量指标", "指标1:完成中型灌区节水改造项目数量", 1.0, 1.0, 10.0, 10.0, None],
        [None, None, None, "指标2:完成农业综合水价改革项目", 1.0, 1.0, 10.0, 10.0, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "质量指标", "指标1:工程质量合格", None, None, 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "时效指标", "指标1:年度资金支付完成率100%", None, None, 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "成本指标", "指标1:资金执行在预算范围内", None, None, 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, "(30分)", "经济效益指标", "指标1:全市安全度汛", None, None, 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "社会效益指标", "指标1:保护全市人口财产不受损失", None, None, 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "生态效益指标", "指标1:/", "/", "/", None, None, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "可持续影响指标", "指标1:已建工程良性运行", None, None, 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, "满意度指标(10分)", "服务对象满意度指标", "指标1:服务对象满意度", "90%", "100%", 10.0, 10.0, None],
        [None, None, None, "指标2:", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        ["总分", None, None, None, None, None, 100.0, 100.0, None],
    ], ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "H9:I9", "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11", "C13:C15", "C16:C18", "C19:C21", "C22:C24", "C25:C27", "C28:C30", "C31:C33", "C34:C36", "C37:C39", "A12:A39", "B13:B24", "B25:B36", "B37:B39", "A40:F40"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "水旱灾害防御经费",
    "budget": 880.0,
    "executed": 880.0,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 100.0,
    "typed_total": 100.0,
    "total": 100.0,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "G6", "severity": "提示", "what": "执行率 left blank; 880 ÷ 880 = 100%"},
        {"cell": "B4", "severity": "提示", "what": "主管部门 left blank"},
        {"cell": "H16", "severity": "警告", "what": "工程质量合格: no 年度指标值 and no 实际完成值, yet 10 of 10 (likewise H19, H22, H25, H28, H34)"},
        {"cell": "D19", "severity": "提示", "what": "the target '100%' is written into the indicator name (指标1:年度资金支付完成率100%) while 年度指标值/实际完成值 are empty"},
    ],
    "hand": ("rate 880/880 = 1 → budget 10; 节水改造项目数量 1/1 → 10; 水价改革项目 1/1 → 10; 质量/时效/成本/经济/社会/可持续 "
             "have no target or actual → keep the typed 10 each = 60; 服务对象满意度 100% vs 90% → 10; 生态效益 '/' carries no "
             "分值; sum 10+10+10+60+10 = 100; weights 10 + 50 + 30 + 10 = 100; (50分) = 10×5, (30分) = 10×3, (10分) = 10."),
}]
