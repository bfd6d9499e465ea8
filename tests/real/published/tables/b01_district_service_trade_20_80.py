"""区商务局 2020年度 市级服务贸易发展资金 — municipal-20-80, province not stated (湖北/云南 template). The typed 总分 is 100 while its own lines add to 120: 预算执行 20 + 产出指标(60分) + 效益指标(40分), all at full marks, under a 年度绩效目标(80分) label; no 分值 column at all."""

SOURCE = {
    "title": "12---【市财政局、市商务局拨付2020年市级服务贸易发展资金的通知】项目自评表.doc",
    "url": "https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html",
    "unit": "区商务局（项目实施单位：投资促进中心）",
    "province": "未载明（表式为湖北省、云南省通用的“部门预算项目/市直专项/市对下转移支付项目”20/80自评表；推定湖北省，未证实）",
    "year": 2020,
    "complete": True,
    "note": ("Document-sharing mirror of a .doc; the text is a PDF-style extraction in column order, so the grid is "
             "rebuilt from the printed form's logic: 预算执行情况(万元)(20分) and 年度绩效目标(80分) are the left-hand "
             "vertical labels; 一级/二级 labels are merged down. Line-wrap spaces inside CJK labels were removed "
             "(e.g. '年度财政 资金总额' -> '年度财政资金总额', '2020 年' -> '2020年', '(20 分)' -> '(20分)'). "
             "The tick marks of 项目类别/项目属性/项目类型 are not stored; the stray '□' are kept where they stand. "
             "Where 质量指标 sits is inferred (the extraction prints that label after 总分); its one row is "
             "企业国际质量提升. The 备注 is cut mid-sentence after note 2 ('定量指标计分原则:正'): that fragment is "
             "dropped. The unit name is only '区商务局'; the city and province are not on the page."),
}
FAMILY = "municipal-20-80"

SHEETS = [
    ("Sheet1", [
        ["2020年市级服务贸易发展资金项目自评表", None, None, None, None, None, None],
        ["单位名称:区商务局", None, None, None, "填报日期:2021年4月22日", None, None],
        ["项目名称", "2020年市级服务贸易发展资金", None, None, None, None, None],
        ["主管部门", "区商务局", None, "项目实施单位", "投资促进中心", None, None],
        ["项目类别", "1、部门预算项目 2、区直专项 □", None, None, None, None, None],
        ["项目属性", "1、持续性项目 2、新增性项目 □", None, None, None, None, None],
        ["项目类型", "1、常年性项目 2、延续性项目 □ 3、一次性项目 □", None, None, None, None, None],
        ["预算执行情况(万元)(20分)", None, None, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        [None, "年度财政资金总额", None, 285.84, 285.84, 1.0, 20.0],
        ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [None, "产出指标(60分)", "数量指标", "服务外包在岸(万美元)", 20000.0, 23333.56, 10.0],
        [None, None, None, "服务外包离岸(万美元)", 4500.0, 4557.51, 10.0],
        [None, None, None, "支持服务贸易、服务外包企业数量", 3.0, 3.0, 10.0],
        [None, None, "质量指标", "企业国际质量提升", "获得目的国(地区)受众欢迎", "受目的国受众欢迎显著", 10.0],
        [None, None, "时效指标", "预算资金执行率", "90%", "100%", 10.0],
        [None, None, None, "资金拨付及时性", "98%以上", "100%", 10.0],
        [None, "效益指标(40分)", "社会效益指标", "企业把握政治导向和文化方向情况", "企业把握正确政治导向和文化方向情况的评价", "企业较好把握正确政治导向和文化方向情况的评价", 20.0],
        [None, None, "可持续影响指标", "推动企业走出去方面发挥的作用", "是否利于企业走出去", "有利于推动企业走出去", 20.0],
        ["总分", None, None, None, None, None, 100.0],
        ["偏差大或目标未完成原因分析", None, None, None, None, None, None],
        ["改进措施及结果应用方案", None, None, None, None, None, None],
        ["单位主要负责人签批意见", "签名: 年 月 日", None, None, None, None, None],
        ["备注: 1.预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金实际支出数。 2.定量指标完成数汇总原则:绝对值直接累加计算,相对值按照资金额度加权平均计算。", None, None, None, None, None, None],
    ], ["A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:C4", "E4:G4", "B5:G5", "B6:G6", "B7:G7",
        "A8:A9", "B8:C8", "B9:C9", "A10:A18", "B11:B16", "C11:C13", "C15:C16", "B17:B18",
        "A19:F19", "B20:G20", "B21:G21", "B22:G22", "A23:G23"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "2020年市级服务贸易发展资金",
    "budget": 285.84,
    "executed": 285.84,
    "execution_rate": 1.0,
    "budget_points": 20.0,
    "budget_score": 20.0,
    "weights": 120.0,
    "typed_total": 100.0,
    "total": 120.0,
    "grade": None,
    "why": "",
    "contradictions": [
        {"cell": "G19", "severity": "错误", "what": "总分 typed 100; the form's own scores add to 120 (预算执行 20 + 产出 6×10 = 60 + 效益 2×20 = 40)"},
        {"cell": "A10", "severity": "错误", "what": "年度绩效目标(80分), but its sub-sections are 产出指标(60分) + 效益指标(40分) = 100; with the 20-point budget line the form declares 120 points, not 100"},
        {"cell": "D15", "severity": "提示", "what": "预算资金执行率 is scored again as a 时效指标 (10 points) although the budget block already scores execution (20 points): double counting"},
    ],
    "hand": ("No 分值 column: per-indicator points are only implied by full marks under the section labels "
             "(产出指标(60分) = 6 rows × 10; 效益指标(40分) = 2 rows × 20). Budget 285.84/285.84 = 100% → 20. "
             "在岸 23333.56/20000 ≥ 1 → 10; 离岸 4557.51/4500 ≥ 1 → 10; 企业数量 3/3 → 10; 质量 (text) keep 10; "
             "预算资金执行率 100% vs 90% → 10; 资金拨付及时性 100% vs 98%以上 → 10; 社会效益 (text) keep 20; "
             "可持续 (text) keep 20. Total 20 + 60 + 40 = 120. Declared points 20 + 60 + 40 = 120 ≠ 100 → grade None."),
}]
