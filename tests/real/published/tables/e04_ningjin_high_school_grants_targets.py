"""宁晋县教育局 2019年度 高中助学金 绩效评价指标表 — other (a targets-and-points table), 河北. Published among the
county's 决算信息 as the project's evaluation sheet, it prints 目标值 and 分值 only (7 indicators, 总分 100) and no
完成值, no 得分 and no budget: nothing on it can be scored; 满意度 sits under 质量指标, 资金支出率 under 数量指标."""

SOURCE = {
    "title": "2019年度宁晋县高中助学金项目绩效评价指标表",
    "url": "https://www.ningjin.gov.cn/content/26279.html",
    "unit": "宁晋县教育局（发布机构：教育局）",
    "province": "河北",
    "year": 2019,
    "complete": True,
    "note": ("Government page (宁晋县人民政府, 体裁分类 决算信息, 2020-12-02) that prints the attached "
             "'2019年度宁晋县高中助学金项目绩效评价指标表.xlsx' as flattened text. Columns as its header: 评价指标 | "
             "评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注. '项目年度绩效目标(定量指标)' is the 评价指标 of every "
             "row (merged down). The first row is stored as '制度指标 规章制度建立与否 20': 制度指标 taken as 评价内容, "
             "规章制度建立与否 as 指标名称, 指标说明 and 目标值 empty. '产出 数量指标' is one wrapped 评价内容 cell, kept as "
             "'产出数量指标'. 质量指标 covers 建档立卡学生全面覆盖 and 资助对象满意度 (as stored); 数量指标 covers "
             "享受资助人数 and 资金支出率. Rows with no 指标说明 stored keep it empty. 总分 100 stands in the 分值 column. "
             "Percentages are text as on the page."),
}
FAMILY = "other: 绩效评价指标表 (指标名称 | 指标说明 | 目标值 | 分值; no 完成值, 得分 or budget)"

N = None
SHEETS = [
    ("Sheet1", [
        ["2019年度宁晋县高中助学金项目绩效评价指标表", N, N, N, N, N, N],
        ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"],
        ["项目年度绩效目标(定量指标)", "制度指标", "规章制度建立与否", N, N, 20.0, N],
        [N, "产出数量指标", "享受资助人数", "达到预计值", 2100.0, 10.0, N],
        [N, N, "资金支出率", "达到目标值", "95%", 10.0, N],
        [N, "质量指标", "建档立卡学生全面覆盖", N, "100%", 10.0, N],
        [N, N, "资助对象满意度", "达到目标值", "95%以上", 10.0, N],
        [N, "时效指标", "及时发放率", "达到目标值", "100%", 20.0, N],
        [N, "成本指标", "资助标准达标率", N, "100%", 20.0, N],
        ["总分", N, N, N, N, 100.0, N],
    ], ["A1:G1", "A3:A9", "B4:B5", "B6:B7", "A10:E10"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": None,  # no 项目名称 label; the title names the project (高中助学金项目) with its year and county
    "budget": None,
    "executed": None,
    "execution_rate": None,
    "budget_points": None,
    "budget_score": None,
    "weights": 100.0,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "a targets table: no 完成值 and no 得分 column, no budget — there is nothing to score",
    "contradictions": [
        {"cell": "C7", "severity": "提示", "what": "资助对象满意度 filed under 质量指标, not a 满意度 section"},
        {"cell": "C5", "severity": "提示", "what": "资金支出率 (an execution rate) filed as a 数量指标, with no budget on the sheet"},
        {"cell": "C3", "severity": "提示", "what": "规章制度建立与否 carries 20 points with neither 指标说明 nor 目标值"},
    ],
    "hand": ("分值 20 + 10 + 10 + 10 + 10 + 20 + 20 = 100 = 总分 (F10): consistent. No 完成值, no 得分, no 预算数/执行数: no "
             "indicator can be scored and no total or grade follows; a reviewer reads the sheet and says once that it holds "
             "targets only. The title names the project, but there is no 项目名称 cell."),
}]
