"""廊坊市食品工程学校 2019年度 办公宿舍楼、食堂及餐厅暖通改造经费 — national-form, 河北. Printed placeholder lines (指标2 / ……) left in; 86.2% execution scored 9 of 10 (rounded up in the unit's favour), same on the money indicator; stored page stops before 总分."""

SOURCE = {
    "title": "办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改)",
    "url": "http://www.lfsp.cn/newsinfo/1158053.html",
    "unit": "廊坊市食品工程学校",
    "province": "河北",
    "year": 2019,
    "complete": False,
    "note": ("The stored page stops inside the 满意度 block, right after the '指标2' row (shown with its empty cells); "
             "the 满意度 '……' row, the 总分 row and anything after are not stored, so typed_total is None. Every "
             "分值 the form declares is visible before the cut (they add to 100), so the total is computed. "
             "The year line is stored as '2019年度)' (opening bracket missing) and kept so. No '绩效指标' side label "
             "is stored in front of the indicator header (column A left empty there). 年度总体目标 is filled with "
             "bare amounts (43.2 / 37.24). The 二级 column prints '效益指标' a second time beside 可持续影响指标, "
             "kept as its own merged block. Several 偏差原因 cells hold a '0'."),
}
FAMILY = "national-form"

SHEETS = [
    ("Sheet1", [
        ["附件1", None, None, None, None, None, None, None, None],
        ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["2019年度)", None, None, None, None, None, None, None, None],
        ["项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费", None, None, None, None, None, None, None],
        ["主管部门", "廊坊市发改委", None, None, "实施单位", "廊坊市食品工程学校", None, None, None],
        ["项目资金(万元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额", 43.2, 43.2, 37.24, 10.0, 0.86, 9.0, None],
        [None, "其中:当年财政拨款", 43.2, 43.2, 37.24, None, None, None, None],
        [None, "上年结转资金", None, None, None, None, None, None, None],
        [None, "其他资金", None, None, None, None, None, None, None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, 43.2, None, None, None, 37.24, None, None, None],
        [None, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标", "数量指标", "指标1工程资金金额", 43.2, 37.24, 10.0, 9.0,
         "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "质量指标", "指标1工程完工率", 100.0, 100.0, 10.0, 10.0, None],
        [None, None, None, "指标2工程验收合格率", 100.0, 100.0, 10.0, 10.0, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "时效指标", "指标1项目完成及时率", 100.0, 100.0, 10.0, 10.0, None],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "成本指标", "指标1成本控制率", 100.0, 100.0, 10.0, 10.0, None],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, "效益指标", "经济效益指标", "指标1安全率", 100.0, 100.0, 10.0, 10.0, 0.0],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "社会效益指标", "指标1学校发展能力", 100.0, 100.0, 10.0, 10.0, 0.0],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, None, "生态效益指标", "指标1", None, None, None, None, None],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, "效益指标", "可持续影响指标", "指标1长期使用性", 100.0, 100.0, 10.0, 10.0, None],
        [None, None, None, "指标2", None, None, None, None, None],
        [None, None, None, "……", None, None, None, None, None],
        [None, "满意度指标", "服务对象满意度指标", "指标1学生满意度", 100.0, 100.0, 10.0, 10.0, 0.0],
        [None, None, None, "指标2", None, None, None, None, None],
    ], ["A1:I1", "A2:I2", "A3:I3", "B4:I4", "B5:D5", "F5:I5", "A6:A10", "H6:I6", "H7:I7", "H8:I8", "H9:I9",
        "H10:I10", "A11:A12", "B11:E11", "F11:I11", "B12:E12", "F12:I12", "B14:B25", "C14:C16", "C17:C19",
        "C20:C22", "C23:C25", "B26:B34", "C26:C28", "C29:C31", "C32:C34", "B35:B37", "C35:C37", "B38:B39",
        "C38:C39"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "办公宿舍楼、食堂及餐厅暖通改造经费",
    "budget": 43.2,
    "executed": 37.24,
    "execution_rate": 0.862037037037037,
    "budget_points": 10.0,
    "budget_score": 8.62037037037037,
    "weights": 100.0,
    "typed_total": None,
    "total": 97.24,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "G7", "severity": "提示", "what": "执行率 typed 86%; 37.24 ÷ 43.2 = 86.20% (rounding)"},
        {"cell": "H7", "severity": "警告", "what": "budget 得分 typed 9; 10 × 86.20% = 8.62 (rounded up in the unit's favour)"},
        {"cell": "H14", "severity": "警告", "what": "工程资金金额 37.24 of 43.2 gives 8.62 of 10; typed 9 (rounded up)"},
        {"cell": "B12", "severity": "提示", "what": "年度总体目标 filled with the budget and spent amounts (43.2 / 37.24) instead of goals"},
    ],
    "hand": ("rate 37.24/43.2 = 0.862037 → budget 8.6204 of 10; 工程资金金额 37.24/43.2 × 10 = 8.6204; "
             "完工率, 验收合格率, 及时率, 成本控制率, 安全率, 学校发展能力, 长期使用性, 学生满意度 all 100/100 → 10 each = 80; "
             "sum 8.6204 + 8.6204 + 80 = 97.24; weights 10 + 10×9 = 100 (生态效益 has none); the typed scores so far "
             "add to 9 + 9 + 80 = 98 (the 总分 row itself is not stored)."),
}]
