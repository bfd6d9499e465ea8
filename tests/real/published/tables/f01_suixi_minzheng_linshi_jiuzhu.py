"""濉溪县民政局 2019年度 临时救助 — other (绩效目标自评表: 分值 before 年度指标值), 安徽. Two targets missed or broken yet
full marks: 特困人员救助供养人数 4604 against ≥4754 keeps 5 of 5, and 扶贫临时救助标准 5830元/户 against a ceiling of
≤5300元/户 keeps 10 of 10; the 其中:本年财政拨款 line repeats the budget 分值/得分; the page stops in the 满意度 row."""

SOURCE = {
    "title": "(临时救助)绩效目标自评表 — 绩效目标自评表 (2019年度)",
    "url": "https://www.sxx.gov.cn/zwgk/public/811/56426371.html",
    "unit": "濉溪县民政局",
    "province": "安徽",
    "year": 2019,
    "complete": False,
    "note": (
        "Government page (濉溪县 信息公开) holding the form as an HTML table, stored with '|' between cells and an empty "
        "leading cell on most rows (the side-label column, printed empty: no '绩效指标' label is stored, so A of the "
        "indicator block is left empty). The stored copy ends inside the satisfaction row: '★受助对象满意度(≥**%) | 10 | "
        ">=9' — its 年度指标值 is cut mid-value and its 全年实际值/得分 and the 总分 row are missing, so that row is dropped "
        "(as in d04). The 其中:本年财政拨款 line is stored with 分值 10, 执行率 100% and 得分 10 of its own, repeating the "
        "total line; kept so. No 实施单位 line is printed. The ★ marks (core indicators) and the '(≥**人)' template "
        "placeholders are part of the printed indicator names and kept; '>=' / '<=' are stored as ASCII and kept. Label "
        "spans are my rebuild of the 绩效目标自评表 layout in 9 columns (same form as d02)."
    ),
}
FAMILY = "other:绩效目标自评表 — 资金情况 全年预算数(A)/全年执行数(B)/分值/执行率(B/A)/得分; 分值 column before 年度指标值/全年实际值"

N = None
SHEETS = [
    ("Sheet1", [
        ["绩效目标自评表 (2019年度)", N, N, N, N, N, N, N, N],
        ["项目名称", "临时救助", N, N, N, N, N, N, N],
        ["主管部门", "[155]濉溪县民政局", N, N, N, N, N, N, N],
        ["资金情况(万元)", N, N, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", N],
        [N, "年度资金总额:", N, 30.0, 30.0, 10.0, "100%", 10.0, N],
        [N, "其中:本年财政拨款", N, 30.0, 30.0, 10.0, "100%", 10.0, N],
        [N, "其他资金", N, N, N, N, N, N, N],
        ["年度总体目标", "年初设定目标", N, N, N, "年度总体目标完成情况综述", N, N, N],
        [N, "为建档立卡扶贫户解决临时性的困难", N, N, N,
         "全年救助建档立卡扶贫户临时救助87人次,救助资金30万元,完成目标任务。", N, N, N],
        [N, "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
        [N, "产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", 5.0, ">=21933人", "21980人", 5.0, N],
        [N, N, N, "★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)", 5.0, ">=9431人", "9453人", 5.0, N],
        [N, N, N, "★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", 5.0, ">=59人次", "87人次", 5.0, N],
        [N, N, N, "★★★特困人员救助供养人数(按月平均)(≥**人)", 5.0, ">=4754人", "4604人", 5.0, "特困人员实行动态管理"],
        [N, N, N, "扶贫临时救助人数(按月平均)(≥**人)", 10.0, ">=7人", "7人", 10.0, N],
        [N, N, "质量指标", "★农村低保标准(≥**元/人·月)", 5.0, ">=530元/人*月", "583元/人*月", 5.0, N],
        [N, N, N, "农村特困人员救助供养基本生活标准(≥**元/人·月)", 5.0, ">=570元/人*月", "758元/人*月", 5.0, N],
        [N, N, N, "扶贫临时救助标准(<**元/户·年)——一户年最高5300元", 10.0, "<=5300元/户", "5830元/户", 10.0, N],
        [N, "效益指标(30分)", "社会效益指标", "★★★受益建档立卡贫困人口数≥**人", 30.0, ">=80人", "87人", 30.0, N],
    ], [
        "A1:I1", "B2:I2", "B3:I3",
        "A4:A7", "B4:C4", "B5:C5", "B6:C6", "B7:C7",
        "A8:A9", "B8:E8", "F8:I8", "B9:E9", "F9:I9",
        "B11:B18", "C11:C15", "C16:C18",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "临时救助",
    "budget": 30.0,
    "executed": 30.0,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 90.0,      # budget 10 + 产出 50 + 效益 30 visible; the 满意度指标(10分) row is cut
    "typed_total": None,
    "total": 88.93,
    "grade": None,
    "why": "the stored copy stops inside the 满意度指标(10分) row: the visible 分值 add to 90, so no grade",
    "contradictions": [
        {"cell": "H14", "severity": "警告",
         "what": "特困人员救助供养人数 4604 against ≥4754 (96.8%): not met, yet the full 5 (rule: 5 × 4604/4754 = 4.84); "
                 "the reason given is only '特困人员实行动态管理'"},
        {"cell": "H18", "severity": "警告",
         "what": "扶贫临时救助标准 5830元/户 breaks the ceiling ≤5300元/户 (一户年最高5300元), yet the full 10 and no reason "
                 "(rule, as a reverse indicator: 10 × 5300/5830 = 9.09)"},
        {"cell": "F6", "severity": "提示",
         "what": "其中:本年财政拨款 carries its own 分值 10 and 得分 10, repeating the total line: the budget is 10 points once, not 20"},
        {"cell": "E19", "severity": "错误",
         "what": "as the page is stored (cut in the 满意度 row): 分值 add to 90 (10 + 50 + 30), not 100, so no grade"},
    ],
    "hand": ("Budget 30/30 = 100% (typed 100%) → 10 × 1 = 10 (typed 10); the 其中 line's repeated 分值/得分 not counted again. "
             "产出: 21980 ≥ 21933 → 5; 9453 ≥ 9431 → 5; 87 ≥ 59 → 5; 4604/4754 = 0.968448 → 5 × 0.968448 = 4.8422; 7 ≥ 7 → 10; "
             "583 ≥ 530 → 5; 758 ≥ 570 → 5; 5830 vs ≤5300 (reverse) → 10 × 5300/5830 = 9.0909. 产出 sum 48.9331 of 50 "
             "(label 50分 = 5+5+5+5+10+5+5+10 ✓). 效益: 87 ≥ 80 → 30 (label 30分 ✓). Total 10 + 48.9331 + 30 = 88.9331 → 88.93 "
             "of 90 visible points; the typed scores add to 90 (10 + 50 + 30). No 总分 row stored."),
}]
