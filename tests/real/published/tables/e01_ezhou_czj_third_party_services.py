"""鄂州市财政局 2019年度 购买第三方服务 — national-form, 湖北. The 总分 row (100 | 90) counts the indicators only and
leaves the budget line (10 | 6) out, so the form declares 110 points; 成本 60% of 90% scored 10 of 20 (the rule gives
13.33); 执行率 59.58% typed 60% and scored 6; a 效益 row with no 一级指标; a 完成值 '≥80%' that restates its target."""

SOURCE = {
    "title": "市财政局2019年度项目支出绩效自评表 (项目支出绩效自评表 2019年度) — 购买第三方服务",
    "url": "https://czj.ezhou.gov.cn/ztzl/czyjsgk/202008/t20200825_350895.html",
    "unit": "鄂州市财政局（主管部门、实施单位均为“市财政局”）",
    "province": "湖北",
    "year": 2019,
    "complete": True,
    "note": ("Government page (鄂州市财政局, 财政预决算公开, 2020-08-25) holding the unit's 自评表 one after another as "
             "flattened text (cells separated by spaces, wrapped cells split over lines). This is the first table on "
             "the page; the second (财政政务管理) is e02. Grid rebuilt in the 9-column national layout of a03 (same "
             "2019 form). The year line is stored as '2019年度)' (opening bracket missing) and kept so; no '绩效指标' "
             "side label is stored in front of the indicator header (column A left empty). 年度总体目标 is filled with "
             "the bare amounts 287 / 171. The 社会效益指标 row is stored with its 一级指标 cell empty (same indent as "
             "the 产出 rows below their label, unlike the 满意度 row), so B17 is left empty and not merged with 产出指标. "
             "'满意度 指标' and '社会效益 指标' are wrapped cells, joined here. Percentages are text as on the page."),
}
FAMILY = "national-form"

N = None
SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["2019年度)", N, N, N, N, N, N, N, N],
        ["项目名称", "购买第三方服务", N, N, N, N, N, N, N],
        ["主管部门", "市财政局", N, N, "实施单位", "市财政局", N, N, N],
        ["项目资金(万元)", N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", 287.0, 287.0, 171.0, 10.0, 0.6, 6.0, N],
        [N, "其中:当年财政拨款", 287.0, 287.0, 171.0, N, N, N, N],
        [N, "上年结转资金", N, N, N, N, N, N, N],
        [N, "其他资金", N, N, N, N, N, N, N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, 287.0, N, N, N, 171.0, N, N, N],
        [N, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [N, "产出指标", "数量指标", "服务对象人数", "100人次", "100人次", 15.0, 15.0, N],
        [N, N, "质量指标", "服务达标率", "80%", "80%", 20.0, 20.0, N],
        [N, N, "时效指标", "完成时限", "2019年", "2019年", 15.0, 15.0, N],
        [N, N, "成本指标", "计划完成率", "90%", "60%", 20.0, 10.0, "部分项目延续至下年"],
        [N, N, "社会效益指标", "财政工作运行效率", "≥80%", "≥80%", 15.0, 15.0, N],
        [N, "满意度指标", "服务对象满意度指标", "受益群体满意度", "90%", "90%", 15.0, 15.0, N],
        ["总分", N, N, N, N, N, 100.0, 90.0, N],
    ], ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "H9:I9",
        "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11", "B13:B16", "A19:F19"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "购买第三方服务",
    "budget": 287.0,
    "executed": 171.0,
    "execution_rate": 0.5958188153310104,
    "budget_points": 10.0,
    "budget_score": 5.958188153310104,
    "weights": 110.0,
    "typed_total": 90.0,
    "total": 99.29,
    "grade": None,
    "why": "the declared points add to 110 (budget 10 + indicators 100): no 100-point scale, no grade",
    "contradictions": [
        {"cell": "G6", "severity": "提示", "what": "执行率 typed 60%; 171 ÷ 287 = 59.58% (rounding)"},
        {"cell": "H6", "severity": "警告", "what": "budget 得分 typed 6; 10 × 59.58% = 5.96 (rounded up in the unit's favour)"},
        {"cell": "H16", "severity": "警告", "what": "计划完成率 60% of 90% gives 20 × 60/90 = 13.33; typed 10 deducts more than the shortfall"},
        {"cell": "F17", "severity": "警告", "what": "实际完成值 '≥80%' restates the target's bound, not a measured value"},
        {"cell": "B13", "severity": "警告", "what": "一级指标 points 产出 70 / 效益 15 / 满意度 15 against the form's 50 / 30 / 10"},
        {"cell": "G19", "severity": "错误", "what": "总分 分值 typed 100, but the form declares 110: budget 分值 10 (F6) + indicators 100"},
        {"cell": "H19", "severity": "错误", "what": "总分 得分 typed 90, but the typed scores add to 96 (budget 6 + indicators 90): the 总分 leaves the budget line out"},
        {"cell": "B11", "severity": "提示", "what": "年度总体目标 filled with the budget and spent amounts (287 / 171) instead of goals"},
    ],
    "hand": ("rate 171/287 = 0.595819 → budget 10 × 0.595819 = 5.9582; 服务对象人数 100/100 → 15; 服务达标率 80%/80% → 20; "
             "完成时限 2019年/2019年 → 15; 计划完成率 60%/90% → 20 × 0.6667 = 13.3333 (typed 10); 财政工作运行效率 ≥80% "
             "read as 80% → 15; 受益群体满意度 90%/90% → 15. Sum 5.9582 + 15 + 20 + 15 + 13.3333 + 15 + 15 = 99.2915 → 99.29. "
             "Points 10 + 15 + 20 + 15 + 20 + 15 + 15 = 110 ≠ 100 → no grade. Typed: 6 + 15 + 20 + 15 + 10 + 15 + 15 = 96, "
             "总分 says 90 (indicators only). Sections 产出 15+20+15+20 = 70, 效益 15, 满意度 15."),
}]
