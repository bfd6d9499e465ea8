"""银川市第六中学 2021年度 初中公用经费 — four-part, 宁夏. 项目决策/项目管理/项目产出/项目效益 with 参考分值, budget columns 调整预算数(A)/全年执行数(B)/执行率(B/A); 自评得分 98 is more than the form can reach (visible scores 84 + at most 10 for the cut 满意度 row = 94), and points are docked where actual equals target (预算执行率 100% → 9 of 10)."""

SOURCE = {
    "title": "银川市本级部门项目支出绩效自评表.docx",
    "url": "https://m.yzwku.com/doc/476505.html",
    "unit": "银川市第六中学（主管部门：银川市教育局）",
    "province": "宁夏",
    "year": 2021,
    "complete": False,
    "note": ("Document-sharing mirror (优知文库) of a scanned .docx: the stored text is OCR. Unambiguous OCR slips are "
             "corrected and listed here: 实施第位→实施单位, 项Fl资金(万兀)→项目资金(万元), 年初预匏数→年初预算数, "
             "调整预算将,A、→调整预算数(A), 年度总体r二→年度总体目标, 考值参分→参考分值, 指标值(八)→指标值(A), "
             "项Fl实施→项目实施, 顼目产出→项目产出, 'IO'→10, 'M.8万元'→14.8万元 (15+35+14.8 = 64.8, the budget), "
             "指标L:→指标1:, 有资金测第标准→有资金测算标准, 行个→有个; the dash in 指标值 (OCR '一' or '-') is written '—'. "
             "Kept as stored because not certain: '财政审1度评分' (a second, blank score box; perhaps 财政审核评分). "
             "The OCR residue '公,4' under 年度总体目标完成情况 is not transcribed. The stored page stops inside the "
             "服务对象满意度指标(10分) row ('学生和老…'): that row is dropped, so 项目效益 shows 25 of its 35 points."),
}
FAMILY = "four-part"

SHEETS = [
    ("Sheet1", [
        ["银川市本级部门项目支出绩效自评表(2021年)", None, None, None, None, None, None, None],
        ["项目名称", "初中公用经费", None, None, "主管部门", "银川市教育局", None, None],
        ["实施单位", "银川市第六中学", None, None, "自评得分", 98.0, "财政审1度评分", None],
        ["项目资金(万元)", None, None, "年初预算数", "调整预算数(A)", "全年执行数(B)", "执行率(B/A)", None],
        [None, "年度资金总额", None, 64.8, 64.8, 64.8, 1.0, None],
        ["年度总体目标", "年初设定目标", None, None, "年度总体目标完成情况", None, None, None],
        [None, "保障学校正常工作运行", None, None, None, None, None, None],
        ["一级指标", "二级指标", "三级指标", "参考分值", "指标值(A)", "全年实际值(B)", "得分", "未完成原因分析及改进措施"],
        ["项目决策(10分)", "项目目标", "完整性", 4.0, "—", "目标明确、内容细化、目标量化", 4.0, None],
        [None, "项目立项", "相关性", 2.0, "—", "按照学校管理标准对学校进行管理", 2.0, None],
        [None, None, "可行性", 2.0, None, "实际工作需求", 2.0, None],
        [None, None, "适当性", 2.0, None, "有资金测算标准", 2.0, None],
        ["项目管理(25分)", "投入管理", "预算执行率", 10.0, "—", "100%", 9.0, None],
        [None, "财务管理", "财务管理制度有效性", 7.0, "—", "财务制度健全,严格执行制度,会计核算规范", 7.0, None],
        [None, "项目实施", "绩效监控有效性", 2.0, "—", "持续有效", 2.0, None],
        [None, None, "管理制度有效性", 6.0, "—", "严格执行相关管理制度", 6.0, None],
        ["项目产出(30分)", "数量指标(10分)", "保障人数", 10.0, "2370人", "2370人", 10.0, None],
        [None, None, "指标2:", None, None, None, None, None],
        [None, "质量指标(5分)", "公用经费标准", 5.0, "符合相关文件要求", "符合相关文件要求", 5.0, None],
        [None, None, "指标2:", None, None, None, None, None],
        [None, "时效指标(5分)", "公用经费完成时间", 5.0, "2021年12月完成", "2021年12月完成", 4.0, None],
        [None, None, "指标2:", None, None, None, None, None],
        [None, "成本指标(10分)", "办公所需成本", 4.0, "15万元", "15万元", 4.0, None],
        [None, None, "维修(维护)所需成本", 3.0, "35万元", "35万元", 3.0, None],
        [None, None, "绿化、水电费等成本", 3.0, "14.8万元", "14.8万元", 3.0, None],
        ["项目效益(35分)", "经济效益指标", "指标1:", None, None, None, None, None],
        [None, None, "指标2:", None, None, None, None, None],
        [None, "社会效益指标", "效果显著", 15.0, "改善学校的办学条件", "改善学校的办学条件", 13.0, None],
        [None, "生态效益指标", "指标1:", None, None, None, None, None],
        [None, None, "指标2:", None, None, None, None, None],
        [None, "可持续影响指标", "使学生和老师有个更好的学习和工作环境,做到", 10.0, "社会认可的办学环境.", "社会认可的办学环境.", 8.0, None],
        [None, None, "指标2:", None, None, None, None, None],
    ], ["A1:H1", "B2:D2", "F2:H2", "B3:D3", "A4:A5", "B4:C4", "B5:C5", "A6:A7", "B6:D6", "E6:H6",
        "B7:D7", "E7:H7", "A9:A12", "B10:B12", "A13:A16", "B15:B16", "A17:A25", "B17:B18", "B19:B20",
        "B21:B22", "B23:B25", "A26:A32", "B26:B27", "B29:B30", "B31:B32"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "初中公用经费",
    "budget": 64.8,
    "executed": 64.8,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 100.0,
    "typed_total": 98.0,
    "total": 86.0,  # the page as stored: points 90, so the total stands ungraded (the tool's rule for points ≠ 100)
    "grade": None,
    "why": "stored page stops at the 服务对象满意度指标(10分) row; its 参考分值 and 得分 are missing (visible: 85.0 of 90 visible points)",
    "contradictions": [
        {"cell": "F3", "severity": "错误", "what": "自评得分 98, but the typed scores on the page add to 84 (10 + 24 + 29 + 21) and the only row left, 服务对象满意度指标(10分), can add at most 10: 94 at most"},
        {"cell": "A26", "severity": "错误", "what": "as the page is stored (cut after 可持续影响指标): 项目效益(35分) holds 15 + 10 = 25 points"},
        {"cell": "D31", "severity": "错误", "what": "as the page is stored: 参考分值 add to 90, not 100 (the cut 满意度 row's 10 missing), so no grade"},
        {"cell": "G13", "severity": "警告", "what": "预算执行率 64.8/64.8 = 100% (printed 100%) yet 9 of 10"},
        {"cell": "G21", "severity": "警告", "what": "公用经费完成时间: 全年实际值 equals 指标值 (2021年12月完成) yet 4 of 5"},
        {"cell": "G28", "severity": "提示", "what": "社会效益: 全年实际值 equals 指标值 yet 13 of 15 (qualitative; the unit's own judgement)"},
        {"cell": "G31", "severity": "提示", "what": "可持续影响: 全年实际值 equals 指标值 yet 8 of 10 (qualitative; the unit's own judgement)"},
    ],
    "hand": ("Budget line is the 预算执行率 indicator (参考分值 10): 64.8/64.8 = 100% → 10 (typed 9). "
             "项目决策 4+2+2+2 = 10 (qualitative, kept). 项目管理: 10 (mine) + 7 + 2 + 6 = 25. "
             "项目产出: 保障人数 2370/2370 → 10; 公用经费标准 text keep 5; 完成时间 text keep 4; 成本 15万元/15万元, "
             "35万元/35万元, 14.8万元/14.8万元 equal → 4 + 3 + 3 → 29. 项目效益 visible: 13 + 8 = 21. Visible sum "
             "10 + 25 + 29 + 21 = 85.0; the 10-point 满意度 row is cut, so no total. Declared points 10+25+30+35 = 100 "
             "(二级 labels 10+5+5+10 = 30 and visible 15+10 + cut 10 = 35 agree)."),
}]
