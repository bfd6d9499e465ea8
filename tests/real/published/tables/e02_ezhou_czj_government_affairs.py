"""鄂州市财政局 2019年度 财政政务管理 — national-form, 湖北. Second table of the page of e01; the stored page stops at
'满' in the 满意度 row. 执行率 49.50% typed 50% and scored 5; 项目合格率 60% of 90% scored 10 of 20 (the rule gives 13.33);
完成时限 2019年 completed 2020年 (late, 10 of 20 with a reason); a 完成值 '≥80%' that restates its target."""

SOURCE = {
    "title": "市财政局2019年度项目支出绩效自评表 (项目支出绩效自评表 2019年度) — 财政政务管理",
    "url": "https://czj.ezhou.gov.cn/ztzl/czyjsgk/202008/t20200825_350895.html",
    "unit": "鄂州市财政局（主管部门、实施单位均为“市财政局”）",
    "province": "湖北",
    "year": 2019,
    "complete": False,
    "note": ("Second 自评表 on the page of e01 (same unit, same 2019 form, same flattened text); grid rebuilt in the same "
             "9-column layout. The stored page ends at '满' — the first character of the 满意度 row — so that row, the "
             "总分 row and any later tables are missing: the row is dropped. The year line is stored as '2019年度)' and "
             "kept so; no '绩效指标' side label is stored (column A empty). 年度总体目标 holds the bare amounts 202 / 100. "
             "This table prints no 数量指标 row: 产出指标 starts with 质量指标."),
}
FAMILY = "national-form"

N = None
SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["2019年度)", N, N, N, N, N, N, N, N],
        ["项目名称", "财政政务管理", N, N, N, N, N, N, N],
        ["主管部门", "市财政局", N, N, "实施单位", "市财政局", N, N, N],
        ["项目资金(万元)", N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", 202.0, 202.0, 100.0, 10.0, 0.5, 5.0, N],
        [N, "其中:当年财政拨款", 202.0, 202.0, 100.0, N, N, N, N],
        [N, "上年结转资金", N, N, N, N, N, N, N],
        [N, "其他资金", N, N, N, N, N, N, N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, 202.0, N, N, N, 100.0, N, N, N],
        [N, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [N, "产出指标", "质量指标", "项目合格率", "90%", "60%", 20.0, 10.0, "部分项目延续至下年"],
        [N, N, "时效指标", "完成时限", "2019年", "2020年", 20.0, 10.0, "部分项目延续至下年"],
        [N, N, "成本指标", "成本控制率", "90%", "90%", 20.0, 20.0, N],
        [N, "效益指标", "社会效益指标", "财政工作运行效率", "≥80%", "≥80%", 20.0, 20.0, N],
    ], ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "H9:I9",
        "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11", "B13:B15"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "财政政务管理",
    "budget": 202.0,
    "executed": 100.0,
    "execution_rate": 0.49504950495049505,
    "budget_points": 10.0,
    "budget_score": 4.9504950495049505,
    "weights": 90.0,
    "typed_total": None,
    "total": 68.28,
    "grade": None,
    "why": "as the page is stored: cut in the 满意度 row, the points on it add to 90, so no grade",
    "contradictions": [
        {"cell": "G6", "severity": "提示", "what": "执行率 typed 50%; 100 ÷ 202 = 49.50% (rounding)"},
        {"cell": "H6", "severity": "警告", "what": "budget 得分 typed 5; 10 × 49.50% = 4.95 (rounded up in the unit's favour)"},
        {"cell": "H13", "severity": "警告", "what": "项目合格率 60% of 90% gives 20 × 60/90 = 13.33; typed 10 deducts more than the shortfall"},
        {"cell": "F16", "severity": "警告", "what": "实际完成值 '≥80%' restates the target's bound, not a measured value"},
        {"cell": "G16", "severity": "错误", "what": "as the page is stored: the points add to 90 (budget 10 + 80), not 100"},
        {"cell": "B11", "severity": "提示", "what": "年度总体目标 filled with the budget and spent amounts (202 / 100) instead of goals"},
    ],
    "hand": ("rate 100/202 = 0.495050 → budget 10 × 0.495050 = 4.9505; 项目合格率 60%/90% → 20 × 0.6667 = 13.3333 (typed 10); "
             "完成时限 2019年 → done 2020年: late, no rule share for a missed deadline, the unit's 10 (with its reason) stands; "
             "成本控制率 90%/90% → 20; 财政工作运行效率 ≥80% read as 80% → 20. Sum 4.9505 + 13.3333 + 10 + 20 + 20 = 68.2838 "
             "→ 68.28 on the 90 points the stored page keeps (10 + 20 × 4); no grade. Typed so far 5 + 10 + 10 + 20 + 20 = 65."),
}]
