"""施甸县农业农村局 2021年度 保山猪保种场建设项目 — municipal-20-80, 云南. Nothing spent (1500 budget, 0.00 executed, 执行率 typed 0.0000); every 实际完成值, every 得分 and the 总分 left blank; the 80 indicator points are never split among the indicators."""

SOURCE = {
    "title": "保山猪保种场建设项目支出绩效自评表",
    "url": "https://shidian.gov.cn/info/4312/182363.htm",
    "unit": "施甸县农业农村局",
    "province": "云南",
    "year": 2021,
    "complete": False,
    "note": ("Government page (施甸县人民政府, published 2022-07-18) holding the table as line-broken text. The stored "
             "page stops inside the last row, '改进措施及结果应用方案', mid-sentence ('一是多方协调沟通,及时完成'): that row "
             "is dropped. The checkbox marks of 项目类别/项目属性 are not stored (only a trailing '□' on the last option) "
             "and the option texts are kept as stored, spaces included. The budget block has no 得分 column; the 20 and "
             "80 points appear only in the side labels. 项目竣工时间 '2023.12' is kept as text (a year.month, not a "
             "quantity). '年新增畜牧产值 (万元)' keeps its stored space; the 效益指标 rows have no 二级指标."),
}
FAMILY = "municipal-20-80"

SHEETS = [
    ("Sheet1", [
        ["2021年度项目支出绩效自评表", None, None, None, None, None, None],
        ["单位名称: 施甸县农业农村局", None, None, None, "填报日期: 2022年7月16日", None, None],
        ["项目名称", "保山猪保种场建设项目", None, None, None, None, None],
        ["主管部门", "施甸县人民政府", None, "实施单位", "施甸县农业农村局", None, None],
        ["项目类别", "1、部门预算项目      2、市直专项     3、市对下转移支付项目 □", None, None, None, None, None],
        ["项目属性", "1、持续性项目        2、新增性项目 □", None, None, None, None, None],
        ["预算执行情况(万元)(20分)", None, "预算数(A)", "执行数(B)", "执行率(B/A)", None, None],
        [None, "年度财政资金总额", 1500.0, 0.0, 0.0, None, None],
        ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [None, "产出指标", "数量指标", "标准化圈舍面积(平方米)", 5000.0, None, None],
        [None, None, None, "办公用房面积(平方米)", 500.0, None, None],
        [None, None, None, "饲料加工用房面积(平方米)", 300.0, None, None],
        [None, None, None, "保种数量(头)", 300.0, None, None],
        [None, None, None, "年提供种猪数量(头)", 2000.0, None, None],
        [None, None, "质量指标", "工程合格率(%)", 95.0, None, None],
        [None, None, "时效指标", "项目竣工时间", "2023.12", None, None],
        [None, None, "成本指标", "投入资金(≥万元)", 1500.0, None, None],
        [None, "效益指标", None, "年新增畜牧产值 (万元)", 500.0, None, None],
        [None, None, None, "辐射带动养殖保山猪户数(户)", 300.0, None, None],
        [None, "满意度指标", "服务对象满意度指标", "项目业主满意度(%)", 95.0, None, None],
        ["总分", None, None, None, None, None, None],
        ["偏差大或目标未完成原因分析",
         "该项目由于受国土空间规划未全部结束影响,项目建设用地手续未全部办理完成,至今未形成实质性工程量,项目建设资金未形成支付。",
         None, None, None, None, None],
    ], ["A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:C4", "E4:G4", "B5:G5", "B6:G6", "A7:A8", "E7:G7", "E8:G8",
        "A9:A20", "B10:B17", "C10:C14", "B18:B19", "A21:F21", "B22:G22"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "保山猪保种场建设项目",
    "budget": 1500.0,
    "executed": 0.0,
    "execution_rate": 0.0,
    "budget_points": 20.0,
    "budget_score": 0.0,
    "weights": 100.0,
    "typed_total": None,
    "total": None,
    "why": ("every 实际完成值(B) and every 得分 is blank, and the 80 indicator points are given only as a section "
            "label (no 分值 per indicator), so no indicator can be scored; only the budget part is known (0 of 20)"),
    "grade": None,
    "contradictions": [
        {"cell": "G21", "severity": "警告", "what": "总分 left blank"},
        {"cell": "F10", "severity": "警告", "what": "实际完成值(B) and 得分 blank for all eleven indicators (F10:G20); the reason row says no work was done"},
        {"cell": "A9", "severity": "提示", "what": "年度绩效目标 declared 80分 but no 分值 per indicator, so the 80 cannot be checked against the rows"},
        {"cell": "E16", "severity": "提示", "what": "项目竣工时间 target 2023.12 lies two years after the year evaluated (2021)"},
    ],
    "hand": ("rate 0.00/1500 = 0 (typed 0.0000, consistent) → budget 0 × 20 = 0; indicators: no actuals, no scores, "
             "no per-indicator points → not computable; total None."),
}]
