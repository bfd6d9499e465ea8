"""区市场监督管理局（农业工作科） 2020年度 渔业成品油价格改革补贴（长江禁捕） — municipal-20-80, province not stated. A 效益指标 section with no indicator at all, 40 of the 80 indicator points on one satisfaction line whose 实际完成值 is the threshold '≥90%' rather than a measurement; no 分值 column."""

SOURCE = {
    "title": "2020年度长江禁捕项目自评表单位名称农业工作科填报日期.docx",
    "url": "https://1wenmi.com/doc/330418.html",
    "unit": "区市场监督管理局（单位名称：农业工作科；项目实施单位：农业科）",
    "province": "未载明（表式为“部门预算项目/市直专项/市对下转移支付项目”20/80自评表，湖北省、云南省均用；未证实）",
    "year": 2020,
    "complete": True,
    "note": ("Document-sharing mirror (第壹文秘) of a .docx, stored as OCR-like run-on text split into numbered "
             "chunks ('1、', '2、' are the site's chunk markers, not table text). The vertical side labels are "
             "scrambled in the stored text ('度效标O0B年绩目1分EB' = 年度绩效目标(80分); '出标产指' = 产出指标; "
             "'益标效指意指斥满度打' = 效益指标 + 满意度指标) and are written here as the template prints them. "
             "The 时效指标 row is split by a chunk marker ('12月底之前完成10' + '0%100%10'); read as 三级 "
             "'12月底之前完成', 100%, 100%, 10. The satisfaction row '90%290%40' is read as 年初目标值 90%, "
             "实际完成值 ≥90% (OCR '2' for '≥', as elsewhere in the 备注), 得分 40. Check-box glyphs are kept as "
             "stored ('0', '口'); which box is ticked cannot be told. 填报日期 is blank. The 效益指标 row has no "
             "二级/三级 indicator on the page. Only 备注 1 is kept; notes 2-3 are OCR-damaged and note 3 is cut "
             "('汇总时,以资金额度为')."),
}
FAMILY = "municipal-20-80"

SHEETS = [
    ("Sheet1", [
        ["2020年度长江禁捕项目自评表", None, None, None, None, None, None],
        ["单位名称:农业工作科", None, None, None, "填报日期:", None, None],
        ["项目名称", "渔业成品油价格改革补贴", None, None, None, None, None],
        ["主管部门", "区市场监督管理局", None, "项目实施单位", "农业科", None, None],
        ["项目类别", "1、部门预算项目0 2、市直专项口 3、市对下转移支付项目0", None, None, None, None, None],
        ["项目属性", "1、持续性项目 2、新增性项目0", None, None, None, None, None],
        ["项目类型", "1、常年性项目 2、延续性项目口 3、一次性项目0", None, None, None, None, None],
        ["预算执行情况(万元)(20分)", None, None, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        [None, "年度财政资金总额", None, 1.56, 1.56, 1.0, 20.0],
        ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [None, "产出指标", "数量指标", "补贴渔船数", 6.0, 6.0, 20.0],
        [None, None, "质量指标", "渔船补贴发放率", "100%", "100%", 10.0],
        [None, None, "时效指标", "12月底之前完成", "100%", "100%", 10.0],
        [None, "效益指标", None, None, None, None, None],
        [None, "满意度指标", "服务对象满意度", "退捕渔民抽样调查满意度", "90%", "≥90%", 40.0],
        ["总分", None, None, None, None, None, 100.0],
        ["偏差大或目标未完成原因分析", "无", None, None, None, None, None],
        ["改进措施及结果应用方案", "无", None, None, None, None, None],
        ["备注:1 .预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金实际支出数。", None, None, None, None, None, None],
    ], ["A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:C4", "E4:G4", "B5:G5", "B6:G6", "B7:G7",
        "A8:A9", "B8:C8", "B9:C9", "A10:A15", "B11:B13", "A16:F16", "B17:G17", "B18:G18", "A19:G19"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "渔业成品油价格改革补贴",
    "budget": 1.56,
    "executed": 1.56,
    "execution_rate": 1.0,
    "budget_points": 20.0,
    "budget_score": 20.0,
    "weights": 100.0,
    "typed_total": 100.0,
    "total": 100.0,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "F15", "severity": "警告", "what": "实际完成值 '≥90%' restates the threshold instead of a measured satisfaction rate, yet the full 40 points"},
        {"cell": "B14", "severity": "提示", "what": "效益指标 has no indicator and no points; 40 of the 80 indicator points sit on the one satisfaction line"},
    ],
    "hand": ("No 分值 column; points implied by the full scores: 20 + 10 + 10 + 40 = 80 = 年度绩效目标(80分). "
             "Budget 1.56/1.56 = 100% → 20. 补贴渔船数 6/6 → 20; 发放率 100%/100% → 10; 时效 100%/100% → 10; "
             "满意度: actual is text ('≥90%') for a numeric target → keep the typed 40 (flagged). Total 20 + 80 = 100 "
             "= typed 总分 → 优. Declared 20 + 80 = 100."),
}]
