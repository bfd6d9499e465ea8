"""An unnamed 大英县 unit, a wage/social-insurance project (name and year not on the page) — integrated-form, 四川.
Tail of a 510000_0013zp export starting at the first indicator row: four indicators of 22.5 points each, every
完成值 and 得分 blank, 合计 100, yet the 评价结论 says '及时、足额缴纳'."""

SOURCE = {
    "title": "(page 22 of a 大英县 department 决算 article; no heading on the stored page)",
    "url": "https://dyrmt.com/article-132779-22.html",
    "unit": "unknown 大英县 unit (published on dyrmt.com, the 大英县 county media site)",
    "province": "四川",
    "year": None,
    "complete": False,
    "note": (
        "The stored page is one page of a paginated 决算 article and begins with the first row of a project's 绩效指标 "
        "block ('产出指标 数量指标 足额保障率'); the form title, 项目名称, 主管部门, the budget block (预算执行情况(10分)) "
        "and the 绩效指标 header row are on the previous page (article-132779-21), which is not stored. The text is "
        "run together without separators: '足额保障率=100% 22.5' is read as 指标性质 '=' | 指标值 100 | 度量单位 '%' | "
        "权重 22.5, with 完成值 and 得分 empty (nothing else is stored between them), as in the 11-column export of d05/d07 "
        "(A 绩效指标(90分) label column, B 一级, C 二级, D 三级, E 指标性质, F 指标值, G 度量单位, H 完成值, I 权重, J 得分, "
        "K 未完成原因分析). '结余率(计算方法为:结余数/预算数)' is one 三级指标 name. The project is evidently a 工资/社保 "
        "item (足额保障率, 按时发放率, '及时、足额缴纳'), like d07's 工资性支出; the exact name, unit and year are not on "
        "the page. 存在问题 and 改进措施 read '暂无'; both signature names are empty."
    ),
}
FAMILY = "integrated-form"

N = None
SHEETS = [
    ("Sheet1", [
        [N, "产出指标", "数量指标", "足额保障率", "=", 100.0, "%", N, 22.5, N, N],
        [N, N, N, "科目调整次数", "≤", 10.0, "次", N, 22.5, N, N],
        [N, N, "时效指标", "按时发放率", "=", 100.0, "%", N, 22.5, N, N],
        [N, "效益指标", "经济效益指标", "结余率(计算方法为:结余数/预算数)", "≤", 5.0, "%", N, 22.5, N, N],
        ["合计", N, N, N, N, N, N, N, 100.0, N, N],
        ["评价结论", "及时、足额缴纳。", N, N, N, N, N, N, N, N, N],
        ["存在问题", "暂无", N, N, N, N, N, N, N, N, N],
        ["改进措施", "暂无", N, N, N, N, N, N, N, N, N],
        ["项目负责人:", N, N, N, N, "财务负责人:", N, N, N, N, N],
    ], ["A1:A4", "B1:B3", "C1:C2", "A5:H5", "B6:K6", "B7:K7", "B8:K8", "A9:E9", "F9:K9"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": None,  # 项目名称 is on the unstored previous page
    "budget": None,
    "executed": None,
    "execution_rate": None,
    "budget_points": None,
    "budget_score": None,
    "weights": 90.0,  # the four visible indicators; 合计 says 100 (budget 10 off-page)
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "fragment: the 绩效指标 header and the budget block are on the unstored previous page; every 完成值 and 得分 is blank",
    "contradictions": [
        {"cell": "H1", "severity": "警告", "what": "足额保障率 has no 完成值"},
        {"cell": "J1", "severity": "警告", "what": "足额保障率 has no 得分"},
        {"cell": "H2", "severity": "警告", "what": "科目调整次数 has no 完成值"},
        {"cell": "J2", "severity": "警告", "what": "科目调整次数 has no 得分"},
        {"cell": "H3", "severity": "警告", "what": "按时发放率 has no 完成值"},
        {"cell": "J3", "severity": "警告", "what": "按时发放率 has no 得分"},
        {"cell": "H4", "severity": "警告", "what": "结余率 has no 完成值"},
        {"cell": "J4", "severity": "警告", "what": "结余率 has no 得分"},
        {"cell": "J5", "severity": "警告", "what": "合计 得分 blank"},
        {"cell": "B6", "severity": "提示", "what": "评价结论 '及时、足额缴纳' claims results no 完成值 on the form records"},
    ],
    "hand": ("Visible 权重 22.5 × 4 = 90; with the off-page budget line's 10 the 合计 100 adds up. No 完成值 and no 得分 on "
             "any row: nothing can be scored even on this page, and the budget is off-page — no total. As for d05, the "
             "page begins below the 绩效指标 header, so neither block's header is on it: the tool should say what it "
             "found (a sheet that looks like a 自评表) and read nothing."),
    "unreadable": True,
}]
