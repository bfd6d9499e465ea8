"""丽江市古城区自然资源局 2020年度 省级自然资源卫片执法补助经费 — other, 云南. Two-row indicator header (年度指标值 over
指标性质 | 指标值 | 度量单位), targets typed with the small equals sign "﹦"; every indicator meets its target yet
loses 10% of its points (9/10, 19/20, 19/20, 27/30)."""

SOURCE = {
    "title": "2020年云南省級自然資源衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)",
    "url": "http://m.jjiadianqingjie.com.cn/changyong/13241.html",
    "unit": "丽江市古城区自然资源局",
    "province": "云南",
    "year": 2020,
    "complete": False,
    "note": (
        "Only stored copy is a content-farm mirror (dated 2021-06-28, '来源: 微信公众号:yn2553') that converted the page to "
        "traditional characters and injected pinyin after many of them (項(xiàng)目, 區(qū), 執(zhí)行 …). The cells here are "
        "converted back to simplified characters with the pinyin removed — a mechanical undoing of the mirror, no other "
        "change (e.g. 違法行為責停率 → 违法行为责停率, 其中:當年財政撥款 → 其中:当年财政拨款). The '﹦' (U+FE66 small equals) "
        "in 指标性质 is kept as stored, as are the spaces inside '项目资金 (万元)', '年度 总体 目标' and '一级 指标' (line "
        "breaks in the cell). The stored text stops right after the 满意度 row's 分值 (10.00): that row's 得分 and "
        "偏差原因 cells and everything below (总分, notes, signatures) are not on the page, so the typed 总分 is unknown; "
        "the 满意度 row is kept with 得分 None because all its other cells are whole. The declared 分值 already reach 100 "
        "with it, so no further indicator rows are likely. In 其中:当年财政拨款 the lone '100%' is put under 执行率 (G6), "
        "leaving 分值/得分 blank — the flattened text cannot show which cell was empty. 项目名称 is typed as the form's "
        "own title ('…支出绩效自评表'). Label spans (A:B row labels, J:K 偏差原因) are my rebuild of the 11-column layout."
    ),
}
FAMILY = "other:两行指标表头 — 年度指标值 over 指标性质|指标值|度量单位, then 实际完成值/分值/得分 (云南 2020 variant of the national form)"

SHEETS = [
    ("Sheet1", [
        ["2020年度项目支出绩效自评表", None, None, None, None, None, None, None, None, None, None],
        ["项目名称", "2020年省级自然资源卫片执法补助经费支出绩效自评表", None, None, None, None, None, None, None, None, None],
        ["主管部门", "丽江市自然资源和规划局", None, None, None, "实施单位", "丽江市古城区自然资源局", None, None, None, None],
        ["项目资金 (万元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None, None, None],
        ["年度资金总额", None, 7.29, 7.29, 7.29, 10.0, 1.0, 10.0, None, None, None],
        ["其中:当年财政拨款", None, 7.29, 7.29, 7.29, None, 1.0, None, None, None, None],
        ["上年结转资金", None, None, None, None, None, None, None, None, None, None],
        ["其他资金", None, None, None, None, None, None, None, None, None, None],
        ["年度 总体 目标", "预期目标", None, None, None, None, "实际完成情况", None, None, None, None],
        [None, "自然资源卫片执法补助经费", None, None, None, None, "自然资源卫片执法补助经费", None, None, None, None],
        ["绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分", "偏差原因分析及改进措施", None],
        ["一级 指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", None, None, None, None, None],
        ["产出指标", "数量指标", "卫片执法补助经费", "﹦", 72890.0, "元", 72890.0, 10.0, 9.0, None, None],
        [None, "质量指标", "项目验收合格率", "﹦", 100.0, "%", 100.0, 20.0, 19.0, None, None],
        [None, "时效指标", "项目完成及时率", "﹦", 100.0, "%", 100.0, 20.0, 19.0, None, None],
        ["效益指标", "社会效益指标", "违法行为责停率", "≥", 95.0, "%", 95.0, 30.0, 27.0, None, None],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥", 95.0, "%", 95.0, 10.0, None, None, None],
    ], [
        "A1:K1", "B2:K2", "B3:E3", "G3:K3",
        "A4:B4", "A5:B5", "A6:B6", "A7:B7", "A8:B8",
        "A9:A10", "B9:F9", "G9:K9", "B10:F10", "G10:K10",
        "A11:C11", "D11:F11", "G11:G12", "H11:H12", "I11:I12", "J11:K12",
        "A13:A15", "J13:K13", "J14:K14", "J15:K15", "J16:K16", "J17:K17",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "2020年省级自然资源卫片执法补助经费支出绩效自评表",
    "budget": 7.29,
    "executed": 7.29,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 100.0,
    "typed_total": None,  # the 总分 row is beyond the stored text
    "total": 100.0,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "I13", "severity": "警告", "what": "完成值 72890 元 equals the target ﹦72890, yet 得分 9.00 of 10"},
        {"cell": "I14", "severity": "警告", "what": "完成值 100% equals the target ﹦100%, yet 得分 19 of 20"},
        {"cell": "I15", "severity": "警告", "what": "完成值 100% equals the target ﹦100%, yet 得分 19.00 of 20"},
        {"cell": "I16", "severity": "警告", "what": "完成值 95% meets ≥95%, yet 得分 27.00 of 30"},
        {"cell": "B2", "severity": "提示", "what": "项目名称 is the form's title ('…支出绩效自评表'), not a project name"},
    ],
    "hand": "执行率 7.29/7.29 = 100% (typed 100%) → 10 × 1 = 10 (typed 10.00). Indicators: 72890/72890 → 10; 100/100 → 20; "
            "100/100 → 20; 95 ≥ 95 → 30; 95 ≥ 95 → 10. Total 10 + 10 + 20 + 20 + 30 + 10 = 100.00 → 优. The unit's own "
            "scores visible so far: 10 + 9 + 19 + 19 + 27 = 84 with the 满意度 得分 (and the typed 总分) off the stored page.",
}]
