"""成安县民政局 2020年度 19名百岁老人高龄津贴 — other (河北 预算项目绩效自评表: 预算安排/到位/执行 and 单项指标得分 ×
权重占比 = 折算得分), 河北. Every indicator is complete and scored its full weight (25/25/30/10), but the 折算得分 column then
multiplies that score by the weight again (25 × 25% = 6.25), so the converted scores add to 22.5 for 90 points of
indicators; the '指标分值' column holds the indicator's description, not points; the page stops at the 预算执行率 row."""

SOURCE = {
    "title": "成安县民政局2020年度预算项目绩效自评表",
    "url": "http://cycms.chengan.gov.cn/zfxxgk/bmView.jsp?id=15437&websiteid=905&xxfl=0404",
    "unit": "成安县民政局（实施(主管)单位：314002-成安县民政局机关）",
    "province": "河北",
    "year": 2020,
    "complete": False,
    "note": (
        "Government disclosure page (发布日期 2021.07.14, 发布机构 民政局), the form stored as flattened text with spaces "
        "between cells. The grid is rebuilt from the order of the labels: 一、基本情况 line (项目名称: | 19名百岁老人高龄津贴 | "
        "是否为专项资金: | (blank) | 实施(主管)单位 | 314002-成安县民政局机关 | 金额单位: 万元); 二、预算执行情况 as three "
        "label/amount pairs (预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84) and 预算执行进度(%) 100.00, under the printed "
        "headers 预算安排情况(调整后) | 资金到位情况 | 资金执行情况 | 预算执行进度(%); 三、目标完成情况 two goal lines with "
        "总体完成率(%) 100.00 on the first. The indicator header is two rows: 一级指标 | 二级指标 | 三级指标 | 指标分值 | "
        "预期指标值 | 单项指标实际完成值 | 单项指标完成情况 | 自评得分, and under them 符号 | 单位(文字描述) (for 预期指标值) and "
        "单项指标得分 | 权重占比(%) | 单项指标折算得分 (for 自评得分). The 预期指标值 data come as three tokens ('>= 98 "
        "%(百分比)') but only two sub-headers are printed; I put them in 符号 | (value, no header stored) | 单位(文字描述). "
        "The column headed 指标分值 holds a sentence describing the indicator (享受补贴政策人数占…的比例) in every row. The "
        "stored text ends with '预算执行率 预算执行率' and blanks: that row (the budget's own indicator line) is dropped, so "
        "its weight and score are missing. 一级指标 '效果指标' is as printed (not 效益指标)."
    ),
}
FAMILY = "other:河北 预算项目绩效自评表 — 预算安排情况(调整后)/资金到位情况/资金执行情况 as label|amount pairs; 指标分值 (a description) | 预期指标值 符号·值·单位 | 实际完成值 | 完成情况 | 单项指标得分 · 权重占比(%) · 折算得分"

N = None
SHEETS = [
    ("Sheet1", [
        ["成安县民政局2020年度预算项目绩效自评表", N, N, N, N, N, N, N, N, N, N, N],
        ["一、基本情况", N, N, N, N, N, N, N, N, N, N, N],
        ["项目名称:", "19名百岁老人高龄津贴", N, N, "是否为专项资金:", N, "实施(主管)单位", "314002-成安县民政局机关", N, N, "金额单位: 万元", N],
        ["二、预算执行情况", N, N, N, N, N, N, N, N, N, N, N],
        ["预算安排情况(调整后)", N, N, "资金到位情况", N, N, "资金执行情况", N, N, "预算执行进度(%)", N, N],
        ["预算数", N, 6.84, "到位数", N, 6.84, "执行数", N, 6.84, 100.0, N, N],
        ["其中:财政资金", N, 6.84, "其中:财政资金", N, 6.84, "其中:财政资金", N, 6.84, N, N, N],
        ["其他", N, 0.0, "其他", N, 0.0, "其他", N, 0.0, N, N, N],
        ["三、目标完成情况", N, N, N, N, N, N, N, N, N, N, N],
        ["年度预期目标", N, N, N, "具体完成情况", N, N, N, N, "总体完成率(%)", N, N],
        ["为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。", N, N, N,
         "为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。", N, N, N, N, 100.0, N, N],
        ["为全县共享改革开放成果,促进社会稳定文明和谐", N, N, N, "为全县共享改革开放成果,促进社会稳定文明和谐", N, N, N, N, N, N, N],
        ["四、年度绩效指标完成情况", N, N, N, N, N, N, N, N, N, N, N],
        ["一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", N, N, "单项指标实际完成值", "单项指标完成情况", "自评得分", N, N],
        [N, N, N, N, "符号", N, "单位(文字描述)", N, N, "单项指标得分", "权重占比(%)", "单项指标折算得分"],
        ["产出指标", "质量指标", "符合条件申报对象覆盖率", "享受补贴政策人数占符合条件申报对象总数的比例",
         ">=", 98.0, "%(百分比)", "100%", "完成", 25.0, 25.0, 6.25],
        [N, "时效指标", "完成率", "按照要求每月及时完成符合条件对象审批的比例(百分比)",
         ">=", 99.0, "%(百分比)", "100%", "完成", 25.0, 25.0, 6.25],
        ["效果指标", "社会效益指标", "补贴发放率", "高龄补贴发放完成率",
         ">=", 75.0, "%(百分比)", "100%", "完成", 30.0, 30.0, 9.0],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "享受高龄津贴的对象对老龄工作的满意程度",
         ">=", 95.0, "%(百分比)", "100%", "完成", 10.0, 10.0, 1.0],
    ], [
        "A1:L1", "A2:L2", "B3:D3", "E3:F3", "H3:J3", "K3:L3", "A4:L4",
        "A5:C5", "D5:F5", "G5:I5", "J5:L5", "A6:B6", "D6:E6", "G6:H6", "J6:L6",
        "A7:B7", "D7:E7", "G7:H7", "A8:B8", "D8:E8", "G8:H8",
        "A9:L9", "A10:D10", "E10:I10", "J10:L10", "A11:D11", "E11:I11", "J11:L11", "A12:D12", "E12:I12", "J12:L12",
        "A13:L13", "A14:A15", "B14:B15", "C14:C15", "D14:D15", "E14:G14", "H14:H15", "I14:I15", "J14:L14",
        "A16:A17",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "19名百岁老人高龄津贴",
    "budget": 6.84,
    "executed": 6.84,
    "execution_rate": 1.0,
    "budget_points": None,   # the budget is an indicator row (预算执行率) of its own, cut from the stored page
    "budget_score": None,
    "weights": 90.0,         # 权重占比 25 + 25 + 30 + 10; the 预算执行率 row (presumably 10) is cut
    "typed_total": None,
    "total": 90.0,
    "grade": None,
    "why": "the stored copy stops at the 预算执行率 row: the visible weights add to 90, so no grade",
    "contradictions": [
        {"cell": "L16", "severity": "警告",
         "what": "折算得分 6.25 = 单项指标得分 25 × 权重占比 25%: the score is already on the weight's scale (25 of 25), so the "
                 "weight is applied twice (should be 25)"},
        {"cell": "L17", "severity": "警告", "what": "折算得分 6.25 = 25 × 25%: the weight applied twice (should be 25)"},
        {"cell": "L18", "severity": "警告", "what": "折算得分 9.00 = 30 × 30%: the weight applied twice (should be 30)"},
        {"cell": "L19", "severity": "警告", "what": "折算得分 1.00 = 10 × 10%: the weight applied twice (should be 10)"},
        {"cell": "D16", "severity": "提示",
         "what": "the column headed 指标分值 holds a description of the indicator in every row; the points are in 权重占比(%)"},
        {"cell": "A18", "severity": "提示", "what": "一级指标 printed '效果指标', not 效益指标"},
        {"cell": "K19", "severity": "错误",
         "what": "as the page is stored (cut at the 预算执行率 row): the weights add to 90, not 100, so no grade"},
    ],
    "hand": ("预算数 6.84, 执行数 6.84 → 100% (typed 100.00). Points = 权重占比: 覆盖率 100% ≥ 98% → 25; 完成率 100% ≥ 99% → 25; "
             "发放率 100% ≥ 75% → 30; 满意度 100% ≥ 95% → 10 (单项指标得分 typed 25/25/30/10 agree). Visible total "
             "25 + 25 + 30 + 10 = 90.00 of 90 weights; the 预算执行率 row is cut (100% would add its weight in full). "
             "The typed 折算得分 add to 6.25 + 6.25 + 9 + 1 = 22.5: each weighted twice."),
}]
