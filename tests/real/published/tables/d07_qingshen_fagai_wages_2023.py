"""青神县发展和改革局 2023年度 工资性支出 — integrated-form (预算管理一体化), 四川. Filed unfinished: the budget line's
得分, both indicators' 完成值 and 得分, and the 合计 得分 are blank, and the form's own instructions still stand in
实际完成情况, 评价结论, 存在问题 and 改进措施. Tried after the session's work, as a table no test was tuned to."""

SOURCE = {
    "title": "部门预算项目支出绩效自评表(2023年度) 51000021R000000019951-工资性支出",
    "url": "https://www.scqs.gov.cn/info/13206/211004.htm",
    "unit": "青神县发展和改革局",
    "province": "四川",
    "year": 2023,
    "complete": True,
    "note": ("The stored page prints the form cell by cell ('|' between cells); the grid is rebuilt in the form's own "
             "column order (报表编号 line dropped). Blank cells stay blank; '/' marks stay where they stand."),
}
FAMILY = "integrated-form"

N = None
SHEETS = [
    ("Sheet1", [
        ["部门预算项目支出绩效自评表(2023年度)", N, N, N, N, N, N, N, N, N, N],
        ["项目名称", "51000021R000000019951-工资性支出", N, N, N, N, N, N, N, N, N],
        ["主管部门", "青神县发展和改革局本级", N, N, N, N, "实施单位 (盖章)", "青神县发展和改革局", N, N, N],
        ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", N, N, N, "年度目标完成情况", N, N, N, N],
        [N, N, "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。", N, N, N,
         "对照年度目标,说明相关任务目标的完成情况(100字以内)", N, N, N, N],
        [N, "2.项目实施内容及过程概述", N, N, N, N, N, N, N, N, N],
        ["预算执行情况(10分)", "年度预算数(万元)", N, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因", N],
        [N, "总额", N, 238.93, 251.89, 251.89, "100.00%", 10, N,
         "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),"
         "应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.", N],
        [N, "其中:财政资金", N, 238.93, 251.89, 251.89, "100.00%", "/", "/", N, N],
        [N, "财政专户管理资金", N, 0.0, 0.0, 0.0, "0.00%", "/", "/", N, N],
        [N, "单位资金", N, 0.0, 0.0, 0.0, "0.00%", "/", "/", N, N],
        [N, "其他资金", N, N, N, N, N, "/", "/", N, N],
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
        [N, "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", N, 60, N, N],
        [N, "效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", N, 30, N, N],
        ["合计", N, N, N, N, N, N, N, 100, N, N],
        ["评价结论", "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)", N, N, N, N, N, N, N, N, N],
        ["存在问题", "结合自评情况,分析存在的问题及原因。(200字以内)", N, N, N, N, N, N, N, N, N],
        ["改进措施", "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)", N, N, N, N, N, N, N, N, N],
        ["项目负责人:", N, N, N, N, N, "财务负责人:", N, N, N, N],
    ], ["A1:K1", "B2:K2", "A4:A6", "A7:A12", "A13:A15"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "51000021R000000019951-工资性支出",
    "budget": 251.89,
    "executed": 251.89,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": None,
    "weights": 100.0,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "both indicators have neither 完成值 nor 得分: the total cannot be worked out",
    "contradictions": [
        {"cell": "I8", "severity": "警告", "what": "the budget line's 得分 is blank (execution 100% would give 10)"},
        {"cell": "H14", "severity": "警告", "what": "发放(缴纳)覆盖率 has no 完成值"},
        {"cell": "J14", "severity": "警告", "what": "发放(缴纳)覆盖率 has no 得分"},
        {"cell": "H15", "severity": "警告", "what": "足额保障率(参保率) has no 完成值"},
        {"cell": "J15", "severity": "警告", "what": "足额保障率(参保率) has no 得分"},
        {"cell": "G5", "severity": "警告", "what": "实际完成情况 (and 评价结论/存在问题/改进措施) still hold the form's instructions"},
    ],
    "hand": ("调整后预算数 251.89, 执行数 251.89 → 100%, 10 points by the rule but typed blank. Indicators 60 + 30 + budget 10 = "
             "100. No 完成值 and no 得分 on either indicator: no total, no grade. 年初 238.93 → 调整后 251.89 is a mid-year "
             "addition the 原因 column does not explain (a 提示 at most)."),
}]
