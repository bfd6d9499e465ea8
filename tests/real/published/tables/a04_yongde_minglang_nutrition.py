"""永德县明朗中学 2022年度 义务教育营养改善计划专项资金 — other: national form with a two-row indicator header (年度指标值 split into 指标性质/指标值/度量单位), 云南. Money in 元; '═' and '≧' as operators; a met target scored 7 of 10; typed 总分 96 优."""

SOURCE = {
    "title": "2022年度项目支出绩效自评表 部门:临沧市永德县明朗中学 公开14表",
    "url": "https://www.yongde.gov.cn/info/3003/116104.htm",
    "unit": "永德县明朗中学",
    "province": "云南",
    "year": 2022,
    "complete": True,
    "note": ("Stored as a flattened HTML table ('|' between cells, empty cells dropped). The 年度资金总额 line has only "
             "two amounts (387664.62, 387664.62) for 年初预算数/全年预算数/全年执行数: put under 全年预算数 and 全年执行数, "
             "年初预算数 left empty — it may belong under 年初预算数 instead. The dashes of the 其中/上年结转/其他资金 "
             "lines are placed under 分值 and 得分 (其他资金 has five dashes; 执行率 left empty) by judgement. "
             "The indicator header is two rows: row 1 绩效指标 (over 一级/二级/三级) | 年度指标值 (over three columns) | "
             "实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施; row 2 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | "
             "度量单位. Operators are printed as '≧' (U+2267) and '═' (U+2550, a box-drawing character), kept as stored. "
             "Wrapped labels joined ('其中:当年财政 拨款' → '其中:当年财政拨款', '经济效益 指标' → '经济效益指标'). "
             "生态效益指标 is an empty row. The 经济效益 row has no 指标性质 or 度量单位 (value '有效')."),
}
FAMILY = "other:national form with 指标性质/指标值/度量单位 under 年度指标值 (two-row indicator header), 项目资金 in 元"

SHEETS = [
    ("Sheet1", [
        ["2022年度项目支出绩效自评表", None, None, None, None, None, None, None, None, None],
        ["部门:临沧市永德县明朗中学", None, None, None, None, None, None, None, "公开14表", None],
        ["项目名称", "义务教育营养改善计划专项资金", None, None, None, None, None, None, None, None],
        ["主管部门", "永德县教育体育局", None, None, None, "实施单位", "永德县明朗中学", None, None, None],
        ["项目资金(元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None, None],
        [None, "年度资金总额", None, 387664.62, 387664.62, 10.0, 1.0, 10.0, None, None],
        [None, "其中:当年财政拨款", None, 387664.62, 387664.62, "—", None, "—", None, None],
        [None, "上年结转资金", None, None, None, "—", None, "—", None, None],
        [None, "其他资金", "—", "—", "—", "—", None, "—", None, None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None, None],
        [None, "确保每一个学生都能享受到国家政策福利,改善学生体质", None, None, None,
         "确保每一个学生都能享受到国家政策福利,改善学生体质", None, None, None, None],
        ["绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", None, None, None, None],
        ["产出指标", "数量指标", "学生受资助人数", "≧", 735.0, "人次", 735.0, 10.0, 10.0, None],
        [None, "质量指标", "营养改善计划覆盖率", "≧", 100.0, "%", "100%", 10.0, 10.0, None],
        [None, "时效指标", "资金到位及时率", "≧", 100.0, "%", "100%", 10.0, 7.0, None],
        [None, "成本指标", "生均补助标准达标率", "═", 100.0, "%", "100%", 10.0, 10.0, None],
        ["效益指标", "经济效益指标", "减轻贫困学生家庭经济负担", None, "有效", None, "有效", 10.0, 10.0, None],
        [None, "社会效益指标", "政策知晓率", "═", 100.0, "%", "98%", 10.0, 9.0, None],
        [None, "生态效益指标", None, None, None, None, None, None, None, None],
        [None, "可持续影响指标", "促进学校教育事业健康发展", "≧", 100.0, "%", "100%", 10.0, 10.0, None],
        ["满意度指标", "服务对象满意度指标等", "学生满意度", "≧", 95.0, "%", "100%", 10.0, 10.0, None],
        [None, None, "家长满意度", "≧", 95.0, "%", "100%", 10.0, 10.0, None],
        ["其他需要说明事项", "无", None, None, None, None, "总分", 100.0, 96.0, "优"],
    ], ["A1:J1", "A2:H2", "I2:J2", "B3:J3", "B4:E4", "G4:J4", "A5:A9", "H5:J5", "H6:J6", "H7:J7", "H8:J8",
        "H9:J9", "A10:A11", "B10:E10", "F10:J10", "B11:E11", "F11:J11", "A12:C12", "D12:F12", "G12:G13",
        "H12:H13", "I12:I13", "J12:J13", "A14:A17", "A18:A21", "A22:A23", "B22:B23", "B24:F24"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "义务教育营养改善计划专项资金",
    "budget": 387664.62,
    "executed": 387664.62,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 100.0,
    "typed_total": 96.0,
    "total": 99.8,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "I16", "severity": "警告", "what": "资金到位及时率 ≧100%, actual 100% (met), yet 7 of 10"},
        {"cell": "I19", "severity": "提示", "what": "政策知晓率 ═100%, actual 98% → 9.8 of 10; typed 9 (rounded down)"},
    ],
    "hand": ("rate 387664.62/387664.62 = 1 → budget 10; 受资助人数 735 ≧ 735 → 10; 覆盖率 100% ≧ 100 → 10; "
             "到位及时率 100% ≧ 100 → 10; 达标率 100% = 100 → 10; 减轻负担 有效 (qualitative) → typed 10; "
             "知晓率 98/100 × 10 = 9.8; 健康发展 100% ≧ 100 → 10; 学生/家长满意度 100% ≧ 95 → 10 + 10; "
             "sum 10+10+10+10+10+10+9.8+10+10+10 = 99.8; weights 10 + 9×10 = 100; typed scores add to 96 = typed 总分."),
}]
