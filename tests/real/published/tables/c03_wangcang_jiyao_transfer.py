"""旺苍县卫生健康局 2021年度 基本药物制度补助资金 — transfer, 四川. 转移支付区域(项目)绩效目标自评表 with no 分值/得分; 471.23 written in 元 where 万元 is meant, a coverage-rate indicator answered with counts; page stops in 质量指标."""

SOURCE = {
    "title": "旺苍县卫生健康局基本药物制度补助资金转移支付区域(项目)绩效目标自评表",
    "url": "https://scgw.gov.cn/Detail.aspx?id=20220601112823798",
    "unit": "旺苍县卫生健康局",
    "province": "四川省",
    "year": 2021,
    "complete": False,
    "note": ("Stored as flattened text (cells separated by spaces, no cell markers); grid rebuilt from the standard "
             "区域绩效自评表 layout. The page stops at '指标2:村卫生' in 质量指标; that row was dropped, and the rest "
             "(时效/成本/效益/满意度 indicators, 说明) is missing. The 一级指标 cell (产出指标) is not in the stored text: "
             "the 数量指标 row starts after an empty cell, so B is left empty. No '绩效指标' side label is stored either "
             "(A left empty). 中央主管部门 is printed empty. Label '转移(项目)名称' is printed without '支付'. Leading "
             "indentation of '其中:中央补助' etc. dropped."),
}
FAMILY = "transfer"

SHEETS = [
    ("Sheet1", [
        ["旺苍县卫生健康局基本药物制度补助资金转移支付区域(项目)绩效目标自评表", None, None, None, None, None, None],
        ["(2021年度)", None, None, None, None, None, None],
        ["转移(项目)名称", "基本药物制度补助资金", None, None, None, None, None],
        ["中央主管部门", None, None, None, None, None, None],
        ["地方主管部门", "旺苍县卫生健康局", None, "资金使用单位", "旺苍县卫生健康局", None, None],
        ["项目资金(万元)", None, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", None, None],
        [None, "年度资金总额:", 2300.67, 2300.67, 1.0, None, None],
        [None, "其中:中央补助", 442.43, 442.43, 1.0, None, None],
        [None, "地方资金", 1858.24, 1858.24, 1.0, None, None],
        [None, "其他资金", None, None, None, None, None],
        ["总体目标完成情况", "总体目标", None, None, "全年实际完成情况", None, None],
        [None, "实施基本药物制度,按照专款专用的原则把财政安排的补助资金统筹安排使用,保障基层医疗机构和村级卫生室正常运转,确保国家基本药物制度顺利实施。", None, None,
         "年度完成基层医疗卫生机构实施基本药物制度补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元;其中完成村卫生室实施基本药物制度补助471.23元,其中中央补助189.63万元,地方财政补助281.6万元", None, None],
        [None, "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        [None, None, "数量指标", "指标1:政府办基层医疗卫生机构实施国家基本药物制度覆盖率",
         "实施乡镇社区基层医疗机构37个。", "本年度已完成37个基层医疗机构基药补助制度实施。", None],
        [None, None, None, "指标2:村卫生室实施国家基本药物制度",
         "实施基本药物制度补助村卫生室352个。", "本年度已完成352个村卫生室基药补助的实施。", None],
        [None, None, "质量指标", "指标1:基层医疗卫生机构实施基本药物制度补助。", "37个基层医疗机构", "100%", None],
    ], ["A1:G1", "A2:G2", "B3:G3", "B4:G4", "B5:C5", "E5:G5", "E6:G6", "A6:A10", "A11:A12",
        "B11:D11", "E11:G11", "B12:D12", "E12:G12", "C14:C15"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "基本药物制度补助资金",
    "budget": 2300.67,
    "executed": 2300.67,
    "execution_rate": 1.0,
    "budget_points": None,
    "budget_score": None,
    "weights": None,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "no points",
    "contradictions": [
        {"cell": "E12", "severity": "提示", "what": "村卫生室补助 written '471.23元' while its parts are 189.63万元 + 281.6万元 = 471.23万元: unit slip (元 for 万元)"},
        {"cell": "E14", "severity": "提示", "what": "indicator is a 覆盖率 (rate) but its 年度指标值/全年完成值 are counts ('37个'), no rate stated"},
        {"cell": "F16", "severity": "提示", "what": "年度指标值 '37个基层医疗机构' (a count) answered '100%' (a rate): target and actual in different units"},
    ],
    "hand": ("Budget 2300.67, executed 2300.67, rate 1.0 (typed 100%, agrees). 其中 lines: 442.43 + 1858.24 = 2300.67 = total; "
             "both columns agree. No 分值/得分 anywhere, no 总分: total None."),
}]
