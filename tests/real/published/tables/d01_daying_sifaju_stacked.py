"""大英县司法局 2023年度 two stacked project forms (tail of one + 安可替代补助资金项目) — integrated-form, 四川.
The stored page starts inside one project's 绩效指标 block and stops in the next one's first indicator; a single
indicator carries 90 of 100 points and is "完成" (text) against a ≤30 万元 target, scored in full."""

SOURCE = {
    "title": "部门预算项目支出绩效自评表(2023年度)",
    "url": "https://dyxrmt.cn/article-157795-21.html",
    "unit": "大英县司法局",
    "province": "四川",
    "year": 2023,
    "complete": False,
    "note": (
        "Stored page is page 21 of a paginated 大英县司法局 2023年度决算 article on the county media site. "
        "It opens in the middle of one project's form (its 项目名称, 主管部门 and budget block are on page 20, "
        "which is not stored): only its 绩效指标 header, one indicator row, 合计, 评价结论/存在问题/改进措施 and "
        "the signature line are here (rows 1-7). Then the next project's form starts (rows 9-21: "
        "2023年全县安可替代补助资金项目) and the page stops inside its first indicator row "
        "('产出指标 | 质量指标 | 完成安可产品购买并按要求支付资金 | = | 100 | ' cut after the 指标值), so that row is "
        "dropped; everything after it (its other indicators, 合计, conclusions) is missing. "
        "Row 8 is the blank separator the brief asks for; the page itself runs the two forms together. "
        "Column layout rebuilt on the 11-column Sichuan 510000_0013zp export: the budget block's row labels "
        "span B:C and the 原因 cell spans J:K (the long 1.预算执行率=... note is typed once, on the 总额 row; "
        "I merged it down J16:K20). Where 主管部门/实施单位 and the signature cells split the row is my judgement. "
        "The stored text shows half-width brackets and colons ((10分), 其中:财政资金, 项目负责人:) — kept as stored; "
        "the printed form may use full-width ones."
    ),
}
FAMILY = "integrated-form"

NOTE = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
        "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")

SHEETS = [
    ("Sheet1", [
        # --- tail of the previous project's form (its header is on the unstored page 20) ---
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
        [None, "产出指标", "经济成本指标", "成本控制数", "≤", 30.0, "万元", "完成", 90.0, 90.0, None],
        ["合计", None, None, None, None, None, None, None, 100.0, None, None],
        ["评价结论", "根据财政局资金下达的管理办法,将资金支付给项目施工方。", None, None, None, None, None, None, None, None, None],
        ["存在问题", "无", None, None, None, None, None, None, None, None, None],
        ["改进措施", "无", None, None, None, None, None, None, None, None, None],
        ["项目负责人:查小兵", None, None, None, None, "财务负责人:唐勇", None, None, None, None, None],
        [None, None, None, None, None, None, None, None, None, None, None],
        # --- next project ---
        ["部门预算项目支出绩效自评表(2023年度)", None, None, None, None, None, None, None, None, None, None],
        ["项目名称", "51092324T000010263357-2023年全县安可替代补助资金项目", None, None, None, None, None, None, None, None, None],
        ["主管部门", "大英县司法局部门", None, None, None, "实施单位", "大英县司法局", None, None, None, None],
        ["项目基本情况", "1.项目年度目标完成情况", None, "项目年度目标", None, None, None, "年度目标完成情况", None, None, None],
        [None, None, None, "根据要求购买安可设备,并完成项目资金支付。", None, None, None, "完成", None, None, None],
        [None, "2.项目实施内容及过程概述", None, "2023年购买13台安可电脑,并于12月前完成资金支付。", None, None, None, None, None, None, None],
        ["预算执行情况(10分)", "年度预算数(万元)", None, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因", None],
        [None, "总额", None, 0.0, 3.36, 3.36, 1.0, 10.0, 10.0, NOTE, None],
        [None, "其中:财政资金", None, 0.0, 3.36, 3.36, 1.0, "/", "/", None, None],
        [None, "财政专户管理资金", None, 0.0, 0.0, 0.0, 0.0, "/", "/", None, None],
        [None, "单位资金", None, 0.0, 0.0, 0.0, 0.0, "/", "/", None, None],
        [None, "其他资金", None, None, None, None, None, "/", "/", None, None],
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ], [
        "A1:A2", "A3:H3", "B4:K4", "B5:K5", "B6:K6", "A7:E7", "F7:K7",
        "A9:K9", "B10:K10", "B11:E11", "G11:K11",
        "A12:A14", "B12:C13", "D12:G12", "H12:K12", "D13:G13", "H13:K13", "B14:C14", "D14:K14",
        "A15:A20", "B15:C15", "J15:K15", "B16:C16", "J16:K20", "B17:C17", "B18:C18", "B19:C19", "B20:C20",
    ]),
]

EXPECTED = [
    {
        "sheet": "Sheet1",
        "project": None,  # its 项目名称 is on the unstored previous page
        "budget": None,
        "executed": None,
        "execution_rate": None,
        "budget_points": None,
        "budget_score": None,
        "weights": 90.0,  # only the one indicator's 权重 is on this page; 合计 says 100 (budget 10 presumably on page 20)
        "typed_total": None,  # the 合计 row's 得分 cell (J3) is blank
        "total": None,
        "grade": None,
        "why": "fragment: the project's name and budget block (预算执行情况) are on the previous page, which is not stored; "
               "only one indicator (90 of the 100 declared points) is visible and the 合计 得分 is blank",
        "contradictions": [
            {"cell": "H2", "severity": "警告",
             "what": "完成值 is the text 完成 for a numeric target ≤30 万元, yet the full 90 points are given (J2)"},
        ],
        "hand": "Visible: one indicator 成本控制数 ≤30 万元, 完成值 '完成' (text), 权重 90, 得分 90 — kept as typed (qualitative "
                "actual on a numeric target). 合计 权重 100 (I3) = 90 + a budget 权重 of 10 not on this page. Budget score "
                "unknown, so no total.",
    },
    {
        "sheet": "Sheet1",
        "project": "51092324T000010263357-2023年全县安可替代补助资金项目",
        "budget": 3.36,
        "executed": 3.36,
        "execution_rate": 1.0,
        "budget_points": 10.0,
        "budget_score": 10.0,
        "weights": 10.0,  # only the budget line's 权重 survives; the 绩效指标(90分) rows are cut
        "typed_total": None,
        "total": None,
        "grade": None,
        "why": "the stored page stops inside the first indicator row; every indicator 权重/得分 and the 合计 are missing",
        "contradictions": [],
        "hand": "总额 调整后预算数 3.36, 预算执行数 3.36 → 3.36/3.36 = 100% (typed 100.00%, G16) → 10 × 1 = 10 (typed 10, I16). "
                "年初预算 0.00 with 调整后 3.36 is a mid-year addition, not an error. Label 绩效指标(90分) + budget 10 "
                "would make 100, but none of the indicator rows is on the page.",
    },
]

# Reviewed against the brief's own rules: the first project is only the end of its table (indicators, 合计), which carries none of the 一体化 form's marks (those are in its budget block, on a page not stored): it is read by its blocks as a form of no known family.
EXPECTED[0]['layout'] = 'self-eval-form'
EXPECTED[0]["contradictions"] += [{"cell": "I3", "severity": "错误", "what": "合计 100 over 90 points on the stored page: the budget line's 10 points are on the page not stored"}]
EXPECTED[1]["contradictions"] += [{"cell": "I16", "severity": "错误", "what": "only the budget line's 10 points are on the stored page (cut in the first indicator row)"}]
EXPECTED[0]["total"] = 90.0  # the one indicator on the page, its typed 90 kept (完成 for ≤30万元: I018); no grade
EXPECTED[1]["total"] = 10.0  # the budget line only (cut in its first indicator row); no grade
