"""衡山县商务和粮食局 2020年度 县级储备粮 — other: 湖南 县级专项资金绩效目标自评表 without 分值/得分, 湖南. A 100% target answered '无', a '290%' 满意度 target, and the 绩效指标/效益指标 labels printed again after a page break."""

SOURCE = {
    "title": "2020年度县级专项资金绩效目标自评表.docx",
    "url": "https://taowenge.com/p-72820237.html",
    "unit": "衡山县商务和粮食局（实施单位：粮食调控储备与产业发展股）",
    "province": "湖南",
    "year": 2020,
    "complete": True,
    "note": ("Stored as the document-sharing site's text preview of the docx (three pages run together, no cell "
             "separators); the table itself is complete, the 注 under it is cut after '共同投入到同一项目的自'. "
             "Labels wrapped inside cells are joined (e.g. '5000吨稻谷、500吨成 品粮储备到位率'). The form has no "
             "分值 or 得分 columns. The satisfaction target is stored as '290%' — probably '≥90%' badly rendered — "
             "and kept as stored. At the top of page 2 the side labels '绩效指标' and '效益指标' appear again, so the "
             "merged blocks are split there. 项目资金 has no 年初预算数 column."),
}
FAMILY = "other:湖南县级专项资金绩效目标自评表 — 全年预算数(A)/全年执行数(B)/执行率(B/A); 年度指标值/全年完成值; no 分值/得分"

SHEETS = [
    ("Sheet1", [
        ["2020年度县级专项资金绩效目标自评表", None, None, None, None, None, None],
        ["专项资金名称", "县级储备粮", None, None, "负责人及电话", "旷建成、向建军", None],
        ["县级主管部门", "衡山县商务和粮食局", None, None, "实施单位", "粮食调控储备与产业发展股", None],
        ["项目资金(万元)", None, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", None, None],
        [None, "年度资金总额", 194.9, 194.9, 1.0, None, None],
        [None, "其中:中央、省、市补助县级资金", 194.9, 194.9, 1.0, None, None],
        [None, "其他资金", None, None, None, None, None],
        ["年度总体目标", "年初设定目标", None, None, "全年实际完成情况", None, None],
        [None, "保持和稳定地方粮食储备机制", None, None, "地方储备粮食规模达标", None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        [None, "产出指标", "数量指标", "5000吨稻谷、500吨成品粮储备到位率", "100%", "100%", None],
        [None, None, None, "库存数量真实率", "100%", "100%", None],
        [None, None, "质量指标", "县级储备粮管理制度严格执行率", "100%", "100%", None],
        [None, None, None, "储备粮管理专户管理率", "100%", "100%", None],
        [None, None, None, "县级储备粮库存粮食明显变质比例", 0.0, 0.0, None],
        [None, None, "时效指标", "县级储备粮贷款付息及时率", "100%", "100%", None],
        [None, None, None, "县级储备粮应急保障率", "100%", "100%", None],
        [None, None, "成本指标", "国家政策性粮收购价格执行率", "100%", "100%", None],
        [None, None, None, "县级储备粮库存成本核算率", "100%", "100%", None],
        [None, "效益指标", "经济效益指标", "利息费用保障率", "100%", "100%", None],
        [None, None, None, "政策性挂账利息补贴保障率", "100%", "无", "没有轮换、动用库存"],
        ["绩效指标", "效益指标", "生态效益指标", "低温、低氧、低剂量科学保粮率", "100%", "100%", None],
        [None, None, None, "食品安全指标达标率", "100%", "100%", None],
        [None, None, "可持续影响指标", "粮食储备设备维护及安全性", "高", "高", None],
        [None, "满意度指标", "服务对象满意度指标", "因粮食市场波动引起的粮食安全事件发生数", "0起", "0起", None],
        [None, None, None, "市民满意度调查", "290%", "100%", None],
        ["说明", "无", None, None, None, None, None],
    ], ["A1:G1", "B2:D2", "F2:G2", "B3:D3", "F3:G3", "A4:A7", "E4:G4", "E5:G5", "E6:G6", "E7:G7",
        "A8:A9", "B8:D8", "E8:G8", "B9:D9", "E9:G9", "A10:A21", "B11:B19", "C11:C12", "C13:C15", "C16:C17",
        "C18:C19", "B20:B21", "C20:C21", "A22:A26", "B22:B24", "C22:C23", "B25:B26", "C25:C26", "B27:G27"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "县级储备粮",
    "budget": 194.9,
    "executed": 194.9,
    "execution_rate": 1.0,
    "budget_points": None,
    "budget_score": None,
    "weights": None,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "no points: the form has no 分值 or 得分 columns and no 总分",
    "contradictions": [
        {"cell": "F21", "severity": "警告", "what": "政策性挂账利息补贴保障率 target 100%, 全年完成值 '无' (not met; reason given: 没有轮换、动用库存)"},
        {"cell": "E26", "severity": "警告", "what": "市民满意度 target typed '290%' — impossible for a satisfaction rate (likely ≥90%)"},
    ],
    "hand": ("rate 194.9/194.9 = 1 (typed 100%, also on the 其中 line); no 分值/得分 anywhere, so no budget score, "
             "no indicator scores and no total; all other indicators show the target reached."),
}]
