"""棠溪镇人民政府 2022年度 委托业务项目 — national-form, 安徽. The 年度资金总额 line is 0 | 0 | 0 with 执行率 0 and
得分 0 while 其中:本年财政拨款 carries 90 | 89.974 | 89.974; the stored copy stops inside the 满意度 row."""

SOURCE = {
    "title": "附件: 项目支出绩效自评表 (2022年度)",
    "url": "http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2",
    "unit": "池州市贵池区棠溪镇人民政府",
    "province": "安徽",
    "year": 2022,
    "complete": False,
    "note": (
        "Stored copy of an uploaded .docx attachment (upload_cz/download) on a mirror host; the text opens with the "
        "document's metadata (author, dates, GUID), then '附件:' and the form, flattened with spaces between cells. "
        "Numbers fall under the header order: 年度资金总额: 0 0 0 10 0 0 = 年初预算数 | 全年预算数 | 全年执行数 | 分值 | "
        "执行率 | 得分; 其中:本年财政拨款 90 89.974 89.974 = 年初 | 全年预算 | 全年执行. 上年结转资金 and 其他资金 are empty. "
        "经济效益指标 appears with no indicator (an empty row). The copy ends at '满意度指标(10分) 满意度指标 公众满' — "
        "that row is cut mid-word and dropped, so the satisfaction indicator, 总分 and anything below are missing. "
        "'项目资金 (万元)' keeps the space of the stored text (a line break in the cell). Label spans are my rebuild "
        "of the 财预〔2020〕10号 layout in 9 columns."
    ),
}
FAMILY = "national-form"

SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["(2022年度)", None, None, None, None, None, None, None, None],
        ["项目名称", "委托业务项目", None, None, None, None, None, None, None],
        ["主管部门", "219-池州市贵池区棠溪镇人民政府", None, None, "实施单位", "219001-池州市贵池区棠溪镇人民政府", None, None, None],
        ["项目资金 (万元)", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额:", None, 0.0, 0.0, 0.0, 10.0, 0.0, 0.0],
        [None, "其中:本年财政拨款", None, 90.0, 89.974, 89.974, None, None, None],
        [None, "上年结转资金", None, None, None, None, None, None, None],
        [None, "其他资金", None, None, None, None, None, None, None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;30万元用于基建工程项目设计、规划、测绘。",
         None, None, None,
         "本项目共完成预算资金89.97万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;29.99万元用于基建工程项目设计、规划、测绘。",
         None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", 50.0, 8.0, 8.0, None],
        [None, None, "质量指标", "委托业务报告合格率", "≥100百分比", 100.0, 8.0, 8.0, None],
        [None, None, None, "经费支出合规性", "严格执行相关制度规定", "达成预期指标", 8.0, 8.0, None],
        [None, None, "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", 8.0, 8.0, None],
        [None, None, "成本指标", "项目总成本", "≤90万元", 90.0, 8.0, 8.0, None],
        [None, None, None, "单项业务成本", "符合相关规定", "达成预期指标", 10.0, 10.0, None],
        [None, "效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", 10.0, 10.0, None],
        [None, None, "生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", 10.0, 10.0, None],
        [None, None, "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标", 10.0, 10.0, None],
        [None, None, "经济效益指标", None, None, None, None, None, None],
    ], [
        "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4",
        "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
        "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",
        "A12:A22", "B13:B18", "C14:C15", "C17:C18", "B19:B22",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "委托业务项目",
    "budget": 89.974,     # the total line is 0, so the 其中:本年财政拨款 line carries the money
    "executed": 89.974,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 90.0,      # budget 10 + 产出 50 + 效益 30 visible; the 满意度指标(10分) row is cut
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "the stored copy stops inside the 满意度指标(10分) row; its 分值/得分 and the 总分 are missing",
    "contradictions": [
        {"cell": "D6", "severity": "错误", "what": "年度资金总额 年初预算数 0, but 其中:本年财政拨款 is 90"},
        {"cell": "E6", "severity": "错误", "what": "年度资金总额 全年预算数 0, but 其中:本年财政拨款 is 89.974"},
        {"cell": "F6", "severity": "错误", "what": "年度资金总额 全年执行数 0, but 其中:本年财政拨款 is 89.974"},
        {"cell": "H6", "severity": "错误", "what": "执行率 typed 0; 89.974 ÷ 89.974 = 100%"},
        {"cell": "I6", "severity": "错误", "what": "budget 得分 typed 0; 10 × 100% = 10"},
    ],
    "hand": "Total line 0/0/0, so use 其中: 89.974 / 89.974 = 100% → budget score 10 (typed 0). Indicators: 50 ≥ 50 → 8; "
            "100 ≥ 100 → 8; 经费支出合规性 qualitative → 8; 及时性 qualitative → 8; 总成本 ≤90, actual 90 → 8; 单项业务成本 "
            "qualitative → 10; 3 × 效果明显/达成预期指标 → 10 each. Visible sum 10 + 50 + 30 = 90.00 of 90 visible points; "
            "the 10-point satisfaction row is cut, so no total.",
}]

# Reviewed against the brief's own rules: the page is cut after 效益指标, so the declared points add to 90: the total is their sum (90.00) and no grade is given.
EXPECTED[0]['total'] = 90.0
EXPECTED[0]["contradictions"].append({"cell": "G21", "severity": "错误", "what": "the points on the stored page add to 90, not 100 (cut before 满意度指标)"})
