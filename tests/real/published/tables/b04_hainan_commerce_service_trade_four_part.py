"""海南省商务厅服务贸易和商贸服务业处 服务贸易项目 — four-part, 海南. 项目决策(20)/项目管理(25)/项目绩效(55: 项目产出 15, 项目效益 40) with 分值 at every level and one 得分 column; 到位率 scored 3 of 3 although only 398.88 of 570 万元 arrived (69.98%)."""

SOURCE = {
    "title": "服务贸易项目绩效自评表.docx",
    "url": "https://m.bdocx.com/doc/30238812.html",
    "unit": "省商务厅服务贸易和商贸服务业处（主管部门：省商务厅）",
    "province": "海南",
    "year": None,
    "complete": False,
    "note": ("Document-sharing mirror (冰豆网, uploaded 2023-08-13) of a .docx, stored one cell per line. The form "
             "prints no year. The address (海口市国兴大道省政府办公楼) places it in 海南. The stored page stops at the "
             "start of 项目效益 (40), whose first 三级 label is cut ('经济…'): that row and everything after it "
             "(效益 indicators, any 总分) are missing. The money block is laid out as three label/value pairs "
             "(计划投资额 / 实际到位资金 / 实际使用情况) with the two '其中:' breakdowns under the first two, as the cells "
             "are stored; 实际使用情况 has no breakdown. 邮编 stored as a plain number. The form has no 项目名称 cell: "
             "EXPECTED project '服务贸易项目' is taken from the title."),
}
FAMILY = "four-part"

SHEETS = [
    ("Sheet1", [
        ["服务贸易项目绩效自评表", None, None, None, None, None, None, None],
        ["一、项目基本情况", None, None, None, None, None, None, None],
        ["项目实施单位", "省商务厅服务贸易和商贸服务业处", None, None, "主管部门", "省商务厅", None, None],
        ["项目负责人", "李鹏", None, None, "联系电话", None, None, None],
        ["地址", "海口市国兴大道省政府办公楼2楼", None, None, "邮编", 570204.0, None, None],
        ["项目类型", "经常性项目(√)一次性项目()", None, None, None, None, None, None],
        ["计划投资额(万元)", None, 570.0, "实际到位资金(万元)", None, 398.88, "实际使用情况(万元)", 395.86],
        ["其中:", "中央财政", 0.0, "其中:", "中央财政", 0.0, None, None],
        [None, "省财政", 570.0, None, "省财政", 398.88, None, None],
        [None, "市县财政", 0.0, None, "市县财政", 0.0, None, None],
        [None, "其他", 0.0, None, "其他", 0.0, None, None],
        ["二、绩效评价指标评分", None, None, None, None, None, None, None],
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分", None],
        ["项目决策", 20.0, "项目目标", 4.0, "目标内容", 4.0, 4.0, None],
        [None, None, "决策过程", 8.0, "决策依据", 3.0, 3.0, None],
        [None, None, None, None, "决策程序", 5.0, 5.0, None],
        [None, None, "资金分配", 8.0, "分配办法", 2.0, 2.0, None],
        [None, None, None, None, "分配结果", 6.0, 6.0, None],
        ["项目管理", 25.0, "资金到位", 5.0, "到位率", 3.0, 3.0, None],
        [None, None, None, None, "到位时效", 2.0, 2.0, None],
        [None, None, "资金管理", 10.0, "资金使用", 7.0, 7.0, None],
        [None, None, None, None, "财务管理", 3.0, 3.0, None],
        [None, None, "组织实施", 10.0, "组织机构", 1.0, 1.0, None],
        [None, None, None, None, "管理制度", 9.0, 9.0, None],
        ["项目绩效", 55.0, "项目产出", 15.0, "产出数量", 5.0, 5.0, None],
        [None, None, None, None, "产出质量", 4.0, 4.0, None],
        [None, None, None, None, "产出时效", 3.0, 3.0, None],
        [None, None, None, None, "产出成本", 3.0, 3.0, None],
    ], ["A1:H1", "A2:H2", "B3:D3", "F3:H3", "B4:D4", "F4:H4", "B5:D5", "F5:H5", "B6:H6", "A7:B7", "D7:E7",
        "A8:A11", "D8:D11", "G8:H11", "A12:H12",
        "G13:H13", "G14:H14", "G15:H15", "G16:H16", "G17:H17", "G18:H18", "G19:H19", "G20:H20", "G21:H21",
        "G22:H22", "G23:H23", "G24:H24", "G25:H25", "G26:H26", "G27:H27", "G28:H28",
        "A14:A18", "B14:B18", "C15:C16", "D15:D16", "C17:C18", "D17:D18",
        "A19:A24", "B19:B24", "C19:C20", "D19:D20", "C21:C22", "D21:D22", "C23:C24", "D23:D24",
        "A25:A28", "B25:B28", "C25:C28", "D25:D28"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "服务贸易项目",
    "budget": 570.0,
    "executed": 395.86,
    "execution_rate": 0.6944912280701755,
    "budget_points": None,
    "budget_score": None,
    "weights": 100.0,
    "typed_total": None,
    "total": 59.099368,  # the page as stored: 60 points, 到位率 2.10 by the rule (398.88/570) — ungraded
    "grade": None,
    "why": "stored page stops at 项目效益 (40 of the 100 points): its indicators, scores and any 总分 are missing; the form has no budget-execution line with points",
    "contradictions": [
        {"cell": "F28", "severity": "错误", "what": "as the page is stored (cut before 项目效益): 分值 add to 60, not 100, so no grade"},
        {"cell": "G19", "severity": "警告", "what": "到位率 (实际到位/计划到位) = 398.88/570 = 69.98%, yet the full 3 of 3 points"},
        {"cell": "G21", "severity": "提示", "what": "资金使用 7 of 7 while only 395.86 of the 570 planned (69.45%) was spent"},
    ],
    "hand": ("Money: 计划投资额 570, 实际到位 398.88 (69.98%), 实际使用 395.86 (69.45% of plan, 99.24% of arrivals); no "
             "line scores budget execution as such. Points: 项目决策 4+3+5+2+6 = 20 (二级 4+8+8 = 20); 项目管理 "
             "3+2+7+3+1+9 = 25 (二级 5+10+10); 项目产出 5+4+3+3 = 15; 项目绩效 55 = 15 + 40; 20+25+55 = 100. "
             "Typed scores visible: 20 + 25 + 15 = 60 of 60 visible points; 项目效益 (40) is cut, so no total."),
}]
