"""An unnamed 大英县 unit, 铁路沿线环境及安全整治 project (year not on the page) — integrated-form, 四川. Tail of a
510000_0013zp export: every indicator has a 完成值 and a 权重 but every 得分 cell — and the 合计 得分 — is blank."""

SOURCE = {
    "title": "(page 63 of a 大英县 department 决算 article; no heading on the stored page)",
    "url": "https://dyrmt.com/article-133731-63.html",
    "unit": "unknown 大英县 unit (published on dyrmt.com, the 大英县 county media site)",
    "province": "四川",
    "year": None,
    "complete": False,
    "note": (
        "The stored page is one page of a paginated 决算 article and begins in the middle of a project's "
        "绩效指标 block, at the last 时效指标 row ('安全警示标志设置及时率'); the form title, 项目名称, 主管部门, the "
        "budget block (预算执行情况(10分)), the 绩效指标 header and the 数量/质量 indicator rows are on the previous "
        "page (article-133731-62), which is not stored. The project is evidently the unit's 铁路沿线环境及安全整治 "
        "item (from the indicator names); its exact name, the unit and the year are not on the page (the article "
        "id is close to other 大英县 2022年度决算 articles, so 2022年度 is likely but unconfirmed). "
        "Columns follow the 11-column export (A 绩效指标(90分) label column, B 一级, C 二级, D 三级, E 指标性质, F 指标值, "
        "G 度量单位, H 完成值, I 权重, J 得分, K 未完成原因分析); the first row's 一级/二级 (产出指标/时效指标) are merged "
        "down from the unstored page, so they are None here. Each row's 得分 and 未完成原因分析 cells are stored empty; "
        "so are 存在问题, 改进措施 and both signature names."
    ),
}
FAMILY = "integrated-form"

SHEETS = [
    ("Sheet1", [
        [None, None, None, "安全警示标志设置及时率", "=", 100.0, "%", 100.0, 5.0, None, None],
        [None, None, "成本指标", "安全隐患排查成本预算", "=", 6.0, "万元", 6.0, 5.0, None, None],
        [None, None, None, "警示标志设置成本预算", "=", 5.0, "万元", 5.0, 5.0, None, None],
        [None, None, None, "清理垃圾成本预算", "=", 4.0, "万元", 4.0, 5.0, None, None],
        [None, "效益指标", "社会效益指标", "环境治理亮化美化率", "≥", 90.0, "%", 93.0, 10.0, None, None],
        [None, None, None, "安全隐患排查有效处置率", "≥", 90.0, "%", 91.0, 10.0, None, None],
        [None, None, "可持续影响指标", "铁路沿线环境及安全整治管理机制健全性", "定性", "优良中低差", None, "优", 10.0, None, None],
        [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", 95.0, "%", 96.0, 10.0, None, None],
        ["合计", None, None, None, None, None, None, None, 100.0, None, None],
        ["评价结论", "预算编制质量较高,完成预算目标,总体评价良好。", None, None, None, None, None, None, None, None, None],
        ["存在问题", None, None, None, None, None, None, None, None, None, None],
        ["改进措施", None, None, None, None, None, None, None, None, None, None],
        ["项目负责人:", None, None, None, None, "财务负责人:", None, None, None, None, None],
    ], [
        "A1:A8", "C2:C4", "B5:B7", "C5:C6",
        "A9:H9", "B10:K10", "B11:K11", "B12:K12", "A13:E13", "F13:K13",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": None,  # 项目名称 is on the unstored previous page
    "budget": None,
    "executed": None,
    "execution_rate": None,
    "budget_points": None,
    "budget_score": None,
    "weights": 60.0,  # the eight visible indicators; 合计 says 100 (budget 10 + 30 more indicator points off-page)
    "typed_total": None,  # 合计 得分 (J9) is blank
    "total": None,
    "grade": None,
    "why": "fragment: the budget block and the first indicators are on the unstored previous page, and every "
           "得分 cell on this page is blank",
    "contradictions": [
        {"cell": "J1", "severity": "警告", "what": "得分 blank; 完成值 100 meets = 100 % (权重 5)"},
        {"cell": "J2", "severity": "警告", "what": "得分 blank; 完成值 6 meets = 6 万元 (权重 5)"},
        {"cell": "J3", "severity": "警告", "what": "得分 blank; 完成值 5 meets = 5 万元 (权重 5)"},
        {"cell": "J4", "severity": "警告", "what": "得分 blank; 完成值 4 meets = 4 万元 (权重 5)"},
        {"cell": "J5", "severity": "警告", "what": "得分 blank; 完成值 93 meets ≥ 90 % (权重 10)"},
        {"cell": "J6", "severity": "警告", "what": "得分 blank; 完成值 91 meets ≥ 90 % (权重 10)"},
        {"cell": "J7", "severity": "警告", "what": "得分 blank on a 定性 indicator (完成值 优, 权重 10): no unit score to keep"},
        {"cell": "J8", "severity": "警告", "what": "得分 blank; 完成值 96 meets ≥ 95 % (权重 10)"},
        {"cell": "J9", "severity": "警告", "what": "合计 得分 blank"},
    ],
    "hand": "Visible 权重 5+5+5+5+10+10+10+10 = 60 of the 合计 100. By the rules the quantitative rows would score in full "
            "(100/100, 6/6, 5/5, 4/4, 93≥90, 91≥90, 96≥95 → 50 points), the 定性 row has no typed 得分 to keep, and the "
            "budget line plus 30 indicator points are off-page — no total can be computed.",
}]

# Reviewed against the brief's own rules: the stored page starts inside the indicator block, below its header and above nothing else: no header of either block is on it, so the tool says what it found and reads nothing.
EXPECTED[0]['unreadable'] = True
