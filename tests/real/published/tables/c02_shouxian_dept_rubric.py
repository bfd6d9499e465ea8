"""寿县（单位名空白） 2023年度 部门整体支出绩效评价自评表 — other:department-rubric, 安徽. Numbered rubric (序号/指标分值/指标解释/评分标准/自评得分), unit cell left blank; stored page stops at row 6 (预算执行率)."""

SOURCE = {
    "title": "2023年度部门整体支出绩效评价自评表",
    "url": "https://www.shouxian.gov.cn/public/118322758/1259995520.html",
    "unit": "寿县政府信息公开网某部门（表内“单位”一栏为空，摘录未显示单位名称）",
    "province": "安徽省",
    "year": 2023,
    "complete": False,
    "note": ("Stored excerpt stops inside row 序号6 (执行(35分) / 预算执行(18分) / 预算执行率, 分值 5): its 评分标准 is cut "
             "at '1、除上级政策性因素影响外,年度无预算追加(1' and its 自评得分 is not shown, so that row was dropped; "
             "everything after it (rest of 执行, 效果 sections, 总分) is missing. The '单位' row is printed with an empty "
             "value. Labels wrapped inside cells are joined ('一级 指标' -> '一级指标', '基础信息 完整性' -> "
             "'基础信息完整性', '规划 (15分)' -> '规划(15分)'); criterion texts are kept as stored, with the spaces between "
             "their numbered items. Brackets/colons half-width as returned by the search tool. No budget block, no "
             "基本支出/项目支出 lines: this is a department rubric, not the budget-line department form."),
}
FAMILY = "other:department-rubric (序号, 一级/二级/三级指标, 指标分值, 指标解释, 指标说明及评分标准, 自评得分)"

SHEETS = [
    ("Sheet1", [
        ["2023年度部门整体支出绩效评价自评表", None, None, None, None, None, None, None],
        ["单位", None, None, None, None, None, None, None],
        ["序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "指标说明及评分标准", "自评得分"],
        [1.0, "规划(15分)", "基础信息(3分)", "基础信息完整性", 3.0,
         "部门及所属二级单位预算基础信息是否符合相关规定,信息资料是否真实、完整,用以评价该单位基础信息对预算编制数据的支撑情况(按年初预算基础信息表考核)。",
         "1、基础数据信息是否真实(1分); 2、基础数据信息是否完整(1分); 3、基础数据信息是否准确(1分)。", 3.0],
        [2.0, None, "工作计划(6分)", "年度工作计划完整性", 3.0,
         "部门及所属二级单位年度工作计划制定是否完整可行。", "年度工作计划是否完整可行(3分)", 3.0],
        [3.0, None, None, "年度工作计划明确性", 3.0,
         "部门及所属二级单位年度工作计划制定是否明确可操作。", "年度工作计划是否明确可操作(3分)", 3.0],
        [4.0, None, "绩效目标(6分)", "年度绩效目标合理性", 4.0,
         "单位是否设置年度绩效目标,绩效目标设定是否符合单位实际,是否合理。",
         "1、设置年度绩效目标(2分,其中单位整体绩效目标1分,项目绩效目标1分,若单位无项目,得2分) 2、绩效目标设置依据充分(1分) 3、绩效目标合理,符合实际,可操作(1分) 4、未设置绩效目标,该栏不得分", 4.0],
        [5.0, None, None, "年度绩效目标明确性", 2.0,
         "是否制定明确、细化、量化的绩效目标。", "绩效目标明确,且细化、量化(2分);", 2.0],
    ], ["A1:H1", "B2:H2", "B4:B8", "C5:C6", "C7:C8"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": None,
    "budget": None,
    "executed": None,
    "execution_rate": None,
    "budget_points": None,
    "budget_score": None,
    "weights": 15.0,
    "typed_total": None,
    "total": 15.0,  # the page as stored: 15 points, so the total stands ungraded (the tool's rule for points ≠ 100)
    "grade": None,
    "why": "stored page cut at row 序号6 (执行/预算执行率): the 执行 and later sections and the 总分 are missing, so no total can be computed; visible rows score 15 of 15; no budget block",
    "contradictions": [
        {"cell": "E8", "severity": "错误", "what": "as the page is stored (cut after 规划): 指标分值 add to 15, not 100, so no grade"},
    ],
    "hand": ("Visible 指标分值 3+3+3+4+2 = 15 = 规划(15分); 基础信息(3分) = 3; 工作计划(6分) = 3+3; 绩效目标(6分) = 4+2. "
             "Criterion 1 of 年度绩效目标合理性 is worth 2, criteria 2 and 3 one each: 4 = its 分值. Every visible row has "
             "自评得分 = 分值 (qualitative criteria, unit's own scores kept). The dropped row 6 shows 执行(35分), "
             "预算执行(18分), 预算执行率 分值 5. No 总分 visible."),
}]
